import { createHash } from 'node:crypto';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader, JsonObject } from '@backstage/config';
import { ScmReadOptions } from '@innersource-backstage/plugin-innersource-node';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { GitlabScmProvider } from './GitlabScmProvider';

// A fake GitLab REST v4 API, shaped like gitlab.com's answers: offset pagination with X-Total,
// X-Next-Page and Link headers, RateLimit-* headers on every answer, filters on created_after,
// state and labels (a comma-separated `labels` means all of them).

const T0 = Date.parse('2026-06-01T00:00:00.000Z');
const SINCE = new Date('2025-06-01T00:00:00.000Z');
const GITLAB_API = 'https://gitlab.com/api/v4';
const ACME_API = 'https://gitlab.acme.internal/gitlab/api/v4';

interface FakeUser {
  username: string;
  bot?: boolean;
}

interface FakeItem {
  iid: number;
  title?: string;
  state: string;
  created_at: string;
  merged_at?: string | null;
  closed_at?: string | null;
  author: FakeUser;
  labels?: string[];
  user_notes_count: number;
}

interface FakeNote {
  author: FakeUser;
  created_at: string;
  system?: boolean;
}

interface FakeProject {
  /** Overrides of the `GET /projects/:id` answer. */
  project?: Record<string, unknown>;
  protectedBranches?: Array<Record<string, unknown>> | number;
  approvalRules?: Array<Record<string, unknown>> | number;
  mergeRequests?: FakeItem[];
  issues?: FakeItem[];
  /** Notes by `!iid` (merge requests) and `#iid` (issues). */
  notes?: Record<string, FakeNote[]>;
}

let remaining = 2000;
function rateLimitHeaders(): Record<string, string> {
  remaining -= 1;
  return {
    'RateLimit-Limit': '2000',
    'RateLimit-Observed': String(2000 - remaining),
    'RateLimit-Remaining': String(remaining),
    'RateLimit-Reset': String(Math.floor(T0 / 1000) + 60),
  };
}

function user(fake: FakeUser, id = 1) {
  return {
    id,
    username: fake.username,
    name: fake.username,
    state: 'active',
    locked: false,
    avatar_url: `https://secure.gravatar.com/avatar/${id}`,
    web_url: `https://gitlab.com/${fake.username}`,
    ...(fake.bot === undefined ? {} : { bot: fake.bot }),
  };
}

function projectJson(fullPath: string, base: string, overrides = {}) {
  const path = fullPath.split('/').pop()!;
  return {
    id: 278964,
    description: 'Double-entry ledger shared by the payment services',
    name: path,
    name_with_namespace: fullPath.split('/').join(' / '),
    path,
    path_with_namespace: fullPath,
    created_at: '2024-03-01T10:00:00.000Z',
    default_branch: 'main',
    tag_list: ['innersource', 'payments'],
    topics: ['innersource', 'payments'],
    ssh_url_to_repo: `git@gitlab.com:${fullPath}.git`,
    http_url_to_repo: `${base}/${fullPath}.git`,
    web_url: `${base}/${fullPath}`,
    readme_url: `${base}/${fullPath}/-/blob/main/README.md`,
    forks_count: 4,
    star_count: 31,
    last_activity_at: '2026-05-30T12:00:00.000Z',
    namespace: { id: 5, full_path: fullPath.split('/').slice(0, -1).join('/') },
    visibility: 'internal',
    archived: false,
    issues_enabled: true,
    merge_requests_enabled: true,
    open_issues_count: 17,
    issues_access_level: 'enabled',
    merge_requests_access_level: 'enabled',
    forking_access_level: 'enabled',
    permissions: { project_access: null, group_access: { access_level: 20 } },
    ...overrides,
  };
}

function itemJson(item: FakeItem, kind: 'mr' | 'issue', web: string) {
  return {
    id: 100000 + item.iid,
    iid: item.iid,
    project_id: 278964,
    title: item.title ?? `Item ${item.iid}`,
    description: '',
    state: item.state,
    created_at: item.created_at,
    updated_at: item.created_at,
    closed_at: item.closed_at ?? null,
    ...(kind === 'mr'
      ? {
          merged_at: item.merged_at ?? null,
          target_branch: 'main',
          source_branch: `feature-${item.iid}`,
          draft: false,
          merge_status: 'can_be_merged',
        }
      : { labels: item.labels ?? [], type: 'ISSUE', confidential: false }),
    author: user(item.author, item.iid),
    user_notes_count: item.user_notes_count,
    web_url: `${web}/-/${kind === 'mr' ? 'merge_requests' : 'issues'}/${
      item.iid
    }`,
  };
}

/** Offset pagination the way GitLab answers it. */
function paginate(request: Request, items: unknown[]) {
  const url = new URL(request.url);
  const page = Number(url.searchParams.get('page') ?? '1');
  const perPage = Number(url.searchParams.get('per_page') ?? '20');
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const pageUrl = (p: number) => {
    const link = new URL(url);
    link.searchParams.set('page', String(p));
    return link.toString();
  };
  const links = [
    ...(page < totalPages ? [`<${pageUrl(page + 1)}>; rel="next"`] : []),
    `<${pageUrl(1)}>; rel="first"`,
    `<${pageUrl(totalPages)}>; rel="last"`,
  ];
  return HttpResponse.json(
    items.slice((page - 1) * perPage, page * perPage) as any,
    {
      headers: {
        ...rateLimitHeaders(),
        Link: links.join(', '),
        'X-Page': String(page),
        'X-Per-Page': String(perPage),
        'X-Total': String(items.length),
        'X-Total-Pages': String(totalPages),
        'X-Next-Page': page < totalPages ? String(page + 1) : '',
        'X-Prev-Page': page > 1 ? String(page - 1) : '',
      },
    },
  );
}

