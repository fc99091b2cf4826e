import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ContributionSummary,
  InnerSourceMetadata,
} from '@innersource-backstage/plugin-innersource-common';
import { CatalogIndex } from '../compute/CatalogIndex';
import { repositoryActivity } from '../compute/repositoryActivity';
import { InnerSourceStore } from '../database/InnerSourceStore';
import { GitHistoryReader, HeadFiles } from '../git/GitHistoryReader';
import {
  GitRepositoryCache,
  SyncedRepository,
} from '../git/GitRepositoryCache';
import { GitCommandError } from '../git/runGit';
import { GitSource, gitSourceOf } from '../git/sourceLocation';
import { ParsedManifest } from '../manifests';
import { attributeAuthor, owningTeam, catalogUsers } from './attribution';
import {
  commitCount,
  ContributionLog,
  emptyLog,
  mergeCommits,
} from './ContributionLog';
import { contributionMetrics } from './contributionMetrics';
import { IdentityAlias, IdentityIndex } from './IdentityIndex';

/** Settings of the contribution analytics (see config.d.ts). */
export interface ContributionSettings {
  concurrency: number;
  includeSubgroups: boolean;
  botPatterns?: string[];
  aliases: IdentityAlias[];
  urlRewrites: Array<{ from: string; to: string }>;
}

/** What the collector learnt from the repositories in one refresh. */
export interface CollectedGitData {
  /** Contribution figures by entity ref. */
  contributions: Map<string, ContributionSummary>;
  /** Dependency manifests in each entity's folder at HEAD, by entity ref (the last good read). */
  manifests: Map<string, ParsedManifest[]>;
  /** The owner-written innersource.json of each entity, when present. */
  innerSourceJson: Map<string, InnerSourceMetadata>;
  /** The local copy of each entity's repository and its folder, for entities read this time. */
  repositories: Map<
    string,
    {
      repo: SyncedRepository;
      path: string;
      browseUrl?: (path: string) => string;
    }
  >;
}

/** Runs `worker` over `items` with at most `limit` at a time. */
async function forEachLimited<T>(
  items: T[],
  limit: number,
  worker: (item: T) => Promise<void>,
) {
  let next = 0;
  const lanes = Array.from(
    { length: Math.max(1, Math.min(limit, items.length)) },
    async () => {
      while (next < items.length) {
        const item = items[next++];
        await worker(item);
      }
    },
  );
  await Promise.all(lanes);
}

/**
 * Reads the git history behind every entity that has a git source, attributes new commits to
 * catalog users and teams, keeps the attributed log, and computes the contribution figures.
 * Repositories are cloned once however many entities point into them, with bounded concurrency.
 * A repository that cannot be read keeps its entities' last good figures, marked stale.
 */
export class GitContributionsCollector {
  constructor(
    private readonly options: {
      cache: GitRepositoryCache;
      reader: GitHistoryReader;
      store: InnerSourceStore;
      logger: LoggerService;
      settings: ContributionSettings;
    },
  ) {}

