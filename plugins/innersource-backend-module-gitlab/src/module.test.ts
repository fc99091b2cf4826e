import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  innersourceScmProvidersExtensionPoint,
  ScmProvider,
} from '@innersource-backstage/plugin-innersource-node';
import innersourceModuleGitlab, { GitlabScmProvider } from '.';

/** Stands in for the InnerSource backend: collects the providers its modules add. */
function fakeInnersourcePlugin(providers: ScmProvider[]) {
  return createBackendPlugin({
    pluginId: 'innersource',
    register(env) {
      env.registerExtensionPoint(innersourceScmProvidersExtensionPoint, {
        addScmProvider(provider) {
          providers.push(provider);
        },
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('innersourceModuleGitlab', () => {
  it('adds a GitLab provider that knows the configured hosts', async () => {
    const providers: ScmProvider[] = [];
    await startTestBackend({
      features: [
        fakeInnersourcePlugin(providers),
        innersourceModuleGitlab,
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              gitlab: [
                {
                  host: 'gitlab.acme.internal',
                  apiBaseUrl: 'https://gitlab.acme.internal/api/v4',
                  token: 'secret',
                },
              ],
            },
            innersource: {
              scm: { gitlab: { groups: [{ path: 'acme' }], concurrency: 2 } },
            },
          },
        }),
      ],
    });
    expect(providers).toHaveLength(1);
    const [provider] = providers;
    expect(provider).toBeInstanceOf(GitlabScmProvider);
    expect(provider.id).toBe('gitlab');
    expect(provider.locate('https://gitlab.acme.internal/a/b/c.git')).toEqual({
      url: 'https://gitlab.acme.internal/a/b/c',
      host: 'gitlab.acme.internal',
      fullPath: 'a/b/c',
    });
    // gitlab.com is always known
    expect(provider.locate('https://gitlab.com/a/b')?.fullPath).toBe('a/b');
  });

  it('adds nothing when turned off', async () => {
    const providers: ScmProvider[] = [];
    await startTestBackend({
      features: [
        fakeInnersourcePlugin(providers),
        innersourceModuleGitlab,
        mockServices.rootConfig.factory({
          data: { innersource: { scm: { gitlab: { enabled: false } } } },
        }),
      ],
    });
    expect(providers).toEqual([]);
  });
});
