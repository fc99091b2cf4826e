// @ts-check

/**
 * The commit log of each entity with the attribution each commit had when it was first read, and
 * the state of the last read of its repository.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('innersource_contribution_logs', table => {
    table.comment(
      'Per entity: attributed commits (compact JSON) and the last git read',
    );
    table.string('entity_ref', 255).primary().notNullable();
    table.text('clone_url').notNullable();
    table.text('path').notNullable();
    table.string('head_sha', 64).nullable();
    table.text('log').notNullable().comment('ContributionLog as JSON');
    table
      .string('synced_at', 32)
      .nullable()
      .comment('Last successful read, ISO 8601');
    table.string('error_kind', 32).nullable();
    table.text('error_message').nullable();
    table.string('error_at', 32).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('innersource_contribution_logs');
};