  async collect(options: {
    entities: Entity[];
    catalog: CatalogIndex;
    now: Date;
  }): Promise<CollectedGitData> {
    const { catalog, now } = options;
    const { settings, logger } = this.options;
    const identities = new IdentityIndex({
      users: catalogUsers(catalog),
      aliases: settings.aliases,
      botPatterns: settings.botPatterns,
    });

    const byRepository = new Map<
      string,
      Array<{ entity: Entity; source: GitSource }>
    >();
    for (const entity of options.entities) {
      const source = gitSourceOf(entity, settings.urlRewrites);
      if (!source) continue;
      const list = byRepository.get(source.cloneUrl) ?? [];
      list.push({ entity, source });
      byRepository.set(source.cloneUrl, list);
    }

    const results = new Map<string, ContributionSummary>();
    const manifests = new Map<string, ParsedManifest[]>();
    const innerSourceJson = new Map<string, InnerSourceMetadata>();
    const repositories: CollectedGitData['repositories'] = new Map();
    await forEachLimited(
      [...byRepository.entries()],
      settings.concurrency,
      async ([cloneUrl, members]) => {
        const started = Date.now();
        let repo: SyncedRepository;
        try {
          // History per folder needs every commit's trees; the whole repository's does not.
          repo = await this.options.cache.sync(cloneUrl, {
            historyPaths: members.some(m => m.source.path !== ''),
            headFiles: name => this.options.reader.readsAtRoot(name),
          });
          if (repo.clonedHistoryUnavailable) {
            logger.debug?.(
              `InnerSource reads the history of ${cloneUrl} with git log: ${repo.clonedHistoryUnavailable}`,
            );
          }
        } catch (error) {
          const kind = error instanceof GitCommandError ? error.kind : 'failed';
          const message =
            error instanceof Error ? error.message : String(error);
          logger.warn(
            `InnerSource could not read ${cloneUrl} (${kind}): ${message}`,
          );
          for (const { entity, source } of members) {
            const ref = stringifyEntityRef(entity);
            await this.options.store.recordContributionError(ref, {
              cloneUrl,
              path: source.path,
              kind,
              message,
              at: now,
            });
            const stored = await this.options.store.getContributionLog(ref);
            if (stored?.log.manifests) manifests.set(ref, stored.log.manifests);
            if (stored?.log.innerSourceMetadata) {
              innerSourceJson.set(ref, stored.log.innerSourceMetadata);
            }
            if (stored && commitCount(stored.log) > 0) {
              results.set(
                ref,
                this.summarize({
                  entity,
                  log: stored.log,
                  catalog,
                  now,
                  hasContributingGuide:
                    stored.log.hasContributingGuide ?? false,
                  syncedAt: stored.syncedAt,
                  error: { kind, message, at: now.toISOString() },
                }),
              );
            }
          }
          return;
        }

        const previousLogs = await Promise.all(
          members.map(async ({ entity, source }) => {
            const stored = await this.options.store.getContributionLog(
              stringifyEntityRef(entity),
            );
            const previous =
              stored &&
              stored.log.cloneUrl === cloneUrl &&
              stored.log.path === source.path
                ? stored.log
                : emptyLog(cloneUrl, source.path);
            return { stored, previous };
          }),
        );
        // The files at HEAD are read (one git process for all members) while the history is;
        // a log read up to this very HEAD has them already.
        const unread = members.filter(
          (_, i) =>
            !(
              repo.headSha &&
              previousLogs[i].previous.headSha === repo.headSha &&
              previousLogs[i].previous.manifests
            ),
        );
        const headFiles: Promise<
          { files: Map<string, HeadFiles> } | { error: unknown }
        > = (
          unread.length > 0
            ? this.options.reader.readHeadFiles(
                repo,
                unread.map(m => m.source.path),
              )
            : Promise.resolve(new Map<string, HeadFiles>())
        ).then(
          files => ({ files }),
          error => ({ error }),
        );

        for (const [index, { entity, source }] of members.entries()) {
          const ref = stringifyEntityRef(entity);
          repositories.set(ref, {
            repo,
            path: source.path,
            ...(source.browseUrl ? { browseUrl: source.browseUrl } : {}),
          });
          const { stored, previous } = previousLogs[index];
          try {
            const { commits, complete } = await this.options.reader.readCommits(
              repo,
              {
                path: source.path,
                sinceSha: previous.headSha,
              },
            );
            const owner = owningTeam(entity, catalog, {
              includeSubgroups: settings.includeSubgroups,
            });
            const read = await headFiles;
            if ('error' in read) throw read.error;
            const files: HeadFiles = read.files.get(source.path) ?? {
              hasContributingGuide: previous.hasContributingGuide ?? false,
              manifests: previous.manifests ?? [],
              ...(previous.innerSourceMetadata
                ? { innerSourceMetadata: previous.innerSourceMetadata }
                : {}),
            };
            const { hasContributingGuide } = files;
            const merged = mergeCommits({
              log: previous,
              commits,
              complete,
              headSha: repo.headSha,
              attribute: (email, name) =>
                attributeAuthor({ email, name, identities, catalog, owner }),
            });
            const metadata = files.innerSourceMetadata;
            if (metadata) innerSourceJson.set(ref, metadata);
            const entityManifests = files.manifests;
            manifests.set(ref, entityManifests);
            const { innerSourceMetadata: _previous, ...rest } = merged;
            const log: ContributionLog = {
              ...rest,
              hasContributingGuide,
              manifests: entityManifests,
              ...(metadata ? { innerSourceMetadata: metadata } : {}),
            };
            await this.options.store.saveContributionLog(ref, log, now);
            results.set(
              ref,
              this.summarize({
                entity,
                log,
                catalog,
                now,
                hasContributingGuide,
                syncedAt: now.toISOString(),
              }),
            );
          } catch (error) {
            const kind =
              error instanceof GitCommandError ? error.kind : 'failed';
            const message =
              error instanceof Error ? error.message : String(error);
            logger.warn(
              `InnerSource could not read the history of ${ref}: ${message}`,
            );
            await this.options.store.recordContributionError(ref, {
              cloneUrl,
              path: source.path,
              kind,
              message,
              at: now,
            });
            if (previous.manifests) manifests.set(ref, previous.manifests);
            if (previous.innerSourceMetadata) {
              innerSourceJson.set(ref, previous.innerSourceMetadata);
            }
            if (commitCount(previous) > 0) {
              results.set(
                ref,
                this.summarize({
                  entity,
                  log: previous,
                  catalog,
                  now,
                  hasContributingGuide: previous.hasContributingGuide ?? false,
                  syncedAt: stored?.syncedAt,
                  error: { kind, message, at: now.toISOString() },
                }),
              );
            }
          }
        }
        logger.debug?.(
          `InnerSource read ${cloneUrl} for ${members.length} entities in ${
            Date.now() - started
          } ms`,
        );
      },
    );
    return { contributions: results, manifests, repositories, innerSourceJson };
  }

  private summarize(options: {
    entity: Entity;
    log: ContributionLog;
    catalog: CatalogIndex;
    now: Date;
    hasContributingGuide: boolean;
    syncedAt?: string;
    error?: { kind: string; message: string; at: string };
  }): ContributionSummary {
    const { entity, log, catalog, now } = options;
    const metrics = contributionMetrics({ log, now, catalog });
    // the platform's figures join in computeResults when a provider read the repository
    const activity = repositoryActivity({
      entity,
      now,
      firstCommitAt: metrics.firstCommitAt,
      lastCommitAt: metrics.lastCommitAt,
      weekly: metrics.weekly,
      hasContributingGuide: options.hasContributingGuide,
    });
    return {
      repository: {
        cloneUrl: log.cloneUrl,
        path: log.path,
        ...(log.headSha ? { headSha: log.headSha } : {}),
        ...(options.syncedAt ? { syncedAt: options.syncedAt } : {}),
        ...(metrics.firstCommitAt
          ? { firstCommitAt: metrics.firstCommitAt }
          : {}),
        ...(metrics.lastCommitAt ? { lastCommitAt: metrics.lastCommitAt } : {}),
        stale: Boolean(options.error),
        ...(options.error ? { error: options.error } : {}),
      },
      windows: metrics.windows,
      weekly: metrics.weekly,
      activity,
      hasContributingGuide: options.hasContributingGuide,
    };
  }
}
