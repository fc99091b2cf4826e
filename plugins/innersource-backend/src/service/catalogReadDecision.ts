import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * What the permission policy says of the caller reading catalog entities: `all` when it allows
 * it outright (the allow-all policy, and service callers), `none` when it denies it, `some` when
 * the decision is conditional (or there is no permission service): then only the catalog, which
 * applies the conditions, knows which entities.
 */
export async function catalogReadDecision(
  permissions: PermissionsService | undefined,
  credentials: BackstageCredentials,
): Promise<'all' | 'none' | 'some'> {
  if (!permissions) return 'some';
  const [decision] = await permissions.authorizeConditional(
    [{ permission: catalogEntityReadPermission }],
    { credentials },
  );
  if (decision.result === AuthorizeResult.ALLOW) return 'all';
  if (decision.result === AuthorizeResult.DENY) return 'none';
  return 'some';
}
