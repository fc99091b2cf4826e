import { Knex } from 'knex';
import {
  ScmOrganizationReport,
  ScmRepositorySignals,
} from '@innersource-backstage/plugin-innersource-common';

const REPOSITORIES = 'innersource_scm_repositories';
const ORGANIZATIONS = 'innersource_scm_organizations';

/** The stored state of one repository's SCM signals. */
export interface StoredScmRepository {
  url: string;
  provider: string;
  /** The last good read, merged with later partial reads; absent when never read. */
  signals?: ScmRepositorySignals;
  /** When the last fully successful read finished (ISO 8601). */
  fetchedAt?: string;
  /** True when the last read failed or was partial. */
  stale: boolean;
  error?: { kind: string; message: string; at: string };
  /** API calls of the last read. */
  calls: number;
}

type RepositoryRow = {
  url: string;
  provider: string;
  signals: string | null;
  fetched_at: string | null;
  stale: boolean | number;
  error: string | null;
  calls: number;
  updated_at: string;
};

function parseJson<T>(text: string | null): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** Keeps the SCM platform reads of repositories and organisations (SQLite and PostgreSQL). */
export class ScmSignalsStore {
  constructor(private readonly db: Knex) {}

  /** The stored reads of these repositories, by URL. */
  async getRepositories(
    urls: string[],
  ): Promise<Map<string, StoredScmRepository>> {
    const found = new Map<string, StoredScmRepository>();
    const unique = [...new Set(urls)];
    // chunks keep the bound parameters well below SQLite's limit
    for (let i = 0; i < unique.length; i += 500) {
      const rows: RepositoryRow[] = await this.db(REPOSITORIES).whereIn(
        'url',
        unique.slice(i, i + 500),
      );
      for (const row of rows) {
        const signals = parseJson<ScmRepositorySignals>(row.signals);
        const error = parseJson<StoredScmRepository['error']>(row.error);
        found.set(row.url, {
          url: row.url,
          provider: row.provider,
          ...(signals ? { signals } : {}),
          ...(row.fetched_at ? { fetchedAt: row.fetched_at } : {}),
          stale: Boolean(row.stale),
          ...(error ? { error } : {}),
          calls: Number(row.calls),
        });
      }
    }
    return found;
  }

  async saveRepository(
    record: StoredScmRepository,
    updatedAt: Date,
  ): Promise<void> {
    const row: RepositoryRow = {
      url: record.url,
      provider: record.provider,
      signals: record.signals ? JSON.stringify(record.signals) : null,
      fetched_at: record.fetchedAt ?? null,
      stale: record.stale,
      error: record.error ? JSON.stringify(record.error) : null,
      calls: record.calls,
      updated_at: updatedAt.toISOString(),
    };
    await this.db(REPOSITORIES).insert(row).onConflict('url').merge();
  }

  async getOrganizations(): Promise<ScmOrganizationReport[]> {
    const rows: Array<{ report: string }> = await this.db(ORGANIZATIONS)
      .select('report')
      .orderBy(['provider', 'host', 'organization']);
    return rows.flatMap(row => {
      const report = parseJson<ScmOrganizationReport>(row.report);
      return report ? [report] : [];
    });
  }

  async saveOrganization(
    report: ScmOrganizationReport,
    updatedAt: Date,
  ): Promise<void> {
    await this.db(ORGANIZATIONS)
      .insert({
        provider: report.provider,
        host: report.host,
        organization: report.organization,
        report: JSON.stringify(report),
        updated_at: updatedAt.toISOString(),
      })
      .onConflict(['provider', 'host', 'organization'])
      .merge();
  }
}
