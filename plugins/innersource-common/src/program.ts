import { ContributionWindow } from './contributions';
import { LintSeverity, ReadinessLevel } from './types';

/**
 * The periods the adoption trend of the program view is grouped by.
 *
 * @public
 */
export const PROGRAM_INTERVALS = ['week', 'month'] as const;

/** @public */
export type ProgramInterval = (typeof PROGRAM_INTERVALS)[number];

/**
 * How long without a commit makes a project stale, when `innersource.program.staleAfterDays` is
 * not configured.
 *
 * @public
 */
export const DEFAULT_STALE_AFTER_DAYS = 180;

/**
 * A catalog entity (a project, a team or a business unit) with a name to show.
 *
 * @public
 */
export interface ProgramEntityRef {
  entityRef: string;
  /** Title or display name, when the catalog has one. */
  title?: string;
}

/**
 * A group that the program view can be narrowed to (the group and every group below it).
 *
 * @public
 */
export interface ProgramGroupOption extends ProgramEntityRef {
  /** 0 for a root of the Group tree, 1 for a business unit, and so on. */
  depth: number;
  /** The group directly above, if any. */
  parentRef?: string;
}

/**
 * The figures of one project as the program view lists them.
 *
 * @public
 */
export interface ProgramProjectFigure extends ProgramEntityRef {
  kind: string;
  ownerRef?: string;
  ownerTitle?: string;
  businessUnitRef?: string;
  /** Opted in to InnerSource: tagged `innersource` / `inner-source` or has a CONTRIBUTING file. */
  isInnerSource: boolean;
  readinessLevel: ReadinessLevel;
  lintScore: number;
  /** Distinct consumers (usage count). */
  usageCount: number;
  /** Distinct business units the consumers come from. */
  businessUnitCount: number;
  /** Consumers owned by another team than the project's owner. */
  crossTeamDependencies: number;
  /** Commits by people outside the owning team in the selected window; absent without git history. */
  outsideCommits?: number;
  /** Commits in the selected window (bots excluded); absent without git history. */
  commits?: number;
  /** Contributor Absence Factor in the selected window; null without commits, absent without git history. */
  absenceFactor?: number | null;
  /** Last commit (ISO 8601); absent without git history. */
  lastCommitAt?: string;
  /** No commit for `staleAfterDays`; false without git history (unknown). */
  stale: boolean;
}

/**
 * One period of the adoption trend.
 *
 * @public
 */
export interface ProgramAdoptionPoint {
  /** The first day of the week (Monday) or month, YYYY-MM-DD. */
  period: string;
  /** The last day in the period with recorded figures, YYYY-MM-DD; the counts are of that day. */
  day: string;
  projects: number;
  innerSourceProjects: number;
  /** Projects by readiness level on that day. */
  levels: Record<ReadinessLevel, number>;
  /** Consumers owned by another team than the project they use, summed over the projects. */
  crossTeamDependencies: number;
}

/**
 * Projects at one readiness level now.
 *
 * @public
 */
export interface ProgramLevelCount {
  level: ReadinessLevel;
  projects: number;
  innerSourceProjects: number;
}

/**
 * How many consumers of one business unit use projects of another (consumer BU -> provider BU).
 *
 * @public
 */
export interface ProgramReuseCell {
  consumerBusinessUnitRef: string;
  providerBusinessUnitRef: string;
  /** Distinct (consumer, project) pairs. */
  dependencies: number;
}

/**
 * Commits of one week across the selected projects.
 *
 * @public
 */
export interface ProgramWeeklyContributions {
  /** YYYY-MM-DD of the Monday. */
  weekStart: string;
  ownerTeam: number;
  outside: number;
  unknown: number;
}

/**
 * Commits made by members of one team to projects owned by another team.
 *
 * @public
 */
export interface ProgramContributionFlow {
  fromTeam: ProgramEntityRef;
  toTeam: ProgramEntityRef;
  commits: number;
  /** Distinct projects of the owning team that received the commits. */
  projects: number;
}

/**
 * How often one readiness rule fails across the selected projects.
 *
 * @public
 */
