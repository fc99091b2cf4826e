import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  commitIdsFromPackIndex,
  PackCommitScanner,
  ScannedPack,
} from './PackCommitScanner';
import { GitCommandError, runGit, streamGit } from './runGit';

/** Reads the Authorization header for a clone URL (see GitCredentials). */
export interface AuthorizationSource {
  authorizationHeader(url: string): Promise<string | undefined>;
}

/**
 * The commits of a repository as they were read from its pack during the clone, before git had
 * finished indexing it: the whole history of the default branch, in pack order.
 */
export interface ClonedHistory {
  /** The commit the history ends at (the clone's HEAD). */
  headSha: string;
  pack: ScannedPack;
  /** Per commit (same order as the pack's lists): its id. */
  ids: string[];
}

/** A local copy of a repository, ready for history reads. */
export interface SyncedRepository {
  cloneUrl: string;
  /** The bare repository on disk. */
  dir: string;
  /** The commit the default branch points at, or undefined for an empty repository. */
  headSha?: string;
  /** `-c` settings every further git command on this repository must pass (auth for lazy fetches). */
  gitConfig: Record<string, string>;
  /** Whether this sync cloned the repository (so no file contents are local yet). */
  cloned?: boolean;
  /** Whether objects missing from the copy are fetched when needed (a partial clone). */
  promisor?: boolean;
  /** The history read while cloning, when the clone was of commits only and could be read. */
  clonedHistory?: ClonedHistory;
  /** Why the history could not be read while cloning (for the debug log). */
  clonedHistoryUnavailable?: string;
  /** Files at HEAD (blob ids) fetched with this sync, as `SyncOptions.headFiles` asked. */
  fetchedFiles?: Set<string>;
}

/** What a sync must provide besides the commits and the files at HEAD. */
export interface SyncOptions {
  /**
   * Whether history is read per folder (`git log -- <path>`), which needs the trees of every
   * commit. Without it, the clone holds only commits (`--filter=tree:0`) plus the trees at HEAD,
   * a fraction of the transfer; a copy of that kind is cloned again the first time a folder's
   * history is needed. Default true.
   */
  historyPaths?: boolean;
  /**
   * Names of files at the root whose contents the caller will read. A commits-only clone fetches
   * them, with the trees at HEAD, while the history is still arriving.
   */
  headFiles?: (name: string) => boolean;
}

export interface GitRepositoryCacheOptions {
  cacheDir: string;
  credentials: AuthorizationSource;
  /** Per git command. */
  timeoutMs: number;
  /** Largest allowed size of the local copy in bytes. */
  maxSizeBytes: number;
}

/** What a clone learnt besides the copy itself. */
interface CloneResult {
  history?: ClonedHistory;
  unavailable?: string;
  fetchedFiles?: Set<string>;
}

/** Packs in a copy beyond which they are combined into one (every fetch adds one). */
const MAX_PACKS = 32;

/**
 * Settings for every command that writes to a copy: no automatic housekeeping (a fetch would
 * start `git maintenance` every time to check whether any is due; the cache repacks itself, see
 * MAX_PACKS), and the fetched pack kept as it came instead of unpacked into loose objects.
 */
const WRITE_CONFIG: Record<string, string> = {
  'maintenance.auto': 'false',
  'gc.auto': '0',
  'fetch.unpackLimit': '1',
  'advice.fetchShowForcedUpdates': 'false',
};

async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await directorySize(full);
    else if (entry.isFile()) total += (await fs.stat(full)).size;
  }
  return total;
}

const exists = (file: string) =>
  fs
    .access(file)
    .then(() => true)
    .catch(() => false);

/**
 * Keeps partial bare clones of the default branch of the repositories behind catalog entities
 * (commits only, or commits and trees: never file contents until a command needs them), and
 * fetches only what is new on later runs. Each URL is cloned once, however many entities live
 * in it.
 */
export class GitRepositoryCache {
  private readonly inFlight = new Map<string, Promise<SyncedRepository>>();

  constructor(private readonly options: GitRepositoryCacheOptions) {}

