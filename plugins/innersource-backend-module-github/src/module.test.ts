import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  innersourceScmProvidersExtensionPoint,
  ScmProvider,
} from '@innersource-backstage/plugin-innersource-node';
import innersourceModuleGithub from '.';
import { GithubScmProvider } from './GithubScmProvider';

async function registered(config: object): Promise<ScmProvider[]> {
  const providers: ScmProvider[] = [];
  await startTestBackend({
    extensionPoints: [
      [
        innersourceScmProvidersExtensionPoint,
        { addScmProvider: (provider: ScmProvider) => providers.push(provider) },
      ],
    ],
    features: [
      innersourceModuleGithub,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return providers;
}

describe('innersourceModuleGithub', () => {
  it('adds the GitHub provider for the configured hosts', async () => {
    const providers = await registered({
      integrations: {
        github: [{ host: 'ghe.acme.internal', token: 'ghe_token' }],
      },
    });
    expect(providers).toHaveLength(1);
    const [provider] = providers;
    expect(provider).toBeInstanceOf(GithubScmProvider);
    expect(provider.id).toBe('github');
    expect(
      provider.locate('https://ghe.acme.internal/platform/build-tools'),
    ).toMatchObject({ fullPath: 'platform/build-tools' });
    // github.com is always an integration
    expect(provider.locate('https://github.com/acme/ledger')).toBeDefined();
  });

  it('adds nothing when disabled', async () => {
    await expect(
      registered({ innersource: { scm: { github: { enabled: false } } } }),
    ).resolves.toEqual([]);
  });

  it('refuses an invalid batch size', async () => {
    await expect(
      registered({ innersource: { scm: { github: { batchSize: 500 } } } }),
    ).rejects.toThrow(/innersource.scm.github.batchSize 500/);
  });
});
