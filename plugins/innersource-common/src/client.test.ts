import { InnerSourceClient, projectListQueryToSearchParams } from './client';

describe('InnerSourceClient', () => {
  const discoveryApi = {
    getBaseUrl: async () => 'http://backstage.test/api/innersource',
  };

  it('asks for an entity by its ref and returns undefined on 404', async () => {
    const calls: string[] = [];
    const client = new InnerSourceClient({
      discoveryApi,
      fetchApi: {
        fetch: (async (url: string) => {
          calls.push(url);
          return new Response(
            JSON.stringify({ error: { name: 'NotFoundError', message: 'x' } }),
            { status: 404 },
          );
        }) as typeof fetch,
      },
    });
    await expect(
      client.getEntityResults('Component:ledger-sdk', { historyDays: 30 }),
    ).resolves.toBeUndefined();
    expect(calls).toEqual([
      'http://backstage.test/api/innersource/entities/component/default/ledger-sdk?historyDays=30',
    ]);
  });

  it('throws a ResponseError carrying the backend explanation on other failures', async () => {
    const client = new InnerSourceClient({
      discoveryApi,
      fetchApi: {
        fetch: (async () =>
          new Response(
            JSON.stringify({
              error: {
                name: 'InputError',
                message: 'limit must be at most 100',
              },
              response: { statusCode: 400 },
            }),
            { status: 400, headers: { 'content-type': 'application/json' } },
          )) as typeof fetch,
      },
    });
    // ResponseErrorPanel in the UI shows body.error.message
    await expect(client.listProjects({ limit: 500 })).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      body: { error: { message: 'limit must be at most 100' } },
    });
  });

  it('rejects a malformed entity ref', async () => {
    const client = new InnerSourceClient({ discoveryApi });
    await expect(client.getEntityResults('no-kind')).rejects.toThrow(
      /Invalid entity ref/,
    );
  });
});

describe('projectListQueryToSearchParams', () => {
  it('repeats list parameters and leaves out unset ones', () => {
    expect(
      projectListQueryToSearchParams({
        q: 'ledger sdk',
        kind: ['Component', 'API'],
        tag: ['innersource'],
        innerSourceOnly: true,
        sort: 'usage',
        limit: 24,
        offset: 0,
      }).toString(),
    ).toBe(
      'q=ledger+sdk&kind=Component&kind=API&tag=innersource&innerSourceOnly=true&sort=usage&limit=24&offset=0',
    );
  });
});
