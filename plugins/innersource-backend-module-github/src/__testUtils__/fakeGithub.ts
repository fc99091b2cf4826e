import { createHash } from 'node:crypto';
import { graphql, http, HttpResponse } from 'msw';
import {
  GqlIssue,
  GqlLabelledIssue,
  GqlPage,
  GqlPullRequest,
  GqlRepository,
} from '../queries';

/** The fake clock of the tests: rate-limit resets are relative to it. */
export const START = Date.parse('2026-11-24T10:00:00Z');

export const epochSeconds = (ms: number) => String(Math.floor(ms / 1000));

/** Rate-limit headers as GitHub sends them with every answer. */
export function rateLimitHeaders(
  resource: 'graphql' | 'core',
  remaining = 4900,
  resetAt = START + 3_600_000,
): Record<string, string> {
  return {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-used': String(5000 - remaining),
    'x-ratelimit-reset': epochSeconds(resetAt),
    'x-ratelimit-resource': resource,
  };
}

export type RepositoryHeader = Omit<
  GqlRepository,
  'recentPullRequests' | 'recentIssues'
>;

export interface FakeRepository {
  header: RepositoryHeader;
  pullRequests: GqlPullRequest[];
  issues: GqlIssue[];
  /** What `GET /repos/{owner}/{repo}/rules/branches/{branch}` answers. */
  rules?: unknown[] | { status: number; body: unknown };
  /**
   * Open issues with their labels: the fake answers the good-first-issue and help-wanted
   * counts from them, matching label names case-insensitively like GitHub.
   */
  labelledIssues?: GqlLabelledIssue[];
  /** The token may not read the classic protection rule: GitHub nulls it with an error. */
  protectionForbidden?: boolean;
}

/** A repository header shaped like GitHub's answer to the provider's query. */
export function repositoryHeader(
  fullPath: string,
  overrides: Partial<RepositoryHeader> = {},
  host = 'github.com',
): RepositoryHeader {
  return {
    url: `https://${host}/${fullPath}`,
    description: `The ${fullPath} library, shared across the company`,
    stargazerCount: 10,
    forkCount: 2,
    watchers: { totalCount: 4 },
    openIssues: { totalCount: 3 },
    repositoryTopics: { nodes: [{ topic: { name: 'innersource' } }] },
    visibility: 'INTERNAL',
    isPrivate: true,
    forkingAllowed: true,
    isArchived: false,
    createdAt: '2024-03-01T08:00:00Z',
    pushedAt: '2026-11-20T16:30:00Z',
    defaultBranchRef: {
      name: 'main',
      branchProtectionRule: {
        requiresApprovingReviews: true,
        requiredApprovingReviewCount: 1,
      },
    },
    goodFirstIssues: { totalCount: 0, nodes: [] },
    helpWantedIssues: { totalCount: 0 },
    ...overrides,
  };
}

const user = (login: string) => ({ __typename: 'User', login });
const bot = (login: string) => ({ __typename: 'Bot', login });
export const actors = { user, bot };

export function pullRequest(
  fullPath: string,
  number: number,
  createdAt: string,
  overrides: Partial<GqlPullRequest> = {},
): GqlPullRequest {
  return {
    number,
    url: `https://github.com/${fullPath}/pull/${number}`,
    createdAt,
    state: 'OPEN',
    mergedAt: null,
    closedAt: null,
    author: user('alice'),
    comments: { nodes: [] },
    reviews: { nodes: [] },
    ...overrides,
  };
}

export function issue(
  fullPath: string,
  number: number,
  createdAt: string,
  overrides: Partial<GqlIssue> = {},
): GqlIssue {
  return {
    number,
    url: `https://github.com/${fullPath}/issues/${number}`,
    createdAt,
    state: 'OPEN',
    closedAt: null,
    author: user('bob'),
    comments: { nodes: [] },
    ...overrides,
  };
}

