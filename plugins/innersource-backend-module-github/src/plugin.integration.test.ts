import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The test runs the real plugin with this module, so it needs the plugin itself.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import innersourcePlugin from '@innersource-backstage/plugin-innersource-backend';
import { setupServer } from 'msw/node';
import request from 'supertest';
import innersourceModuleGithub from '.';
import {
  actors,
  FakeGithub,
  pullRequest,
  repositoryHeader,
} from './__testUtils__/fakeGithub';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString();

/** A catalog entity, typed by what the catalog mock takes (catalog-model is not a dependency). */
type CatalogEntity = NonNullable<
  NonNullable<Parameters<typeof catalogServiceMock.factory>[0]>['entities']
>[number];

function entity(
  kind: string,
  name: string,
  spec: CatalogEntity['spec'],
  metadata: Partial<CatalogEntity['metadata']> = {},
): CatalogEntity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', ...metadata },
    spec,
  };
}

const catalog = [
  entity('Group', 'team-ledger', { type: 'team', children: [] }),
  entity('Group', 'team-shop', { type: 'team', children: [] }),
  entity(
    'User',
    'lee',
    { memberOf: ['team-ledger'] },
    { annotations: { 'github.com/user-login': 'lee-gh' } },
  ),
  entity(
    'User',
    'sam',
    { memberOf: ['team-shop'] },
    { annotations: { 'github.com/user-login': 'sam-gh' } },
  ),
  entity(
    'Component',
    'ledger-sdk',
    { type: 'library', lifecycle: 'production', owner: 'group:team-ledger' },
    {
      tags: ['innersource'],
      annotations: {
        'backstage.io/source-location':
          'url:https://github.com/acme/ledger-sdk/tree/main/',
      },
    },
  ),
  entity(
    'Component',
    'vault',
    { type: 'service', lifecycle: 'production', owner: 'group:team-ledger' },
    {
      annotations: {
        'backstage.io/source-location': 'url:https://github.com/acme/vault',
        'innersource.io/sharing': 'restricted',
      },
    },
  ),
];

describe('the InnerSource plugin with the GitHub module', () => {
  it('reads the repositories at refresh and serves the figures and policy findings', async () => {
    const github = new FakeGithub();
    github.addRepository('acme/ledger-sdk', {
      header: repositoryHeader('acme/ledger-sdk', {
        stargazerCount: 42,
        visibility: 'PRIVATE',
      }),
      pullRequests: [
        pullRequest('acme/ledger-sdk', 7, daysAgo(3), {
          author: actors.user('sam-gh'),
          state: 'MERGED',
          mergedAt: daysAgo(2),
          comments: {
            nodes: [
              { createdAt: daysAgo(3), author: actors.bot('github-actions') },
            ],
          },
          reviews: {
            nodes: [
              {
                createdAt: daysAgo(2.5),
                submittedAt: daysAgo(2.5),
                author: actors.user('lee-gh'),
              },
            ],
          },
        }),
        pullRequest('acme/ledger-sdk', 8, daysAgo(1), {
          author: actors.user('lee-gh'),
        }),
      ],
    });
    github.addRepository('acme/vault', {
      header: repositoryHeader('acme/vault', { visibility: 'INTERNAL' }),
    });
    github.organizations.set('acme', {
      login: 'acme',
      html_url: 'https://github.com/acme',
      default_repository_permission: 'write',
      members_can_create_internal_repositories: true,
      members_can_create_private_repositories: true,
      members_can_fork_private_repositories: true,
    });
    server.use(...github.handlers());

    const { server: backend } = await startTestBackend({
      features: [
        innersourcePlugin,
        innersourceModuleGithub,
        catalogServiceMock.factory({ entities: catalog }),
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [{ host: 'github.com', token: 'ghp_integration' }],
            },
            innersource: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
              git: { enabled: false },
              scm: { github: { organizations: [{ name: 'acme' }] } },
            },
          },
        }),
      ],
    });

    const result = async (name: string) => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const response = await request(backend).get(
          `/api/innersource/entities/component/default/${name}`,
        );
        if (response.status === 200) return response.body.result;
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      throw new Error(`no results for ${name}`);
    };

    const sdk = await result('ledger-sdk');
    expect(sdk.scm).toMatchObject({
      provider: 'github',
      url: 'https://github.com/acme/ledger-sdk',
      stars: 42,
      visibility: 'private',
      stale: false,
    });
    const month = sdk.scm.windows.find((w: any) => w.window === '30d');
    expect(month).toMatchObject({
      pullRequests: 2,
      outsidePullRequests: 1,
      outsideMerged: 1,
      outsideAcceptanceRatio: 1,
      // the bot's comment does not count: lee's review half a day later does
      outsidePullRequestResponse: { responded: 1, medianHours: 12 },
      innerSourceRatio: { pullRequests: 0.5 },
    });
    const finding = (r: any, id: string) =>
      r.lint.findings.find((f: any) => f.ruleId === id);
    expect(finding(sdk, 'scm.innersource-first')).toMatchObject({
      status: 'fail',
      severity: 'warning',
    });

    const vault = await result('vault');
    expect(vault.sharing).toEqual({
      level: 'restricted',
      source: 'annotation',
    });
    expect(finding(vault, 'scm.security-first')).toMatchObject({
      status: 'fail',
      severity: 'error',
      message: expect.stringContaining(
        'classified restricted by its innersource.io/sharing annotation to be private, found internal',
      ),
    });

    // one batched GraphQL call for both repositories, with the integration's token
    const batches = github.calls('InnerSourceRepositories');
    expect(batches).toHaveLength(1);
    expect(batches[0].headers.get('authorization')).toMatch(/ghp_integration/);

    const organizations = await request(backend).get(
      '/api/innersource/program/scm-organizations',
    );
    expect(organizations.status).toBe(200);
    expect(organizations.body.organizations[0]).toMatchObject({
      organization: 'acme',
      stale: false,
    });
    expect(
      organizations.body.organizations[0].checks.find(
        (c: any) => c.id === 'org.base-permission',
      ),
    ).toMatchObject({ status: 'fail', actual: 'write' });
  });
});
