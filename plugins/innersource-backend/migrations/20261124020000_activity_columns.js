// @ts-check

/**
 * Listing columns for the figures from git history, so the discovery listing can sort by them
 * in the database.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('innersource_entity_results', table => {
    table.integer('activity_score').nullable();
    table.string('activity_level', 32).nullable();
    table.float('innersource_ratio').nullable().comment('Last 365 days, 0-1');
    table.index(['activity_score'], 'innersource_results_activity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('innersource_entity_results', table => {
    table.dropIndex(['activity_score'], 'innersource_results_activity_idx');
    table.dropColumn('activity_score');
    table.dropColumn('activity_level');
    table.dropColumn('innersource_ratio');
  });
};
