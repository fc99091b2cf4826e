import {
  coreServices,
  createBackendPlugin,
  LoggerService,
  RootConfigService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import os from 'node:os';
import path from 'node:path';
import {
  InnerSourceLintRule,
  innersourceLintRulesExtensionPoint,
  innersourceScmProvidersExtensionPoint,
  ScmProvider,
} from '@innersource-backstage/plugin-innersource-node';
import { IdentityAlias } from './contributions/IdentityIndex';
import { scmPolicyRules } from './scm/policyRules';
import { ScmSignalsCollector } from './scm/ScmSignalsCollector';
import { ScmSignalsStore } from './scm/ScmSignalsStore';
import { readScmSettings } from './scm/readScmSettings';
import { metadataRules } from './compute/metadataRules';
import { GitContributionsCollector } from './contributions/GitContributionsCollector';
import { readLintConfig } from './governance/readLintConfig';
import { fileRules, GitRepositoryFiles } from './lint';
import { DatabaseInnerSourceStore } from './database/DatabaseInnerSourceStore';
import { GitCredentials } from './git/GitCredentials';
import { GitHistoryReader } from './git/GitHistoryReader';
import { GitRepositoryCache } from './git/GitRepositoryCache';
import { InnerSourceRefresher } from './service/InnerSourceRefresher';
import { createRouter } from './service/router';
import { DatabaseProgramStore } from './program/DatabaseProgramStore';
import { ProgramAggregator } from './program/ProgramAggregator';
import { createProgramRouter } from './service/programRouter';
import { DEFAULT_STALE_AFTER_DAYS } from '@innersource-backstage/plugin-innersource-common';

/** Used when `innersource.schedule` is not configured. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 30 },
};

/** Builds the git history reader from `innersource.git` and `innersource.contributions`. */
function createContributionsCollector(options: {
  config: RootConfigService;
  store: DatabaseInnerSourceStore;
  logger: LoggerService;
}): GitContributionsCollector | undefined {
  const { config, store, logger } = options;
  if (config.getOptionalBoolean('innersource.git.enabled') === false)
    return undefined;
  const timeoutMs =
    (config.getOptionalNumber('innersource.git.timeoutSeconds') ?? 300) * 1000;
  const cacheDir =
    config.getOptionalString('innersource.git.cacheDir') ??
    path.join(
      config.getOptionalString('backend.workingDirectory') ?? os.tmpdir(),
      'backstage-innersource-git',
    );
  const cache = new GitRepositoryCache({
    cacheDir,
    credentials: new GitCredentials(ScmIntegrations.fromConfig(config)),
    timeoutMs,
    maxSizeBytes:
      (config.getOptionalNumber('innersource.git.maxRepositorySizeMb') ??
        2048) * 1048576,
  });
  return new GitContributionsCollector({
    cache,
    reader: new GitHistoryReader({ timeoutMs }),
    store,
    logger,
    settings: {
      concurrency: config.getOptionalNumber('innersource.git.concurrency') ?? 4,
      urlRewrites: (
        config.getOptionalConfigArray('innersource.git.urlRewrites') ?? []
      ).flatMap(c => {
        const from = c.getOptionalString('from');
        const to = c.getOptionalString('to');
        if (from && to) return [{ from, to }];
        // e.g. `to: file://${SOME_DIR}/` with the variable unset
        logger.warn(
          `Ignoring innersource.git.urlRewrites entry without 'from' or 'to'`,
        );
        return [];
      }),
      ...readIdentitySettings(config),
    },
  });
}

/** How authors are matched to catalog users and teams (`innersource.contributions`). */
function readIdentitySettings(config: RootConfigService): {
  includeSubgroups: boolean;
  botPatterns?: string[];
  aliases: IdentityAlias[];
} {
  return {
    includeSubgroups:
      config.getOptionalBoolean('innersource.contributions.includeSubgroups') ??
      false,
    botPatterns: config.getOptionalStringArray(
      'innersource.contributions.botPatterns',
    ),
    aliases: (
      config.getOptionalConfigArray('innersource.contributions.aliases') ?? []
    ).map(c => ({
      userRef: c.getString('user'),
      emails: c.getStringArray('emails'),
    })),
  };
}

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
    const scmProviders: ScmProvider[] = [];
    env.registerExtensionPoint(innersourceScmProvidersExtensionPoint, {
      addScmProvider(provider) {
        scmProviders.push(provider);
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
        permissions: coreServices.permissions,
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
        permissions,
        catalog,
      }) {
        const store = await DatabaseInnerSourceStore.create({ database });
        // the schema is up to date after the store above
        const programStore = await DatabaseProgramStore.create({
          database,
          skipMigrations: true,
        });

        const seen = new Set<string>();
        const scmSettings = readScmSettings(config);
        const scmStore = new ScmSignalsStore(await database.getClient());
        if (scmProviders.length === 0) {
          logger.info(
            'No SCM provider module installed: stars, issues, pull requests and the SCM policy checks are off (add the GitHub or GitLab module)',
          );
        }
        const lint = readLintConfig(config);
        const rules = [
          ...metadataRules,
          ...fileRules,
          ...scmPolicyRules,
          ...addedRules,
        ].filter(rule => {
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
          contributions: createContributionsCollector({
            config,
            store,
            logger,
          }),
          lint: {
            ...lint,
            settings: {
              ...lint.settings,
              reusableTypes: scmSettings.reusableTypes,
            },
          },
          scm: new ScmSignalsCollector({
            providers: () => scmProviders,
            store: scmStore,
            logger,
            settings: scmSettings,
          }),
          sharing: scmSettings.sharing,
          identity: readIdentitySettings(config),
          repositoryFiles: ({ repo, entityPath, browseUrl }) =>
            new GitRepositoryFiles({
              repo,
              entityPath,
              browseUrl,
              timeoutMs:
                (config.getOptionalNumber('innersource.git.timeoutSeconds') ??
                  300) * 1000,
            }),
          program: new ProgramAggregator({ store: programStore, logger }),
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

        const badgesEnabled =
          config.getOptionalBoolean('innersource.badges.enabled') ?? false;
        httpRouter.use(
          await createProgramRouter({
            httpAuth,
            permissions,
            scmStore,
            catalog,
            store: programStore,
            staleAfterDays:
              config.getOptionalNumber('innersource.program.staleAfterDays') ??
              config.getOptionalNumber(
                'innersource.discovery.staleAfterDays',
              ) ??
              DEFAULT_STALE_AFTER_DAYS,
          }),
        );
        httpRouter.use(
          await createRouter({
            staleAfterDays: config.getOptionalNumber(
              'innersource.discovery.staleAfterDays',
            ),
            httpAuth,
            auth,
            permissions,
            catalog,
            store,
            logger,
            badgesEnabled,
          }),
        );
        if (badgesEnabled) {
          httpRouter.addAuthPolicy({
            path: '/badges',
            allow: 'unauthenticated',
          });
        }
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
