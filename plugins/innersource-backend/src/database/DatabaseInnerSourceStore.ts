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
import { ContributionLog, emptyLog } from '../contributions/ContributionLog';
import { escapeLike, inSubtree, refIn } from '../program/sqlScope';
import {
  InnerSourceStore,
  PROJECT_FACETS,
  ProjectFacet,
  ProjectFilter,
  ProjectPage,
  RefreshRun,
  StoredContributionLog,
} from './InnerSourceStore';

const migrationsDir = resolvePackagePath(
  '@innersource-backstage/plugin-innersource-backend',
  'migrations',
);

const RESULTS = 'innersource_entity_results';
const HISTORY = 'innersource_entity_history';
const RUNS = 'innersource_refresh_runs';
const TAGS = 'innersource_entity_tags';
const LOGS = 'innersource_contribution_logs';

/** Rows per insert: keeps the number of bound variables well below SQLite's limit. */
const CHUNK = 50;

type ResultRow = {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  owner_ref: string | null;
  business_unit_ref: string | null;
  tags: string;
  is_innersource: boolean | number;
  search_text: string;
  usage_count: number;
  business_unit_count: number;
  lint_score: number;
  lint_errors: number;
  lint_warnings: number;
  activity_score: number | null;
  readiness_level: string | null;
  owner_path: string | null;
  language: string | null;
  accepting_contributions: boolean | number;
  last_activity_at: string | null;
  activity_level: string | null;
  innersource_ratio: number | null;
  stars: number | null;
  good_first_issue_count: number | null;
  result: string;
  computed_at: string;
  stale: boolean | number;
  last_error: string | null;
  last_error_at: string | null;
};

const SORT_COLUMNS: Record<ProjectFilter['sort'], string> = {
  usage: 'usage_count',
  readiness: 'lint_score',
  relevance: 'activity_score',
  activity: 'activity_score',
  ratio: 'innersource_ratio',
  name: 'name',
  updated: 'computed_at',
  stars: 'stars',
};

/** The UTC day of a date as YYYY-MM-DD. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The lower-cased words of a search. */
function searchTerms(q: string | undefined): string[] {
  return (q ?? '')
    .toLocaleLowerCase('en-US')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 10);
}

