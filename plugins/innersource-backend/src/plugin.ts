import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  InnerSourceLintRule,
  innersourceLintRulesExtensionPoint,
} from '@innersource-backstage/plugin-innersource-node';
import { metadataRules } from './compute/metadataRules';
import { DatabaseInnerSourceStore } from './database/DatabaseInnerSourceStore';
import { InnerSourceRefresher } from './service/InnerSourceRefresher';
import { createRouter } from './service/router';

/** Used when `innersource.schedule` is not configured. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 30 },
};

/**
 * The InnerSource backend plugin: computes InnerSource metrics and readiness lint for every
 * catalog entity on a schedule, keeps their history and serves them over a REST API.
 *
 * @public
 */
export const innersourcePlugin = createBackendPlugin({
  pluginId: 'innersource',
  register(env) {
    const addedRules: InnerSourceLintRule[] = [];
    env.registerExtensionPoint(innersourceLintRulesExtensionPoint, {
      addRules(rules) {
        addedRules.push(...rules);
      },
    });

    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({
        logger,
        config,
        database,
        scheduler,
        httpRouter,
        httpAuth,
        auth,
        catalog,
      }) {
        const store = await DatabaseInnerSourceStore.create({ database });

        const seen = new Set<string>();
        const rules = [...metadataRules, ...addedRules].filter(rule => {
          if (seen.has(rule.id)) {
            logger.warn(
              `Ignoring a second InnerSource lint rule with id '${rule.id}'`,
            );
            return false;
          }
          seen.add(rule.id);
          return true;
        });
        const refresher = new InnerSourceRefresher({
          catalog,
          auth,
          store,
          logger,
          rules: () => rules,
        });

        const schedule = config.has('innersource.schedule')
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              config.getConfig('innersource.schedule'),
            )
          : DEFAULT_SCHEDULE;
        await scheduler.scheduleTask({
          id: 'innersource-refresh',
          scope: 'global',
          ...schedule,
          fn: async () => {
            await refresher.refresh();
          },
        });

        httpRouter.use(
          await createRouter({ httpAuth, catalog, store, logger }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
