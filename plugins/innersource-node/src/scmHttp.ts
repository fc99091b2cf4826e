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
  /** HTTP requests the failed call made (retries included); 0 when none was sent. */
  attempts?: number;

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
  /** HTTP requests this call made (retries included). */
  attempts?: number;
}

/** @public */
export interface ScmHttpClientOptions {
  logger?: LoggerService;
  /** Per attempt, reading the body included; default 30 s. */
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
  /** For tests. Waits `ms`; may settle early when `signal` aborts (the client checks it after). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

interface Budget {
  limit?: number;
  remaining: number;
  /** epoch ms */
  resetAt: number;
}

/** How many rate-limit waits one call may sit through before it gives up. */
const MAX_RATE_LIMIT_WAITS = 3;

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>(resolve => {
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

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

/** A response whose body has been read within the attempt's timeout. */
interface ReadResponse {
  status: number;
  headers: Headers;
  text: string;
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
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private callCount = 0;
  private waitedMs = 0;
  private waitCount = 0;

  constructor(private readonly options: ScmHttpClientOptions = {}) {
    this.fetchImpl = options.fetch ?? ((...args) => fetch(...args));
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
  }

  /** HTTP requests sent so far (retries included). */
  get calls(): number {
    return this.callCount;
  }

  /** Milliseconds spent waiting for rate limits so far (backoff after errors not included). */
  get waited(): number {
    return this.waitedMs;
  }

  /** How many times the client waited for a rate limit so far. */
  get waits(): number {
    return this.waitCount;
  }

  /** JSON of a successful (2xx or 304) response; a classified {@link ScmHttpError} otherwise. */
  async request<T>(request: ScmHttpRequest): Promise<ScmHttpResponse<T>> {
    let attempts = 0;
    try {
      const response = await this.attempt<T>(request, () => {
        attempts += 1;
      });
      return { ...response, attempts };
    } catch (error) {
      if (error instanceof ScmHttpError) error.attempts = attempts;
      throw error;
    }
  }

  private async attempt<T>(
    request: ScmHttpRequest,
    onSend: () => void,
  ): Promise<ScmHttpResponse<T>> {
    const maxRetries = this.options.maxRetries ?? 2;
    const maxWait = this.options.maxWaitMs ?? 15 * 60_000;
    const host = new URL(request.url).host;
    const bucketKey = `${host}:${request.bucket ?? 'default'}`;
    let retries = 0;
    let limitWaits = 0;
    for (;;) {
      await this.waitForBudget(bucketKey, request.signal);
      let response: ReadResponse;
      try {
        onSend();
        response = await this.send(request);
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason ?? error;
        const kind: ScmErrorKind =
          error instanceof Error && error.name === 'TimeoutError'
            ? 'timeout'
            : 'unreachable';
        if (retries < maxRetries) {
          retries += 1;
          await this.backoff(retries, request.signal);
          continue;
        }
        throw new ScmHttpError(
          kind,
          kind === 'timeout'
            ? `${request.url} did not answer within ${
                this.options.timeoutMs ?? 30_000
              } ms (${retries + 1} attempts)`
            : `${request.url} could not be reached: ${
                error instanceof Error ? error.message : String(error)
              }`,
        );
      }
      this.recordBudget(bucketKey, response.headers);

      const limitWait = this.rateLimitWait(response);
      if (limitWait !== undefined) {
        if (limitWait > maxWait || limitWaits >= MAX_RATE_LIMIT_WAITS) {
          throw new ScmHttpError(
            'rate-limited',
            `Rate limited by ${host} (HTTP ${
              response.status
            }); the limit resets in ${Math.ceil(limitWait / 1000)} s${messageOf(
              response.text,
            )}`,
            response.status,
          );
        }
        limitWaits += 1;
        this.options.logger?.info(
          `Rate limited by ${host} (HTTP ${
            response.status
          }), waiting ${Math.ceil(limitWait / 1000)} s`,
        );
        await this.rateLimitPause(limitWait, request.signal);
        // the wait covered the reset: do not wait for it a second time
        this.budgets.delete(bucketKey);
        continue;
      }

      if (response.status >= 500) {
        if (retries < maxRetries) {
          retries += 1;
          await this.backoff(retries, request.signal);
          continue;
        }
        throw new ScmHttpError(
          'server-error',
          `${request.url} answered HTTP ${response.status} after ${
            retries + 1
          } attempts`,
          response.status,
        );
      }
      return this.interpret<T>(request, response);
    }
  }

  /** Sends one request and reads its body, both within the timeout. */
  private async send(request: ScmHttpRequest): Promise<ReadResponse> {
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
    if (request.body !== undefined)
      headers['content-type'] = 'application/json';
    this.callCount += 1;
    try {
      const response = await this.fetchImpl(request.url, {
        method: request.method ?? 'GET',
        headers,
        body:
          request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      // Whatever the fetch implementation threw, a fired timeout is a timeout.
      if (timeout.aborted && !request.signal?.aborted) {
        const timeoutError = new Error('The request timed out');
        timeoutError.name = 'TimeoutError';
        throw timeoutError;
      }
      throw error;
    }
  }

  private interpret<T>(
    request: ScmHttpRequest,
    response: ReadResponse,
  ): ScmHttpResponse<T> {
    const { status, text } = response;
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
  private rateLimitWait(response: ReadResponse): number | undefined {
    if (response.status !== 403 && response.status !== 429) return undefined;
    const headers = response.headers;
    const retryAfter = header(headers, 'retry-after');
    if (retryAfter !== undefined) {
      const seconds = Number(retryAfter);
      if (Number.isFinite(seconds)) return Math.max(seconds * 1000, 1000);
      // an HTTP date
      const at = Date.parse(retryAfter);
      if (Number.isFinite(at)) return Math.max(at - this.now(), 1000);
    }
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
    if (/secondary rate limit|abuse/i.test(response.text)) return 60_000;
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
      await this.rateLimitPause(untilReset + 1000, signal);
      this.budgets.delete(bucketKey);
      return;
    }
    const share = this.options.slowDownBelow ?? 0.1;
    if (budget.limit && budget.remaining < budget.limit * share) {
      const spacing = Math.min(
        Math.ceil(untilReset / (budget.remaining - reserve)),
        60_000,
      );
      await this.rateLimitPause(spacing, signal);
    }
    budget.remaining -= 1;
  }

  private async backoff(retry: number, signal?: AbortSignal) {
    await this.pause(500 * 2 ** (retry - 1), signal);
  }

  private async rateLimitPause(ms: number, signal?: AbortSignal) {
    this.waitedMs += ms;
    this.waitCount += 1;
    await this.pause(ms, signal);
  }

  private async pause(ms: number, signal?: AbortSignal) {
    if (signal?.aborted) throw signal.reason;
    await this.sleep(ms, signal);
    if (signal?.aborted) throw signal.reason;
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
