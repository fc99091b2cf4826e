import { AsyncLocalStorage } from 'node:async_hooks';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import {
  ScmChangeRequest,
  ScmIssue,
  ScmRepositorySignals,
  ScmResponse,
} from '@innersource-backstage/plugin-innersource-common';
import {
  ScmHttpClient,
  ScmHttpError,
  ScmOrganizationReadResult,
  ScmProvider,
  ScmReadError,
  ScmReadOptions,
  ScmRepositoryLocator,
  ScmRepositoryReadResult,
  scmReadLimits,
} from '@innersource-backstage/plugin-innersource-node';
import { GitlabRestClient, totalOf } from './GitlabRestClient';
import { locateGitlabProject } from './locate';
import { mapConcurrently } from './mapConcurrently';
import {
  GitlabApprovalRule,
  GitlabGroup,
  GitlabIssue,
  GitlabMergeRequest,
  GitlabNote,
  GitlabProject,
  GitlabProtectedBranch,
  GitlabUser,
  changeRequestOf,
  hasFirstResponse,
  issueLinkOf,
  issueOf,
  issuesEnabled,
  mergeRequestsEnabled,
  organizationSettingsOf,
  projectSignals,
  protectedBranchMatches,
  requiredApprovals,
  responsesOf,
} from './mapping';

/**
 * A GitLab group whose settings are reported on.
 *
 * @public
 */
export interface GitlabGroupLocator {
  /** Default `gitlab.com`. */
  host?: string;
  /** Full path of the group, e.g. `acme` or `acme/platform`. */
  path: string;
}

/**
 * @public
 */
export interface GitlabScmProviderOptions {
  integrations: ScmIntegrationRegistry;
  logger: LoggerService;
  /** Groups whose settings {@link GitlabScmProvider.readOrganizations} reads. */
  groups?: GitlabGroupLocator[];
  /** Projects read in parallel; default 4. */
  concurrency?: number;
  /** Pages of 100 merge requests (and of 100 issues) read per project; default 20. */
  maxPages?: number;
  /** Per HTTP attempt; default 30 s. */
  timeoutMs?: number;
  /** The longest wait for a rate limit to reset before giving up on a call; default 15 min. */
  maxWaitMs?: number;
  /** Retries after 5xx answers, timeouts and network errors; default 2. */
  maxRetries?: number;
  /** For tests. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

interface NotesCacheEntry {
  userNotesCount: number;
  responses: ScmResponse[];
}

/** How many earliest notes are read per item: enough to get past GitLab's system notes. */
const NOTES_PER_ITEM = 20;
/** Notes requests in flight per project. */
const NOTES_CONCURRENCY = 2;
const NOTE_QUERY = {
  sort: 'asc',
  order_by: 'created_at',
  per_page: NOTES_PER_ITEM,
};

function readErrorOf(error: unknown): ScmReadError {
  if (error instanceof ScmHttpError) {
    return { kind: error.kind, message: error.message };
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return { kind: 'timeout', message: `GitLab did not answer in time` };
  }
  if (error instanceof SyntaxError) {
    return { kind: 'malformed-response', message: error.message };
  }
  return {
    kind: 'unreachable',
    message: error instanceof Error ? error.message : String(error),
  };
}

function statusOf(error: unknown): number | undefined {
  return error instanceof ScmHttpError ? error.status : undefined;
}

function malformed(message: string): ScmHttpError {
  return new ScmHttpError('malformed-response', message);
}

function checkItems<T extends { iid?: unknown; created_at?: unknown }>(
  items: T[],
  what: string,
) {
  for (const item of items) {
    if (typeof item?.iid !== 'number' || typeof item.created_at !== 'string') {
      throw malformed(`GitLab answered ${what} without iid or created_at`);
    }
  }
}

/**
 * Reads GitLab projects (REST v4, gitlab.com and self-managed) for the InnerSource plugin:
 * stars, forks, open issues, topics, visibility, forking, default branch protection with required
 * approvals, good first issues, and the merge requests and issues of the metric window with the
 * earliest notes on each; and the settings of configured groups.
 *
 * Hosts and tokens come from `integrations.gitlab`. Calls go through {@link ScmHttpClient}, which
 * keeps to GitLab's rate limits, retries server errors and makes the project request conditional.
 *
 * @public
 */
export class GitlabScmProvider implements ScmProvider {
  readonly id = 'gitlab';

  private readonly http: ScmHttpClient;
  private readonly clients = new Map<string, GitlabRestClient>();
  private readonly callCounter = new AsyncLocalStorage<{ calls: number }>();
  /** Earliest notes per project and item, reused while an item's notes did not change. */
  private readonly notesCache = new Map<string, Map<string, NotesCacheEntry>>();
  private readonly concurrency: number;
  private readonly maxPages: number;

