import { ScmHttpClient, ScmHttpClientOptions, ScmHttpError } from './scmHttp';

const URL_ = 'https://api.github.com/repos/acme/ledger';
const START = Date.parse('2026-11-24T10:00:00Z');

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * A client with a scripted fetch and a fake clock: `sleep` advances the clock instead of
 * waiting, and every pause is recorded.
 */
function setup(
  responses: Array<Response | (() => Response | Promise<Response>)>,
  options: Partial<ScmHttpClientOptions> = {},
) {
  let clock = START;
  const sent: Sent[] = [];
  const sleeps: number[] = [];
  const queue = [...responses];
  const fetchImpl = jest.fn(
    async (url: string | URL | Request, init?: RequestInit) => {
      sent.push({
        url: String(url),
        method: init?.method ?? 'GET',
        headers: { ...(init?.headers as Record<string, string>) },
        body: init?.body as string | undefined,
      });
      const next = queue.shift();
      if (!next) throw new Error(`unexpected request to ${url}`);
      return typeof next === 'function' ? next() : next;
    },
  );
  const client = new ScmHttpClient({
    fetch: fetchImpl as unknown as typeof fetch,
    sleep: async ms => {
      sleeps.push(ms);
      clock += ms;
    },
    now: () => clock,
    ...options,
  });
  return { client, sent, sleeps, now: () => clock };
}