export interface ProgramRuleFailureCount {
  ruleId: string;
  title: string;
  category: string;
  severity: LintSeverity;
  /** Projects failing the rule without an active exception. */
  failures: number;
  /** Failures waived by an active exception. */
  waived: number;
}

/**
 * A rule exception that has expired, so the failure counts again.
 *
 * @public
 */
export interface ProgramExpiredException {
  project: ProgramEntityRef;
  ownerRef?: string;
  ruleId: string;
  ruleTitle: string;
  severity: LintSeverity;
  /** Who granted or owns the exception. */
  owner: string;
  reason: string;
  /** YYYY-MM-DD */
  expires: string;
}

/**
 * The program view of the InnerSource Program Office: adoption, reuse, collaboration and risks
 * over the projects the caller may read, optionally narrowed to a group and its subgroups.
 *
 * @public
 */
export interface ProgramSummary {
  /** When the figures were computed (ISO 8601); absent before the first refresh. */
  computedAt?: string;
  /** The window of the contribution figures. */
  window: ContributionWindow;
  interval: ProgramInterval;
  /** The group the figures are narrowed to. */
  group?: ProgramEntityRef;
  staleAfterDays: number;
  /** Groups the view can be narrowed to. */
  groups: ProgramGroupOption[];
  totals: {
    projects: number;
    innerSourceProjects: number;
    /** Projects with git history. */
    projectsWithHistory: number;
    crossTeamDependencies: number;
    outsideCommits: number;
    commits: number;
  };
  adoption: ProgramAdoptionPoint[];
  levels: ProgramLevelCount[];
  /** Most used projects first, at most 20. */
  topUsedProjects: ProgramProjectFigure[];
  /** The business units that appear in the matrix, on either side. */
  businessUnits: ProgramEntityRef[];
  reuseMatrix: ProgramReuseCell[];
  /** Weeks of the window, oldest first (at most 52 for 365 days; every stored week for all time). */
  weeklyContributions: ProgramWeeklyContributions[];
  /** Biggest flows first. */
  flows: ProgramContributionFlow[];
  /** Commits by contribution distance: keys '0', '1', ... and 'unknown'. */
  distanceHistogram: Record<string, number>;
  risks: {
    /** Projects with commits in the window where one person made at least half of them. */
    absenceFactorOne: ProgramProjectFigure[];
    /** Projects without a commit for `staleAfterDays`, longest idle first. */
    stale: ProgramProjectFigure[];
  };
  /** Most often failed first. */
  ruleFailures: ProgramRuleFailureCount[];
  expiredExceptions: ProgramExpiredException[];
}

/**
 * Commits by members of a group (or its subgroups) to a project owned outside it.
 *
 * @public
 */
export interface GroupOutgoingContribution {
  project: ProgramEntityRef;
  ownerRef?: string;
  ownerTitle?: string;
  /** The contributing team inside the group. */
  fromTeam: ProgramEntityRef;
  commits: number;
}

/**
 * A project owned outside a group that entities of the group use.
 *
 * @public
 */
export interface GroupReusedProject {
  project: ProgramEntityRef;
  ownerRef?: string;
  ownerTitle?: string;
  businessUnitRef?: string;
  /** The group's entities that use it. */
  consumers: ProgramEntityRef[];
}

/**
 * The InnerSource figures of a Group entity page.
 *
 * @public
 */
export interface GroupProgramResponse {
  group: ProgramEntityRef;
  computedAt?: string;
  window: ContributionWindow;
  staleAfterDays: number;
  /** Projects owned by the group or its subgroups, most used first. */
  projects: ProgramProjectFigure[];
  /** The group's commits to other teams' projects, biggest first. */
  contributionsToOthers: GroupOutgoingContribution[];
  /** Projects of other teams that the group's entities use, most consumers first. */
  reusedProjects: GroupReusedProject[];
}

/**
 * Parameters of the program summary.
 *
 * @public
 */
export interface ProgramSummaryQuery {
  /** A group ref; narrows the figures to projects owned by it or its subgroups. */
  group?: string;
  window?: ContributionWindow;
  interval?: ProgramInterval;
}
