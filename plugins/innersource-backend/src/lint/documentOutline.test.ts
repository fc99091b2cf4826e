import {
  documentBlocks,
  documentFormatOf,
  extractHeadings,
  plainHeadingText,
} from './documentOutline';

describe('documentFormatOf', () => {
  it.each([
    ['README.md', 'markdown'],
    ['docs/readme.MARKDOWN', 'markdown'],
    ['README', 'markdown'],
    ['README.txt', 'markdown'],
    ['README.rst', 'rst'],
    ['Readme.ADOC', 'asciidoc'],
    ['README.asciidoc', 'asciidoc'],
  ])('%s is %s', (path, format) => {
    expect(documentFormatOf(path)).toBe(format);
  });
});

describe('plainHeadingText', () => {
  it('removes emphasis, code, links, images and tags', () => {
    expect(
      plainHeadingText(
        '**Getting** `started` with [Ledger](https://x) <img alt="logo" src="x.png">',
      ),
    ).toBe('Getting started with Ledger logo');
  });
});

describe('extractHeadings in Markdown', () => {
  it('finds ATX and setext headings, with levels and line numbers', () => {
    const text = [
      '# Ledger SDK #',
      '',
      'Posts to the ledger.',
      '',
      'Getting started',
      '---------------',
      '',
      'Big Section',
      '===',
      '###### Deep',
    ].join('\n');
    expect(extractHeadings(text, 'markdown')).toEqual([
      { level: 1, text: 'Ledger SDK', line: 1 },
      { level: 2, text: 'Getting started', line: 5 },
      { level: 1, text: 'Big Section', line: 8 },
      { level: 6, text: 'Deep', line: 10 },
    ]);
  });

  it('ignores headings in code blocks, comments and front matter', () => {
    const text = [
      '---',
      'title: not a heading',
      '---',
      '# Title',
      '```sh',
      '# a shell comment',
      '```',
      '~~~~',
      '## also code',
      '~~~~',
      '<!--',
      '# commented out',
      '-->',
      '',
      '    # indented code',
      '',
      '#not a heading (no space)',
    ].join('\n');
    expect(extractHeadings(text, 'markdown').map(h => h.text)).toEqual([
      'Title',
    ]);
  });

  it('reads HTML headings, also spread over lines around a logo', () => {
    const text = [
      '<h1 align="center">',
      '  <img src="logo.png" alt="Ledger logo">',
      '  <br>Ledger SDK',
      '</h1>',
      '<h2>Usage</h2>',
      '<h3><img src="x.png" alt="Only a logo"></h3>',
    ].join('\n');
    expect(extractHeadings(text, 'markdown')).toEqual([
      { level: 1, text: 'Ledger logo Ledger SDK', line: 1 },
      { level: 2, text: 'Usage', line: 5 },
      { level: 3, text: 'Only a logo', line: 6 },
    ]);
  });

  it('does not take a list item above a rule for a setext heading', () => {
    expect(extractHeadings('- item\n---\n', 'markdown')).toEqual([]);
  });

  it('keeps paragraphs with their first line', () => {
    const blocks = documentBlocks(
      '# T\n\nfirst line\nsecond line\n\nnext',
      'markdown',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'T', line: 1 },
      { kind: 'paragraph', text: 'first line\nsecond line', line: 3 },
      { kind: 'paragraph', text: 'next', line: 6 },
    ]);
  });
});

describe('extractHeadings in reStructuredText', () => {
  it('assigns levels in the order styles appear, overlined titles apart', () => {
    const text = [
      '==========',
      'Ledger SDK',
      '==========',
      '',
      'Posts to the ledger.',
      '',
      'Installation',
      '============',
      '',
      'From source',
      '-----------',
      '',
      'Support',
      '============',
    ].join('\n');
    expect(extractHeadings(text, 'rst')).toEqual([
      { level: 1, text: 'Ledger SDK', line: 2 },
      { level: 2, text: 'Installation', line: 7 },
      { level: 3, text: 'From source', line: 10 },
      { level: 2, text: 'Support', line: 13 },
    ]);
  });

  it('skips directives and their bodies', () => {
    const text = [
      'Title',
      '=====',
      '',
      '.. image:: https://ci.example/badge.svg',
      '   :target: https://ci.example',
      '',
      '.. code-block:: python',
      '',
      '   x = 1',
      '   ----',
      '',
      'A paragraph that says what it is.',
    ].join('\n');
    expect(documentBlocks(text, 'rst')).toEqual([
      { kind: 'heading', level: 1, text: 'Title', line: 1 },
      {
        kind: 'paragraph',
        text: 'A paragraph that says what it is.',
        line: 12,
      },
    ]);
  });
});

describe('extractHeadings in AsciiDoc', () => {
  it('reads = titles and skips attributes, comments and listing blocks', () => {
    const text = [
      '= Ledger SDK',
      ':toc:',
      '// a comment',
      '',
      'Posts to the ledger.',
      '',
      '== Getting Started',
      '[source,sh]',
      '----',
      '== not a heading',
      '----',
      '=== Details',
    ].join('\n');
    expect(documentBlocks(text, 'asciidoc')).toEqual([
      { kind: 'heading', level: 1, text: 'Ledger SDK', line: 1 },
      { kind: 'paragraph', text: 'Posts to the ledger.', line: 5 },
      { kind: 'heading', level: 2, text: 'Getting Started', line: 7 },
      { kind: 'heading', level: 3, text: 'Details', line: 12 },
    ]);
  });
});
