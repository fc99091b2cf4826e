import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ScmOrganizationReport,
  ScmReadLimits,
  ScmRepositorySignals,
} from '@innersource-backstage/plugin-innersource-common';
import {
  DEFAULT_GOOD_FIRST_ISSUE_LABELS,
  DEFAULT_HELP_WANTED_LABELS,
  ScmHttpError,
  ScmProvider,
  ScmReadError,
  ScmRepositoryLocator,
  ScmRepositoryReadResult,
  scmReadLimits,
} from '@innersource-backstage/plugin-innersource-node';
import { sourceLocationOf } from '../git/sourceLocation';
import { organizationChecks } from './organizationChecks';
import { ScmSignalsStore, StoredScmRepository } from './ScmSignalsStore';

/** How much SCM data to read per repository. */
export interface ScmSettings {
  goodFirstIssueLabels: string[];
  helpWantedLabels: string[];
  goodFirstIssueLimit: number;
}

export const DEFAULT_SCM_SETTINGS: ScmSettings = {
  goodFirstIssueLabels: DEFAULT_GOOD_FIRST_ISSUE_LABELS,
  helpWantedLabels: DEFAULT_HELP_WANTED_LABELS,
  goodFirstIssueLimit: 5,
};

/** The fields every stored read must have; a partial first read without them is not kept. */
const REQUIRED: Array<keyof ScmRepositorySignals> = [
  'provider',
  'url',
  'visibility',
  'stars',
  'forks',
  'watchers',
  'openIssues',
];

function errorOf(error: unknown): ScmReadError {
  if (error instanceof ScmHttpError) {
    return { kind: error.kind, message: error.message };
  }
  return {
    kind: 'unreachable',
    message: error instanceof Error ? error.message : String(error),
  };
}

/**
 * The page limits of a merged read: pull requests and issues read this time bring their own
 * (none when the read reached the window's start); those kept from the stored read keep theirs.
 */
function mergedReadLimits(
  base: ScmRepositorySignals | undefined,
  read: Partial<ScmRepositorySignals>,
): ScmReadLimits | undefined {
  return scmReadLimits({
    pullRequestsFrom: (read.pullRequests ? read : base)?.readLimits
      ?.pullRequestsFrom,
    issuesFrom: (read.issues ? read : base)?.readLimits?.issuesFrom,
  });
}

/** Combines a new read with the stored one: what failed keeps its earlier value, marked stale. */
export function mergeRead(options: {
  provider: string;
  previous?: StoredScmRepository;
  read: ScmRepositoryReadResult;
  at: Date;
}): StoredScmRepository {
  const { provider, previous, read, at } = options;
  const error = read.error && { ...read.error, at: at.toISOString() };
  const base = previous?.signals;
  let merged = base;
  if (read.signals) {
    const readLimits = mergedReadLimits(base, read.signals);
    // the limits are merged per part above, not taken whole from either read
    const { readLimits: _limits, ...combined } = {
      pullRequests: [],
      issues: [],
      topics: [],
      goodFirstIssues: { count: 0, helpWantedCount: 0, items: [] },
      forkingAllowed: true,
      archived: false,
      ...base,
      ...read.signals,
      provider,
      url: read.url,
    } as ScmRepositorySignals;
    merged = { ...combined, ...(readLimits ? { readLimits } : {}) };
  }
  const complete =
    merged && REQUIRED.every(field => merged[field] !== undefined);
  const signals = complete ? merged : base;
  // a failed read keeps the time of the last successful one
  const fetchedAt = error ? previous?.fetchedAt : at.toISOString();
  return {
    url: read.url,
    provider,
    ...(signals ? { signals } : {}),
    ...(fetchedAt ? { fetchedAt } : {}),
    stale: Boolean(error),
    ...(error ? { error } : {}),
    calls: read.calls,
  };
}

/**
 * Reads the SCM platform signals of every entity's repository with the registered providers,
 * once per repository, and stores them. A failed or partial read keeps the stored figures of
 * what it could not read, marked stale with the error. Also reads organisation settings.
 */
export class ScmSignalsCollector {
  constructor(
    private readonly options: {
      providers: () => ScmProvider[];
      store: ScmSignalsStore;
      logger: LoggerService;
      settings?: ScmSettings;
    },
  ) {}

