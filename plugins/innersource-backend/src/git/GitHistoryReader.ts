import {
  MANIFEST_FILE_PATTERNS,
  parseManifest,
  ParsedManifest,
} from '../manifests';
import { InnerSourceMetadata } from '@innersource-backstage/plugin-innersource-common';
import {
  GitBatchUnavailableError,
  GitObjectReader,
} from '../lint/GitObjectReader';
import { parseTreeObject, TreeEntry } from '../lint/gitTree';
import { ClonedHistory, SyncedRepository } from './GitRepositoryCache';
import { runGit, streamGit } from './runGit';

/** Manifests larger than this are skipped: no real one is, and reading it would cost memory. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
/** `innersource.json` larger than this is not read. */
const MAX_METADATA_BYTES = 1024 * 1024;
/** Contacts per `git check-mailmap` (each is one argument; 2,000 take some 100 KB). */
const MAILMAP_BATCH = 2000;
const CONTRIBUTING = /^contributing(\.[a-z]+)?$/i;

/** The fields of innersource.json the portal uses, each kept only when of the right type. */
export function innerSourceMetadataFrom(
  json: unknown,
): InnerSourceMetadata | undefined {
  if (!json || typeof json !== 'object' || Array.isArray(json))
    return undefined;
  const o = json as Record<string, unknown>;
  const text = (key: string) =>
    typeof o[key] === 'string' && (o[key] as string).trim()
      ? { [key]: (o[key] as string).trim() }
      : {};
  const list = (key: string) =>
    Array.isArray(o[key]) &&
    (o[key] as unknown[]).every(v => typeof v === 'string')
      ? { [key]: o[key] as string[] }
      : {};
  return {
    ...text('title'),
    ...text('motivation'),
    ...list('contributions'),
    ...list('skills'),
    ...text('logo'),
    ...text('docs'),
    ...text('language'),
  };
}

/** An author of commits after `.mailmap`. */
export interface CommitAuthor {
  /** Lower-cased. */
  email: string;
  name: string;
}

/**
 * Commits as the analysis needs them, newest first, one array per field (index i of each is
 * commit i): a history has 100,000s of commits and a few hundred authors.
 */
export interface CommitBatch {
  /** Distinct authors. */
  authors: CommitAuthor[];
  shas: string[];
  /** Per commit: index into `authors`. */
  authorIndexes: number[];
  /** Per commit: author time, seconds since the epoch. */
  times: number[];
}

/** A batch of no commits. */
export function noCommits(): CommitBatch {
  return { authors: [], shas: [], authorIndexes: [], times: [] };
}

/** What an entity's folder holds at HEAD, as far as the analysis needs it. */
export interface HeadFiles {
  /** A contributing guide in the folder or at the root (see {@link GitHistoryReader.hasContributingGuide}). */
  hasContributingGuide: boolean;
  /** The dependency manifests in the folder, parsed. */
  manifests: ParsedManifest[];
  /** The owner-written innersource.json of the folder, else of the root. */
  innerSourceMetadata?: InnerSourceMetadata;
}

const SEP = '\x1f';

/**
 * Reads commit history with git itself. Merge commits are left out: they record that work was
 * integrated, and the work itself is counted through the commits they bring in; counting both
 * would credit whoever clicks "merge" with other people's contributions.
 */
export class GitHistoryReader {
  constructor(private readonly options: { timeoutMs: number }) {}

