import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  GithubIntegrationConfig,
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import { ScmRepositorySignals } from '@innersource-backstage/plugin-innersource-common';
import {
  ScmHttpClient,
  ScmHttpClientOptions,
  ScmHttpError,
  ScmOrganizationReadResult,
  ScmProvider,
  ScmReadError,
  ScmReadOptions,
  ScmRepositoryLocator,
  ScmRepositoryReadResult,
  scmReadLimits,
} from '@innersource-backstage/plugin-innersource-node';
import {
  DEFAULT_BATCH_SIZE,
  GithubOrganizationConfig,
  readGithubProviderConfig,
} from './config';
import { parseGithubRepositoryUrl } from './locate';
import {
  GqlError,
  GqlIssue,
  GqlPage,
  GqlPullRequest,
  GqlRepository,
  GqlResponse,
  ISSUES_QUERY,
  PULL_REQUESTS_QUERY,
  repositoriesQuery,
  repositoryAlias,
} from './queries';
import {
  BranchRule,
  organizationSettings,
  protectionFromRule,
  protectionFromRules,
  repositoryHeader,
  RESPONSE_LIMIT,
  toChangeRequest,
  toIssue,
} from './signals';

/**
 * Options of {@link GithubScmProvider}.
 *
 * @public
 */
export interface GithubScmProviderOptions {
  /** The `integrations.github` entries: hosts, API base URLs, tokens and GitHub Apps. */
  integrations: ScmIntegrationRegistry;
  /** Default: `DefaultGithubCredentialsProvider.fromIntegrations(integrations)`. */
  credentialsProvider?: GithubCredentialsProvider;
  logger: LoggerService;
  /** Organisations whose settings {@link GithubScmProvider.readOrganizations} reads. */
  organizations?: GithubOrganizationConfig[];
  /** Repositories per batched GraphQL query; default 10. */
  batchSize?: number;
  /** Pull requests and issues read with the batched query, per repository; default 20. */
  firstPageSize?: number;
  /** Pull requests or issues per further page; default 50. */
  pageSize?: number;
  /** Further pages per repository and list at most; default 40. */
  maxPages?: number;
  /** Options of the HTTP client (timeouts, waits; `fetch`, `sleep` and `now` for tests). */
  http?: ScmHttpClientOptions;
}

/** Where a host's APIs are. */
interface GithubEndpoint {
  host: string;
  restBaseUrl: string;
  graphqlUrl: string;
}

/** The REST and GraphQL URLs of a `integrations.github` entry (github.com or Enterprise Server). */
export function githubEndpoint(
  config: GithubIntegrationConfig,
): GithubEndpoint {
  const restBaseUrl = (
    config.apiBaseUrl ?? `https://${config.host}/api/v3`
  ).replace(/\/+$/, '');
  // GitHub Enterprise Server: https://HOST/api/v3 and https://HOST/api/graphql
  const graphqlUrl = restBaseUrl.endsWith('/api/v3')
    ? `${restBaseUrl.slice(0, -'/v3'.length)}/graphql`
    : `${restBaseUrl}/graphql`;
  return { host: config.host, restBaseUrl, graphqlUrl };
}

/** A repository to read, with the credentials and endpoint of its owner. */
interface Target {
  locator: ScmRepositoryLocator;
  owner: string;
  name: string;
}

/** Endpoint and headers shared by the calls of one group of repositories. */
interface CallContext {
  endpoint: GithubEndpoint;
  headers: Record<string, string>;
  signal?: AbortSignal;
}

/** What one `readRepositories` run did, for the log. */
interface RunStats {
  batches: number;
  batchCalls: number;
  pageCalls: number;
  restCalls: number;
}

type BranchProtection = ScmRepositorySignals['branchProtection'];

/** The data of a GraphQL answer, the errors that came with it, and the HTTP requests it took. */
interface GraphqlAnswer<T> {
  data: T;
  errors: GqlError[];
  attempts: number;
}

function readErrorOf(error: unknown): ScmReadError {
  if (error instanceof ScmHttpError) {
    return { kind: error.kind, message: error.message };
  }
  return {
    kind: 'unreachable',
    message: error instanceof Error ? error.message : String(error),
  };
}

const attemptsOf = (error: unknown) =>
  error instanceof ScmHttpError ? error.attempts ?? 0 : 0;

function withAttempts(error: ScmHttpError, attempts: number): ScmHttpError {
  error.attempts = attempts;
  return error;
}

