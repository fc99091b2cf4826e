/**
 * A small, forgiving XML reader: enough of XML to read Maven POMs. It keeps elements and their text
 * (CDATA included), skips comments, processing instructions, DOCTYPE and attributes, and reports
 * malformed markup as problems instead of throwing.
 */

import { LineLocator } from './lines';

/** An element of an XML document. */
export interface XmlElement {
  /** The local name, without a namespace prefix. */
  name: string;
  children: XmlElement[];
  /** The text directly inside the element, entities decoded, CDATA included, untrimmed. */
  text: string;
}

/** The outcome of reading an XML document. */
export interface XmlDocument {
  root?: XmlElement;
  problems: string[];
}

const PREDEFINED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const MAX_CODE_POINT = 0x10ffff;

function decodeCharacterReference(reference: string): string | undefined {
  const hex = reference[1] === 'x' || reference[1] === 'X';
  const code = hex
    ? parseInt(reference.slice(2), 16)
    : parseInt(reference.slice(1), 10);
  return code >= 0 && code <= MAX_CODE_POINT
    ? String.fromCodePoint(code)
    : undefined;
}

function decodeEntities(text: string): string {
  return text.replace(
    /&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g,
    (match, reference: string) => {
      const decoded = reference.startsWith('#')
        ? decodeCharacterReference(reference)
        : PREDEFINED_ENTITIES[reference];
      return decoded ?? match;
    },
  );
}

function localName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.lastIndexOf(':') + 1);
}

const NAME_PATTERN = /^[A-Za-z_][\w.:-]*$/;

/** An element being read, with the line it was opened on for problem messages. */
interface OpenElement {
  element: XmlElement;
  qualifiedName: string;
  line: number;
}

class XmlReader {
  private position = 0;
  private readonly open: OpenElement[] = [];
  private root?: XmlElement;
  private readonly lines: LineLocator;
  readonly problems: string[] = [];

  constructor(private readonly content: string) {
    this.lines = new LineLocator(content);
  }

  read(): XmlDocument {
    while (this.position < this.content.length) {
      const markup = this.content.indexOf('<', this.position);
      const textEnd = markup === -1 ? this.content.length : markup;
      this.addText(decodeEntities(this.content.slice(this.position, textEnd)));
      if (markup === -1) break;
      this.position = markup;
      if (!this.readMarkup()) break;
    }
    this.reportUnclosedElements();
    if (!this.root) this.problems.push('no root element');
    return { root: this.root, problems: this.problems };
  }

  /** Reads the markup at the current position; false when the rest of the document is unreadable. */
  private readMarkup(): boolean {
    if (this.startsWith('<!--')) return this.skipPast('-->', 'comment');
    if (this.startsWith('<![CDATA[')) return this.readCData();
    if (this.startsWith('<?'))
      return this.skipPast('?>', 'processing instruction');
    if (this.startsWith('<!')) return this.skipDeclaration();
    if (this.startsWith('</')) return this.readClosingTag();
    return this.readOpeningTag();
  }

  private startsWith(token: string): boolean {
    return this.content.startsWith(token, this.position);
  }

  private problemAt(index: number, message: string): void {
    this.problems.push(`line ${this.lines.lineAt(index)}: ${message}`);
  }

  private skipPast(terminator: string, what: string): boolean {
    const end = this.content.indexOf(terminator, this.position);
    if (end === -1) {
      this.problemAt(this.position, `unclosed ${what}`);
      return false;
    }
    this.position = end + terminator.length;
    return true;
  }

  private readCData(): boolean {
    const start = this.position + '<![CDATA['.length;
    const end = this.content.indexOf(']]>', start);
    if (end === -1) {
      this.problemAt(this.position, 'unclosed CDATA section');
      return false;
    }
    this.addText(this.content.slice(start, end));
    this.position = end + 3;
    return true;
  }

