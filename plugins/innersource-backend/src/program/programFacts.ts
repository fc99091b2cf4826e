import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ContributionWindow,
  EntityInnerSourceResult,
  LintSeverity,
  ReadinessLevel,
} from '@innersource-backstage/plugin-innersource-common';
import { CatalogIndex } from '../compute/CatalogIndex';

/** A group of the Group tree as the program view shows and filters by it. */
export interface ProgramGroupFact {
  groupRef: string;
  title?: string;
  parentRef?: string;
  /** 0 for a root of the tree. */
  depth: number;
  /** The group and the groups above it, see {@link formatPath}. */
  path: string;
}

/** The program figures of one entity that do not depend on a window. */
export interface ProgramEntityFact {
  entityRef: string;
  kind: string;
  title?: string;
  ownerRef?: string;
  ownerTitle?: string;
  businessUnitRef?: string;
  /** The owner and the groups above it, see {@link formatPath}; '' without an owner. */
  ownerPath: string;
  /** Tagged `innersource` / `inner-source`, or has a CONTRIBUTING file. */
  isInnerSource: boolean;
  readinessLevel: ReadinessLevel;
  lintScore: number;
  usageCount: number;
  businessUnitCount: number;
  /** Consumers owned by another team, see {@link owningTeamOf}. */
  crossTeamDependencies: number;
  /** Whether the figures come with git history. */
  hasHistory: boolean;
  lastCommitAt?: string;
}

/** Contribution figures of one entity over one window. */
export interface ProgramWindowFact {
  entityRef: string;
  window: ContributionWindow;
  commits: number;
  ownerTeamCommits: number;
  outsideCommits: number;
  outsideContributors: number;
  absenceFactor: number | null;
}

/** Commits of one entity over one window at one contribution distance. */
export interface ProgramDistanceFact {
  entityRef: string;
  window: ContributionWindow;
  /** '0', '1', ... or 'unknown'. */
  distance: string;
  commits: number;
}

/** Commits by members of one outside team to one entity over one window. */
export interface ProgramFlowFact {
  entityRef: string;
  window: ContributionWindow;
  fromTeamRef: string;
  /** The contributing team and the groups above it, see {@link formatPath}. */
  fromTeamPath: string;
  /** The team of the entity's owner, see {@link owningTeamOf}. */
  toTeamRef: string;
  commits: number;
  contributors: number;
}

/** One consumer of one entity. */
export interface ProgramReuseFact {
  providerRef: string;
  consumerRef: string;
  providerBusinessUnitRef?: string;
  consumerOwnerRef?: string;
  consumerBusinessUnitRef?: string;
  /** The consumer's owner and the groups above it, see {@link formatPath}. */
  consumerOwnerPath: string;
  /** Both owners are known and stand for different teams, see {@link owningTeamOf}. */
  crossTeam: boolean;
}

/** One failed readiness rule of one entity, waived by an exception or not. */
export interface ProgramRuleFailureFact {
  entityRef: string;
  ruleId: string;
  title: string;
  category: string;
  severity: LintSeverity;
  waiver?: {
    status: 'active' | 'expired';
    owner: string;
    reason: string;
    expires: string;
  };
}

/** Commits of one entity in one week. */
export interface ProgramWeeklyFact {
  entityRef: string;
  weekStart: string;
  ownerTeam: number;
  outside: number;
  unknown: number;
}

/** Everything the program view stores after a refresh. */
export interface ProgramFacts {
  groups: ProgramGroupFact[];
  entities: ProgramEntityFact[];
  windows: ProgramWindowFact[];
  distances: ProgramDistanceFact[];
  flows: ProgramFlowFact[];
  reuse: ProgramReuseFact[];
  ruleFailures: ProgramRuleFailureFact[];
  weekly: ProgramWeeklyFact[];
}

/**
 * Joins refs, outermost first, into a path `|a|b|c|` that a subtree filter can match with
 * `LIKE '%|b|%'`. No refs make the empty string.
 */
export function formatPath(refs: string[]): string {
  return refs.length > 0 ? `|${refs.join('|')}|` : '';
}

/**
 * The refs from the root of the Group tree down to an owner: for a group its ancestry, for a User
 * the ancestry of their first team followed by the user. An owner missing from the catalog is a
 * path of its own.
 */
export function ownerPathRefs(
  ownerRef: string | undefined,
  catalog: CatalogIndex,
): string[] {
  if (!ownerRef) return [];
  if (ownerRef.startsWith('user:')) {
    const [team] = catalog.memberGroups(ownerRef);
    const teams = team ? catalog.groupAncestry(team).reverse() : [];
    return [...teams, ownerRef];
  }
  const ancestry = catalog.groupAncestry(ownerRef);
  return ancestry.length > 0 ? ancestry.reverse() : [ownerRef];
}

/** Whether an entity opts in to InnerSource by the reference's definition. */
export function isInnerSourceProject(result: EntityInnerSourceResult): boolean {
  return (
    result.entity.innerSource ||
    Boolean(result.contributions?.hasContributingGuide)
  );
}

