/*
 * A stand-in for the GitHub API for the demo portal and the end-to-end test: GitHub cannot be
 * reached from the machines this project runs on. It answers the GitHub provider's GraphQL and
 * REST calls (the same fake GitHub the provider's tests use) with repositories generated from
 * the demo catalog: stars, visibility, branch protection, good first issues, and a year of pull
 * requests and issues by the demo users, answered by the owning teams.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs scripts/demo-github-server.ts [port]
 *
 * The demo's app-config points `integrations.github[github.com].apiBaseUrl` at it.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { getResponse } from 'msw';
import { parseAllDocuments } from 'yaml';
import {
  actors,
  FakeGithub,
  issue,
  pullRequest,
  repositoryHeader,
} from '../plugins/innersource-backend-module-github/src/__testUtils__/fakeGithub';
import type {
  GqlComment,
  GqlLabelledIssue,
} from '../plugins/innersource-backend-module-github/src/queries';

const port = Number(process.argv[2] ?? process.env.DEMO_GITHUB_PORT ?? 7019);
const root = path.resolve(__dirname, '..');
const DAY = 86_400_000;
const now = Date.now();

type Doc = {
  kind?: string;
  metadata?: { name?: string; annotations?: Record<string, string> };
  spec?: { owner?: string; memberOf?: string[]; type?: string };
};

function readDocs(file: string): Doc[] {
  return parseAllDocuments(fs.readFileSync(path.join(root, file), 'utf8'))
    .map(d => d.toJS() as Doc)
    .filter(Boolean);
}

/** A small deterministic generator, so that every start shows the same figures. */
function random(seedText: string) {
  let seed = 2166136261;
  for (const c of seedText) seed = Math.imul(seed ^ c.charCodeAt(0), 16777619);
  return () => {
    seed = Math.imul(seed ^ (seed >>> 15), 2246822507);
    seed = Math.imul(seed ^ (seed >>> 13), 3266489909);
    seed ^= seed >>> 16;
    return (seed >>> 0) / 4294967296;
  };
}

const docs = [
  ...readDocs('examples/org.yaml'),
  ...readDocs('examples/entities.yaml'),
  ...readDocs('catalog-info.yaml'),
];
const loginsByTeam = new Map<string, string[]>();
for (const user of docs.filter(d => d.kind === 'User')) {
  const login = user.metadata?.annotations?.['github.com/user-login'];
  if (!login) continue;
  for (const team of user.spec?.memberOf ?? []) {
    loginsByTeam.set(team, [...(loginsByTeam.get(team) ?? []), login]);
  }
}
const allLogins = [...new Set([...loginsByTeam.values()].flat())];

/** Repositories of the demo catalog with the team of the first entity in each. */
const repositories = new Map<string, string>();
for (const entity of docs) {
  const source =
    entity.metadata?.annotations?.['backstage.io/source-location'] ?? '';
  const match = /github\.com\/([^/]+\/[^/.]+)/.exec(source);
  if (!match || repositories.has(match[1])) continue;
  const owner = (entity.spec?.owner ?? '').replace(/^group:/, '');
  repositories.set(match[1], owner);
}

/** What makes the demo show each SCM policy finding at least once. */
const SPECIAL: Record<string, Parameters<typeof repositoryHeader>[1]> = {
  // a reusable library in a private repository: InnerSource-First warning
  'acme/event-bus-client': { visibility: 'PRIVATE' },
  // classified restricted in the catalog, but internal: Security-First error
  'acme/finance-data-pipeline': { visibility: 'INTERNAL' },
  // forking disabled on an internal repository
  'acme/checkout-service': { forkingAllowed: false },
  // no protection on the default branch
  'acme/identity-service': {
    defaultBranchRef: { name: 'main', branchProtectionRule: null },
  },
};
const GOOD_FIRST_ISSUES: Record<string, string[]> = {
  'acme/ledger-sdk': [
    'Document the rounding modes of Money.split',
    'Add a currency code validator',
    'Typo in the getting started guide',
  ],
  'acme/platform-monorepo': [
    'feature-flags: expose the evaluation reason',
    'eslint-config: enable no-floating-promises',
    'node-service template: add a health endpoint test',
    'feature-flags: README example for React',
  ],
  'acme/innersource-handbook': [
    'Add a trusted committer onboarding checklist',
    'Link the contribution agreement template',
  ],
  'acme/event-bus-client': ['Retry publishing after a broker failover'],
};

const iso = (ms: number) => new Date(ms).toISOString();
const github = new FakeGithub({
  graphqlUrl: `http://127.0.0.1:${port}/api/graphql`,
  restBaseUrl: `http://127.0.0.1:${port}/api/v3`,
});

