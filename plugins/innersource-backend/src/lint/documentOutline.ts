/** The markup a document is written in, from its file name. */
export type DocumentFormat = 'markdown' | 'rst' | 'asciidoc';

/** A heading or a paragraph of a document; code, comments and metadata are left out. */
export type DocumentBlock =
  | { kind: 'heading'; level: number; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number };

/** A section heading of a document. */
export interface DocumentHeading {
  /** 1 for the title level, 2 for its sections, and so on. */
  level: number;
  /** The heading's text without markup. */
  text: string;
  /** 1-based line number. */
  line: number;
}

/**
 * The markup of a file from its extension. Plain text and extension-less files are read as
 * Markdown, which is what most of them are and what GitHub renders them as.
 */
export function documentFormatOf(path: string): DocumentFormat {
  const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLocaleLowerCase('en-US');
  if (extension === 'rst' || extension === 'rest') return 'rst';
  if (extension === 'adoc' || extension === 'asciidoc' || extension === 'asc') {
    return 'asciidoc';
  }
  return 'markdown';
}

/** Removes inline markup from a heading's text: emphasis, code, links, images, HTML tags. */
export function plainHeadingText(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/gi, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a format's block rule makes of the line at `index`: a block to skip, maybe a heading. */
type ClassifiedLine = { skipTo: number; block?: DocumentBlock } | undefined;

/**
 * Splits a document into headings and paragraphs with the handful of block rules that matter
 * for a README: headings, fenced and indented code, comments, front matter and HTML headings.
 * It is deliberately not a full parser: it has to be right about where headings are, and
 * lenient about everything else.
 */
export function documentBlocks(
  text: string,
  format: DocumentFormat,
): DocumentBlock[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const classify = {
    markdown: markdownBlock,
    rst: rstBlock,
    asciidoc: asciidocBlock,
  }[format];
  const blocks: DocumentBlock[] = [];
  let paragraph: string[] = [];
  let paragraphLine = 0;
  const endParagraph = () => {
    if (paragraph.length > 0) {
      blocks.push({
        kind: 'paragraph',
        text: paragraph.join('\n'),
        line: paragraphLine,
      });
    }
    paragraph = [];
  };

  let index = skipFrontMatter(lines);
  while (index < lines.length) {
    const line = lines[index];
    // A setext / RST underline turns the paragraph line(s) above it into a heading.
    const underlineLevel =
      paragraph.length > 0 ? setextLevel(line, paragraph, format) : undefined;
    if (underlineLevel !== undefined) {
      const headingText = plainHeadingText(paragraph.join(' '));
      blocks.push({
        kind: 'heading',
        level: underlineLevel,
        text: headingText,
        line: paragraphLine,
      });
      paragraph = [];
      index++;
      continue;
    }
    const result = classify(lines, index);
    if (result) {
      endParagraph();
      if (result.block) blocks.push(result.block);
      index = result.skipTo;
      continue;
    }
    if (line.trim() === '') {
      endParagraph();
    } else {
      if (paragraph.length === 0) paragraphLine = index + 1;
      paragraph.push(line);
    }
    index++;
  }
  endParagraph();
  return format === 'rst' ? withRstLevels(blocks) : blocks;
}

/** The headings of a document, in order. */
export function extractHeadings(
  text: string,
  format: DocumentFormat,
): DocumentHeading[] {
  return documentBlocks(text, format).flatMap(block =>
    block.kind === 'heading'
      ? [{ level: block.level, text: block.text, line: block.line }]
      : [],
  );
}

/** YAML front matter (`---` … `---`) at the start is metadata, not content. */
function skipFrontMatter(lines: string[]): number {
  if (lines[0]?.trim() !== '---') return 0;
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)\s*$/.test(lines[i])) return i + 1;
  }
  return 0; // not closed: not front matter (a thematic break, say)
}

/** The first line at or after `from` that satisfies `predicate`, or the end of the document. */
function indexOfLine(
  lines: string[],
  from: number,
  predicate: (line: string) => boolean,
): number {
  for (let i = from; i < lines.length; i++) {
    if (predicate(lines[i])) return i;
  }
  return lines.length;
}

/** Index after the line that closes a block opened at `start`, or the end of the document. */
function skipUntil(
  lines: string[],
  start: number,
  closes: (line: string) => boolean,
): number {
  return Math.min(indexOfLine(lines, start + 1, closes) + 1, lines.length);
}

/** Skips an HTML comment, which may span lines. */
function htmlComment(lines: string[], index: number): ClassifiedLine {
  if (!/^\s*<!--/.test(lines[index])) return undefined;
  if (lines[index].includes('-->')) return { skipTo: index + 1 };
  return { skipTo: skipUntil(lines, index, line => line.includes('-->')) };
}

/**
 * `<h1>Title</h1>`, also spread over lines with a logo inside, as many READMEs open. The text is
 * what remains without tags, else the logo's alt text.
 */
function htmlHeading(lines: string[], index: number): ClassifiedLine {
  const open = /^\s*<h([1-6])\b[^>]*>/i.exec(lines[index]);
  if (!open) return undefined;
  const close = new RegExp(`</h${open[1]}\\s*>`, 'i');
  let end = index;
  while (
    end < lines.length - 1 &&
    end - index < 20 &&
    !close.test(lines[end])
  ) {
    end++;
  }
  const html = lines.slice(index, end + 1).join(' ');
  const text =
    plainHeadingText(html) || (/\balt="([^"]*)"/i.exec(html)?.[1] ?? '').trim();
  return {
    block: {
      kind: 'heading',
      level: Number(open[1]),
      text,
      line: index + 1,
    },
    skipTo: end + 1,
  };
}

