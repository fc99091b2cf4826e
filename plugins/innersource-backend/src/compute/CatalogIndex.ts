import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogSnapshot } from '@innersource-backstage/plugin-innersource-node';

/**
 * All catalog entities of one refresh, indexed for the lookups that metrics and rules make:
 * by ref, owners, and the Group tree (the organisation chart).
 */
export class CatalogIndex implements CatalogSnapshot {
  private readonly byRef = new Map<string, Entity>();

  constructor(entities: Iterable<Entity>) {
    for (const entity of entities) {
      this.byRef.set(stringifyEntityRef(entity), entity);
    }
  }

  getEntity(entityRef: string): Entity | undefined {
    return this.byRef.get(normalizeRef(entityRef));
  }

  entities(): IterableIterator<Entity> {
    return this.byRef.values();
  }

  /** Targets of the entity's relations of one type, as normalised refs. */
  relationTargets(entity: Entity, type: string): string[] {
    return (entity.relations ?? [])
      .filter(relation => relation.type === type)
      .map(relation => normalizeRef(relation.targetRef));
  }

  /**
   * The owner's ref: the `ownedBy` relation when the catalog computed one, else `spec.owner`
   * resolved with Group as the default kind.
   */
  ownerRef(entity: Entity): string | undefined {
    const [fromRelation] = this.relationTargets(entity, RELATION_OWNED_BY);
    if (fromRelation) return fromRelation;
    const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
    if (typeof owner !== 'string' || owner.trim() === '') return undefined;
    try {
      return stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      );
    } catch {
      return undefined;
    }
  }

  /** The parent group of a group, from `childOf` relations, else `spec.parent`. */
  parentGroupRef(group: Entity): string | undefined {
    const [fromRelation] = this.relationTargets(group, RELATION_CHILD_OF);
    if (fromRelation) return fromRelation;
    const parent = (group.spec as { parent?: unknown } | undefined)?.parent;
    if (typeof parent !== 'string' || parent === '') return undefined;
    try {
      return stringifyEntityRef(
        parseEntityRef(parent, {
          defaultKind: 'group',
          defaultNamespace: group.metadata.namespace ?? 'default',
        }),
      );
    } catch {
      return undefined;
    }
  }

  /**
   * The chain of groups from a group up to the root of its tree, starting with the group itself.
   * Stops at a missing parent or a cycle.
   */
  groupAncestry(groupRef: string): string[] {
    const chain: string[] = [];
    let current: string | undefined = normalizeRef(groupRef);
    while (current && !chain.includes(current)) {
      const group = this.byRef.get(current);
      if (!group || group.kind.toLocaleLowerCase('en-US') !== 'group') break;
      chain.push(current);
      current = this.parentGroupRef(group);
    }
    return chain;
  }

  /**
   * The business unit of an owner: the group directly below the root of the Group tree above it.
   * A User owner is placed by the first group it is a member of. A group that is itself a root is
   * its own business unit. Unknown owners have none.
   */
  businessUnitOf(ownerRef: string | undefined): string | undefined {
    if (!ownerRef) return undefined;
    const owner = this.getEntity(ownerRef);
    if (!owner) return undefined;
    let groupRef: string | undefined;
    const kind = owner.kind.toLocaleLowerCase('en-US');
    if (kind === 'group') {
      groupRef = stringifyEntityRef(owner);
    } else if (kind === 'user') {
      [groupRef] = this.relationTargets(owner, RELATION_MEMBER_OF)
        .concat(userSpecGroups(owner))
        .filter(ref => this.byRef.has(ref));
    }
    if (!groupRef) return undefined;
    const ancestry = this.groupAncestry(groupRef);
    if (ancestry.length === 0) return undefined;
    return ancestry.length === 1 ? ancestry[0] : ancestry[ancestry.length - 2];
  }

  /** The groups a user is a member of (relations, else spec.memberOf), sorted for stable choices. */
  memberGroups(userRef: string): string[] {
    const user = this.getEntity(userRef);
    if (!user) return [];
    const groups = new Set([
      ...this.relationTargets(user, RELATION_MEMBER_OF),
      ...userSpecGroups(user),
    ]);
    return [...groups].filter(ref => this.byRef.has(ref)).sort();
  }

  /** A group and every group below it in the tree. */
  groupWithDescendants(groupRef: string): Set<string> {
    const root = normalizeRef(groupRef);
    const result = new Set<string>([root]);
    for (const entity of this.byRef.values()) {
      if (entity.kind.toLocaleLowerCase('en-US') !== 'group') continue;
      const ref = stringifyEntityRef(entity);
      if (this.groupAncestry(ref).includes(root)) result.add(ref);
    }
    return result;
  }

  /**
   * Contribution distance: the hops in the Group tree from one team up to the nearest common
   * ancestor and down to another team. 0 for the same team; undefined when the two are in
   * different trees (no common ancestor) or unknown.
   */
  groupDistance(fromGroupRef: string, toGroupRef: string): number | undefined {
    const up = this.groupAncestry(fromGroupRef);
    const down = this.groupAncestry(toGroupRef);
    for (let i = 0; i < up.length; i++) {
      const j = down.indexOf(up[i]);
      if (j >= 0) return i + j;
    }
    return undefined;
  }

  /** A human name for an entity: its title, else its name. */
  displayName(entityRef: string | undefined): string | undefined {
    if (!entityRef) return undefined;
    const entity = this.getEntity(entityRef);
    if (!entity) return undefined;
    const profile = (entity.spec as { profile?: { displayName?: unknown } })
      ?.profile;
    if (typeof profile?.displayName === 'string') return profile.displayName;
    return entity.metadata.title ?? entity.metadata.name;
  }
}

function userSpecGroups(user: Entity): string[] {
  const memberOf = (user.spec as { memberOf?: unknown } | undefined)?.memberOf;
  if (!Array.isArray(memberOf)) return [];
  return memberOf.flatMap(ref => {
    try {
      return [
        stringifyEntityRef(
          parseEntityRef(String(ref), {
            defaultKind: 'group',
            defaultNamespace: user.metadata.namespace ?? 'default',
          }),
        ),
      ];
    } catch {
      return [];
    }
  });
}

/** Lower-cases kind and namespace of a full ref so refs from relations and specs compare equal. */
export function normalizeRef(entityRef: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(entityRef));
  } catch {
    return entityRef;
  }
}
