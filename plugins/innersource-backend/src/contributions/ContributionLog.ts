import {
  ContributorKind,
  InnerSourceMetadata,
} from '@innersource-backstage/plugin-innersource-common';
import { CommitBatch } from '../git/GitHistoryReader';
import { ParsedManifest } from '../manifests';
import { Attribution } from './attribution';

/** [email, name, kind, userRef, teamRef, distance]: an author as attributed when first read. */
export type AuthorTuple = [
  string,
  string,
  ContributorKind,
  string | null,
  string | null,
  number | null,
];

/** The commits of a log, newest first, one array per field (index i of each is commit i). */
export interface CommitColumns {
  shas: string[];
  /** Index into the log's `authors`. */
  authors: number[];
  /** Author time in seconds. */
  times: number[];
}

/** What of a log the store holds, as the store last read or wrote it. */
export interface StoredLogState {
  /** The stored log's revision (every save makes a new one). */
  revision: number;
  /** How many of the oldest commits are stored. */
  commits: number;
  /** In how many pieces they are stored. */
  chunks: number;
}

/**
 * The commits of one entity with their attribution as it was when each was first read. Keeping
 * the attribution is what lets the org chart change without rewriting history. The store keeps
 * the commits in append-only pieces, so that a run adds the few new ones instead of rewriting
 * the whole history.
 */
export interface ContributionLog {
  version: 2;
  cloneUrl: string;
  path: string;
  /** The HEAD the log was read up to. */
  headSha?: string;
  /** Whether the repository had a contributing guide at that HEAD. */
  hasContributingGuide?: boolean;
  /** The dependency manifests in the entity's folder at that HEAD. */
  manifests?: ParsedManifest[];
  /** The owner-written innersource.json at that HEAD. */
  innerSourceMetadata?: InnerSourceMetadata;
  /** Distinct authors; commits refer to them by index, so the list only grows. */
  authors: AuthorTuple[];
  commits: CommitColumns;
  /** Set by the store; an incremental merge keeps it, so that saving appends only new commits. */
  stored?: StoredLogState;
}

/**
 * The shape stored before the commits moved to pieces of their own (version 1): one JSON
 * document per entity with `[sha, author index, time]` per commit, newest first.
 */
export interface ContributionLogV1
  extends Omit<ContributionLog, 'version' | 'commits' | 'stored'> {
  version: 1;
  commits: Array<[string, number, number]>;
}

export function emptyCommits(): CommitColumns {
  return { shas: [], authors: [], times: [] };
}

export function emptyLog(cloneUrl: string, path: string): ContributionLog {
  return {
    version: 2,
    cloneUrl,
    path,
    authors: [],
    commits: emptyCommits(),
  };
}

/** The number of commits in a log. */
export function commitCount(log: Pick<ContributionLog, 'commits'>): number {
  return log.commits.shas.length;
}

/** Turns a version 1 log into the current shape. */
export function fromV1(log: ContributionLogV1): ContributionLog {
  const { commits, version: _version, ...rest } = log;
  const columns = emptyCommits();
  for (const [sha, author, time] of commits) {
    columns.shas.push(sha);
    columns.authors.push(author);
    columns.times.push(time);
  }
  return { ...rest, version: 2, commits: columns };
}

function authorKey(author: AuthorTuple) {
  return JSON.stringify(author);
}

/**
 * Adds newly read commits (newest first) to a log. After an incremental read they go before the
 * ones the log has, which keeps what the store holds valid. After a complete read (the first, or
 * history was rewritten), the log is the commits read: those already in the log keep their
 * attribution, those no longer reachable are dropped, and the store rewrites it.
 */
export function mergeCommits(options: {
  log: ContributionLog;
  commits: CommitBatch;
  complete: boolean;
  headSha?: string;
  attribute: (email: string, name: string) => Attribution;
}): ContributionLog {
  const { log, commits, complete, attribute } = options;
  const authors = log.authors.slice();
  const authorIndex = new Map<string, number>();
  authors.forEach((author, index) => authorIndex.set(authorKey(author), index));
  // Each author of the batch is attributed once, whatever the number of their commits.
  const tupleOf = commits.authors.map(({ email, name }) => {
    const a = attribute(email, name);
    const tuple: AuthorTuple = [
      email,
      name,
      a.kind,
      a.userRef ?? null,
      a.teamRef ?? null,
      a.distance ?? null,
    ];
    const key = authorKey(tuple);
    let index = authorIndex.get(key);
    if (index === undefined) {
      index = authors.push(tuple) - 1;
      authorIndex.set(key, index);
    }
    return index;
  });

  // Only a complete read can bring commits the log has (an incremental one reads the commits
  // after the log's HEAD): those keep the attribution they had.
  const known = new Map<string, number>();
  if (complete) {
    const { shas, authors: of } = log.commits;
    for (let i = 0; i < shas.length; i++) known.set(shas[i], of[i]);
  }
  const fresh: CommitColumns = {
    shas: commits.shas,
    authors: [],
    times: commits.times,
  };
  for (let i = 0; i < commits.shas.length; i++) {
    fresh.authors.push(
      (known.size > 0 ? known.get(commits.shas[i]) : undefined) ??
        tupleOf[commits.authorIndexes[i]],
    );
  }

  const headSha = options.headSha ?? log.headSha;
  if (complete) {
    const { stored: _stored, ...rest } = log;
    return compact({ ...rest, headSha, authors, commits: fresh });
  }
  return {
    ...log,
    headSha,
    authors,
    commits:
      fresh.shas.length === 0
        ? log.commits
        : {
            shas: fresh.shas.concat(log.commits.shas),
            authors: fresh.authors.concat(log.commits.authors),
            times: fresh.times.concat(log.commits.times),
          },
  };
}

/** Drops author tuples no commit refers to any more (only when the whole log is rewritten). */
function compact(log: ContributionLog): ContributionLog {
  const used = new Uint8Array(log.authors.length);
  for (const index of log.commits.authors) used[index] = 1;
  if (used.every(u => u === 1)) return log;
  const remap = new Int32Array(log.authors.length).fill(-1);
  const authors: AuthorTuple[] = [];
  log.authors.forEach((author, index) => {
    if (used[index]) remap[index] = authors.push(author) - 1;
  });
  return {
    ...log,
    authors,
    commits: {
      ...log.commits,
      authors: log.commits.authors.map(index => remap[index]),
    },
  };
}

/** An author tuple's attribution as the metrics read it. */
export function attributionOf(author: AuthorTuple): Attribution {
  const [, , kind, userRef, teamRef, distance] = author;
  return {
    kind,
    ...(userRef ? { userRef } : {}),
    ...(teamRef ? { teamRef } : {}),
    ...(distance !== null ? { distance } : {}),
  };
}
