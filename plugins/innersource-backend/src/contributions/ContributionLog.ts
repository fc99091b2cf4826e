import {
  ContributorKind,
  InnerSourceMetadata,
} from '@innersource-backstage/plugin-innersource-common';
import { CommitRecord } from '../git/GitHistoryReader';
import { ParsedManifest } from '../manifests';
import { Attribution } from './attribution';

/**
 * The commits of one entity with their attribution as it was when each was first read, in a
 * compact columnar form (one JSON document per entity, written once per refresh). Keeping the
 * attribution is what lets the org chart change without rewriting history.
 */
export interface ContributionLog {
  version: 1;
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
  /** Distinct [email, name, kind, userRef, teamRef, distance] tuples. */
  authors: Array<
    [
      string,
      string,
      ContributorKind,
      string | null,
      string | null,
      number | null,
    ]
  >;
  /** [sha, index into authors, author time in seconds], newest first. */
  commits: Array<[string, number, number]>;
}

/** A commit of a log with its attribution, as the metrics read it. */
export interface AttributedCommit {
  sha: string;
  time: number;
  email: string;
  name: string;
  attribution: Attribution;
}

export function emptyLog(cloneUrl: string, path: string): ContributionLog {
  return { version: 1, cloneUrl, path, authors: [], commits: [] };
}

/**
 * Adds newly read commits to a log. Commits already in the log keep their attribution. After a
 * complete re-read (history was rewritten), commits that are no longer reachable are dropped.
 */
export function mergeCommits(options: {
  log: ContributionLog;
  commits: CommitRecord[];
  complete: boolean;
  headSha?: string;
  attribute: (email: string, name: string) => Attribution;
}): ContributionLog {
  const { log, commits, complete, attribute } = options;
  const authors = log.authors.slice();
  const authorIndex = new Map<string, number>();
  authors.forEach((author, index) => authorIndex.set(authorKey(author), index));
  // Commits of the log that were read again keep their attribution. Only the shas just read can
  // match, so the log is scanned for those instead of indexing all of it (it holds the whole
  // history, while an incremental read brings a few commits).
  const known = new Map<string, ContributionLog['commits'][number]>();
  let readShas: Set<string> | undefined;
  if (log.commits.length > 0) {
    readShas = new Set<string>();
    for (const commit of commits) readShas.add(commit.sha);
    for (const commit of log.commits) {
      if (readShas.has(commit[0])) known.set(commit[0], commit);
    }
  }

  // by email, then name: no key string is built per commit
  const attributionCache = new Map<string, Map<string, number>>();
  const indexFor = (email: string, name: string) => {
    let byName = attributionCache.get(email);
    if (byName === undefined) {
      byName = new Map();
      attributionCache.set(email, byName);
    }
    let index = byName.get(name);
    if (index === undefined) {
      const a = attribute(email, name);
      const tuple: ContributionLog['authors'][number] = [
        email,
        name,
        a.kind,
        a.userRef ?? null,
        a.teamRef ?? null,
        a.distance ?? null,
      ];
      const key = authorKey(tuple);
      index = authorIndex.get(key);
      if (index === undefined) {
        index = authors.push(tuple) - 1;
        authorIndex.set(key, index);
      }
      byName.set(name, index);
    }
    return index;
  };

  const fresh: ContributionLog['commits'] = [];
  for (const commit of commits) {
    const existing = known.get(commit.sha);
    fresh.push(
      existing ?? [
        commit.sha,
        indexFor(commit.email, commit.name),
        commit.time,
      ],
    );
  }
  // After an incremental read, the older commits follow the new ones.
  const merged = fresh;
  if (!complete && readShas) {
    for (const commit of log.commits) {
      if (!readShas.has(commit[0])) merged.push(commit);
    }
  }
  return compact({
    ...log,
    headSha: options.headSha ?? log.headSha,
    authors,
    commits: merged,
  });
}

/** Drops author tuples no commit refers to any more. */
function compact(log: ContributionLog): ContributionLog {
  const used = new Set<number>();
  for (const commit of log.commits) used.add(commit[1]);
  if (used.size === log.authors.length) return log;
  const remap = new Map<number, number>();
  const authors: ContributionLog['authors'] = [];
  log.authors.forEach((author, index) => {
    if (used.has(index)) remap.set(index, authors.push(author) - 1);
  });
  return {
    ...log,
    authors,
    commits: log.commits.map(([sha, index, time]) => [
      sha,
      remap.get(index)!,
      time,
    ]),
  };
}

function authorKey(author: ContributionLog['authors'][number]) {
  return JSON.stringify(author);
}

/** The commits of a log with their attribution. */
export function attributedCommits(log: ContributionLog): AttributedCommit[] {
  const authors = log.authors.map(
    ([email, name, kind, userRef, teamRef, distance]) => ({
      email,
      name,
      attribution: {
        kind,
        ...(userRef ? { userRef } : {}),
        ...(teamRef ? { teamRef } : {}),
        ...(distance !== null ? { distance } : {}),
      } as Attribution,
    }),
  );
  return log.commits.map(commit => {
    const author = authors[commit[1]];
    return author
      ? {
          sha: commit[0],
          time: commit[2],
          email: author.email,
          name: author.name,
          attribution: author.attribution,
        }
      : ({ sha: commit[0], time: commit[2] } as AttributedCommit);
  });
}
