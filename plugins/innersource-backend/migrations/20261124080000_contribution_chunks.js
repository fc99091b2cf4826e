// @ts-check

/**
 * The commits of each contribution log move out of its one JSON document into append-only
 * pieces, so that a refresh writes the commits it read instead of the whole history again. The
 * log row keeps the rest (a header) and a revision that every save increments.
 *
 * Existing logs (version 1: `commits` as [sha, author, time] in the document) are converted.
 */

const LOGS = 'innersource_contribution_logs';
const CHUNKS = 'innersource_contribution_chunks';
/** As CHUNK_COMMITS in src/contributions/ContributionLogStore.ts */
const CHUNK_COMMITS = 50000;

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(CHUNKS, table => {
    table.comment(
      'Pieces of the contribution logs: commits appended by a refresh',
    );
    table.string('entity_ref', 255).notNullable();
    table
      .integer('seq')
      .notNullable()
      .comment('0 for the oldest piece; a log reads them newest first');
    table.integer('commit_count').notNullable();
    table
      .text('commits')
      .notNullable()
      .comment(
        'JSON {shaLength, shas (concatenated), authors, times}, newest first',
      );
    table.primary(['entity_ref', 'seq']);
  });
  await knex.schema.alterTable(LOGS, table => {
    table
      .integer('revision')
      .notNullable()
      .defaultTo(0)
      .comment('Incremented by every save; pieces are read for a revision');
  });

  const refs = await knex(LOGS).select('entity_ref');
  for (const { entity_ref: ref } of refs) {
    const row = await knex(LOGS).where('entity_ref', ref).first('log');
    const log = JSON.parse(row.log);
    if (log.version !== 1 && !Array.isArray(log.commits)) continue;
    /** @type {{ commits?: Array<[string, number, number]> }} */
    const { commits = [], ...header } = log;
    let seq = 0;
    // oldest piece first, each newest first
    for (let to = commits.length; to > 0; to -= CHUNK_COMMITS) {
      const piece = commits.slice(Math.max(0, to - CHUNK_COMMITS), to);
      await knex(CHUNKS).insert({
        entity_ref: ref,
        seq: seq++,
        commit_count: piece.length,
        commits: JSON.stringify({
          shaLength: piece[0][0].length,
          shas: piece.map(c => c[0]).join(''),
          authors: piece.map(c => c[1]),
          times: piece.map(c => c[2]),
        }),
      });
    }
    await knex(LOGS)
      .where('entity_ref', ref)
      .update({ log: JSON.stringify({ ...header, version: 2 }), revision: 1 });
  }
};

/**
 * Puts the commits back into the documents.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const refs = await knex(LOGS).select('entity_ref');
  for (const { entity_ref: ref } of refs) {
    const row = await knex(LOGS).where('entity_ref', ref).first('log');
    const log = JSON.parse(row.log);
    if (log.version !== 2) continue;
    const pieces = await knex(CHUNKS)
      .where('entity_ref', ref)
      .orderBy('seq', 'desc')
      .select('commits');
    /** @type {Array<[string, number, number]>} */
    const commits = [];
    for (const { commits: text } of pieces) {
      const piece = JSON.parse(text);
      for (let i = 0; i < piece.authors.length; i++) {
        commits.push([
          piece.shas.substring(i * piece.shaLength, (i + 1) * piece.shaLength),
          piece.authors[i],
          piece.times[i],
        ]);
      }
    }
    await knex(LOGS)
      .where('entity_ref', ref)
      .update({ log: JSON.stringify({ ...log, version: 1, commits }) });
  }
  await knex.schema.alterTable(LOGS, table => {
    table.dropColumn('revision');
  });
  await knex.schema.dropTable(CHUNKS);
};
