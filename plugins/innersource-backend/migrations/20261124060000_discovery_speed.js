// @ts-check

/**
 * Discovery listing speed (issue #6): search, filters, sort, count and facets answered from a
 * narrow listing table and an inverted index instead of scanning the results, and the readable
 * entities of callers stored once instead of bound on every request.
 *
 * - `innersource_listing`: one narrow row per project with the columns the listing sorts, groups
 *   and shows, kept in step with the results by the store (only changed rows are written). On
 *   PostgreSQL it has `doc`, the project's index tokens as a `tsvector` with a GIN index; on SQLite
 *   the tokens are in the FTS5 table `innersource_listing_fts` (rowid = listing id). The tokens are
 *   made by the store (src/database/discoveryIndex.ts), not by a text parser, so both databases
 *   find the same projects. The store fills the listing from the stored results when it is empty,
 *   so a later change of the tokens only needs a migration that empties it.
 * - `innersource_listing_counts`: how many rows have each filterable value, written with the
 *   listing: the facet counts of the whole listing, and how common a filter value is, which
 *   decides whether a query reads its list in the index or checks it on the rows found. Its row
 *   `version` changes with every change of the listing: a caller found to read every project is
 *   checked again when it did.
 * - `innersource_readable_sets` / `innersource_readable_set_refs`: the entity refs some caller may
 *   read, keyed by a hash of the sorted refs and shared by every caller with the same set; sets
 *   unused for an hour are deleted by the store.
 * - `innersource_entity_results.list_item`: the listing card of each project as JSON, so a page
 *   does not parse the full results (about 20 KB each).
 * - `innersource_entity_tags` goes: the tag facet counts the tags of the listing rows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const postgres = isPostgres(knex);
  await knex.schema.createTable('innersource_listing', table => {
    table.comment(
      'The discovery listing: one narrow row per project, kept in step with the results',
    );
    table.increments('id').primary();
    table.string('entity_ref', 255).notNullable().unique({
      indexName: 'innersource_listing_ref_idx',
    });
    table.string('kind', 63).notNullable();
    table.string('name', 255).notNullable();
    table.string('title', 255).nullable();
    table.string('type', 63).nullable();
    table.string('lifecycle', 63).nullable();
    table.string('business_unit_ref', 255).nullable();
    table.string('readiness_level', 16).nullable();
    table.string('activity_level', 32).nullable();
    table.string('language', 63).nullable();
    (postgres ? table.jsonb('tags') : table.text('tags'))
      .notNullable()
      .comment('Lower-cased tags as a JSON array, e.g. ["java","innersource"]');
    table.integer('usage_count').notNullable();
    table.integer('lint_score').notNullable();
    table.integer('activity_score').nullable();
    table.float('innersource_ratio').nullable();
    table.integer('stars').nullable();
    table.string('last_activity_at', 32).nullable();
    table.boolean('is_innersource').notNullable();
    table.boolean('accepting_contributions').notNullable();
    table
      .boolean('good_first_issues')
      .notNullable()
      .comment('Has open issues labelled good first issue');
    table
      .text('search_text')
      .notNullable()
      .comment('Lower-cased text searched, for terms with punctuation');
    table
      .string('row_hash', 64)
      .notNullable()
      .comment(
        'Hash of the row and its tokens: unchanged rows are not written',
      );
    if (postgres) {
      table
        .specificType('doc', 'tsvector')
        .notNullable()
        .comment('Index tokens: words of the text and filter values');
    }
    // The sorts of a listing without a search walk these; filters and facets need none.
    for (const column of [
      'usage_count',
      'lint_score',
      'activity_score',
      'name',
    ]) {
      table.index([column], `innersource_listing_${column}_idx`);
    }
  });
  if (postgres) {
    // fastupdate off: no pending list that queries scan linearly after a refresh
    await knex.raw(
      'CREATE INDEX innersource_listing_doc_idx ON innersource_listing USING gin (doc) WITH (fastupdate = off)',
    );
  } else {
    // Contentless (the tokens are not stored twice); rows can be deleted by rowid from SQLite
    // 3.43 on, older versions keep the content to delete by. Prefix indexes for words typed so far
    // (`pay` for `payments`): a prefix query without one merges the lists of every word it starts.
    // detail=none: no positions, the queries need none.
    const [{ version }] = await knex.raw('select sqlite_version() as version');
    const [major, minor] = String(version).split('.').map(Number);
    const contentless =
      major > 3 || (major === 3 && minor >= 43)
        ? "content = '', contentless_delete = 1,"
        : '';
    await knex.raw(
      `CREATE VIRTUAL TABLE innersource_listing_fts USING fts5(doc, tokenize = "unicode61 remove_diacritics 0 tokenchars '='", ${contentless} detail = none, prefix = '1 2 3 4 5 6 7 8 9 10 11 12')`,
    );
  }

  await knex.schema.createTable('innersource_listing_counts', table => {
    table.comment(
      'How many listing rows have each filterable value and business unit: the facet counts of the whole listing, and how common a value is when planning a query',
    );
    table
      .string('field', 16)
      .notNullable()
      .comment(
        'kind, type, lifecycle, level, activity, language, tag, flag, businessUnit or version',
      );
    table.string('value', 255).notNullable();
    table.integer('count').notNullable();
    table.primary(['field', 'value']);
  });

  await knex.schema.createTable('innersource_readable_sets', table => {
    table.comment(
      'Sets of entity refs that callers may read, shared by callers with the same set',
    );
    table
      .string('set_id', 64)
      .primary()
      .notNullable()
      .comment('Hash of the sorted refs');
    table.integer('ref_count').notNullable();
    table
      .string('touched_at', 32)
      .notNullable()
      .comment('Last used, ISO 8601; unused sets are deleted');
    table.index(['touched_at'], 'innersource_readable_sets_touched_idx');
  });
  await knex.schema.createTable('innersource_readable_set_refs', table => {
    table.comment('The members of each readable set');
    table.string('set_id', 64).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.primary(['set_id', 'entity_ref']);
  });

  await knex.schema.dropTable('innersource_entity_tags');
  await knex.schema.alterTable('innersource_entity_results', table => {
    table
      .text('list_item')
      .nullable()
      .comment('The listing card as JSON (ProjectListItem without status)');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('innersource_entity_results', table => {
    table.dropColumn('list_item');
  });
  // as 20261124050000_discovery made it; empty until the next refresh of the older store
  await knex.schema.createTable('innersource_entity_tags', table => {
    table.comment('Tags of each entity, one row per tag, for facet counts');
    table.string('entity_ref', 255).notNullable();
    table.string('tag', 63).notNullable();
    table.primary(['entity_ref', 'tag']);
    table.index(['tag'], 'innersource_entity_tags_tag_idx');
  });
  await knex.schema.dropTable('innersource_readable_set_refs');
  await knex.schema.dropTable('innersource_readable_sets');
  await knex.schema.dropTable('innersource_listing_counts');
  if (!isPostgres(knex)) {
    await knex.raw('DROP TABLE innersource_listing_fts');
  }
  await knex.schema.dropTable('innersource_listing');
};

/**
 * @param {import('knex').Knex} knex
 */
function isPostgres(knex) {
  return ['pg', 'postgres', 'postgresql'].includes(
    String(knex.client.config.client),
  );
}
