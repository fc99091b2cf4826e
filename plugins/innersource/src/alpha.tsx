import {
  ApiBlueprint,
  PageBlueprint,
  SubPageBlueprint,
  coreExtensionData,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { InnerSourceClient } from '@innersource-backstage/plugin-innersource-common';
import CallSplitIcon from '@material-ui/icons/CallSplit';
import { innerSourceApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The InnerSource backend client.
 *
 * @alpha
 */
export const innerSourceApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: innerSourceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new InnerSourceClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The InnerSource page at `/innersource`: the discovery view, and a tab for each sub-page attached
 * to its `pages` input (such as {@link innerSourceProgramPage}). Having a title and an icon, it
 * gets a navigation item. Each view renders its own header with the tabs below it, so the plugin
 * header of the page layout is turned off.
 *
 * @alpha
 */
export const innerSourcePage = PageBlueprint.makeWithOverrides({
  factory(originalFactory, { inputs }) {
    const tabs = inputs.pages.map(page => {
      const path = page.get(coreExtensionData.routePath).replace(/^\/+/, '');
      return {
        path,
        title: page.get(coreExtensionData.title) ?? path,
        element: page.get(coreExtensionData.reactElement),
      };
    });
    return originalFactory({
      path: '/innersource',
      title: 'InnerSource',
      icon: <CallSplitIcon fontSize="inherit" />,
      routeRef: rootRouteRef,
      noHeader: true,
      loader: () =>
        import('./components/InnerSourceTabbedPage').then(m => (
          <m.InnerSourceTabbedPage tabs={tabs} />
        )),
    });
  },
});

/**
 * The program view of the InnerSource Program Office, a tab of the InnerSource page at
 * `/innersource/program`.
 *
 * @alpha
 */
export const innerSourceProgramPage = SubPageBlueprint.make({
  name: 'program',
  attachTo: { id: 'page:innersource', input: 'pages' },
  params: {
    path: 'program',
    title: 'Program',
    loader: () =>
      import('./components/ProgramPage').then(m => <m.ProgramPage />),
  },
});

/**
 * The InnerSource tab of the entity pages of Components, APIs, Resources and Systems.
 *
 * @alpha
 */
export const innerSourceEntityContent = EntityContentBlueprint.make({
  name: 'entity',
  params: {
    path: '/innersource',
    title: 'InnerSource',
    filter: { kind: { $in: ['component', 'api', 'resource', 'system'] } },
    loader: () =>
      import('./components/EntityInnerSourceContent').then(m => (
        <m.EntityInnerSourceContent />
      )),
  },
});

/**
 * The InnerSource tab of Group entity pages: the group's projects, its contributions to other
 * teams' projects, and the projects it reuses.
 *
 * @alpha
 */
export const innerSourceGroupEntityContent = EntityContentBlueprint.make({
  name: 'group',
  params: {
    path: '/innersource',
    title: 'InnerSource',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/EntityInnerSourceGroupContent').then(m => (
        <m.EntityInnerSourceGroupContent />
      )),
  },
});

/**
 * The InnerSource plugin for the new frontend system.
 *
 * @example
 * ```ts
 * import innersourcePlugin from '@innersource-backstage/plugin-innersource/alpha';
 *
 * createApp({ features: [innersourcePlugin] });
 * ```
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'innersource',
  title: 'InnerSource',
  icon: <CallSplitIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
  },
  extensions: [
    innerSourceApi,
    innerSourcePage,
    innerSourceProgramPage,
    innerSourceEntityContent,
    innerSourceGroupEntityContent,
  ],
});