/** The error of a GraphQL answer without data (or of a part of it). */
function graphqlError(errors: GqlError[], fallback: string): ScmHttpError {
  const types = new Set(errors.map(e => e.type));
  const message = errors.length
    ? errors.map(e => e.message).join('; ')
    : fallback;
  if (types.has('RATE_LIMITED'))
    return new ScmHttpError('rate-limited', message);
  if (types.has('NOT_FOUND')) return new ScmHttpError('not-found', message);
  if (types.has('FORBIDDEN')) return new ScmHttpError('auth-failed', message);
  return new ScmHttpError('server-error', message);
}

function combine(errors: ScmReadError[]): ScmReadError | undefined {
  if (errors.length === 0) return undefined;
  return {
    kind: errors[0].kind,
    message: errors.map(e => e.message).join('; '),
  };
}

/**
 * Reads InnerSource signals from GitHub and GitHub Enterprise Server: stars, forks, watchers,
 * issues, topics, visibility, forking, branch protection, good first issues, and the pull
 * requests and issues of the last year with their first responses. Repository headers are read
 * for many repositories per GraphQL query; further pages of pull requests and issues one
 * repository at a time; ruleset protection and organisation settings over REST.
 *
 * @public
 */
export class GithubScmProvider implements ScmProvider {
  readonly id = 'github';

  private readonly integrations: ScmIntegrationRegistry;
  private readonly credentialsProvider: GithubCredentialsProvider;
  private readonly logger: LoggerService;
  private readonly organizations: GithubOrganizationConfig[];
  private readonly batchSize: number;
  private readonly firstPageSize: number;
  private readonly pageSize: number;
  private readonly maxPages: number;
  private readonly http: ScmHttpClient;

  /** Reads `integrations.github` and `innersource.scm.github`. */
  static fromConfig(
    config: Config,
    options: {
      logger: LoggerService;
      credentialsProvider?: GithubCredentialsProvider;
      http?: ScmHttpClientOptions;
    },
  ): GithubScmProvider {
    const settings = readGithubProviderConfig(config);
    const integrations = ScmIntegrations.fromConfig(config);
    for (const org of settings.organizations) {
      if (!integrations.github.byHost(org.host)) {
        options.logger.warn(
          `innersource.scm.github.organizations names ${org.host}/${org.name}, but integrations.github has no entry for ${org.host}`,
        );
      }
    }
    return new GithubScmProvider({
      integrations,
      credentialsProvider: options.credentialsProvider,
      logger: options.logger,
      organizations: settings.organizations,
      batchSize: settings.batchSize,
      http: {
        logger: options.logger,
        timeoutMs: settings.timeoutMs,
        maxWaitMs: settings.maxWaitMs,
        ...options.http,
      },
    });
  }

  constructor(options: GithubScmProviderOptions) {
    this.integrations = options.integrations;
    this.credentialsProvider =
      options.credentialsProvider ??
      DefaultGithubCredentialsProvider.fromIntegrations(options.integrations);
    this.logger = options.logger;
    this.organizations = options.organizations ?? [];
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.firstPageSize = options.firstPageSize ?? 20;
    this.pageSize = options.pageSize ?? 50;
    this.maxPages = options.maxPages ?? 40;
    this.http = new ScmHttpClient({ logger: options.logger, ...options.http });
  }

  locate(sourceUrl: string): ScmRepositoryLocator | undefined {
    const parsed = parseGithubRepositoryUrl(sourceUrl);
    if (!parsed || !this.integrations.github.byHost(parsed.host)) {
      return undefined;
    }
    const fullPath = `${parsed.owner}/${parsed.name}`;
    return {
      url: `https://${parsed.host}/${fullPath}`,
      host: parsed.host,
      fullPath,
    };
  }

