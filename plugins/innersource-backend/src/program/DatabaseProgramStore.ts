import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  ContributionWindow,
  LintSeverity,
  ProgramLevelCount,
  ProgramReuseCell,
  ProgramRuleFailureCount,
  ProgramWeeklyContributions,
  READINESS_LEVELS,
  ReadinessLevel,
} from '@innersource-backstage/plugin-innersource-common';
import { Knex } from 'knex';
import { AdoptionDayRow, utcDayOf } from './programPeriods';
import { ProgramFacts, ProgramGroupFact } from './programFacts';
import {
  ProgramExpiredExceptionRow,
  ProgramFlowRow,
  ProgramOutgoingRow,
  ProgramProjectRow,
  ProgramProjectSelection,
  ProgramReusedRow,
  ProgramScope,
  ProgramStore,
  ProgramTotalsRow,
  ReadableRefs,
} from './ProgramStore';
import { inSubtree, refIn } from './sqlScope';

const migrationsDir = resolvePackagePath(
  '@innersource-backstage/plugin-innersource-backend',
  'migrations',
);

const GROUPS = 'innersource_program_groups';
const FACTS = 'innersource_program_entity_facts';
const WINDOWS = 'innersource_program_window_facts';
const DISTANCES = 'innersource_program_distances';
const FLOWS = 'innersource_program_flows';
const REUSE = 'innersource_program_reuse';
const FAILURES = 'innersource_program_rule_failures';
const WEEKLY = 'innersource_program_weekly';
const HISTORY = 'innersource_program_history';

/** Rows per insert: at most ~1,300 bound values, far below the limits of SQLite and PostgreSQL. */
const CHUNK = 100;

/** Ranks severities so that the worst one of a rule can be picked with min(). */
const SEVERITY_RANK_SQL =
  "min(case rf.severity when 'error' then 0 when 'warning' then 1 else 2 end)";
const SEVERITY_BY_RANK: LintSeverity[] = ['error', 'warning', 'info'];

type Row = Record<string, unknown>;

const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
const num = (value: unknown): number => numOrNull(value) ?? 0;
const str = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value);

/** `{ [key]: text }` for a column with a value, `{}` for a null or empty one, to spread. */
function optional<K extends string>(
  key: K,
  value: unknown,
): Partial<Record<K, string>> {
  return value ? ({ [key]: String(value) } as Record<K, string>) : {};
}

const asc = (column: string) => ({ column, order: 'asc' as const });
const desc = (column: string) => ({ column, order: 'desc' as const });

function asLevel(value: unknown): ReadinessLevel {
  return (READINESS_LEVELS as readonly unknown[]).includes(value)
    ? (value as ReadinessLevel)
    : 'none';
}

/** The counts that `projectCounts` selects, as a result reports them. */
function projectCountsOf(row: Row | undefined) {
  return {
    projects: num(row?.projects),
    innerSourceProjects: num(row?.innersource),
  };
}

/** Inserts in chunks; with `mergeOn`, a row that clashes on those columns replaces the old one. */
async function insertChunked(
  tx: Knex.Transaction,
  table: string,
  rows: Row[],
  mergeOn?: string[],
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const insert = tx(table).insert(rows.slice(i, i + CHUNK));
    await (mergeOn ? insert.onConflict(mergeOn).merge() : insert);
  }
}

