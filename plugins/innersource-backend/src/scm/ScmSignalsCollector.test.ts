import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ScmRepositorySignals } from '@innersource-backstage/plugin-innersource-common';
import {
  ScmOrganizationReadResult,
  ScmProvider,
  ScmReadOptions,
  ScmRepositoryLocator,
  ScmRepositoryReadResult,
} from '@innersource-backstage/plugin-innersource-node';
import { ScmSignalsCollector } from './ScmSignalsCollector';
import { ScmSignalsStore } from './ScmSignalsStore';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@innersource-backstage/plugin-innersource-backend',
  'migrations',
);
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function component(name: string, sourceLocation?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: sourceLocation
        ? { 'backstage.io/source-location': `url:${sourceLocation}` }
        : {},
    },
    spec: { type: 'library', owner: 'group:default/payments' },
  };
}

function signals(
  url: string,
  overrides: Partial<ScmRepositorySignals> = {},
): ScmRepositorySignals {
  return {
    provider: 'fake',
    url,
    stars: 10,
    forks: 2,
    watchers: 4,
    openIssues: 3,
    topics: ['payments'],
    visibility: 'internal',
    forkingAllowed: true,
    archived: false,
    defaultBranch: 'main',
    branchProtection: { protected: true, requiredApprovingReviews: 1 },
    goodFirstIssues: { count: 1, helpWantedCount: 0, items: [] },
    pullRequests: [
      {
        number: 1,
        url: `${url}/pull/1`,
        authorLogin: 'carol',
        createdAt: '2026-11-01T00:00:00Z',
        state: 'merged',
        responses: [],
      },
    ],
    issues: [],
    ...overrides,
  };
}

/** A provider for https://scm.example/<owner>/<repo> answering from a script of reads. */
class FakeProvider implements ScmProvider {
  readonly id = 'fake';
  readonly requests: Array<{
    urls: string[];
    options: ScmReadOptions;
  }> = [];
  next: (url: string) => ScmRepositoryReadResult = url => ({
    url,
    signals: signals(url),
    calls: 2,
  });
  organizations: () => ScmOrganizationReadResult[] = () => [];

  locate(sourceUrl: string): ScmRepositoryLocator | undefined {
    const match =
      /^https:\/\/scm\.example\/([^/]+)\/([^/]+?)(?:\.git)?(?:\/|$)/.exec(
        sourceUrl,
      );
    if (!match) return undefined;
    return {
      url: `https://scm.example/${match[1]}/${match[2]}`,
      host: 'scm.example',
      fullPath: `${match[1]}/${match[2]}`,
    };
  }

  async readRepositories(
    repositories: ScmRepositoryLocator[],
    options: ScmReadOptions,
  ) {
    this.requests.push({ urls: repositories.map(r => r.url), options });
    return repositories.map(r => this.next(r.url));
  }

  async readOrganizations() {
    return this.organizations();
  }
}