export interface RecordedRequest {
  operation: string;
  variables: Record<string, any>;
  headers: Headers;
  url: string;
}

/**
 * A GitHub (or GitHub Enterprise Server) that answers the provider's GraphQL operations and
 * REST calls from in-memory repositories, the way GitHub does: aliases, `null` plus a
 * `NOT_FOUND` error for unknown repositories, cursor pagination newest first, rate-limit
 * headers, ETags on REST answers.
 */
export class FakeGithub {
  readonly repositories = new Map<string, FakeRepository>();
  readonly organizations = new Map<string, Record<string, unknown>>();
  readonly requests: RecordedRequest[] = [];

  constructor(
    readonly options: { graphqlUrl: string; restBaseUrl: string } = {
      graphqlUrl: 'https://api.github.com/graphql',
      restBaseUrl: 'https://api.github.com',
    },
  ) {}

  addRepository(
    fullPath: string,
    repository: Partial<FakeRepository> = {},
  ): FakeRepository {
    const added: FakeRepository = {
      header: repository.header ?? repositoryHeader(fullPath),
      pullRequests: repository.pullRequests ?? [],
      issues: repository.issues ?? [],
      rules: repository.rules,
      labelledIssues: repository.labelledIssues,
      protectionForbidden: repository.protectionForbidden,
    };
    this.repositories.set(fullPath.toLowerCase(), added);
    return added;
  }

  /** Requests of one operation (a GraphQL operation name or `rules` / `org`). */
  calls(operation: string): RecordedRequest[] {
    return this.requests.filter(r => r.operation === operation);
  }

  private record(
    operation: string,
    request: Request,
    variables: Record<string, any> = {},
  ) {
    this.requests.push({
      operation,
      variables,
      headers: request.headers,
      url: request.url,
    });
  }

  private page<T extends { createdAt: string }>(
    items: T[],
    first: number,
    after: string | null | undefined,
  ): GqlPage<T> {
    const sorted = [...items].sort(
      (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt),
    );
    const start = after ? Number(Buffer.from(after, 'base64').toString()) : 0;
    const nodes = sorted.slice(start, start + first);
    const end = start + nodes.length;
    return {
      pageInfo: {
        hasNextPage: end < sorted.length,
        endCursor: nodes.length
          ? Buffer.from(String(end)).toString('base64')
          : null,
      },
      nodes,
    };
  }

  private find(owner: string, name: string) {
    return this.repositories.get(`${owner}/${name}`.toLowerCase());
  }