  /** Skips `<!DOCTYPE ...>`, including an internal subset in square brackets. */
  private skipDeclaration(): boolean {
    let depth = 0;
    for (let i = this.position + 2; i < this.content.length; i++) {
      const char = this.content[i];
      if (char === '[') depth++;
      else if (char === ']') depth--;
      else if (char === '>' && depth <= 0) {
        this.position = i + 1;
        return true;
      }
    }
    this.problemAt(this.position, 'unclosed declaration');
    return false;
  }

  /**
   * The index of the `>` ending the tag at the current position (ignoring any in quoted values), or
   * of a `<` that shows the tag was left unfinished, or -1 at the end of the document.
   */
  private tagEnd(): number {
    let quote: string | undefined;
    for (let i = this.position + 1; i < this.content.length; i++) {
      const char = this.content[i];
      if (quote) {
        if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (char === '>' || char === '<') {
        return i;
      }
    }
    return -1;
  }

  private readOpeningTag(): boolean {
    const start = this.position;
    const end = this.tagEnd();
    if (end === -1 || this.content[end] === '<') {
      this.problemAt(start, 'unclosed tag');
      this.position = end;
      return end !== -1;
    }
    const body = this.content.slice(start + 1, end);
    const qualifiedName = body.match(/^[^\s/>]*/)?.[0] ?? '';
    this.position = end + 1;
    if (!NAME_PATTERN.test(qualifiedName)) {
      this.problemAt(start, `invalid tag name "${qualifiedName}"`);
      return true;
    }
    const element: XmlElement = {
      name: localName(qualifiedName),
      children: [],
      text: '',
    };
    this.attach(element, start);
    if (!body.endsWith('/')) {
      this.open.push({
        element,
        qualifiedName,
        line: this.lines.lineAt(start),
      });
    }
    return true;
  }

  private attach(element: XmlElement, start: number): void {
    const parent = this.open[this.open.length - 1];
    if (parent) {
      parent.element.children.push(element);
    } else if (this.root) {
      this.problemAt(start, `second root element <${element.name}> ignored`);
    } else {
      this.root = element;
    }
  }

  private readClosingTag(): boolean {
    const start = this.position;
    const end = this.content.indexOf('>', start);
    if (end === -1) {
      this.problemAt(start, 'unclosed closing tag');
      return false;
    }
    const qualifiedName = this.content.slice(start + 2, end).trim();
    this.position = end + 1;
    this.closeElement(qualifiedName, start);
    return true;
  }

  private closeElement(qualifiedName: string, start: number): void {
    const index = this.open
      .map(open => open.qualifiedName)
      .lastIndexOf(qualifiedName);
    if (index === -1) {
      this.problemAt(start, `unexpected closing tag </${qualifiedName}>`);
      return;
    }
    // Recover from a missing closing tag by closing everything opened inside this element.
    for (const unclosed of this.open.slice(index + 1)) {
      this.problemAt(
        start,
        `<${unclosed.qualifiedName}> (opened on line ${unclosed.line}) is not closed before </${qualifiedName}>`,
      );
    }
    this.open.length = index;
  }

  private addText(text: string): void {
    const current = this.open[this.open.length - 1];
    if (current) {
      current.element.text += text;
    } else if (text.trim() !== '') {
      this.problemAt(this.position, 'text outside the root element');
    }
  }

  private reportUnclosedElements(): void {
    for (const unclosed of this.open) {
      this.problems.push(
        `<${unclosed.qualifiedName}> (opened on line ${unclosed.line}) is never closed`,
      );
    }
  }
}

/** Reads an XML document; never throws. */
export function parseXml(content: string): XmlDocument {
  return new XmlReader(content).read();
}

/** The child elements of `element` with the given local name. */
export function childElements(
  element: XmlElement | undefined,
  name: string,
): XmlElement[] {
  return element?.children.filter(child => child.name === name) ?? [];
}

/** The first child element of `element` with the given local name. */
export function childElement(
  element: XmlElement | undefined,
  name: string,
): XmlElement | undefined {
  return element?.children.find(child => child.name === name);
}

/** The trimmed text of the first child element with the given local name; undefined when empty. */
export function childText(
  element: XmlElement | undefined,
  name: string,
): string | undefined {
  const text = childElement(element, name)?.text.trim();
  return text ? text : undefined;
}