/** The rows of each table that holds the facts of the last refresh only. */
function currentRows(
  facts: ProgramFacts,
  computedAt: string,
): Array<[table: string, rows: Row[]]> {
  return [
    [
      GROUPS,
      facts.groups.map(g => ({
        group_ref: g.groupRef,
        title: g.title ?? null,
        parent_ref: g.parentRef ?? null,
        depth: g.depth,
        path: g.path,
      })),
    ],
    [
      FACTS,
      facts.entities.map(e => ({
        entity_ref: e.entityRef,
        kind: e.kind,
        title: e.title ?? null,
        owner_ref: e.ownerRef ?? null,
        owner_title: e.ownerTitle ?? null,
        business_unit_ref: e.businessUnitRef ?? null,
        owner_path: e.ownerPath,
        is_innersource: e.isInnerSource,
        readiness_level: e.readinessLevel,
        lint_score: e.lintScore,
        usage_count: e.usageCount,
        business_unit_count: e.businessUnitCount,
        cross_team_dependencies: e.crossTeamDependencies,
        has_history: e.hasHistory,
        last_commit_at: e.lastCommitAt ?? null,
        computed_at: computedAt,
      })),
    ],
    [
      WINDOWS,
      facts.windows.map(w => ({
        entity_ref: w.entityRef,
        time_window: w.window,
        commits: w.commits,
        owner_team_commits: w.ownerTeamCommits,
        outside_commits: w.outsideCommits,
        outside_contributors: w.outsideContributors,
        absence_factor: w.absenceFactor,
      })),
    ],
    [
      DISTANCES,
      facts.distances.map(d => ({
        entity_ref: d.entityRef,
        time_window: d.window,
        distance: d.distance,
        commits: d.commits,
      })),
    ],
    [
      FLOWS,
      facts.flows.map(f => ({
        entity_ref: f.entityRef,
        time_window: f.window,
        from_team_ref: f.fromTeamRef,
        from_team_path: f.fromTeamPath,
        to_team_ref: f.toTeamRef,
        commits: f.commits,
        contributors: f.contributors,
      })),
    ],
    [
      REUSE,
      facts.reuse.map(r => ({
        provider_ref: r.providerRef,
        consumer_ref: r.consumerRef,
        provider_business_unit_ref: r.providerBusinessUnitRef ?? null,
        consumer_owner_ref: r.consumerOwnerRef ?? null,
        consumer_business_unit_ref: r.consumerBusinessUnitRef ?? null,
        consumer_owner_path: r.consumerOwnerPath,
        cross_team: r.crossTeam,
      })),
    ],
    [
      FAILURES,
      facts.ruleFailures.map(f => ({
        entity_ref: f.entityRef,
        rule_id: f.ruleId,
        title: f.title,
        category: f.category,
        severity: f.severity,
        waiver_status: f.waiver?.status ?? null,
        waiver_owner: f.waiver?.owner ?? null,
        waiver_reason: f.waiver?.reason ?? null,
        waiver_expires: f.waiver?.expires ?? null,
      })),
    ],
  ];
}