function gitlab(options: {
  api: string;
  web: string;
  projects: Record<string, FakeProject>;
  /** Like an old GitLab that ignores `created_after`. */
  ignoreCreatedAfter?: boolean;
}) {
  const { api, web, projects } = options;
  const find = (id: unknown) => projects[decodeURIComponent(String(id))];
  const notFound = () =>
    HttpResponse.json(
      { message: '404 Project Not Found' },
      { status: 404, headers: rateLimitHeaders() },
    );
  const forbidden = (status: number) =>
    HttpResponse.json(
      { message: status === 403 ? '403 Forbidden' : '404 Not found' },
      { status, headers: rateLimitHeaders() },
    );
  const listed = (
    request: Request,
    id: unknown,
    items: FakeItem[],
    kind: 'mr' | 'issue',
  ) => {
    const url = new URL(request.url);
    const after = url.searchParams.get('created_after');
    const state = url.searchParams.get('state');
    const labels = url.searchParams.get('labels')?.split(',');
    const selected = items
      .filter(
        i =>
          !after ||
          options.ignoreCreatedAfter ||
          Date.parse(i.created_at) >= Date.parse(after),
      )
      .filter(i => !state || state === 'all' || i.state === state)
      .filter(
        i =>
          !labels ||
          labels.every(l =>
            (i.labels ?? []).some(x => x.toLowerCase() === l.toLowerCase()),
          ),
      )
      .sort((a, b) => b.created_at.localeCompare(a.created_at))
      .map(i => itemJson(i, kind, `${web}/${decodeURIComponent(String(id))}`));
    return paginate(request, selected);
  };
  const notes =
    (prefix: '!' | '#') =>
    ({ params, request }: { params: any; request: Request }) => {
      const project = find(params.id);
      if (!project) return notFound();
      const list = (project.notes?.[`${prefix}${params.iid}`] ?? [])
        .map((note, index) => ({
          id: 5000 + index,
          type: null,
          body: note.system ? 'added ~123 label' : 'Looks good',
          attachment: null,
          author: user(note.author, 10 + index),
          created_at: note.created_at,
          updated_at: note.created_at,
          system: note.system ?? false,
          noteable_id: 1,
          noteable_type: prefix === '!' ? 'MergeRequest' : 'Issue',
          noteable_iid: Number(params.iid),
          resolvable: false,
          confidential: false,
          internal: false,
        }))
        .sort((a, b) => a.created_at.localeCompare(b.created_at));
      return paginate(request, list);
    };

  return [
    http.get(`${api}/projects/:id`, ({ params, request }) => {
      const project = find(params.id);
      if (!project) return notFound();
      const body = projectJson(
        decodeURIComponent(String(params.id)),
        web,
        project.project,
      );
      const etag = `W/"${createHash('sha1')
        .update(JSON.stringify(body))
        .digest('hex')}"`;
      if (request.headers.get('if-none-match') === etag) {
        return new HttpResponse(null, {
          status: 304,
          headers: { ...rateLimitHeaders(), ETag: etag },
        });
      }
      return HttpResponse.json(body, {
        headers: { ...rateLimitHeaders(), ETag: etag },
      });
    }),
    http.get(
      `${api}/projects/:id/protected_branches`,
      ({ params, request }) => {
        const project = find(params.id);
        if (!project) return notFound();
        const branches = project.protectedBranches ?? [];
        if (typeof branches === 'number') return forbidden(branches);
        return paginate(
          request,
          branches.map((b, i) => ({
            id: i + 1,
            push_access_levels: [
              { access_level: 40, access_level_description: 'Maintainers' },
            ],
            merge_access_levels: [
              {
                access_level: 30,
                access_level_description: 'Developers + Maintainers',
              },
            ],
            allow_force_push: false,
            code_owner_approval_required: false,
            ...b,
          })),
        );
      },
    ),
    http.get(`${api}/projects/:id/approval_rules`, ({ params, request }) => {
      const project = find(params.id);
      if (!project) return notFound();
      const rules = project.approvalRules ?? [];
      if (typeof rules === 'number') return forbidden(rules);
      return paginate(request, rules);
    }),
    http.get(`${api}/projects/:id/merge_requests`, ({ params, request }) => {
      const project = find(params.id);
      if (!project) return notFound();
      return listed(request, params.id, project.mergeRequests ?? [], 'mr');
    }),
    http.get(`${api}/projects/:id/issues`, ({ params, request }) => {
      const project = find(params.id);
      if (!project) return notFound();
      return listed(request, params.id, project.issues ?? [], 'issue');
    }),
    http.get(`${api}/projects/:id/merge_requests/:iid/notes`, notes('!')),
    http.get(`${api}/projects/:id/issues/:iid/notes`, notes('#')),
  ];
}

const server = setupServer();
registerMswTestHooks(server);

