// @ts-check

/**
 * Discovery columns: owner ancestry (for business-unit filters), language, whether the project
 * takes contributions, last activity, and a tag table for facet counts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('innersource_entity_results', table => {
    table
      .text('owner_path')
      .nullable()
      .comment('The owner and its groups up to the root, as |ref|ref|...|');
    table.string('language', 63).nullable();
    table.boolean('accepting_contributions').notNullable().defaultTo(false);
    table
      .string('last_activity_at', 32)
      .nullable()
      .comment('Last commit, ISO 8601');
    table.index(['language'], 'innersource_results_language_idx');
  });
  await knex.schema.createTable('innersource_entity_tags', table => {
    table.comment('Tags of each entity, one row per tag, for facet counts');
    table.string('entity_ref', 255).notNullable();
    table.string('tag', 63).notNullable();
    table.primary(['entity_ref', 'tag']);
    table.index(['tag'], 'innersource_entity_tags_tag_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('innersource_entity_tags');
  await knex.schema.alterTable('innersource_entity_results', table => {
    table.dropIndex(['language'], 'innersource_results_language_idx');
    table.dropColumn('owner_path');
    table.dropColumn('language');
    table.dropColumn('accepting_contributions');
    table.dropColumn('last_activity_at');
  });
};