function groupFacts(catalog: CatalogIndex): ProgramGroupFact[] {
  const groups: ProgramGroupFact[] = [];
  for (const entity of catalog.entities()) {
    if (entity.kind.toLocaleLowerCase('en-US') !== 'group') continue;
    const groupRef = stringifyEntityRef(entity);
    const ancestry = catalog.groupAncestry(groupRef);
    groups.push({
      groupRef,
      title: catalog.displayName(groupRef),
      parentRef: ancestry[1],
      depth: ancestry.length - 1,
      path: formatPath([...ancestry].reverse()),
    });
  }
  return groups.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The team an owner stands for: a group is its own team, a User owner stands for their first
 * team (so a project owned by a member of the team counts as the team's).
 */
export function owningTeamOf(
  ownerRef: string | undefined,
  catalog: CatalogIndex,
): string | undefined {
  if (!ownerRef?.startsWith('user:')) return ownerRef;
  return catalog.memberGroups(ownerRef)[0] ?? ownerRef;
}

/**
 * Turns the results of one refresh into the rows of the program view: per entity its adoption,
 * readiness, usage and contribution facts, who contributes to it from which team, who uses it,
 * which rules it fails, and its weekly commits. Pure: the Group tree comes from the catalog
 * snapshot of the same refresh.
 */
export function computeProgramFacts(options: {
  results: EntityInnerSourceResult[];
  catalog: CatalogIndex;
}): ProgramFacts {
  const { results, catalog } = options;
  const facts: ProgramFacts = {
    groups: groupFacts(catalog),
    entities: [],
    windows: [],
    distances: [],
    flows: [],
    reuse: [],
    ruleFailures: [],
    weekly: [],
  };
  const teamOf = (ownerRef: string | undefined) =>
    owningTeamOf(ownerRef, catalog);
  /** Both owners known and standing for different teams. */
  const isCrossTeam = (
    providerOwnerRef: string | undefined,
    consumerOwnerRef: string | undefined,
  ) =>
    Boolean(
      providerOwnerRef &&
        consumerOwnerRef &&
        teamOf(providerOwnerRef) !== teamOf(consumerOwnerRef),
    );
  const pathCache = new Map<string, string>();
  const pathOf = (ref: string | undefined) => {
    if (!ref) return '';
    let path = pathCache.get(ref);
    if (path === undefined) {
      path = formatPath(ownerPathRefs(ref, catalog));
      pathCache.set(ref, path);
    }
    return path;
  };

  for (const result of results) {
    const { entity, usage, lint, contributions } = result;
    const entityRef = entity.entityRef;
    const ownerRef = entity.ownerRef;
    const crossTeamConsumers = usage.consumers.filter(consumer =>
      isCrossTeam(ownerRef, consumer.ownerRef),
    );
    facts.entities.push({
      entityRef,
      kind: entity.kind.toLocaleLowerCase('en-US'),
      title: entity.title,
      ownerRef,
      ownerTitle: entity.ownerTitle,
      businessUnitRef: entity.businessUnitRef,
      ownerPath: pathOf(ownerRef),
      isInnerSource: isInnerSourceProject(result),
      readinessLevel: lint.level ?? 'none',
      lintScore: lint.score,
      usageCount: usage.count,
      businessUnitCount: usage.businessUnitCount,
      crossTeamDependencies: crossTeamConsumers.length,
      hasHistory: Boolean(contributions),
      lastCommitAt: contributions?.repository.lastCommitAt,
    });

    for (const consumer of usage.consumers) {
      facts.reuse.push({
        providerRef: entityRef,
        consumerRef: consumer.entityRef,
        providerBusinessUnitRef: entity.businessUnitRef,
        consumerOwnerRef: consumer.ownerRef,
        consumerBusinessUnitRef: consumer.businessUnitRef,
        consumerOwnerPath: pathOf(consumer.ownerRef),
        crossTeam: isCrossTeam(ownerRef, consumer.ownerRef),
      });
    }

    for (const finding of lint.findings) {
      if (finding.status !== 'fail') continue;
      facts.ruleFailures.push({
        entityRef,
        ruleId: finding.ruleId,
        title: finding.title,
        category: finding.category,
        severity: finding.severity,
        ...(finding.waiver
          ? {
              waiver: {
                status: finding.waiver.status,
                owner: finding.waiver.owner,
                reason: finding.waiver.reason,
                expires: finding.waiver.expires,
              },
            }
          : {}),
      });
    }

    if (!contributions) continue;
    for (const figures of contributions.windows) {
      const window = figures.window;
      facts.windows.push({
        entityRef,
        window,
        commits: figures.commits,
        ownerTeamCommits: figures.ownerTeamCommits,
        outsideCommits: figures.outsideCommits,
        outsideContributors: figures.outsideContributors,
        absenceFactor: figures.absenceFactor,
      });
      for (const [distance, commits] of Object.entries(
        figures.distanceHistogram,
      )) {
        if (commits > 0) {
          facts.distances.push({ entityRef, window, distance, commits });
        }
      }
      const toTeamRef = teamOf(ownerRef);
      if (!toTeamRef) continue;
      for (const team of figures.outsideTeams) {
        if (team.commits === 0) continue;
        facts.flows.push({
          entityRef,
          window,
          fromTeamRef: team.teamRef,
          fromTeamPath: pathOf(team.teamRef),
          toTeamRef,
          commits: team.commits,
          contributors: team.contributors,
        });
      }
    }
    for (const week of contributions.weekly) {
      facts.weekly.push({
        entityRef,
        weekStart: week.weekStart,
        ownerTeam: week.ownerTeam,
        outside: week.outside,
        unknown: week.unknown,
      });
    }
  }
  return facts;
}
