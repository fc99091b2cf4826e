import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  EntityInnerSourceResult,
  EntitySnapshot,
  ProjectListItem,
} from '@innersource-backstage/plugin-innersource-common';
import { Knex } from 'knex';
import { ContributionLog } from '../contributions/ContributionLog';
import { ContributionLogStore } from '../contributions/ContributionLogStore';
import { DiscoveryListing, FacetCounts, toListing } from './DiscoveryListing';
import {
  InnerSourceStore,
  ProjectFilter,
  ProjectPage,
  RefreshRun,
  StoredContributionLog,
} from './InnerSourceStore';
import { CHUNK, RESULTS, ResultRow, toRow } from './resultRows';

const migrationsDir = resolvePackagePath(
  '@innersource-backstage/plugin-innersource-backend',
  'migrations',
);

const HISTORY = 'innersource_entity_history';
const RUNS = 'innersource_refresh_runs';

/** The UTC day of a date as YYYY-MM-DD. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function statusOf(row: ResultRow) {
  return {
    stale: Boolean(row.stale),
    ...(row.last_error ? { lastError: row.last_error } : {}),
    ...(row.last_error_at ? { lastErrorAt: row.last_error_at } : {}),
  };
}

/** The knex implementation of {@link InnerSourceStore}, for SQLite and PostgreSQL. */
export class DatabaseInnerSourceStore implements InnerSourceStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseInnerSourceStore> {
    const client = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    const store = new DatabaseInnerSourceStore(client);
    await store.listing.fillIfEmpty();
    return store;
  }

  // The discovery listing has a class of its own (the listing table, its index and its queries).
  private readonly listing: DiscoveryListing;

  private constructor(private readonly db: Knex) {
    this.listing = new DiscoveryListing(db);
  }

  async replaceResults(options: {
    results: EntityInnerSourceResult[];
    computedAt: Date;
  }): Promise<void> {
    const computedAt = options.computedAt.toISOString();
    const day = utcDay(options.computedAt);
    const rows = options.results.map(r => toRow(r, computedAt));
    const entries = rows.map((row, i) =>
      toListing(row, options.results[i].entity),
    );
    await this.db.transaction(async tx => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        await tx(RESULTS).insert(chunk).onConflict('entity_ref').merge();
        await tx(HISTORY)
          .insert(
            chunk.map(row => ({
              entity_ref: row.entity_ref,
              day,
              usage_count: row.usage_count,
              business_unit_count: row.business_unit_count,
              lint_score: row.lint_score,
              lint_errors: row.lint_errors,
              lint_warnings: row.lint_warnings,
              readiness_level: row.readiness_level,
              recorded_at: computedAt,
            })),
          )
          .onConflict(['entity_ref', 'day'])
          .merge();
      }
      // Every row of this refresh carries its timestamp; others left the catalog.
      await tx(RESULTS).whereNot('computed_at', computedAt).delete();
      await this.listing.sync(tx, entries);
    });
  }

  async markAllStale(options: { error: string; at: Date }): Promise<void> {
    await this.db(RESULTS).update({
      stale: true,
      last_error: options.error,
      last_error_at: options.at.toISOString(),
    });
  }

  async getResult(
    entityRef: string,
  ): Promise<EntityInnerSourceResult | undefined> {
    const row: ResultRow | undefined = await this.db<ResultRow>(RESULTS)
      .where('entity_ref', entityRef)
      .first();
    if (!row) return undefined;
    const result = JSON.parse(row.result) as EntityInnerSourceResult;
    return { ...result, status: statusOf(row) };
  }

  async getHistory(
    entityRef: string,
    options: { sinceDay: string },
  ): Promise<EntitySnapshot[]> {
    const rows = await this.db(HISTORY)
      .where('entity_ref', entityRef)
      .andWhere('day', '>=', options.sinceDay)
      .orderBy('day', 'asc');
    return rows.map(row => ({
      day: row.day,
      usageCount: Number(row.usage_count),
      businessUnitCount: Number(row.business_unit_count),
      lintScore: Number(row.lint_score),
      lintErrors: Number(row.lint_errors),
      lintWarnings: Number(row.lint_warnings),
      ...(row.readiness_level ? { readinessLevel: row.readiness_level } : {}),
    }));
  }

  async listProjectRefs(filter: ProjectFilter): Promise<string[]> {
    return this.listing.listProjectRefs(filter);
  }

  async listProjects(options: {
    filter: ProjectFilter;
    readable?: string[];
    limit: number;
    offset: number;
  }): Promise<ProjectPage> {
    return this.listing.listProjects(options);
  }

  async projectFacets(options: {
    filter: ProjectFilter;
    readable?: string[];
  }): Promise<FacetCounts> {
    return this.listing.projectFacets(options);
  }

  async getProjectItems(entityRefs: string[]): Promise<ProjectListItem[]> {
    return this.listing.getProjectItems(entityRefs);
  }

  async countResults(): Promise<number> {
    const [{ count }] = await this.db(RESULTS).count({ count: '*' });
    return Number(count);
  }

  // The contribution logs have a store of their own (append-only pieces, kept in memory).
  private contributionLogStore?: ContributionLogStore;
  private get contributionLogs(): ContributionLogStore {
    this.contributionLogStore ??= new ContributionLogStore(this.db);
    return this.contributionLogStore;
  }

  async getContributionLog(
    entityRef: string,
  ): Promise<StoredContributionLog | undefined> {
    return this.contributionLogs.get(entityRef);
  }

  async saveContributionLog(
    entityRef: string,
    log: ContributionLog,
    syncedAt: Date,
  ): Promise<void> {
    await this.contributionLogs.save(entityRef, log, syncedAt);
  }

  async recordContributionError(
    entityRef: string,
    error: {
      cloneUrl: string;
      path: string;
      kind: string;
      message: string;
      at: Date;
    },
  ): Promise<void> {
    await this.contributionLogs.recordError(entityRef, error);
  }

  async startRun(at: Date): Promise<number> {
    const [row] = await this.db(RUNS)
      .insert({ started_at: at.toISOString(), status: 'running' })
      .returning('id');
    return typeof row === 'object' ? Number(row.id) : Number(row);
  }

  async finishRun(
    id: number,
    outcome: {
      at: Date;
      status: 'succeeded' | 'failed';
      entityCount?: number;
      error?: string;
    },
  ): Promise<void> {
    await this.db(RUNS)
      .where('id', id)
      .update({
        finished_at: outcome.at.toISOString(),
        status: outcome.status,
        entity_count: outcome.entityCount ?? null,
        error: outcome.error ?? null,
      });
  }

  async getLastRun(): Promise<RefreshRun | undefined> {
    const row = await this.db(RUNS).orderBy('id', 'desc').first();
    if (!row) return undefined;
    return {
      id: Number(row.id),
      startedAt: row.started_at,
      finishedAt: row.finished_at ?? undefined,
      status: row.status,
      entityCount:
        row.entity_count === null ? undefined : Number(row.entity_count),
      error: row.error ?? undefined,
    };
  }
}