  /**
   * Commits reachable from HEAD that touch `path` ('' = all), newest first. With `sinceSha`,
   * only the commits after it; when `sinceSha` is no longer an ancestor of HEAD (history was
   * rewritten), everything is read again and `complete` says so.
   */
  async readCommits(
    repo: SyncedRepository,
    options: { path: string; sinceSha?: string },
  ): Promise<{ commits: CommitBatch; complete: boolean }> {
    if (!repo.headSha) return { commits: noCommits(), complete: true };
    if (options.sinceSha === repo.headSha) {
      return { commits: noCommits(), complete: false };
    }
    if (!options.path && repo.clonedHistory?.headSha === repo.headSha) {
      // read while cloning: the whole history, so a complete read
      const commits = await this.clonedCommits(repo, repo.clonedHistory);
      if (commits) return { commits, complete: true };
    }
    if (options.sinceSha) {
      const since = options.sinceSha;
      if (!options.path) {
        // Without a path every commit after `since` is listed, merges included, so `since` is an
        // ancestor of HEAD exactly when one of them names it as a parent: no extra git process.
        const read = await this.log(repo, `${since}..${repo.headSha}`, '', {
          parents: true,
        }).catch(() => undefined); // `since` is gone
        if (read?.parents.has(since)) {
          return { commits: read.commits, complete: false };
        }
      } else if (await this.isAncestor(repo, since)) {
        const read = await this.log(
          repo,
          `${since}..${repo.headSha}`,
          options.path,
        );
        return { commits: read.commits, complete: false };
      }
    }
    const read = await this.log(repo, repo.headSha, options.path);
    return { commits: read.commits, complete: true };
  }

  /**
   * `git log` of a range without merges. With `parents`, merges are listed by git and left out
   * here instead, so that the parents of every commit in the range are known.
   */
  private async log(
    repo: SyncedRepository,
    range: string,
    path: string,
    options: { parents?: boolean } = {},
  ): Promise<{ commits: CommitBatch; parents: Set<string> }> {
    const args = [
      'log',
      `--format=%H${SEP}${
        options.parents ? '%P' : ''
      }${SEP}%aE${SEP}%aN${SEP}%at`,
      ...(options.parents ? [] : ['--no-merges']),
      range,
    ];
    if (path) args.push('--', path);
    const commits = noCommits();
    const parents = new Set<string>();
    // A history has far fewer authors than commits: each is made once.
    const authorIndex = new Map<string, number>();
    await streamGit(args, {
      cwd: repo.dir,
      // .mailmap of the default branch; a bare repository has no work tree to read it from
      config: { ...repo.gitConfig, 'mailmap.blob': 'HEAD:.mailmap' },
      timeoutMs: this.options.timeoutMs,
      onLine: line => {
        const [sha, parentList = '', rawEmail = '', rawName = '', time] =
          line.split(SEP);
        if (!sha || !time) return;
        const space = parentList.indexOf(' ');
        if (space < 0) {
          if (parentList) parents.add(parentList);
        } else {
          for (const parent of parentList.split(' ')) parents.add(parent);
          return; // a merge
        }
        const key = `${rawEmail}${SEP}${rawName}`;
        let author = authorIndex.get(key);
        if (author === undefined) {
          author =
            commits.authors.push({
              email: rawEmail.toLocaleLowerCase('en-US'),
              name: rawName,
            }) - 1;
          authorIndex.set(key, author);
        }
        commits.shas.push(sha);
        commits.authorIndexes.push(author);
        commits.times.push(Number(time));
      },
    });
    return { commits, parents };
  }

  /**
   * The history read during the clone as `git log --no-merges` lists it: newest first (by commit
   * time, as git's walk orders it), merges left out, authors mapped through `.mailmap` by git.
   */
  private async clonedCommits(
    repo: SyncedRepository,
    history: ClonedHistory,
  ): Promise<CommitBatch | undefined> {
    const { pack, ids } = history;
    const commits = noCommits();
    const mapped = await this.mailmap(repo, pack.contacts);
    if (!mapped) return undefined;
    // contacts that .mailmap maps to one author become one
    const authorIndex = new Map<string, number>();
    const authorOfContact = mapped.map(author => {
      const key = `${author.email}${SEP}${author.name}`;
      let index = authorIndex.get(key);
      if (index === undefined) {
        index = commits.authors.push(author) - 1;
        authorIndex.set(key, index);
      }
      return index;
    });
    const order: number[] = [];
    for (let i = 0; i < pack.offsets.length; i++) {
      if (!pack.merges[i]) order.push(i);
    }
    const times = pack.commitTimes;
    // Newest first by commit time, as git's walk lists them; a pack is usually in that order
    // already (pack order breaks ties: it is the order of git's own walk).
    let sorted = true;
    for (let k = 1; k < order.length && sorted; k++) {
      sorted = times[order[k - 1]] >= times[order[k]];
    }
    if (!sorted) order.sort((a, b) => times[b] - times[a] || a - b);
    for (const i of order) {
      commits.shas.push(ids[i]);
      commits.authorIndexes.push(authorOfContact[pack.authors[i]]);
      commits.times.push(pack.authorTimes[i]);
    }
    return commits;
  }