  /**
   * Reads `integrations.gitlab` and `innersource.scm.gitlab` (see the package's config.d.ts).
   */
  static fromConfig(
    config: Config,
    options: Omit<GitlabScmProviderOptions, 'integrations'>,
  ): GitlabScmProvider {
    const gitlab = config.getOptionalConfig('innersource.scm.gitlab');
    const groups = gitlab?.getOptionalConfigArray('groups')?.map(group => ({
      host: group.getOptionalString('host') ?? 'gitlab.com',
      path: group.getString('path').replace(/^\/+|\/+$/g, ''),
    }));
    const timeoutSeconds = gitlab?.getOptionalNumber('timeoutSeconds');
    const maxWaitMinutes = gitlab?.getOptionalNumber('maxWaitMinutes');
    return new GitlabScmProvider({
      integrations: ScmIntegrations.fromConfig(config),
      groups,
      concurrency: gitlab?.getOptionalNumber('concurrency'),
      maxPages: gitlab?.getOptionalNumber('maxPages'),
      timeoutMs:
        timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
      maxWaitMs:
        maxWaitMinutes === undefined ? undefined : maxWaitMinutes * 60_000,
      ...options,
    });
  }

  constructor(private readonly options: GitlabScmProviderOptions) {
    const baseFetch: typeof fetch =
      options.fetch ?? ((input, init) => fetch(input, init));
    const countingFetch: typeof fetch = (input, init) => {
      const counter = this.callCounter.getStore();
      if (counter) counter.calls += 1;
      return baseFetch(input, init);
    };
    this.http = new ScmHttpClient({
      logger: options.logger,
      timeoutMs: options.timeoutMs,
      maxWaitMs: options.maxWaitMs,
      maxRetries: options.maxRetries,
      fetch: countingFetch,
      sleep: options.sleep,
      now: options.now,
    });
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.maxPages = Math.max(1, options.maxPages ?? 20);
  }

  locate(sourceUrl: string): ScmRepositoryLocator | undefined {
    return locateGitlabProject(sourceUrl, this.options.integrations);
  }

  async readRepositories(
    repositories: ScmRepositoryLocator[],
    options: ScmReadOptions,
  ): Promise<ScmRepositoryReadResult[]> {
    const callsBefore = this.http.calls;
    const waitedBefore = this.http.waited;
    const waitsBefore = this.http.waits;
    const results = await mapConcurrently(
      repositories,
      this.concurrency,
      async repository => {
        const counter = { calls: 0 };
        const result = await this.callCounter.run(counter, () =>
          this.readRepository(repository, options),
        );
        return { ...result, calls: counter.calls };
      },
    );
    this.logRefresh(results, {
      calls: this.http.calls - callsBefore,
      waitedMs: this.http.waited - waitedBefore,
      waits: this.http.waits - waitsBefore,
    });
    return results;
  }

  async readOrganizations(
    options: { signal?: AbortSignal } = {},
  ): Promise<ScmOrganizationReadResult[]> {
    const groups = this.options.groups ?? [];
    const callsBefore = this.http.calls;
    const results = await mapConcurrently(
      groups,
      this.concurrency,
      async group => {
        const counter = { calls: 0 };
        const result = await this.callCounter.run(counter, () =>
          this.readGroup(group, options.signal),
        );
        return { ...result, calls: counter.calls };
      },
    );
    if (groups.length > 0) {
      this.options.logger.info(
        `Read ${groups.length} GitLab group(s) with ${
          this.http.calls - callsBefore
        } API call(s)`,
      );
    }
    return results;
  }

  private logRefresh(
    results: ScmRepositoryReadResult[],
    totals: { calls: number; waitedMs: number; waits: number },
  ) {
    const { logger } = this.options;
    const failed = results.filter(r => r.error && !r.signals).length;
    const partial = results.filter(r => r.error && r.signals).length;
    const costliest = [...results]
      .sort((a, b) => b.calls - a.calls)
      .slice(0, 3)
      .map(r => `${r.url} ${r.calls}`)
      .join(', ');
    logger.info(
      `Read ${results.length} GitLab project(s) with ${totals.calls} API call(s)` +
        `${costliest ? ` (most: ${costliest})` : ''}; ${
          totals.waits
        } rate limit wait(s), ${Math.round(
          totals.waitedMs / 1000,
        )} s in all; ${failed} failed, ${partial} partial`,
    );
    for (const result of results) {
      logger.debug(
        `GitLab ${result.url}: ${result.calls} API call(s)${
          result.error ? `, ${result.error.kind}: ${result.error.message}` : ''
        }`,
      );
    }
  }

