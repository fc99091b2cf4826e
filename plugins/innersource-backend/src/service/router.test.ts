import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { computeResults } from '../compute/computeResults';
import { metadataRules } from '../compute/metadataRules';
import { DatabaseInnerSourceStore } from '../database/DatabaseInnerSourceStore';
import { smallOrg } from '../__testUtils__/catalogFixtures';
import {
  permissionAwareCatalog,
  permissionAwarePermissions,
} from '../__testUtils__/permissionAwareCatalog';
import { createRouter } from './router';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const OUTSIDER = 'user:default/outsider';

describe('createRouter', () => {
  let app: express.Express;

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseInnerSourceStore.create({
      database: { getClient: async () => knex },
    });
    const entities = smallOrg();
    const computedAt = new Date();
    await store.replaceResults({
      results: await computeResults({
        entities,
        rules: metadataRules,
        computedAt,
      }),
      computedAt,
    });
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      catalog: permissionAwareCatalog({
        entities,
        hiddenFrom: { [OUTSIDER]: ['component:default/ledger-sdk'] },
      }),
      store,
      logger: mockServices.logger.mock(),
    });
    app = express().use(router).use(mockErrorHandler());
  });

  describe('authentication', () => {
    it.each(['/entities/component/default/ledger-sdk', '/projects', '/status'])(
      'rejects %s without credentials',
      async path => {
        const response = await request(app)
          .get(path)
          .set('Authorization', mockCredentials.none.header());
        expect(response.status).toBe(401);
      },
    );

    it('answers /health without credentials', async () => {
      const response = await request(app)
        .get('/health')
        .set('Authorization', mockCredentials.none.header());
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok' });
    });
  });

  describe('GET /entities/:kind/:namespace/:name', () => {
    it("returns the current results and today's snapshot", async () => {
      const response = await request(app).get(
        '/entities/Component/default/ledger-sdk',
      );
      expect(response.status).toBe(200);
      expect(response.body.result.usage.count).toBe(4);
      expect(response.body.result.entity.businessUnitRef).toBe(
        'group:default/payments',
      );
      expect(response.body.result.status).toEqual({ stale: false });
      expect(response.body.history).toEqual([
        expect.objectContaining({ usageCount: 4, lintScore: 100 }),
      ]);
    });

    it('answers 404 for an entity that does not exist', async () => {
      const response = await request(app).get(
        '/entities/component/default/nope',
      );
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe(
        'No entity component:default/nope found',
      );
    });

    it('answers 404 for an entity the caller may not read', async () => {
      const response = await request(app)
        .get('/entities/component/default/ledger-sdk')
        .set('Authorization', mockCredentials.user.header(OUTSIDER));
      expect(response.status).toBe(404);
    });

    it.each([
      [
        '/entities/group/default/acme',
        /Invalid kind 'group': must be one of Component, API, Resource, System/,
      ],
      [
        '/entities/component/default/bad%20name',
        /Invalid entity name 'default\/bad name'/,
      ],
      [
        '/entities/component/default/ledger-sdk?historyDays=0',
        /'historyDays' must be at least 1/,
      ],
      [
        '/entities/component/default/ledger-sdk?historyDays=abc',
        /'historyDays' must be a number/,
      ],
      [
        '/entities/component/default/ledger-sdk?foo=1',
        /unknown parameter\(s\) 'foo'/,
      ],
    ])('answers 400 for %s', async (path, message) => {
      const response = await request(app).get(path);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    });
  });

  describe('GET /projects', () => {
    it('lists projects sorted by usage with paging', async () => {
      const response = await request(app).get('/projects?limit=2');
      expect(response.status).toBe(200);
      expect(response.body.totalCount).toBe(7);
      expect(response.body.nextOffset).toBe(2);
      expect(
        response.body.items.map((i: any) => [i.entity.name, i.usageCount]),
      ).toEqual([
        ['ledger-sdk', 4],
        ['ledger', 4],
      ]);
      const last = await request(app).get('/projects?limit=2&offset=6');
      expect(last.body.items).toHaveLength(1);
      expect(last.body.nextOffset).toBeUndefined();
    });

    it('combines search, filters and sort given as repeated parameters', async () => {
      const response = await request(app).get(
        '/projects?q=shop&kind=Component&kind=API&sort=name&order=desc',
      );
      expect(response.body.items.map((i: any) => i.entity.name)).toEqual([
        'shop-web',
        'shop-app',
      ]);
    });

    it('leaves out entities the caller may not read, also from the count', async () => {
      const response = await request(app)
        .get('/projects?kind=Component')
        .set('Authorization', mockCredentials.user.header(OUTSIDER));
      expect(response.status).toBe(200);
      const names = response.body.items.map((i: any) => i.entity.name);
      expect(names).not.toContain('ledger-sdk');
      expect(names).toContain('shop-web');
      expect(response.body.totalCount).toBe(4);

      const everyone = await request(app).get('/projects?kind=Component');
      expect(everyone.body.totalCount).toBe(5);
    });

    it.each([
      ['/projects?limit=500', /'limit' must be at most 100/],
      ['/projects?limit=-1', /'limit' must be at least 1/],
      ['/projects?offset=x', /'offset' must be a number/],
      ['/projects?sort=forks', /'sort' Invalid enum value/],
      ['/projects?goodFirstIssues=yes', /'goodFirstIssues' Invalid enum value/],
      [
        '/projects?kind=Group',
        /'kind' must be one of Component, API, Resource, System/,
      ],
      [`/projects?q=${'x'.repeat(201)}`, /'q' must be at most 200 characters/],
      ['/projects?bogus=1', /unknown parameter\(s\) 'bogus'/],
      [
        '/projects?level=platinum',
        /'level' must be one of none, bronze, silver, gold/,
      ],
    ])('answers 400 for %s', async (path, message) => {
      const response = await request(app).get(path);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    });
  });
});