  /** `Name <email>` contacts mapped through the repository's `.mailmap` at HEAD, by git. */
  private async mailmap(
    repo: SyncedRepository,
    contacts: string[],
  ): Promise<CommitAuthor[] | undefined> {
    const batches: string[][] = [];
    for (let i = 0; i < contacts.length; i += MAILMAP_BATCH) {
      batches.push(contacts.slice(i, i + MAILMAP_BATCH));
    }
    const mapped = (
      await Promise.all(
        batches.map(async batch => {
          const output = await runGit(
            ['check-mailmap', '--end-of-options', ...batch],
            {
              cwd: repo.dir,
              config: { ...repo.gitConfig, 'mailmap.blob': 'HEAD:.mailmap' },
              timeoutMs: this.options.timeoutMs,
            },
          ).catch(() => undefined);
          const lines = output?.split('\n');
          return lines?.length === batch.length ? lines : undefined;
        }),
      )
    ).flat();
    // git could not answer one for one: the caller asks git log instead
    if (mapped.some(contact => contact === undefined)) return undefined;
    return (mapped as string[]).map(contact => {
      const open = contact.lastIndexOf('<');
      const name = open > 0 ? contact.slice(0, open).trimEnd() : '';
      const email = contact.slice(
        open + 1,
        contact.endsWith('>') ? -1 : undefined,
      );
      return { name, email: email.toLocaleLowerCase('en-US') };
    });
  }

  /** Whether the analysis reads a file of this name at the root of a repository (see readHeadFiles). */
  readsAtRoot(name: string): boolean {
    return (
      name === '.mailmap' ||
      name === 'innersource.json' ||
      MANIFEST_FILE_PATTERNS.some(p => p.test(name))
    );
  }

  /**
   * The files the analysis reads at HEAD for each entity folder (`paths`, '' = the root), read
   * through one `git cat-file --batch-command` process for all of them. Right after a clone,
   * the file contents needed are fetched in one request first, rather than one lazy fetch each.
   */
  async readHeadFiles(
    repo: SyncedRepository,
    paths: string[],
  ): Promise<Map<string, HeadFiles>> {
    const result = new Map<string, HeadFiles>();
    if (!repo.headSha) {
      for (const path of paths) {
        result.set(path, { hasContributingGuide: false, manifests: [] });
      }
      return result;
    }
    const objects = new GitObjectReader({
      cwd: repo.dir,
      config: repo.gitConfig,
      timeoutMs: this.options.timeoutMs,
    });
    try {
      return await this.readHeadFilesBatched(repo, paths, objects);
    } catch (error) {
      if (!(error instanceof GitBatchUnavailableError)) throw error;
      // a git without `cat-file --batch-command` (before 2.36): one command per question
      for (const path of paths) {
        const metadata = await this.readInnerSourceJson(repo, path);
        result.set(path, {
          hasContributingGuide: await this.hasContributingGuide(repo, path),
          manifests: await this.readManifests(repo, path),
          ...(metadata ? { innerSourceMetadata: metadata } : {}),
        });
      }
      return result;
    } finally {
      await objects.close();
    }
  }