  private clientFor(host: string): GitlabRestClient | undefined {
    const integration = this.options.integrations.gitlab.byHost(host);
    if (!integration) return undefined;
    let client = this.clients.get(host);
    if (!client) {
      client = new GitlabRestClient(this.http, integration.config);
      this.clients.set(host, client);
    }
    return client;
  }

  private async readRepository(
    repository: ScmRepositoryLocator,
    options: ScmReadOptions,
  ): Promise<Omit<ScmRepositoryReadResult, 'calls'>> {
    const { url } = repository;
    const { signal } = options;
    const api = this.clientFor(repository.host);
    if (!api) {
      return {
        url,
        error: {
          kind: 'unreachable',
          message: `No GitLab integration is configured for ${repository.host}`,
        },
      };
    }
    const base = `/projects/${encodeURIComponent(repository.fullPath)}`;

    let project: GitlabProject;
    try {
      project = (
        await api.getObject<GitlabProject>(base, { conditional: true, signal })
      ).data;
      if (typeof project.visibility !== 'string') {
        throw malformed(`${api.url(base)} answered without a visibility`);
      }
    } catch (error) {
      if (signal?.aborted) throw error;
      const readError = readErrorOf(error);
      if (readError.kind === 'not-found') {
        readError.message = `GitLab project ${repository.fullPath} was not found on ${repository.host} (deleted, moved, or not visible to the token)`;
      }
      return { url, error: readError };
    }

    const signals: Partial<ScmRepositorySignals> = projectSignals(project, url);
    const errors: ScmReadError[] = [];
    const attempt = async <T>(
      what: string,
      read: () => Promise<T>,
    ): Promise<T | undefined> => {
      try {
        return await read();
      } catch (error) {
        if (signal?.aborted) throw error;
        const readError = readErrorOf(error);
        errors.push({
          kind: readError.kind,
          message: `${what}: ${readError.message}`,
        });
        return undefined;
      }
    };

    const protection = await attempt('branch protection', () =>
      this.readBranchProtection(api, base, project, signal),
    );
    if (protection) signals.branchProtection = protection;

    const goodFirstIssues = await attempt('good first issues', () =>
      this.readGoodFirstIssues(api, base, project, options),
    );
    if (goodFirstIssues) signals.goodFirstIssues = goodFirstIssues;

    const cacheKey = `${repository.host}/${repository.fullPath}`;
    const previousNotes = this.notesCache.get(cacheKey);
    const usedNotes = new Map<string, NotesCacheEntry>();
    const notes = (path: string, item: NotesItem) =>
      this.earliestResponses({
        api,
        path,
        item,
        previous: previousNotes,
        used: usedNotes,
        signal,
      });

    const pullRequests = await attempt('merge requests', () =>
      this.readMergeRequests({ api, base, project, options, notes }),
    );
    if (pullRequests) signals.pullRequests = pullRequests.items;

    const issues = await attempt('issues', () =>
      this.readIssues({ api, base, project, options, notes }),
    );
    if (issues) signals.issues = issues.items;
    const readLimits = scmReadLimits({
      pullRequestsFrom: pullRequests?.limitedFrom,
      issuesFrom: issues?.limitedFrom,
    });
    if (readLimits) signals.readLimits = readLimits;

    // Keep the notes of items still in the window; after a partial read keep the older ones too.
    this.notesCache.set(
      cacheKey,
      errors.length === 0
        ? usedNotes
        : new Map([...(previousNotes ?? []), ...usedNotes]),
    );

    if (errors.length === 0) return { url, signals };
    return {
      url,
      signals,
      error: {
        kind: errors[0].kind,
        message: errors.map(e => e.message).join('; '),
      },
    };
  }