/** The knex implementation of {@link ProgramStore}, for SQLite and PostgreSQL. */
export class DatabaseProgramStore implements ProgramStore {
  /** Connects, and brings the plugin's schema up to date unless told not to. */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseProgramStore> {
    const client = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseProgramStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async replaceFacts(facts: ProgramFacts, computedAt: Date): Promise<void> {
    const at = computedAt.toISOString();
    const day = utcDayOf(computedAt);
    const weeks = facts.weekly.map(w => w.weekStart).sort();
    const current = currentRows(facts, at);
    await this.db.transaction(async tx => {
      for (const [table] of current) {
        await tx(table).delete();
      }
      for (const [table, rows] of current) {
        await insertChunked(tx, table, rows);
      }

      // Weekly commits: the weeks just read replace what was stored for them; older weeks stay,
      // so the series grows beyond the 52 weeks each read covers. Quiet weeks need no row.
      await tx(WEEKLY)
        .whereNotIn('entity_ref', tx(FACTS).select('entity_ref'))
        .delete();
      if (weeks.length > 0) {
        await tx(WEEKLY).where('week_start', '>=', weeks[0]).delete();
      }
      await insertChunked(
        tx,
        WEEKLY,
        facts.weekly
          .filter(w => w.ownerTeam + w.outside + w.unknown > 0)
          .map(w => ({
            entity_ref: w.entityRef,
            week_start: w.weekStart,
            owner_team_commits: w.ownerTeam,
            outside_commits: w.outside,
            unknown_commits: w.unknown,
          })),
      );

      // One history row per entity per day; a later refresh the same day replaces it.
      await insertChunked(
        tx,
        HISTORY,
        facts.entities.map(e => ({
          day,
          entity_ref: e.entityRef,
          owner_path: e.ownerPath,
          is_innersource: e.isInnerSource,
          readiness_level: e.readinessLevel,
          usage_count: e.usageCount,
          cross_team_dependencies: e.crossTeamDependencies,
          recorded_at: at,
        })),
        ['day', 'entity_ref'],
      );
    });
  }

  async getComputedAt(): Promise<string | undefined> {
    const row = await this.db(FACTS).max({ at: 'computed_at' }).first();
    return str(row?.at);
  }

  async listGroups(): Promise<ProgramGroupFact[]> {
    const rows: Row[] = await this.db(GROUPS).orderBy('path');
    return rows.map(row => ({
      groupRef: String(row.group_ref),
      ...optional('title', row.title),
      ...optional('parentRef', row.parent_ref),
      depth: num(row.depth),
      path: String(row.path),
    }));
  }

  /**
   * Narrows rows aliased `alias`, which have an `entity_ref` and an `owner_path`, to those the
   * scope lets count.
   */
  private inScope(
    query: Knex.QueryBuilder,
    scope: ProgramScope,
    alias: string,
  ): Knex.QueryBuilder {
    query.where(refIn(this.db, `${alias}.entity_ref`, scope.readableRefs));
    if (scope.groupRef) {
      query.where(inSubtree(this.db, `${alias}.owner_path`, scope.groupRef));
    }
    return query;
  }

  /** The facts of the projects in scope, aliased `f`. */
  private projectsInScope(scope: ProgramScope): Knex.QueryBuilder {
    return this.inScope(this.db(`${FACTS} as f`), scope, 'f');
  }

  /** {@link projectsInScope} with the figures of one window, aliased `w`, where there are any. */
  private projectsWithWindow(
    scope: ProgramScope,
    window: ContributionWindow,
  ): Knex.QueryBuilder {
    return this.projectsInScope(scope).leftJoin(`${WINDOWS} as w`, join =>
      join
        .on('w.entity_ref', '=', 'f.entity_ref')
        .andOnVal('w.time_window', '=', window),
    );
  }

  /** The flows of one window, aliased `fl`, into readable projects, whose facts are aliased `f`. */
  private flowsIntoReadable(
    readableRefs: ReadableRefs,
    window: ContributionWindow,
  ): Knex.QueryBuilder {
    return this.db(`${FLOWS} as fl`)
      .join(`${FACTS} as f`, 'f.entity_ref', 'fl.entity_ref')
      .where(refIn(this.db, 'f.entity_ref', readableRefs))
      .where('fl.time_window', window);
  }

  /** `count(*)` under `alias`. */
  private count(alias: string): Knex.Raw {
    return this.db.raw('count(*) as ??', [alias]);
  }

  /** The sum of a column under `alias`. */
  private sum(column: string, alias: string): Knex.Raw {
    return this.db.raw('sum(??) as ??', [column, alias]);
  }

  /** How many rows meet an SQL condition (a constant of this file, never input), under `alias`. */
  private countWhere(condition: string, alias: string): Knex.Raw {
    return this.db.raw(`sum(case when ${condition} then 1 else 0 end) as ??`, [
      alias,
    ]);
  }

  /** The project counts of rows aliased `alias`, as {@link projectCountsOf} reads them. */
  private projectCounts(alias: string): Knex.Raw[] {
    return [
      this.count('projects'),
      this.countWhere(`${alias}.is_innersource`, 'innersource'),
    ];
  }

  async countTotals(
    scope: ProgramScope,
    window: ContributionWindow,
  ): Promise<ProgramTotalsRow> {
    const row: Row | undefined = await this.projectsWithWindow(scope, window)
      .select(
        ...this.projectCounts('f'),
        this.countWhere('f.has_history', 'with_history'),
        this.sum('f.cross_team_dependencies', 'cross_team'),
        this.sum('w.outside_commits', 'outside_commits'),
        this.sum('w.commits', 'commits'),
      )
      .first();
    return {
      ...projectCountsOf(row),
      projectsWithHistory: num(row?.with_history),
      crossTeamDependencies: num(row?.cross_team),
      outsideCommits: num(row?.outside_commits),
      commits: num(row?.commits),
    };
  }

  async countLevels(scope: ProgramScope): Promise<ProgramLevelCount[]> {
    const rows: Row[] = await this.projectsInScope(scope)
      .select('f.readiness_level', ...this.projectCounts('f'))
      .groupBy('f.readiness_level');
    return READINESS_LEVELS.map(level => ({
      level,
      ...projectCountsOf(rows.find(r => r.readiness_level === level)),
    }));
  }

  async listProjects(
    scope: ProgramScope,
    window: ContributionWindow,
    selection: ProgramProjectSelection,
  ): Promise<ProgramProjectRow[]> {
    const query = this.projectsWithWindow(scope, window).select(
      'f.*',
      'w.commits as window_commits',
      'w.outside_commits as window_outside_commits',
      'w.absence_factor as window_absence_factor',
      this.db.raw(
        'case when w.entity_ref is null then 0 else 1 end as has_window',
      ),
    );
    const byUsage = [desc('f.usage_count'), asc('f.entity_ref')];
    switch (selection.kind) {
      case 'most-used':
        query
          .where('f.usage_count', '>', 0)
          .orderBy([
            desc('f.usage_count'),
            desc('f.business_unit_count'),
            asc('f.entity_ref'),
          ])
          .limit(selection.limit);
        break;
      case 'absence-factor-one':
        query.where('w.absence_factor', 1).orderBy(byUsage);
        break;
      case 'stale':
        query
          .where('f.has_history', true)
          .whereNotNull('f.last_commit_at')
          .where('f.last_commit_at', '<', selection.lastCommitBefore)
          .orderBy([asc('f.last_commit_at'), asc('f.entity_ref')]);
        break;
      default:
        query.orderBy(byUsage);
    }
    const rows: Row[] = await query;
    return rows.map(row => ({
      entityRef: String(row.entity_ref),
      kind: String(row.kind),
      ...optional('title', row.title),
      ...optional('ownerRef', row.owner_ref),
      ...optional('ownerTitle', row.owner_title),
      ...optional('businessUnitRef', row.business_unit_ref),
      isInnerSource: Boolean(row.is_innersource),
      readinessLevel: asLevel(row.readiness_level),
      lintScore: num(row.lint_score),
      usageCount: num(row.usage_count),
      businessUnitCount: num(row.business_unit_count),
      crossTeamDependencies: num(row.cross_team_dependencies),
      hasHistory: Boolean(row.has_history),
      ...optional('lastCommitAt', row.last_commit_at),
      ...(num(row.has_window) === 1
        ? {
            window: {
              commits: num(row.window_commits),
              outsideCommits: num(row.window_outside_commits),
              absenceFactor: numOrNull(row.window_absence_factor),
            },
          }
        : {}),
    }));
  }

  async countAdoptionDays(
    scope: ProgramScope,
    sinceDay: string,
  ): Promise<AdoptionDayRow[]> {
    // the owner as it was that day: history follows the org chart of its time
    const rows: Row[] = await this.inScope(
      this.db(`${HISTORY} as h`),
      scope,
      'h',
    )
      .where('h.day', '>=', sinceDay)
      .select(
        'h.day',
        'h.readiness_level',
        ...this.projectCounts('h'),
        this.sum('h.cross_team_dependencies', 'cross_team'),
      )
      .groupBy('h.day', 'h.readiness_level')
      .orderBy('h.day');
    return rows.map(row => ({
      day: String(row.day),
      readinessLevel: String(row.readiness_level),
      ...projectCountsOf(row),
      crossTeamDependencies: num(row.cross_team),
    }));
  }

  async countReuse(scope: ProgramScope): Promise<ProgramReuseCell[]> {
    const rows: Row[] = await this.projectsInScope(scope)
      .join(`${REUSE} as r`, 'r.provider_ref', 'f.entity_ref')
      .where(refIn(this.db, 'r.consumer_ref', scope.readableRefs))
      .whereNotNull('r.consumer_business_unit_ref')
      .whereNotNull('r.provider_business_unit_ref')
      .select(
        'r.consumer_business_unit_ref',
        'r.provider_business_unit_ref',
        this.count('dependencies'),
      )
      .groupBy('r.consumer_business_unit_ref', 'r.provider_business_unit_ref')
      .orderBy([
        asc('r.consumer_business_unit_ref'),
        asc('r.provider_business_unit_ref'),
      ]);
    return rows.map(row => ({
      consumerBusinessUnitRef: String(row.consumer_business_unit_ref),
      providerBusinessUnitRef: String(row.provider_business_unit_ref),
      dependencies: num(row.dependencies),
    }));
  }

  async sumWeekly(
    scope: ProgramScope,
    sinceWeek: string | undefined,
  ): Promise<ProgramWeeklyContributions[]> {
    const query = this.projectsInScope(scope)
      .join(`${WEEKLY} as wk`, 'wk.entity_ref', 'f.entity_ref')
      .select(
        'wk.week_start',
        this.sum('wk.owner_team_commits', 'owner_team'),
        this.sum('wk.outside_commits', 'outside'),
        this.sum('wk.unknown_commits', 'unknown_commits'),
      )
      .groupBy('wk.week_start')
      .orderBy('wk.week_start');
    if (sinceWeek) query.where('wk.week_start', '>=', sinceWeek);
    const rows: Row[] = await query;
    return rows.map(row => ({
      weekStart: String(row.week_start),
      ownerTeam: num(row.owner_team),
      outside: num(row.outside),
      unknown: num(row.unknown_commits),
    }));
  }

  async sumFlows(
    scope: ProgramScope,
    window: ContributionWindow,
  ): Promise<ProgramFlowRow[]> {
    const query = this.flowsIntoReadable(scope.readableRefs, window)
      .select(
        'fl.from_team_ref',
        'fl.to_team_ref',
        this.sum('fl.commits', 'commits'),
        this.db.raw('count(distinct fl.entity_ref) as projects'),
      )
      .groupBy('fl.from_team_ref', 'fl.to_team_ref')
      .orderBy([
        desc('commits'),
        asc('fl.from_team_ref'),
        asc('fl.to_team_ref'),
      ]);
    const groupRef = scope.groupRef;
    if (groupRef) {
      query.where(builder =>
        builder
          .where(inSubtree(this.db, 'f.owner_path', groupRef))
          .orWhere(inSubtree(this.db, 'fl.from_team_path', groupRef)),
      );
    }
    const rows: Row[] = await query;
    return rows.map(row => ({
      fromTeamRef: String(row.from_team_ref),
      toTeamRef: String(row.to_team_ref),
      commits: num(row.commits),
      projects: num(row.projects),
    }));
  }

  async sumDistances(
    scope: ProgramScope,
    window: ContributionWindow,
  ): Promise<Record<string, number>> {
    const rows: Row[] = await this.projectsInScope(scope)
      .join(`${DISTANCES} as d`, 'd.entity_ref', 'f.entity_ref')
      .where('d.time_window', window)
      .select('d.distance', this.sum('d.commits', 'commits'))
      .groupBy('d.distance');
    return Object.fromEntries(
      rows.map(row => [String(row.distance), num(row.commits)]),
    );
  }

  async countRuleFailures(
    scope: ProgramScope,
  ): Promise<ProgramRuleFailureCount[]> {
    const rows: Row[] = await this.projectsInScope(scope)
      .join(`${FAILURES} as rf`, 'rf.entity_ref', 'f.entity_ref')
      .select(
        'rf.rule_id',
        this.db.raw('max(rf.title) as title'),
        this.db.raw('max(rf.category) as category'),
        this.db.raw(`${SEVERITY_RANK_SQL} as severity_rank`),
        this.countWhere(
          "rf.waiver_status is null or rf.waiver_status <> 'active'",
          'failures',
        ),
        this.countWhere("rf.waiver_status = 'active'", 'waived'),
      )
      .groupBy('rf.rule_id')
      .orderBy([desc('failures'), desc('waived'), asc('rf.rule_id')]);
    return rows.map(row => ({
      ruleId: String(row.rule_id),
      title: String(row.title),
      category: String(row.category),
      severity: SEVERITY_BY_RANK[num(row.severity_rank)] ?? 'info',
      failures: num(row.failures),
      waived: num(row.waived),
    }));
  }

  async listExpiredExceptions(
    scope: ProgramScope,
  ): Promise<ProgramExpiredExceptionRow[]> {
    const rows: Row[] = await this.projectsInScope(scope)
      .join(`${FAILURES} as rf`, 'rf.entity_ref', 'f.entity_ref')
      .where('rf.waiver_status', 'expired')
      .select(
        'f.entity_ref',
        'f.title',
        'f.owner_ref',
        'rf.rule_id',
        'rf.title as rule_title',
        'rf.severity',
        'rf.waiver_owner',
        'rf.waiver_reason',
        'rf.waiver_expires',
      )
      .orderBy([
        asc('rf.waiver_expires'),
        asc('f.entity_ref'),
        asc('rf.rule_id'),
      ]);
    return rows.map(row => ({
      entityRef: String(row.entity_ref),
      ...optional('title', row.title),
      ...optional('ownerRef', row.owner_ref),
      ruleId: String(row.rule_id),
      ruleTitle: String(row.rule_title),
      severity: String(row.severity) as LintSeverity,
      owner: String(row.waiver_owner ?? ''),
      reason: String(row.waiver_reason ?? ''),
      expires: String(row.waiver_expires ?? ''),
    }));
  }

  async listOutgoingContributions(
    readableRefs: ReadableRefs,
    groupRef: string,
    window: ContributionWindow,
  ): Promise<ProgramOutgoingRow[]> {
    const rows: Row[] = await this.flowsIntoReadable(readableRefs, window)
      .where(inSubtree(this.db, 'fl.from_team_path', groupRef))
      .where(inSubtree(this.db, 'f.owner_path', groupRef, true))
      .select(
        'f.entity_ref',
        'f.title',
        'f.owner_ref',
        'f.owner_title',
        'fl.from_team_ref',
        'fl.commits',
      )
      .orderBy([
        desc('fl.commits'),
        asc('f.entity_ref'),
        asc('fl.from_team_ref'),
      ]);
    return rows.map(row => ({
      entityRef: String(row.entity_ref),
      ...optional('title', row.title),
      ...optional('ownerRef', row.owner_ref),
      ...optional('ownerTitle', row.owner_title),
      fromTeamRef: String(row.from_team_ref),
      commits: num(row.commits),
    }));
  }

  async listReusedProjects(
    readableRefs: ReadableRefs,
    groupRef: string,
  ): Promise<ProgramReusedRow[]> {
    const rows: Row[] = await this.db(`${REUSE} as r`)
      .join(`${FACTS} as p`, 'p.entity_ref', 'r.provider_ref')
      .leftJoin(`${FACTS} as c`, 'c.entity_ref', 'r.consumer_ref')
      .where(refIn(this.db, 'r.provider_ref', readableRefs))
      .where(refIn(this.db, 'r.consumer_ref', readableRefs))
      .where(inSubtree(this.db, 'r.consumer_owner_path', groupRef))
      .where(inSubtree(this.db, 'p.owner_path', groupRef, true))
      .select(
        'r.provider_ref',
        'p.title as provider_title',
        'p.owner_ref',
        'p.owner_title',
        'p.business_unit_ref',
        'r.consumer_ref',
        'c.title as consumer_title',
      )
      .orderBy([asc('r.provider_ref'), asc('r.consumer_ref')]);
    return rows.map(row => ({
      providerRef: String(row.provider_ref),
      ...optional('providerTitle', row.provider_title),
      ...optional('ownerRef', row.owner_ref),
      ...optional('ownerTitle', row.owner_title),
      ...optional('businessUnitRef', row.business_unit_ref),
      consumerRef: String(row.consumer_ref),
      ...optional('consumerTitle', row.consumer_title),
    }));
  }
}
