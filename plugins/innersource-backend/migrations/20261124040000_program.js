// @ts-check

/**
 * The program view of the InnerSource Program Office: per-entity facts written after every
 * successful refresh, so that the summary is a GROUP BY over rows rather than a recomputation
 * over all entities, and a dated history so that trends survive restarts.
 *
 * Paths (`owner_path`, `from_team_path`, `consumer_owner_path`, `path`) list a group and the groups
 * above it as `|group:default/acme|group:default/payments|group:default/team-ledger|`, so that a
 * group's subtree is `path LIKE '%|<group ref>|%'`.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('innersource_program_groups', table => {
    table.comment('The Group tree of the last refresh, for filters and names');
    table.string('group_ref', 255).primary().notNullable();
    table.string('title', 255).nullable();
    table.string('parent_ref', 255).nullable();
    table.integer('depth').notNullable().comment('0 for a root');
    table.text('path').notNullable().comment('|root|...|group|');
  });

  await knex.schema.createTable('innersource_program_entity_facts', table => {
    table.comment('The current program figures of each entity');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('kind', 63).notNullable();
    table.string('title', 255).nullable();
    table.string('owner_ref', 255).nullable();
    table.string('owner_title', 255).nullable();
    table.string('business_unit_ref', 255).nullable();
    table
      .text('owner_path')
      .notNullable()
      .comment(
        'The owner and the groups above it, |root|...|owner|; empty without an owner',
      );
    table
      .boolean('is_innersource')
      .notNullable()
      .comment('Tagged innersource / inner-source, or has a CONTRIBUTING file');
    table.string('readiness_level', 16).notNullable();
    table.integer('lint_score').notNullable();
    table.integer('usage_count').notNullable();
    table.integer('business_unit_count').notNullable();
    table
      .integer('cross_team_dependencies')
      .notNullable()
      .comment('Consumers owned by another team');
    table
      .boolean('has_history')
      .notNullable()
      .comment('Has readable git history');
    table.string('last_commit_at', 32).nullable().comment('ISO 8601');
    table.string('computed_at', 32).notNullable();
    table.index(['usage_count'], 'innersource_program_facts_usage_idx');
  });

  await knex.schema.createTable('innersource_program_window_facts', table => {
    table.comment('Contribution figures of each entity per window');
    table.string('entity_ref', 255).notNullable();
    table
      .string('time_window', 8)
      .notNullable()
      .comment('30d, 90d, 365d or all');
    table.integer('commits').notNullable();
    table.integer('owner_team_commits').notNullable();
    table.integer('outside_commits').notNullable();
    table.integer('outside_contributors').notNullable();
    table.integer('absence_factor').nullable().comment('Null without commits');
    table.primary(['entity_ref', 'time_window']);
  });

  await knex.schema.createTable('innersource_program_distances', table => {
    table.comment('Commits of each entity per window by contribution distance');
    table.string('entity_ref', 255).notNullable();
    table.string('time_window', 8).notNullable();
    table
      .string('distance', 16)
      .notNullable()
      .comment("'0', '1', ... or 'unknown'");
    table.integer('commits').notNullable();
    table.primary(['entity_ref', 'time_window', 'distance']);
  });

  await knex.schema.createTable('innersource_program_flows', table => {
    table.comment('Commits by outside teams to each entity per window');
    table.string('entity_ref', 255).notNullable();
    table.string('time_window', 8).notNullable();
    table.string('from_team_ref', 255).notNullable();
    table.text('from_team_path').notNullable().comment('|root|...|team|');
    table
      .string('to_team_ref', 255)
      .notNullable()
      .comment("The entity's owner");
    table.integer('commits').notNullable();
    table.integer('contributors').notNullable();
    table.primary(['entity_ref', 'time_window', 'from_team_ref']);
  });

  await knex.schema.createTable('innersource_program_reuse', table => {
    table.comment('Who uses whom: one row per consumer of each entity');
    table.string('provider_ref', 255).notNullable();
    table.string('consumer_ref', 255).notNullable();
    table.string('provider_business_unit_ref', 255).nullable();
    table.string('consumer_owner_ref', 255).nullable();
    table.string('consumer_business_unit_ref', 255).nullable();
    table.text('consumer_owner_path').notNullable();
    table
      .boolean('cross_team')
      .notNullable()
      .comment('Owned by another team than the provider');
    table.primary(['provider_ref', 'consumer_ref']);
    table.index(['consumer_ref'], 'innersource_program_reuse_consumer_idx');
  });

  await knex.schema.createTable('innersource_program_rule_failures', table => {
    table.comment('Failed readiness rules of each entity, waived or not');
    table.string('entity_ref', 255).notNullable();
    table.string('rule_id', 255).notNullable();
    table.string('title', 255).notNullable();
    table.string('category', 63).notNullable();
    table.string('severity', 16).notNullable();
    table
      .string('waiver_status', 16)
      .nullable()
      .comment('active, expired or null');
    table.string('waiver_owner', 255).nullable();
    table.text('waiver_reason').nullable();
    table.string('waiver_expires', 10).nullable();
    table.primary(['entity_ref', 'rule_id']);
    table.index(['rule_id'], 'innersource_program_failures_rule_idx');
  });

  await knex.schema.createTable('innersource_program_weekly', table => {
    table.comment(
      'Commits per entity per week; weeks older than the 52 read stay as they were',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('week_start', 10).notNullable().comment('Monday, YYYY-MM-DD');
    table.integer('owner_team_commits').notNullable();
    table.integer('outside_commits').notNullable();
    table.integer('unknown_commits').notNullable();
    table.primary(['entity_ref', 'week_start']);
    table.index(['week_start'], 'innersource_program_weekly_week_idx');
  });

  await knex.schema.createTable('innersource_program_history', table => {
    table.comment(
      'One row per entity per day: the program figures of that day',
    );
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table.string('entity_ref', 255).notNullable();
    table.text('owner_path').notNullable().comment('As it was on that day');
    table.boolean('is_innersource').notNullable();
    table.string('readiness_level', 16).notNullable();
    table.integer('usage_count').notNullable();
    table.integer('cross_team_dependencies').notNullable();
    table.string('recorded_at', 32).notNullable();
    table.primary(['day', 'entity_ref']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of [
    'innersource_program_history',
    'innersource_program_weekly',
    'innersource_program_rule_failures',
    'innersource_program_reuse',
    'innersource_program_flows',
    'innersource_program_distances',
    'innersource_program_window_facts',
    'innersource_program_entity_facts',
    'innersource_program_groups',
  ]) {
    await knex.schema.dropTable(table);
  }
};
