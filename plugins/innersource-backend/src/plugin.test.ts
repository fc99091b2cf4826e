import {
  createBackendModule,
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
import request from 'supertest';
import { innersourcePlugin } from './plugin';
import { smallOrg } from './__testUtils__/catalogFixtures';
import { permissionAwareCatalog } from './__testUtils__/permissionAwareCatalog';

/** Refresh right at start-up, as the first scheduled run does, instead of after the default delay. */
const config = mockServices.rootConfig.factory({
  data: {
    innersource: {
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
    },
  },
});

/** Polls until the scheduled refresh at start-up has stored results. */
async function waitForResults(
  server: Parameters<typeof request>[0],
  path: string,
) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await request(server).get(path);
    if (response.status === 200) return response;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error(`No results at ${path}`);
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
                check: ({ entity }) =>
                  entity.metadata.tags?.includes('java')
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
    const catalog = permissionAwareCatalog({
      entities: smallOrg(),
      hiddenFrom: { 'user:default/outsider': ['component:default/ledger-sdk'] },
    });
    const { server } = await startTestBackend({
      features: [
        innersourcePlugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        config,
      ],
    });
    await waitForResults(
      server,
      '/api/innersource/entities/component/default/ledger-sdk',
    );
    const asOutsider = mockCredentials.user.header('user:default/outsider');

    const entity = await request(server)
      .get('/api/innersource/entities/component/default/ledger-sdk')
      .set('Authorization', asOutsider);
    expect(entity.status).toBe(404);

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
