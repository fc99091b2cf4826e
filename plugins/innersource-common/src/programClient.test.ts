import { InnerSourceClient } from './client';

describe('InnerSourceClient program methods', () => {
  const discoveryApi = {
    getBaseUrl: async () => 'http://backstage.test/api/innersource',
  };

  function clientAnswering(status: number, body: unknown) {
    const calls: string[] = [];
    const client = new InnerSourceClient({
      discoveryApi,
      fetchApi: {
        fetch: (async (url: string) => {
          calls.push(url);
          return new Response(JSON.stringify(body), {
            status,
            headers: { 'content-type': 'application/json' },
          });
        }) as typeof fetch,
      },
    });
    return { client, calls };
  }

  it('asks for the program summary with the given filters', async () => {
    const { client, calls } = clientAnswering(200, { window: '30d' });
    await expect(
      client.getProgramSummary({
        group: 'group:default/payments',
        window: '30d',
        interval: 'month',
      }),
    ).resolves.toEqual({ window: '30d' });
    await client.getProgramSummary();
    expect(calls).toEqual([
      'http://backstage.test/api/innersource/program/summary?group=group%3Adefault%2Fpayments&window=30d&interval=month',
      'http://backstage.test/api/innersource/program/summary',
    ]);
  });

  it('rejects with the backend explanation when the summary fails', async () => {
    const { client } = clientAnswering(404, {
      error: {
        name: 'NotFoundError',
        message: 'No group group:default/x found',
      },
    });
    await expect(
      client.getProgramSummary({ group: 'group:default/x' }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 404 });
  });

  it("asks for a group's figures by its ref and returns undefined on 404", async () => {
    const found = clientAnswering(200, { projects: [] });
    await expect(
      found.client.getGroupProgram('group:default/team-ledger', {
        window: 'all',
      }),
    ).resolves.toEqual({ projects: [] });
    expect(found.calls).toEqual([
      'http://backstage.test/api/innersource/program/groups/default/team-ledger?window=all',
    ]);

    const missing = clientAnswering(404, {
      error: { name: 'NotFoundError', message: 'No group' },
    });
    await expect(
      missing.client.getGroupProgram('group:default/nope'),
    ).resolves.toBeUndefined();
  });
});