describe.each(databases.eachSupportedId())('ScmSignalsCollector on %s', id => {
  async function setup() {
    const knex = await databases.init(id);
    await knex.migrate.latest({ directory: migrationsDir });
    const store = new ScmSignalsStore(knex);
    const provider = new FakeProvider();
    const logger = mockServices.logger.mock();
    const collector = new ScmSignalsCollector({
      providers: () => [provider],
      store,
      logger,
    });
    return { store, provider, collector, logger };
  }

  const entities = [
    component('ledger-api', 'https://scm.example/acme/ledger/tree/main/api'),
    component('ledger-web', 'https://scm.example/acme/ledger/tree/main/web/'),
    component('billing', 'https://scm.example/acme/billing.git'),
    component('elsewhere', 'https://other.example/acme/x'),
    component('no-source'),
  ];
  const first = new Date('2026-11-24T10:00:00Z');
  const second = new Date('2026-11-24T10:30:00Z');

  it('reads each repository once, for every entity in it, and stores the read', async () => {
    const { store, provider, collector, logger } = await setup();
    const byEntity = await collector.collect({ entities, now: first });

    expect(provider.requests).toHaveLength(1);
    expect(provider.requests[0].urls.sort()).toEqual([
      'https://scm.example/acme/billing',
      'https://scm.example/acme/ledger',
    ]);
    expect(provider.requests[0].options).toMatchObject({
      since: new Date('2025-11-24T10:00:00Z'),
      goodFirstIssueLabels: ['good first issue'],
      helpWantedLabels: ['help wanted'],
      goodFirstIssueLimit: 5,
    });
    expect([...byEntity.keys()].sort()).toEqual([
      'component:default/billing',
      'component:default/ledger-api',
      'component:default/ledger-web',
    ]);
    expect(byEntity.get('component:default/ledger-web')).toMatchObject({
      url: 'https://scm.example/acme/ledger',
      stale: false,
      fetchedAt: first.toISOString(),
      calls: 2,
      signals: { stars: 10, visibility: 'internal' },
    });
    expect(
      (await store.getRepositories(['https://scm.example/acme/billing'])).get(
        'https://scm.example/acme/billing',
      ),
    ).toMatchObject({ stale: false, signals: { forks: 2 } });
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /^SCM fake: read 2 repositories with 4 API calls \(at most 2 for one repository\)/,
      ),
    );
  });

  it('keeps the last good figures, marked stale, when a repository fails', async () => {
    const { provider, collector, logger } = await setup();
    await collector.collect({ entities, now: first });
    provider.next = url =>
      url.endsWith('/billing')
        ? {
            url,
            error: { kind: 'not-found', message: 'Repository was deleted' },
            calls: 1,
          }
        : { url, signals: signals(url, { stars: 11 }), calls: 2 };
    const byEntity = await collector.collect({ entities, now: second });

    expect(byEntity.get('component:default/billing')).toEqual(
      expect.objectContaining({
        stale: true,
        fetchedAt: first.toISOString(),
        error: {
          kind: 'not-found',
          message: 'Repository was deleted',
          at: second.toISOString(),
        },
        signals: expect.objectContaining({ stars: 10 }),
      }),
    );
    expect(byEntity.get('component:default/ledger-api')).toMatchObject({
      stale: false,
      signals: { stars: 11 },
    });
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        '1 kept their last good figures, marked stale: https://scm.example/acme/billing (not-found: Repository was deleted)',
      ),
    );
  });

  it('merges a partial read: new header figures, earlier pull requests kept, marked stale', async () => {
    const { provider, collector } = await setup();
    await collector.collect({ entities, now: first });
    provider.next = url => {
      const { pullRequests, issues, ...header } = signals(url, { stars: 12 });
      return {
        url,
        signals: header,
        error: { kind: 'rate-limited', message: 'Rate limited' },
        calls: 3,
      };
    };
    const byEntity = await collector.collect({ entities, now: second });
    const billing = byEntity.get('component:default/billing')!;
    expect(billing.stale).toBe(true);
    expect(billing.signals?.stars).toBe(12);
    expect(billing.signals?.pullRequests.map(p => p.number)).toEqual([1]);
    expect(billing.error?.kind).toBe('rate-limited');
  });

  it('keeps the page limit of what it keeps from a read, and drops it when a read reaches the window start', async () => {
    const { provider, collector } = await setup();
    provider.next = url => ({
      url,
      signals: signals(url, {
        readLimits: {
          pullRequestsFrom: '2026-03-01T00:00:00Z',
          issuesFrom: '2026-02-01T00:00:00Z',
        },
      }),
      calls: 2,
    });
    await collector.collect({ entities, now: first });
    // pull requests read again in full, issues failed (kept from the first read)
    provider.next = url => {
      const { issues, readLimits, ...rest } = signals(url);
      return {
        url,
        signals: rest,
        error: { kind: 'rate-limited', message: 'Rate limited' },
        calls: 2,
      };
    };
    const partial = await collector.collect({ entities, now: second });
    expect(
      partial.get('component:default/billing')!.signals?.readLimits,
    ).toEqual({ issuesFrom: '2026-02-01T00:00:00Z' });
    provider.next = url => ({ url, signals: signals(url), calls: 2 });
    const full = await collector.collect({
      entities,
      now: new Date('2026-11-24T11:00:00Z'),
    });
    expect(full.get('component:default/billing')!.signals).not.toHaveProperty(
      'readLimits',
    );
  });

  it('records a failure without figures when the first read fails, and a throwing provider fails all its reads', async () => {
    const { provider, collector } = await setup();
    provider.readRepositories = async () => {
      throw new Error('socket hang up');
    };
    const byEntity = await collector.collect({ entities, now: first });
    expect(byEntity.get('component:default/billing')).toEqual({
      url: 'https://scm.example/acme/billing',
      provider: 'fake',
      stale: true,
      error: {
        kind: 'unreachable',
        message: 'socket hang up',
        at: first.toISOString(),
      },
      calls: 0,
    });
  });

  it('stores organisation settings with checks and keeps them, stale, when a read fails', async () => {
    const { store, provider, collector } = await setup();
    provider.organizations = () => [
      {
        host: 'scm.example',
        organization: 'acme',
        calls: 1,
        settings: {
          provider: 'github',
          host: 'scm.example',
          organization: 'acme',
          url: 'https://scm.example/acme',
          defaultRepositoryPermission: 'write',
          membersCanCreateInternalRepositories: true,
          membersCanCreatePrivateRepositories: true,
          membersCanForkPrivateRepositories: false,
        },
      },
    ];
    await collector.collect({ entities, now: first });
    let [report] = await store.getOrganizations();
    expect(report.stale).toBe(false);
    expect(
      Object.fromEntries(
        report.checks.map(c => [c.id, `${c.status} ${c.actual}`]),
      ),
    ).toEqual({
      'org.base-permission': 'fail write',
      'org.create-internal': 'pass allowed',
      'org.create-private': 'pass allowed',
      'org.fork-private': 'fail not allowed',
    });

    provider.organizations = () => [
      {
        host: 'scm.example',
        organization: 'acme',
        calls: 1,
        error: { kind: 'auth-failed', message: 'Bad credentials' },
      },
    ];
    await collector.collect({ entities, now: second });
    [report] = await store.getOrganizations();
    expect(report).toMatchObject({
      stale: true,
      fetchedAt: first.toISOString(),
      error: { kind: 'auth-failed', message: 'Bad credentials' },
      settings: { defaultRepositoryPermission: 'write' },
    });
    expect(report.checks).toHaveLength(4);
  });
});
