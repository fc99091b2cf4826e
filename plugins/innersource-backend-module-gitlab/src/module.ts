import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { innersourceScmProvidersExtensionPoint } from '@innersource-backstage/plugin-innersource-node';
import { GitlabScmProvider } from './GitlabScmProvider';

/**
 * Adds the GitLab provider to the InnerSource plugin. Turned off by
 * `innersource.scm.gitlab.enabled: false`.
 *
 * @public
 */
export const innersourceModuleGitlab = createBackendModule({
  pluginId: 'innersource',
  moduleId: 'gitlab',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        providers: innersourceScmProvidersExtensionPoint,
      },
      async init({ config, logger, providers }) {
        if (
          config.getOptionalBoolean('innersource.scm.gitlab.enabled') === false
        ) {
          logger.info('The GitLab provider is turned off');
          return;
        }
        providers.addScmProvider(
          GitlabScmProvider.fromConfig(config, { logger }),
        );
      },
    });
  },
});
