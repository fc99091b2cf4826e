import { LoggerService } from '@backstage/backend-plugin-api';
import { ScmErrorKind } from './scm';

/**
 * A failed SCM API call, classified.
 *
 * @public
 */
export class ScmHttpError extends Error {
  readonly kind: ScmErrorKind;
  readonly status?: number;

  constructor(kind: ScmErrorKind, message: string, status?: number) {
    super(message);
    this.name = 'ScmHttpError';
    this.kind = kind;
    this.status = status;
  }
}

/** @public */
export interface ScmHttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /**
   * The rate-limit budget the call draws on, e.g. `graphql` or `core` on GitHub. Calls in the
   * same bucket of the same host share what the last response said about the remaining budget.
   */
  bucket?: string;
  /**
   * Send `If-None-Match` with the ETag of the last answer to the same URL and reuse that answer
   * on `304 Not Modified` (GitHub does not count those against the rate limit). GET only.
   */
  conditional?: boolean;
  signal?: AbortSignal;
}

/** @public */
export interface ScmHttpResponse<T> {
  status: number;
  data: T;
  headers: Headers;
  /** The answer was `304 Not Modified` and `data` is the earlier answer. */
  notModified: boolean;
}

/** @public */
export interface ScmHttpClientOptions {
  logger?: LoggerService;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  /** Retries after a 5xx, a timeout or a network error; default 2. */
  maxRetries?: number;
  /** The longest wait for a rate-limit reset before giving up on the call; default 15 minutes. */
  maxWaitMs?: number;
  /**
   * When the remaining budget of a bucket falls below this share of its limit, calls are spaced
   * so that the rest lasts until the reset; default 0.1.
   */
  slowDownBelow?: number;
  /** Calls kept in reserve: at or below this many left, wait for the reset; default 5. */
  reserve?: number;
  /** For tests. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

interface Budget {
  limit?: number;
  remaining: number;
  /** epoch ms */
  resetAt: number;
}

const defaultSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

function header(headers: Headers, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null && value !== '') return value;
  }
  return undefined;
}