function markdownBlock(lines: string[], index: number): ClassifiedLine {
  const line = lines[index];
  const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
  if (fence) {
    const marker = fence[1];
    const closing = new RegExp(`^\\s{0,3}${marker[0]}{${marker.length},}\\s*$`);
    return { skipTo: skipUntil(lines, index, l => closing.test(l)) };
  }
  const atx = /^\s{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
  if (atx) {
    return {
      block: {
        kind: 'heading',
        level: atx[1].length,
        text: plainHeadingText(atx[2] ?? ''),
        line: index + 1,
      },
      skipTo: index + 1,
    };
  }
  // Indented code only after a blank line: indented lines inside a paragraph continue it.
  if (
    /^( {4}|\t)/.test(line) &&
    (index === 0 || lines[index - 1].trim() === '')
  ) {
    return {
      skipTo: indexOfLine(
        lines,
        index + 1,
        l => l.trim() !== '' && !/^( {4}|\t)/.test(l),
      ),
    };
  }
  return htmlComment(lines, index) ?? htmlHeading(lines, index);
}

/** RST adornment: a line of one repeated punctuation character. */
const RST_ADORNMENT = /^([!-/:-@[-`{-~])\1+\s*$/;

function rstBlock(lines: string[], index: number): ClassifiedLine {
  const line = lines[index];
  // An overlined title: adornment, text, the same adornment.
  const over = RST_ADORNMENT.exec(line);
  if (over && index + 2 < lines.length) {
    const title = lines[index + 1];
    if (title.trim() !== '' && lines[index + 2].trim() === line.trim()) {
      return {
        block: {
          kind: 'heading',
          // Provisional: real levels follow the order in which styles appear (withRstLevels).
          level: -over[1].charCodeAt(0) - 1000,
          text: plainHeadingText(title.replace(/`/g, '')),
          line: index + 2,
        },
        skipTo: index + 3,
      };
    }
  }
  // Directives and comments (`.. image::`, `.. code-block::`, `.. |badge| image::`) with their
  // indented bodies are not prose.
  if (/^\.\.(\s|$)/.test(line)) {
    return {
      skipTo: indexOfLine(
        lines,
        index + 1,
        l => l.trim() !== '' && !/^\s/.test(l),
      ),
    };
  }
  return undefined;
}

function asciidocBlock(lines: string[], index: number): ClassifiedLine {
  const line = lines[index];
  const title = /^(={1,6}|#{1,6})\s+(\S.*?)\s*$/.exec(line);
  if (title) {
    // `= Document title` (level 0 in AsciiDoc's terms) is level 1 here, as a Markdown `#` title.
    return {
      block: {
        kind: 'heading',
        level: title[1].length,
        text: plainHeadingText(title[2]),
        line: index + 1,
      },
      skipTo: index + 1,
    };
  }
  const delimiter =
    /^(-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|\/{4,}|`{3,})\s*$/.exec(line);
  if (delimiter) {
    const marker = delimiter[1].trim();
    return { skipTo: skipUntil(lines, index, l => l.trim() === marker) };
  }
  // Attribute entries, comments, block attributes and titles, block macros (image::…[]).
  if (
    /^:[\w-]+!?:/.test(line) ||
    /^\/\//.test(line) ||
    /^\[[^\]]*\]\s*$/.test(line) ||
    /^\.[^\s.]/.test(line) ||
    /^[a-z]+::\S*\[.*\]\s*$/.test(line)
  ) {
    return { skipTo: index + 1 };
  }
  return undefined;
}

/** The level of a setext (Markdown) or underlined (RST) heading whose underline is `line`. */
function setextLevel(
  line: string,
  paragraph: string[],
  format: DocumentFormat,
): number | undefined {
  if (format === 'markdown') {
    if (/^\s{0,3}=+\s*$/.test(line)) return 1;
    // `---` under a one-line paragraph; a list item followed by `---` is a rule, not a heading
    if (
      /^\s{0,3}-+\s*$/.test(line) &&
      !/^\s*([-*+]|\d+[.)])\s/.test(paragraph[0])
    ) {
      return 2;
    }
    return undefined;
  }
  if (format === 'rst' && paragraph.length === 1) {
    const adornment = RST_ADORNMENT.exec(line);
    if (
      !adornment ||
      line.trim().length < Math.min(paragraph[0].trim().length, 3)
    ) {
      return undefined;
    }
    return -adornment[1].charCodeAt(0); // provisional, see withRstLevels
  }
  return undefined;
}

/**
 * RST has no fixed heading characters: the first style seen is level 1, the next new one
 * level 2, and so on. Overlined and underlined-only titles with one character are different styles.
 */
function withRstLevels(blocks: DocumentBlock[]): DocumentBlock[] {
  const styles: number[] = [];
  return blocks.map(block => {
    if (block.kind !== 'heading') return block;
    if (!styles.includes(block.level)) styles.push(block.level);
    return { ...block, level: styles.indexOf(block.level) + 1 };
  });
}