  async readRepositories(
    repositories: ScmRepositoryLocator[],
    options: ScmReadOptions,
  ): Promise<ScmRepositoryReadResult[]> {
    const before = {
      calls: this.http.calls,
      waits: this.http.waits,
      waited: this.http.waited,
    };
    const stats: RunStats = {
      batches: 0,
      batchCalls: 0,
      pageCalls: 0,
      restCalls: 0,
    };
    const results = new Map<string, ScmRepositoryReadResult>();
    const unique = new Map<string, ScmRepositoryLocator>();
    for (const locator of repositories) unique.set(locator.url, locator);

    const groups = await this.groupByCredentials(
      [...unique.values()],
      results,
      options.signal,
    );
    for (const group of groups) {
      for (let i = 0; i < group.targets.length; i += this.batchSize) {
        const batch = group.targets.slice(i, i + this.batchSize);
        for (const result of await this.readBatch(
          group.context,
          batch,
          options,
          stats,
        )) {
          results.set(result.url, result);
        }
      }
    }

    const read = [...results.values()];
    const busiest = read.reduce<ScmRepositoryReadResult | undefined>(
      (max, r) => (!max || r.calls > max.calls ? r : max),
      undefined,
    );
    const failed = read.filter(r => r.error).length;
    this.logger.info(
      `GitHub: read ${unique.size} repositories with ${
        this.http.calls - before.calls
      } API calls (${stats.batchCalls} for ${stats.batches} batched queries, ${
        stats.pageCalls
      } for further pages of pull requests and issues, ${
        stats.restCalls
      } for rulesets)${
        busiest ? `, at most ${busiest.calls} for ${busiest.url}` : ''
      }; waited ${
        this.http.waits - before.waits
      } times for rate limits (${Math.round(
        (this.http.waited - before.waited) / 1000,
      )} s); ${failed} failed or partly failed`,
    );
    for (const result of read) {
      this.logger.debug(
        `GitHub: ${result.url} took ${result.calls} API calls${
          result.error ? ` (${result.error.kind}: ${result.error.message})` : ''
        }`,
      );
    }

    return repositories.map(
      locator =>
        results.get(locator.url) ?? {
          url: locator.url,
          error: { kind: 'unreachable', message: 'Not read' },
          calls: 0,
        },
    );
  }

  async readOrganizations(
    options: { signal?: AbortSignal } = {},
  ): Promise<ScmOrganizationReadResult[]> {
    const results: ScmOrganizationReadResult[] = [];
    for (const { host, name } of this.organizations) {
      const integration = this.integrations.github.byHost(host);
      if (!integration) {
        results.push({
          host,
          organization: name,
          error: {
            kind: 'unreachable',
            message: `integrations.github has no entry for ${host}`,
          },
          calls: 0,
        });
        continue;
      }
      const endpoint = githubEndpoint(integration.config);
      try {
        const headers = await this.headersFor(endpoint, name);
        const response = await this.http.request<unknown>({
          url: `${endpoint.restBaseUrl}/orgs/${encodeURIComponent(name)}`,
          headers: { ...headers, accept: 'application/vnd.github+json' },
          bucket: 'core',
          conditional: true,
          signal: options.signal,
        });
        const calls = response.attempts ?? 1;
        const body = response.data;
        if (!body || typeof body !== 'object' || Array.isArray(body)) {
          results.push({
            host,
            organization: name,
            error: {
              kind: 'malformed-response',
              message: `GET /orgs/${name} did not answer with an organisation`,
            },
            calls,
          });
          continue;
        }
        results.push({
          host,
          organization: name,
          settings: organizationSettings({
            host,
            organization: name,
            body: body as Record<string, unknown>,
          }),
          calls,
        });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        results.push({
          host,
          organization: name,
          error: readErrorOf(error),
          calls: attemptsOf(error),
        });
      }
    }
    return results;
  }

