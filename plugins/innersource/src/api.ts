import { createApiRef } from '@backstage/core-plugin-api';
import type { InnerSourceApi } from '@innersource-backstage/plugin-innersource-common';

/**
 * Utility API reference for the InnerSource backend client.
 *
 * @remarks
 *
 * Created with `@backstage/core-plugin-api`, whose API refs are shared with the new frontend
 * system, so the same reference works in classic apps and in apps built with
 * `@backstage/frontend-plugin-api`.
 *
 * @public
 */
export const innerSourceApiRef = createApiRef<InnerSourceApi>({
  id: 'plugin.innersource.service',
});
