import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * Route of the InnerSource discovery page.
 *
 * @remarks
 *
 * Created with `@backstage/core-plugin-api` so that it can be mounted by classic apps and,
 * through the built-in compatibility of route refs, by the new frontend system.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'innersource',
});