const json = (
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const epochSeconds = (ms: number) => String(Math.floor(ms / 1000));

async function failure(promise: Promise<unknown>): Promise<ScmHttpError> {
  try {
    await promise;
  } catch (error) {
    return error as ScmHttpError;
  }
  throw new Error('expected the request to fail');
}

describe('ScmHttpClient', () => {
  it('returns the JSON of a response and counts the call', async () => {
    const { client, sent } = setup([json({ stargazers_count: 3 })]);
    const response = await client.request<{ stargazers_count: number }>({
      url: URL_,
      method: 'POST',
      headers: { authorization: 'Bearer t' },
      body: { query: '{ viewer { login } }' },
    });
    expect(response).toMatchObject({
      status: 200,
      data: { stargazers_count: 3 },
      notModified: false,
      attempts: 1,
    });
    expect(client.calls).toBe(1);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      body: '{"query":"{ viewer { login } }"}',
      headers: {
        accept: 'application/json',
        authorization: 'Bearer t',
        'content-type': 'application/json',
      },
    });
  });

  it('waits for the reset of a spent primary limit and retries', async () => {
    const resetAt = START + 120_000;
    const { client, sleeps } = setup([
      json({ message: 'API rate limit exceeded for user ID 1.' }, 403, {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': epochSeconds(resetAt),
      }),
      json({ ok: true }, 200, {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-reset': epochSeconds(resetAt + 3_600_000),
      }),
    ]);
    const response = await client.request({ url: URL_, bucket: 'core' });
    expect(response.data).toEqual({ ok: true });
    expect(response.attempts).toBe(2);
    // until the reset plus a second of slack, and only once
    expect(sleeps).toEqual([121_000]);
    expect(client.waited).toBe(121_000);
    expect(client.waits).toBe(1);
    expect(client.calls).toBe(2);
  });

  it('gives up at once when the primary limit resets after the longest wait', async () => {
    const { client, sleeps } = setup(
      [
        json({ message: 'API rate limit exceeded' }, 403, {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': epochSeconds(START + 40 * 60_000),
        }),
      ],
      { maxWaitMs: 15 * 60_000 },
    );
    const error = await failure(client.request({ url: URL_ }));
    expect(error).toBeInstanceOf(ScmHttpError);
    expect(error.kind).toBe('rate-limited');
    expect(error.status).toBe(403);
    expect(error.message).toContain('API rate limit exceeded');
    expect(error.attempts).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('waits for retry-after on a secondary limit', async () => {
    const { client, sleeps } = setup([
      json({ message: 'You have exceeded a secondary rate limit.' }, 429, {
        'retry-after': '30',
      }),
      json({ ok: true }),
    ]);
    await expect(client.request({ url: URL_ })).resolves.toMatchObject({
      data: { ok: true },
    });
    expect(sleeps).toEqual([30_000]);
    expect(client.waits).toBe(1);
  });

  it('reads retry-after given as an HTTP date', async () => {
    const { client, sleeps } = setup([
      json({ message: 'slow down' }, 429, {
        'retry-after': new Date(START + 45_000).toUTCString(),
      }),
      json({ ok: true }),
    ]);
    await client.request({ url: URL_ });
    expect(sleeps).toEqual([45_000]);
  });

  it('waits a minute on a secondary limit that names no time', async () => {
    const { client, sleeps } = setup([
      json(
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        },
        403,
        { 'x-ratelimit-remaining': '4000' },
      ),
      json({ ok: true }),
    ]);
    await client.request({ url: URL_ });
    expect(sleeps).toEqual([60_000]);
  });

  it('stops after a few rate-limit waits in a row', async () => {
    const limited = () =>
      json({ message: 'secondary rate limit' }, 429, { 'retry-after': '10' });
    const { client, sleeps } = setup([limited, limited, limited, limited]);
    const error = await failure(client.request({ url: URL_ }));
    expect(error.kind).toBe('rate-limited');
    expect(error.attempts).toBe(4);
    expect(sleeps).toEqual([10_000, 10_000, 10_000]);
  });

  it('classifies a plain 403 as refused access, without waiting', async () => {
    const { client, sleeps } = setup([
      json({ message: 'Resource not accessible by integration' }, 403, {
        'x-ratelimit-remaining': '4000',
      }),
    ]);
    const error = await failure(client.request({ url: URL_ }));
    expect(error.kind).toBe('auth-failed');
    expect(error.message).toContain('Resource not accessible by integration');
    expect(sleeps).toEqual([]);
  });

  it('classifies 401, 404 and other client errors', async () => {
    const { client } = setup([
      json({ message: 'Bad credentials' }, 401),
      json({ message: 'Not Found' }, 404),
      json({ message: 'Validation Failed' }, 422),
    ]);
    expect((await failure(client.request({ url: URL_ }))).kind).toBe(
      'auth-failed',
    );
    const notFound = await failure(client.request({ url: URL_ }));
    expect(notFound.kind).toBe('not-found');
    expect(notFound.status).toBe(404);
    const invalid = await failure(client.request({ url: URL_ }));
    expect(invalid.status).toBe(422);
    expect(invalid.message).toContain('Validation Failed');
  });

  it('retries a server error with backoff that is not counted as a rate-limit wait', async () => {
    const { client, sleeps } = setup([
      new Response('<html>502 Bad Gateway</html>', { status: 502 }),
      json({ ok: true }),
    ]);
    const response = await client.request({ url: URL_ });
    expect(response.data).toEqual({ ok: true });
    expect(response.attempts).toBe(2);
    expect(sleeps).toEqual([500]);
    expect(client.waited).toBe(0);
    expect(client.waits).toBe(0);
  });

  it('reports a server error that persists after the retries', async () => {
    const failing = () => new Response('oops', { status: 503 });
    const { client, sleeps } = setup([failing, failing, failing]);
    const error = await failure(client.request({ url: URL_ }));
    expect(error.kind).toBe('server-error');
    expect(error.status).toBe(503);
    expect(error.attempts).toBe(3);
    expect(client.calls).toBe(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it('times out a request that does not answer', async () => {
    const hanging = jest.fn(
      (_url: string | URL | Request, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(init.signal?.reason),
          );
        }),
    );
    const client = new ScmHttpClient({
      fetch: hanging as unknown as typeof fetch,
      sleep: async () => {},
      timeoutMs: 20,
      maxRetries: 1,
    });
    const error = await failure(client.request({ url: URL_ }));
    expect(error).toBeInstanceOf(ScmHttpError);
    expect(error.kind).toBe('timeout');
    expect(error.attempts).toBe(2);
    expect(hanging).toHaveBeenCalledTimes(2);
  });

  it('times out a response whose body stalls', async () => {
    // like a real fetch: the body stream errors when the request's signal aborts
    const stalling = (_url: string | URL | Request, init?: RequestInit) =>
      Promise.resolve(
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"data":'));
              init?.signal?.addEventListener('abort', () =>
                controller.error(init.signal?.reason),
              );
            },
          }),
          { status: 200 },
        ),
      );
    const client = new ScmHttpClient({
      fetch: stalling as unknown as typeof fetch,
      sleep: async () => {},
      timeoutMs: 20,
      maxRetries: 0,
    });
    const error = await failure(client.request({ url: URL_ }));
    expect(error).toBeInstanceOf(ScmHttpError);
    expect(error.kind).toBe('timeout');
  });

  it('reports an unreachable host after the retries', async () => {
    const refused = () => Promise.reject(new TypeError('fetch failed'));
    const client = new ScmHttpClient({
      fetch: refused as unknown as typeof fetch,
      sleep: async () => {},
      maxRetries: 1,
    });
    const error = await failure(client.request({ url: URL_ }));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain('fetch failed');
    expect(error.attempts).toBe(2);
  });

  it('reports malformed JSON', async () => {
    const { client } = setup([
      new Response('{"data": {"r0": ', { status: 200 }),
    ]);
    const error = await failure(client.request({ url: URL_ }));
    expect(error.kind).toBe('malformed-response');
  });

  it('makes conditional requests and reuses the earlier answer on 304', async () => {
    const { client, sent } = setup([
      json({ login: 'acme' }, 200, { etag: 'W/"abc"' }),
      new Response(null, { status: 304, headers: { etag: 'W/"abc"' } }),
      json({ login: 'acme' }, 200, { etag: 'W/"abc"' }),
    ]);
    const first = await client.request({ url: URL_, conditional: true });
    const second = await client.request({ url: URL_, conditional: true });
    await client.request({ url: URL_ });
    expect(first.notModified).toBe(false);
    expect(second).toMatchObject({
      status: 304,
      notModified: true,
      data: { login: 'acme' },
    });
    expect(sent[0].headers['if-none-match']).toBeUndefined();
    expect(sent[1].headers['if-none-match']).toBe('W/"abc"');
    // not asked for: no conditional header
    expect(sent[2].headers['if-none-match']).toBeUndefined();
  });

  it('waits before a call when the budget of its bucket is spent', async () => {
    const resetAt = START + 90_000;
    const { client, sleeps, sent } = setup([
      json({ n: 1 }, 200, {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '2',
        'x-ratelimit-reset': epochSeconds(resetAt),
      }),
      json({ n: 2 }),
      json({ n: 3 }),
    ]);
    await client.request({ url: URL_, bucket: 'graphql' });
    // another bucket of the same host is not affected
    await client.request({ url: URL_, bucket: 'core' });
    expect(sleeps).toEqual([]);
    await client.request({ url: URL_, bucket: 'graphql' });
    expect(sleeps).toEqual([91_000]);
    expect(sent).toHaveLength(3);
  });

  it('fails without a call when the spent budget resets after the longest wait', async () => {
    const { client, sent } = setup(
      [
        json({ n: 1 }, 200, {
          'ratelimit-limit': '2000',
          'ratelimit-remaining': '0',
          'ratelimit-reset': epochSeconds(START + 3_600_000),
        }),
      ],
      { maxWaitMs: 60_000 },
    );
    await client.request({ url: URL_ });
    const error = await failure(client.request({ url: URL_ }));
    expect(error.kind).toBe('rate-limited');
    expect(error.attempts).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('spaces calls when the budget runs low', async () => {
    const { client, sleeps } = setup([
      json({ n: 1 }, 200, {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '105',
        'x-ratelimit-reset': epochSeconds(START + 1_000_000),
      }),
      json({ n: 2 }),
    ]);
    await client.request({ url: URL_ });
    await client.request({ url: URL_ });
    // the rest (100 above the reserve of 5) spread over the 1000 s left
    expect(sleeps).toEqual([10_000]);
  });

  it('stops waiting when the caller aborts', async () => {
    const controller = new AbortController();
    const client = new ScmHttpClient({
      fetch: (async () =>
        json({ message: 'secondary rate limit' }, 429, {
          'retry-after': '600',
        })) as unknown as typeof fetch,
      sleep: async () => {
        controller.abort(new Error('shutting down'));
      },
    });
    await expect(
      client.request({ url: URL_, signal: controller.signal }),
    ).rejects.toThrow('shutting down');
    expect(client.calls).toBe(1);
  });
});