  /**
   * Protection of the default branch, wildcards included. Undefined when the token may not read
   * protected branches (403, or 404 where GitLab hides the repository).
   */
  private async readBranchProtection(
    api: GitlabRestClient,
    base: string,
    project: GitlabProject,
    signal?: AbortSignal,
  ): Promise<ScmRepositorySignals['branchProtection']> {
    const branch = project.default_branch;
    if (!branch) return undefined;
    let protections: GitlabProtectedBranch[];
    try {
      protections = (
        await api.getList<GitlabProtectedBranch>(`${base}/protected_branches`, {
          query: { per_page: 100 },
          signal,
        })
      ).data;
    } catch (error) {
      const status = statusOf(error);
      if (status === 403 || status === 404) return undefined;
      throw error;
    }
    const matching = protections.filter(
      p =>
        typeof p?.name === 'string' && protectedBranchMatches(p.name, branch),
    );
    if (matching.length === 0) {
      return { protected: false, requiredApprovingReviews: 0 };
    }
    let rules: GitlabApprovalRule[] = [];
    try {
      rules = (
        await api.getList<GitlabApprovalRule>(`${base}/approval_rules`, {
          query: { per_page: 100 },
          signal,
        })
      ).data;
    } catch (error) {
      // Approval rules are a Premium feature: Free and CE answer 403 or 404.
      const status = statusOf(error);
      if (status !== 403 && status !== 404) throw error;
    }
    return {
      protected: true,
      requiredApprovingReviews: requiredApprovals({
        rules,
        matchingProtections: matching,
      }),
    };
  }

  private async readGoodFirstIssues(
    api: GitlabRestClient,
    base: string,
    project: GitlabProject,
    options: ScmReadOptions,
  ): Promise<ScmRepositorySignals['goodFirstIssues']> {
    if (!issuesEnabled(project)) {
      return { count: 0, helpWantedCount: 0, items: [] };
    }
    const limit = Math.max(0, options.goodFirstIssueLimit);
    const goodFirst = await this.openIssuesLabelled({
      api,
      base,
      labels: options.goodFirstIssueLabels,
      perPage: Math.min(Math.max(limit, 1), 100),
      signal: options.signal,
    });
    const helpWantedLabels = uniqueLabels(options.helpWantedLabels);
    const helpWanted = await this.openIssuesLabelled({
      api,
      base,
      labels: helpWantedLabels,
      // One label: X-Total is the count. Several: read issues to leave out those with two labels.
      perPage: helpWantedLabels.length > 1 ? 100 : 1,
      signal: options.signal,
    });
    return {
      count: goodFirst.count,
      helpWantedCount: helpWanted.count,
      items: goodFirst.items.slice(0, limit).map(issueLinkOf),
    };
  }

  /**
   * Open issues with any of the labels (GitLab's `labels` filter means all of them, so one call
   * per label). The count is exact for one label; for several it is the sum of the totals less the
   * duplicates among the issues read, exact when each label has at most `perPage` issues.
   */
  private async openIssuesLabelled(options: {
    api: GitlabRestClient;
    base: string;
    labels: string[];
    perPage: number;
    signal?: AbortSignal;
  }): Promise<{ count: number; items: GitlabIssue[] }> {
    const { api, base, perPage, signal } = options;
    const byIid = new Map<number, GitlabIssue>();
    let total = 0;
    let read = 0;
    for (const label of uniqueLabels(options.labels)) {
      const response = await api.getList<GitlabIssue>(`${base}/issues`, {
        query: {
          state: 'opened',
          labels: label,
          order_by: 'created_at',
          sort: 'desc',
          per_page: perPage,
        },
        signal,
      });
      checkItems(response.data, 'an issue');
      total += totalOf(response.headers) ?? response.data.length;
      read += response.data.length;
      for (const issue of response.data) byIid.set(issue.iid, issue);
    }
    const items = [...byIid.values()].sort((a, b) =>
      b.created_at.localeCompare(a.created_at),
    );
    return {
      count: Math.max(total - (read - byIid.size), items.length),
      items,
    };
  }

  private async readMergeRequests(options: {
    api: GitlabRestClient;
    base: string;
    project: GitlabProject;
    options: ScmReadOptions;
    notes: (path: string, item: NotesItem) => Promise<ScmResponse[]>;
  }): Promise<{ items: ScmChangeRequest[]; limitedFrom?: string }> {
    const { api, base, project, notes } = options;
    if (!mergeRequestsEnabled(project)) return { items: [] };
    const { items, limitedFrom } = await this.createdSince<GitlabMergeRequest>(
      api,
      `${base}/merge_requests`,
      options.options,
    );
    const read = await mapConcurrently(items, NOTES_CONCURRENCY, async mr =>
      changeRequestOf(
        mr,
        await notes(`${base}/merge_requests/${mr.iid}/notes`, {
          iid: `!${mr.iid}`,
          author: mr.author,
          userNotesCount: mr.user_notes_count,
        }),
      ),
    );
    return { items: read, ...(limitedFrom ? { limitedFrom } : {}) };
  }

