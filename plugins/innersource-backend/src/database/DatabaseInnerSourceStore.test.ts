import { DatabaseService } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { computeResults } from '../compute/computeResults';
import { metadataRules } from '../compute/metadataRules';
import { smallOrg } from '../__testUtils__/catalogFixtures';
import { DatabaseInnerSourceStore } from './DatabaseInnerSourceStore';
import { ProjectFilter } from './InnerSourceStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function databaseService(knex: Knex): DatabaseService {
  return { getClient: async () => knex, migrations: { skip: false } };
}

const day1 = new Date('2026-11-23T08:00:00Z');
const day2 = new Date('2026-11-24T08:00:00Z');

async function results(at: Date) {
  return computeResults({
    entities: smallOrg(),
    rules: metadataRules,
    computedAt: at,
  });
}

describe.each(databases.eachSupportedId())(
  'DatabaseInnerSourceStore on %p',
  databaseId => {
    let knex: Knex;
    let store: DatabaseInnerSourceStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId as TestDatabaseId);
      store = await DatabaseInnerSourceStore.create({
        database: databaseService(knex),
      });
    });

    const list = (filter: Partial<ProjectFilter>) =>
      store.listProjectRefs({ sort: 'name', order: 'asc', ...filter });

    it('stores and returns a full result', async () => {
      const computed = await results(day1);
      await store.replaceResults({ results: computed, computedAt: day1 });
      const sdk = await store.getResult('component:default/ledger-sdk');
      expect(sdk).toEqual(computed.find(r => r.entity.name === 'ledger-sdk'));
      expect(await store.getResult('component:default/nope')).toBeUndefined();
      expect(await store.countResults()).toBe(7);
    });

    it('keeps one snapshot per entity per day, the last of the day winning', async () => {
      await store.replaceResults({
        results: await results(day1),
        computedAt: day1,
      });
      await store.replaceResults({
        results: await results(day2),
        computedAt: day2,
      });
      const later = await results(new Date('2026-11-24T20:00:00Z'));
      later.find(r => r.entity.name === 'ledger-sdk')!.usage.count = 9;
      await store.replaceResults({
        results: later,
        computedAt: new Date('2026-11-24T20:00:00Z'),
      });

      const history = await store.getHistory('component:default/ledger-sdk', {
        sinceDay: '2026-11-01',
      });
      expect(history).toEqual([
        expect.objectContaining({
          day: '2026-11-23',
          usageCount: 4,
          lintScore: 100,
        }),
        expect.objectContaining({
          day: '2026-11-24',
          usageCount: 9,
          lintScore: 100,
        }),
      ]);
      expect(
        await store.getHistory('component:default/ledger-sdk', {
          sinceDay: '2026-11-24',
        }),
      ).toHaveLength(1);
    });

    it('drops entities that left the catalog but keeps their history', async () => {
      await store.replaceResults({
        results: await results(day1),
        computedAt: day1,
      });
      const fewer = (await results(day2)).filter(
        r => r.entity.name !== 'orphan-job',
      );
      await store.replaceResults({ results: fewer, computedAt: day2 });
      expect(
        await store.getResult('component:default/orphan-job'),
      ).toBeUndefined();
      expect(
        await store.getHistory('component:default/orphan-job', {
          sinceDay: '2026-01-01',
        }),
      ).toHaveLength(1);
    });

    it('marks results stale after a failure without losing the figures, and clears it on success', async () => {
      await store.replaceResults({
        results: await results(day1),
        computedAt: day1,
      });
      await store.markAllStale({ error: 'catalog unreachable', at: day2 });
      const stale = await store.getResult('component:default/ledger-sdk');
      expect(stale?.status).toEqual({
        stale: true,
        lastError: 'catalog unreachable',
        lastErrorAt: day2.toISOString(),
      });
      expect(stale?.usage.count).toBe(4);
      const [item] = await store.getProjectItems([
        'component:default/ledger-sdk',
      ]);
      expect(item.stale).toBe(true);

      await store.replaceResults({
        results: await results(day2),
        computedAt: day2,
      });
      expect(
        (await store.getResult('component:default/ledger-sdk'))?.status,
      ).toEqual({
        stale: false,
      });
    });

    it('filters, searches and sorts the listing in the database', async () => {
      await store.replaceResults({
        results: await results(day1),
        computedAt: day1,
      });

      expect(await list({ sort: 'usage', order: 'desc' })).toEqual([
        'component:default/ledger-sdk',
        'system:default/ledger',
        'api:default/ledger-api',
        'component:default/ledger-cli',
        'component:default/orphan-job',
        'component:default/shop-app',
        'component:default/shop-web',
      ]);
      expect(await list({ kind: ['API', 'System'] })).toEqual([
        'system:default/ledger',
        'api:default/ledger-api',
      ]);
      // every word has to match somewhere: name, description, tags, owner...
      expect(await list({ q: 'SDK ledger' })).toEqual([
        'component:default/ledger-sdk',
      ]);
      expect(await list({ q: 'team-shop' })).toEqual([
        'component:default/shop-app',
        'component:default/shop-web',
      ]);
      // LIKE wildcards in the search are taken literally
      expect(await list({ q: '%' })).toEqual([]);
      expect(await list({ tag: ['JAVA'] })).toEqual([
        'component:default/ledger-sdk',
      ]);
      expect(await list({ tag: ['jav'] })).toEqual([]);
      expect(await list({ innerSourceOnly: true })).toEqual([
        'component:default/ledger-sdk',
      ]);
      expect(await list({ owner: ['user:default/maria'] })).toEqual([
        'component:default/ledger-cli',
      ]);
      expect(
        await list({ lifecycle: ['experimental'], type: ['tool'] }),
      ).toEqual(['component:default/ledger-cli']);
      const byReadiness = await list({ sort: 'readiness', order: 'desc' });
      expect(byReadiness[0]).toBe('component:default/ledger-sdk');
    });

    it('sorts by activity score and InnerSource ratio with projects without git history last', async () => {
      const computed = await results(day1);
      const withActivity = (
        name: string,
        score: number,
        ratio: number | null,
      ) => {
        const result = computed.find(r => r.entity.name === name)!;
        result.contributions = {
          repository: { cloneUrl: 'file:///x.git', path: '', stale: false },
          windows: (['30d', '90d', '365d', 'all'] as const).map(window => ({
            window,
            commits: 10,
            ownerTeamCommits: 5,
            outsideCommits: 5,
            unknownCommits: 0,
            botCommits: 0,
            innerSourceRatio: ratio,
            outsideContributors: 1,
            ownerTeamContributors: 1,
            newOutsideContributors: 0,
            outsideTeams: [],
            distanceHistogram: {},
            absenceFactor: 1,
            elephantFactor: 1,
            unknownAuthors: 0,
            topOutsideContributors: [],
          })),
          weekly: [],
          activity: { score, level: 'high' },
          hasContributingGuide: false,
        };
      };
      withActivity('shop-web', 800, 0.25);
      withActivity('ledger-cli', 400, null);
      withActivity('ledger-sdk', 1200, 0.5);
      await store.replaceResults({ results: computed, computedAt: day1 });

      const byActivity = await list({ sort: 'activity', order: 'desc' });
      expect(byActivity.slice(0, 3)).toEqual([
        'component:default/ledger-sdk',
        'component:default/shop-web',
        'component:default/ledger-cli',
      ]);
      const ascending = await list({ sort: 'activity', order: 'asc' });
      expect(ascending.slice(0, 3)).toEqual([
        'component:default/ledger-cli',
        'component:default/shop-web',
        'component:default/ledger-sdk',
      ]);
      expect(ascending).toHaveLength(7);
      const byRatio = await list({ sort: 'ratio', order: 'desc' });
      expect(byRatio.slice(0, 2)).toEqual([
        'component:default/ledger-sdk',
        'component:default/shop-web',
      ]);
      const [item] = await store.getProjectItems([
        'component:default/ledger-sdk',
      ]);
      expect(item).toMatchObject({
        activityScore: 1200,
        activityLevel: 'high',
        innerSourceRatio: 0.5,
      });
      const [noGit] = await store.getProjectItems(['api:default/ledger-api']);
      expect(noGit.activityScore).toBeUndefined();
    });

    it('pages, counts and restricts the listing to readable entities in the database', async () => {
      await store.replaceResults({
        results: await results(day1),
        computedAt: day1,
      });
      const filter = { sort: 'name' as const, order: 'asc' as const };
      expect(await store.listProjects({ filter, limit: 3, offset: 0 })).toEqual(
        {
          refs: [
            'system:default/ledger',
            'api:default/ledger-api',
            'component:default/ledger-cli',
          ],
          totalCount: 7,
        },
      );
      expect(
        (await store.listProjects({ filter, limit: 3, offset: 6 })).refs,
      ).toEqual(['component:default/shop-web']);
      const readable = [
        'component:default/shop-web',
        'component:default/ledger-sdk',
        'api:default/nope',
      ];
      expect(
        await store.listProjects({ filter, readable, limit: 10, offset: 0 }),
      ).toEqual({
        refs: ['component:default/ledger-sdk', 'component:default/shop-web'],
        totalCount: 2,
      });
      expect(
        await store.listProjects({
          filter,
          readable: [],
          limit: 10,
          offset: 0,
        }),
      ).toEqual({
        refs: [],
        totalCount: 0,
      });
    });

    it('filters by owner subtree, language, contributions and activity date', async () => {
      const computed = await results(day1);
      const sdk = computed.find(r => r.entity.name === 'ledger-sdk')!;
      sdk.entity.language = 'TypeScript';
      sdk.contributions = {
        repository: {
          cloneUrl: 'file:///x.git',
          path: '',
          stale: false,
          lastCommitAt: '2026-01-01T00:00:00.000Z',
        },
        windows: [],
        weekly: [],
        activity: { score: 10, level: 'very-low' },
        hasContributingGuide: true,
      };
      await store.replaceResults({ results: computed, computedAt: day1 });
      const list2 = (f: Partial<ProjectFilter>) =>
        store.listProjectRefs({ sort: 'name', order: 'asc', ...f });
      // retail -> team-shop -> team-shop-mobile
      expect(await list2({ ownerGroup: 'group:default/retail' })).toEqual([
        'component:default/shop-app',
        'component:default/shop-web',
      ]);
      expect(
        await list2({ ownerGroup: 'group:default/team-shop-mobile' }),
      ).toEqual(['component:default/shop-app']);
      // a user owner is placed by their team
      expect(await list2({ ownerGroup: 'group:default/payments' })).toContain(
        'component:default/ledger-cli',
      );
      expect(await list2({ language: ['TypeScript'] })).toEqual([
        'component:default/ledger-sdk',
      ]);
      expect(await list2({ acceptingContributions: true })).toEqual([
        'component:default/ledger-sdk',
      ]);
      // last commit on 2026-01-01: stale when we ask for activity since June; unknown ones stay
      const active = await list2({ activeSince: '2026-06-01T00:00:00.000Z' });
      expect(active).not.toContain('component:default/ledger-sdk');
      expect(active).toHaveLength(6);
    });

    it('ranks search results by relevance: name, then title and tags', async () => {
      const computed = await results(day1);
      computed.find(r => r.entity.name === 'shop-app')!.entity.description =
        'uses the ledger a lot';
      await store.replaceResults({ results: computed, computedAt: day1 });
      const ranked = await store.listProjectRefs({
        q: 'ledger',
        sort: 'relevance',
        order: 'desc',
      });
      // exact name first, then names starting with the word; a description match last
      expect(ranked[0]).toBe('system:default/ledger');
      expect(ranked.slice(1, 4).sort()).toEqual([
        'api:default/ledger-api',
        'component:default/ledger-cli',
        'component:default/ledger-sdk',
      ]);
      expect(ranked.indexOf('component:default/shop-app')).toBeGreaterThan(3);
    });

    it('counts facets among the matches, each ignoring its own filter, for readable entities only', async () => {
      await store.replaceResults({
        results: await results(day1),
        computedAt: day1,
      });
      const facets = await store.projectFacets({
        filter: { kind: ['Component'], sort: 'name', order: 'asc' },
      });
      // the kind facet ignores the kind filter, so the other kinds still show with their counts
      expect(facets.kind).toEqual([
        { value: 'component', count: 5 },
        { value: 'api', count: 1 },
        { value: 'system', count: 1 },
      ]);
      expect(facets.type).toEqual([
        { value: 'service', count: 2 },
        { value: 'library', count: 1 },
        { value: 'tool', count: 1 },
        { value: 'website', count: 1 },
      ]);
      expect(facets.tag).toEqual([
        { value: 'innersource', count: 1 },
        { value: 'java', count: 1 },
      ]);
      expect(facets.businessUnit).toEqual([
        { value: 'group:default/payments', count: 2 },
        { value: 'group:default/retail', count: 2 },
      ]);
      const limited = await store.projectFacets({
        filter: { sort: 'name', order: 'asc' },
        readable: ['component:default/shop-web', 'api:default/ledger-api'],
      });
      expect(limited.kind).toEqual([
        { value: 'api', count: 1 },
        { value: 'component', count: 1 },
      ]);
      expect(limited.tag).toEqual([]);
    });

    it('filters and counts projects with good first issues and sorts by stars', async () => {
      const computed = await results(day1);
      const withScm = (
        name: string,
        stars: number,
        goodFirstIssues: number,
      ) => {
        const result = computed.find(r => r.entity.name === name)!;
        result.scm = {
          provider: 'github',
          url: `https://github.com/acme/${name}`,
          visibility: 'internal',
          forkingAllowed: true,
          archived: false,
          stars,
          forks: 0,
          watchers: 0,
          openIssues: goodFirstIssues,
          topics: [],
          goodFirstIssues: {
            count: goodFirstIssues,
            helpWantedCount: 0,
            items: [],
          },
          windows: [],
          stale: false,
        };
      };
      withScm('shop-web', 40, 2);
      withScm('ledger-sdk', 90, 0);
      withScm('ledger-cli', 10, 1);
      await store.replaceResults({ results: computed, computedAt: day1 });

      expect(await list({ goodFirstIssues: true })).toEqual([
        'component:default/ledger-cli',
        'component:default/shop-web',
      ]);
      const byStars = await list({ sort: 'stars', order: 'desc' });
      expect(byStars.slice(0, 3)).toEqual([
        'component:default/ledger-sdk',
        'component:default/shop-web',
        'component:default/ledger-cli',
      ]);
      const [item] = await store.getProjectItems([
        'component:default/shop-web',
      ]);
      expect(item).toMatchObject({ stars: 40, goodFirstIssueCount: 2 });

      const all = await store.projectFacets({
        filter: { sort: 'name', order: 'asc' },
      });
      expect(all.goodFirstIssues).toEqual([{ value: 'true', count: 2 }]);
      // with its own filter on, the facet still counts over the other filters
      const filtered = await store.projectFacets({
        filter: {
          goodFirstIssues: true,
          type: ['website'],
          sort: 'name',
          order: 'asc',
        },
      });
      expect(filtered.goodFirstIssues).toEqual([{ value: 'true', count: 1 }]);
      expect(filtered.type).toEqual([
        { value: 'tool', count: 1 },
        { value: 'website', count: 1 },
      ]);
      const readable = await store.projectFacets({
        filter: { sort: 'name', order: 'asc' },
        readable: ['component:default/shop-web', 'api:default/ledger-api'],
      });
      expect(readable.goodFirstIssues).toEqual([{ value: 'true', count: 1 }]);
    });

    it('searches as you type: each word matches the start of a word, whatever the case', async () => {
      await store.replaceResults({
        results: await results(day1),
        computedAt: day1,
      });
      const ledgers = await list({ q: 'led' });
      expect(ledgers).toEqual(
        expect.arrayContaining([
          'system:default/ledger',
          'api:default/ledger-api',
          'component:default/ledger-cli',
          'component:default/ledger-sdk',
        ]),
      );
      expect(ledgers).not.toContain('component:default/shop-web');
      expect(await list({ q: 'LEDGER sd' })).toEqual([
        'component:default/ledger-sdk',
      ]);
      // a term with punctuation also has to appear as typed
      expect(await list({ q: 'ledger-s' })).toEqual([
        'component:default/ledger-sdk',
      ]);
      // the start of a word, not its middle
      expect(await list({ q: 'edger' })).toEqual([]);
      // once a search and a group leave a few rows, flags and tags are checked on those rows
      expect(
        await list({
          q: 'ledger',
          ownerGroup: 'group:default/payments',
          innerSourceOnly: true,
          acceptingContributions: true,
          tag: ['java'],
          kind: ['Component'],
        }),
      ).toEqual(['component:default/ledger-sdk']);
      expect(
        await list({
          q: 'ledger',
          ownerGroup: 'group:default/payments',
          tag: ['kotlin'],
        }),
      ).toEqual([]);
      expect(
        (
          await store.listProjects({
            filter: { q: 'led', sort: 'name', order: 'asc' },
            limit: 2,
            offset: 2,
          })
        ).totalCount,
      ).toBe(ledgers.length);
    });

    it('keeps search, filters and facet counts in step with each refresh', async () => {
      await store.replaceResults({
        results: await results(day1),
        computedAt: day1,
      });
      expect(await list({ q: 'zebra' })).toEqual([]);
      const later = (await results(day2)).filter(
        r => r.entity.name !== 'orphan-job',
      );
      later.find(r => r.entity.name === 'shop-web')!.entity.title =
        'Zebra storefront';
      const added = structuredClone(
        later.find(r => r.entity.name === 'shop-app')!,
      );
      added.entity = {
        ...added.entity,
        entityRef: 'component:default/shop-new',
        name: 'shop-new',
        tags: ['kotlin'],
      };
      later.push(added);
      await store.replaceResults({ results: later, computedAt: day2 });

      expect(await list({ q: 'zebra' })).toEqual([
        'component:default/shop-web',
      ]);
      expect(await list({ q: 'orphan' })).toEqual([]);
      expect(await list({ tag: ['Kotlin'] })).toEqual([
        'component:default/shop-new',
      ]);
      const [card] = await store.getProjectItems([
        'component:default/shop-web',
      ]);
      expect(card.entity.title).toBe('Zebra storefront');
      expect(card.computedAt).toBe(day2.toISOString());
      // the landing page's counts are those of the new listing
      const facets = await store.projectFacets({
        filter: { sort: 'name', order: 'asc' },
      });
      expect(facets.kind).toContainEqual({ value: 'component', count: 5 });
      expect(facets.tag).toContainEqual({ value: 'kotlin', count: 1 });
      expect(
        await store.listProjects({
          filter: { sort: 'usage', order: 'desc' },
          limit: 24,
          offset: 0,
        }),
      ).toMatchObject({ totalCount: 7 });
    });

    it('restricts items, counts and facets through a stored readable set shared by callers with the same refs', async () => {
      await store.replaceResults({
        results: await results(day1),
        computedAt: day1,
      });
      const readable = [
        'component:default/shop-web',
        'component:default/ledger-sdk',
        'api:default/ledger-api',
        'api:default/not-in-the-listing',
      ];
      const filter = { sort: 'name' as const, order: 'asc' as const };
      expect(
        await store.listProjects({ filter, readable, limit: 10, offset: 0 }),
      ).toEqual({
        refs: [
          'api:default/ledger-api',
          'component:default/ledger-sdk',
          'component:default/shop-web',
        ],
        totalCount: 3,
      });
      expect(
        await store.listProjects({
          filter: { ...filter, q: 'ledger' },
          readable,
          limit: 1,
          offset: 0,
        }),
      ).toEqual({ refs: ['api:default/ledger-api'], totalCount: 2 });
      const facets = await store.projectFacets({
        filter: { ...filter, kind: ['API'] },
        readable,
      });
      expect(facets.kind).toEqual([
        { value: 'component', count: 2 },
        { value: 'api', count: 1 },
      ]);
      expect(facets.tag).toEqual([]);
      const [{ sets }] = await knex('innersource_readable_sets').count({
        sets: '*',
      });
      expect(Number(sets)).toBe(1);
      // another caller who may read the same entities uses the same set
      await store.listProjects({
        filter,
        readable: [...readable].reverse(),
        limit: 10,
        offset: 0,
      });
      const [{ again }] = await knex('innersource_readable_sets').count({
        again: '*',
      });
      expect(Number(again)).toBe(1);
    });

    it('does not show a caller who could read everything a project added later that they may not read', async () => {
      const computed = await results(day1);
      await store.replaceResults({ results: computed, computedAt: day1 });
      const everything = computed.map(r => r.entity.entityRef);
      const filter = { sort: 'name' as const, order: 'asc' as const };
      const page = () =>
        store.listProjects({
          filter,
          readable: everything,
          limit: 24,
          offset: 0,
        });
      expect((await page()).totalCount).toBe(7);

      const added = structuredClone(computed[0]);
      added.entity = {
        ...added.entity,
        entityRef: 'component:default/secret',
        name: 'secret',
      };
      await store.replaceResults({
        results: [...computed, added],
        computedAt: day2,
      });
      expect((await page()).refs).not.toContain('component:default/secret');
      expect((await page()).totalCount).toBe(7);
      const facets = await store.projectFacets({
        filter,
        readable: everything,
      });
      const total = facets.kind.reduce((sum, f) => sum + f.count, 0);
      expect(total).toBe(7);
      expect(
        (
          await store.listProjects({
            filter,
            readable: [...everything, 'component:default/secret'],
            limit: 24,
            offset: 0,
          })
        ).totalCount,
      ).toBe(8);
    });

    it('fills the listing from the stored results when it is empty', async () => {
      await store.replaceResults({
        results: await results(day1),
        computedAt: day1,
      });
      // as a migration that rebuilds the index would leave it
      await knex('innersource_listing').delete();
      await knex('innersource_listing_counts').delete();
      if (!databaseId.startsWith('POSTGRES')) {
        await knex.raw(
          "insert into innersource_listing_fts(innersource_listing_fts) values ('delete-all')",
        );
      }
      const reopened = await DatabaseInnerSourceStore.create({
        database: databaseService(knex),
      });
      expect(
        await reopened.listProjectRefs({
          q: 'ledger',
          kind: ['API'],
          sort: 'name',
          order: 'asc',
        }),
      ).toEqual(['api:default/ledger-api']);
    });

    it('shows the cards of results stored before cards were', async () => {
      await store.replaceResults({
        results: await results(day1),
        computedAt: day1,
      });
      const refs = ['component:default/ledger-sdk', 'api:default/ledger-api'];
      const cards = await store.getProjectItems(refs);
      await knex('innersource_entity_results').update({ list_item: null });
      expect(await store.getProjectItems(refs)).toEqual(cards);
      expect(await list({ sort: 'updated', order: 'desc' })).toHaveLength(7);
    });

    it('returns listing items in the requested order with their figures', async () => {
      await store.replaceResults({
        results: await results(day1),
        computedAt: day1,
      });
      const items = await store.getProjectItems([
        'api:default/ledger-api',
        'component:default/missing',
        'component:default/ledger-sdk',
      ]);
      expect(
        items.map(i => [i.entity.name, i.usageCount, i.businessUnitCount]),
      ).toEqual([
        ['ledger-api', 2, 1],
        ['ledger-sdk', 4, 2],
      ]);
    });

    it('records refresh runs', async () => {
      const id = await store.startRun(day1);
      expect(await store.getLastRun()).toMatchObject({ id, status: 'running' });
      await store.finishRun(id, { at: day2, status: 'failed', error: 'boom' });
      expect(await store.getLastRun()).toEqual({
        id,
        startedAt: day1.toISOString(),
        finishedAt: day2.toISOString(),
        status: 'failed',
        error: 'boom',
      });
    });
  },
);
