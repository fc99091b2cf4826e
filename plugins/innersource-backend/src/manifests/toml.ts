/**
 * A small, forgiving TOML reader: enough of TOML 1.0 to read `pyproject.toml`. It reads tables,
 * arrays of tables, dotted and quoted keys, all four string forms, arrays and inline tables; other
 * scalars become booleans, numbers or (dates and times) their raw text. A line it cannot read is
 * reported as a problem and skipped. Arrays and inline tables are read recursively, so only
 * nesting deep enough to exhaust the stack throws (a RangeError, which `parseManifest` catches).
 */
import { LineLocator } from './lines';

/** A TOML value. Dates and times are kept as their text. */
export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;

/** A TOML table. Created without a prototype, so keys like `__proto__` are plain keys. */
export interface TomlTable {
  [key: string]: TomlValue;
}

/** The outcome of reading a TOML document. */
export interface TomlDocument {
  table: TomlTable;
  problems: string[];
}

/** Past this many problems the input is most likely not TOML at all. */
const MAX_PROBLEMS = 10;

const ESCAPES: Record<string, string> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  e: '\u001b',
  '"': '"',
  '\\': '\\',
};

const UNICODE_ESCAPE_DIGITS: Record<string, number> = { u: 4, U: 8 };

const BARE_KEY = /[A-Za-z0-9_-]+/y;
const LINE_ENDING_BACKSLASH = /\\[ \t]*\r?\n/y;
const SCALAR = /[0-9A-Za-z_+\-.:]+/y;
const TIME_AFTER_DATE = / \d{2}:[0-9:.+\-Z]*/y;
const DECIMAL = /^[+-]?\d[\d_]*(\.\d[\d_]*)?([eE][+-]?\d[\d_]*)?$/;
const PREFIXED_INTEGER = /^0(x[0-9A-Fa-f_]+|o[0-7_]+|b[01_]+)$/;
const DATE_OR_TIME = /^(\d{4}-\d{2}-\d{2}|\d{2}:\d{2})/;
const SPECIAL_FLOATS: Record<string, number> = {
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
  nan: NaN,
  '+nan': NaN,
  '-nan': NaN,
};

function newTable(): TomlTable {
  return Object.create(null);
}

/** Whether a value is a table (not an array or a scalar). */
export function isTomlTable(value: TomlValue | undefined): value is TomlTable {
  return typeof value === 'object' && !Array.isArray(value);
}