const HIDDEN = { [OUTSIDER]: ['component:default/ledger-sdk'] };

/** The router over the small org, with a catalog that hides the SDK from the outsider. */
async function discoveryApp(options: {
  permissions?: ReturnType<typeof permissionAwarePermissions>;
}) {
  const catalogCalls = { count: 0 };
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseInnerSourceStore.create({
    database: { getClient: async () => knex },
  });
  const entities = smallOrg();
  const computedAt = new Date();
  await store.replaceResults({
    results: await computeResults({
      entities,
      rules: metadataRules,
      computedAt,
    }),
    computedAt,
  });
  const catalog = permissionAwareCatalog({ entities, hiddenFrom: HIDDEN });
  const original = catalog.streamEntities.getMockImplementation()!;
  catalog.streamEntities.mockImplementation((...args) => {
    catalogCalls.count += 1;
    return original(...args);
  });
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    catalog,
    ...(options.permissions ? { permissions: options.permissions } : {}),
    store,
    logger: mockServices.logger.mock(),
  });
  return { app: express().use(router).use(mockErrorHandler()), catalogCalls };
}

describe('createRouter discovery', () => {
  let app: express.Express;
  let catalogCalls: { count: number };

  beforeAll(async () => {
    ({ app, catalogCalls } = await discoveryApp({}));
  });

  it('returns facet counts over the visible matches when asked', async () => {
    const response = await request(app)
      .get('/projects?kind=Component&facets=true')
      .set('Authorization', mockCredentials.user.header(OUTSIDER));
    expect(response.body.totalCount).toBe(4);
    expect(response.body.facets.kind).toEqual([
      { value: 'component', count: 4 },
      { value: 'api', count: 1 },
      { value: 'system', count: 1 },
    ]);
    // the hidden SDK's tags are not counted
    expect(response.body.facets.tag).toEqual([]);
    const without = await request(app).get('/projects');
    expect(without.body.facets).toBeUndefined();
  });

  it('filters by owner subtree and ranks a search by relevance by default', async () => {
    const subtree = await request(app).get(
      '/projects?group=group:default/retail',
    );
    expect(subtree.body.items.map((i: any) => i.entity.name).sort()).toEqual([
      'shop-app',
      'shop-web',
    ]);
    const search = await request(app).get('/projects?q=ledger');
    expect(search.body.items[0].entity.name).toBe('ledger');
  });

  it('asks the catalog for what a user may read once, not on every keystroke', async () => {
    const before = catalogCalls.count;
    for (const q of ['l', 'le', 'led', 'ledg']) {
      await request(app)
        .get(`/projects?q=${q}`)
        .set(
          'Authorization',
          mockCredentials.user.header('user:default/typist'),
        );
    }
    expect(catalogCalls.count - before).toBe(1);
  });

  it('exports the whole result as CSV', async () => {
    const response = await request(app).get(
      '/projects.csv?kind=Component&sort=name&limit=1',
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toMatch(
      /^entityRef,name,title,kind,type,lifecycle,owner,/,
    );
    expect(lines[0]).toMatch(/,lastActivityAt,stars,goodFirstIssues,/);
    // all five components, not just the first page
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(/^component:default\/ledger-cli,ledger-cli,/);
  });

  it.each([
    ['/projects?group=team-a', /'group' must be a group ref/],
    ['/projects?activity=hyper', /'activity' must be one of none, very-low/],
    ['/projects?hideStale=yes', /'hideStale' Invalid enum value/],
  ])('answers 400 for %s', async (path, message) => {
    const response = await request(app).get(path);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
  });
});

describe('createRouter discovery with the permission framework', () => {
  let app: express.Express;
  let catalogCalls: { count: number };
  const NOBODY = 'user:default/nobody';

  beforeAll(async () => {
    ({ app, catalogCalls } = await discoveryApp({
      permissions: permissionAwarePermissions({
        hiddenFrom: HIDDEN,
        deniedTo: [NOBODY],
      }),
    }));
  });

  it('lists everything for a user the policy lets read every entity, without asking the catalog', async () => {
    const before = catalogCalls.count;
    const response = await request(app)
      .get('/projects?kind=Component&facets=true')
      .set('Authorization', mockCredentials.user.header('user:default/guest'));
    expect(response.status).toBe(200);
    expect(response.body.totalCount).toBe(5);
    expect(response.body.items.map((i: any) => i.entity.name)).toContain(
      'ledger-sdk',
    );
    expect(catalogCalls.count).toBe(before);
  });

  it('asks the catalog which entities a user may read when the decision is conditional', async () => {
    const before = catalogCalls.count;
    const response = await request(app)
      .get('/projects?kind=Component&facets=true')
      .set('Authorization', mockCredentials.user.header(OUTSIDER));
    expect(response.body.totalCount).toBe(4);
    expect(response.body.items.map((i: any) => i.entity.name)).not.toContain(
      'ledger-sdk',
    );
    expect(response.body.facets.tag).toEqual([]);
    expect(catalogCalls.count - before).toBe(1);
  });

  it('lists nothing, with no counts, for a user the policy denies', async () => {
    const response = await request(app)
      .get('/projects?facets=true')
      .set('Authorization', mockCredentials.user.header(NOBODY));
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
    expect(response.body.totalCount).toBe(0);
    expect(response.body.facets.kind).toEqual([]);
    const csv = await request(app)
      .get('/projects.csv')
      .set('Authorization', mockCredentials.user.header(NOBODY));
    expect(csv.text.trim().split('\r\n')).toHaveLength(1);
  });
});
