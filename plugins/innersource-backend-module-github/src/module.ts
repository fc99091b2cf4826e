import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { innersourceScmProvidersExtensionPoint } from '@innersource-backstage/plugin-innersource-node';
import { readGithubProviderConfig } from './config';
import { GithubScmProvider } from './GithubScmProvider';

/**
 * Adds the GitHub provider to the InnerSource plugin, reading the hosts and credentials of
 * `integrations.github` and the settings under `innersource.scm.github`.
 *
 * @public
 */
export const innersourceModuleGithub = createBackendModule({
  pluginId: 'innersource',
  moduleId: 'github',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scm: innersourceScmProvidersExtensionPoint,
      },
      async init({ config, logger, scm }) {
        if (!readGithubProviderConfig(config).enabled) {
          logger.info(
            'The GitHub provider is disabled (innersource.scm.github.enabled)',
          );
          return;
        }
        scm.addScmProvider(GithubScmProvider.fromConfig(config, { logger }));
      },
    });
  },
});
