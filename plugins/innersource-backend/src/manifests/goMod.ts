import { ManifestDependency, ParsedManifest } from './types';

/** The directives of go.mod; all but `module` and `require` are read past. */
const KNOWN_DIRECTIVES = new Set([
  'module',
  'go',
  'toolchain',
  'godebug',
  'require',
  'replace',
  'exclude',
  'retract',
  'tool',
  'ignore',
]);

interface GoModLine {
  /** The line without its comment, trimmed. */
  code: string;
  /** The text of a `//` comment, trimmed; empty when there is none. */
  comment: string;
  number: number;
}

function splitComment(text: string, number: number): GoModLine {
  // Module paths and versions cannot contain `//`, so the first one starts the comment.
  const start = text.indexOf('//');
  return start === -1
    ? { code: text.trim(), comment: '', number }
    : {
        code: text.slice(0, start).trim(),
        comment: text.slice(start + 2).trim(),
        number,
      };
}

/** The go command marks a requirement indirect with `// indirect`, optionally followed by `; ...`. */
function isIndirect(comment: string): boolean {
  return comment === 'indirect' || comment.startsWith('indirect;');
}

/** A module path may be quoted (`"example.com/m"` or with backquotes). */
function unquote(token: string): string {
  return token.replace(/^(["`])(.*)\1$/, '$2');
}

function readRequirement(
  argumentsText: string,
  line: GoModLine,
  problems: string[],
): ManifestDependency | undefined {
  const tokens = argumentsText.split(/\s+/);
  if (tokens.length !== 2 || tokens[0] === '') {
    problems.push(
      `line ${line.number}: a requirement needs a module path and a version`,
    );
    return undefined;
  }
  const scope = isIndirect(line.comment) ? 'indirect' : undefined;
  return {
    ecosystem: 'go',
    name: unquote(tokens[0]),
    ...(scope ? { scope } : {}),
  };
}

/** One directive: its verb and the rest of its line (inside a block, the block's verb). */
interface Directive {
  verb: string;
  arguments: string;
  line: GoModLine;
}

/** Splits go.mod into directives, expanding `verb ( ... )` blocks into one directive per line. */
function directives(content: string, problems: string[]): Directive[] {
  const result: Directive[] = [];
  let block: { verb: string; line: number } | undefined;
  content.split(/\r?\n/).forEach((text, index) => {
    const line = splitComment(text, index + 1);
    if (line.code === '') return;
    if (block) {
      if (line.code === ')') block = undefined;
      else result.push({ verb: block.verb, arguments: line.code, line });
      return;
    }
    const blockStart = /^(\S+)\s*\($/.exec(line.code);
    if (blockStart) {
      block = { verb: blockStart[1], line: line.number };
      return;
    }
    const [verb, ...rest] = line.code.split(/\s+/);
    result.push({ verb, arguments: rest.join(' '), line });
  });
  if (block) {
    problems.push(
      `line ${block.line}: the ${block.verb} block is never closed with ")"`,
    );
  }
  return result;
}

/**
 * Reads a Go `go.mod`: the module path it publishes and the modules it requires, on single
 * `require` lines and in `require ( ... )` blocks. Requirements marked `// indirect` get the scope
 * `indirect`; `replace`, `exclude` and the other directives are ignored.
 */
export function parseGoMod(file: string, content: string): ParsedManifest {
  const problems: string[] = [];
  const manifest: ParsedManifest = {
    file,
    ecosystem: 'go',
    dependencies: [],
    problems,
  };
  const all = directives(content, problems);
  for (const directive of all) {
    const { verb, line } = directive;
    if (verb === 'module') {
      const path = unquote(directive.arguments);
      if (path) {
        manifest.publishes = path;
      } else {
        problems.push(`line ${line.number}: module directive without a path`);
      }
    } else if (verb === 'require') {
      const requirement = readRequirement(directive.arguments, line, problems);
      if (requirement) manifest.dependencies.push(requirement);
    } else if (!KNOWN_DIRECTIVES.has(verb)) {
      problems.push(`line ${line.number}: unknown directive "${verb}"`);
    }
  }
  if (!all.some(directive => directive.verb === 'module')) {
    problems.push('no module directive');
  }
  return manifest;
}
