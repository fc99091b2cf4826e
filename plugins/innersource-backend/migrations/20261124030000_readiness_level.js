// @ts-check

/**
 * The readiness level of each entity, current and per day, so that the listing can filter by it
 * and a regression shows in the history.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('innersource_entity_results', table => {
    table.string('readiness_level', 16).nullable();
    table.index(['readiness_level'], 'innersource_results_level_idx');
  });
  await knex.schema.alterTable('innersource_entity_history', table => {
    table.string('readiness_level', 16).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('innersource_entity_history', table => {
    table.dropColumn('readiness_level');
  });
  await knex.schema.alterTable('innersource_entity_results', table => {
    table.dropIndex(['readiness_level'], 'innersource_results_level_idx');
    table.dropColumn('readiness_level');
  });
};
