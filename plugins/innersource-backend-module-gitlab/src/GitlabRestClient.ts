import {
  GitLabIntegrationConfig,
  getGitLabRequestOptions,
} from '@backstage/integration';
import {
  ScmHttpClient,
  ScmHttpError,
  ScmHttpResponse,
} from '@innersource-backstage/plugin-innersource-node';

type Query = Record<string, string | number | boolean | undefined>;

/** Pages read from a GitLab list endpoint. */
export interface GitlabPages<T> {
  items: T[];
  /** Stopped at the page limit while GitLab had more. */
  truncated: boolean;
}

function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

/** The `X-Total` of a list answer; GitLab leaves it out above 10,000 results. */
export function totalOf(headers: Headers): number | undefined {
  const value = headers.get('x-total');
  if (value === null || value === '') return undefined;
  const total = Number(value);
  return Number.isFinite(total) ? total : undefined;
}

/**
 * GitLab REST v4 calls for one integration (host): its API base URL and token, JSON shape
 * checks, and offset pagination through `Link` / `X-Next-Page`.
 */
export class GitlabRestClient {
  private readonly headers: Record<string, string>;

  constructor(
    private readonly http: ScmHttpClient,
    private readonly config: GitLabIntegrationConfig,
  ) {
    this.headers = getGitLabRequestOptions(config).headers;
  }

  /** `https://gitlab.example.com/api/v4` + path + query. */
  url(path: string, query: Query = {}): string {
    const url = new URL(`${this.config.apiBaseUrl.replace(/\/+$/, '')}${path}`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  /** One object; a `malformed-response` error when the answer is not a JSON object. */
  async getObject<T extends object>(
    path: string,
    options: {
      query?: Query;
      conditional?: boolean;
      signal?: AbortSignal;
    } = {},
  ): Promise<ScmHttpResponse<T>> {
    const url = this.url(path, options.query);
    const response = await this.send<T>(url, options);
    if (
      typeof response.data !== 'object' ||
      response.data === null ||
      Array.isArray(response.data)
    ) {
      throw new ScmHttpError(
        'malformed-response',
        `${url} answered with something other than a JSON object`,
        response.status,
      );
    }
    return response;
  }

  /** One page of a list; a `malformed-response` error when the answer is not a JSON array. */
  async getList<T>(
    path: string,
    options: { query?: Query; signal?: AbortSignal } = {},
  ): Promise<ScmHttpResponse<T[]>> {
    return this.getListAt<T>(this.url(path, options.query), options.signal);
  }

  /**
   * Every page of a list, following `Link: rel="next"` (or `X-Next-Page`), until GitLab has no
   * more, `maxPages` were read, or `stop` says the rest is not wanted (e.g. items are newest first
   * and one is older than the window).
   */
  async getAllPages<T>(
    path: string,
    options: {
      query?: Query;
      signal?: AbortSignal;
      maxPages: number;
      stop?: (item: T) => boolean;
    },
  ): Promise<GitlabPages<T>> {
    const items: T[] = [];
    let url: string | undefined = this.url(path, options.query);
    for (let page = 1; url; page++) {
      const response: ScmHttpResponse<T[]> = await this.getListAt<T>(
        url,
        options.signal,
      );
      for (const item of response.data) {
        if (options.stop?.(item)) return { items, truncated: false };
        items.push(item);
      }
      const next = this.nextPageUrl(url, response.headers);
      if (next && page >= options.maxPages) return { items, truncated: true };
      url = next;
    }
    return { items, truncated: false };
  }

  private nextPageUrl(current: string, headers: Headers): string | undefined {
    const link = nextLink(headers.get('link'));
    // A proxy may make GitLab link to an address this backend cannot reach: keep our own origin.
    if (link && new URL(link, current).origin === new URL(current).origin) {
      return new URL(link, current).toString();
    }
    const nextPage = headers.get('x-next-page');
    if (!nextPage) return undefined;
    const url = new URL(current);
    url.searchParams.set('page', nextPage);
    return url.toString();
  }

  private async getListAt<T>(
    url: string,
    signal?: AbortSignal,
  ): Promise<ScmHttpResponse<T[]>> {
    const response = await this.send<T[]>(url, { signal });
    if (!Array.isArray(response.data)) {
      throw new ScmHttpError(
        'malformed-response',
        `${url} answered with something other than a JSON array`,
        response.status,
      );
    }
    return response;
  }

  private send<T>(
    url: string,
    options: { conditional?: boolean; signal?: AbortSignal },
  ): Promise<ScmHttpResponse<T>> {
    return this.http.request<T>({
      url,
      headers: this.headers,
      // GitLab's limits apply per user across the whole API.
      bucket: 'api',
      conditional: options.conditional,
      signal: options.signal,
    });
  }
}