  /** Authorization and version headers for calls about an owner's repositories. */
  private async headersFor(
    endpoint: GithubEndpoint,
    owner: string,
  ): Promise<Record<string, string>> {
    let credentials;
    try {
      credentials = await this.credentialsProvider.getCredentials({
        url: `https://${endpoint.host}/${owner}`,
      });
    } catch (error) {
      throw new ScmHttpError(
        'auth-failed',
        `No GitHub credentials for ${endpoint.host}/${owner}: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    }
    return {
      'user-agent': 'innersource-backstage',
      // Enterprise Server versions before 3.9 do not know the header
      ...(endpoint.host === 'github.com'
        ? { 'x-github-api-version': '2022-11-28' }
        : {}),
      ...credentials.headers,
    };
  }

  /**
   * Groups repositories that can share a batched query: same host, same credentials (a token
   * serves every owner; a GitHub App has one installation token per owner).
   */
  private async groupByCredentials(
    locators: ScmRepositoryLocator[],
    results: Map<string, ScmRepositoryReadResult>,
    signal?: AbortSignal,
  ): Promise<Array<{ context: CallContext; targets: Target[] }>> {
    const groups = new Map<
      string,
      { context: CallContext; targets: Target[] }
    >();
    const headersByOwner = new Map<string, Promise<Record<string, string>>>();
    for (const locator of locators) {
      const [owner, name] = locator.fullPath.split('/');
      const integration = this.integrations.github.byHost(locator.host);
      if (!integration || !owner || !name) {
        results.set(locator.url, {
          url: locator.url,
          error: {
            kind: 'unreachable',
            message: `integrations.github has no entry for ${locator.host}`,
          },
          calls: 0,
        });
        continue;
      }
      const endpoint = githubEndpoint(integration.config);
      const ownerKey = `${locator.host}/${owner.toLowerCase()}`;
      let pending = headersByOwner.get(ownerKey);
      if (!pending) {
        pending = this.headersFor(endpoint, owner);
        headersByOwner.set(ownerKey, pending);
      }
      let headers: Record<string, string>;
      try {
        headers = await pending;
      } catch (error) {
        results.set(locator.url, {
          url: locator.url,
          error: readErrorOf(error),
          calls: 0,
        });
        continue;
      }
      const key = `${locator.host}\n${headers.Authorization ?? ''}`;
      let group = groups.get(key);
      if (!group) {
        group = { context: { endpoint, headers, signal }, targets: [] };
        groups.set(key, group);
      }
      group.targets.push({ locator, owner, name });
    }
    return [...groups.values()];
  }

  /** One GraphQL query; retried once when GitHub answers that the GraphQL budget is spent. */
  private async graphql<T>(
    context: CallContext,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<GraphqlAnswer<T>> {
    const url = context.endpoint.graphqlUrl;
    let attempts = 0;
    for (let retried = false; ; retried = true) {
      let response;
      try {
        response = await this.http.request<GqlResponse<T>>({
          url,
          method: 'POST',
          headers: context.headers,
          body: { query, variables },
          bucket: 'graphql',
          signal: context.signal,
        });
      } catch (error) {
        if (error instanceof ScmHttpError) {
          withAttempts(error, attempts + (error.attempts ?? 0));
        }
        throw error;
      }
      attempts += response.attempts ?? 1;
      const body = response.data;
      if (
        !body ||
        typeof body !== 'object' ||
        (!('data' in body) && !('errors' in body))
      ) {
        throw withAttempts(
          new ScmHttpError(
            'malformed-response',
            `${url} answered without data or errors`,
            response.status,
          ),
          attempts,
        );
      }
      const errors = Array.isArray(body.errors) ? body.errors : [];
      if (body.data && typeof body.data === 'object') {
        return { data: body.data, errors, attempts };
      }
      // A spent GraphQL budget comes as HTTP 200 with x-ratelimit-remaining: 0; the client
      // noted it and waits for the reset before the retry (or fails when that is too far off).
      if (!retried && errors.some(e => e.type === 'RATE_LIMITED')) continue;
      throw withAttempts(
        graphqlError(errors, `${url} answered without data`),
        attempts,
      );
    }
  }

  /** Reads a batch of repositories with one query, then what each needs on its own. */
  private async readBatch(
    context: CallContext,
    batch: Target[],
    options: ScmReadOptions,
    stats: RunStats,
  ): Promise<ScmRepositoryReadResult[]> {
    const goodFirst = options.goodFirstIssueLabels;
    const variables: Record<string, unknown> = {
      goodFirstIssueLabels: goodFirst,
      helpWantedLabels: options.helpWantedLabels,
      withGoodFirstIssues: goodFirst.length > 0,
      listGoodFirstIssues:
        goodFirst.length > 0 && options.goodFirstIssueLimit > 0,
      withHelpWanted: options.helpWantedLabels.length > 0,
      goodFirstIssueLimit: Math.min(
        Math.max(options.goodFirstIssueLimit, 1),
        100,
      ),
      firstPageSize: this.firstPageSize,
      responses: RESPONSE_LIMIT,
    };
    batch.forEach((target, i) => {
      variables[`o${i}`] = target.owner;
      variables[`n${i}`] = target.name;
    });

    stats.batches += 1;
    let answer: GraphqlAnswer<Record<string, unknown>>;
    try {
      answer = await this.graphql<Record<string, unknown>>(
        context,
        repositoriesQuery(batch.length),
        variables,
      );
    } catch (error) {
      if (context.signal?.aborted) throw error;
      const attempts = attemptsOf(error);
      stats.batchCalls += attempts;
      const failure = readErrorOf(error);
      return batch.map(target => ({
        url: target.locator.url,
        error: failure,
        calls: Math.ceil(attempts / batch.length),
      }));
    }
    stats.batchCalls += answer.attempts;
    const share = Math.ceil(answer.attempts / batch.length);

    const results: ScmRepositoryReadResult[] = [];
    for (const [i, target] of batch.entries()) {
      const alias = repositoryAlias(i);
      const node = answer.data[alias] as GqlRepository | null | undefined;
      const errors = answer.errors.filter(e => e.path?.[0] === alias);
      if (!node) {
        const error = graphqlError(
          errors,
          `Could not resolve to a Repository with the name '${target.locator.fullPath}'.`,
        );
        results.push({
          url: target.locator.url,
          // without an error GitHub would have answered with the repository
          error: {
            kind: errors.length ? error.kind : 'not-found',
            message: error.message,
          },
          calls: share,
        });
        continue;
      }
      results.push(
        await this.completeRepository({
          context,
          target,
          node,
          errors,
          options,
          calls: share,
          stats,
        }),
      );
    }
    return results;
  }

  /** Adds protection, pull requests and issues to what the batched query read. */
  private async completeRepository(options: {
    context: CallContext;
    target: Target;
    node: GqlRepository;
    errors: GqlError[];
    options: ScmReadOptions;
    calls: number;
    stats: RunStats;
  }): Promise<ScmRepositoryReadResult> {
    const { context, target, node, errors, stats } = options;
    const url = target.locator.url;
    let calls = options.calls;
    let signals: Partial<ScmRepositorySignals>;
    try {
      signals = repositoryHeader(node, url);
    } catch {
      return {
        url,
        error: combine([
          {
            kind: 'malformed-response',
            message: `GitHub answered without the fields of ${
              target.locator.fullPath
            }${
              errors.length ? `: ${errors.map(e => e.message).join('; ')}` : ''
            }`,
          },
        ]),
        calls,
      };
    }
    const failures: ScmReadError[] = [];

    const protection = await this.branchProtection({
      context,
      target,
      node,
      // a token that may not read protection rules gets an error on that field only
      classicUnreadable: errors.some(e =>
        e.path?.includes('branchProtectionRule'),
      ),
    });
    calls += protection.calls;
    stats.restCalls += protection.calls;
    if (protection.error) {
      failures.push(protection.error);
    } else {
      // set even when undefined: the protection could not be read, not kept from an earlier read
      signals.branchProtection = protection.value;
    }

    const since = options.options.since.getTime();
    const pullRequests = await this.collectPages<GqlPullRequest>({
      first: node.recentPullRequests,
      since,
      what: `pull requests of ${target.locator.fullPath}`,
      signal: context.signal,
      next: after =>
        this.nextPage<GqlPullRequest>(
          context,
          target,
          PULL_REQUESTS_QUERY,
          after,
        ),
    });
    calls += pullRequests.calls;
    stats.pageCalls += pullRequests.calls;
    if (pullRequests.error) failures.push(pullRequests.error);
    else signals.pullRequests = pullRequests.items.map(toChangeRequest);

    const issues = await this.collectPages<GqlIssue>({
      first: node.recentIssues,
      since,
      what: `issues of ${target.locator.fullPath}`,
      signal: context.signal,
      next: after =>
        this.nextPage<GqlIssue>(context, target, ISSUES_QUERY, after),
    });
    calls += issues.calls;
    stats.pageCalls += issues.calls;
    if (issues.error) failures.push(issues.error);
    else signals.issues = issues.items.map(toIssue);
    // (a failed read has no limit: it keeps its earlier items and their limit)
    const readLimits = scmReadLimits({
      pullRequestsFrom: pullRequests.limitedFrom,
      issuesFrom: issues.limitedFrom,
    });
    if (readLimits) signals.readLimits = readLimits;

    const error = combine(failures);
    return { url, signals, calls, ...(error ? { error } : {}) };
  }

  /**
   * The default branch's protection: the classic rule from the batched query, else the rules
   * of rulesets over REST (a conditional request: unchanged answers do not count against the
   * rate limit). Undefined when the token may not read it; `error` when reading failed.
   */
  private async branchProtection(options: {
    context: CallContext;
    target: Target;
    node: GqlRepository;
    classicUnreadable: boolean;
  }): Promise<{
    value?: BranchProtection;
    calls: number;
    error?: ScmReadError;
  }> {
    const { context, target, node, classicUnreadable } = options;
    const branch = node.defaultBranchRef?.name;
    // an empty repository has no branch to protect
    if (!branch) return { calls: 0 };
    const rule = node.defaultBranchRef?.branchProtectionRule;
    if (rule && !classicUnreadable) {
      return { value: protectionFromRule(rule), calls: 0 };
    }
    const { restBaseUrl } = context.endpoint;
    try {
      const response = await this.http.request<unknown>({
        url: `${restBaseUrl}/repos/${encodeURIComponent(
          target.owner,
        )}/${encodeURIComponent(
          target.name,
        )}/rules/branches/${encodeURIComponent(branch)}?per_page=100`,
        headers: { ...context.headers, accept: 'application/vnd.github+json' },
        bucket: 'core',
        conditional: true,
        signal: context.signal,
      });
      const calls = response.attempts ?? 1;
      if (!Array.isArray(response.data)) {
        return {
          calls,
          error: {
            kind: 'malformed-response',
            message: `The rules of ${target.locator.fullPath}@${branch} are not a list`,
          },
        };
      }
      const rules = response.data as BranchRule[];
      // without the classic rule, no ruleset only says "not protected by rulesets"
      if (classicUnreadable && rules.length === 0) return { calls };
      return { value: protectionFromRules(rules), calls };
    } catch (error) {
      if (context.signal?.aborted) throw error;
      const calls = attemptsOf(error);
      // no permission, or a GitHub Enterprise Server without rulesets
      if (
        error instanceof ScmHttpError &&
        (error.kind === 'auth-failed' || error.kind === 'not-found')
      ) {
        return { calls };
      }
      return { calls, error: readErrorOf(error) };
    }
  }

  /** A further page of a repository's pull requests or issues. */
  private async nextPage<T>(
    context: CallContext,
    target: Target,
    query: string,
    after: string | null,
  ): Promise<{ page: GqlPage<T>; attempts: number }> {
    const answer = await this.graphql<{
      repository: { page: GqlPage<T> | null } | null;
    }>(context, query, {
      owner: target.owner,
      name: target.name,
      after,
      pageSize: this.pageSize,
      responses: RESPONSE_LIMIT,
    });
    const page = answer.data.repository?.page;
    if (!page) {
      throw withAttempts(
        graphqlError(
          answer.errors,
          `Could not resolve to a Repository with the name '${target.locator.fullPath}'.`,
        ),
        answer.attempts,
      );
    }
    return { page, attempts: answer.attempts };
  }

  /** Pages through items ordered newest first until one was created before `since`. */
  private async collectPages<T extends { createdAt: string }>(options: {
    first: GqlPage<T> | null;
    since: number;
    what: string;
    signal?: AbortSignal;
    next: (
      after: string | null,
    ) => Promise<{ page: GqlPage<T>; attempts: number }>;
  }): Promise<{
    items: T[];
    calls: number;
    /** The oldest item read, when the page limit stopped the read before `since`. */
    limitedFrom?: string;
    error?: ScmReadError;
  }> {
    const { since, next } = options;
    const items: T[] = [];
    let calls = 0;
    let limitedFrom: string | undefined;
    try {
      let page = options.first;
      if (!page) {
        const answer = await next(null);
        calls += answer.attempts;
        page = answer.page;
      }
      for (let pages = 0; ; pages++) {
        const nodes = page.nodes ?? [];
        let older = false;
        for (const node of nodes) {
          if (Date.parse(node.createdAt) >= since) items.push(node);
          else older = true;
        }
        const { hasNextPage, endCursor } = page.pageInfo;
        if (older || !hasNextPage || !endCursor || nodes.length === 0) break;
        if (pages >= this.maxPages) {
          this.logger.warn(
            `GitHub: stopped after ${pages} further pages of ${options.what}; older ones are left out`,
          );
          limitedFrom = items[items.length - 1]?.createdAt;
          break;
        }
        const answer = await next(endCursor);
        calls += answer.attempts;
        page = answer.page;
      }
    } catch (error) {
      if (options.signal?.aborted) throw error;
      return {
        items,
        calls: calls + attemptsOf(error),
        error: readErrorOf(error),
      };
    }
    return { items, calls, ...(limitedFrom ? { limitedFrom } : {}) };
  }
}
