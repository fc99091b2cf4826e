import {
  ApiBlueprint,
  PageBlueprint,
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
 * The discovery page at `/innersource`. Having a title and an icon, it gets a navigation item.
 * The page renders its own header, so the plugin header of the page layout is turned off.
 *
 * @alpha
 */
export const innerSourcePage = PageBlueprint.make({
  params: {
    path: '/innersource',
    title: 'InnerSource',
    icon: <CallSplitIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    noHeader: true,
    loader: () =>
      import('./components/InnerSourcePage').then(m => <m.InnerSourcePage />),
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
  extensions: [innerSourceApi, innerSourcePage, innerSourceEntityContent],
});