function numberHeader(
  headers: Headers,
  ...names: string[]
): number | undefined {
  const value = header(headers, ...names);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * A JSON HTTP client for SCM platform APIs (GitHub REST and GraphQL, GitLab REST) that respects
 * rate limits: it reads the remaining budget from every response (`x-ratelimit-*` on GitHub,
 * `ratelimit-*` on GitLab), spaces calls when the budget runs low, waits for the reset on a
 * primary limit and for `retry-after` on a secondary one, retries server errors and timeouts
 * with backoff, and makes conditional requests with ETags. It counts the calls it makes.
 *
 * @public
 */
export class ScmHttpClient {
  private readonly budgets = new Map<string, Budget>();
  private readonly etags = new Map<string, { etag: string; data: unknown }>();
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private callCount = 0;
  private waitedMs = 0;

  constructor(private readonly options: ScmHttpClientOptions = {}) {
    this.fetchImpl = options.fetch ?? ((...args) => fetch(...args));
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
  }

  /** HTTP requests sent so far (retries included). */
  get calls(): number {
    return this.callCount;
  }

  /** Milliseconds spent waiting for rate limits so far. */
  get waited(): number {
    return this.waitedMs;
  }

  /** JSON of a successful (2xx or 304) response; a classified {@link ScmHttpError} otherwise. */
  async request<T>(request: ScmHttpRequest): Promise<ScmHttpResponse<T>> {
    const maxRetries = this.options.maxRetries ?? 2;
    const bucketKey = `${new URL(request.url).host}:${request.bucket ?? 'default'}`;
    let attempt = 0;
    for (;;) {
      await this.waitForBudget(bucketKey, request.signal);
      let response: Response;
      try {
        response = await this.send(request);
      } catch (error) {
        if (request.signal?.aborted) throw error;
        const kind: ScmErrorKind =
          error instanceof Error && error.name === 'TimeoutError'
            ? 'timeout'
            : 'unreachable';
        if (attempt < maxRetries) {
          attempt += 1;
          await this.pause(this.backoff(attempt), request.signal);
          continue;
        }
        throw new ScmHttpError(
          kind,
          kind === 'timeout'
            ? `${request.url} did not answer within ${
                this.options.timeoutMs ?? 30000
              } ms`
            : `${request.url} could not be reached: ${
                error instanceof Error ? error.message : String(error)
              }`,
        );
      }
      this.recordBudget(bucketKey, response.headers);

      const limitWait = await this.rateLimitWait(response);
      if (limitWait !== undefined) {
        const maxWait = this.options.maxWaitMs ?? 15 * 60_000;
        if (limitWait > maxWait || attempt >= maxRetries + 2) {
          throw new ScmHttpError(
            'rate-limited',
            `Rate limited by ${new URL(request.url).host} (HTTP ${
              response.status
            }); the limit resets in ${Math.ceil(limitWait / 1000)} s`,
            response.status,
          );
        }
        attempt += 1;
        this.options.logger?.info(
          `Rate limited by ${new URL(request.url).host} (HTTP ${
            response.status
          }), waiting ${Math.ceil(limitWait / 1000)} s`,
        );
        await this.pause(limitWait, request.signal);
        continue;
      }

      if (response.status >= 500) {
        if (attempt < maxRetries) {
          attempt += 1;
          await this.pause(this.backoff(attempt), request.signal);
          continue;
        }
        throw new ScmHttpError(
          'server-error',
          `${request.url} answered HTTP ${response.status} after ${
            attempt + 1
          } attempts`,
          response.status,
        );
      }
      return this.interpret<T>(request, response);
    }
  }

  private async send(request: ScmHttpRequest): Promise<Response> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    const signal = request.signal
      ? AbortSignal.any([request.signal, timeout])
      : timeout;
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...request.headers,
    };
    const cached =
      request.conditional && (request.method ?? 'GET') === 'GET'
        ? this.etags.get(request.url)
        : undefined;
    if (cached) headers['if-none-match'] = cached.etag;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    this.callCount += 1;
    return this.fetchImpl(request.url, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
    });
  }

  private async interpret<T>(
    request: ScmHttpRequest,
    response: Response,
  ): Promise<ScmHttpResponse<T>> {
    const { status } = response;
    if (status === 304) {
      const cached = this.etags.get(request.url);
      if (cached) {
        return {
          status,
          data: cached.data as T,
          headers: response.headers,
          notModified: true,
        };
      }
      throw new ScmHttpError(
        'malformed-response',
        `${request.url} answered 304 to a request without an ETag`,
        status,
      );
    }
    const text = await response.text();
    if (status === 401) {
      throw new ScmHttpError(
        'auth-failed',
        `${request.url} rejected the credentials (HTTP 401)`,
        status,
      );
    }
    if (status === 403) {
      throw new ScmHttpError(
        'auth-failed',
        `${request.url} refused access (HTTP 403)${messageOf(text)}`,
        status,
      );
    }
    if (status === 404 || status === 410) {
      throw new ScmHttpError(
        'not-found',
        `${request.url} was not found (HTTP ${status})`,
        status,
      );
    }
    if (status < 200 || status >= 300) {
      throw new ScmHttpError(
        'server-error',
        `${request.url} answered HTTP ${status}${messageOf(text)}`,
        status,
      );
    }
    let data: T;
    try {
      data = (text === '' ? null : JSON.parse(text)) as T;
    } catch {
      throw new ScmHttpError(
        'malformed-response',
        `${request.url} answered with malformed JSON: ${JSON.stringify(
          text.slice(0, 80),
        )}`,
        status,
      );
    }
    const etag = response.headers.get('etag');
    if (request.conditional && etag) {
      this.etags.set(request.url, { etag, data });
    }
    return { status, data, headers: response.headers, notModified: false };
  }

  /** How long to wait before retrying a rate-limited response; undefined when it is not one. */
  private async rateLimitWait(response: Response): Promise<number | undefined> {
    if (response.status !== 403 && response.status !== 429) return undefined;
    const headers = response.headers;
    const retryAfter = numberHeader(headers, 'retry-after');
    if (retryAfter !== undefined) return Math.max(retryAfter * 1000, 1000);
    const remaining = numberHeader(
      headers,
      'x-ratelimit-remaining',
      'ratelimit-remaining',
    );
    const reset = numberHeader(headers, 'x-ratelimit-reset', 'ratelimit-reset');
    if (remaining === 0 && reset !== undefined) {
      return Math.max(reset * 1000 - this.now(), 0) + 1000;
    }
    if (response.status === 429) return 60_000;
    // GitHub's secondary limit without retry-after: "wait at least one minute"
    const body = await response
      .clone()
      .text()
      .catch(() => '');
    if (/secondary rate limit|abuse/i.test(body)) return 60_000;
    return undefined;
  }

  private recordBudget(bucketKey: string, headers: Headers) {
    const remaining = numberHeader(
      headers,
      'x-ratelimit-remaining',
      'ratelimit-remaining',
    );
    const reset = numberHeader(headers, 'x-ratelimit-reset', 'ratelimit-reset');
    if (remaining === undefined || reset === undefined) return;
    this.budgets.set(bucketKey, {
      remaining,
      resetAt: reset * 1000,
      limit: numberHeader(headers, 'x-ratelimit-limit', 'ratelimit-limit'),
    });
  }

  /** Waits for the reset when the budget is spent, and spaces calls when it runs low. */
  private async waitForBudget(bucketKey: string, signal?: AbortSignal) {
    const budget = this.budgets.get(bucketKey);
    if (!budget) return;
    const untilReset = budget.resetAt - this.now();
    if (untilReset <= 0) {
      this.budgets.delete(bucketKey);
      return;
    }
    const reserve = this.options.reserve ?? 5;
    if (budget.remaining <= reserve) {
      const maxWait = this.options.maxWaitMs ?? 15 * 60_000;
      if (untilReset > maxWait) {
        throw new ScmHttpError(
          'rate-limited',
          `The rate limit of ${bucketKey} is spent and resets in ${Math.ceil(
            untilReset / 1000,
          )} s`,
        );
      }
      this.options.logger?.info(
        `${budget.remaining} calls left on ${bucketKey}, waiting ${Math.ceil(
          untilReset / 1000,
        )} s for the rate limit to reset`,
      );
      await this.pause(untilReset + 1000, signal);
      this.budgets.delete(bucketKey);
      return;
    }
    const share = this.options.slowDownBelow ?? 0.1;
    if (budget.limit && budget.remaining < budget.limit * share) {
      const spacing = Math.min(
        Math.ceil(untilReset / (budget.remaining - reserve)),
        60_000,
      );
      await this.pause(spacing, signal);
    }
    budget.remaining -= 1;
  }

  private backoff(attempt: number) {
    return 500 * 2 ** (attempt - 1);
  }

  private async pause(ms: number, signal?: AbortSignal) {
    if (signal?.aborted) throw signal.reason;
    this.waitedMs += ms;
    await this.sleep(ms);
  }
}

function messageOf(text: string): string {
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed.message === 'string') {
      return `: ${parsed.message}`;
    }
  } catch {
    // not JSON
  }
  return '';
}
