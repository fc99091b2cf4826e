import { mockCredentials } from '@backstage/backend-test-utils';
import { CallerCache } from './CallerCache';

describe('CallerCache', () => {
  function setup(options: { ttlMs?: number; maxEntries?: number } = {}) {
    let clock = 1_000;
    const loads: string[] = [];
    const cache = new CallerCache({
      load: async credentials => {
        const principal = credentials.principal as {
          userEntityRef?: string;
          subject?: string;
        };
        const who = principal.userEntityRef ?? principal.subject ?? '?';
        loads.push(who);
        return `${who} #${loads.length}`;
      },
      ttlMs: options.ttlMs ?? 30_000,
      maxEntries: options.maxEntries,
      now: () => clock,
    });
    return {
      cache,
      loads,
      advance: (ms: number) => {
        clock += ms;
      },
    };
  }
  const alice = mockCredentials.user('user:default/alice');
  const bob = mockCredentials.user('user:default/bob');

  it('loads once per caller until the entry expires', async () => {
    const { cache, loads, advance } = setup();
    expect(await cache.get(alice)).toBe('user:default/alice #1');
    advance(29_000);
    expect(await cache.get(alice)).toBe('user:default/alice #1');
    expect(await cache.get(bob)).toBe('user:default/bob #2');
    advance(2_000);
    expect(await cache.get(alice)).toBe('user:default/alice #3');
    expect(loads).toEqual([
      'user:default/alice',
      'user:default/bob',
      'user:default/alice',
    ]);
  });

  it('shares one load between concurrent requests of a caller', async () => {
    const { cache, loads } = setup();
    const answers = await Promise.all([
      cache.get(alice),
      cache.get(alice),
      cache.get(mockCredentials.service('plugin:catalog')),
    ]);
    expect(answers[0]).toBe(answers[1]);
    expect(loads).toEqual(['user:default/alice', 'plugin:catalog']);
  });

  it('keeps only the most recently loaded callers', async () => {
    const { cache, loads } = setup({ maxEntries: 1 });
    await cache.get(alice);
    await cache.get(bob);
    await cache.get(alice);
    expect(loads).toEqual([
      'user:default/alice',
      'user:default/bob',
      'user:default/alice',
    ]);
  });
});
