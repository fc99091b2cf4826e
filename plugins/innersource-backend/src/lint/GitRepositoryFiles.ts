import {
  defaultLookupFolders,
  RepositoryFile,
  RepositoryFileContent,
  RepositoryFiles,
} from '@innersource-backstage/plugin-innersource-node';
import { SyncedRepository } from '../git/GitRepositoryCache';
import { GitBatchUnavailableError, GitObjectReader } from './GitObjectReader';
import { describeGitCommand, readGitOutput } from './gitProcess';
import { parseLsTree, parseTreeObject, TreeEntry } from './gitTree';
import { decodeText } from './textContent';

/** What `read` returns at most by default: enough for any real README, CODEOWNERS or template. */
export const DEFAULT_MAX_READ_BYTES = 1024 * 1024;

/** Options of {@link GitRepositoryFiles}. */
export interface GitRepositoryFilesOptions {
  /** The local (partial, bare) copy of the entity's repository. */
  repo: SyncedRepository;
  /** The entity's folder in the repository, '' for the whole repository. */
  entityPath: string;
  /** Per git command. */
  timeoutMs: number;
  /** A link to view a file (path from the repository root) in its SCM. */
  browseUrl?: (path: string) => string;
}

/** A folder that exists at HEAD, with its path as stored (original case). */
interface TreeListing {
  path: string;
  entries: TreeEntry[];
}

/** Regular files; symbolic links (120000) and submodules (commits) are not files a rule can read. */
const REGULAR_FILE_MODES = new Set(['100644', '100755']);

function normalizeFolder(folder: string): string {
  return folder
    .split('/')
    .filter(segment => segment !== '' && segment !== '.')
    .join('/');
}

function joinPath(folder: string, name: string): string {
  return folder ? `${folder}/${name}` : name;
}

/**
 * The files of an entity's repository at the head of its default branch, read from the local
 * partial clone that the contribution analysis keeps.
 *
 * Folders are listed with `git ls-tree` on tree objects only: a blob-less partial clone has every
 * tree, so listing never downloads file contents. (`ls-tree -l` would: git needs a blob to know
 * its size, and fetches each missing one.) Sizes are therefore resolved only for the files that
 * `find` and `list` return, which a rule is about to read anyway. Listings, sizes and reads are
 * cached for the lifetime of the instance, which is one entity in one refresh.
 *
 * Trees, sizes and contents are read through one `git cat-file --batch-command` process per
 * instance (see {@link GitObjectReader}) rather than a git process per folder and file; the
 * one-off commands (`ls-tree`, `cat-file --batch-check`, `cat-file blob`) remain for whatever
 * the batch process cannot answer, so answers and errors are git's own either way. Call
 * {@link GitRepositoryFiles.close} when the entity's lint is done; the process also ends by
 * itself after a short idle time.
 */
export class GitRepositoryFiles implements RepositoryFiles {
  readonly entityPath: string;

  private readonly repo: SyncedRepository;
  private readonly timeoutMs: number;
  private readonly browseUrl?: (path: string) => string;
  private readonly listings = new Map<
    string,
    Promise<TreeListing | undefined>
  >();
  private readonly sizes = new Map<string, number>();
  /** Object ids of the files handed out, so that reads need no path lookup. */
  private readonly oids = new Map<string, string>();
  private readonly reads = new Map<string, Promise<RepositoryFileContent>>();
  private readonly objects: GitObjectReader;

  constructor(options: GitRepositoryFilesOptions) {
    this.repo = options.repo;
    this.entityPath = normalizeFolder(options.entityPath);
    this.timeoutMs = options.timeoutMs;
    this.browseUrl = options.browseUrl;
    this.objects = new GitObjectReader({
      cwd: this.repo.dir,
      config: this.repo.gitConfig,
      timeoutMs: this.timeoutMs,
    });
  }

  /**
   * Ends the git process that reads the repository, once it has answered what it was asked.
   * Files can still be read afterwards (a new process starts), so closing early is harmless.
   */
  close(): Promise<void> {
    return this.objects.close();
  }

  async find(
    names: Array<string | RegExp>,
    folders: string[] = defaultLookupFolders(this.entityPath),
  ): Promise<RepositoryFile | undefined> {
    const matchers = names.map(name =>
      typeof name === 'string'
        ? (basename: string) =>
            basename.toLocaleLowerCase('en-US') ===
            name.toLocaleLowerCase('en-US')
        : (basename: string) => name.test(basename),
    );
    for (const folder of folders) {
      const listing = await this.listing(folder);
      if (!listing) continue;
      const files = listing.entries.filter(e => REGULAR_FILE_MODES.has(e.mode));
      // Names are tried in the caller's order of preference, e.g. README.md before README.txt.
      for (const matches of matchers) {
        const entry = files.find(e => matches(e.name));
        if (entry) {
          const [file] = await this.toFiles(listing.path, [entry]);
          return file;
        }
      }
    }
    return undefined;
  }

  async list(folder: string): Promise<RepositoryFile[]> {
    const listing = await this.listing(folder);
    if (!listing) return [];
    return this.toFiles(
      listing.path,
      listing.entries.filter(e => REGULAR_FILE_MODES.has(e.mode)),
    );
  }

  read(
    file: RepositoryFile,
    options: { maxBytes?: number } = {},
  ): Promise<RepositoryFileContent> {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_READ_BYTES;
    const key = `${file.path}\0${maxBytes}`;
    let pending = this.reads.get(key);
    if (!pending) {
      pending = this.readUncached(file, maxBytes);
      this.reads.set(key, pending);
      pending.catch(() => this.reads.delete(key)); // a failed read may be retried
    }
    return pending;
  }

