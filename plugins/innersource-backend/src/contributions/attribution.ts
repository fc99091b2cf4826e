import { Entity } from '@backstage/catalog-model';
import { ContributorKind } from '@innersource-backstage/plugin-innersource-common';
import { CatalogIndex } from '../compute/CatalogIndex';
import { IdentityIndex } from './IdentityIndex';

/** Who made a commit, relative to the owning team, as it was when the commit was first read. */
export interface Attribution {
  kind: ContributorKind;
  userRef?: string;
  teamRef?: string;
  /** Hops in the Group tree to the owning team; 0 within it; undefined when not known. */
  distance?: number;
}

/** The owning team of an entity, resolved once per refresh. */
export interface OwningTeam {
  ownerRef?: string;
  /** The groups whose members count as the owning team. */
  groups: Set<string>;
  /** The group distances are measured to. */
  teamRef?: string;
}

/**
 * The owning team of an entity: its owner Group, and its subgroups when `includeSubgroups`.
 * An entity owned by a User is owned by that user's (first) team.
 */
export function owningTeam(
  entity: Entity,
  catalog: CatalogIndex,
  options: { includeSubgroups: boolean },
): OwningTeam {
  const ownerRef = catalog.ownerRef(entity);
  if (!ownerRef) return { groups: new Set() };
  let teamRef: string | undefined;
  if (ownerRef.startsWith('group:') && catalog.getEntity(ownerRef)) {
    teamRef = ownerRef;
  } else if (ownerRef.startsWith('user:')) {
    [teamRef] = catalog.memberGroups(ownerRef);
  }
  if (!teamRef) return { ownerRef, groups: new Set() };
  const groups = options.includeSubgroups
    ? catalog.groupWithDescendants(teamRef)
    : new Set([teamRef]);
  return { ownerRef, groups, teamRef };
}

/**
 * Attributes a commit author: a bot, unknown (no catalog User), a member of the owning team, or
 * an outside contributor with the team closest to the owners and its distance. A user in several
 * teams is placed in the one nearest the owning team.
 */
export function attributeAuthor(options: {
  email: string;
  name: string;
  identities: IdentityIndex;
  catalog: CatalogIndex;
  owner: OwningTeam;
}): Attribution {
  const { email, name, identities, catalog, owner } = options;
  if (identities.isBot(email, name)) return { kind: 'bot' };
  const userRef = identities.userFor(email);
  if (!userRef) return { kind: 'unknown' };
  return attributeUser({ userRef, catalog, owner });
}

/**
 * Attributes a catalog user: a member of the owning team, or an outside contributor with the
 * team closest to the owners and its distance.
 */
export function attributeUser(options: {
  userRef: string;
  catalog: CatalogIndex;
  owner: OwningTeam;
}): Attribution {
  const { userRef, catalog, owner } = options;
  const teams = catalog.memberGroups(userRef);
  const ownTeam = teams.find(team => owner.groups.has(team));
  if (userRef === owner.ownerRef || ownTeam) {
    return {
      kind: 'owner-team',
      userRef,
      teamRef: ownTeam ?? owner.teamRef,
      distance: 0,
    };
  }
  let best: { teamRef: string; distance?: number } | undefined;
  for (const teamRef of teams) {
    const distance = owner.teamRef
      ? catalog.groupDistance(teamRef, owner.teamRef)
      : undefined;
    const better =
      !best ||
      (distance !== undefined &&
        (best.distance === undefined || distance < best.distance));
    if (better) best = { teamRef, distance };
  }
  return {
    kind: 'outside',
    userRef,
    teamRef: best?.teamRef,
    distance: best?.distance,
  };
}

/** Refs of all users in a catalog snapshot. */
export function catalogUsers(catalog: CatalogIndex): Entity[] {
  return [...catalog.entities()].filter(
    e => e.kind.toLocaleLowerCase('en-US') === 'user',
  );
}