function hasKey(table: TomlTable, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

class TomlSyntaxError extends Error {
  constructor(message: string, readonly index: number) {
    super(message);
  }
}

class TomlReader {
  private position = 0;
  private readonly root = newTable();
  private current = this.root;
  private readonly lines: LineLocator;
  private readonly problems: string[] = [];

  constructor(private readonly content: string) {
    this.lines = new LineLocator(content);
  }

  read(): TomlDocument {
    while (this.skipBlankLines()) {
      try {
        this.readStatement();
        this.expectEndOfLine();
      } catch (error) {
        if (!(error instanceof TomlSyntaxError)) throw error;
        if (!this.recordProblem(error)) break;
      }
    }
    return { table: this.root, problems: this.problems };
  }

  /** Records a problem and moves to the next line; false when there are too many to go on. */
  private recordProblem(error: TomlSyntaxError): boolean {
    this.problems.push(`line ${this.lineAt(error.index)}: ${error.message}`);
    if (this.problems.length >= MAX_PROBLEMS) {
      this.problems.push('too many problems; the rest was not read');
      return false;
    }
    const nextLine = this.content.indexOf('\n', error.index);
    this.position = nextLine === -1 ? this.content.length : nextLine + 1;
    return true;
  }

  private lineAt(index: number): number {
    return this.lines.lineAt(index);
  }

  private fail(message: string, index = this.position): never {
    throw new TomlSyntaxError(message, index);
  }

  private get char(): string | undefined {
    return this.content[this.position];
  }

  private startsWith(token: string): boolean {
    return this.content.startsWith(token, this.position);
  }

  private expect(token: string): void {
    if (!this.startsWith(token)) this.fail(`expected "${token}"`);
    this.position += token.length;
  }

  private skipSpaces(): void {
    while (this.char === ' ' || this.char === '\t') this.position++;
  }

  private skipComment(): void {
    if (this.char !== '#') return;
    const end = this.content.indexOf('\n', this.position);
    this.position = end === -1 ? this.content.length : end;
  }

  /**
   * Skips spaces, comments and line breaks (between statements, and inside arrays and inline
   * tables); false at the end of the document.
   */
  private skipBlankLines(): boolean {
    for (;;) {
      this.skipSpaces();
      this.skipComment();
      if (this.char === '\n') this.position++;
      else if (this.startsWith('\r\n')) this.position += 2;
      else return this.position < this.content.length;
    }
  }

  private expectEndOfLine(): void {
    this.skipSpaces();
    this.skipComment();
    if (
      this.position < this.content.length &&
      this.char !== '\n' &&
      !this.startsWith('\r\n')
    ) {
      this.fail('unexpected text after the value');
    }
  }

  private readStatement(): void {
    if (this.startsWith('[[')) {
      this.readArrayTableHeader();
    } else if (this.char === '[') {
      this.readTableHeader();
    } else {
      this.readKeyValue(this.current);
    }
  }

  private readTableHeader(): void {
    const start = this.position;
    this.position++;
    this.skipSpaces();
    const key = this.readKey();
    this.expect(']');
    this.current = this.tableAt(this.root, key, start);
  }

  private readArrayTableHeader(): void {
    const start = this.position;
    this.position += 2;
    this.skipSpaces();
    const key = this.readKey();
    this.expect(']]');
    const parent = this.tableAt(this.root, key.slice(0, -1), start);
    const last = key[key.length - 1];
    const table = newTable();
    const existing = parent[last];
    if (existing === undefined) parent[last] = [table];
    else if (Array.isArray(existing)) existing.push(table);
    else this.fail(`"${key.join('.')}" is not an array of tables`, start);
    this.current = table;
  }

  /** The table at a dotted path, created when missing; the last table of an array of tables. */
  private tableAt(start: TomlTable, path: string[], index: number): TomlTable {
    let table = start;
    for (const key of path) {
      if (!hasKey(table, key)) table[key] = newTable();
      const value = table[key];
      const next = Array.isArray(value) ? value[value.length - 1] : value;
      if (!isTomlTable(next))
        this.fail(`"${path.join('.')}" is not a table`, index);
      table = next;
    }
    return table;
  }

  private readKeyValue(table: TomlTable): void {
    const start = this.position;
    const key = this.readKey();
    this.expect('=');
    this.skipSpaces();
    const value = this.readValue();
    const parent = this.tableAt(table, key.slice(0, -1), start);
    const last = key[key.length - 1];
    if (hasKey(parent, last))
      this.fail(`duplicate key "${key.join('.')}"`, start);
    parent[last] = value;
  }

  /** A dotted key, as its parts; leaves the position after any spaces that follow it. */
  private readKey(): string[] {
    const parts = [this.readSimpleKey()];
    this.skipSpaces();
    while (this.char === '.') {
      this.position++;
      this.skipSpaces();
      parts.push(this.readSimpleKey());
      this.skipSpaces();
    }
    return parts;
  }

  private readSimpleKey(): string {
    if (this.char === '"') return this.readBasicString();
    if (this.char === "'") return this.readLiteralString();
    const bare = this.match(BARE_KEY);
    if (bare === undefined) this.fail('expected a key');
    return bare;
  }

  private match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.position;
    const found = pattern.exec(this.content)?.[0];
    if (found !== undefined) this.position += found.length;
    return found;
  }

  private readValue(): TomlValue {
    if (this.startsWith('"""')) return this.readMultiLineBasicString();
    if (this.startsWith("'''")) return this.readMultiLineLiteralString();
    if (this.char === '"') return this.readBasicString();
    if (this.char === "'") return this.readLiteralString();
    if (this.char === '[') return this.readArray();
    if (this.char === '{') return this.readInlineTable();
    return this.readScalar();
  }

  private readEscape(): string {
    const letter = this.content[this.position + 1] ?? '';
    if (letter in ESCAPES) {
      this.position += 2;
      return ESCAPES[letter];
    }
    const digits = UNICODE_ESCAPE_DIGITS[letter];
    const hex = digits
      ? this.content.slice(this.position + 2, this.position + 2 + digits)
      : '';
    const code = parseInt(hex, 16);
    if (
      !digits ||
      !/^[0-9A-Fa-f]+$/.test(hex) ||
      hex.length !== digits ||
      code > 0x10ffff
    ) {
      this.fail(`invalid escape "\\${letter}"`);
    }
    this.position += 2 + digits;
    return String.fromCodePoint(code);
  }

  private readBasicString(): string {
    const start = this.position;
    this.position++;
    let text = '';
    for (;;) {
      const char = this.char;
      if (char === undefined || char === '\n') {
        this.fail('unterminated string', start);
      }
      if (char === '"') {
        this.position++;
        return text;
      }
      if (char === '\\') {
        text += this.readEscape();
      } else {
        text += char;
        this.position++;
      }
    }
  }

  private readLiteralString(): string {
    const start = this.position;
    const end = this.content.indexOf("'", start + 1);
    const newline = this.content.indexOf('\n', start + 1);
    if (end === -1 || (newline !== -1 && newline < end)) {
      this.fail('unterminated string', start);
    }
    this.position = end + 1;
    return this.content.slice(start + 1, end);
  }

  /** Skips the line break that may follow the opening delimiter of a multi-line string. */
  private skipLeadingLineBreak(): void {
    if (this.char === '\n') this.position++;
    else if (this.startsWith('\r\n')) this.position += 2;
  }

  /** The delimiter closes the string, but up to two quotes right before it belong to the text. */
  private closeMultiLineString(delimiter: string): string {
    let quotes = '';
    while (
      quotes.length < 2 &&
      this.content.startsWith(delimiter, this.position + 1)
    ) {
      quotes += delimiter[0];
      this.position++;
    }
    this.position += delimiter.length;
    return quotes;
  }

  private readMultiLineBasicString(): string {
    const start = this.position;
    this.position += 3;
    this.skipLeadingLineBreak();
    let text = '';
    for (;;) {
      if (this.position >= this.content.length) {
        this.fail('unterminated multi-line string', start);
      }
      if (this.startsWith('"""'))
        return text + this.closeMultiLineString('"""');
      if (this.startsWith('\\') && this.isLineEndingBackslash()) {
        this.position++;
        while (/\s/.test(this.char ?? '')) this.position++;
      } else if (this.char === '\\') {
        text += this.readEscape();
      } else {
        text += this.char;
        this.position++;
      }
    }
  }

  private isLineEndingBackslash(): boolean {
    LINE_ENDING_BACKSLASH.lastIndex = this.position;
    return LINE_ENDING_BACKSLASH.test(this.content);
  }

  private readMultiLineLiteralString(): string {
    const start = this.position;
    this.position += 3;
    this.skipLeadingLineBreak();
    const end = this.content.indexOf("'''", this.position);
    if (end === -1) this.fail('unterminated multi-line string', start);
    const text = this.content.slice(this.position, end);
    this.position = end;
    return text + this.closeMultiLineString("'''");
  }

  private readArray(): TomlValue[] {
    const start = this.position;
    this.position++;
    const items: TomlValue[] = [];
    for (;;) {
      this.skipBlankLines();
      if (this.position >= this.content.length) {
        this.fail(`array opened on line ${this.lineAt(start)} is never closed`);
      }
      if (this.char === ']') break;
      items.push(this.readValue());
      this.skipBlankLines();
      if (this.char === ',') this.position++;
      else if (this.char !== ']') this.fail('expected "," or "]" in the array');
    }
    this.position++;
    return items;
  }

  private readInlineTable(): TomlTable {
    const start = this.position;
    this.position++;
    const table = newTable();
    for (;;) {
      this.skipBlankLines();
      if (this.position >= this.content.length) {
        this.fail(
          `inline table opened on line ${this.lineAt(start)} is never closed`,
        );
      }
      if (this.char === '}') break;
      this.readKeyValue(table);
      this.skipBlankLines();
      if (this.char === ',') this.position++;
      else if (this.char !== '}')
        this.fail('expected "," or "}" in the inline table');
    }
    this.position++;
    return table;
  }

  private readScalar(): TomlValue {
    const start = this.position;
    const token = this.match(SCALAR);
    if (token === undefined) this.fail('expected a value');
    if (token === 'true' || token === 'false') return token === 'true';
    if (token in SPECIAL_FLOATS) return SPECIAL_FLOATS[token];
    if (DECIMAL.test(token) || PREFIXED_INTEGER.test(token)) {
      return Number(token.replace(/_/g, ''));
    }
    if (DATE_OR_TIME.test(token)) {
      return token + (this.match(TIME_AFTER_DATE) ?? '');
    }
    return this.fail(`invalid value "${token}"`, start);
  }
}

/** Reads a TOML document, reporting what it cannot read as problems. */
export function parseToml(content: string): TomlDocument {
  return new TomlReader(content).read();
}
