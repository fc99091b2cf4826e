import {
  EntityInnerSourceResult,
  EntitySnapshot,
  ProjectListItem,
  ProjectSortField,
} from '@innersource-backstage/plugin-innersource-common';
import { ContributionLog } from '../contributions/ContributionLog';

/** Filters and order of the project listing, already validated. */
export interface ProjectFilter {
  q?: string;
  kind?: string[];
  type?: string[];
  tag?: string[];
  owner?: string[];
  lifecycle?: string[];
  innerSourceOnly?: boolean;
  /** Readiness levels, any of. */
  level?: string[];
  language?: string[];
  /** Activity levels, any of. */
  activity?: string[];
  /** Only entities owned by this group or any group below it (or this user). */
  ownerGroup?: string;
  acceptingContributions?: boolean;
  /** Only projects with open issues labelled `good first issue`. */
  goodFirstIssues?: boolean;
  /** Leave out entities whose last commit is older than this (ISO 8601). */
  activeSince?: string;
  sort: ProjectSortField;
  order: 'asc' | 'desc';
}

/** The facets of the listing, each counted over the other filters. */
export const PROJECT_FACETS = [
  'kind',
  'type',
  'lifecycle',
  'level',
  'activity',
  'language',
  'tag',
  'businessUnit',
  /** One value, `true`: projects with open good first issues. */
  'goodFirstIssues',
] as const;

export type ProjectFacet = (typeof PROJECT_FACETS)[number];

/** A page of listing refs and the number of all matches. */
export interface ProjectPage {
  refs: string[];
  totalCount: number;
}

/** One scheduled refresh. */
export interface RefreshRun {
  id: number;
  startedAt: string;
  finishedAt?: string;
  status: 'running' | 'succeeded' | 'failed';
  entityCount?: number;
  error?: string;
}

/** The stored commit log of an entity and the state of the last read of its repository. */
export interface StoredContributionLog {
  log: ContributionLog;
  syncedAt?: string;
  error?: { kind: string; message: string; at: string };
}

/** Where the InnerSource plugin keeps its results and their history. */
export interface InnerSourceStore {
  /**
   * Replaces the current results with those of a successful refresh in one transaction (entities
   * no longer in the catalog drop out), and records the day's snapshot for each entity.
   */
  replaceResults(options: {
    results: EntityInnerSourceResult[];
    computedAt: Date;
  }): Promise<void>;

  /** Marks every current result stale after a failed refresh, keeping the figures. */
  markAllStale(options: { error: string; at: Date }): Promise<void>;

  getResult(entityRef: string): Promise<EntityInnerSourceResult | undefined>;

  /** Daily snapshots from `sinceDay` (YYYY-MM-DD) on, oldest first. */
  getHistory(
    entityRef: string,
    options: { sinceDay: string },
  ): Promise<EntitySnapshot[]>;

  /** Refs of the entities matching a filter, in the requested order. */
  listProjectRefs(filter: ProjectFilter): Promise<string[]>;

  /**
   * One page of the listing, filtered, sorted and counted in the database, restricted to
   * `readable` entity refs when given.
   */
  listProjects(options: {
    filter: ProjectFilter;
    readable?: string[];
    limit: number;
    offset: number;
  }): Promise<ProjectPage>;

  /** Facet counts: for each facet, the values and how many matches have each. */
  projectFacets(options: {
    filter: ProjectFilter;
    readable?: string[];
  }): Promise<Record<ProjectFacet, Array<{ value: string; count: number }>>>;

  /** Listing rows for the given refs, in the given order. */
  getProjectItems(entityRefs: string[]): Promise<ProjectListItem[]>;

  countResults(): Promise<number>;

  getContributionLog(
    entityRef: string,
  ): Promise<StoredContributionLog | undefined>;

  /** Saves a successfully read log and clears any recorded error. */
  saveContributionLog(
    entityRef: string,
    log: ContributionLog,
    syncedAt: Date,
  ): Promise<void>;

  /**
   * Records that reading the entity's repository failed. The stored log is kept as it was (an
   * empty one is created when there was none).
   */
  recordContributionError(
    entityRef: string,
    error: {
      cloneUrl: string;
      path: string;
      kind: string;
      message: string;
      at: Date;
    },
  ): Promise<void>;

  startRun(at: Date): Promise<number>;
  finishRun(
    id: number,
    outcome: {
      at: Date;
      status: 'succeeded' | 'failed';
      entityCount?: number;
      error?: string;
    },
  ): Promise<void>;
  getLastRun(): Promise<RefreshRun | undefined>;
}
