import {
  ContributionWindow,
  GroupProgramResponse,
  GroupReusedProject,
  ProgramEntityRef,
  ProgramGroupOption,
  ProgramInterval,
  ProgramProjectFigure,
  ProgramSummary,
} from '@innersource-backstage/plugin-innersource-common';
import {
  daysBefore,
  fillWeeks,
  firstWeekOfWindow,
  rollUpAdoption,
  utcDayOf,
  weekStartOf,
} from './programPeriods';
import { ProgramGroupFact } from './programFacts';
import { ProgramProjectRow, ProgramStore, ReadableRefs } from './ProgramStore';

/** How far back the adoption trend goes for each interval. */
const ADOPTION_DAYS: Record<ProgramInterval, number> = {
  week: 52 * 7,
  month: 2 * 365,
};

/** How many of the most used projects the summary lists. */
const TOP_USED_LIMIT = 20;

/** Names groups by their ref, from the stored Group tree. */
class GroupNames {
  private readonly titles: Map<string, string | undefined>;

  constructor(groups: ProgramGroupFact[]) {
    this.titles = new Map(groups.map(g => [g.groupRef, g.title]));
  }

  ref(entityRef: string): ProgramEntityRef {
    const title = this.titles.get(entityRef);
    return title ? { entityRef, title } : { entityRef };
  }
}

/** A stored project row as the API shows it; `lastCommitBefore` is the stale cut-off. */
export function toProjectFigure(
  row: ProgramProjectRow,
  lastCommitBefore: string,
): ProgramProjectFigure {
  return {
    entityRef: row.entityRef,
    ...(row.title ? { title: row.title } : {}),
    kind: row.kind,
    ...(row.ownerRef ? { ownerRef: row.ownerRef } : {}),
    ...(row.ownerTitle ? { ownerTitle: row.ownerTitle } : {}),
    ...(row.businessUnitRef ? { businessUnitRef: row.businessUnitRef } : {}),
    isInnerSource: row.isInnerSource,
    readinessLevel: row.readinessLevel,
    lintScore: row.lintScore,
    usageCount: row.usageCount,
    businessUnitCount: row.businessUnitCount,
    crossTeamDependencies: row.crossTeamDependencies,
    ...(row.window
      ? {
          commits: row.window.commits,
          outsideCommits: row.window.outsideCommits,
          absenceFactor: row.window.absenceFactor,
        }
      : {}),
    ...(row.lastCommitAt ? { lastCommitAt: row.lastCommitAt } : {}),
    stale: Boolean(
      row.hasHistory && row.lastCommitAt && row.lastCommitAt < lastCommitBefore,
    ),
  };
}

/** The groups the caller may read, as filter options in tree order. */
export function groupOptions(
  groups: ProgramGroupFact[],
  readableGroupRefs: ReadonlySet<string>,
): ProgramGroupOption[] {
  return groups
    .filter(g => readableGroupRefs.has(g.groupRef))
    .map(g => ({
      entityRef: g.groupRef,
      ...(g.title ? { title: g.title } : {}),
      depth: g.depth,
      ...(g.parentRef ? { parentRef: g.parentRef } : {}),
    }));
}

/** The common inputs of the program views. */
export interface ProgramViewRequest {
  store: ProgramStore;
  /** The Components, APIs, Resources and Systems the caller may read (undefined: all). */
  readableRefs: ReadableRefs;
  window: ContributionWindow;
  staleAfterDays: number;
  now: Date;
}

/**
 * The program summary: each part one or a few aggregate queries over the stored facts, limited to
 * the entities the caller may read and, with a group, to projects owned inside that group.
 */