  private async readIssues(options: {
    api: GitlabRestClient;
    base: string;
    project: GitlabProject;
    options: ScmReadOptions;
    notes: (path: string, item: NotesItem) => Promise<ScmResponse[]>;
  }): Promise<{ items: ScmIssue[]; limitedFrom?: string }> {
    const { api, base, project, notes } = options;
    if (!issuesEnabled(project)) return { items: [] };
    const { items, limitedFrom } = await this.createdSince<GitlabIssue>(
      api,
      `${base}/issues`,
      options.options,
    );
    const read = await mapConcurrently(items, NOTES_CONCURRENCY, async issue =>
      issueOf(
        issue,
        await notes(`${base}/issues/${issue.iid}/notes`, {
          iid: `#${issue.iid}`,
          author: issue.author,
          userNotesCount: issue.user_notes_count,
        }),
      ),
    );
    return { items: read, ...(limitedFrom ? { limitedFrom } : {}) };
  }

  /**
   * Items created at or after `since`, newest first; `limitedFrom`, the oldest one's creation
   * time, when the page limit stopped the read before `since`.
   */
  private async createdSince<T extends { created_at: string; iid: number }>(
    api: GitlabRestClient,
    path: string,
    options: ScmReadOptions,
  ): Promise<{ items: T[]; limitedFrom?: string }> {
    const since = options.since.getTime();
    const { items, truncated } = await api.getAllPages<T>(path, {
      query: {
        scope: 'all',
        state: 'all',
        created_after: options.since.toISOString(),
        order_by: 'created_at',
        sort: 'desc',
        per_page: 100,
      },
      maxPages: this.maxPages,
      // Newest first: once one is older than the window, so are the rest.
      stop: item =>
        typeof item?.created_at === 'string' &&
        Date.parse(item.created_at) < since,
      signal: options.signal,
    });
    checkItems(
      items,
      path.endsWith('/issues') ? 'an issue' : 'a merge request',
    );
    if (truncated) {
      this.options.logger.warn(
        `${api.url(path)}: read the newest ${items.length} items only (${
          this.maxPages
        } pages); raise innersource.scm.gitlab.maxPages to read further back`,
      );
      const oldest = items[items.length - 1]?.created_at;
      if (oldest) return { items, limitedFrom: oldest };
    }
    return { items };
  }

  /**
   * The earliest human notes of an item, read only when it has any (`user_notes_count > 0`) and
   * reused from the last read while its note count is unchanged or a first response by someone
   * other than the author is already known.
   */
  private async earliestResponses(options: {
    api: GitlabRestClient;
    path: string;
    item: NotesItem;
    previous?: Map<string, NotesCacheEntry>;
    used: Map<string, NotesCacheEntry>;
    signal?: AbortSignal;
  }): Promise<ScmResponse[]> {
    const { api, path, item, previous, used, signal } = options;
    const userNotesCount = item.userNotesCount ?? 0;
    if (userNotesCount <= 0) return [];
    const cached = previous?.get(item.iid);
    if (
      cached &&
      (cached.userNotesCount === userNotesCount ||
        hasFirstResponse(item.author?.username, cached.responses))
    ) {
      used.set(item.iid, cached);
      return cached.responses;
    }
    const response = await api.getList<GitlabNote>(path, {
      query: NOTE_QUERY,
      signal,
    });
    const responses = responsesOf(
      response.data.filter(note => note && typeof note.created_at === 'string'),
    );
    used.set(item.iid, { userNotesCount, responses });
    return responses;
  }

  private async readGroup(
    group: GitlabGroupLocator,
    signal?: AbortSignal,
  ): Promise<Omit<ScmOrganizationReadResult, 'calls'>> {
    const host = group.host ?? 'gitlab.com';
    const result = { host, organization: group.path };
    const api = this.clientFor(host);
    const integration = this.options.integrations.gitlab.byHost(host);
    if (!api || !integration) {
      return {
        ...result,
        error: {
          kind: 'unreachable',
          message: `No GitLab integration is configured for ${host}`,
        },
      };
    }
    try {
      const path = `/groups/${encodeURIComponent(group.path)}`;
      const { data } = await api.getObject<GitlabGroup>(path, {
        query: { with_projects: false },
        signal,
      });
      return {
        ...result,
        settings: organizationSettingsOf({
          group: data,
          host,
          path: group.path,
          fallbackUrl: `${integration.config.baseUrl}/groups/${group.path}`,
        }),
      };
    } catch (error) {
      if (signal?.aborted) throw error;
      return { ...result, error: readErrorOf(error) };
    }
  }
}

interface NotesItem {
  /** `!12` for merge requests, `#12` for issues. */
  iid: string;
  author?: GitlabUser | null;
  userNotesCount?: number;
}

function uniqueLabels(labels: string[]): string[] {
  const seen = new Set<string>();
  return labels.filter(label => {
    const key = label.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