  private async readHeadFilesBatched(
    repo: SyncedRepository,
    paths: string[],
    objects: GitObjectReader,
  ): Promise<Map<string, HeadFiles>> {
    const listings = new Map<string, Promise<TreeEntry[] | undefined>>();
    const listing = (folder: string): Promise<TreeEntry[] | undefined> => {
      let pending = listings.get(folder);
      if (!pending) {
        pending = (async () => {
          let treeish: string;
          if (folder === '') {
            treeish = `${repo.headSha}^{tree}`;
          } else {
            const slash = folder.lastIndexOf('/');
            const parent = await listing(
              slash < 0 ? '' : folder.slice(0, slash),
            );
            const entry = parent?.find(
              e => e.type === 'tree' && e.name === folder.slice(slash + 1),
            );
            if (!entry) return undefined;
            treeish = entry.oid;
          }
          const tree = await objects.contents(treeish, Infinity, 'git ls-tree');
          if (tree?.type !== 'tree') return undefined;
          return parseTreeObject(tree.data, tree.oid.length / 2);
        })();
        listings.set(folder, pending);
      }
      return pending;
    };
    const blobIn = async (folder: string, name: string) =>
      (await listing(folder))?.find(e => e.type === 'blob' && e.name === name);

    // What each folder needs, by path at HEAD.
    const plans = await Promise.all(
      paths.map(async path => {
        const manifestEntries = ((await listing(path)) ?? []).filter(
          e =>
            e.type === 'blob' &&
            MANIFEST_FILE_PATTERNS.some(p => p.test(e.name)),
        );
        const metadataEntry =
          (path ? await blobIn(path, 'innersource.json') : undefined) ??
          (await blobIn('', 'innersource.json'));
        let hasContributingGuide = false;
        for (const base of path ? [path, ''] : ['']) {
          for (const folder of ['', 'docs', '.github', '.gitlab']) {
            const names = await listing(
              [base, folder].filter(Boolean).join('/'),
            );
            if (names?.some(e => CONTRIBUTING.test(e.name))) {
              hasContributingGuide = true;
            }
          }
        }
        return { path, manifestEntries, metadataEntry, hasContributingGuide };
      }),
    );

    if (repo.cloned) {
      // Nothing but commits and trees is local yet: one request for every file needed below
      // (and the .mailmap the history is read with) instead of one lazy fetch per file.
      const wanted = new Set<string>();
      for (const plan of plans) {
        for (const entry of plan.manifestEntries) wanted.add(entry.oid);
        if (plan.metadataEntry) wanted.add(plan.metadataEntry.oid);
      }
      const mailmap = await blobIn('', '.mailmap');
      if (mailmap) wanted.add(mailmap.oid);
      await this.prefetch(
        repo,
        [...wanted].filter(oid => !repo.fetchedFiles?.has(oid)),
      );
    }

    const result = new Map<string, HeadFiles>();
    for (const plan of plans) {
      const folder = plan.path ? `${plan.path}/` : '';
      const manifests: ParsedManifest[] = [];
      for (const entry of plan.manifestEntries) {
        const blob = await objects.contents(
          entry.oid,
          MAX_MANIFEST_BYTES,
          'git cat-file blob',
        );
        if (!blob || blob.size > MAX_MANIFEST_BYTES) continue;
        const parsed = parseManifest(
          `${folder}${entry.name}`,
          blob.data.toString('utf8'),
        );
        if (parsed) manifests.push(parsed);
      }
      let innerSourceMetadata: InnerSourceMetadata | undefined;
      if (plan.metadataEntry) {
        const blob = await objects.contents(
          plan.metadataEntry.oid,
          MAX_METADATA_BYTES,
          'git cat-file blob',
        );
        if (blob && blob.size <= MAX_METADATA_BYTES) {
          try {
            innerSourceMetadata = innerSourceMetadataFrom(
              JSON.parse(blob.data.toString('utf8')),
            );
          } catch {
            innerSourceMetadata = undefined; // the lint rule reports what is wrong with it
          }
        }
      }
      result.set(plan.path, {
        hasContributingGuide: plan.hasContributingGuide,
        manifests,
        ...(innerSourceMetadata ? { innerSourceMetadata } : {}),
      });
    }
    return result;
  }

  /**
   * Fetches objects of a partial clone in one request, as git's own lazy fetch does for one
   * object at a time. A copy that is not partial has them all already.
   */
  private async prefetch(repo: SyncedRepository, oids: string[]) {
    if (oids.length === 0 || !repo.promisor) return;
    await runGit(
      [
        'fetch',
        'origin',
        '--no-tags',
        '--no-write-fetch-head',
        '--recurse-submodules=no',
        '--filter=blob:none',
        '--quiet',
        ...oids,
      ],
      {
        cwd: repo.dir,
        config: {
          ...repo.gitConfig,
          'fetch.negotiationAlgorithm': 'noop',
          'maintenance.auto': 'false',
          'gc.auto': '0',
        },
        timeoutMs: this.options.timeoutMs,
      },
    ).catch(() => {
      // the reads below fetch what is still missing one by one, and report what fails
    });
  }