for (const [fullPath, team] of repositories) {
  const rnd = random(fullPath);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const owners = loginsByTeam.get(team) ?? [];
  const outsiders = allLogins.filter(l => !owners.includes(l));
  const author = () => {
    const r = rnd();
    if (r < 0.08) return actors.bot('dependabot');
    if (r < 0.14) return actors.user('contractor-jo');
    if (r < 0.5 && outsiders.length) return actors.user(pick(outsiders));
    return actors.user(owners.length ? pick(owners) : pick(allLogins));
  };
  const responder = (exclude: string) =>
    owners.filter(o => o !== exclude).length
      ? pick(owners.filter(o => o !== exclude))
      : pick(allLogins.filter(l => l !== exclude));
  const responses = (createdAt: number, by: string): GqlComment[] => {
    if (rnd() < 0.15) return []; // not answered yet
    const first = createdAt + (0.5 + rnd() * rnd() * 120) * 3_600_000;
    if (first > now) return [];
    return [
      ...(rnd() < 0.3
        ? [
            {
              createdAt: iso(createdAt + 60_000),
              author: actors.bot('github-actions'),
            },
          ]
        : []),
      { createdAt: iso(first), author: actors.user(responder(by)) },
    ];
  };

  const pulls = Array.from({ length: 12 + Math.floor(rnd() * 30) }, (_, i) => {
    const created = now - rnd() * 360 * DAY;
    const by = author();
    const state = rnd() < 0.62 ? 'MERGED' : rnd() < 0.5 ? 'CLOSED' : 'OPEN';
    const decided = Math.min(created + (1 + rnd() * 10) * DAY, now);
    const answers = responses(created, by.login);
    return pullRequest(fullPath, i + 1, iso(created), {
      author: by,
      state: state as 'MERGED' | 'CLOSED' | 'OPEN',
      mergedAt: state === 'MERGED' ? iso(decided) : null,
      closedAt: state === 'OPEN' ? null : iso(decided),
      comments: { nodes: answers.filter((_, k) => k % 2 === 0) },
      reviews: {
        nodes: answers
          .filter((_, k) => k % 2 === 1)
          .map(a => ({ ...a, submittedAt: a.createdAt })),
      },
    });
  });
  const issues = Array.from({ length: 6 + Math.floor(rnd() * 18) }, (_, i) => {
    const created = now - rnd() * 360 * DAY;
    const by = author();
    const closed = rnd() < 0.6;
    return issue(fullPath, 100 + i, iso(created), {
      author: by,
      state: closed ? 'CLOSED' : 'OPEN',
      closedAt: closed ? iso(Math.min(created + 5 * DAY, now)) : null,
      comments: { nodes: responses(created, by.login) },
    });
  });
  const labelled: GqlLabelledIssue[] = (GOOD_FIRST_ISSUES[fullPath] ?? []).map(
    (title, i) => ({
      number: 200 + i,
      title,
      url: `https://github.com/${fullPath}/issues/${200 + i}`,
      createdAt: iso(now - (i + 1) * 9 * DAY),
      labels: {
        nodes: [{ name: i % 2 ? 'help wanted' : 'good first issue' }],
      },
    }),
  );
  const header = repositoryHeader(fullPath, {
    description: null,
    stargazerCount: Math.floor(rnd() * rnd() * 240) + 2,
    forkCount: Math.floor(rnd() * 25),
    watchers: { totalCount: 2 + Math.floor(rnd() * 30) },
    openIssues: {
      totalCount:
        issues.filter(i => i.state === 'OPEN').length + labelled.length,
    },
    repositoryTopics: { nodes: [{ topic: { name: 'innersource' } }] },
    createdAt: iso(now - (400 + rnd() * 900) * DAY),
    pushedAt: iso(now - rnd() * 20 * DAY),
    ...SPECIAL[fullPath],
  });
  github.addRepository(fullPath, {
    header,
    pullRequests: pulls,
    issues,
    labelledIssues: labelled,
    rules: [],
  });
}
github.organizations.set('acme', {
  login: 'acme',
  html_url: 'https://github.com/acme',
  default_repository_permission: 'read',
  members_can_create_repositories: true,
  members_can_create_internal_repositories: true,
  members_can_create_private_repositories: true,
  members_can_create_public_repositories: false,
  members_can_fork_private_repositories: false,
});

const handlers = github.handlers();
const server = http.createServer(async (req, res) => {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const request = new Request(`http://127.0.0.1:${port}${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: body.length ? body : undefined,
    });
    const response = await getResponse(handlers, request);
    if (!response) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Not Found' }));
      return;
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: String(error) }));
  }
});
server.listen(port, '127.0.0.1', () => {
  // eslint-disable-next-line no-console
  console.log(
    `[demo-github] fake GitHub API with ${repositories.size} repositories on http://127.0.0.1:${port}/api/v3`,
  );
});
