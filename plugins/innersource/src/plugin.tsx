import type { Entity } from '@backstage/catalog-model';
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  INNERSOURCE_KINDS,
  InnerSourceClient,
} from '@innersource-backstage/plugin-innersource-common';
import { innerSourceApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * Whether the InnerSource tab applies to an entity: true for the kinds the InnerSource backend
 * computes figures for (Component, API, Resource and System).
 *
 * @public
 */
export function isInnerSourceAvailable(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return INNERSOURCE_KINDS.some(k => k.toLocaleLowerCase('en-US') === kind);
}

/**
 * Whether the InnerSource tab for groups applies to an entity: true for Groups.
 *
 * @public
 */
export function isInnerSourceGroupAvailable(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'group';
}

/**
 * The InnerSource plugin for apps on the classic frontend system.
 *
 * @remarks
 *
 * Apps on the new frontend system use the default export of
 * `@innersource-backstage/plugin-innersource/alpha` instead.
 *
 * @public
 */
export const innersourcePlugin = createPlugin({
  id: 'innersource',
  apis: [
    createApiFactory({
      api: innerSourceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new InnerSourceClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The InnerSource page, for the classic frontend system: the discovery view, and the program view
 * of the InnerSource Program Office as a second tab at `program`.
 *
 * @example
 * ```tsx
 * <Route path="/innersource" element={<InnerSourcePage />} />
 * ```
 *
 * @public
 */
export const InnerSourcePage = innersourcePlugin.provide(
  createRoutableExtension({
    name: 'InnerSourcePage',
    component: () =>
      Promise.all([
        import('./components/InnerSourceTabbedPage'),
        import('./components/ProgramPage'),
      ]).then(
        ([tabbed, program]) =>
          function InnerSourcePageWithTabs() {
            return (
              <tabbed.InnerSourceTabbedPage
                tabs={[
                  {
                    path: 'program',
                    title: 'Program',
                    element: <program.ProgramPage />,
                  },
                ]}
              />
            );
          },
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The InnerSource tab of an entity page, for the classic frontend system.
 *
 * @example
 * ```tsx
 * <EntityLayout.Route
 *   path="/innersource"
 *   title="InnerSource"
 *   if={isInnerSourceAvailable}
 * >
 *   <EntityInnerSourceContent />
 * </EntityLayout.Route>
 * ```
 *
 * @public
 */
export const EntityInnerSourceContent = innersourcePlugin.provide(
  createComponentExtension({
    name: 'EntityInnerSourceContent',
    component: {
      lazy: () =>
        import('./components/EntityInnerSourceContent').then(
          m => m.EntityInnerSourceContent,
        ),
    },
  }),
);

/**
 * The InnerSource tab of a Group's entity page, for the classic frontend system: the projects the
 * group and the groups below it own, the group's contributions to other teams' projects, and the
 * projects of other teams it reuses.
 *
 * @example
 * ```tsx
 * <EntityLayout.Route
 *   path="/innersource"
 *   title="InnerSource"
 *   if={isInnerSourceGroupAvailable}
 * >
 *   <EntityInnerSourceGroupContent />
 * </EntityLayout.Route>
 * ```
 *
 * @public
 */
export const EntityInnerSourceGroupContent = innersourcePlugin.provide(
  createComponentExtension({
    name: 'EntityInnerSourceGroupContent',
    component: {
      lazy: () =>
        import('./components/EntityInnerSourceGroupContent').then(
          m => m.EntityInnerSourceGroupContent,
        ),
    },
  }),
);
