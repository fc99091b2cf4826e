import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The test proves the plugin picks the module up, so it needs the plugin itself.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import innersourcePlugin from '@innersource-backstage/plugin-innersource-backend';
import request from 'supertest';
import innersourceModuleExampleRules from '.';

describe('innersourceModuleExampleRules', () => {
  it('adds its rules to the InnerSource plugin', async () => {
    const { server } = await startTestBackend({
      features: [
        innersourcePlugin,
        innersourceModuleExampleRules,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'ledger-sdk', namespace: 'default' },
              spec: {
                type: 'library',
                lifecycle: 'production',
                owner: 'team',
                system: 'payments',
              },
            },
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'loner', namespace: 'default' },
              spec: { type: 'service', lifecycle: 'production', owner: 'team' },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            innersource: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
              git: { enabled: false },
            },
          },
        }),
      ],
    });

    const findings = async (name: string) => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const response = await request(server).get(
          `/api/innersource/entities/component/default/${name}`,
        );
        if (response.status === 200) return response.body.result.lint.findings;
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      throw new Error(`no results for ${name}`);
    };
    const byRule = (
      list: Array<{ ruleId: string; message: string }>,
      id: string,
    ) => list.find(f => f.ruleId === id);

    const sdk = await findings('ledger-sdk');
    expect(byRule(sdk, 'example.system-membership')).toMatchObject({
      status: 'pass',
      message: 'Part of payments',
    });
    // no git source: the file rule does not apply
    expect(byRule(sdk, 'example.changelog')).toMatchObject({
      status: 'not-applicable',
    });

    const loner = await findings('loner');
    expect(byRule(loner, 'example.system-membership')).toMatchObject({
      status: 'fail',
      message: 'Expected spec.system to name a System, found none',
    });
    // a service is not a library: the changelog rule does not apply at all
    expect(byRule(loner, 'example.changelog')?.message).toBe(
      'Does not apply to this entity',
    );
  });
});
