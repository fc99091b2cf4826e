/**
 * The top-level keys of a YAML mapping. A scalar value is its text (quotes removed, block
 * scalars joined); a nested mapping, list or flow collection is `{ nested: true }`.
 */
export type TopLevelYamlValue = string | { nested: true };

/** What {@link readTopLevelYamlKeys} and {@link readFrontMatter} found. */
export type YamlKeysResult =
  | { ok: true; values: Map<string, TopLevelYamlValue> }
  | { ok: false; error: string; line: number };

/** What {@link readFrontMatter} found. */
export type FrontMatterResult =
  | { present: false }
  | ({ present: true } & YamlKeysResult);

const KEY_LINE =
  /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-?:,[\]{}&*!|>%@`][^#]*?|-[^\s#][^#]*?)[ \t]*:(?:[ \t]+(.*))?$/;

function unquoteKey(key: string): string {
  if (key.startsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

/** A comment starts with `#` after whitespace, outside quotes. */
function withoutComment(value: string): string {
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      if (i === 0 || /\s/.test(value[i - 1])) quote = char;
    } else if (char === '#' && (i === 0 || /\s/.test(value[i - 1]))) {
      return value.slice(0, i).trimEnd();
    }
  }
  return value.trimEnd();
}

interface PendingKey {
  key: string;
  line: number;
  /** The value on the key's own line, without comment. */
  inline: string;
  /** Indented lines that follow the key. */
  continuation: string[];
}

/**
 * Reads a scalar that may continue on indented lines: quoted, block (`|`, `>`) or plain.
 * Returns an error message for the mistakes YAML parsers reject.
 */
