/** An owner named in a CODEOWNERS file. */
export interface CodeownersOwner {
  /** As written, e.g. `@acme/ledger-team`. */
  raw: string;
  /**
   * `user` for `@login`, `team` for `@org/team` (GitLab: `@group/subgroup`), `email` for an
   * address, `role` for GitLab's `@@maintainer`-style role owners.
   */
  kind: 'user' | 'team' | 'email' | 'role';
  /** 1-based line number. */
  line: number;
}

/** A `pattern owners…` line. */
export interface CodeownersRule {
  line: number;
  /** The pattern with escapes resolved. */
  pattern: string;
  /** The owners on the line, or the section's default owners when the line names none. */
  owners: CodeownersOwner[];
  /** The GitLab section the rule is in, if any. */
  section?: string;
}

/** A GitLab section header: `[Name]`, `^[Optional]`, `[Name][2]`, with optional default owners. */
export interface CodeownersSection {
  name: string;
  line: number;
  defaultOwners: CodeownersOwner[];
}

/** A line that GitHub or GitLab would not apply as its author meant. */
export interface CodeownersProblem {
  line: number;
  message: string;
}

/** A parsed CODEOWNERS file. */
export interface ParsedCodeowners {
  rules: CodeownersRule[];
  sections: CodeownersSection[];
  problems: CodeownersProblem[];
}

const USER = /^@[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?$/;
const TEAM = /^@[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)+$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const ROLE = /^@@(?:developer|maintainer|owner)s?$/i;
const SECTION = /^(\^)?\[([^\]]+)\](?:\[(\d+)\])?(?:\s+(.*))?$/;

/** Classifies one owner token; undefined when it is none of the forms GitHub and GitLab accept. */
export function classifyOwner(
  token: string,
  line: number,
): CodeownersOwner | undefined {
  let kind: CodeownersOwner['kind'] | undefined;
  if (ROLE.test(token)) kind = 'role';
  else if (TEAM.test(token)) kind = 'team';
  else if (USER.test(token)) kind = 'user';
  else if (EMAIL.test(token)) kind = 'email';
  return kind ? { raw: token, kind, line } : undefined;
}

/**
 * Splits a line into whitespace-separated tokens, honouring `\ ` and `\#` escapes and dropping a
 * `#` comment (GitLab allows one after the owners; GitHub treats such a token as a bad owner,
 * so either way it names no owner).
 */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\' && i + 1 < line.length) {
      current += line[++i];
      started = true;
    } else if (/\s/.test(char)) {
      if (started) tokens.push(current);
      current = '';
      started = false;
    } else if (char === '#' && !started) {
      break;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) tokens.push(current);
  return tokens;
}

function parseOwners(
  tokens: string[],
  line: number,
  problems: CodeownersProblem[],
): CodeownersOwner[] {
  const owners: CodeownersOwner[] = [];
  for (const token of tokens) {
    const owner = classifyOwner(token, line);
    if (owner) owners.push(owner);
    else {
      problems.push({
        line,
        message: `'${token}' is not a valid owner (expected @user, @org/team or an email address)`,
      });
    }
  }
  return owners;
}

/**
 * Parses a CODEOWNERS file as GitHub and GitLab read it: one `pattern owner…` rule per line,
 * `#` comments, and GitLab's `[Section]` headers with their default owners. Problems are
 * collected with line numbers instead of stopping at the first: invalid owners, rules without
 * owners (valid on GitHub, where they leave files unowned, but rarely meant), and unclosed
 * section headers.
 */
