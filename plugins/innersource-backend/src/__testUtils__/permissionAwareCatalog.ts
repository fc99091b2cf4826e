import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * An in-memory catalog that, like the real one behind the permission framework, answers each
 * caller with only the entities that caller may read. `hiddenFrom` maps a user ref to the entity
 * refs that user may not see.
 */
export function permissionAwareCatalog(options: {
  entities: Entity[];
  hiddenFrom?: Record<string, string[]>;
}) {
  const visibleTo = (credentials?: BackstageCredentials) => {
    const principal = credentials?.principal as
      | { userEntityRef?: string }
      | undefined;
    const hidden = new Set(
      (principal?.userEntityRef &&
        options.hiddenFrom?.[principal.userEntityRef]) ||
        [],
    );
    return options.entities.filter(e => !hidden.has(stringifyEntityRef(e)));
  };
  const kindMatches = (entity: Entity, filter: unknown) => {
    const kinds = (filter as { kind?: string | string[] } | undefined)?.kind;
    if (!kinds) return true;
    return ([] as string[])
      .concat(kinds)
      .some(
        k =>
          k.toLocaleLowerCase('en-US') ===
          entity.kind.toLocaleLowerCase('en-US'),
      );
  };
  return catalogServiceMock.mock({
    async *streamEntities(request, opts) {
      const credentials = (opts as { credentials?: BackstageCredentials })
        ?.credentials;
      yield visibleTo(credentials).filter(e => kindMatches(e, request?.filter));
    },
    async getEntityByRef(ref, opts) {
      const credentials = (opts as { credentials?: BackstageCredentials })
        ?.credentials;
      const wanted = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
      return visibleTo(credentials).find(e => stringifyEntityRef(e) === wanted);
    },
  });
}

/**
 * The permission framework in front of {@link permissionAwareCatalog}: the catalog's read
 * permission is conditional for users with hidden entities (the catalog applies the conditions),
 * denied to `deniedTo`, and allowed to everyone else.
 */
export function permissionAwarePermissions(options: {
  hiddenFrom?: Record<string, string[]>;
  deniedTo?: string[];
}) {
  return mockServices.permissions.mock({
    async authorizeConditional(requests, opts) {
      const principal = opts.credentials.principal as {
        userEntityRef?: string;
      };
      const user = principal.userEntityRef ?? '';
      return requests.map(() => {
        if (options.deniedTo?.includes(user)) {
          return { result: AuthorizeResult.DENY };
        }
        if (options.hiddenFrom?.[user]) {
          return {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'catalog',
            resourceType: 'catalog-entity',
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: [user] },
            },
          };
        }
        return { result: AuthorizeResult.ALLOW };
      });
    },
  });
}