let requests: Request[] = [];
server.events.on('request:start', ({ request }) => {
  requests.push(request);
});
const paths = () =>
  requests.map(r => {
    const url = new URL(r.url);
    return `${url.pathname}${url.search}`;
  });

let clock = T0;
let sleeps: number[] = [];
beforeEach(() => {
  requests = [];
  sleeps = [];
  clock = T0;
  remaining = 2000;
});

function createProvider(
  config: JsonObject = {},
  overrides: { timeoutMs?: number } = {},
) {
  const logger = mockServices.logger.mock();
  const provider = GitlabScmProvider.fromConfig(
    new ConfigReader({
      integrations: {
        gitlab: [
          { host: 'gitlab.com', token: 'glpat-public-token' },
          {
            host: 'gitlab.acme.internal',
            baseUrl: 'https://gitlab.acme.internal/gitlab',
            apiBaseUrl: ACME_API,
            token: 'glpat-internal-token',
          },
        ],
      },
      innersource: { scm: { gitlab: config } },
    }),
    {
      logger,
      ...overrides,
      // The fake clock moves with every wait, like real time would.
      sleep: async ms => {
        sleeps.push(ms);
        clock += ms;
      },
      now: () => clock,
    },
  );
  return { provider, logger };
}

const readOptions: ScmReadOptions = {
  since: SINCE,
  goodFirstIssueLabels: ['good first issue'],
  helpWantedLabels: ['help wanted'],
  goodFirstIssueLimit: 5,
};

const alice = { username: 'alice' };
const bob = { username: 'bob' };
const renovate = { username: 'project_278964_bot_8c1f2a' };

/** A quiet project: no merge requests, issues or protection. */
const quiet: FakeProject = {};

function locate(provider: GitlabScmProvider, url: string) {
  const locator = provider.locate(url);
  if (!locator) throw new Error(`not located: ${url}`);
  return locator;
}