  /** The folder that holds the copy of `cloneUrl`. */
  dirFor(cloneUrl: string): string {
    const readable = cloneUrl
      .replace(/^[a-z]+:\/\//, '')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .slice(-60);
    const hash = createHash('sha256')
      .update(cloneUrl)
      .digest('hex')
      .slice(0, 12);
    return path.join(this.options.cacheDir, `${readable}-${hash}`);
  }

  /** Clones or fetches a repository; concurrent calls for one URL share the work. */
  sync(cloneUrl: string, options: SyncOptions = {}): Promise<SyncedRepository> {
    let pending = this.inFlight.get(cloneUrl);
    if (!pending) {
      pending = this.doSync(cloneUrl, options).finally(() =>
        this.inFlight.delete(cloneUrl),
      );
      this.inFlight.set(cloneUrl, pending);
    }
    return pending;
  }

  private async doSync(
    cloneUrl: string,
    options: SyncOptions,
  ): Promise<SyncedRepository> {
    const historyPaths = options.historyPaths ?? true;
    const { timeoutMs, maxSizeBytes } = this.options;
    const dir = this.dirFor(cloneUrl);
    const header = await this.options.credentials.authorizationHeader(cloneUrl);
    const gitConfig: Record<string, string> = header
      ? { 'http.extraHeader': `Authorization: ${header}` }
      : {};
    // Lazy fetches of trees and blobs in a partial clone must not fail on missing promisor objects
    // silently; this keeps git from prompting and from writing credentials anywhere.
    gitConfig['credential.helper'] = '';

    let clone = !(await exists(path.join(dir, 'HEAD')));
    // A commits-only copy cannot answer per-folder history: clone it again with trees.
    if (!clone && historyPaths && (await this.readConfig(dir)).commitsOnly) {
      clone = true;
    }

    let scanned: CloneResult = {};
    if (clone) {
      scanned = await this.clone({
        cloneUrl,
        dir,
        gitConfig,
        commitsOnly: !historyPaths,
        headFiles: options.headFiles,
      });
    } else {
      await this.fetch(dir, gitConfig);
    }

    const packs = await this.checkSize(dir, maxSizeBytes);
    if (packs > MAX_PACKS) {
      await runGit(['repack', '-a', '-d', '-q'], {
        cwd: dir,
        config: { ...gitConfig, ...WRITE_CONFIG },
        timeoutMs,
      });
    }

    // After a fetch, the branch's new commit is read from the ref git just wrote; a clone (whose
    // trees at HEAD may still be missing) asks git.
    const headSha =
      (!clone ? await this.headFromFiles(dir) : undefined) ??
      (await this.resolveHead(dir, gitConfig));
    const history =
      scanned.history && scanned.history.headSha === headSha
        ? scanned.history
        : undefined;
    return {
      cloneUrl,
      dir,
      headSha,
      gitConfig,
      cloned: clone,
      promisor: (await this.readConfig(dir)).promisor,
      ...(history ? { clonedHistory: history } : {}),
      ...(!history && scanned.unavailable
        ? { clonedHistoryUnavailable: scanned.unavailable }
        : {}),
      ...(scanned.fetchedFiles ? { fetchedFiles: scanned.fetchedFiles } : {}),
    };
  }

  /**
   * The commit HEAD names; undefined for an empty repository. In a commits-only copy, naming
   * HEAD's tree also fetches it: git's lazy fetch asks for the root tree without blobs, so every
   * folder at HEAD arrives in one round trip, as the readers of files at HEAD (and the readiness
   * lint) need.
   */
  private async resolveHead(
    dir: string,
    gitConfig: Record<string, string>,
  ): Promise<string | undefined> {
    const { timeoutMs } = this.options;
    try {
      const output = await runGit(
        ['rev-parse', 'HEAD^{commit}', 'HEAD^{tree}'],
        { cwd: dir, config: gitConfig, timeoutMs },
      );
      return output.split('\n')[0].trim() || undefined;
    } catch (error) {
      // No HEAD commit (an empty repository), or its trees could not be fetched.
      const head = await runGit(
        ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'],
        { cwd: dir, timeoutMs },
      ).catch(() => '');
      if (head.trim()) throw error;
      return undefined;
    }
  }

  /** Whether the copy is partial, and whether of commits only (`--filter=tree:0`). */
  private async readConfig(dir: string) {
    const config = await fs
      .readFile(path.join(dir, 'config'), 'utf8')
      .catch(() => '');
    return {
      promisor: /^\s*promisor\s*=\s*true\s*$/im.test(config),
      commitsOnly: /^\s*partialclonefilter\s*=\s*tree:0\s*$/im.test(config),
    };
  }

  /**
   * Clones the default branch into a temporary folder, then moves it in place. A commits-only
   * clone is read while it arrives: a copy of the pack streams through the history scanner
   * while git indexes it, on the other core. As soon as the first commit has arrived, the trees
   * at HEAD (and the files the caller reads there) are fetched alongside.
   */
  private async clone(options: {
    cloneUrl: string;
    dir: string;
    gitConfig: Record<string, string>;
    commitsOnly: boolean;
    headFiles?: (name: string) => boolean;
  }): Promise<CloneResult> {
    const { cloneUrl, dir, gitConfig, commitsOnly } = options;
    await fs.mkdir(this.options.cacheDir, { recursive: true });
    const tmp = `${dir}.partial-${process.pid}-${Date.now()}`;
    const scanner = commitsOnly ? new PackCommitScanner() : undefined;
    let head: Promise<Set<string> | undefined> | undefined;
    const stopHead = new AbortController();
    try {
      await streamGit(
        [
          'clone',
          '--bare',
          '--single-branch',
          '--no-tags',
          '--quiet',
          `--filter=${commitsOnly ? 'tree:0' : 'blob:none'}`,
          cloneUrl,
          tmp,
        ],
        {
          config: { ...gitConfig, ...WRITE_CONFIG },
          timeoutMs: this.options.timeoutMs,
          onLine: () => {},
          ...(scanner
            ? {
                onPackData: chunk => {
                  scanner.push(chunk);
                  if (!head && scanner.firstTree) {
                    head = this.fetchHead({
                      dir: `${tmp}.head`,
                      cloneUrl,
                      gitConfig,
                      tree: scanner.firstTree,
                      headFiles: options.headFiles,
                      signal: stopHead.signal,
                    }).catch(() => undefined); // whatever is missing is fetched when needed
                  }
                  // A host that ignores the filter sends every tree and file anyway.
                  if (scanner.abandoned && !stopHead.signal.aborted) {
                    stopHead.abort();
                  }
                },
              }
            : {}),
        },
      );
      const history = scanner
        ? await this.scannedHistory(tmp, scanner)
        : undefined;
      const fetchedFiles = head
        ? await this.adoptPacks(`${tmp}.head`, tmp, head)
        : undefined;
      await fs.rm(dir, { recursive: true, force: true });
      await fs.rename(tmp, dir);
      return { ...history, ...(fetchedFiles ? { fetchedFiles } : {}) };
    } catch (error) {
      stopHead.abort();
      await fs.rm(tmp, { recursive: true, force: true });
      throw error;
    } finally {
      await head;
      await fs.rm(`${tmp}.head`, { recursive: true, force: true });
    }
  }

  /**
   * Fetches a tree with every folder below it (as git's lazy fetch of a tree does) into a
   * partial repository of its own, and then the files at its root that `headFiles` names.
   * Returns the ids of those files; undefined when it could not.
   */
  private async fetchHead(options: {
    dir: string;
    cloneUrl: string;
    gitConfig: Record<string, string>;
    tree: string;
    headFiles?: (name: string) => boolean;
    signal: AbortSignal;
  }): Promise<Set<string> | undefined> {
    const { dir, gitConfig, tree, signal } = options;
    const { timeoutMs } = this.options;
    await runGit(['init', '--bare', '--quiet', dir], { timeoutMs, signal });
    await fs.appendFile(
      path.join(dir, 'config'),
      [
        '[core]',
        '\trepositoryformatversion = 1',
        '[extensions]',
        '\tpartialclone = origin',
        '[remote "origin"]',
        `\turl = ${options.cloneUrl}`,
        '\tpromisor = true',
        '\tpartialclonefilter = blob:none',
        '',
      ].join('\n'),
    );
    const fetch = (oids: string[]) =>
      runGit(
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
          cwd: dir,
          config: {
            ...gitConfig,
            ...WRITE_CONFIG,
            'fetch.negotiationAlgorithm': 'noop',
          },
          timeoutMs,
          signal,
        },
      );
    await fetch([tree]);
    if (!options.headFiles) return new Set();
    const wanted = (await runGit(['ls-tree', tree], { cwd: dir, timeoutMs }))
      .split('\n')
      .map(line => /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(line))
      .filter((m): m is RegExpExecArray => !!m && options.headFiles!(m[2]))
      .map(m => m[1]);
    if (wanted.length > 0) await fetch(wanted);
    return new Set(wanted);
  }

