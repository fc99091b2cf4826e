import {
  EntityInnerSourceResult,
  InnerSourceEntitySummary,
  ProjectListItem,
  ProjectSortField,
} from '@innersource-backstage/plugin-innersource-common';
import { createHash, randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { dialectOf, escapeLike } from '../program/sqlScope';
import {
  FieldFilter,
  filteredFacets,
  fts5Query,
  IndexFlag,
  IndexedProject,
  indexedValues,
  indexTokens,
  planQuery,
  searchTerms,
  tsQuery,
  ValueShare,
} from './discoveryIndex';
import {
  PROJECT_FACETS,
  ProjectFacet,
  ProjectFilter,
  ProjectPage,
} from './InnerSourceStore';
import { LISTING_VERSION_SQL, ReadableSets, Restriction } from './ReadableSets';
import { CHUNK, listItemOf, RESULTS, ResultRow, toRow } from './resultRows';

const LISTING = 'innersource_listing';
/** SQLite only: the index tokens of each listing row (rowid = listing id). */
const LISTING_FTS = 'innersource_listing_fts';
const LISTING_COUNTS = 'innersource_listing_counts';
const SET_REFS = 'innersource_readable_set_refs';

/** A row of the listing table: what the listing searches, filters, sorts and groups on. */
type ListingRow = {
  entity_ref: string;
  kind: string;
  name: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  business_unit_ref: string | null;
  readiness_level: string | null;
  activity_level: string | null;
  language: string | null;
  /** Lower-cased tags as a JSON array. */
  tags: string;
  usage_count: number;
  lint_score: number;
  activity_score: number | null;
  innersource_ratio: number | null;
  stars: number | null;
  last_activity_at: string | null;
  is_innersource: boolean;
  accepting_contributions: boolean;
  good_first_issues: boolean;
  search_text: string;
  row_hash: string;
};

/** A listing row, its index tokens and the values counted for facets and plans. */
export type ListingEntry = {
  row: ListingRow;
  tokens: string[];
  counted: Array<[string, string]>;
};

/** How long the value counts that plans use are kept (they only steer plans, never results). */
const SHARES_TTL_MS = 60_000;

/** The columns of a listing row that queries read. */
const LISTING_COLUMNS = [
  'id',
  'entity_ref',
  'kind',
  'name',
  'title',
  'type',
  'lifecycle',
  'business_unit_ref',
  'readiness_level',
  'activity_level',
  'language',
  'tags',
  'usage_count',
  'lint_score',
  'activity_score',
  'innersource_ratio',
  'stars',
  'last_activity_at',
  'is_innersource',
  'accepting_contributions',
  'good_first_issues',
] as const;

/** The listing column of each field that rows can be checked on without the index. */
const FIELD_COLUMNS: Partial<Record<FieldFilter['field'], string>> = {
  kind: 'kind',
  type: 'type',
  lifecycle: 'lifecycle',
  level: 'readiness_level',
  language: 'language',
  activity: 'activity_level',
};
const FLAG_COLUMNS: Record<IndexFlag, string> = {
  innersource: 'is_innersource',
  accepting: 'accepting_contributions',
  goodfirstissues: 'good_first_issues',
};

/**
 * What each sort orders by (listing table `l`), and whether projects can lack the figure. The
 * refresh time is the same for every row of a refresh, so it is read from the results.
 */
const SORTS: Record<ProjectSortField, { sql: string; nullable: boolean }> = {
  usage: { sql: 'l.usage_count', nullable: false },
  readiness: { sql: 'l.lint_score', nullable: false },
  relevance: { sql: 'l.activity_score', nullable: true },
  activity: { sql: 'l.activity_score', nullable: true },
  ratio: { sql: 'l.innersource_ratio', nullable: true },
  name: { sql: 'l.name', nullable: false },
  updated: {
    sql: `(select r.computed_at from ${RESULTS} r where r.entity_ref = l.entity_ref)`,
    nullable: false,
  },
  stars: { sql: 'l.stars', nullable: true },
};

/** The listing column each facet counts. */
const FACET_COLUMNS: Record<Exclude<ProjectFacet, 'tag'>, string> = {
  kind: 'kind',
  type: 'type',
  lifecycle: 'lifecycle',
  level: 'readiness_level',
  activity: 'activity_level',
  language: 'language',
  businessUnit: 'business_unit_ref',
  goodFirstIssues: 'good_first_issues',
};

/** The tag facet shows the most common tags only. */
const TAG_FACET_LIMIT = 30;

/** The listing row and index tokens of a result. */
export function toListing(
  row: ResultRow,
  entity: InnerSourceEntitySummary,
): ListingEntry {
  const flags: IndexFlag[] = [];
  if (row.is_innersource) flags.push('innersource');
  if (row.accepting_contributions) flags.push('accepting');
  if ((row.good_first_issue_count ?? 0) > 0) flags.push('goodfirstissues');
  const project: IndexedProject = {
    searchText: row.search_text,
    kind: row.kind,
    type: row.type,
    lifecycle: row.lifecycle,
    readinessLevel: row.readiness_level,
    language: row.language,
    activityLevel: row.activity_level,
    tags: entity.tags,
    ownerRef: row.owner_ref,
    ownerPath: entity.ownerPath ?? [],
    flags,
  };
  const tokens = indexTokens(project).sort();
  // owners and groups are too many to count; business units are a facet without a token
  const counted: Array<[string, string]> = indexedValues(project).filter(
    ([field]) => field !== 'owner' && field !== 'group',
  );
  if (row.business_unit_ref) {
    counted.push(['businessUnit', row.business_unit_ref]);
  }
  if (flags.includes('goodfirstissues'))
    counted.push(['goodFirstIssues', 'true']);
  const listing: Omit<ListingRow, 'row_hash'> = {
    entity_ref: row.entity_ref,
    kind: row.kind,
    name: row.name,
    title: row.title,
    type: row.type,
    lifecycle: row.lifecycle,
    business_unit_ref: row.business_unit_ref,
    readiness_level: row.readiness_level,
    activity_level: row.activity_level,
    language: row.language,
    tags: JSON.stringify([
      ...new Set(entity.tags.map(t => t.toLocaleLowerCase('en-US'))),
    ]),
    usage_count: row.usage_count,
    lint_score: row.lint_score,
    activity_score: row.activity_score,
    innersource_ratio: row.innersource_ratio,
    stars: row.stars,
    last_activity_at: row.last_activity_at,
    is_innersource: flags.includes('innersource'),
    accepting_contributions: flags.includes('accepting'),
    good_first_issues: flags.includes('goodfirstissues'),
    search_text: row.search_text,
  };
  const rowHash = createHash('sha256')
    .update(JSON.stringify([listing, tokens]))
    .digest('hex');
  return { row: { ...listing, row_hash: rowHash }, tokens, counted };
}

/** For each facet, the values and how many matches have each. */
export type FacetCounts = Record<
  ProjectFacet,
  Array<{ value: string; count: number }>
>;

/** Rows of a raw query: an array on SQLite, `.rows` on PostgreSQL. */
function rawRows<T>(result: unknown): T[] {
  return Array.isArray(result) ? result : (result as { rows: T[] }).rows;
}

/**
 * The discovery listing: a narrow table with a row per project (what the listing searches,
 * filters, sorts and groups on), its text index (a `tsvector` column on PostgreSQL, an FTS5 table
 * on SQLite) and the number of rows with each value, kept in step with the results by
 * {@link DiscoveryListing.sync}; and the listing's queries (pages, facet counts, cards),
 * restricted to what the caller may read through {@link ReadableSets}.
 */
export class DiscoveryListing {
  private readonly postgres: boolean;
  /** The listing's tags (a JSON array: text on SQLite, jsonb on PostgreSQL) as text. */
  private readonly tagsText: string;
  private readonly readableSets: ReadableSets;
  private shares?: { at: number; counts: Map<string, number>; total: number };

  constructor(private readonly db: Knex) {
    this.postgres = dialectOf(db) === 'postgres';
    this.tagsText = this.postgres ? 'l.tags::text' : 'l.tags';
    this.readableSets = new ReadableSets(db);
  }

  /**
   * Brings the listing table (and on SQLite its FTS5 index) in step with `entries`, writing only
   * the rows that changed: most figures stay the same from one refresh to the next.
   */
  async sync(tx: Knex.Transaction, entries: ListingEntry[]): Promise<void> {
    const existing: Array<{
      id: number;
      entity_ref: string;
      row_hash: string;
    }> = await tx(LISTING).select('id', 'entity_ref', 'row_hash');
    const hashes = new Map(existing.map(e => [e.entity_ref, e.row_hash]));
    const wanted = new Set(entries.map(e => e.row.entity_ref));
    const gone = existing
      .filter(e => !wanted.has(e.entity_ref))
      .map(e => Number(e.id));
    for (let i = 0; i < gone.length; i += 500) {
      const ids = gone.slice(i, i + 500);
      if (!this.postgres) await tx(LISTING_FTS).whereIn('rowid', ids).delete();
      await tx(LISTING).whereIn('id', ids).delete();
    }
    const changed = entries.filter(
      e => hashes.get(e.row.entity_ref) !== e.row.row_hash,
    );
    for (let i = 0; i < changed.length; i += CHUNK) {
      const chunk = changed.slice(i, i + CHUNK);
      await tx(LISTING)
        .insert(
          chunk.map(({ row, tokens }) =>
            this.postgres
              ? {
                  ...row,
                  doc: tx.raw('array_to_tsvector(?::text[])', [tokens]),
                }
              : row,
          ),
        )
        .onConflict('entity_ref')
        .merge();
      if (!this.postgres) {
        // an upsert keeps the row's id: replace its tokens
        const ids: Array<{ id: number; entity_ref: string }> = await tx(LISTING)
          .whereIn(
            'entity_ref',
            chunk.map(e => e.row.entity_ref),
          )
          .select('id', 'entity_ref');
        const idOf = new Map(ids.map(r => [r.entity_ref, Number(r.id)]));
        await tx(LISTING_FTS)
          .whereIn('rowid', [...idOf.values()])
          .delete();
        await tx(LISTING_FTS).insert(
          chunk.map(({ row, tokens }) => ({
            rowid: idOf.get(row.entity_ref),
            doc: tokens.join(' '),
          })),
        );
      }
    }
    if (gone.length === 0 && changed.length === 0) return;
    if (!this.postgres) {
      // one segment instead of one per batch of changes: fewer lists to read per query
      await tx.raw(
        `insert into ${LISTING_FTS}(${LISTING_FTS}) values ('optimize')`,
      );
    }
    // How many rows have each value: the facet counts of the whole listing, and what plans use.
    const counts = new Map<
      string,
      { field: string; value: string; count: number }
    >();
    for (const { counted } of entries) {
      for (const [field, value] of counted) {
        if (value.length > 255) continue;
        const key = `${field}\u0000${value}`;
        const entry = counts.get(key) ?? { field, value, count: 0 };
        entry.count += 1;
        counts.set(key, entry);
      }
    }
    await tx(LISTING_COUNTS).delete();
    // a new version: callers found to read everything are checked again
    const rows = [
      ...counts.values(),
      { field: 'version', value: randomUUID(), count: 0 },
    ];
    for (let i = 0; i < rows.length; i += 200) {
      await tx(LISTING_COUNTS).insert(rows.slice(i, i + 200));
    }
  }

  /** The share of listing rows with each value, as plans use it (kept a minute). */
  private async valueShares(): Promise<ValueShare> {
    const now = Date.now();
    if (!this.shares || now - this.shares.at > SHARES_TTL_MS) {
      const rows: Array<{ field: string; value: string; count: number }> =
        await this.db(LISTING_COUNTS).select('field', 'value', 'count');
      const counts = new Map(
        rows.map(r => [`${r.field}\u0000${r.value}`, Number(r.count)]),
      );
      // every row has one kind
      const total = rows
        .filter(r => r.field === 'kind')
        .reduce((sum, r) => sum + Number(r.count), 0);
      this.shares = { at: now, counts, total };
    }
    const { counts, total } = this.shares;
    return (field, value) =>
      field === 'owner' || field === 'group'
        ? undefined
        : (counts.get(`${field}\u0000${value}`) ?? 0) / Math.max(total, 1);
  }

  /**
   * Fills the listing from the stored results when it is empty but results exist: right after
   * the migration that created it (or one that emptied it to rebuild the tokens), before the next
   * refresh.
   */
  async fillIfEmpty(): Promise<void> {
    if (await this.db(LISTING).first('id')) return;
    if (!(await this.db(RESULTS).first('entity_ref'))) return;
    await this.db.transaction(async tx => {
      const entries: ListingEntry[] = [];
      let after = '';
      for (;;) {
        const page: Array<{
          entity_ref: string;
          result: string;
          computed_at: string;
        }> = await tx(RESULTS)
          .where('entity_ref', '>', after)
          .orderBy('entity_ref')
          .limit(500)
          .select('entity_ref', 'result', 'computed_at');
        if (page.length === 0) break;
        for (const stored of page) {
          const result = JSON.parse(stored.result) as EntityInnerSourceResult;
          entries.push(
            toListing(toRow(result, stored.computed_at), result.entity),
          );
        }
        after = page[page.length - 1].entity_ref;
      }
      await this.sync(tx, entries);
    });
  }

  /**
   * The listing rows (alias `l`) that match a filter, leaving out the filter of `except`, and that
   * the restriction lets through. Search words and rare filter values are matched by the index,
   * common values checked on the rows. `indexed`: the index (or a search) narrows the listing to
   * a few rows; `everything`: nothing narrows it, and nothing restricts it.
   */
  private matching(
    filter: ProjectFilter,
    restriction: Restriction,
    share: ValueShare,
    except?: ProjectFacet,
  ): { query: Knex.QueryBuilder; indexed: boolean; everything: boolean } {
    const { tokens, columns, literals } = planQuery({ filter, except, share });
    let query: Knex.QueryBuilder;
    if (tokens.length > 0 && !this.postgres) {
      // from the index to the rows it found
      query = this.db
        .from(
          this.db.raw(
            `${LISTING_FTS} join ${LISTING} l on l.id = ${LISTING_FTS}.rowid`,
          ),
        )
        .whereRaw(`${LISTING_FTS} match ?`, [fts5Query(tokens)]);
    } else {
      query = this.db({ l: LISTING });
      if (tokens.length > 0) {
        query.whereRaw('l.doc @@ ?::tsquery', [tsQuery(tokens)]);
      }
    }
    for (const literal of literals) {
      query.whereRaw("l.search_text like ? escape '\\'", [
        `%${escapeLike(literal)}%`,
      ]);
    }
    for (const { field, values } of columns) {
      if (field === 'tag') {
        // an element of the row's JSON array of tags
        query.where(b => {
          for (const tag of values) {
            b.orWhereRaw(`${this.tagsText} like ? escape '\\'`, [
              `%${escapeLike(JSON.stringify(tag))}%`,
            ]);
          }
        });
      } else if (field === 'flag') {
        for (const flag of values) {
          query.where(`l.${FLAG_COLUMNS[flag as IndexFlag]}`, true);
        }
      } else {
        query.whereIn(`l.${FIELD_COLUMNS[field]}`, values);
      }
    }
    if (filter.activeSince) {
      // no git history: nothing says it is stale
      query.where(b =>
        b
          .whereNull('l.last_activity_at')
          .orWhere('l.last_activity_at', '>=', filter.activeSince!),
      );
    }
    const indexed = tokens.length > 0 || literals.length > 0;
    const everything =
      !indexed &&
      columns.length === 0 &&
      !filter.activeSince &&
      restriction.kind === 'all';
    if (restriction.kind === 'set') {
      if (this.postgres && indexed) {
        // PostgreSQL has no statistics yet for a set stored moments ago, guesses it tiny and walks
        // all of its members: find the matches first, then check them against the set.
        query = this.db
          .withMaterialized(
            'hits',
            query.select(LISTING_COLUMNS.map(column => `l.${column}`)),
          )
          .from({ l: 'hits' });
      }
      query.whereExists(
        this.db({ r: SET_REFS })
          .select(this.db.raw('1'))
          .where('r.set_id', restriction.setId)
          .whereRaw('r.entity_ref = l.entity_ref'),
      );
    }
    return { query, indexed, everything };
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
          "(case when lower(l.name) = ? then 50 when lower(l.name) like ? escape '\\' then 30 when lower(l.name) like ? escape '\\' then 20 else 0 end)",
          "(case when lower(coalesce(l.title, '')) like ? escape '\\' then 15 else 0 end)",
          `(case when ${this.tagsText} like ? escape '\\' then 12 else 0 end)`, // an element of the tags
        );
        bindings.push(
          term,
          `${escapeLike(term)}%`,
          like,
          like,
          `%${escapeLike(JSON.stringify(term))}%`,
        );
      }
      query.orderByRaw(`${parts.join(' + ')} desc`, bindings);
    }
    const sort = SORTS[filter.sort];
    const order = filter.sort === 'relevance' ? 'desc' : filter.order;
    // projects without the figure (no git source) go last in either direction, on both engines
    if (sort.nullable) query.orderByRaw(`${sort.sql} is null`);
    return query
      .orderByRaw(`${sort.sql} ${order}`)
      .orderBy('l.entity_ref', 'asc');
  }

  async listProjectRefs(filter: ProjectFilter): Promise<string[]> {
    const { query } = this.matching(
      filter,
      { kind: 'all' },
      await this.valueShares(),
    );
    const rows: Array<{ entity_ref: string }> = await this.sorted(
      query.select('l.entity_ref'),
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
    for (;;) {
      const restriction = await this.readableSets.restriction(options.readable);
      const page = await this.listPage({ ...options, restriction });
      if (page) return page;
      this.readableSets.forget(options.readable);
    }
  }

  /** A page, or undefined when the listing changed since the restriction was checked. */
  private async listPage(options: {
    filter: ProjectFilter;
    restriction: Restriction;
    limit: number;
    offset: number;
  }): Promise<ProjectPage | undefined> {
    const { filter, restriction, limit, offset } = options;
    if (restriction.kind === 'none') return { refs: [], totalCount: 0 };
    const share = await this.valueShares();
    const matching = () => this.matching(filter, restriction, share);
    const { indexed, everything } = matching();
    // read along with the rows when they must be from the version the restriction was checked at
    const checked = restriction.kind === 'all' && 'checkedAt' in restriction;
    const version = this.db.raw(`${LISTING_VERSION_SQL} as listing_version`);
    const current = (row: { listing_version?: string | null } | undefined) =>
      !checked ||
      !row ||
      (row.listing_version ?? null) === (restriction.checkedAt ?? null);
    if (indexed) {
      // The index leaves few rows: the page and their number in one statement.
      const rows: Array<{
        entity_ref: string;
        total_count: number | string;
        listing_version?: string | null;
      }> = await this.sorted(
        matching().query.select(
          'l.entity_ref',
          this.db.raw('count(*) over () as total_count'),
          ...(checked ? [version] : []),
        ),
        filter,
      )
        .limit(limit)
        .offset(offset);
      // (no rows: nothing that a caller might not read)
      if (!current(rows[0])) return undefined;
      if (rows.length > 0 || offset === 0) {
        return {
          refs: rows.map(r => r.entity_ref),
          totalCount: rows.length ? Number(rows[0].total_count) : 0,
        };
      }
    }
    if (everything) {
      // every row: the page from the index of the sort column, the number from the value counts
      const [rows, [counted]] = await Promise.all([
        this.sorted(
          matching().query.select(
            'l.entity_ref',
            ...(checked ? [version] : []),
          ),
          filter,
        )
          .limit(limit)
          .offset(offset) as Promise<
          Array<{ entity_ref: string; listing_version?: string | null }>
        >,
        this.db(LISTING_COUNTS)
          .where('field', 'kind')
          .select(
            this.db.raw('sum(count) as total'),
            ...(checked ? [version] : []),
          ) as Promise<
          Array<{ total: number | null; listing_version?: string | null }>
        >,
      ]);
      if (!current(rows[0]) || !current(counted)) return undefined;
      return {
        refs: rows.map(r => r.entity_ref),
        totalCount: Number(counted.total ?? 0),
      };
    }
    // Otherwise the page comes from the index of the sort column, the count from a scan.
    const [rows, [counted]] = await Promise.all([
      this.sorted(
        matching().query.select('l.entity_ref', ...(checked ? [version] : [])),
        filter,
      )
        .limit(limit)
        .offset(offset) as Promise<
        Array<{ entity_ref: string; listing_version?: string | null }>
      >,
      matching().query.select(
        this.db.raw('count(*) as count'),
        ...(checked ? [version] : []),
      ) as Promise<
        Array<{ count: number | string; listing_version?: string | null }>
      >,
    ]);
    if (!current(rows[0]) || !current(counted)) return undefined;
    return {
      refs: rows.map(r => r.entity_ref),
      totalCount: Number(counted.count),
    };
  }

  /**
   * Facet counts in one statement: the matches of the filter counted by each facet, except that a
   * facet with a filter of its own is counted over the matches of the other filters (so the other
   * values stay visible with their numbers), all restricted to what the caller may read. Counts
   * over the whole listing (the landing page of a caller who may read everything) are the value
   * counts stored with the listing.
   */
  async projectFacets(options: {
    filter: ProjectFilter;
    readable?: string[];
  }): Promise<FacetCounts> {
    for (;;) {
      const restriction = await this.readableSets.restriction(options.readable);
      const counts = await this.countFacets(options.filter, restriction);
      if (counts) return counts;
      this.readableSets.forget(options.readable);
    }
  }

  /** Facet counts, or undefined when the listing changed since the restriction was checked. */
  private async countFacets(
    filter: ProjectFilter,
    restriction: Restriction,
  ): Promise<FacetCounts | undefined> {
    const counts = Object.fromEntries(
      PROJECT_FACETS.map(facet => [facet, []]),
    ) as unknown as FacetCounts;
    if (restriction.kind === 'none') return counts;
    const share = await this.valueShares();

    // One set of matches for the facets without a filter of their own, one per facet with one.
    const own = filteredFacets(filter);
    const shared = PROJECT_FACETS.filter(facet => !own.includes(facet));
    const sets: Array<{ facets: ProjectFacet[]; except?: ProjectFacet }> = [
      ...(shared.length ? [{ facets: shared }] : []),
      ...own.map(facet => ({ facets: [facet], except: facet })),
    ];
    const ctes: string[] = [];
    const cteBindings: Knex.QueryBuilder[] = [];
    const parts: string[] = [];
    const partBindings: string[] = [];
    sets.forEach((set, i) => {
      const { query, everything } = this.matching(
        filter,
        restriction,
        share,
        set.except,
      );
      if (everything) {
        const fields = set.facets.filter(facet => facet !== 'tag');
        if (fields.length) {
          parts.push(
            `select field as facet, value, count from ${LISTING_COUNTS} where field in (${fields
              .map(() => '?')
              .join(', ')})`,
          );
          partBindings.push(...fields);
        }
        if (set.facets.includes('tag')) {
          parts.push(
            `select * from (select field as facet, value, count from ${LISTING_COUNTS} where field = 'tag' order by count desc, value limit ${TAG_FACET_LIMIT}) tag_counts`,
          );
        }
        return;
      }
      const source = `m${i}`;
      ctes.push(`${source} as materialized ?`);
      cteBindings.push(
        query.select([
          ...new Set(
            set.facets.map(facet =>
              facet === 'tag' ? 'l.tags' : `l.${FACET_COLUMNS[facet]}`,
            ),
          ),
        ]),
      );
      for (const facet of set.facets) {
        if (facet === 'tag') {
          // the elements of each match's JSON array of tags
          const tags = this.postgres
            ? `${source} cross join jsonb_array_elements_text(${source}.tags) as t(value)`
            : `${source} cross join json_each(${source}.tags) as t`;
          parts.push(
            `select * from (select 'tag' as facet, t.value as value, count(*) as count from ${tags} group by t.value order by count(*) desc, t.value limit ${TAG_FACET_LIMIT}) tag_counts`,
          );
        } else if (facet === 'goodFirstIssues') {
          // a flag: only the projects that have them are counted, under the value `true`
          parts.push(
            `select 'goodFirstIssues' as facet, 'true' as value, count(*) as count from ${source} where ${source}.good_first_issues group by 1`,
          );
        } else {
          const column = FACET_COLUMNS[facet];
          parts.push(
            `select '${facet}' as facet, ${column} as value, count(*) as count from ${source} group by ${column}`,
          );
        }
      }
    });
    const checked = restriction.kind === 'all' && 'checkedAt' in restriction;
    if (checked) {
      parts.push(
        `select 'version' as facet, ${LISTING_VERSION_SQL} as value, 0 as count`,
      );
    }
    const sql = `${ctes.length ? `with ${ctes.join(', ')} ` : ''}${parts.join(
      ' union all ',
    )}`;
    const bindings = [...cteBindings, ...partBindings];
    const rows = rawRows<{
      facet: ProjectFacet | 'version';
      value: string | null;
      count: number | string;
    }>(
      this.postgres
        ? await this.db.transaction(async tx => {
            // The listing is small and stays in memory, where reading pages out of order costs
            // about what reading them in order does. With the default cost (4x) PostgreSQL scans
            // every row and tests each one's tokens rather than use the index for a common word.
            await tx.raw('set local random_page_cost = 1.1');
            return tx.raw(sql, bindings);
          })
        : await this.db.raw(sql, bindings),
    );
    for (const row of rows) {
      if (row.facet === 'version') {
        if (
          row.value !== (restriction as { checkedAt?: string | null }).checkedAt
        ) {
          return undefined;
        }
        continue;
      }
      if (row.value === null || row.value === '') continue;
      counts[row.facet].push({
        value: String(row.value),
        count: Number(row.count),
      });
    }
    for (const facet of PROJECT_FACETS) {
      counts[facet].sort(
        (a, b) => b.count - a.count || a.value.localeCompare(b.value),
      );
    }
    return counts;
  }

  async getProjectItems(entityRefs: string[]): Promise<ProjectListItem[]> {
    const byRef = new Map<string, ProjectListItem>();
    for (let i = 0; i < entityRefs.length; i += 500) {
      const rows: Array<
        Pick<
          ResultRow,
          'entity_ref' | 'list_item' | 'computed_at' | 'stale'
        > & {
          result: string | null;
        }
      > = await this.db(RESULTS)
        .whereIn('entity_ref', entityRefs.slice(i, i + 500))
        .select(
          'entity_ref',
          'list_item',
          'computed_at',
          'stale',
          // only rows stored before the card was (until their next refresh)
          this.db.raw('case when list_item is null then result end as result'),
        );
      for (const row of rows) {
        const item = row.list_item
          ? (JSON.parse(row.list_item) as Omit<
              ProjectListItem,
              'computedAt' | 'stale'
            >)
          : listItemOf(JSON.parse(row.result!) as EntityInnerSourceResult);
        byRef.set(row.entity_ref, {
          ...item,
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
}
