// @ts-check

/**
 * SCM platform signals: the last good read of each repository from GitHub/GitLab (kept when a
 * later read fails, marked stale), organisation settings, and the listing columns discovery
 * filters and sorts on (stars, open good first issues).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('innersource_scm_repositories', table => {
    table.comment('The last read of each repository from its SCM platform API');
    table.string('url', 512).primary().comment('Web URL of the repository');
    table.string('provider', 63).notNullable();
    table
      .text('signals')
      .nullable()
      .comment(
        'JSON ScmRepositorySignals of the last good read (merged with partial reads)',
      );
    table
      .string('fetched_at', 32)
      .nullable()
      .comment('Last fully successful read');
    table.boolean('stale').notNullable().defaultTo(false);
    table
      .text('error')
      .nullable()
      .comment('JSON {kind, message, at} of the last failure');
    table
      .integer('calls')
      .notNullable()
      .defaultTo(0)
      .comment('API calls of the last read');
    table.string('updated_at', 32).notNullable();
  });
  await knex.schema.createTable('innersource_scm_organizations', table => {
    table.comment(
      'Organisation settings read from the SCM platforms, with checks',
    );
    table.string('provider', 63).notNullable();
    table.string('host', 255).notNullable();
    table.string('organization', 255).notNullable();
    table.text('report').notNullable().comment('JSON ScmOrganizationReport');
    table.string('updated_at', 32).notNullable();
    table.primary(['provider', 'host', 'organization']);
  });
  await knex.schema.alterTable('innersource_entity_results', table => {
    table.integer('stars').nullable();
    table.integer('good_first_issue_count').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('innersource_entity_results', table => {
    table.dropColumn('stars');
    table.dropColumn('good_first_issue_count');
  });
  await knex.schema.dropTable('innersource_scm_organizations');
  await knex.schema.dropTable('innersource_scm_repositories');
};
