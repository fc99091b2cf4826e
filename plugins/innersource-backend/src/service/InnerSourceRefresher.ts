import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReadinessLevelThresholds } from '@innersource-backstage/plugin-innersource-common';
import {
  InnerSourceLintRule,
  LintSettings,
  RepositoryFiles,
} from '@innersource-backstage/plugin-innersource-node';
import { SyncedRepository } from '../git/GitRepositoryCache';
import { LintPolicy } from '../governance/LintPolicy';
import { CatalogIndex } from '../compute/CatalogIndex';
import { computeResults, isInnerSourceTarget } from '../compute/computeResults';
import { manifestConsumers } from '../compute/manifestUsage';
import { GitContributionsCollector } from '../contributions/GitContributionsCollector';
import { InnerSourceStore } from '../database/InnerSourceStore';
import { ProgramRecorder } from '../program/ProgramAggregator';
import { IdentityAlias, IdentityIndex } from '../contributions/IdentityIndex';
import { catalogUsers } from '../contributions/attribution';
import { ScmSignalsCollector } from '../scm/ScmSignalsCollector';
import { SharingSettings } from '../scm/sharing';

/** The kinds read from the catalog: the targets plus the org chart that places their users. */
const KINDS_READ = ['Component', 'API', 'Resource', 'System', 'Group', 'User'];

/**
 * One refresh of all InnerSource results: reads the catalog with the plugin's own credentials,
 * computes, and stores. A failure keeps the previous results, marked stale with the error.
 */
export class InnerSourceRefresher {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: InnerSourceStore;
      logger: LoggerService;
      rules: () => InnerSourceLintRule[];
      /** Reads git history; contribution analytics are off without it. */
      contributions?: GitContributionsCollector;
      /** Receives the stored results for the program view. */
      program?: ProgramRecorder;
      /** Profiles, exceptions, levels and settings of the readiness lint. */
      lint?: {
        policy: LintPolicy;
        levels: ReadinessLevelThresholds;
        settings: LintSettings;
      };
      /** Gives rules access to an entity's repository files. */
      repositoryFiles?: (options: {
        repo: SyncedRepository;
        entityPath: string;
        browseUrl?: (path: string) => string;
      }) => RepositoryFiles;
      /** Reads SCM platform signals (GitHub, GitLab) with the registered providers. */
      scm?: ScmSignalsCollector;
      /** Sharing classification of entities, for the SCM policy checks. */
      sharing?: SharingSettings;
      /** How pull request and issue authors are matched to the catalog, as for commits. */
      identity?: {
        aliases?: IdentityAlias[];
        botPatterns?: string[];
        includeSubgroups?: boolean;
      };
      now?: () => Date;
    },
  ) {}

  async refresh(): Promise<{
    status: 'succeeded' | 'failed';
    entityCount?: number;
    error?: string;
  }> {
    const { catalog, auth, store, logger } = this.options;
    const now = this.options.now ?? (() => new Date());
    const startedAt = now();
    const runId = await store.startRun(startedAt);
    try {
      const credentials = await auth.getOwnServiceCredentials();
      const entities: Entity[] = [];
      for await (const page of catalog.streamEntities(
        { filter: { kind: KINDS_READ } },
        { credentials },
      )) {
        entities.push(...page);
      }
      const targets = entities.filter(isInnerSourceTarget);
      const catalogIndex = new CatalogIndex(entities);
      const git = await this.options.contributions?.collect({
        entities: targets,
        catalog: catalogIndex,
        now: startedAt,
      });
      const scm = await this.options.scm?.collect({
        entities: targets,
        now: startedAt,
      });
      const identity = this.options.identity;
      const results = await computeResults({
        entities,
        scm,
        sharing: this.options.sharing,
        identities: new IdentityIndex({
          users: catalogUsers(catalogIndex),
          aliases: identity?.aliases,
          botPatterns: identity?.botPatterns,
        }),
        includeSubgroups: identity?.includeSubgroups,
        rules: this.options.rules(),
        computedAt: startedAt,
        contributions: git?.contributions,
        manifestConsumers: git && manifestConsumers(git.manifests),
        manifests: git?.manifests,
        innerSourceJson: git?.innerSourceJson,
        filesFor: entityRef => {
          const found = git?.repositories.get(entityRef);
          return (
            found &&
            this.options.repositoryFiles?.({
              repo: found.repo,
              entityPath: found.path,
              browseUrl: found.browseUrl,
            })
          );
        },
        policy: this.options.lint?.policy,
        levels: this.options.lint?.levels,
        lintSettings: this.options.lint?.settings,
      });
      if (results.length === 0 && (await store.countResults()) > 0) {
        // An empty answer from a catalog that had entities is far more likely a fault than a
        // real deletion of everything; keep what we have.
        throw new Error(
          'The catalog returned no Components, APIs, Resources or Systems; keeping the previous results',
        );
      }
      await store.replaceResults({ results, computedAt: startedAt });
      await this.options.program?.record({
        results,
        entities,
        computedAt: startedAt,
      });
      await store.finishRun(runId, {
        at: now(),
        status: 'succeeded',
        entityCount: results.length,
      });
      logger.info(
        `InnerSource refresh computed ${results.length} entities from ${
          entities.length
        } catalog entities in ${now().getTime() - startedAt.getTime()} ms`,
      );
      return { status: 'succeeded', entityCount: results.length };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error(
        `InnerSource refresh failed, previous results kept and marked stale: ${message}`,
      );
      await store.markAllStale({ error: message, at: now() });
      await store.finishRun(runId, {
        at: now(),
        status: 'failed',
        error: message,
      });
      return { status: 'failed', error: message };
    }
  }
}