function toRow(result: EntityInnerSourceResult, computedAt: string): ResultRow {
  const { entity, usage, lint, contributions } = result;
  const lastYear = contributions?.windows.find(w => w.window === '365d');
  const tags = entity.tags.map(t => t.toLocaleLowerCase('en-US'));
  const searchText = [
    entity.name,
    entity.title,
    entity.description,
    entity.type,
    entity.kind,
    entity.ownerRef,
    entity.ownerTitle,
    entity.language,
    entity.innerSourceMetadata?.title,
    entity.innerSourceMetadata?.motivation,
    ...(entity.innerSourceMetadata?.skills ?? []),
    ...(entity.innerSourceMetadata?.contributions ?? []),
    ...tags,
  ]
    .filter(Boolean)
    .join(' ')
    .toLocaleLowerCase('en-US');
  return {
    entity_ref: entity.entityRef,
    kind: entity.kind.toLocaleLowerCase('en-US'),
    namespace: entity.namespace,
    name: entity.name,
    title: entity.title ?? null,
    type: entity.type ?? null,
    lifecycle: entity.lifecycle ?? null,
    owner_ref: entity.ownerRef ?? null,
    business_unit_ref: entity.businessUnitRef ?? null,
    tags: tags.length ? `|${tags.join('|')}|` : '',
    is_innersource: entity.innerSource,
    search_text: searchText,
    usage_count: usage.count,
    business_unit_count: usage.businessUnitCount,
    lint_score: lint.score,
    lint_errors: lint.errors,
    lint_warnings: lint.warnings,
    activity_score: contributions?.activity.score ?? null,
    readiness_level: lint.level ?? null,
    owner_path: entity.ownerPath?.length
      ? `|${entity.ownerPath.join('|')}|`
      : null,
    language: entity.language ?? null,
    accepting_contributions: Boolean(entity.acceptingContributions),
    last_activity_at: contributions?.repository.lastCommitAt ?? null,
    activity_level: contributions?.activity.level ?? null,
    innersource_ratio: lastYear?.innerSourceRatio ?? null,
    stars: result.scm?.stars ?? null,
    good_first_issue_count: result.scm?.goodFirstIssues.count ?? null,
    result: JSON.stringify({ ...result, status: undefined }),
    computed_at: computedAt,
    stale: false,
    last_error: null,
    last_error_at: null,
  };
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
    return new DatabaseInnerSourceStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async replaceResults(options: {
    results: EntityInnerSourceResult[];
    computedAt: Date;
  }): Promise<void> {
    const computedAt = options.computedAt.toISOString();
    const day = utcDay(options.computedAt);
    const rows = options.results.map(r => toRow(r, computedAt));
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
      await tx(TAGS).delete();
      const tagRows = options.results.flatMap(r =>
        [
          ...new Set(
            r.entity.tags.map(t => t.toLocaleLowerCase('en-US').slice(0, 63)),
          ),
        ].map(tag => ({ entity_ref: r.entity.entityRef, tag })),
      );
      for (let i = 0; i < tagRows.length; i += 200) {
        await tx(TAGS).insert(tagRows.slice(i, i + 200));
      }
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

  /**
   * The listing query with every filter but `except` applied, and the readable restriction.
   * Shared by the page, the count and the facets so that they always agree.
   */
  private filtered(
    filter: ProjectFilter,
    readable: string[] | undefined,
    except?: ProjectFacet,
  ): Knex.QueryBuilder {
    const query = this.db(RESULTS);
    const lowerAll = (values: string[]) =>
      values.map(v => v.toLocaleLowerCase('en-US'));
    for (const term of searchTerms(filter.q)) {
      query.whereRaw("search_text like ? escape '\\'", [
        `%${escapeLike(term)}%`,
      ]);
    }
    if (filter.kind?.length && except !== 'kind') {
      query.whereIn('kind', lowerAll(filter.kind));
    }
    if (filter.type?.length && except !== 'type')
      query.whereIn('type', filter.type);
    if (filter.lifecycle?.length && except !== 'lifecycle') {
      query.whereIn('lifecycle', filter.lifecycle);
    }
    if (filter.owner?.length)
      query.whereIn('owner_ref', lowerAll(filter.owner));
    if (filter.tag?.length && except !== 'tag') {
      const tags = lowerAll(filter.tag);
      query.where(builder => {
        for (const tag of tags) {
          builder.orWhereRaw("tags like ? escape '\\'", [
            `%|${escapeLike(tag)}|%`,
          ]);
        }
      });
    }
    if (filter.innerSourceOnly) query.where('is_innersource', true);
    if (filter.level?.length && except !== 'level') {
      query.whereIn('readiness_level', filter.level);
    }
    if (filter.language?.length && except !== 'language') {
      query.whereIn('language', filter.language);
    }
    if (filter.activity?.length && except !== 'activity') {
      query.whereIn('activity_level', filter.activity);
    }
    if (filter.ownerGroup && except !== 'businessUnit') {
      query.where(
        inSubtree(
          this.db,
          'owner_path',
          filter.ownerGroup.toLocaleLowerCase('en-US'),
        ),
      );
    }
    if (filter.acceptingContributions)
      query.where('accepting_contributions', true);
    if (filter.goodFirstIssues) query.where('good_first_issue_count', '>', 0);
    if (filter.activeSince) {
      // no git history: nothing says it is stale
      query.where(b =>
        b
          .whereNull('last_activity_at')
          .orWhere('last_activity_at', '>=', filter.activeSince!),
      );
    }
    if (readable) query.where(refIn(this.db, 'entity_ref', readable));
    return query;
  }

  /** Sorts a listing query; with a search, `relevance` ranks name, title and tag matches first. */
  private sorted(
    query: Knex.QueryBuilder,
    filter: ProjectFilter,
  ): Knex.QueryBuilder {
    const terms = searchTerms(filter.q);
    if (filter.sort === 'relevance' && terms.length > 0) {
      const parts: string[] = [];
      const bindings: string[] = [];
      for (const term of terms) {
        const like = `%${escapeLike(term)}%`;
        parts.push(
          "(case when lower(name) = ? then 50 when lower(name) like ? escape '\\' then 30 when lower(name) like ? escape '\\' then 20 else 0 end)",
          "(case when lower(coalesce(title, '')) like ? escape '\\' then 15 else 0 end)",
          "(case when tags like ? escape '\\' then 12 else 0 end)",
        );
        bindings.push(
          term,
          `${escapeLike(term)}%`,
          like,
          like,
          `%|${escapeLike(term)}|%`,
        );
      }
      query.orderByRaw(`${parts.join(' + ')} desc`, bindings);
    }
    const column = SORT_COLUMNS[filter.sort];
    // projects without the figure (no git source) go last in either direction, on both engines
    return query.orderByRaw('?? is null', [column]).orderBy([
      { column, order: filter.sort === 'relevance' ? 'desc' : filter.order },
      { column: 'entity_ref', order: 'asc' },
    ]);
  }

  async listProjectRefs(filter: ProjectFilter): Promise<string[]> {
    const rows: Array<{ entity_ref: string }> = await this.sorted(
      this.filtered(filter, undefined).select('entity_ref'),
      filter,
    );
    return rows.map(row => row.entity_ref);
  }

  async listProjects(options: {
    filter: ProjectFilter;
    readable?: string[];
    limit: number;
    offset: number;
  }): Promise<ProjectPage> {
    const { filter, readable, limit, offset } = options;
    const [rows, [{ count }]] = await Promise.all([
      this.sorted(this.filtered(filter, readable).select('entity_ref'), filter)
        .limit(limit)
        .offset(offset) as Promise<Array<{ entity_ref: string }>>,
      this.filtered(filter, readable).count({ count: '*' }) as Promise<
        Array<{ count: number | string }>
      >,
    ]);
    return { refs: rows.map(r => r.entity_ref), totalCount: Number(count) };
  }

  async projectFacets(options: {
    filter: ProjectFilter;
    readable?: string[];
  }): Promise<Record<ProjectFacet, Array<{ value: string; count: number }>>> {
    const { filter, readable } = options;
    const column: Record<Exclude<ProjectFacet, 'tag'>, string> = {
      kind: 'kind',
      type: 'type',
      lifecycle: 'lifecycle',
      level: 'readiness_level',
      activity: 'activity_level',
      language: 'language',
      businessUnit: 'business_unit_ref',
    };
    const counted = async (facet: ProjectFacet) => {
      let rows: Array<{ value: string | null; count: number | string }>;
      if (facet === 'tag') {
        const matching = this.filtered(filter, readable, 'tag').select(
          'entity_ref',
        );
        rows = (await this.db(TAGS)
          .select({ value: 'tag' })
          .count({ count: '*' })
          .whereIn('entity_ref', matching)
          .groupBy('tag')
          .orderBy([
            { column: 'count', order: 'desc' },
            { column: 'tag', order: 'asc' },
          ])
          .limit(30)) as typeof rows;
      } else {
        rows = (await this.filtered(filter, readable, facet)
          .select({ value: column[facet] })
          .count({ count: '*' })
          .groupBy(column[facet])) as typeof rows;
      }
      return rows
        .filter(r => r.value !== null && r.value !== '')
        .map(r => ({ value: String(r.value), count: Number(r.count) }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    };
    const entries = [];
    for (const facet of PROJECT_FACETS) {
      entries.push([facet, await counted(facet)] as const);
    }
    return Object.fromEntries(entries) as Record<
      ProjectFacet,
      Array<{ value: string; count: number }>
    >;
  }

  async getProjectItems(entityRefs: string[]): Promise<ProjectListItem[]> {
    const byRef = new Map<string, ProjectListItem>();
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows: ResultRow[] = await this.db<ResultRow>(RESULTS).whereIn(
        'entity_ref',
        entityRefs.slice(i, i + 500),
      );
      for (const row of rows) {
        const result = JSON.parse(row.result) as EntityInnerSourceResult;
        byRef.set(row.entity_ref, {
          entity: result.entity,
          usageCount: Number(row.usage_count),
          businessUnitCount: Number(row.business_unit_count),
          lintScore: Number(row.lint_score),
          lintErrors: Number(row.lint_errors),
          lintWarnings: Number(row.lint_warnings),
          ...(row.readiness_level
            ? {
                readinessLevel:
                  row.readiness_level as ProjectListItem['readinessLevel'],
              }
            : {}),
          ...(row.activity_score !== null && row.activity_score !== undefined
            ? {
                activityScore: Number(row.activity_score),
                activityLevel:
                  row.activity_level as ProjectListItem['activityLevel'],
              }
            : {}),
          ...(result.contributions
            ? {
                innerSourceRatio:
                  row.innersource_ratio === null
                    ? null
                    : Number(row.innersource_ratio),
              }
            : {}),
          ...(row.last_activity_at
            ? { lastActivityAt: row.last_activity_at }
            : {}),
          ...(row.stars !== null && row.stars !== undefined
            ? { stars: Number(row.stars) }
            : {}),
          ...(row.good_first_issue_count !== null &&
          row.good_first_issue_count !== undefined
            ? { goodFirstIssueCount: Number(row.good_first_issue_count) }
            : {}),
          computedAt: row.computed_at,
          stale: Boolean(row.stale),
        });
      }
    }
    return entityRefs.flatMap(ref => {
      const item = byRef.get(ref);
      return item ? [item] : [];
    });
  }

  async countResults(): Promise<number> {
    const [{ count }] = await this.db(RESULTS).count({ count: '*' });
    return Number(count);
  }

  async getContributionLog(
    entityRef: string,
  ): Promise<StoredContributionLog | undefined> {
    const row = await this.db(LOGS).where('entity_ref', entityRef).first();
    if (!row) return undefined;
    return {
      log: JSON.parse(row.log) as ContributionLog,
      ...(row.synced_at ? { syncedAt: row.synced_at } : {}),
      ...(row.error_kind
        ? {
            error: {
              kind: row.error_kind,
              message: row.error_message ?? '',
              at: row.error_at,
            },
          }
        : {}),
    };
  }

  async saveContributionLog(
    entityRef: string,
    log: ContributionLog,
    syncedAt: Date,
  ): Promise<void> {
    await this.db(LOGS)
      .insert({
        entity_ref: entityRef,
        clone_url: log.cloneUrl,
        path: log.path,
        head_sha: log.headSha ?? null,
        log: JSON.stringify(log),
        synced_at: syncedAt.toISOString(),
        error_kind: null,
        error_message: null,
        error_at: null,
      })
      .onConflict('entity_ref')
      .merge();
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
    const fields = {
      error_kind: error.kind,
      error_message: error.message,
      error_at: error.at.toISOString(),
    };
    const updated = await this.db(LOGS)
      .where('entity_ref', entityRef)
      .update(fields);
    if (updated === 0) {
      await this.db(LOGS).insert({
        entity_ref: entityRef,
        clone_url: error.cloneUrl,
        path: error.path,
        head_sha: null,
        log: JSON.stringify(emptyLog(error.cloneUrl, error.path)),
        synced_at: null,
        ...fields,
      });
    }
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
