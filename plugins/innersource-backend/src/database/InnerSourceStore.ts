import {
  EntityInnerSourceResult,
  EntitySnapshot,
  ProjectListItem,
  ProjectSortField,
} from '@innersource-backstage/plugin-innersource-common';

/** Filters and order of the project listing, already validated. */
export interface ProjectFilter {
  q?: string;
  kind?: string[];
  type?: string[];
  tag?: string[];
  owner?: string[];
  lifecycle?: string[];
  innerSourceOnly?: boolean;
  sort: ProjectSortField;
  order: 'asc' | 'desc';
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

  /** Listing rows for the given refs, in the given order. */
  getProjectItems(entityRefs: string[]): Promise<ProjectListItem[]>;

  countResults(): Promise<number>;

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