export function parseCodeowners(text: string): ParsedCodeowners {
  const rules: CodeownersRule[] = [];
  const sections: CodeownersSection[] = [];
  const problems: CodeownersProblem[] = [];
  let section: CodeownersSection | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const line = index + 1;
    const trimmed = rawLine.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (/^\^?\[/.test(trimmed)) {
      const match = SECTION.exec(trimmed);
      if (!match) {
        problems.push({
          line,
          message: `'${trimmed}' looks like a section header but is not closed with ]`,
        });
        return;
      }
      section = {
        name: match[2].trim(),
        line,
        defaultOwners: parseOwners(tokenize(match[4] ?? ''), line, problems),
      };
      sections.push(section);
      return;
    }
    const [pattern, ...ownerTokens] = tokenize(trimmed);
    if (pattern === undefined) return;
    let owners = parseOwners(ownerTokens, line, problems);
    if (ownerTokens.length === 0) {
      if (section && section.defaultOwners.length > 0) {
        owners = section.defaultOwners;
      } else {
        problems.push({
          line,
          message: `'${pattern}' has no owners, so its files have none`,
        });
      }
    }
    rules.push({
      line,
      pattern,
      owners,
      ...(section ? { section: section.name } : {}),
    });
  });
  return { rules, sections, problems };
}

/**
 * Whether a pattern matches every file of the repository: `*`, `**`, `/**`, and `**` followed by
 * a slash and `*` (with or without a leading slash).
 * (`/*` is not one: GitHub matches it against the files at the root only.)
 */
export function isCatchAllPattern(pattern: string): boolean {
  return ['*', '**', '/**', '**/*', '/**/*'].includes(pattern);
}

/**
 * Whether a CODEOWNERS pattern matches a path (from the repository root, no leading slash), with
 * the gitignore-like rules GitHub documents: a pattern with a slash at the start or in the middle
 * is anchored at the root, else it matches at any depth; a trailing slash matches what is in a
 * folder; `*` stays within a path segment, `**` crosses them; a match on a folder covers all
 * that is in it, except that a last segment with `*` matches files only (`docs/*` owns
 * `docs/a.md`, not `docs/guides/b.md`).
 */
export function codeownersPatternMatches(
  pattern: string,
  path: string,
): boolean {
  let body = pattern;
  const folderOnly = body.endsWith('/');
  if (folderOnly) body = body.slice(0, -1);
  const anchored = body.startsWith('/') || body.includes('/');
  body = body.replace(/^\//, '');
  if (body === '') return true;
  let source = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '*' && body[i + 1] === '*') {
      const slashAfter = body[i + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  const lastSegment = body.slice(body.lastIndexOf('/') + 1);
  const filesOnly = lastSegment.includes('*') && lastSegment !== '**';
  const prefix = anchored ? '^' : '^(?:.*/)?';
  let suffix = '(?:/.*)?$';
  if (folderOnly) suffix = '/.*$';
  else if (filesOnly) suffix = '$';
  return new RegExp(`${prefix}${source}${suffix}`).test(path);
}

/**
 * The owners responsible for a folder: for every section (GitLab applies each section; GitHub
 * has one), those of the last rule that matches a file directly in the folder (the last match
 * wins), plus the owners of rules for paths inside the folder. For the repository root (''),
 * every owner in the file.
 */
export function ownersOfFolder(
  parsed: ParsedCodeowners,
  folder: string,
): CodeownersOwner[] {
  if (folder === '') {
    return [
      ...parsed.rules.flatMap(rule => rule.owners),
      ...parsed.sections.flatMap(section => section.defaultOwners),
    ];
  }
  // A name no pattern is written for: stands for "any file in the folder".
  const probe = `${folder}/\u0000any-file`;
  const lastMatch = new Map<string | undefined, CodeownersRule>();
  const inside: CodeownersOwner[] = [];
  for (const rule of parsed.rules) {
    if (codeownersPatternMatches(rule.pattern, probe)) {
      lastMatch.set(rule.section, rule);
    }
    const anchoredPath = rule.pattern.replace(/^\//, '');
    if (
      rule.pattern.includes('/') &&
      anchoredPath.startsWith(`${folder}/`) &&
      anchoredPath.length > folder.length + 1
    ) {
      inside.push(...rule.owners);
    }
  }
  return [...[...lastMatch.values()].flatMap(rule => rule.owners), ...inside];
}
