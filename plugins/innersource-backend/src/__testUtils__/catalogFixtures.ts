import { JsonObject } from '@backstage/types';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

type SpecRelation = {
  field: string;
  defaultKind?: string;
  forward: string;
  reverse: string;
};

/** The relations Backstage's built-in catalog processor derives from spec fields. */
const SPEC_RELATIONS: Record<string, SpecRelation[]> = {
  '*': [
    {
      field: 'owner',
      defaultKind: 'group',
      forward: 'ownedBy',
      reverse: 'ownerOf',
    },
    { field: 'dependsOn', forward: 'dependsOn', reverse: 'dependencyOf' },
    {
      field: 'system',
      defaultKind: 'system',
      forward: 'partOf',
      reverse: 'hasPart',
    },
  ],
  component: [
    {
      field: 'providesApis',
      defaultKind: 'api',
      forward: 'providesApi',
      reverse: 'apiProvidedBy',
    },
    {
      field: 'consumesApis',
      defaultKind: 'api',
      forward: 'consumesApi',
      reverse: 'apiConsumedBy',
    },
  ],
  group: [
    {
      field: 'parent',
      defaultKind: 'group',
      forward: 'childOf',
      reverse: 'parentOf',
    },
    {
      field: 'children',
      defaultKind: 'group',
      forward: 'parentOf',
      reverse: 'childOf',
    },
  ],
  user: [
    {
      field: 'memberOf',
      defaultKind: 'group',
      forward: 'memberOf',
      reverse: 'hasMember',
    },
  ],
};

/**
 * Adds the relations the catalog would compute from spec fields, so tests can describe entities
 * the way catalog-info.yaml files do. Relations to entities that do not exist are kept, as the
 * catalog keeps them.
 */
export function withCatalogRelations(entities: Entity[]): Entity[] {
  const copies = entities.map(e => ({
    ...e,
    metadata: { namespace: 'default', ...e.metadata },
    relations: [] as NonNullable<Entity['relations']>,
  }));
  const byRef = new Map(copies.map(e => [stringifyEntityRef(e), e]));
  const add = (to: Entity, type: string, targetRef: string) => {
    if (
      !to.relations!.some(r => r.type === type && r.targetRef === targetRef)
    ) {
      to.relations!.push({ type, targetRef });
    }
  };
  for (const source of copies) {
    const sourceRef = stringifyEntityRef(source);
    const kind = source.kind.toLocaleLowerCase('en-US');
    for (const rel of [
      ...SPEC_RELATIONS['*'],
      ...(SPEC_RELATIONS[kind] ?? []),
    ]) {
      const value = (source.spec as Record<string, unknown> | undefined)?.[
        rel.field
      ];
      let targets: unknown[] = [];
      if (Array.isArray(value)) targets = value;
      else if (value) targets = [value];
      for (const target of targets) {
        const targetRef = stringifyEntityRef(
          parseEntityRef(String(target), {
            defaultKind: rel.defaultKind,
            defaultNamespace: source.metadata.namespace,
          }),
        );
        add(source, rel.forward, targetRef);
        const targetEntity = byRef.get(targetRef);
        if (targetEntity) add(targetEntity, rel.reverse, sourceRef);
      }
    }
  }
  return copies;
}

/** Shorthand for a catalog entity in tests. */
export function entity(
  kind: string,
  name: string,
  spec: JsonObject = {},
  metadata: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', ...metadata },
    spec,
  };
}

/**
 * A small organisation: acme -> two business units -> teams (one nested a level deeper), users,
 * and a few components and APIs with cross-team usage.
 */
export function smallOrg(): Entity[] {
  return withCatalogRelations(smallOrgEntities());
}

/** The entities of {@link smallOrg} before the catalog's relations are added. */
export function smallOrgEntities(): Entity[] {
  return [
    entity(
      'Group',
      'acme',
      { type: 'organization', children: [] },
      { title: 'ACME' },
    ),
    entity('Group', 'payments', {
      type: 'business-unit',
      parent: 'acme',
      children: [],
    }),
    entity('Group', 'retail', {
      type: 'business-unit',
      parent: 'acme',
      children: [],
    }),
    entity('Group', 'team-ledger', {
      type: 'team',
      parent: 'payments',
      children: [],
    }),
    entity('Group', 'team-shop', {
      type: 'team',
      parent: 'retail',
      children: [],
    }),
    entity('Group', 'team-shop-mobile', {
      type: 'team',
      parent: 'team-shop',
      children: [],
    }),
    entity('User', 'maria', {
      memberOf: ['team-ledger'],
      profile: { displayName: 'Maria' },
    }),
    entity(
      'Component',
      'ledger-sdk',
      {
        type: 'library',
        lifecycle: 'production',
        owner: 'team-ledger',
        system: 'ledger',
        providesApis: ['ledger-api'],
      },
      {
        description: 'Java and TypeScript SDK for posting to the ledger',
        tags: ['innersource', 'java'],
        links: [{ url: 'https://docs.example/ledger', title: 'Documentation' }],
        annotations: {
          'backstage.io/source-location': 'url:https://git.example/ledger-sdk/',
        },
      },
    ),
    entity(
      'API',
      'ledger-api',
      {
        type: 'openapi',
        lifecycle: 'production',
        owner: 'team-ledger',
        system: 'ledger',
        definition: 'openapi: 3.0.0',
      },
      { description: 'short' },
    ),
    entity('Component', 'shop-web', {
      type: 'website',
      lifecycle: 'production',
      owner: 'team-shop',
      dependsOn: ['component:ledger-sdk'],
      consumesApis: ['ledger-api'],
    }),
    entity('Component', 'shop-app', {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-shop-mobile',
      consumesApis: ['ledger-api'],
    }),
    entity('Component', 'ledger-cli', {
      type: 'tool',
      lifecycle: 'experimental',
      owner: 'user:maria',
      dependsOn: ['component:ledger-sdk'],
    }),
    entity('Component', 'orphan-job', {
      type: 'service',
      owner: 'team-ghost',
      dependsOn: ['component:ledger-sdk'],
    }),
    entity('System', 'ledger', { owner: 'team-ledger' }),
  ];
}
