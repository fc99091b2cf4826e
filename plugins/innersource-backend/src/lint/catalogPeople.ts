import {
  Entity,
  parseEntityRef,
  RELATION_HAS_MEMBER,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogSnapshot } from '@innersource-backstage/plugin-innersource-node';
import { CodeownersOwner } from './codeowners';

/** A catalog snapshot that can also list its entities, as CatalogIndex does. */
export interface EnumerableCatalog extends CatalogSnapshot {
  entities(): Iterable<Entity>;
}

/** Whether the snapshot can list its entities (needed to find users by login or email). */
export function isEnumerableCatalog(
  catalog: CatalogSnapshot,
): catalog is EnumerableCatalog {
  return typeof (catalog as Partial<EnumerableCatalog>).entities === 'function';
}

/** What a CODEOWNERS owner is in the catalog. */
export type ResolvedOwner =
  | { kind: 'user' | 'group'; entityRef: string }
  /** Not in the catalog. */
  | { kind: 'unresolved' }
  /** Cannot be looked up in the catalog at all (GitLab role owners such as `@@maintainer`). */
  | { kind: 'not-checkable' };

/** The SCM login annotations that tie a catalog User to the `@login` in CODEOWNERS. */
const LOGIN_ANNOTATIONS = ['github.com/user-login', 'gitlab.com/user-login'];
/** The annotation GitHub's org provider puts on a Group: `org/team-slug`. */
const TEAM_SLUG_ANNOTATION = 'github.com/team-slug';

const lower = (value: string) => value.toLocaleLowerCase('en-US');

function kindOf(entity: Entity) {
  return lower(entity.kind);
}

function refsOf(entity: Entity, relationType: string, field: string): string[] {
  const fromRelations = (entity.relations ?? [])
    .filter(r => r.type === relationType)
    .map(r => r.targetRef);
  const value = (entity.spec as Record<string, unknown> | undefined)?.[field];
  const fromSpec = Array.isArray(value) ? value.map(String) : [];
  const defaultKind = relationType === RELATION_MEMBER_OF ? 'group' : 'user';
  return [...fromRelations, ...fromSpec].flatMap(ref => {
    try {
      return [
        stringifyEntityRef(
          parseEntityRef(ref, {
            defaultKind,
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        ),
      ];
    } catch {
      return [];
    }
  });
}

/**
 * Resolves CODEOWNERS owners to catalog Users and Groups, and Groups to their members.
 *
 * - `@login`: the User whose `github.com/user-login` or `gitlab.com/user-login` annotation is the
 *   login, else the User named like the login (how Backstage's GitHub org provider names them).
 * - `@org/team`: the Group whose `github.com/team-slug` annotation is `org/team`, else the Group
 *   named like the team (the last segment), preferring the entity's namespace, then `default`.
 * - an email: the User with that `spec.profile.email`.
 *
 * Searching by annotation and email needs a catalog that can list its entities; with a plain
 * `CatalogSnapshot`, only lookups by name are possible.
 */
export class CatalogPeople {
  private readonly usersByLogin = new Map<string, string>();
  private readonly usersByEmail = new Map<string, string>();
  private readonly groupsBySlug = new Map<string, string>();
  private readonly groupsByName = new Map<string, string[]>();
  private readonly membersByGroup = new Map<string, Set<string>>();
  private readonly enumerable: boolean;

  constructor(
    private readonly catalog: CatalogSnapshot,
    private readonly namespace = 'default',
  ) {
    this.enumerable = isEnumerableCatalog(catalog);
    if (!isEnumerableCatalog(catalog)) return;
    for (const entity of catalog.entities()) {
      const ref = stringifyEntityRef(entity);
      if (kindOf(entity) === 'user') {
        for (const annotation of LOGIN_ANNOTATIONS) {
          const login = entity.metadata.annotations?.[annotation];
          if (login) this.usersByLogin.set(lower(login), ref);
        }
        const email = (entity.spec as { profile?: { email?: unknown } })
          ?.profile?.email;
        if (typeof email === 'string' && email) {
          this.usersByEmail.set(lower(email), ref);
        }
        for (const group of refsOf(entity, RELATION_MEMBER_OF, 'memberOf')) {
          this.addMember(group, ref);
        }
      } else if (kindOf(entity) === 'group') {
        const slug = entity.metadata.annotations?.[TEAM_SLUG_ANNOTATION];
        if (slug) this.groupsBySlug.set(lower(slug), ref);
        const name = lower(entity.metadata.name);
        this.groupsByName.set(name, [
          ...(this.groupsByName.get(name) ?? []),
          ref,
        ]);
      }
    }
  }

  /** What an owner is in the catalog. */
  resolve(owner: CodeownersOwner): ResolvedOwner {
    const found = this.lookup(owner);
    if (found === null) return { kind: 'not-checkable' };
    if (!found) return { kind: 'unresolved' };
    const entity = this.catalog.getEntity(found);
    const kind = entity ? kindOf(entity) : undefined;
    return kind === 'user' || kind === 'group'
      ? { kind, entityRef: found }
      : { kind: 'unresolved' };
  }

  /**
   * The users who are direct members of a group: users whose `memberOf` names it and the group's
   * own `members`/`hasMember` relations.
   */
  membersOf(groupRef: string): string[] {
    const members = new Set(this.membersByGroup.get(groupRef) ?? []);
    const group = this.catalog.getEntity(groupRef);
    if (group) {
      for (const user of refsOf(group, RELATION_HAS_MEMBER, 'members')) {
        if (this.catalog.getEntity(user)) members.add(user);
      }
    }
    return [...members].sort();
  }

  /** The entity ref for an owner; undefined when unknown, null when owners of its kind cannot be checked. */
  private lookup(owner: CodeownersOwner): string | undefined | null {
    const name = owner.raw.replace(/^@/, '');
    switch (owner.kind) {
      case 'role':
        return null;
      case 'email':
        return this.usersByEmail.get(lower(owner.raw));
      case 'user':
        return this.usersByLogin.get(lower(name)) ?? this.byName('user', name);
      case 'team': {
        const bySlug = this.groupsBySlug.get(lower(name));
        if (bySlug) return bySlug;
        const teamName = name.slice(name.lastIndexOf('/') + 1);
        return this.byName('group', teamName);
      }
      default:
        return undefined;
    }
  }

  private byName(kind: 'user' | 'group', name: string): string | undefined {
    for (const namespace of new Set([this.namespace, 'default'])) {
      // Logins and team slugs are case-insensitive; entity names in the catalog usually lower-case.
      for (const candidate of new Set([name, lower(name)])) {
        const entity = this.catalog.getEntity(
          `${kind}:${lower(namespace)}/${candidate}`,
        );
        if (entity) return stringifyEntityRef(entity);
      }
    }
    if (kind === 'group' && this.enumerable) {
      // Any namespace, as a last resort: CODEOWNERS does not know about namespaces.
      return this.groupsByName.get(lower(name))?.[0];
    }
    return undefined;
  }

  private addMember(groupRef: string, userRef: string) {
    const members = this.membersByGroup.get(groupRef) ?? new Set<string>();
    members.add(userRef);
    this.membersByGroup.set(groupRef, members);
  }
}
