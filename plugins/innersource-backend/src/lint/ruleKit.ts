import {
  InnerSourceLintRule,
  LintCheckResult,
  LintRuleContext,
  RepositoryFile,
  RepositoryFiles,
} from '@innersource-backstage/plugin-innersource-node';

/** A rule's context when the entity has a readable git source. */
export type FileRuleContext = LintRuleContext & { files: RepositoryFiles };

/** A rule about repository files, written against {@link FileRuleContext}. */
export interface FileRuleDefinition extends Omit<InnerSourceLintRule, 'check'> {
  check(context: FileRuleContext): LintCheckResult | Promise<LintCheckResult>;
}

/** A file in a finding: its path and, when known, where to view it. */
export type FindingFile = { path: string; url?: string };

/** The message when an entity has no readable git source. */
export const NO_GIT_SOURCE = 'No readable git source';

/**
 * Makes a rule that reads repository files: `not-applicable` without files, and a failed
 * finding (not an exception) when reading them fails, e.g. on a git timeout.
 */
export function fileRule(definition: FileRuleDefinition): InnerSourceLintRule {
  const { check, ...rest } = definition;
  return {
    ...rest,
    async check(context) {
      const { files } = context;
      if (!files) return notApplicable(NO_GIT_SOURCE);
      try {
        return await check({ ...context, files });
      } catch (error) {
        return fail(
          `Could not read the repository files: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      }
    },
  };
}

/** A passing result. */
export function pass(message: string, files?: FindingFile[]): LintCheckResult {
  return { status: 'pass', message, ...(files?.length ? { files } : {}) };
}

/** A failing result. */
export function fail(message: string, files?: FindingFile[]): LintCheckResult {
  return { status: 'fail', message, ...(files?.length ? { files } : {}) };
}

/** A result for a rule that has nothing to check. */
export function notApplicable(
  message: string,
  files?: FindingFile[],
): LintCheckResult {
  return {
    status: 'not-applicable',
    message,
    ...(files?.length ? { files } : {}),
  };
}

/** A file as findings list it. */
export function fileRef(file: RepositoryFile): FindingFile {
  return file.url ? { path: file.path, url: file.url } : { path: file.path };
}

/** A byte count for messages: `812 bytes`, `1 MiB`, `50 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${Math.round((bytes / 1048576) * 10) / 10} MiB`;
}

/** `a, b and c`; `none` for an empty list. */
export function listing(items: string[], none = 'none'): string {
  if (items.length === 0) return none;
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The text of a file, or why a rule cannot look into it. */
export type TextFile =
  | {
      ok: true;
      file: RepositoryFile;
      text: string;
      /** Set when only the start was read: a note for messages, e.g. "(only the first 1 MiB of 50 MiB was read)". */
      truncationNote?: string;
    }
  | { ok: false; file: RepositoryFile; problem: string };

/**
 * Reads a file as text for a rule. A binary file is a problem the rule reports ("README.md is
 * binary"); a file over the read limit is read up to the limit, and the rule says so.
 */
export async function readTextFile(
  files: RepositoryFiles,
  file: RepositoryFile,
): Promise<TextFile> {
  const content = await files.read(file);
  if (content.binary || content.text === undefined) {
    return {
      ok: false,
      file,
      problem: `${file.path} is binary (${formatBytes(
        content.size,
      )}), expected text`,
    };
  }
  return {
    ok: true,
    file,
    text: content.text,
    ...(content.truncated
      ? {
          truncationNote: `(${file.path} is ${formatBytes(
            content.size,
          )}: only the first ${formatBytes(
            Buffer.byteLength(content.text),
          )} were read)`,
        }
      : {}),
  };
}

/** Appends a note (such as a truncation note) to a message. */
export function withNote(message: string, note?: string): string {
  return note ? `${message} ${note}` : message;
}

/**
 * Caches a computation per `RepositoryFiles` instance (one entity in one refresh), so that the
 * several rules about one file (README, CODEOWNERS) read and parse it once.
 */
export function perRepository<T>(
  compute: (files: RepositoryFiles) => Promise<T>,
): (files: RepositoryFiles) => Promise<T> {
  const cache = new WeakMap<RepositoryFiles, Promise<T>>();
  return files => {
    let pending = cache.get(files);
    if (!pending) {
      pending = compute(files);
      cache.set(files, pending);
      pending.catch(() => cache.delete(files));
    }
    return pending;
  };
}

/** Where a file was found, for messages: `README.md at the repository root`, `in packages/ledger`. */
export function locationOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? 'at the repository root' : `in ${path.slice(0, slash)}/`;
}