  /** Moves the packs of the HEAD fetch into the clone; returns the files fetched with them. */
  private async adoptPacks(
    from: string,
    into: string,
    fetched: Promise<Set<string> | undefined>,
  ): Promise<Set<string> | undefined> {
    const files = await fetched;
    if (!files) return undefined;
    const source = path.join(from, 'objects', 'pack');
    const target = path.join(into, 'objects', 'pack');
    for (const name of await fs.readdir(source)) {
      // .promisor with .pack: objects these trees name may be missing, and are fetched on demand
      await fs.rename(path.join(source, name), path.join(target, name));
    }
    return files;
  }

  /** Completes the scanned history with the commits' ids from the index git wrote. */
  private async scannedHistory(
    dir: string,
    scanner: PackCommitScanner,
  ): Promise<CloneResult> {
    const pack = scanner.finish();
    if (!pack) return { unavailable: scanner.abandoned };
    const packDir = path.join(dir, 'objects', 'pack');
    const indexes = (await fs.readdir(packDir).catch(() => [] as string[]))
      .filter(name => name.endsWith('.idx'))
      .map(name => path.join(packDir, name));
    if (indexes.length !== 1) {
      return { unavailable: `the clone holds ${indexes.length} packs` };
    }
    const ids = commitIdsFromPackIndex(await fs.readFile(indexes[0]), pack);
    if (!ids) return { unavailable: 'the pack index does not match the pack' };
    // The pack answers a single want (the default branch) with no haves: it holds exactly the
    // history of that commit. Its tip is the one commit no other commit of the pack names as
    // parent; rather than look for it, the caller compares with HEAD, which names it.
    const headSha = await this.headFromFiles(dir);
    if (!headSha) return { unavailable: 'HEAD is not a branch' };
    return { history: { headSha, pack, ids } };
  }

