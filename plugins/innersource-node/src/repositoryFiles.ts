/**
 * A file found in an entity's repository.
 *
 * @public
 */
export interface RepositoryFile {
  /** Path from the repository root, as stored (original case), e.g. `.github/CODEOWNERS`. */
  path: string;
  /** Size in bytes. */
  size: number;
  /** A link to view the file in its SCM, when known. */
  url?: string;
}

/**
 * The text of a file, read with a size limit.
 *
 * @public
 */
export interface RepositoryFileContent {
  /** The text (UTF-8), undefined for a binary file. Cut at the limit when `truncated`. */
  text?: string;
  binary: boolean;
  truncated: boolean;
  size: number;
}

/**
 * Read access to the files of an entity's repository at the head of its default branch. Only
 * the files a rule asks for are read. Lookups are case-insensitive, as the SCM hosts are when
 * they look for README, CONTRIBUTING and friends.
 *
 * @public
 */
export interface RepositoryFiles {
  /** The entity's folder in the repository ('' for the whole repository). */
  readonly entityPath: string;

  /**
   * The first existing file among `names` (case-insensitive basenames, e.g. `['README.md',
   * 'README']`, or a RegExp over the basename) in `folders`, searched in the given order.
   * Folders are relative to the repository root ('' = root); by default the entity folder, then
   * its `docs/`, `.github/`, `.gitlab/`, then the same at the repository root, where GitHub and
   * GitLab look.
   */
  find(
    names: Array<string | RegExp>,
    folders?: string[],
  ): Promise<RepositoryFile | undefined>;

  /** All files directly in a folder (relative to the repository root), [] when it does not exist. */
  list(folder: string): Promise<RepositoryFile[]>;

  /** Reads a file; `maxBytes` (default 1 MiB) bounds what is read. */
  read(
    file: RepositoryFile,
    options?: { maxBytes?: number },
  ): Promise<RepositoryFileContent>;

  /** Releases what the reader holds open (e.g. a git process); called when the lint is done. */
  close?(): Promise<void>;
}

/**
 * The folders GitHub and GitLab look in for community files, for an entity at `entityPath`.
 *
 * @public
 */
export function defaultLookupFolders(entityPath: string): string[] {
  const base = entityPath ? `${entityPath.replace(/\/+$/, '')}/` : '';
  const inEntity = [base, `${base}docs/`, `${base}.github/`, `${base}.gitlab/`];
  const atRoot = ['', 'docs/', '.github/', '.gitlab/'];
  return [...new Set([...inEntity, ...atRoot])].map(f => f.replace(/\/$/, ''));
}
