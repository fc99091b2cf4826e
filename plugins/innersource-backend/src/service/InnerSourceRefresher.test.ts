import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { metadataRules } from '../compute/metadataRules';
import { DatabaseInnerSourceStore } from '../database/DatabaseInnerSourceStore';
import { smallOrg } from '../__testUtils__/catalogFixtures';
import { InnerSourceRefresher } from './InnerSourceRefresher';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('InnerSourceRefresher', () => {
  let store: DatabaseInnerSourceStore;
  let answer: () => Promise<Entity[]>;
  let refresher: InnerSourceRefresher;
  let clock: Date;

  beforeEach(async () => {
    const knex = await databases.init('SQLITE_3');
    store = await DatabaseInnerSourceStore.create({
      database: { getClient: async () => knex },
    });
    answer = async () => smallOrg();
    clock = new Date('2026-11-24T10:00:00Z');
    refresher = new InnerSourceRefresher({
      catalog: catalogServiceMock.mock({
        async *streamEntities() {
          yield await answer();
        },
      }),
      auth: mockServices.auth(),
      store,
      logger: mockServices.logger.mock(),
      rules: () => metadataRules,
      now: () => clock,
    });
  });

  it('keeps the last good results, marked stale, when the catalog fails', async () => {
    await expect(refresher.refresh()).resolves.toEqual({
      status: 'succeeded',
      entityCount: 7,
    });

    answer = async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
    };
    clock = new Date('2026-11-24T11:00:00Z');
    await expect(refresher.refresh()).resolves.toMatchObject({
      status: 'failed',
    });

    const sdk = await store.getResult('component:default/ledger-sdk');
    expect(sdk?.usage.count).toBe(4);
    expect(sdk?.computedAt).toBe('2026-11-24T10:00:00.000Z');
    expect(sdk?.status).toEqual({
      stale: true,
      lastError: 'connect ECONNREFUSED 127.0.0.1:7007',
      lastErrorAt: '2026-11-24T11:00:00.000Z',
    });
    expect(await store.getLastRun()).toMatchObject({
      status: 'failed',
      error: 'connect ECONNREFUSED 127.0.0.1:7007',
    });

    // the next good refresh clears the mark
    answer = async () => smallOrg();
    await refresher.refresh();
    expect(
      (await store.getResult('component:default/ledger-sdk'))?.status.stale,
    ).toBe(false);
  });

  it('does not wipe stored results when the catalog suddenly answers with nothing', async () => {
    await refresher.refresh();
    answer = async () => [];
    await expect(refresher.refresh()).resolves.toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/returned no Components/),
    });
    expect(await store.countResults()).toBe(7);
  });

  it('stores nothing and succeeds on a first run with an empty catalog', async () => {
    answer = async () => [];
    await expect(refresher.refresh()).resolves.toEqual({
      status: 'succeeded',
      entityCount: 0,
    });
  });
});
