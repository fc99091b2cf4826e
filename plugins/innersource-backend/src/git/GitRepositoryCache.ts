import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { GitCommandError, runGit } from './runGit';

/** Reads the Authorization header for a clone URL (see GitCredentials). */
export interface AuthorizationSource {
  authorizationHeader(url: string): Promise<string | undefined>;
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
}

export interface GitRepositoryCacheOptions {
  cacheDir: string;
  credentials: AuthorizationSource;
  /** Per git command. */
  timeoutMs: number;
  /** Largest allowed size of the local copy in bytes. */
  maxSizeBytes: number;
}

async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await directorySize(full);
    else if (entry.isFile()) total += (await fs.stat(full)).size;
  }
  return total;
}

/**
 * Keeps partial bare clones (no file contents until a command needs them) of the repositories
 * behind catalog entities, and fetches only what is new on later runs. Each URL is cloned once,
 * however many entities live in it.
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
  sync(cloneUrl: string): Promise<SyncedRepository> {
    let pending = this.inFlight.get(cloneUrl);
    if (!pending) {
      pending = this.doSync(cloneUrl).finally(() =>
        this.inFlight.delete(cloneUrl),
      );
      this.inFlight.set(cloneUrl, pending);
    }
    return pending;
  }

  private async doSync(cloneUrl: string): Promise<SyncedRepository> {
    const { timeoutMs, maxSizeBytes } = this.options;
    const dir = this.dirFor(cloneUrl);
    const header = await this.options.credentials.authorizationHeader(cloneUrl);
    const gitConfig: Record<string, string> = header
      ? { 'http.extraHeader': `Authorization: ${header}` }
      : {};
    // Lazy fetches of trees and blobs in a partial clone must not fail on missing promisor objects
    // silently; this keeps git from prompting and from writing credentials anywhere.
    gitConfig['credential.helper'] = '';

    const exists = await fs
      .access(path.join(dir, 'HEAD'))
      .then(() => true)
      .catch(() => false);
    if (!exists) {
      await fs.mkdir(this.options.cacheDir, { recursive: true });
      const tmp = `${dir}.partial-${process.pid}-${Date.now()}`;
      try {
        await runGit(
          [
            'clone',
            '--bare',
            '--filter=blob:none',
            '--no-tags',
            '--quiet',
            cloneUrl,
            tmp,
          ],
          { config: gitConfig, timeoutMs },
        );
        await runGit(
          ['config', 'remote.origin.fetch', '+refs/heads/*:refs/heads/*'],
          { cwd: tmp },
        );
        await fs.rm(dir, { recursive: true, force: true });
        await fs.rename(tmp, dir);
      } catch (error) {
        await fs.rm(tmp, { recursive: true, force: true });
        throw error;
      }
    } else {
      await runGit(
        [
          'fetch',
          '--prune',
          '--no-tags',
          '--quiet',
          '--filter=blob:none',
          'origin',
        ],
        {
          cwd: dir,
          config: gitConfig,
          timeoutMs,
        },
      );
    }

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

    let headSha: string | undefined;
    try {
      headSha =
        (
          await runGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
            cwd: dir,
          })
        ).trim() || undefined;
    } catch {
      headSha = undefined; // an empty repository has no HEAD commit yet
    }
    return { cloneUrl, dir, headSha, gitConfig };
  }
}
