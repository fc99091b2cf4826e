import { basename } from './paths';
import { requirementName } from './python';
import { ManifestDependency, ParsedManifest } from './types';

/** A URL (`https://...`, `git+ssh://...`) or a local path, which name no package on an index. */
const URL_OR_PATH = /^([a-z][a-z0-9+.-]*:\/\/|file:|\.{0,2}\/|~|[A-Za-z]:\\)/i;

/** A wheel or source archive given by file name. */
const ARCHIVE = /\.(whl|zip|tar\.gz|tgz|tar\.bz2)(\s|$|#)/i;

/** pip treats `#` as a comment at the start of a line or after whitespace (a URL may hold `#egg=`). */
function stripComment(line: string): string {
  return line.replace(/(^|\s)#.*$/, '');
}

/** Joins lines that end in a backslash, as pip does, keeping the number of the first line. */
function logicalLines(content: string): Array<{ text: string; line: number }> {
  const result: Array<{ text: string; line: number }> = [];
  let pending: { text: string; line: number } | undefined;
  content.split(/\r?\n/).forEach((text, index) => {
    const current = pending
      ? { text: pending.text + text, line: pending.line }
      : { text, line: index + 1 };
    if (current.text.endsWith('\\')) {
      pending = { text: current.text.slice(0, -1), line: current.line };
    } else {
      pending = undefined;
      result.push(current);
    }
  });
  if (pending) result.push(pending);
  return result;
}

/** Whether a requirement line names no package: an option (`-r`, `-e`, `--hash`, ...), a URL or a path. */
function isOptionOrLocation(requirement: string): boolean {
  return (
    requirement.startsWith('-') ||
    URL_OR_PATH.test(requirement) ||
    ARCHIVE.test(requirement)
  );
}

/** Requirements files for development or tests, by their name (`requirements-dev.txt`). */
function scopeOfFile(file: string): string | undefined {
  return /dev|test/i.test(basename(file)) ? 'dev' : undefined;
}

/**
 * Reads a pip requirements file (`requirements*.txt`): one requirement per line, skipping comments,
 * options (`-r`, `-c`, `-e`, `--...`), URLs and paths, and dropping extras, versions and markers.
 * Names are normalised per PEP 503. Files whose name contains `dev` or `test` give the scope `dev`;
 * others give no scope. A requirements file publishes nothing.
 */
export function parseRequirementsTxt(
  file: string,
  content: string,
): ParsedManifest {
  const problems: string[] = [];
  const scope = scopeOfFile(file);
  const dependencies: ManifestDependency[] = [];
  for (const { text, line } of logicalLines(content)) {
    const requirement = stripComment(text).trim();
    if (requirement === '' || isOptionOrLocation(requirement)) continue;
    const name = requirementName(requirement);
    if (name === undefined) {
      problems.push(
        `line ${line}: cannot read a package name from "${requirement}"`,
      );
      continue;
    }
    dependencies.push({ ecosystem: 'pypi', name, ...(scope ? { scope } : {}) });
  }
  return { file, ecosystem: 'pypi', dependencies, problems };
}