  /**
   * Whether a contributing guide (CONTRIBUTING, any extension, any case) is at HEAD in the
   * entity's folder or the repository root, directly or under `docs/`, `.github/` or `.gitlab/`:
   * the places GitHub and GitLab look.
   */
  async hasContributingGuide(
    repo: SyncedRepository,
    path: string,
  ): Promise<boolean> {
    if (!repo.headSha) return false;
    const bases = path ? [`${path}/`, ''] : [''];
    for (const base of bases) {
      for (const folder of ['', 'docs/', '.github/', '.gitlab/']) {
        let output: string;
        try {
          output = await runGit(
            ['ls-tree', '--name-only', `HEAD:${base}${folder}`],
            {
              cwd: repo.dir,
              config: repo.gitConfig,
              timeoutMs: this.options.timeoutMs,
            },
          );
        } catch {
          continue; // the folder does not exist
        }
        if (output.split('\n').some(name => CONTRIBUTING.test(name))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The dependency manifests (package.json, pom.xml, go.mod, pyproject.toml, requirements*.txt)
   * at HEAD in the entity's folder, parsed. Only these files' contents are fetched.
   */
  async readManifests(
    repo: SyncedRepository,
    path: string,
  ): Promise<ParsedManifest[]> {
    if (!repo.headSha) return [];
    const folder = path ? `${path}/` : '';
    let names: string[];
    try {
      names = (
        await runGit(['ls-tree', '--name-only', `HEAD:${folder}`], {
          cwd: repo.dir,
          config: repo.gitConfig,
          timeoutMs: this.options.timeoutMs,
        })
      ).split('\n');
    } catch {
      return []; // the folder does not exist at HEAD
    }
    const manifests: ParsedManifest[] = [];
    for (const name of names.filter(n =>
      MANIFEST_FILE_PATTERNS.some(p => p.test(n)),
    )) {
      const file = `${folder}${name}`;
      const size = Number(
        await runGit(['cat-file', '-s', `HEAD:${file}`], {
          cwd: repo.dir,
          config: repo.gitConfig,
          timeoutMs: this.options.timeoutMs,
        }),
      );
      if (!(size <= MAX_MANIFEST_BYTES)) continue;
      const content = await runGit(['cat-file', 'blob', `HEAD:${file}`], {
        cwd: repo.dir,
        config: repo.gitConfig,
        timeoutMs: this.options.timeoutMs,
      });
      const parsed = parseManifest(file, content);
      if (parsed) manifests.push(parsed);
    }
    return manifests;
  }

  /**
   * The owner-written `innersource.json` in the entity folder, else at the repository root,
   * parsed; undefined when absent or unreadable (the lint rule reports what is wrong with it).
   */
  async readInnerSourceJson(
    repo: SyncedRepository,
    path: string,
  ): Promise<InnerSourceMetadata | undefined> {
    if (!repo.headSha) return undefined;
    for (const file of [
      ...new Set([path ? `${path}/innersource.json` : '', 'innersource.json']),
    ]) {
      if (!file) continue;
      let text: string;
      try {
        text = await runGit(['cat-file', 'blob', `HEAD:${file}`], {
          cwd: repo.dir,
          config: repo.gitConfig,
          timeoutMs: this.options.timeoutMs,
        });
      } catch {
        continue; // not there
      }
      try {
        return innerSourceMetadataFrom(JSON.parse(text));
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  private async isAncestor(
    repo: SyncedRepository,
    sha: string,
  ): Promise<boolean> {
    try {
      await runGit(['merge-base', '--is-ancestor', sha, repo.headSha!], {
        cwd: repo.dir,
      });
      return true;
    } catch {
      return false;
    }
  }
}