function scalarValue(
  pending: PendingKey,
): { value: TopLevelYamlValue } | { error: string } {
  const { inline, continuation } = pending;
  const more = continuation
    .map(l => l.trim())
    .filter(l => l !== '' && !l.startsWith('#'));
  if (inline === '') {
    if (more.length === 0) return { value: '' }; // `key:` alone is null
    return { value: { nested: true } }; // a nested mapping or list
  }
  const value = inline.replace(/^(?:&\S+|!\S*)\s+/, ''); // anchors and tags
  if (/^[|>]/.test(value)) {
    return { value: more.join('\n') };
  }
  if (value.startsWith('[') || value.startsWith('{')) {
    const all = [value, ...more].join(' ');
    const opens = (all.match(/[[{]/g) ?? []).length;
    const closes = (all.match(/[\]}]/g) ?? []).length;
    return opens === closes
      ? { value: { nested: true } }
      : {
          error: `the ${value[0] === '[' ? 'list' : 'mapping'} of '${
            pending.key
          }' is not closed`,
        };
  }
  if (value.startsWith('"') || value.startsWith("'")) {
    const quote = value[0];
    const all = [value, ...more].join(' ');
    const closing =
      quote === '"' ? /^"((?:[^"\\]|\\.)*)"\s*$/ : /^'((?:[^']|'')*)'\s*$/;
    const match = closing.exec(withoutComment(all));
    if (!match)
      return { error: `the quoted value of '${pending.key}' is not closed` };
    return {
      value:
        quote === '"'
          ? match[1].replace(/\\n/g, '\n').replace(/\\(.)/g, '$1')
          : match[1].replace(/''/g, "'"),
    };
  }
  if (/^[@`]/.test(value)) {
    return {
      error: `the value of '${pending.key}' starts with '${value[0]}', which YAML reserves`,
    };
  }
  const plain = [value, ...more.map(withoutComment)];
  if (plain.some(part => /:(\s|$)/.test(part))) {
    return {
      error: `the value of '${pending.key}' contains ': ' (quote the value, e.g. ${pending.key}: "${value}")`,
    };
  }
  return { value: plain.join(' ') };
}

/**
 * Reads the top-level keys of a YAML mapping, such as an issue form or the front matter of an
 * issue template, and finds the mistakes that make YAML parsers (and GitHub) reject the file:
 * a line that is not `key: value`, unexpected indentation, tabs, unclosed quotes and
 * collections, `: ` inside a plain value, a value followed by a nested mapping, duplicate keys.
 * It does not parse nested content, which the checks do not need.
 *
 * @param lineOffset - added to line numbers, for front matter that starts below line 1
 */
export function readTopLevelYamlKeys(
  text: string,
  lineOffset = 0,
): YamlKeysResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const values = new Map<string, TopLevelYamlValue>();
  let pending: PendingKey | undefined;

  const finish = (): YamlKeysResult | undefined => {
    if (!pending) return undefined;
    const result = scalarValue(pending);
    if ('error' in result) {
      return {
        ok: false,
        error: result.error,
        line: pending.line + lineOffset,
      };
    }
    values.set(pending.key, result.value);
    pending = undefined;
    return undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lineNumber = i + 1;
    if (i === 0 && /^---\s*$/.test(line)) continue; // document start
    if (/^\s*(#.*)?$/.test(line)) {
      pending?.continuation.push(line);
      continue;
    }
    if (/^ *\t/.test(line)) {
      return {
        ok: false,
        error: 'tabs are not allowed for indentation',
        line: lineNumber + lineOffset,
      };
    }
    if (
      /^\s/.test(line) ||
      (line.startsWith('- ') && pending && pending.inline === '')
    ) {
      if (!pending) {
        return {
          ok: false,
          error: 'unexpected indentation',
          line: lineNumber + lineOffset,
        };
      }
      if (
        pending.inline !== '' &&
        !/^[|>"'[{]/.test(pending.inline) &&
        /^\s*[^\s#][^:]*:(\s|$)/.test(line)
      ) {
        return {
          ok: false,
          error: `a nested mapping cannot follow the value of '${pending.key}'`,
          line: lineNumber + lineOffset,
        };
      }
      pending.continuation.push(line);
      continue;
    }
    const failure = finish();
    if (failure) return failure;
    if (/^(---|\.\.\.)\s*$/.test(line)) {
      return {
        ok: false,
        error: 'a second YAML document is not expected here',
        line: lineNumber + lineOffset,
      };
    }
    const match = KEY_LINE.exec(line);
    if (!match) {
      return {
        ok: false,
        error: `expected "key: value", found "${
          line.length > 60 ? `${line.slice(0, 60)}…` : line
        }"`,
        line: lineNumber + lineOffset,
      };
    }
    const key = unquoteKey(match[1].trim());
    if (values.has(key)) {
      return {
        ok: false,
        error: `duplicate key '${key}'`,
        line: lineNumber + lineOffset,
      };
    }
    pending = {
      key,
      line: lineNumber,
      inline: withoutComment(match[2] ?? ''),
      continuation: [],
    };
  }
  return finish() ?? { ok: true, values };
}

/**
 * Reads the YAML front matter of a Markdown file: a block between `---` lines at the very start
 * (GitHub's issue templates keep `name` and `about` there). Absent when the file does not start
 * with `---`; invalid when the block is not closed or not valid YAML as far as
 * {@link readTopLevelYamlKeys} can tell.
 */
export function readFrontMatter(text: string): FrontMatterResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!/^---\s*$/.test(lines[0] ?? '')) return { present: false };
  const end = lines.findIndex(
    (line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line),
  );
  if (end < 0) {
    return {
      present: true,
      ok: false,
      error: 'the front matter is not closed with ---',
      line: 1,
    };
  }
  return {
    present: true,
    ...readTopLevelYamlKeys(lines.slice(1, end).join('\n'), 1),
  };
}

/** The text of a top-level scalar, trimmed; undefined when absent, empty or nested. */
export function scalarText(
  values: Map<string, TopLevelYamlValue>,
  key: string,
): string | undefined {
  const value = values.get(key);
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}