export async function buildProgramSummary(
  request: ProgramViewRequest & {
    interval: ProgramInterval;
    groupRef?: string;
    readableGroupRefs: ReadonlySet<string>;
  },
): Promise<ProgramSummary> {
  const { store, window, interval, now, staleAfterDays } = request;
  const scope = {
    readableRefs: request.readableRefs,
    groupRef: request.groupRef,
  };
  const lastCommitBefore = daysBefore(now, staleAfterDays);
  const [computedAt, groups] = await Promise.all([
    store.getComputedAt(),
    store.listGroups(),
  ]);
  const names = new GroupNames(groups);
  const seriesEnd = computedAt ? new Date(computedAt) : now;

  const [
    totals,
    levels,
    topUsed,
    adoptionDays,
    reuseMatrix,
    weekly,
    flows,
    distanceHistogram,
    absenceFactorOne,
    stale,
    ruleFailures,
    expired,
  ] = await Promise.all([
    store.countTotals(scope, window),
    store.countLevels(scope),
    store.listProjects(scope, window, {
      kind: 'most-used',
      limit: TOP_USED_LIMIT,
    }),
    store.countAdoptionDays(
      scope,
      utcDayOf(new Date(now.getTime() - ADOPTION_DAYS[interval] * 86_400_000)),
    ),
    store.countReuse(scope),
    store.sumWeekly(scope, firstWeekOfWindow(window, seriesEnd)),
    store.sumFlows(scope, window),
    store.sumDistances(scope, window),
    store.listProjects(scope, window, { kind: 'absence-factor-one' }),
    store.listProjects(scope, window, { kind: 'stale', lastCommitBefore }),
    store.countRuleFailures(scope),
    store.listExpiredExceptions(scope),
  ]);

  const businessUnitRefs = new Set<string>();
  for (const cell of reuseMatrix) {
    businessUnitRefs.add(cell.consumerBusinessUnitRef);
    businessUnitRefs.add(cell.providerBusinessUnitRef);
  }
  const figure = (row: ProgramProjectRow) =>
    toProjectFigure(row, lastCommitBefore);

  return {
    ...(computedAt ? { computedAt } : {}),
    window,
    interval,
    ...(request.groupRef ? { group: names.ref(request.groupRef) } : {}),
    staleAfterDays,
    groups: groupOptions(groups, request.readableGroupRefs),
    totals,
    adoption: rollUpAdoption(adoptionDays, interval),
    levels,
    topUsedProjects: topUsed.map(figure),
    businessUnits: [...businessUnitRefs].sort().map(ref => names.ref(ref)),
    reuseMatrix,
    weeklyContributions: computedAt
      ? fillWeeks(
          weekly,
          firstWeekOfWindow(window, seriesEnd),
          weekStartOf(utcDayOf(seriesEnd)),
        )
      : [],
    flows: flows.map(flow => ({
      fromTeam: names.ref(flow.fromTeamRef),
      toTeam: names.ref(flow.toTeamRef),
      commits: flow.commits,
      projects: flow.projects,
    })),
    distanceHistogram,
    risks: {
      absenceFactorOne: absenceFactorOne.map(figure),
      stale: stale.map(figure),
    },
    ruleFailures,
    expiredExceptions: expired.map(row => ({
      project: row.title
        ? { entityRef: row.entityRef, title: row.title }
        : { entityRef: row.entityRef },
      ...(row.ownerRef ? { ownerRef: row.ownerRef } : {}),
      ruleId: row.ruleId,
      ruleTitle: row.ruleTitle,
      severity: row.severity,
      owner: row.owner,
      reason: row.reason,
      expires: row.expires,
    })),
  };
}

/**
 * The InnerSource figures of a group's page: its projects (owned by it or a group below it), its
 * teams' commits to projects owned elsewhere, and the projects owned elsewhere that it uses.
 */
export async function buildGroupProgram(
  request: ProgramViewRequest & { groupRef: string },
): Promise<GroupProgramResponse> {
  const { store, window, now, staleAfterDays, groupRef, readableRefs } =
    request;
  const lastCommitBefore = daysBefore(now, staleAfterDays);
  const [computedAt, groups, projects, outgoing, reused] = await Promise.all([
    store.getComputedAt(),
    store.listGroups(),
    store.listProjects({ readableRefs, groupRef }, window, { kind: 'all' }),
    store.listOutgoingContributions(readableRefs, groupRef, window),
    store.listReusedProjects(readableRefs, groupRef),
  ]);
  const names = new GroupNames(groups);

  const reusedByProject = new Map<string, GroupReusedProject>();
  for (const row of reused) {
    let project = reusedByProject.get(row.providerRef);
    if (!project) {
      project = {
        project: row.providerTitle
          ? { entityRef: row.providerRef, title: row.providerTitle }
          : { entityRef: row.providerRef },
        ...(row.ownerRef ? { ownerRef: row.ownerRef } : {}),
        ...(row.ownerTitle ? { ownerTitle: row.ownerTitle } : {}),
        ...(row.businessUnitRef
          ? { businessUnitRef: row.businessUnitRef }
          : {}),
        consumers: [],
      };
      reusedByProject.set(row.providerRef, project);
    }
    project.consumers.push(
      row.consumerTitle
        ? { entityRef: row.consumerRef, title: row.consumerTitle }
        : { entityRef: row.consumerRef },
    );
  }

  return {
    group: names.ref(groupRef),
    ...(computedAt ? { computedAt } : {}),
    window,
    staleAfterDays,
    projects: projects.map(row => toProjectFigure(row, lastCommitBefore)),
    contributionsToOthers: outgoing.map(row => ({
      project: row.title
        ? { entityRef: row.entityRef, title: row.title }
        : { entityRef: row.entityRef },
      ...(row.ownerRef ? { ownerRef: row.ownerRef } : {}),
      ...(row.ownerTitle ? { ownerTitle: row.ownerTitle } : {}),
      fromTeam: names.ref(row.fromTeamRef),
      commits: row.commits,
    })),
    reusedProjects: [...reusedByProject.values()].sort(
      (a, b) =>
        b.consumers.length - a.consumers.length ||
        a.project.entityRef.localeCompare(b.project.entityRef),
    ),
  };
}
