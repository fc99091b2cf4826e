import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@innersource-backstage/plugin-innersource-backend',
  'migrations',
);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const TABLES = [
  'innersource_entity_results',
  'innersource_entity_history',
  'innersource_refresh_runs',
  'innersource_contribution_logs',
  'innersource_listing',
  'innersource_listing_counts',
  'innersource_readable_sets',
  'innersource_readable_set_refs',
];

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('migrate up creates the tables and down removes them, repeatably', async () => {
    const knex = await databases.init(databaseId as TestDatabaseId);
    const exists = () => Promise.all(TABLES.map(t => knex.schema.hasTable(t)));

    await knex.migrate.latest({ directory: migrationsDir });
    expect(await exists()).toEqual(TABLES.map(() => true));
    await knex('innersource_refresh_runs').insert({
      started_at: '2026-11-24T00:00:00.000Z',
      status: 'running',
    });

    await knex.migrate.rollback({ directory: migrationsDir }, true);
    expect(await exists()).toEqual(TABLES.map(() => false));

    await knex.migrate.latest({ directory: migrationsDir });
    expect(await exists()).toEqual(TABLES.map(() => true));
    // down dropped the data with the tables
    const [{ n }] = await knex('innersource_refresh_runs').count({ n: '*' });
    expect(Number(n)).toBe(0);
    await knex.destroy();
  });
});