  private async readUncached(
    file: RepositoryFile,
    maxBytes: number,
  ): Promise<RepositoryFileContent> {
    const oid = this.oids.get(file.path);
    if (oid && Number.isSafeInteger(maxBytes) && maxBytes >= 0) {
      const blob = await this.batch(() =>
        this.objects.contents(oid, maxBytes, 'git cat-file blob'),
      );
      if (blob?.type === 'blob') {
        // As `cat-file blob` cut at maxBytes: truncated when there was more than maxBytes.
        const truncated = blob.size > maxBytes;
        const size = truncated
          ? Math.max(file.size, blob.data.length + 1)
          : blob.data.length;
        return { ...decodeText(blob.data, truncated), truncated, size };
      }
    }
    const object =
      this.oids.get(file.path) ?? `${this.repo.headSha ?? 'HEAD'}:${file.path}`;
    const { output, truncated } = await readGitOutput(
      ['cat-file', 'blob', object],
      {
        cwd: this.repo.dir,
        config: this.repo.gitConfig,
        timeoutMs: this.timeoutMs,
        maxBytes,
      },
    );
    const size = truncated
      ? Math.max(file.size, output.length + 1)
      : output.length;
    return { ...decodeText(output, truncated), truncated, size };
  }

  /**
   * Lists a folder at HEAD, resolving each path segment exactly first and case-insensitively
   * second (`.GitHub/issue_template` finds `.github/ISSUE_TEMPLATE`). Undefined when the folder
   * does not exist or the repository is empty.
   */
  private listing(folder: string): Promise<TreeListing | undefined> {
    const normalized = normalizeFolder(folder);
    let pending = this.listings.get(normalized);
    if (!pending) {
      pending = this.resolveListing(normalized);
      this.listings.set(normalized, pending);
      pending.catch(() => this.listings.delete(normalized));
    }
    return pending;
  }

  private async resolveListing(
    folder: string,
  ): Promise<TreeListing | undefined> {
    if (!this.repo.headSha) return undefined; // an empty repository has no files
    if (folder === '') {
      return { path: '', entries: await this.lsTree(this.repo.headSha) };
    }
    const slash = folder.lastIndexOf('/');
    const parent = await this.listing(slash < 0 ? '' : folder.slice(0, slash));
    if (!parent) return undefined;
    const name = folder.slice(slash + 1);
    const trees = parent.entries.filter(e => e.type === 'tree');
    const tree =
      trees.find(e => e.name === name) ??
      trees.find(
        e =>
          e.name.toLocaleLowerCase('en-US') === name.toLocaleLowerCase('en-US'),
      );
    if (!tree) return undefined;
    return {
      path: joinPath(parent.path, tree.name),
      entries: await this.lsTree(tree.oid),
    };
  }

  private async lsTree(treeish: string): Promise<TreeEntry[]> {
    const args = ['ls-tree', '-z', treeish];
    const tree = await this.batch(() =>
      this.objects.contents(
        `${treeish}^{tree}`,
        Infinity,
        describeGitCommand(args),
      ),
    );
    if (tree?.type === 'tree') {
      const entries = parseTreeObject(tree.data, tree.oid.length / 2);
      if (entries) return entries;
    }
    const { output } = await readGitOutput(args, {
      cwd: this.repo.dir,
      config: this.repo.gitConfig,
      timeoutMs: this.timeoutMs,
    });
    return parseLsTree(output.toString('utf8'));
  }

  /**
   * Asks the batch process; undefined when it cannot answer, and the caller runs the one-off
   * command instead. Timeouts are errors, as they are for the one-off commands.
   */
  private async batch<T>(ask: () => Promise<T>): Promise<T | undefined> {
    try {
      return await ask();
    } catch (error) {
      if (error instanceof GitBatchUnavailableError) return undefined;
      throw error;
    }
  }

  /** Turns tree entries into files, resolving their sizes with one `cat-file` for all of them. */
  private async toFiles(
    folder: string,
    entries: TreeEntry[],
  ): Promise<RepositoryFile[]> {
    const unknown = [
      ...new Set(entries.map(e => e.oid).filter(oid => !this.sizes.has(oid))),
    ];
    const infos =
      unknown.length > 0
        ? await this.batch(() => this.objects.info(unknown, 'git cat-file'))
        : [];
    for (const info of infos ?? []) {
      if (info) this.sizes.set(info.oid, info.size);
    }
    if (unknown.length > 0 && !infos) {
      const { output } = await readGitOutput(
        ['cat-file', '--batch-check=%(objectname) %(objectsize)'],
        {
          cwd: this.repo.dir,
          config: this.repo.gitConfig,
          timeoutMs: this.timeoutMs,
          input: `${unknown.join('\n')}\n`,
        },
      );
      for (const line of output.toString('utf8').split('\n')) {
        const [oid, size] = line.split(' ');
        if (oid && /^\d+$/.test(size ?? '')) this.sizes.set(oid, Number(size));
      }
    }
    return entries.map(entry => {
      const path = joinPath(folder, entry.name);
      this.oids.set(path, entry.oid);
      const url = this.browseUrl?.(path);
      return {
        path,
        size: this.sizes.get(entry.oid) ?? 0,
        ...(url ? { url } : {}),
      };
    });
  }
}