  /** The stored read of each entity's repository, by entity ref, after this refresh. */
  async collect(options: {
    entities: Entity[];
    now: Date;
  }): Promise<Map<string, StoredScmRepository>> {
    const { store, logger } = this.options;
    const settings = this.options.settings ?? DEFAULT_SCM_SETTINGS;
    const providers = this.options.providers();
    const byEntity = new Map<string, StoredScmRepository>();
    if (providers.length === 0) return byEntity;

    const urlOfEntity = new Map<string, string>();
    const wanted = new Map<ScmProvider, Map<string, ScmRepositoryLocator>>();
    for (const entity of options.entities) {
      // as written in the catalog, before any git URL rewrite
      const source = sourceLocationOf(entity);
      if (!source) continue;
      for (const provider of providers) {
        const locator = provider.locate(source.url);
        if (!locator) continue;
        urlOfEntity.set(stringifyEntityRef(entity), locator.url);
        const list = wanted.get(provider) ?? new Map();
        list.set(locator.url, locator);
        wanted.set(provider, list);
        break;
      }
    }

    const previous = await store.getRepositories([...urlOfEntity.values()]);
    const current = new Map<string, StoredScmRepository>(previous);
    const since = new Date(options.now.getTime() - 365 * 86_400_000);
    for (const [provider, locators] of wanted) {
      const started = Date.now();
      let reads: ScmRepositoryReadResult[];
      try {
        reads = await provider.readRepositories([...locators.values()], {
          since,
          ...settings,
        });
      } catch (error) {
        // a provider should report per repository; one that throws fails all of its reads
        const failure = errorOf(error);
        reads = [...locators.keys()].map(url => ({
          url,
          error: failure,
          calls: 0,
        }));
      }
      const failed: string[] = [];
      let calls = 0;
      let maxCalls = 0;
      for (const read of reads) {
        if (!locators.has(read.url)) continue;
        const record = mergeRead({
          provider: provider.id,
          previous: previous.get(read.url),
          read,
          at: options.now,
        });
        current.set(read.url, record);
        await store.saveRepository(record, options.now);
        calls += read.calls;
        maxCalls = Math.max(maxCalls, read.calls);
        if (read.error) {
          failed.push(
            `${read.url} (${read.error.kind}: ${read.error.message})`,
          );
        }
        logger.debug(
          `SCM ${provider.id} read ${read.url} with ${read.calls} API calls${
            read.error ? `, ${read.signals ? 'partly ' : ''}failed` : ''
          }`,
        );
      }
      logger.info(
        `SCM ${provider.id}: read ${
          reads.length
        } repositories with ${calls} API calls (at most ${maxCalls} for one repository) in ${
          Date.now() - started
        } ms${
          failed.length
            ? `; ${
                failed.length
              } kept their last good figures, marked stale: ${failed
                .slice(0, 5)
                .join('; ')}${failed.length > 5 ? '; ...' : ''}`
            : ''
        }`,
      );
    }

    for (const [entityRef, url] of urlOfEntity) {
      const record = current.get(url);
      if (record) byEntity.set(entityRef, record);
    }
    await this.collectOrganizations(providers, options.now);
    return byEntity;
  }

  private async collectOrganizations(providers: ScmProvider[], now: Date) {
    const { store, logger } = this.options;
    const stored = new Map(
      (await store.getOrganizations()).map(r => [
        `${r.provider}|${r.host}|${r.organization}`,
        r,
      ]),
    );
    for (const provider of providers) {
      if (!provider.readOrganizations) continue;
      let reads;
      try {
        reads = await provider.readOrganizations({});
      } catch (error) {
        logger.warn(
          `SCM ${provider.id}: organisation settings could not be read: ${
            errorOf(error).message
          }`,
        );
        continue;
      }
      for (const read of reads) {
        const key = `${provider.id}|${read.host}|${read.organization}`;
        const before = stored.get(key);
        let report: ScmOrganizationReport;
        if (read.settings && !read.error) {
          report = {
            provider: provider.id,
            host: read.host,
            organization: read.organization,
            url: read.settings.url,
            settings: read.settings,
            checks: organizationChecks(read.settings),
            fetchedAt: now.toISOString(),
            stale: false,
          };
        } else {
          const error = {
            ...(read.error ?? {
              kind: 'malformed-response',
              message: 'No settings returned',
            }),
            at: now.toISOString(),
          };
          logger.warn(
            `SCM ${provider.id}: settings of ${read.organization} could not be read (${error.kind}): ${error.message}`,
          );
          report = {
            provider: provider.id,
            host: read.host,
            organization: read.organization,
            ...(before?.url ? { url: before.url } : {}),
            ...(before?.settings ? { settings: before.settings } : {}),
            checks: before?.checks ?? [],
            ...(before?.fetchedAt ? { fetchedAt: before.fetchedAt } : {}),
            stale: true,
            error,
          };
        }
        await store.saveOrganization(report, now);
      }
    }
  }
}