describe('GitlabScmProvider', () => {
  it('reads a project in a nested group: counts, visibility, protection, newcomer issues, merge requests, issues and first responses', async () => {
    server.use(
      ...gitlab({
        api: GITLAB_API,
        web: 'https://gitlab.com',
        projects: {
          'acme/payments/ledger': {
            project: { forking_access_level: 'private' },
            protectedBranches: [{ name: 'main' }, { name: 'release/*' }],
            approvalRules: [
              {
                id: 1,
                name: 'All Members',
                rule_type: 'any_approver',
                approvals_required: 1,
                protected_branches: [],
              },
              {
                id: 2,
                name: 'Ledger owners',
                rule_type: 'regular',
                approvals_required: 2,
                protected_branches: [{ id: 1, name: 'main' }],
              },
            ],
            mergeRequests: [
              {
                iid: 12,
                state: 'merged',
                created_at: '2026-05-01T09:00:00.000Z',
                merged_at: '2026-05-02T09:00:00.000Z',
                closed_at: null,
                author: alice,
                user_notes_count: 2,
              },
              {
                iid: 11,
                state: 'opened',
                created_at: '2026-04-01T09:00:00.000Z',
                author: renovate,
                user_notes_count: 0,
              },
              {
                iid: 10,
                state: 'closed',
                created_at: '2026-03-01T09:00:00.000Z',
                closed_at: '2026-03-05T09:00:00.000Z',
                author: bob,
                user_notes_count: 0,
              },
              {
                iid: 3,
                state: 'merged',
                created_at: '2025-01-01T09:00:00.000Z',
                author: bob,
                user_notes_count: 4,
              },
            ],
            issues: [
              {
                iid: 7,
                title: 'Add a CSV export',
                state: 'opened',
                created_at: '2026-05-10T09:00:00.000Z',
                author: bob,
                labels: ['good first issue', 'export'],
                user_notes_count: 1,
              },
              {
                iid: 6,
                title: 'Document rounding',
                state: 'opened',
                created_at: '2026-05-09T09:00:00.000Z',
                author: bob,
                labels: ['Help Wanted'],
                user_notes_count: 0,
              },
              {
                iid: 5,
                title: 'Crash on empty ledger',
                state: 'closed',
                created_at: '2026-02-01T09:00:00.000Z',
                closed_at: '2026-02-03T09:00:00.000Z',
                author: alice,
                labels: ['bug'],
                user_notes_count: 0,
              },
            ],
            notes: {
              '!12': [
                {
                  author: alice,
                  created_at: '2026-05-01T09:05:00.000Z',
                  system: true,
                },
                { author: bob, created_at: '2026-05-01T11:00:00.000Z' },
                { author: alice, created_at: '2026-05-01T12:00:00.000Z' },
              ],
              '#7': [
                { author: renovate, created_at: '2026-05-10T10:00:00.000Z' },
              ],
            },
          },
        },
      }),
    );
    const { provider } = createProvider();
    const locator = locate(
      provider,
      'https://gitlab.com/acme/payments/ledger/-/tree/main/packages/sdk',
    );
    expect(locator).toEqual({
      url: 'https://gitlab.com/acme/payments/ledger',
      host: 'gitlab.com',
      fullPath: 'acme/payments/ledger',
    });

    const [result] = await provider.readRepositories([locator], readOptions);

    expect(result.error).toBeUndefined();
    expect(result.signals).toEqual({
      provider: 'gitlab',
      url: 'https://gitlab.com/acme/payments/ledger',
      stars: 31,
      forks: 4,
      watchers: 0,
      openIssues: 17,
      topics: ['innersource', 'payments'],
      description: 'Double-entry ledger shared by the payment services',
      visibility: 'internal',
      // only project members may fork
      forkingAllowed: false,
      archived: false,
      defaultBranch: 'main',
      createdAt: '2024-03-01T10:00:00.000Z',
      pushedAt: '2026-05-30T12:00:00.000Z',
      branchProtection: { protected: true, requiredApprovingReviews: 2 },
      goodFirstIssues: {
        count: 1,
        helpWantedCount: 1,
        items: [
          {
            number: 7,
            title: 'Add a CSV export',
            url: 'https://gitlab.com/acme/payments/ledger/-/issues/7',
            labels: ['good first issue', 'export'],
            createdAt: '2026-05-10T09:00:00.000Z',
          },
        ],
      },
      pullRequests: [
        {
          number: 12,
          url: 'https://gitlab.com/acme/payments/ledger/-/merge_requests/12',
          authorLogin: 'alice',
          authorIsBot: false,
          createdAt: '2026-05-01T09:00:00.000Z',
          state: 'merged',
          mergedAt: '2026-05-02T09:00:00.000Z',
          responses: [
            { login: 'bob', at: '2026-05-01T11:00:00.000Z' },
            { login: 'alice', at: '2026-05-01T12:00:00.000Z' },
          ],
        },
        {
          number: 11,
          url: 'https://gitlab.com/acme/payments/ledger/-/merge_requests/11',
          authorLogin: 'project_278964_bot_8c1f2a',
          authorIsBot: true,
          createdAt: '2026-04-01T09:00:00.000Z',
          state: 'open',
          responses: [],
        },
        {
          number: 10,
          url: 'https://gitlab.com/acme/payments/ledger/-/merge_requests/10',
          authorLogin: 'bob',
          authorIsBot: false,
          createdAt: '2026-03-01T09:00:00.000Z',
          state: 'closed',
          closedAt: '2026-03-05T09:00:00.000Z',
          responses: [],
        },
      ],
      issues: [
        {
          number: 7,
          url: 'https://gitlab.com/acme/payments/ledger/-/issues/7',
          authorLogin: 'bob',
          authorIsBot: false,
          createdAt: '2026-05-10T09:00:00.000Z',
          state: 'open',
          responses: [
            {
              login: 'project_278964_bot_8c1f2a',
              at: '2026-05-10T10:00:00.000Z',
              bot: true,
            },
          ],
        },
        expect.objectContaining({ number: 6, state: 'open', responses: [] }),
        expect.objectContaining({
          number: 5,
          state: 'closed',
          closedAt: '2026-02-03T09:00:00.000Z',
        }),
      ],
    });

    const id = '/api/v4/projects/acme%2Fpayments%2Fledger';
    expect(paths()).toEqual([
      id,
      `${id}/protected_branches?per_page=100`,
      `${id}/approval_rules?per_page=100`,
      `${id}/issues?state=opened&labels=good+first+issue&order_by=created_at&sort=desc&per_page=5`,
      `${id}/issues?state=opened&labels=help+wanted&order_by=created_at&sort=desc&per_page=1`,
      `${id}/merge_requests?scope=all&state=all&created_after=2025-06-01T00%3A00%3A00.000Z&order_by=created_at&sort=desc&per_page=100`,
      // notes only for the merge request and the issue that have any
      `${id}/merge_requests/12/notes?sort=asc&order_by=created_at&per_page=20`,
      `${id}/issues?scope=all&state=all&created_after=2025-06-01T00%3A00%3A00.000Z&order_by=created_at&sort=desc&per_page=100`,
      `${id}/issues/7/notes?sort=asc&order_by=created_at&per_page=20`,
    ]);
    expect(result.calls).toBe(9);
    expect(
      requests.every(
        r => r.headers.get('authorization') === 'Bearer glpat-public-token',
      ),
    ).toBe(true);
  });

  it('follows pages of merge requests and issues and stops at the start of the window', async () => {
    const day = 24 * 3600_000;
    const items = (count: number, from: number) =>
      Array.from({ length: count }, (_, i) => ({
        iid: i + 1,
        state: 'opened',
        // one a day going back from the start of June 2026
        created_at: new Date(from - i * day).toISOString(),
        author: alice,
        user_notes_count: 0,
      }));
    // 365 days in the window, 200 more before it
    const mergeRequests = items(565, T0 - day);
    const issues = items(250, T0 - day);
    server.use(
      ...gitlab({
        api: GITLAB_API,
        web: 'https://gitlab.com',
        projects: { 'acme/ledger': { mergeRequests, issues } },
        ignoreCreatedAfter: true,
      }),
    );
    const { provider } = createProvider();
    const [result] = await provider.readRepositories(
      [locate(provider, 'https://gitlab.com/acme/ledger')],
      readOptions,
    );
    expect(result.error).toBeUndefined();
    const inWindow = mergeRequests.filter(
      mr => Date.parse(mr.created_at) >= SINCE.getTime(),
    );
    expect(result.signals?.pullRequests).toHaveLength(inWindow.length);
    expect(result.signals?.issues).toHaveLength(250);
    const pages = (what: string) =>
      paths()
        .filter(p => p.includes(`/${what}?scope=all`))
        .map(p => new URL(p, 'https://x').searchParams.get('page'));
    // page 4 holds the first merge request older than the window: page 5 and 6 are never read
    expect(pages('merge_requests')).toEqual([null, '2', '3', '4']);
    expect(pages('issues')).toEqual([null, '2', '3']);
    expect(result.calls).toBe(1 + 1 + 2 + 4 + 3);
  });

  it('reads only the newest pages when maxPages is reached', async () => {
    const mergeRequests = Array.from({ length: 250 }, (_, i) => ({
      iid: i + 1,
      state: 'merged',
      created_at: new Date(T0 - (i + 1) * 3600_000).toISOString(),
      author: alice,
      user_notes_count: 0,
    }));
    server.use(
      ...gitlab({
        api: GITLAB_API,
        web: 'https://gitlab.com',
        projects: { 'acme/ledger': { mergeRequests } },
      }),
    );
    const { provider, logger } = createProvider({ maxPages: 2 });
    const [result] = await provider.readRepositories(
      [locate(provider, 'https://gitlab.com/acme/ledger')],
      readOptions,
    );
    expect(result.signals?.pullRequests).toHaveLength(200);
    expect(result.signals?.pullRequests?.[0].number).toBe(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('read the newest 200 items only'),
    );
    // the data says how far back the read reached: the 200th merge request's creation time
    expect(result.signals?.readLimits).toEqual({
      pullRequestsFrom: mergeRequests[199].created_at,
    });
  });

  it('reuses the project answer on 304 and earlier notes while an item did not change', async () => {
    const project: FakeProject = {
      mergeRequests: [
        {
          iid: 2,
          state: 'opened',
          created_at: '2026-05-01T09:00:00.000Z',
          author: alice,
          user_notes_count: 1,
        },
        {
          iid: 1,
          state: 'opened',
          created_at: '2026-04-01T09:00:00.000Z',
          author: alice,
          user_notes_count: 1,
        },
      ],
      notes: {
        '!2': [{ author: bob, created_at: '2026-05-01T10:00:00.000Z' }],
        // only the author so far
        '!1': [{ author: alice, created_at: '2026-04-01T10:00:00.000Z' }],
      },
    };
    server.use(
      ...gitlab({
        api: GITLAB_API,
        web: 'https://gitlab.com',
        projects: { 'acme/ledger': project },
      }),
    );
    const { provider } = createProvider();
    const locator = locate(provider, 'https://gitlab.com/acme/ledger');
    const [first] = await provider.readRepositories([locator], readOptions);
    expect(first.calls).toBe(8);

    // bob answers on !1; !2 gets more notes but its first response is known
    project.mergeRequests![0].user_notes_count = 3;
    project.mergeRequests![1].user_notes_count = 2;
    project.notes!['!1'].push({
      author: bob,
      created_at: '2026-04-02T10:00:00.000Z',
    });
    requests = [];
    const [second] = await provider.readRepositories([locator], readOptions);

    expect(requests[0].headers.get('if-none-match')).toMatch(/^W\//);
    expect(second.signals?.stars).toBe(31);
    expect(second.signals?.pullRequests?.map(p => p.responses)).toEqual([
      [{ login: 'bob', at: '2026-05-01T10:00:00.000Z' }],
      [
        { login: 'alice', at: '2026-04-01T10:00:00.000Z' },
        { login: 'bob', at: '2026-04-02T10:00:00.000Z' },
      ],
    ]);
    expect(paths().filter(p => p.includes('/notes'))).toEqual([
      '/api/v4/projects/acme%2Fledger/merge_requests/1/notes?sort=asc&order_by=created_at&per_page=20',
    ]);
    expect(second.calls).toBe(7);
  });

  it('counts good first issues over several labels once each, and help wanted through X-Total', async () => {
    const issue = (iid: number, labels: string[]) => ({
      iid,
      title: `Issue ${iid}`,
      state: 'opened',
      created_at: new Date(T0 - iid * 3600_000).toISOString(),
      author: bob,
      labels,
      user_notes_count: 0,
    });
    server.use(
      ...gitlab({
        api: GITLAB_API,
        web: 'https://gitlab.com',
        projects: {
          'acme/ledger': {
            issues: [
              issue(1, ['good first issue']),
              issue(2, ['good first issue', 'beginner']),
              issue(3, ['beginner']),
              issue(4, ['help wanted']),
              issue(5, ['help wanted']),
              issue(6, ['help wanted', 'good first issue']),
              { ...issue(7, ['good first issue']), state: 'closed' },
            ],
          },
        },
      }),
    );
    const { provider } = createProvider();
    const [result] = await provider.readRepositories(
      [locate(provider, 'https://gitlab.com/acme/ledger')],
      {
        ...readOptions,
        goodFirstIssueLabels: ['good first issue', 'Beginner', 'beginner'],
        goodFirstIssueLimit: 3,
      },
    );
    expect(result.signals?.goodFirstIssues).toEqual({
      count: 4,
      helpWantedCount: 3,
      items: [1, 2, 3].map(n =>
        expect.objectContaining({
          number: n,
          url: `https://gitlab.com/acme/ledger/-/issues/${n}`,
        }),
      ),
    });
    expect(
      paths()
        .filter(p => p.includes('state=opened'))
        .map(p => {
          const params = new URL(p, 'https://x').searchParams;
          return `${params.get('labels')} ${params.get('per_page')}`;
        }),
    ).toEqual(['good first issue 3', 'Beginner 3', 'help wanted 1']);
  });

  it('reports an unprotected default branch without reading approval rules', async () => {
    server.use(
      ...gitlab({
        api: GITLAB_API,
        web: 'https://gitlab.com',
        projects: {
          'acme/open': { protectedBranches: [{ name: 'release/*' }] },
          'acme/wild': {
            protectedBranches: [
              { name: '*', code_owner_approval_required: true },
            ],
            approvalRules: 403,
          },
          'acme/free': {
            protectedBranches: [{ name: 'main' }],
            approvalRules: 404,
          },
          'acme/hidden': { protectedBranches: 403 },
          'acme/empty': { project: { default_branch: null } },
        },
      }),
    );
    const { provider } = createProvider({ concurrency: 1 });
    const results = await provider.readRepositories(
      ['open', 'wild', 'free', 'hidden', 'empty'].map(p =>
        locate(provider, `https://gitlab.com/acme/${p}`),
      ),
      readOptions,
    );
    expect(results.map(r => r.error)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(results.map(r => r.signals?.branchProtection)).toEqual([
      { protected: false, requiredApprovingReviews: 0 },
      // a wildcard protects main; approval rules forbidden (Free tier): code owners still need one
      { protected: true, requiredApprovingReviews: 1 },
      { protected: true, requiredApprovingReviews: 0 },
      // the token may not read protection rules
      undefined,
      // empty repository: no default branch
      undefined,
    ]);
    expect(
      paths()
        .filter(p => p.includes('approval_rules'))
        .map(p => p.split('/')[4]),
    ).toEqual(['acme%2Fwild', 'acme%2Ffree']);
    expect(results.map(r => r.calls)).toEqual([6, 7, 7, 6, 5]);
  });

  it('reads a self-managed instance through its API base URL and token', async () => {
    server.use(
      ...gitlab({
        api: ACME_API,
        web: 'https://gitlab.acme.internal/gitlab',
        projects: {
          'platform/infra/terraform-modules': {
            project: { visibility: 'private', star_count: 2 },
          },
        },
      }),
    );
    const { provider } = createProvider();
    const locator = locate(
      provider,
      'git@gitlab.acme.internal:platform/infra/terraform-modules.git',
    );
    expect(locator.url).toBe(
      'https://gitlab.acme.internal/gitlab/platform/infra/terraform-modules',
    );
    const [result] = await provider.readRepositories([locator], readOptions);
    expect(result.signals).toMatchObject({ visibility: 'private', stars: 2 });
    expect(requests[0].url).toBe(
      'https://gitlab.acme.internal/gitlab/api/v4/projects/platform%2Finfra%2Fterraform-modules',
    );
    expect(
      requests.every(
        r => r.headers.get('authorization') === 'Bearer glpat-internal-token',
      ),
    ).toBe(true);
    expect(provider.locate('https://gitlab.example.org/a/b')).toBeUndefined();
  });

  it('waits for Retry-After on 429 and retries', async () => {
    server.use(
      http.get(
        `${GITLAB_API}/projects/:id`,
        () =>
          new HttpResponse('Retry later\n', {
            status: 429,
            headers: {
              'Content-Type': 'text/plain',
              'Retry-After': '30',
              'RateLimit-Limit': '2000',
              'RateLimit-Remaining': '0',
              'RateLimit-Reset': String(Math.floor(T0 / 1000) + 30),
            },
          }),
        { once: true },
      ),
      ...gitlab({
        api: GITLAB_API,
        web: 'https://gitlab.com',
        projects: { 'acme/ledger': quiet },
      }),
    );
    const { provider, logger } = createProvider();
    const [result] = await provider.readRepositories(
      [locate(provider, 'https://gitlab.com/acme/ledger')],
      readOptions,
    );
    expect(result.error).toBeUndefined();
    expect(result.signals?.stars).toBe(31);
    expect(sleeps).toEqual([30_000]);
    expect(paths().slice(0, 2)).toEqual([
      '/api/v4/projects/acme%2Fledger',
      '/api/v4/projects/acme%2Fledger',
    ]);
    // the retry is a call too
    expect(result.calls).toBe(7);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /with 7 API call\(s\).*; 1 rate limit wait\(s\), 30 s in all/,
      ),
    );
  });

  it('waits until RateLimit-Reset when a 429 has no Retry-After', async () => {
    server.use(
      http.get(
        `${GITLAB_API}/projects/:id/merge_requests`,
        () =>
          HttpResponse.json(
            { message: '429 Too Many Requests' },
            {
              status: 429,
              headers: {
                'RateLimit-Limit': '2000',
                'RateLimit-Remaining': '0',
                'RateLimit-Reset': String(Math.floor(T0 / 1000) + 42),
              },
            },
          ),
        { once: true },
      ),
      ...gitlab({
        api: GITLAB_API,
        web: 'https://gitlab.com',
        projects: { 'acme/ledger': quiet },
      }),
    );
    const { provider } = createProvider();
    const [result] = await provider.readRepositories(
      [locate(provider, 'https://gitlab.com/acme/ledger')],
      readOptions,
    );
    expect(result.error).toBeUndefined();
    expect(result.signals?.pullRequests).toEqual([]);
    // until the reset, plus a second of margin
    expect(sleeps).toEqual([43_000]);
    expect(paths().filter(p => p.includes('merge_requests'))).toHaveLength(2);
  });

  it('gives up when the rate limit resets later than maxWaitMinutes, for this and the following projects', async () => {
    server.use(
      http.get(
        `${GITLAB_API}/projects/:id`,
        () =>
          new HttpResponse('Retry later\n', {
            status: 429,
            headers: {
              'Retry-After': '3600',
              'RateLimit-Limit': '2000',
              'RateLimit-Remaining': '0',
              'RateLimit-Reset': String(Math.floor(T0 / 1000) + 3600),
            },
          }),
      ),
    );
    const { provider } = createProvider({ maxWaitMinutes: 5, concurrency: 1 });
    const results = await provider.readRepositories(
      [
        locate(provider, 'https://gitlab.com/acme/ledger'),
        locate(provider, 'https://gitlab.com/acme/wallet'),
      ],
      readOptions,
    );
    expect(results.map(r => [r.error?.kind, r.calls, r.signals])).toEqual([
      ['rate-limited', 1, undefined],
      // the spent budget is known: no call is made
      ['rate-limited', 0, undefined],
    ]);
    expect(sleeps).toEqual([]);
  });

  it('retries a server error and succeeds', async () => {
    server.use(
      http.get(
        `${GITLAB_API}/projects/:id`,
        () =>
          HttpResponse.json(
            { message: '502 Bad Gateway' },
            { status: 502, headers: rateLimitHeaders() },
          ),
        { once: true },
      ),
      ...gitlab({
        api: GITLAB_API,
        web: 'https://gitlab.com',
        projects: { 'acme/ledger': quiet },
      }),
    );
    const { provider } = createProvider();
    const [result] = await provider.readRepositories(
      [locate(provider, 'https://gitlab.com/acme/ledger')],
      readOptions,
    );
    expect(result.error).toBeUndefined();
    expect(result.signals?.visibility).toBe('internal');
    expect(sleeps).toEqual([500]);
    expect(result.calls).toBe(7);
  });

  it('reports server-error after the retries of a persistent 5xx', async () => {
    server.use(
      http.get(`${GITLAB_API}/projects/:id`, () =>
        HttpResponse.json(
          { message: '500 Internal Server Error' },
          { status: 500 },
        ),
      ),
    );
    const { provider } = createProvider();
    const [result] = await provider.readRepositories(
      [locate(provider, 'https://gitlab.com/acme/ledger')],
      readOptions,
    );
    expect(result.signals).toBeUndefined();
    expect(result.error).toEqual({
      kind: 'server-error',
      message: expect.stringContaining('HTTP 500 after 3 attempts'),
    });
    expect(result.calls).toBe(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it('reports a timeout when GitLab does not answer in time', async () => {
    server.use(
      http.get(`${GITLAB_API}/projects/:id`, async () => {
        await delay(300);
        return HttpResponse.json({});
      }),
    );
    const { provider } = createProvider({}, { timeoutMs: 20 });
    const [result] = await provider.readRepositories(
      [locate(provider, 'https://gitlab.com/acme/ledger')],
      readOptions,
    );
    expect(result.error?.kind).toBe('timeout');
    expect(result.calls).toBe(3);
  });

  it('reports malformed JSON', async () => {
    server.use(
      http.get(
        `${GITLAB_API}/projects/:id`,
        () =>
          new HttpResponse('{"id": 278964, "visibility": "inter', {
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );
    const { provider } = createProvider();
    const [result] = await provider.readRepositories(
      [locate(provider, 'https://gitlab.com/acme/ledger')],
      readOptions,
    );
    expect(result.error?.kind).toBe('malformed-response');
    expect(result.calls).toBe(1);
  });

  it('reports a deleted project as not-found and a rejected token as auth-failed without affecting the others', async () => {
    server.use(
      http.get(`${GITLAB_API}/projects/acme%2Frevoked`, () =>
        HttpResponse.json({ message: '401 Unauthorized' }, { status: 401 }),
      ),
      ...gitlab({
        api: GITLAB_API,
        web: 'https://gitlab.com',
        projects: { 'acme/ledger': quiet, 'acme/wallet': quiet },
      }),
    );
    const { provider, logger } = createProvider();
    const results = await provider.readRepositories(
      ['ledger', 'gone', 'revoked', 'wallet'].map(p =>
        locate(provider, `https://gitlab.com/acme/${p}`),
      ),
      readOptions,
    );
    expect(
      results.map(r => [r.url, r.error?.kind, r.signals?.stars, r.calls]),
    ).toEqual([
      ['https://gitlab.com/acme/ledger', undefined, 31, 6],
      ['https://gitlab.com/acme/gone', 'not-found', undefined, 1],
      ['https://gitlab.com/acme/revoked', 'auth-failed', undefined, 1],
      ['https://gitlab.com/acme/wallet', undefined, 31, 6],
    ]);
    expect(results[1].error?.message).toContain(
      'GitLab project acme/gone was not found',
    );
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /Read 4 GitLab project\(s\) with 14 API call\(s\).*2 failed, 0 partial/,
      ),
    );
  });

  it('returns what it read when merge request pages fail part way', async () => {
    const mergeRequests = Array.from({ length: 150 }, (_, i) => ({
      iid: i + 1,
      state: 'merged',
      created_at: new Date(T0 - (i + 1) * 3600_000).toISOString(),
      author: alice,
      user_notes_count: 0,
    }));
    server.use(
      http.get(`${GITLAB_API}/projects/:id/merge_requests`, ({ request }) => {
        if (new URL(request.url).searchParams.get('page') !== '2')
          return undefined;
        return HttpResponse.json(
          { message: '503 Service Unavailable' },
          { status: 503 },
        );
      }),
      ...gitlab({
        api: GITLAB_API,
        web: 'https://gitlab.com',
        projects: {
          'acme/ledger': {
            mergeRequests,
            issues: [
              {
                iid: 1,
                state: 'opened',
                created_at: '2026-05-01T09:00:00.000Z',
                author: bob,
                user_notes_count: 0,
              },
            ],
          },
        },
      }),
    );
    const { provider } = createProvider();
    const [result] = await provider.readRepositories(
      [locate(provider, 'https://gitlab.com/acme/ledger')],
      readOptions,
    );
    expect(result.error).toEqual({
      kind: 'server-error',
      message: expect.stringMatching(
        /^merge requests: .*HTTP 503 after 3 attempts/,
      ),
    });
    expect(result.signals).not.toHaveProperty('pullRequests');
    expect(result.signals?.issues).toHaveLength(1);
    expect(result.signals?.stars).toBe(31);
    // project, protection, 2 label counts, MR page 1, page 2 three times, issues
    expect(result.calls).toBe(9);
  });

  describe('readOrganizations', () => {
    it('reads the configured groups', async () => {
      const group = (path: string, overrides: Record<string, unknown>) => ({
        id: 5,
        web_url: `https://gitlab.com/groups/${path}`,
        name: path.split('/').pop(),
        path: path.split('/').pop(),
        description: '',
        visibility: 'internal',
        share_with_group_lock: false,
        require_two_factor_authentication: false,
        project_creation_level: 'developer',
        subgroup_creation_level: 'maintainer',
        request_access_enabled: true,
        full_name: path,
        full_path: path,
        parent_id: null,
        default_branch_protection: 2,
        ...overrides,
      });
      server.use(
        http.get(`${GITLAB_API}/groups/:id`, ({ params }) => {
          const id = decodeURIComponent(String(params.id));
          if (id === 'acme')
            return HttpResponse.json(
              group('acme', { prevent_forking_outside_group: false }),
              { headers: rateLimitHeaders() },
            );
          if (id === 'acme/platform')
            return HttpResponse.json(
              group('acme/platform', {
                visibility: 'private',
                project_creation_level: 'maintainer',
              }),
              { headers: rateLimitHeaders() },
            );
          return HttpResponse.json(
            { message: '404 Group Not Found' },
            { status: 404 },
          );
        }),
        http.get(`${ACME_API}/groups/:id`, () =>
          HttpResponse.json(group('engineering', { visibility: 'public' })),
        ),
      );
      const { provider } = createProvider({
        groups: [
          { path: 'acme' },
          { path: 'acme/platform' },
          { path: 'vanished' },
          { host: 'gitlab.acme.internal', path: 'engineering' },
        ],
      });
      const results = await provider.readOrganizations();
      expect(results).toEqual([
        {
          host: 'gitlab.com',
          organization: 'acme',
          calls: 1,
          settings: {
            provider: 'gitlab',
            host: 'gitlab.com',
            organization: 'acme',
            url: 'https://gitlab.com/groups/acme',
            visibility: 'internal',
            membersCanCreatePrivateRepositories: true,
            membersCanCreateInternalRepositories: true,
            membersCanCreatePublicRepositories: false,
            membersCanForkPrivateRepositories: true,
          },
        },
        {
          host: 'gitlab.com',
          organization: 'acme/platform',
          calls: 1,
          settings: expect.objectContaining({
            visibility: 'private',
            membersCanCreatePrivateRepositories: false,
            membersCanForkPrivateRepositories: undefined,
          }),
        },
        {
          host: 'gitlab.com',
          organization: 'vanished',
          calls: 1,
          error: { kind: 'not-found', message: expect.any(String) },
        },
        {
          host: 'gitlab.acme.internal',
          organization: 'engineering',
          calls: 1,
          settings: expect.objectContaining({
            visibility: 'public',
            membersCanCreatePublicRepositories: true,
          }),
        },
      ]);
      expect(paths()).toEqual(
        expect.arrayContaining([
          '/api/v4/groups/acme?with_projects=false',
          '/api/v4/groups/acme%2Fplatform?with_projects=false',
          '/gitlab/api/v4/groups/engineering?with_projects=false',
        ]),
      );
      expect(
        requests
          .find(r => r.url.startsWith(ACME_API))
          ?.headers.get('authorization'),
      ).toBe('Bearer glpat-internal-token');
    });

    it('reads nothing without configured groups', async () => {
      const { provider } = createProvider();
      expect(await provider.readOrganizations()).toEqual([]);
      expect(requests).toEqual([]);
    });
  });
});
