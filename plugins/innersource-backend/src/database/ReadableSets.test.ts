import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { computeResults } from '../compute/computeResults';
import { metadataRules } from '../compute/metadataRules';
import { smallOrg } from '../__testUtils__/catalogFixtures';
import { DatabaseInnerSourceStore } from './DatabaseInnerSourceStore';
import { ReadableSets, readableSetId } from './ReadableSets';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const HOUR = 3_600_000;

describe.each(databases.eachSupportedId())('ReadableSets on %p', databaseId => {
  let knex: Knex;

  beforeEach(async () => {
    knex = await databases.init(databaseId as TestDatabaseId);
    const store = await DatabaseInnerSourceStore.create({
      database: { getClient: async () => knex, migrations: { skip: false } },
    });
    const computedAt = new Date('2026-11-24T08:00:00Z');
    await store.replaceResults({
      results: await computeResults({
        entities: smallOrg(),
        rules: metadataRules,
        computedAt,
      }),
      computedAt,
    });
  });

  const storedSets = async () =>
    (await knex('innersource_readable_sets').orderBy('set_id')).map(
      row => row.set_id,
    );

  it('needs no set for a caller who may read every project, nor for one who may read none', async () => {
    const sets = new ReadableSets(knex);
    const everything: string[] = await knex('innersource_listing').pluck(
      'entity_ref',
    );
    expect(await sets.restriction([...everything, 'api:default/more'])).toEqual(
      { kind: 'all', checkedAt: expect.any(String) },
    );
    expect(await sets.restriction([])).toEqual({ kind: 'none' });
    expect(await sets.restriction(undefined)).toEqual({ kind: 'all' });
    expect(await storedSets()).toEqual([]);
  });

  it('deletes sets nobody used for an hour, and stores a set in use again', async () => {
    let now = Date.parse('2026-11-24T09:00:00Z');
    const sets = new ReadableSets(knex, { now: () => now });
    const a = ['component:default/shop-web'];
    const b = ['component:default/ledger-sdk'];
    expect(await sets.restriction(a)).toEqual({
      kind: 'set',
      setId: readableSetId(a),
    });
    expect(await storedSets()).toEqual([readableSetId(a)]);

    now += 2 * HOUR;
    await sets.restriction(b);
    expect(await storedSets()).toEqual([readableSetId(b)]);
    const members = await knex('innersource_readable_set_refs').pluck(
      'entity_ref',
    );
    expect(members).toEqual(b);

    // the caller of `a` comes back: the set is stored again before it is used
    await sets.restriction(a);
    expect(await storedSets()).toEqual(
      [readableSetId(a), readableSetId(b)].sort(),
    );
  });
});