  handlers() {
    const api = graphql.link(this.options.graphqlUrl);
    const graphqlHeaders = rateLimitHeaders('graphql');
    return [
      api.query('InnerSourceRepositories', ({ variables, request }) => {
        this.record('InnerSourceRepositories', request, variables);
        const data: Record<string, unknown> = {};
        const errors: unknown[] = [];
        for (let i = 0; `o${i}` in variables; i++) {
          const owner = variables[`o${i}`];
          const name = variables[`n${i}`];
          const found = this.find(owner, name);
          if (!found) {
            data[`r${i}`] = null;
            errors.push({
              type: 'NOT_FOUND',
              path: [`r${i}`],
              locations: [{ line: 6, column: 3 }],
              message: `Could not resolve to a Repository with the name '${owner}/${name}'.`,
            });
            continue;
          }
          const header: Record<string, unknown> = { ...found.header };
          if (found.protectionForbidden && found.header.defaultBranchRef) {
            header.defaultBranchRef = {
              ...found.header.defaultBranchRef,
              branchProtectionRule: null,
            };
            errors.push({
              type: 'FORBIDDEN',
              path: [`r${i}`, 'defaultBranchRef', 'branchProtectionRule'],
              locations: [{ line: 30, column: 5 }],
              message: 'Resource not accessible by personal access token',
            });
          }
          if (found.labelledIssues) {
            const labelled = (labels: string[]) => {
              const wanted = new Set(labels.map(l => l.toLowerCase()));
              return [...found.labelledIssues!]
                .sort(
                  (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt),
                )
                .filter(item =>
                  (item.labels?.nodes ?? []).some(l =>
                    wanted.has(l.name.toLowerCase()),
                  ),
                );
            };
            delete header.goodFirstIssues;
            delete header.helpWantedIssues;
            if (variables.withGoodFirstIssues) {
              const all = labelled(variables.goodFirstIssueLabels);
              header.goodFirstIssues = {
                totalCount: all.length,
                ...(variables.listGoodFirstIssues
                  ? { nodes: all.slice(0, variables.goodFirstIssueLimit) }
                  : {}),
              };
            }
            if (variables.withHelpWanted) {
              header.helpWantedIssues = {
                totalCount: labelled(variables.helpWantedLabels).length,
              };
            }
          }
          data[`r${i}`] = {
            ...header,
            recentPullRequests: this.page(
              found.pullRequests,
              variables.firstPageSize,
              null,
            ),
            recentIssues: this.page(
              found.issues,
              variables.firstPageSize,
              null,
            ),
          };
        }
        // GitHub's errors carry a `type`, which msw's GraphQL types do not know
        const body: any = errors.length ? { data, errors } : { data };
        return HttpResponse.json(body, { headers: graphqlHeaders });
      }),
      api.query('InnerSourcePullRequests', ({ variables, request }) => {
        this.record('InnerSourcePullRequests', request, variables);
        const found = this.find(variables.owner, variables.name);
        return HttpResponse.json(
          {
            data: {
              repository: found
                ? {
                    page: this.page(
                      found.pullRequests,
                      variables.pageSize,
                      variables.after,
                    ),
                  }
                : null,
            },
          },
          { headers: graphqlHeaders },
        );
      }),
      api.query('InnerSourceIssues', ({ variables, request }) => {
        this.record('InnerSourceIssues', request, variables);
        const found = this.find(variables.owner, variables.name);
        return HttpResponse.json(
          {
            data: {
              repository: found
                ? {
                    page: this.page(
                      found.issues,
                      variables.pageSize,
                      variables.after,
                    ),
                  }
                : null,
            },
          },
          { headers: graphqlHeaders },
        );
      }),
      http.get(
        `${this.options.restBaseUrl}/repos/:owner/:repo/rules/branches/:branch`,
        ({ params, request }) => {
          this.record('rules', request);
          const found = this.find(String(params.owner), String(params.repo));
          const rules = found?.rules;
          if (!found) {
            return HttpResponse.json(
              { message: 'Not Found' },
              { status: 404, headers: rateLimitHeaders('core') },
            );
          }
          if (rules && !Array.isArray(rules)) {
            return HttpResponse.json(rules.body as any, {
              status: rules.status,
              headers: rateLimitHeaders('core'),
            });
          }
          return this.withEtag(request, rules ?? []);
        },
      ),
      http.get(
        `${this.options.restBaseUrl}/orgs/:org`,
        ({ params, request }) => {
          this.record('org', request);
          const org = this.organizations.get(String(params.org).toLowerCase());
          if (!org) {
            return HttpResponse.json(
              {
                message: 'Not Found',
                documentation_url:
                  'https://docs.github.com/rest/orgs/orgs#get-an-organization',
              },
              { status: 404, headers: rateLimitHeaders('core') },
            );
          }
          return this.withEtag(request, org);
        },
      ),
    ];
  }

  /** Answers 304 when the client already has this answer, as GitHub does. */
  private withEtag(request: Request, body: unknown) {
    const etag = `W/"${createHash('sha1')
      .update(JSON.stringify(body))
      .digest('hex')}"`;
    const headers = { ...rateLimitHeaders('core'), etag };
    if (request.headers.get('if-none-match') === etag) {
      return new HttpResponse(null, { status: 304, headers });
    }
    return HttpResponse.json(body as any, { headers });
  }
}