  /** The commit of the branch HEAD names, from the ref files; undefined when not that simple. */
  private async headFromFiles(dir: string): Promise<string | undefined> {
    const head = (
      await fs.readFile(path.join(dir, 'HEAD'), 'utf8').catch(() => '')
    ).trim();
    const branch = /^ref: (refs\/heads\/.+)$/.exec(head)?.[1];
    return branch ? this.refSha(dir, branch) : undefined;
  }

  /** A ref's commit, read from the files git writes for it (no process needed). */
  private async refSha(dir: string, ref: string): Promise<string | undefined> {
    const loose = (
      await fs.readFile(path.join(dir, ref), 'utf8').catch(() => '')
    ).trim();
    if (/^[0-9a-f]{40,64}$/.test(loose)) return loose;
    const packed = await fs
      .readFile(path.join(dir, 'packed-refs'), 'utf8')
      .catch(() => '');
    for (const line of packed.split('\n')) {
      const [sha, name] = line.split(' ');
      if (name === ref && /^[0-9a-f]{40,64}$/.test(sha)) return sha;
    }
    return undefined;
  }

  /**
   * Fetches what is new on the branch HEAD names. Trees come with the new commits (a
   * commits-only copy needs those at HEAD); file contents never do.
   */
  private async fetch(dir: string, gitConfig: Record<string, string>) {
    const head = (
      await fs.readFile(path.join(dir, 'HEAD'), 'utf8').catch(() => '')
    ).trim();
    const branch = /^ref: (refs\/heads\/.+)$/.exec(head)?.[1];
    await runGit(
      [
        'fetch',
        '--no-tags',
        '--quiet',
        '--no-write-fetch-head',
        '--no-show-forced-updates',
        '--filter=blob:none',
        'origin',
        // Only the branch the analysis reads (copies made before this also hold other branches,
        // which stay as they are).
        ...(branch ? [`+${branch}:${branch}`] : []),
      ],
      {
        cwd: dir,
        config: { ...gitConfig, ...WRITE_CONFIG },
        timeoutMs: this.options.timeoutMs,
      },
    );
  }

  /** Fails when the copy is over the size limit; returns how many packs it holds. */
  private async checkSize(dir: string, maxSizeBytes: number): Promise<number> {
    const size = await directorySize(dir);
    if (size > maxSizeBytes) {
      throw new GitCommandError(
        'too-large',
        `The repository takes ${Math.round(
          size / 1048576,
        )} MB, more than the limit of ${Math.round(
          maxSizeBytes / 1048576,
        )} MB (innersource.git.maxRepositorySizeMb)`,
      );
    }
    const packDir = path.join(dir, 'objects', 'pack');
    return (await fs.readdir(packDir).catch(() => [] as string[])).filter(
      name => name.endsWith('.pack'),
    ).length;
  }
}
