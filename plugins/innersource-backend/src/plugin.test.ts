import {
  createBackendModule,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { innersourceLintRulesExtensionPoint } from '@innersource-backstage/plugin-innersource-node';
import path from 'node:path';
import request from 'supertest';
import { entity } from './__testUtils__/catalogFixtures';
import { createBareRepository, tempDir } from './__testUtils__/gitFixtures';
import { innersourcePlugin } from './plugin';
import { smallOrg } from './__testUtils__/catalogFixtures';
import {
  permissionAwareCatalog,
  permissionAwarePermissions,
} from './__testUtils__/permissionAwareCatalog';

/** Refresh right at start-up, as the first scheduled run does, instead of after the default delay. */
const config = mockServices.rootConfig.factory({
  data: {
    innersource: {
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
      // these tests are about the catalog; the git reader has its own test below
      git: { enabled: false },
    },
  },
});

/** Polls until the scheduled refresh at start-up has stored results. */
async function waitForResults(
  server: Parameters<typeof request>[0],
  url: string,
) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await request(server).get(url);
    if (response.status === 200) return response;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error(`No results at ${url}`);
}

describe('innersourcePlugin', () => {
  it('computes results from the catalog at start-up and serves them', async () => {
    const { server } = await startTestBackend({
      features: [
        innersourcePlugin,
        catalogServiceMock.factory({ entities: smallOrg() }),
        config,
      ],
    });

    const response = await waitForResults(
      server,
      '/api/innersource/entities/component/default/ledger-sdk',
    );
    expect(response.body.result.usage.count).toBe(4);
    expect(response.body.result.lint.score).toBe(100);

    const listing = await request(server).get(
      '/api/innersource/projects?sort=readiness',
    );
    expect(listing.status).toBe(200);
    expect(listing.body.totalCount).toBe(7);

    const status = await request(server).get('/api/innersource/status');
    expect(status.body).toMatchObject({
      entityCount: 7,
      lastRun: { status: 'succeeded', entityCount: 7 },
    });

    const health = await request(server)
      .get('/api/innersource/health')
      .set('Authorization', mockCredentials.none.header());
    expect(health.status).toBe(200);

    const unauthenticated = await request(server)
      .get('/api/innersource/projects')
      .set('Authorization', mockCredentials.none.header());
    expect(unauthenticated.status).toBe(401);
  });

  it('reads git history and dependency manifests behind catalog entities', async () => {
    const repos = tempDir('plugin-repos');
    const now = Date.now();
    createBareRepository(path.join(repos, 'ledger-sdk.git'), [
      {
        name: 'Maria',
        email: 'maria@acme.example',
        date: new Date(now - 20 * 86_400_000),
        files: {
          'package.json': '{ "name": "@acme/ledger-sdk" }',
          'CONTRIBUTING.md': '# Hi',
        },
      },
      {
        name: 'Someone',
        email: 'someone@elsewhere.example',
        date: new Date(now - 86_400_000),
      },
    ]);
    createBareRepository(path.join(repos, 'shop-app.git'), [
      {
        name: 'Maria',
        email: 'maria@acme.example',
        date: new Date(now - 5 * 86_400_000),
        files: {
          'package.json':
            '{ "name": "shop-app", "dependencies": { "@acme/ledger-sdk": "^1" } }',
        },
      },
    ]);
    const source = (repo: string) => ({
      'backstage.io/source-location': `url:https://github.com/acme/${repo}/tree/main/`,
    });
    const entities = smallOrg().map(e => {
      if (e.metadata.name === 'ledger-sdk' || e.metadata.name === 'shop-app') {
        return {
          ...e,
          metadata: {
            ...e.metadata,
            annotations: {
              ...e.metadata.annotations,
              ...source(e.metadata.name),
            },
          },
        };
      }
      return e;
    });
    entities.push(
      entity('User', 'maria-g', {
        memberOf: ['team-ledger'],
        profile: { email: 'maria@acme.example' },
      }),
    );
    const { server } = await startTestBackend({
      features: [
        innersourcePlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            innersource: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
              git: {
                cacheDir: tempDir('plugin-cache'),
                urlRewrites: [
                  { from: 'https://github.com/acme/', to: `file://${repos}/` },
                ],
              },
            },
          },
        }),
      ],
    });
    const response = await waitForResults(
      server,
      '/api/innersource/entities/component/default/ledger-sdk',
    );
    const { contributions, usage } = response.body.result;
    expect(contributions.repository).toMatchObject({
      cloneUrl: `file://${repos}/ledger-sdk.git`,
      stale: false,
    });
    expect(contributions.windows[3]).toMatchObject({
      commits: 2,
      ownerTeamCommits: 1,
      unknownCommits: 1,
    });
    expect(contributions.hasContributingGuide).toBe(true);
    // the readiness rules read the repository's files, with links to the SCM host
    const findings = response.body.result.lint.findings;
    const byId = (id: string) =>
      findings.find((f: { ruleId: string }) => f.ruleId === id);
    expect(byId('contributing.exists')).toMatchObject({
      status: 'pass',
      files: [
        {
          path: 'CONTRIBUTING.md',
          url: 'https://github.com/acme/ledger-sdk/blob/HEAD/CONTRIBUTING.md',
        },
      ],
    });
    expect(byId('readme.exists')).toMatchObject({
      status: 'fail',
      severity: 'error',
    });
    expect(response.body.result.lint.level).toBe('bronze');
    expect(contributions.activity.score).toBeGreaterThan(0);
    const shopApp = usage.consumers.find(
      (c: { entityRef: string }) =>
        c.entityRef === 'component:default/shop-app',
    );
    expect(shopApp.relations).toContainEqual({
      type: 'manifest',
      via: 'package.json',
    });

    const listing = await request(server).get(
      '/api/innersource/projects?sort=activity',
    );
    expect(listing.body.items[0]).toMatchObject({
      entity: { name: 'ledger-sdk' },
      activityLevel: expect.any(String),
    });
  });

  describe('readiness badges', () => {
    const optedIn = () =>
      smallOrg().map(e =>
        e.metadata.name === 'ledger-sdk'
          ? {
              ...e,
              metadata: {
                ...e.metadata,
                annotations: {
                  ...e.metadata.annotations,
                  'innersource.io/badge': 'true',
                },
              },
            }
          : e,
      );
    const start = (badges: boolean) =>
      startTestBackend({
        features: [
          innersourcePlugin,
          catalogServiceMock.factory({ entities: optedIn() }),
          mockServices.rootConfig.factory({
            data: {
              innersource: {
                schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
                git: { enabled: false },
                badges: { enabled: badges },
              },
            },
          }),
        ],
      });
    const anonymous = mockCredentials.none.header();

    it('serves an SVG without login for an entity that opted in', async () => {
      const { server } = await start(true);
      await waitForResults(
        server,
        '/api/innersource/entities/component/default/ledger-sdk',
      );
      const badge = await request(server)
        .get('/api/innersource/badges/component/default/ledger-sdk.svg')
        .set('Authorization', anonymous);
      expect(badge.status).toBe(200);
      expect(badge.headers['content-type']).toMatch(/^image\/svg\+xml/);
      const svg = badge.body.toString();
      expect(svg).toContain('<title>InnerSource readiness: gold · 100</title>');
    });

    it('answers 404 alike for entities that did not opt in and those that do not exist', async () => {
      const { server } = await start(true);
      await waitForResults(
        server,
        '/api/innersource/entities/component/default/ledger-sdk',
      );
      for (const badgeUrl of [
        '/api/innersource/badges/component/default/shop-web.svg',
        '/api/innersource/badges/component/default/no-such-thing.svg',
        '/api/innersource/badges/group/default/acme.svg',
      ]) {
        const response = await request(server)
          .get(badgeUrl)
          .set('Authorization', anonymous);
        expect(response.status).toBe(404);
        expect(response.body.error.message).toBe('No badge');
      }
    });

    it('serves nothing when badges are turned off', async () => {
      const { server } = await start(false);
      await waitForResults(
        server,
        '/api/innersource/entities/component/default/ledger-sdk',
      );
      const anonymousCall = await request(server)
        .get('/api/innersource/badges/component/default/ledger-sdk.svg')
        .set('Authorization', anonymous);
      expect(anonymousCall.status).toBe(401);
      const signedIn = await request(server).get(
        '/api/innersource/badges/component/default/ledger-sdk.svg',
      );
      expect(signedIn.status).toBe(404);
    });
  });

  it('runs lint rules added by a backend module through the extension point', async () => {
    const customRules = createBackendModule({
      pluginId: 'innersource',
      moduleId: 'test-rules',
      register(env) {
        env.registerInit({
          deps: { rules: innersourceLintRulesExtensionPoint },
          async init({ rules }) {
            rules.addRules([
              {
                id: 'custom.has-java-tag',
                title: 'Is tagged with its language',
                category: 'custom',
                severity: 'info',
                appliesTo: { kinds: ['Component'] },
                remediation: 'Add a language tag.',
                check: ({ entity: target }) =>
                  target.metadata.tags?.includes('java')
                    ? { status: 'pass', message: 'Tagged java' }
                    : {
                        status: 'fail',
                        message: 'Expected a language tag, found none',
                      },
              },
            ]);
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        innersourcePlugin,
        customRules,
        catalogServiceMock.factory({ entities: smallOrg() }),
        config,
      ],
    });
    const sdk = await waitForResults(
      server,
      '/api/innersource/entities/component/default/ledger-sdk',
    );
    expect(sdk.body.result.lint.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'custom.has-java-tag',
        status: 'pass',
      }),
    );
    const web = await request(server).get(
      '/api/innersource/entities/component/default/shop-web',
    );
    expect(web.body.result.lint.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'custom.has-java-tag',
        status: 'fail',
        message: 'Expected a language tag, found none',
      }),
    );
  });

  it('hides entities from users who may not read them in the catalog', async () => {
    const hiddenFrom = {
      'user:default/outsider': ['component:default/ledger-sdk'],
    };
    const catalog = permissionAwareCatalog({
      entities: smallOrg(),
      hiddenFrom,
    });
    const permissions = permissionAwarePermissions({ hiddenFrom });
    const { server } = await startTestBackend({
      features: [
        innersourcePlugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => permissions,
        }),
        config,
      ],
    });
    await waitForResults(
      server,
      '/api/innersource/entities/component/default/ledger-sdk',
    );
    const asOutsider = mockCredentials.user.header('user:default/outsider');

    const hidden = await request(server)
      .get('/api/innersource/entities/component/default/ledger-sdk')
      .set('Authorization', asOutsider);
    expect(hidden.status).toBe(404);

    const listing = await request(server)
      .get('/api/innersource/projects?q=ledger')
      .set('Authorization', asOutsider);
    expect(listing.body.items.map((i: any) => i.entity.name)).toEqual([
      'ledger',
      'ledger-api',
      'ledger-cli',
    ]);
  });
});
