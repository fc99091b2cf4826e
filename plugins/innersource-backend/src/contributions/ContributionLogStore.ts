import { Knex } from 'knex';
import type { StoredContributionLog } from '../database/InnerSourceStore';
import { dialectOf } from '../program/sqlScope';
import {
  commitCount,
  CommitColumns,
  ContributionLog,
  ContributionLogV1,
  emptyCommits,
  emptyLog,
  fromV1,
} from './ContributionLog';

const LOGS = 'innersource_contribution_logs';
const CHUNKS = 'innersource_contribution_chunks';

/** Commits per stored piece when a log is written whole (a run appends one piece of its own). */
export const CHUNK_COMMITS = 50_000;
/** Pieces beyond which a log is written whole again, in few pieces, at the next save. */
export const MAX_CHUNKS = 100;
/** Commits kept in memory across runs, over all entities (about 60 bytes each). */
const CACHE_COMMITS = 2_000_000;

/** One stored piece of a log: commits newest first, the ids as one string. */
interface ChunkJson {
  shaLength: number;
  shas: string;
  authors: number[];
  times: number[];
}

type Header = Omit<ContributionLog, 'commits' | 'stored'>;

function encodeChunk(commits: CommitColumns, from: number, to: number): string {
  const shas = commits.shas.slice(from, to);
  const chunk: ChunkJson = {
    shaLength: shas[0]?.length ?? 40,
    shas: shas.join(''),
    authors: commits.authors.slice(from, to),
    times: commits.times.slice(from, to),
  };
  return JSON.stringify(chunk);
}

/** Appends a stored piece (newest first) to columns being built oldest piece last. */
function decodeChunk(text: string, into: CommitColumns) {
  const chunk = JSON.parse(text) as ChunkJson;
  const width = chunk.shaLength;
  for (let i = 0; i < chunk.authors.length; i++) {
    into.shas.push(chunk.shas.substring(i * width, (i + 1) * width));
    into.authors.push(chunk.authors[i]);
    into.times.push(chunk.times[i]);
  }
}

/**
 * Keeps each entity's contribution log: a small header row (where the log was read from, up to
 * which commit, the attributed authors, the files at HEAD) and the commits in append-only pieces,
 * so that a run that read 100 new commits writes 100 commits, not the whole history again.
 *
 * The commits of recently used logs stay in memory (up to about two million), keyed by the
 * header's revision: a run in the same process reuses them instead of reading the history back,
 * and a log written by another instance (a new revision) is read again.
 */
export class ContributionLogStore {
  private readonly cache = new Map<
    string,
    { revision: number; commits: CommitColumns; chunks: number }
  >();
  private cachedCommits = 0;

  constructor(private readonly db: Knex) {}

  async get(entityRef: string): Promise<StoredContributionLog | undefined> {
    const row = await this.db(LOGS).where('entity_ref', entityRef).first();
    if (!row) return undefined;
    const parsed = JSON.parse(row.log) as Header | ContributionLogV1;
    let log: ContributionLog;
    if (
      parsed.version === 1 ||
      Array.isArray((parsed as { commits?: unknown }).commits)
    ) {
      // written before the commits moved to pieces: the next save rewrites it in pieces
      log = fromV1(parsed as ContributionLogV1);
    } else {
      const revision = Number(row.revision ?? 0);
      const state = await this.commits(entityRef, revision);
      log = {
        ...(parsed as Header),
        version: 2,
        commits: state.commits,
        stored: {
          revision,
          commits: commitCount(state),
          chunks: state.chunks,
        },
      };
    }
    return {
      log,
      ...(row.synced_at ? { syncedAt: row.synced_at } : {}),
      ...(row.error_kind
        ? {
            error: {
              kind: row.error_kind,
              message: row.error_message ?? '',
              at: row.error_at,
            },
          }
        : {}),
    };
  }

