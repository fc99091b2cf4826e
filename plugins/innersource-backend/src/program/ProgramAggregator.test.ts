import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { metadataRules } from '../compute/metadataRules';
import { DatabaseInnerSourceStore } from '../database/DatabaseInnerSourceStore';
import { InnerSourceRefresher } from '../service/InnerSourceRefresher';
import { smallOrg } from '../__testUtils__/catalogFixtures';
import { DatabaseProgramStore } from './DatabaseProgramStore';
import { ProgramAggregator } from './ProgramAggregator';
import { ProgramStore } from './ProgramStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const ALL = [
  'api:default/ledger-api',
  'component:default/ledger-cli',
  'component:default/ledger-sdk',
  'component:default/orphan-job',
  'component:default/shop-app',
  'component:default/shop-web',
  'system:default/ledger',
];

describe.each(databases.eachSupportedId())(
  'ProgramAggregator on %p',
  databaseId => {
    it('stores the program facts after each successful refresh', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const database = { getClient: async () => knex };
      const store = await DatabaseInnerSourceStore.create({ database });
      const programStore = await DatabaseProgramStore.create({
        database,
        skipMigrations: true,
      });
      const refresher = new InnerSourceRefresher({
        catalog: catalogServiceMock({ entities: smallOrg() }),
        auth: mockServices.auth(),
        store,
        logger: mockServices.logger.mock(),
        rules: () => metadataRules,
        program: new ProgramAggregator({
          store: programStore,
          logger: mockServices.logger.mock(),
        }),
        now: () => new Date('2026-11-24T10:00:00Z'),
      });

      await expect(refresher.refresh()).resolves.toMatchObject({
        status: 'succeeded',
      });

      expect(await programStore.getComputedAt()).toBe(
        '2026-11-24T10:00:00.000Z',
      );
      expect(
        await programStore.countTotals({ readableRefs: ALL }, '365d'),
      ).toMatchObject({ projects: 7, innerSourceProjects: 1 });
      expect((await programStore.listGroups()).map(g => g.groupRef)).toContain(
        'group:default/team-shop-mobile',
      );
    });
  },
);

describe('ProgramAggregator', () => {
  it('logs a failure to store and lets the refresh go on', async () => {
    const logger = mockServices.logger.mock();
    const failing = {
      replaceFacts: jest.fn().mockRejectedValue(new Error('disk full')),
    } as unknown as ProgramStore;
    const aggregator = new ProgramAggregator({ store: failing, logger });

    await expect(
      aggregator.record({
        results: [],
        entities: smallOrg(),
        computedAt: new Date(),
      }),
    ).resolves.toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith(
      'InnerSource program figures not updated, the previous ones are kept: disk full',
    );
  });
});
