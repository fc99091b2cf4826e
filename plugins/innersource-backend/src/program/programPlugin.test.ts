import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { innersourcePlugin } from '../plugin';
import { smallOrg } from '../__testUtils__/catalogFixtures';

describe('the program routes of the plugin', () => {
  it('serves the program summary from the facts of the scheduled refresh', async () => {
    const { server } = await startTestBackend({
      features: [
        innersourcePlugin,
        catalogServiceMock.factory({ entities: smallOrg() }),
        mockServices.rootConfig.factory({
          data: {
            innersource: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
              git: { enabled: false },
              program: { staleAfterDays: 90 },
            },
          },
        }),
      ],
    });

    let body:
      | {
          computedAt?: string;
          staleAfterDays: number;
          totals: { projects: number };
        }
      | undefined;
    for (let attempt = 0; attempt < 100 && !body?.computedAt; attempt++) {
      const response = await request(server).get(
        '/api/innersource/program/summary?group=group:default/payments',
      );
      expect(response.status).toBe(200);
      body = response.body;
      if (!body?.computedAt) await new Promise(r => setTimeout(r, 50));
    }
    expect(body?.staleAfterDays).toBe(90);
    // ledger-sdk, ledger-api, ledger-cli (Maria's) and the ledger system
    expect(body?.totals.projects).toBe(4);

    const group = await request(server).get(
      '/api/innersource/program/groups/default/team-shop',
    );
    expect(group.status).toBe(200);
    expect(group.body.projects).toHaveLength(2);

    const anonymous = await request(server)
      .get('/api/innersource/program/summary')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });
});