  /**
   * Saves a successfully read log and clears any recorded error. When the log is the stored one
   * with newer commits before it (`log.stored` still names the stored revision), only those are
   * written, as a piece of their own; otherwise the commits are written whole.
   */
  async save(
    entityRef: string,
    log: ContributionLog,
    syncedAt: Date,
  ): Promise<void> {
    const count = commitCount(log);
    const { commits, stored, ...header } = log;
    let saved = { revision: 0, chunks: 0 };
    await this.db.transaction(async tx => {
      const query = tx(LOGS).where('entity_ref', entityRef);
      // concurrent saves (several instances) queue here; the revision decides what to write
      if (dialectOf(this.db) === 'postgres') query.forUpdate();
      const row = await query.first('revision');
      const current = row ? Number(row.revision ?? 0) : undefined;
      const append =
        stored !== undefined &&
        current === stored.revision &&
        count >= stored.commits &&
        stored.chunks < MAX_CHUNKS;
      let chunks: number;
      if (append) {
        const fresh = count - stored.commits;
        chunks = stored.chunks;
        if (fresh > 0) {
          await tx(CHUNKS).insert({
            entity_ref: entityRef,
            seq: chunks++,
            commit_count: fresh,
            commits: encodeChunk(commits, 0, fresh),
          });
        }
      } else {
        await tx(CHUNKS).where('entity_ref', entityRef).delete();
        chunks = 0;
        // oldest piece first (seq 0), each newest first
        for (let to = count; to > 0; to -= CHUNK_COMMITS) {
          const from = Math.max(0, to - CHUNK_COMMITS);
          await tx(CHUNKS).insert({
            entity_ref: entityRef,
            seq: chunks++,
            commit_count: to - from,
            commits: encodeChunk(commits, from, to),
          });
        }
      }
      const revision = (current ?? 0) + 1;
      await tx(LOGS)
        .insert({
          entity_ref: entityRef,
          clone_url: log.cloneUrl,
          path: log.path,
          head_sha: log.headSha ?? null,
          log: JSON.stringify({ ...header, version: 2 }),
          revision,
          synced_at: syncedAt.toISOString(),
          error_kind: null,
          error_message: null,
          error_at: null,
        })
        .onConflict('entity_ref')
        .merge();
      saved = { revision, chunks };
    });
    this.remember(entityRef, { ...saved, commits });
  }

  /**
   * Records that reading the entity's repository failed. The stored log is kept as it was (an
   * empty one is created when there was none).
   */
  async recordError(
    entityRef: string,
    error: {
      cloneUrl: string;
      path: string;
      kind: string;
      message: string;
      at: Date;
    },
  ): Promise<void> {
    const fields = {
      error_kind: error.kind,
      error_message: error.message,
      error_at: error.at.toISOString(),
    };
    const updated = await this.db(LOGS)
      .where('entity_ref', entityRef)
      .update(fields);
    if (updated === 0) {
      const { commits: _commits, ...header } = emptyLog(
        error.cloneUrl,
        error.path,
      );
      await this.db(LOGS).insert({
        entity_ref: entityRef,
        clone_url: error.cloneUrl,
        path: error.path,
        head_sha: null,
        log: JSON.stringify(header),
        revision: 0,
        synced_at: null,
        ...fields,
      });
    }
  }

  /** The stored commits of a revision: from memory when this process has them, else read. */
  private async commits(
    entityRef: string,
    revision: number,
  ): Promise<{ commits: CommitColumns; chunks: number }> {
    const cached = this.cache.get(entityRef);
    if (cached && cached.revision === revision) {
      // most recently used last
      this.cache.delete(entityRef);
      this.cache.set(entityRef, cached);
      return cached;
    }
    const rows: Array<{ commits: string }> = await this.db(CHUNKS)
      .where('entity_ref', entityRef)
      .orderBy('seq', 'desc')
      .select('commits');
    const commits = emptyCommits();
    for (const row of rows) decodeChunk(row.commits, commits);
    const state = { revision, commits, chunks: rows.length };
    this.remember(entityRef, state);
    return state;
  }

  private remember(
    entityRef: string,
    state: { revision: number; commits: CommitColumns; chunks: number },
  ) {
    const previous = this.cache.get(entityRef);
    if (previous) {
      this.cachedCommits -= commitCount(previous);
      this.cache.delete(entityRef);
    }
    const count = commitCount(state);
    if (count > CACHE_COMMITS) return;
    this.cache.set(entityRef, state);
    this.cachedCommits += count;
    for (const [ref, entry] of this.cache) {
      if (this.cachedCommits <= CACHE_COMMITS) break;
      this.cache.delete(ref);
      this.cachedCommits -= commitCount(entry);
    }
  }
}
