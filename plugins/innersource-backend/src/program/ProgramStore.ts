import {
  ContributionWindow,
  LintSeverity,
  ProgramLevelCount,
  ProgramReuseCell,
  ProgramRuleFailureCount,
  ProgramWeeklyContributions,
  ReadinessLevel,
} from '@innersource-backstage/plugin-innersource-common';
import { AdoptionDayRow } from './programPeriods';
import { ProgramFacts, ProgramGroupFact } from './programFacts';

/** The entity refs a caller may read; undefined when the caller may read every entity. */
export type ReadableRefs = readonly string[] | undefined;

/** Which rows count for a caller. */
export interface ProgramScope {
  /** The entity refs the caller may read; rows of other entities never count. */
  readableRefs: ReadableRefs;
  /** Narrows to projects owned by this group or a group below it. */
  groupRef?: string;
}

/** A project's stored figures, with those of one window when it has git history. */
export interface ProgramProjectRow {
  entityRef: string;
  kind: string;
  title?: string;
  ownerRef?: string;
  ownerTitle?: string;
  businessUnitRef?: string;
  isInnerSource: boolean;
  readinessLevel: ReadinessLevel;
  lintScore: number;
  usageCount: number;
  businessUnitCount: number;
  crossTeamDependencies: number;
  hasHistory: boolean;
  lastCommitAt?: string;
  /** Present with git history. */
  window?: {
    commits: number;
    outsideCommits: number;
    absenceFactor: number | null;
  };
}

/** Which projects {@link ProgramStore.listProjects} returns, and in which order. */
export type ProgramProjectSelection =
  | { kind: 'most-used'; limit: number }
  | { kind: 'all' }
  | { kind: 'absence-factor-one' }
  | { kind: 'stale'; lastCommitBefore: string };

/** Totals over the projects in scope. */
export interface ProgramTotalsRow {
  projects: number;
  innerSourceProjects: number;
  projectsWithHistory: number;
  crossTeamDependencies: number;
  outsideCommits: number;
  commits: number;
}

/** Summed commits from one team to the projects of another. */
export interface ProgramFlowRow {
  fromTeamRef: string;
  toTeamRef: string;
  commits: number;
  projects: number;
}

/** An expired exception with the project it belongs to. */
export interface ProgramExpiredExceptionRow {
  entityRef: string;
  title?: string;
  ownerRef?: string;
  ruleId: string;
  ruleTitle: string;
  severity: LintSeverity;
  owner: string;
  reason: string;
  expires: string;
}

/** Commits by a team inside a group to a project owned outside it. */
export interface ProgramOutgoingRow {
  entityRef: string;
  title?: string;
  ownerRef?: string;
  ownerTitle?: string;
  fromTeamRef: string;
  commits: number;
}

/** One use, by an entity inside a group, of a project owned outside it. */
export interface ProgramReusedRow {
  providerRef: string;
  providerTitle?: string;
  ownerRef?: string;
  ownerTitle?: string;
  businessUnitRef?: string;
  consumerRef: string;
  consumerTitle?: string;
}

/**
 * Where the program view keeps its facts: replaced after every successful refresh, with a daily
 * history and weekly commits that outlive the refreshes. Every read is restricted to a scope.
 */
export interface ProgramStore {
  /** Replaces the current facts and records the day's history in one transaction. */
  replaceFacts(facts: ProgramFacts, computedAt: Date): Promise<void>;
  /** When the current facts were computed, if there are any. */
  getComputedAt(): Promise<string | undefined>;
  listGroups(): Promise<ProgramGroupFact[]>;
  countTotals(
    scope: ProgramScope,
    window: ContributionWindow,
  ): Promise<ProgramTotalsRow>;
  countLevels(scope: ProgramScope): Promise<ProgramLevelCount[]>;
  listProjects(
    scope: ProgramScope,
    window: ContributionWindow,
    selection: ProgramProjectSelection,
  ): Promise<ProgramProjectRow[]>;
  /** History from `sinceDay` on, counted per day and readiness level. */
  countAdoptionDays(
    scope: ProgramScope,
    sinceDay: string,
  ): Promise<AdoptionDayRow[]>;
  /** Consumer business unit -> provider business unit; both sides must be readable. */
  countReuse(scope: ProgramScope): Promise<ProgramReuseCell[]>;
  /** Weeks from `sinceWeek` on (all stored weeks without it) that have rows, oldest first. */
  sumWeekly(
    scope: ProgramScope,
    sinceWeek: string | undefined,
  ): Promise<ProgramWeeklyContributions[]>;
  /** Flows into the scope's projects, and with a group also out of its teams; biggest first. */
  sumFlows(
    scope: ProgramScope,
    window: ContributionWindow,
  ): Promise<ProgramFlowRow[]>;
  sumDistances(
    scope: ProgramScope,
    window: ContributionWindow,
  ): Promise<Record<string, number>>;
  countRuleFailures(scope: ProgramScope): Promise<ProgramRuleFailureCount[]>;
  listExpiredExceptions(
    scope: ProgramScope,
  ): Promise<ProgramExpiredExceptionRow[]>;
  /** Commits by the group's teams to projects owned outside the group. */
  listOutgoingContributions(
    readableRefs: ReadableRefs,
    groupRef: string,
    window: ContributionWindow,
  ): Promise<ProgramOutgoingRow[]>;
  /** Uses, by the group's entities, of projects owned outside the group. */
  listReusedProjects(
    readableRefs: ReadableRefs,
    groupRef: string,
  ): Promise<ProgramReusedRow[]>;
}
