import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { ScmReadOptions } from '@innersource-backstage/plugin-innersource-node';
import { delay, graphql, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { generateKeyPairSync } from 'node:crypto';
import {
  actors,
  FakeGithub,
  issue,
  pullRequest,
  rateLimitHeaders,
  repositoryHeader,
  START,
} from './__testUtils__/fakeGithub';
import {
  GithubScmProvider,
  GithubScmProviderOptions,
} from './GithubScmProvider';

const server = setupServer();
registerMswTestHooks(server);

const SINCE = new Date('2025-11-24T10:00:00Z');
const READ: ScmReadOptions = {
  since: SINCE,
  goodFirstIssueLabels: ['good first issue'],
  helpWantedLabels: ['help wanted'],
  goodFirstIssueLimit: 3,
};
const githubApi = graphql.link('https://api.github.com/graphql');

/**
 * An answer to a GraphQL request that is not GraphQL-shaped (REST-style rate-limit errors,
 * error pages, broken JSON), or carries GitHub's error `type`, which msw's types do not know.
 */
const raw = (response: Response): HttpResponse<any> =>
  response as HttpResponse<any>;

const locator = (fullPath: string, host = 'github.com') => ({
  url: `https://${host}/${fullPath}`,
  host,
  fullPath,
});

/**
 * A provider against a fake GitHub, with a fake clock: `sleep` advances it and records every
 * pause the HTTP client makes.
 */
function setup(
  options: {
    integrations?: object;
    provider?: Partial<GithubScmProviderOptions>;
    github?: FakeGithub;
  } = {},
) {
  let clock = START;
  const sleeps: number[] = [];
  const logger = mockServices.logger.mock();
  const github = options.github ?? new FakeGithub();
  server.use(...github.handlers());
  const config = new ConfigReader({
    integrations: options.integrations ?? {
      github: [{ host: 'github.com', token: 'ghp_token' }],
    },
  });
  const provider = new GithubScmProvider({
    integrations: ScmIntegrations.fromConfig(config),
    logger,
    ...options.provider,
    http: {
      sleep: async ms => {
        sleeps.push(ms);
        clock += ms;
      },
      now: () => clock,
      ...options.provider?.http,
    },
  });
  return { provider, github, sleeps, logger };
}

describe('GithubScmProvider', () => {
  describe('locate', () => {
    const { provider } = setup({
      integrations: {
        github: [
          { host: 'github.com', token: 't' },
          { host: 'ghe.acme.internal', token: 't' },
        ],
      },
    });

    it.each([
      ['https://github.com/acme/ledger', 'github.com', 'acme/ledger'],
      ['https://github.com/acme/ledger/', 'github.com', 'acme/ledger'],
      ['https://github.com/acme/ledger.git', 'github.com', 'acme/ledger'],
      [
        'https://github.com/acme/ledger/tree/main/packages/sdk',
        'github.com',
        'acme/ledger',
      ],
      [
        'https://github.com/acme/ledger/blob/main/catalog-info.yaml',
        'github.com',
        'acme/ledger',
      ],
      ['git@github.com:acme/ledger.git', 'github.com', 'acme/ledger'],
      ['ssh://git@github.com/acme/ledger.git', 'github.com', 'acme/ledger'],
      ['git+https://github.com/acme/ledger.git', 'github.com', 'acme/ledger'],
      [
        'https://ghe.acme.internal/platform/build-tools/tree/main/',
        'ghe.acme.internal',
        'platform/build-tools',
      ],
    ])('finds the repository of %s', (url, host, fullPath) => {
      expect(provider.locate(url)).toEqual({
        url: `https://${host}/${fullPath}`,
        host,
        fullPath,
      });
    });

    it.each([
      'https://gitlab.com/acme/ledger',
      'https://bitbucket.org/acme/ledger',
      'https://github.com/acme',
      'https://github.com/orgs/acme/teams',
      'file:///srv/git/ledger',
      'not a url',
    ])('leaves %s to other providers', url => {
      expect(provider.locate(url)).toBeUndefined();
    });
  });

  it('reads many repositories per batched query and maps the aliases back', async () => {
    const { provider, github, logger } = setup({ provider: { batchSize: 2 } });
    github.addRepository('acme/ledger', {
      header: repositoryHeader('acme/ledger', { stargazerCount: 31 }),
    });
    github.addRepository('acme/payments', {
      header: repositoryHeader('acme/payments', {
        stargazerCount: 7,
        visibility: 'PRIVATE',
        forkingAllowed: false,
      }),
    });
    github.addRepository('tools/lint-config', {
      header: repositoryHeader('tools/lint-config', {
        stargazerCount: 120,
        visibility: 'PUBLIC',
        isPrivate: false,
        // GitHub answers false for public repositories, which anyone may fork
        forkingAllowed: false,
      }),
    });

    const results = await provider.readRepositories(
      [
        locator('tools/lint-config'),
        locator('acme/ledger'),
        locator('acme/payments'),
      ],
      READ,
    );

    const batches = github.calls('InnerSourceRepositories');
    expect(batches).toHaveLength(2);
    expect(batches[0].variables).toMatchObject({
      o0: 'tools',
      n0: 'lint-config',
      o1: 'acme',
      n1: 'ledger',
    });
    expect(batches[0].variables.o2).toBeUndefined();
    expect(batches[1].variables).toMatchObject({ o0: 'acme', n0: 'payments' });
    // classic protection and short lists: nothing else to read
    expect(github.requests).toHaveLength(2);
    expect(
      results.map(r => [
        r.url,
        r.signals?.stars,
        r.signals?.visibility,
        r.signals?.forkingAllowed,
        r.calls,
        r.error,
      ]),
    ).toEqual([
      [
        'https://github.com/tools/lint-config',
        120,
        'public',
        true,
        1,
        undefined,
      ],
      ['https://github.com/acme/ledger', 31, 'internal', true, 1, undefined],
      ['https://github.com/acme/payments', 7, 'private', false, 1, undefined],
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'read 3 repositories with 2 API calls (2 for 2 batched queries',
      ),
    );
  });

  it('returns every field of a repository, with good first issues and help wanted counts', async () => {
    const { provider, github } = setup();
    const labelled = (number: number, createdAt: string, labels: string[]) => ({
      number,
      title: `Issue ${number}`,
      url: `https://github.com/acme/ledger/issues/${number}`,
      createdAt,
      labels: { nodes: labels.map(name => ({ name })) },
    });
    github.addRepository('acme/ledger', {
      header: repositoryHeader('acme/ledger', {
        description: 'Double-entry ledger SDK',
        stargazerCount: 42,
        forkCount: 9,
        watchers: { totalCount: 17 },
        openIssues: { totalCount: 23 },
        repositoryTopics: {
          nodes: [
            { topic: { name: 'inner-source' } },
            { topic: { name: 'sdk' } },
          ],
        },
        isArchived: true,
        defaultBranchRef: {
          name: 'trunk',
          branchProtectionRule: {
            requiresApprovingReviews: true,
            requiredApprovingReviewCount: 2,
          },
        },
      }),
      labelledIssues: [
        labelled(11, '2026-10-01T10:00:00Z', ['Good First Issue']),
        labelled(12, '2026-11-01T10:00:00Z', ['good first issue', 'docs']),
        labelled(13, '2026-09-01T10:00:00Z', ['beginner']),
        labelled(14, '2026-08-01T10:00:00Z', [
          'good first issue',
          'help wanted',
        ]),
        labelled(15, '2026-07-01T10:00:00Z', ['help wanted']),
        labelled(16, '2026-07-02T10:00:00Z', ['bug']),
      ],
    });

    const [result] = await provider.readRepositories([locator('acme/ledger')], {
      ...READ,
      goodFirstIssueLabels: ['good first issue', 'beginner'],
      goodFirstIssueLimit: 3,
    });

    expect(github.calls('InnerSourceRepositories')[0].variables).toMatchObject({
      goodFirstIssueLabels: ['good first issue', 'beginner'],
      helpWantedLabels: ['help wanted'],
      goodFirstIssueLimit: 3,
      withGoodFirstIssues: true,
      listGoodFirstIssues: true,
      withHelpWanted: true,
    });
    expect(result).toEqual({
      url: 'https://github.com/acme/ledger',
      calls: 1,
      signals: {
        provider: 'github',
        url: 'https://github.com/acme/ledger',
        stars: 42,
        forks: 9,
        watchers: 17,
        openIssues: 23,
        topics: ['inner-source', 'sdk'],
        description: 'Double-entry ledger SDK',
        visibility: 'internal',
        forkingAllowed: true,
        archived: true,
        defaultBranch: 'trunk',
        branchProtection: { protected: true, requiredApprovingReviews: 2 },
        createdAt: '2024-03-01T08:00:00Z',
        pushedAt: '2026-11-20T16:30:00Z',
        goodFirstIssues: {
          count: 4,
          helpWantedCount: 2,
          items: [
            {
              number: 12,
              title: 'Issue 12',
              url: 'https://github.com/acme/ledger/issues/12',
              labels: ['good first issue', 'docs'],
              createdAt: '2026-11-01T10:00:00Z',
            },
            expect.objectContaining({
              number: 11,
              labels: ['Good First Issue'],
            }),
            expect.objectContaining({ number: 13, labels: ['beginner'] }),
          ],
        },
        pullRequests: [],
        issues: [],
      },
    });
  });

  it('leaves the good-first-issue and help-wanted queries out when no labels are configured', async () => {
    const { provider, github } = setup();
    github.addRepository('acme/ledger', {
      labelledIssues: [
        {
          number: 1,
          title: 'x',
          url: 'https://github.com/acme/ledger/issues/1',
          createdAt: '2026-11-01T10:00:00Z',
          labels: { nodes: [{ name: 'help wanted' }] },
        },
      ],
    });
    const [result] = await provider.readRepositories([locator('acme/ledger')], {
      ...READ,
      goodFirstIssueLabels: [],
      helpWantedLabels: [],
    });
    expect(github.calls('InnerSourceRepositories')[0].variables).toMatchObject({
      withGoodFirstIssues: false,
      listGoodFirstIssues: false,
      withHelpWanted: false,
    });
    expect(result.signals?.goodFirstIssues).toEqual({
      count: 0,
      helpWantedCount: 0,
      items: [],
    });
  });

  it('pages through pull requests and issues newest first and stops at the window', async () => {
    const { provider, github } = setup({
      provider: { firstPageSize: 2, pageSize: 2 },
    });
    const path = 'acme/ledger';
    github.addRepository(path, {
      pullRequests: [
        pullRequest(path, 7, '2026-11-20T10:00:00Z'),
        pullRequest(path, 6, '2026-10-20T10:00:00Z', {
          state: 'MERGED',
          mergedAt: '2026-10-21T10:00:00Z',
          closedAt: '2026-10-21T10:00:00Z',
        }),
        pullRequest(path, 5, '2026-06-01T10:00:00Z', {
          state: 'CLOSED',
          closedAt: '2026-06-03T10:00:00Z',
        }),
        pullRequest(path, 4, '2026-01-01T10:00:00Z'),
        pullRequest(path, 3, '2025-11-25T10:00:00Z'),
        // before the window: the page that holds it is the last one read
        pullRequest(path, 2, '2025-11-01T10:00:00Z'),
        pullRequest(path, 1, '2025-01-01T10:00:00Z'),
        pullRequest(path, 0, '2024-01-01T10:00:00Z'),
      ],
      issues: [
        issue(path, 30, '2026-11-01T10:00:00Z'),
        issue(path, 20, '2026-05-01T10:00:00Z', {
          state: 'CLOSED',
          closedAt: '2026-05-02T10:00:00Z',
        }),
        issue(path, 10, '2026-02-01T10:00:00Z'),
      ],
    });

    const [result] = await provider.readRepositories([locator(path)], READ);

    const prPages = github.calls('InnerSourcePullRequests');
    expect(prPages.map(p => p.variables.after)).toEqual([
      Buffer.from('2').toString('base64'),
      Buffer.from('4').toString('base64'),
    ]);
    expect(prPages[0].variables).toMatchObject({
      owner: 'acme',
      name: 'ledger',
      pageSize: 2,
    });
    expect(github.calls('InnerSourceIssues')).toHaveLength(1);
    expect(result.error).toBeUndefined();
    expect(result.calls).toBe(1 + 2 + 1);
    expect(result.signals?.pullRequests?.map(p => [p.number, p.state])).toEqual(
      [
        [7, 'open'],
        [6, 'merged'],
        [5, 'closed'],
        [4, 'open'],
        [3, 'open'],
      ],
    );
    expect(result.signals?.pullRequests?.[1]).toMatchObject({
      mergedAt: '2026-10-21T10:00:00Z',
      closedAt: '2026-10-21T10:00:00Z',
    });
    expect(result.signals?.issues?.map(i => [i.number, i.state])).toEqual([
      [30, 'open'],
      [20, 'closed'],
      [10, 'open'],
    ]);
  });

  it('says how far back the read reached when the page limit stops it inside the window', async () => {
    const { provider, github, logger } = setup({
      provider: { firstPageSize: 2, pageSize: 2, maxPages: 1 },
    });
    const path = 'acme/ledger';
    github.addRepository(path, {
      pullRequests: [
        pullRequest(path, 7, '2026-11-20T10:00:00Z'),
        pullRequest(path, 6, '2026-10-20T10:00:00Z'),
        pullRequest(path, 5, '2026-06-01T10:00:00Z'),
        pullRequest(path, 4, '2026-01-01T10:00:00Z'),
        // in the window, but past the page limit
        pullRequest(path, 3, '2025-12-25T10:00:00Z'),
      ],
      issues: [issue(path, 30, '2026-11-01T10:00:00Z')],
    });

    const [result] = await provider.readRepositories([locator(path)], READ);

    expect(result.signals?.pullRequests?.map(p => p.number)).toEqual([
      7, 6, 5, 4,
    ]);
    expect(result.signals?.readLimits).toEqual({
      pullRequestsFrom: '2026-01-01T10:00:00Z',
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('older ones are left out'),
    );
  });

  it('leaves the read limits out when the read reached the start of the window', async () => {
    const { provider, github } = setup({
      provider: { firstPageSize: 2, pageSize: 2, maxPages: 1 },
    });
    const path = 'acme/ledger';
    github.addRepository(path, {
      pullRequests: [
        pullRequest(path, 2, '2026-11-20T10:00:00Z'),
        pullRequest(path, 1, '2026-10-20T10:00:00Z'),
      ],
    });
    const [result] = await provider.readRepositories([locator(path)], READ);
    expect(result.signals?.pullRequests).toHaveLength(2);
    expect(result.signals?.readLimits).toBeUndefined();
  });

  it('returns authors and the earliest responses with bot flags', async () => {
    const { provider, github } = setup();
    const path = 'acme/ledger';
    github.addRepository(path, {
      pullRequests: [
        pullRequest(path, 2, '2026-11-01T10:00:00Z', {
          author: actors.user('alice'),
          comments: {
            nodes: [
              {
                createdAt: '2026-11-01T10:05:00Z',
                author: actors.bot('codecov'),
              },
              {
                createdAt: '2026-11-02T09:00:00Z',
                author: actors.user('alice'),
              },
              { createdAt: '2026-11-03T09:00:00Z', author: null },
            ],
          },
          reviews: {
            nodes: [
              {
                submittedAt: '2026-11-01T15:00:00Z',
                createdAt: '2026-11-01T14:00:00Z',
                author: actors.user('carol'),
              },
              // a pending review has not been submitted: not a response
              {
                submittedAt: null,
                createdAt: '2026-11-01T11:00:00Z',
                author: actors.user('dave'),
              },
            ],
          },
        }),
        pullRequest(path, 1, '2026-10-01T10:00:00Z', {
          author: actors.bot('dependabot'),
        }),
      ],
      issues: [
        issue(path, 9, '2026-09-01T10:00:00Z', {
          author: null,
          comments: {
            nodes: [
              {
                createdAt: '2026-09-02T10:00:00Z',
                author: actors.user('erin'),
              },
            ],
          },
        }),
      ],
    });

    const [result] = await provider.readRepositories([locator(path)], READ);

    expect(result.signals?.pullRequests).toEqual([
      {
        number: 2,
        url: 'https://github.com/acme/ledger/pull/2',
        authorLogin: 'alice',
        createdAt: '2026-11-01T10:00:00Z',
        state: 'open',
        responses: [
          { login: 'codecov', at: '2026-11-01T10:05:00Z', bot: true },
          { login: 'carol', at: '2026-11-01T15:00:00Z' },
          { login: 'alice', at: '2026-11-02T09:00:00Z' },
          { login: 'ghost', at: '2026-11-03T09:00:00Z' },
        ],
      },
      expect.objectContaining({
        number: 1,
        authorLogin: 'dependabot',
        authorIsBot: true,
        responses: [],
      }),
    ]);
    expect(result.signals?.issues).toEqual([
      {
        number: 9,
        url: 'https://github.com/acme/ledger/issues/9',
        createdAt: '2026-09-01T10:00:00Z',
        state: 'open',
        responses: [{ login: 'erin', at: '2026-09-02T10:00:00Z' }],
      },
    ]);
  });

  describe('branch protection', () => {
    const withoutClassicRule = (path: string) =>
      repositoryHeader(path, {
        defaultBranchRef: { name: 'main', branchProtectionRule: null },
      });

    it('reads the rules of rulesets when there is no classic rule, conditionally', async () => {
      const { provider, github } = setup();
      const rules = [
        {
          type: 'deletion',
          ruleset_source_type: 'Organization',
          ruleset_source: 'acme',
          ruleset_id: 4,
        },
        {
          type: 'pull_request',
          parameters: {
            dismiss_stale_reviews_on_push: true,
            require_code_owner_review: false,
            require_last_push_approval: false,
            required_approving_review_count: 2,
            required_review_thread_resolution: false,
          },
          ruleset_source_type: 'Repository',
          ruleset_source: 'acme/ledger',
          ruleset_id: 7,
        },
      ];
      github.addRepository('acme/ledger', {
        header: withoutClassicRule('acme/ledger'),
        rules,
      });
      github.addRepository('acme/open', {
        header: withoutClassicRule('acme/open'),
        rules: [],
      });

      const first = await provider.readRepositories(
        [locator('acme/ledger'), locator('acme/open')],
        READ,
      );
      const second = await provider.readRepositories(
        [locator('acme/ledger'), locator('acme/open')],
        READ,
      );

      for (const results of [first, second]) {
        expect(
          results.map(r => [r.signals?.branchProtection, r.calls]),
        ).toEqual([
          [{ protected: true, requiredApprovingReviews: 2 }, 2],
          [{ protected: false, requiredApprovingReviews: 0 }, 2],
        ]);
      }
      const ruleCalls = github.calls('rules');
      expect(ruleCalls.map(c => new URL(c.url).pathname)).toEqual([
        '/repos/acme/ledger/rules/branches/main',
        '/repos/acme/open/rules/branches/main',
        '/repos/acme/ledger/rules/branches/main',
        '/repos/acme/open/rules/branches/main',
      ]);
      expect(ruleCalls[0].headers.get('if-none-match')).toBeNull();
      // the second refresh asks with the ETag and gets 304, which costs no rate limit
      expect(ruleCalls[2].headers.get('if-none-match')).toMatch(/^W\/"/);
    });

    it('leaves protection undefined when the token may not read it', async () => {
      const { provider, github } = setup();
      github.addRepository('acme/ledger', {
        header: withoutClassicRule('acme/ledger'),
        rules: {
          status: 403,
          body: {
            message: 'Resource not accessible by integration',
            documentation_url:
              'https://docs.github.com/rest/repos/rules#get-rules-for-a-branch',
          },
        },
      });
      github.addRepository('acme/payments', {
        protectionForbidden: true,
        rules: [],
      });
      github.addRepository('acme/ruled', {
        protectionForbidden: true,
        rules: [
          {
            type: 'pull_request',
            parameters: { required_approving_review_count: 1 },
          },
        ],
      });

      const results = await provider.readRepositories(
        [
          locator('acme/ledger'),
          locator('acme/payments'),
          locator('acme/ruled'),
        ],
        READ,
      );

      for (const result of results.slice(0, 2)) {
        expect(result.error).toBeUndefined();
        // present and undefined: "could not be read", not "keep the last value"
        expect(result.signals).toHaveProperty('branchProtection', undefined);
        expect(result.signals?.stars).toBe(10);
      }
      // a ruleset the token can see still shows the branch is protected
      expect(results[2].signals?.branchProtection).toEqual({
        protected: true,
        requiredApprovingReviews: 1,
      });
    });

    it('reports a ruleset read that failed as a partial read', async () => {
      const { provider, github } = setup();
      github.addRepository('acme/ledger', {
        header: withoutClassicRule('acme/ledger'),
      });
      server.use(
        http.get(
          'https://api.github.com/repos/:owner/:repo/rules/branches/:branch',
          () => new HttpResponse('upstream timeout', { status: 504 }),
        ),
      );
      const [result] = await provider.readRepositories(
        [locator('acme/ledger')],
        READ,
      );
      expect(result.error?.kind).toBe('server-error');
      expect(result.signals).not.toHaveProperty('branchProtection');
      expect(result.signals?.pullRequests).toEqual([]);
      expect(result.calls).toBe(1 + 3);
    });

    it('has no protection to read in an empty repository', async () => {
      const { provider, github } = setup();
      github.addRepository('acme/empty', {
        header: repositoryHeader('acme/empty', {
          defaultBranchRef: null,
          pushedAt: null,
        }),
      });
      const [result] = await provider.readRepositories(
        [locator('acme/empty')],
        READ,
      );
      expect(result.error).toBeUndefined();
      expect(result.signals).toHaveProperty('branchProtection', undefined);
      expect(result.signals?.defaultBranch).toBeUndefined();
      expect(github.calls('rules')).toHaveLength(0);
    });
  });

  it('reads GitHub Enterprise Server through its /api/graphql and /api/v3 URLs', async () => {
    const github = new FakeGithub({
      graphqlUrl: 'https://ghe.acme.internal/api/graphql',
      restBaseUrl: 'https://ghe.acme.internal/api/v3',
    });
    const { provider } = setup({
      github,
      integrations: {
        github: [{ host: 'ghe.acme.internal', token: 'ghe_token' }],
      },
    });
    github.addRepository('platform/build-tools', {
      header: repositoryHeader(
        'platform/build-tools',
        { defaultBranchRef: { name: 'main', branchProtectionRule: null } },
        'ghe.acme.internal',
      ),
      rules: [],
    });

    const located = provider.locate(
      'https://ghe.acme.internal/platform/build-tools/blob/main/README.md',
    )!;
    const [result] = await provider.readRepositories([located], READ);

    expect(result.error).toBeUndefined();
    expect(result.url).toBe('https://ghe.acme.internal/platform/build-tools');
    expect(github.requests.map(r => r.url)).toEqual([
      'https://ghe.acme.internal/api/graphql',
      'https://ghe.acme.internal/api/v3/repos/platform/build-tools/rules/branches/main?per_page=100',
    ]);
    for (const request of github.requests) {
      expect(request.headers.get('authorization')).toBe('Bearer ghe_token');
      // older Enterprise Server versions reject unknown API versions
      expect(request.headers.get('x-github-api-version')).toBeNull();
    }
  });

  it('sends the token of the integration to github.com', async () => {
    const { provider, github } = setup();
    github.addRepository('acme/ledger');
    await provider.readRepositories([locator('acme/ledger')], READ);
    const [request] = github.requests;
    expect(request.headers.get('authorization')).toBe('Bearer ghp_token');
    expect(request.headers.get('x-github-api-version')).toBe('2022-11-28');
  });

  it('sends the installation token of a GitHub App', async () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const appCalls: string[] = [];
    server.use(
      http.get('https://api.github.com/app/installations', ({ request }) => {
        appCalls.push(`installations ${request.headers.get('authorization')}`);
        return HttpResponse.json([
          {
            id: 4242,
            account: { login: 'acme', type: 'Organization' },
            repository_selection: 'all',
            suspended_by: null,
          },
        ]);
      }),
      http.post(
        'https://api.github.com/app/installations/4242/access_tokens',
        () => {
          appCalls.push('access token');
          return HttpResponse.json(
            {
              token: 'ghs_installation_token',
              expires_at: new Date(Date.now() + 3_600_000).toISOString(),
              permissions: { metadata: 'read', issues: 'read' },
              repository_selection: 'all',
            },
            { status: 201 },
          );
        },
      ),
    );
    const { provider, github } = setup({
      integrations: {
        github: [
          {
            host: 'github.com',
            apps: [
              {
                appId: 123,
                clientId: 'Iv1.abc',
                clientSecret: 'secret',
                webhookSecret: 'hook',
                privateKey,
              },
            ],
          },
        ],
      },
    });
    github.addRepository('acme/ledger');
    github.addRepository('acme/payments');

    const results = await provider.readRepositories(
      [locator('acme/ledger'), locator('acme/payments')],
      READ,
    );

    expect(results.map(r => r.error)).toEqual([undefined, undefined]);
    expect(appCalls).toEqual([
      expect.stringMatching(/^installations bearer \S+\.\S+\.\S+$/i),
      'access token',
    ]);
    // one installation token for the owner, one batched query for both repositories
    expect(github.requests).toHaveLength(1);
    expect(github.requests[0].headers.get('authorization')).toBe(
      'Bearer ghs_installation_token',
    );
  });

  describe('rate limits and failures', () => {
    it('waits for the reset of a spent primary limit and retries', async () => {
      const { provider, github, sleeps, logger } = setup();
      github.addRepository('acme/ledger');
      github.addRepository('acme/payments');
      server.use(
        githubApi.query(
          'InnerSourceRepositories',
          () =>
            raw(
              HttpResponse.json(
                {
                  message: 'API rate limit exceeded for user ID 1.',
                  documentation_url:
                    'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
                },
                {
                  status: 403,
                  headers: rateLimitHeaders('graphql', 0, START + 120_000),
                },
              ),
            ),
          { once: true },
        ),
      );

      const results = await provider.readRepositories(
        [locator('acme/ledger'), locator('acme/payments')],
        READ,
      );

      expect(sleeps).toEqual([121_000]);
      expect(github.calls('InnerSourceRepositories')).toHaveLength(1);
      expect(results.map(r => [r.error, r.signals?.stars, r.calls])).toEqual([
        [undefined, 10, 1],
        [undefined, 10, 1],
      ]);
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringContaining(
          'with 2 API calls (2 for 1 batched queries, 0 for further pages of pull requests and issues, 0 for rulesets), at most 1 for https://github.com/acme/ledger; waited 1 times for rate limits (121 s)',
        ),
      );
    });

    it('waits when GraphQL answers RATE_LIMITED with HTTP 200', async () => {
      const { provider, github, sleeps } = setup();
      github.addRepository('acme/ledger');
      server.use(
        githubApi.query(
          'InnerSourceRepositories',
          () =>
            raw(
              HttpResponse.json(
                {
                  errors: [
                    {
                      type: 'RATE_LIMITED',
                      message: 'API rate limit already exceeded for user ID 1.',
                    },
                  ],
                },
                { headers: rateLimitHeaders('graphql', 0, START + 300_000) },
              ),
            ),
          { once: true },
        ),
      );
      const [result] = await provider.readRepositories(
        [locator('acme/ledger')],
        READ,
      );
      expect(sleeps).toEqual([301_000]);
      expect(result.error).toBeUndefined();
      expect(result.calls).toBe(2);
    });

    it('waits for retry-after on a secondary limit', async () => {
      const { provider, github, sleeps } = setup();
      github.addRepository('acme/ledger');
      server.use(
        githubApi.query(
          'InnerSourceRepositories',
          () =>
            raw(
              HttpResponse.json(
                {
                  message:
                    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
                },
                {
                  status: 403,
                  headers: {
                    ...rateLimitHeaders('graphql', 4000),
                    'retry-after': '60',
                  },
                },
              ),
            ),
          { once: true },
        ),
      );
      const [result] = await provider.readRepositories(
        [locator('acme/ledger')],
        READ,
      );
      expect(sleeps).toEqual([60_000]);
      expect(result.error).toBeUndefined();
      expect(result.calls).toBe(2);
    });

    it('gives up when the limit resets after the longest wait, without further calls', async () => {
      const { provider, sleeps } = setup({
        provider: { batchSize: 1, http: { maxWaitMs: 15 * 60_000 } },
      });
      let calls = 0;
      server.use(
        githubApi.query('InnerSourceRepositories', () => {
          calls += 1;
          return raw(
            HttpResponse.json(
              { message: 'API rate limit exceeded for user ID 1.' },
              {
                status: 403,
                headers: rateLimitHeaders('graphql', 0, START + 3_600_000),
              },
            ),
          );
        }),
      );
      const results = await provider.readRepositories(
        [locator('acme/ledger'), locator('acme/payments')],
        READ,
      );
      expect(results.map(r => [r.error?.kind, r.calls])).toEqual([
        ['rate-limited', 1],
        // the client knows the budget is spent: it does not ask again
        ['rate-limited', 0],
      ]);
      expect(calls).toBe(1);
      expect(sleeps).toEqual([]);
    });

    it('retries a server error', async () => {
      const { provider, github, sleeps } = setup();
      github.addRepository('acme/ledger');
      server.use(
        githubApi.query(
          'InnerSourceRepositories',
          () =>
            raw(new HttpResponse('<h1>502 Bad Gateway</h1>', { status: 502 })),
          { once: true },
        ),
      );
      const [result] = await provider.readRepositories(
        [locator('acme/ledger')],
        READ,
      );
      expect(result.error).toBeUndefined();
      expect(result.signals?.stars).toBe(10);
      expect(result.calls).toBe(2);
      expect(sleeps).toEqual([500]);
    });

    it('reports a server error that persists', async () => {
      const { provider } = setup();
      server.use(
        githubApi.query('InnerSourceRepositories', () =>
          raw(HttpResponse.json({ message: 'Server Error' }, { status: 500 })),
        ),
      );
      const [result] = await provider.readRepositories(
        [locator('acme/ledger')],
        READ,
      );
      expect(result.signals).toBeUndefined();
      expect(result.error?.kind).toBe('server-error');
      expect(result.calls).toBe(3);
    });

    it('reports a timeout', async () => {
      const { provider } = setup({
        provider: { http: { timeoutMs: 50, maxRetries: 1 } },
      });
      let calls = 0;
      server.use(
        githubApi.query('InnerSourceRepositories', async () => {
          calls += 1;
          await delay(400);
          return HttpResponse.json({ data: {} });
        }),
      );
      const [result] = await provider.readRepositories(
        [locator('acme/ledger')],
        READ,
      );
      expect(result.error?.kind).toBe('timeout');
      expect(result.calls).toBe(2);
      expect(calls).toBe(2);
    });

    it('reports malformed JSON', async () => {
      const { provider } = setup();
      server.use(
        githubApi.query('InnerSourceRepositories', () =>
          raw(
            new HttpResponse('{"data": {"r0": {"url": "https://github.com/ac', {
              headers: { 'content-type': 'application/json' },
            }),
          ),
        ),
      );
      const [result] = await provider.readRepositories(
        [locator('acme/ledger')],
        READ,
      );
      expect(result.error?.kind).toBe('malformed-response');
      expect(result.calls).toBe(1);
    });

    it('reports a deleted repository and reads the rest of its batch', async () => {
      const { provider, github } = setup();
      github.addRepository('acme/ledger', {
        header: repositoryHeader('acme/ledger', { stargazerCount: 5 }),
      });
      github.addRepository('acme/payments', {
        header: repositoryHeader('acme/payments', { stargazerCount: 8 }),
      });

      const results = await provider.readRepositories(
        [
          locator('acme/ledger'),
          locator('acme/renamed-away'),
          locator('acme/payments'),
        ],
        READ,
      );

      expect(github.calls('InnerSourceRepositories')).toHaveLength(1);
      expect(
        results.map(r => [r.url, r.signals?.stars, r.error?.kind]),
      ).toEqual([
        ['https://github.com/acme/ledger', 5, undefined],
        ['https://github.com/acme/renamed-away', undefined, 'not-found'],
        ['https://github.com/acme/payments', 8, undefined],
      ]);
      expect(results[1].error?.message).toBe(
        "Could not resolve to a Repository with the name 'acme/renamed-away'.",
      );
    });

    it('returns what it read when further pages fail', async () => {
      const { provider, github } = setup({
        provider: { firstPageSize: 1, pageSize: 1 },
      });
      const path = 'acme/ledger';
      github.addRepository(path, {
        pullRequests: [
          pullRequest(path, 2, '2026-11-01T10:00:00Z'),
          pullRequest(path, 1, '2026-10-01T10:00:00Z'),
        ],
        issues: [issue(path, 5, '2026-11-01T10:00:00Z')],
      });
      server.use(
        githubApi.query('InnerSourcePullRequests', () =>
          raw(new HttpResponse('Service Unavailable', { status: 503 })),
        ),
      );

      const [result] = await provider.readRepositories([locator(path)], READ);

      expect(result.error).toEqual({
        kind: 'server-error',
        message: expect.stringContaining('HTTP 503 after 3 attempts'),
      });
      expect(result.signals).not.toHaveProperty('pullRequests');
      expect(result.signals?.issues?.map(i => i.number)).toEqual([5]);
      expect(result.signals?.stars).toBe(10);
      expect(result.calls).toBe(1 + 3);
    });

    it('reports a failed credential lookup per owner', async () => {
      const { provider, github } = setup({
        provider: {
          credentialsProvider: {
            getCredentials: async ({ url }) => {
              if (url.endsWith('/locked')) {
                throw new Error(
                  'The GitHub application for locked is suspended',
                );
              }
              return {
                type: 'token',
                token: 't',
                headers: { Authorization: 'Bearer t' },
              };
            },
          },
        },
      });
      github.addRepository('acme/ledger');
      const results = await provider.readRepositories(
        [locator('locked/vault'), locator('acme/ledger')],
        READ,
      );
      expect(results.map(r => [r.error?.kind, r.calls])).toEqual([
        ['auth-failed', 0],
        [undefined, 1],
      ]);
      expect(results[0].error?.message).toContain('is suspended');
    });
  });

  describe('readOrganizations', () => {
    it('reads the settings of the configured organisations, conditionally', async () => {
      const github = new FakeGithub();
      server.use(...github.handlers());
      const ghe = new FakeGithub({
        graphqlUrl: 'https://ghe.acme.internal/api/graphql',
        restBaseUrl: 'https://ghe.acme.internal/api/v3',
      });
      server.use(...ghe.handlers());
      github.organizations.set('acme', {
        login: 'acme',
        id: 1,
        url: 'https://api.github.com/orgs/acme',
        html_url: 'https://github.com/acme',
        name: 'ACME',
        type: 'Organization',
        default_repository_permission: 'read',
        members_can_create_repositories: true,
        members_can_create_public_repositories: false,
        members_can_create_private_repositories: true,
        members_can_create_internal_repositories: true,
        members_can_fork_private_repositories: false,
      });
      // what a token without admin:org sees
      github.organizations.set('neighbours', {
        login: 'neighbours',
        id: 2,
        html_url: 'https://github.com/neighbours',
        type: 'Organization',
      });
      ghe.organizations.set('platform', {
        login: 'platform',
        html_url: 'https://ghe.acme.internal/platform',
        default_repository_permission: 'none',
        members_can_fork_private_repositories: true,
      });
      const logger = mockServices.logger.mock();
      const provider = GithubScmProvider.fromConfig(
        new ConfigReader({
          integrations: {
            github: [
              { host: 'github.com', token: 'ghp_token' },
              { host: 'ghe.acme.internal', token: 'ghe_token' },
            ],
          },
          innersource: {
            scm: {
              github: {
                organizations: [
                  { name: 'acme' },
                  { name: 'neighbours' },
                  { host: 'ghe.acme.internal', name: 'platform' },
                  { name: 'gone' },
                  { host: 'gitea.acme.internal', name: 'elsewhere' },
                ],
              },
            },
          },
        }),
        { logger },
      );

      const first = await provider.readOrganizations();
      const second = await provider.readOrganizations();

      expect(first).toEqual([
        {
          host: 'github.com',
          organization: 'acme',
          calls: 1,
          settings: {
            provider: 'github',
            host: 'github.com',
            organization: 'acme',
            url: 'https://github.com/acme',
            defaultRepositoryPermission: 'read',
            membersCanCreatePrivateRepositories: true,
            membersCanCreateInternalRepositories: true,
            membersCanCreatePublicRepositories: false,
            membersCanForkPrivateRepositories: false,
          },
        },
        {
          host: 'github.com',
          organization: 'neighbours',
          calls: 1,
          settings: {
            provider: 'github',
            host: 'github.com',
            organization: 'neighbours',
            url: 'https://github.com/neighbours',
          },
        },
        {
          host: 'ghe.acme.internal',
          organization: 'platform',
          calls: 1,
          settings: expect.objectContaining({
            url: 'https://ghe.acme.internal/platform',
            defaultRepositoryPermission: 'none',
            membersCanForkPrivateRepositories: true,
          }),
        },
        {
          host: 'github.com',
          organization: 'gone',
          calls: 1,
          error: {
            kind: 'not-found',
            message:
              'https://api.github.com/orgs/gone was not found (HTTP 404)',
          },
        },
        {
          host: 'gitea.acme.internal',
          organization: 'elsewhere',
          calls: 0,
          error: {
            kind: 'unreachable',
            message: 'integrations.github has no entry for gitea.acme.internal',
          },
        },
      ]);
      expect(second).toEqual(first);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('gitea.acme.internal/elsewhere'),
      );
      const acmeCalls = github
        .calls('org')
        .filter(c => c.url.endsWith('/orgs/acme'));
      expect(acmeCalls).toHaveLength(2);
      expect(acmeCalls[0].headers.get('if-none-match')).toBeNull();
      expect(acmeCalls[1].headers.get('if-none-match')).toMatch(/^W\/"/);
      expect(ghe.calls('org')[0].headers.get('authorization')).toBe(
        'Bearer ghe_token',
      );
    });
  });
});
