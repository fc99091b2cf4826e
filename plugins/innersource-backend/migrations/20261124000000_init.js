// @ts-check

/**
 * Current InnerSource results per entity, a daily history of their key figures, and a log of
 * refresh runs.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('innersource_entity_results', table => {
    table.comment('The latest InnerSource figures of each catalog entity');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('kind', 63).notNullable();
    table.string('namespace', 63).notNullable();
    table.string('name', 255).notNullable();
    table.string('title', 255).nullable();
    table.string('type', 63).nullable();
    table.string('lifecycle', 63).nullable();
    table.string('owner_ref', 255).nullable();
    table.string('business_unit_ref', 255).nullable();
    table
      .text('tags')
      .notNullable()
      .comment(
        'Lower-cased tags wrapped in | for exact matching, e.g. |java|innersource|',
      );
    table.boolean('is_innersource').notNullable().defaultTo(false);
    table
      .text('search_text')
      .notNullable()
      .comment(
        'Lower-cased name, title, description, tags, owner and type for text search',
      );
    table.integer('usage_count').notNullable().defaultTo(0);
    table.integer('business_unit_count').notNullable().defaultTo(0);
    table.integer('lint_score').notNullable().defaultTo(0);
    table.integer('lint_errors').notNullable().defaultTo(0);
    table.integer('lint_warnings').notNullable().defaultTo(0);
    table.text('result').notNullable().comment('The full result as JSON');
    table.string('computed_at', 32).notNullable().comment('ISO 8601 UTC');
    table.boolean('stale').notNullable().defaultTo(false);
    table.text('last_error').nullable();
    table.string('last_error_at', 32).nullable();
    table.index(['kind'], 'innersource_results_kind_idx');
    table.index(['usage_count'], 'innersource_results_usage_idx');
    table.index(['lint_score'], 'innersource_results_lint_idx');
    table.index(['owner_ref'], 'innersource_results_owner_idx');
  });

  await knex.schema.createTable('innersource_entity_history', table => {
    table.comment('One snapshot of key figures per entity per day');
    table.string('entity_ref', 255).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table.integer('usage_count').notNullable();
    table.integer('business_unit_count').notNullable();
    table.integer('lint_score').notNullable();
    table.integer('lint_errors').notNullable();
    table.integer('lint_warnings').notNullable();
    table.string('recorded_at', 32).notNullable();
    table.primary(['entity_ref', 'day']);
  });

  await knex.schema.createTable('innersource_refresh_runs', table => {
    table.comment('Each scheduled refresh, for health and troubleshooting');
    table.increments('id').primary();
    table.string('started_at', 32).notNullable();
    table.string('finished_at', 32).nullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('running, succeeded or failed');
    table.integer('entity_count').nullable();
    table.text('error').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('innersource_refresh_runs');
  await knex.schema.dropTable('innersource_entity_history');
  await knex.schema.dropTable('innersource_entity_results');
};
