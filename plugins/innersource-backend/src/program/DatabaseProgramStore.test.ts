import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseProgramStore } from './DatabaseProgramStore';
import { ProgramEntityFact, ProgramFacts } from './programFacts';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@innersource-backstage/plugin-innersource-backend',
  'migrations',
);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const PROGRAM_TABLES = [
  'innersource_program_groups',
  'innersource_program_entity_facts',
  'innersource_program_window_facts',
  'innersource_program_distances',
  'innersource_program_flows',
  'innersource_program_reuse',
  'innersource_program_rule_failures',
  'innersource_program_weekly',
  'innersource_program_history',
];

function entityFact(
  name: string,
  ownerPath: string,
  overrides: Partial<ProgramEntityFact> = {},
): ProgramEntityFact {
  const owner = ownerPath.split('|').filter(Boolean).pop();
  return {
    entityRef: `component:default/${name}`,
    kind: 'component',
    ownerRef: owner,
    ownerPath,
    isInnerSource: false,
    readinessLevel: 'none',
    lintScore: 50,
    usageCount: 0,
    businessUnitCount: 0,
    crossTeamDependencies: 0,
    hasHistory: true,
    lastCommitAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

function facts(entities: ProgramEntityFact[], weeks: string[]): ProgramFacts {
  return {
    groups: [],
    entities,
    windows: [],
    distances: [],
    flows: [],
    reuse: [],
    ruleFailures: [],
    weekly: entities.flatMap(e =>
      weeks.map(weekStart => ({
        entityRef: e.entityRef,
        weekStart,
        ownerTeam: 1,
        outside: 1,
        unknown: 0,
      })),
    ),
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseProgramStore on %p',
  databaseId => {
    let knex: Knex;
    let store: DatabaseProgramStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId as TestDatabaseId);
      store = await DatabaseProgramStore.create({
        database: { getClient: async () => knex },
      });
    });

    it('creates its tables with the migrations and drops them again on rollback', async () => {
      const exist = () =>
        Promise.all(PROGRAM_TABLES.map(t => knex.schema.hasTable(t)));
      expect(await exist()).toEqual(PROGRAM_TABLES.map(() => true));
      await knex.migrate.rollback({ directory: migrationsDir }, true);
      expect(await exist()).toEqual(PROGRAM_TABLES.map(() => false));
      await knex.migrate.latest({ directory: migrationsDir });
      expect(await exist()).toEqual(PROGRAM_TABLES.map(() => true));
    });

    it('replaces the current facts but keeps the history and older weeks', async () => {
      const a = entityFact('a', '|group:default/acme|group:default/x|', {
        isInnerSource: true,
      });
      const b = entityFact('b', '|group:default/acme|group:default/y|');
      await store.replaceFacts(
        facts([a, b], ['2026-11-02', '2026-11-09']),
        new Date('2026-11-10T08:00:00Z'),
      );
      // a later read covers newer weeks only; b left the catalog
      await store.replaceFacts(
        facts([{ ...a, isInnerSource: false }], ['2026-11-09', '2026-11-16']),
        new Date('2026-11-17T08:00:00Z'),
      );
      const everyone = [a.entityRef, b.entityRef];

      expect(await store.getComputedAt()).toBe('2026-11-17T08:00:00.000Z');
      expect(
        await store.countTotals({ readableRefs: everyone }, '365d'),
      ).toMatchObject({ projects: 1 });
      const days = await store.countAdoptionDays(
        { readableRefs: everyone },
        '2026-01-01',
      );
      expect(days.map(d => [d.day, d.projects, d.innerSourceProjects])).toEqual(
        [
          ['2026-11-10', 2, 1],
          ['2026-11-17', 1, 0],
        ],
      );
      expect(
        (await store.sumWeekly({ readableRefs: everyone }, undefined)).map(
          w => [w.weekStart, w.outside],
        ),
      ).toEqual([
        // kept from the first read, without b
        ['2026-11-02', 1],
        ['2026-11-09', 1],
        ['2026-11-16', 1],
      ]);
    });

    it('records one history row per entity and day, the last refresh of the day winning', async () => {
      const a = entityFact('a', '|group:default/x|');
      await store.replaceFacts(
        facts([a], []),
        new Date('2026-11-10T08:00:00Z'),
      );
      await store.replaceFacts(
        facts([{ ...a, readinessLevel: 'gold' }], []),
        new Date('2026-11-10T20:00:00Z'),
      );
      const days = await store.countAdoptionDays(
        { readableRefs: [a.entityRef] },
        '2026-01-01',
      );
      expect(days).toEqual([
        {
          day: '2026-11-10',
          readinessLevel: 'gold',
          projects: 1,
          innerSourceProjects: 0,
          crossTeamDependencies: 0,
        },
      ]);
    });

    it('passes thousands of readable refs as one value', async () => {
      const a = entityFact('a', '|group:default/x|');
      await store.replaceFacts(
        facts([a], []),
        new Date('2026-11-10T08:00:00Z'),
      );
      const many = Array.from(
        { length: 20_000 },
        (_, i) => `component:default/other-${i}`,
      );
      expect(
        (
          await store.countTotals(
            { readableRefs: [...many, a.entityRef] },
            'all',
          )
        ).projects,
      ).toBe(1);
      expect(
        (await store.countTotals({ readableRefs: many }, 'all')).projects,
      ).toBe(0);
      expect(
        (await store.countTotals({ readableRefs: [] }, 'all')).projects,
      ).toBe(0);
    });

    it('matches a group subtree exactly, LIKE wildcards in refs included', async () => {
      const inside = entityFact(
        'inside',
        '|group:default/acme|group:default/team_a|',
      );
      const lookalike = entityFact(
        'lookalike',
        '|group:default/acme|group:default/teamxa|',
      );
      const prefix = entityFact(
        'prefix',
        '|group:default/acme|group:default/team_a-mobile|',
      );
      await store.replaceFacts(
        facts([inside, lookalike, prefix], []),
        new Date('2026-11-10T08:00:00Z'),
      );
      const readableRefs = [inside, lookalike, prefix].map(e => e.entityRef);
      const projects = await store.listProjects(
        { readableRefs, groupRef: 'group:default/team_a' },
        'all',
        { kind: 'all' },
      );
      expect(projects.map(p => p.entityRef)).toEqual([inside.entityRef]);
      const all = await store.listProjects(
        { readableRefs, groupRef: 'group:default/acme' },
        'all',
        { kind: 'all' },
      );
      expect(all).toHaveLength(3);
    });
  },
);
