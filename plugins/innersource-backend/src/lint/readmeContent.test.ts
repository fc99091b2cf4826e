import { documentBlocks, extractHeadings } from './documentOutline';
import {
  isProse,
  matchReadmeSections,
  readmeDescription,
  readmeTitle,
} from './readmeContent';

describe('isProse', () => {
  it.each([
    ['a sentence', 'Posts payments to the ledger for every team.', true],
    [
      'a sentence with a link',
      'A [ledger](https://ledger.example) SDK for Java.',
      true,
    ],
    [
      'badges',
      '[![CI](https://ci/badge.svg)](https://ci) ![cov](https://cov.svg)',
      false,
    ],
    [
      'a row of links',
      '[Docs](docs.md) | [API](api.md) | [Changelog](CHANGELOG.md)',
      false,
    ],
    ['a table of contents', '- [Install](#install)\n- [Usage](#usage)', false],
    [
      'HTML with an image',
      '<p align="center"><img src="logo.png" alt="Ledger logo"></p>',
      false,
    ],
    ['a bare URL', 'https://ledger.example/docs', false],
    ['too short', 'Ledger SDK', false],
    ['RST badges', '|build| |coverage|', false],
    ['AsciiDoc image', 'image:https://ci/badge.svg[Build Status]', false],
  ])('%s', (_name, text, expected) => {
    expect(isProse(text)).toBe(expected);
  });
});

describe('readmeTitle', () => {
  it('takes the first heading, even after a logo and badges', () => {
    const blocks = documentBlocks(
      '<p align="center"><img src="logo.png"></p>\n\n[![CI](b.svg)](ci)\n\n# Ledger\n\nText',
      'markdown',
    );
    expect(readmeTitle(blocks)).toEqual({
      heading: { kind: 'heading', level: 1, text: 'Ledger', line: 5 },
    });
  });

  it('reports prose before the first heading', () => {
    const blocks = documentBlocks(
      'This is the ledger SDK.\n\n## Install\n',
      'markdown',
    );
    expect(readmeTitle(blocks)).toEqual({
      heading: { kind: 'heading', level: 2, text: 'Install', line: 3 },
      proseBefore: { text: 'This is the ledger SDK.', line: 1 },
    });
  });

  it('finds nothing in a document without headings', () => {
    expect(
      readmeTitle(documentBlocks('[![CI](b.svg)](ci)', 'markdown')),
    ).toEqual({});
  });
});

describe('readmeDescription', () => {
  const descriptionOf = (text: string) =>
    readmeDescription(documentBlocks(text, 'markdown'));

  it('finds the paragraph after the title, past badges', () => {
    expect(
      descriptionOf(
        '# Ledger\n\n[![CI](b.svg)](ci)\n\nPosts payments to the ledger.\n',
      ),
    ).toEqual({
      text: 'Posts payments to the ledger.',
      line: 5,
    });
  });

  it('accepts a first purpose section such as Mission or About', () => {
    expect(
      descriptionOf('# Ledger\n\n## Mission\n\nOne ledger for all teams.\n')
        ?.line,
    ).toBe(5);
  });

  it('does not look into other sections', () => {
    expect(
      descriptionOf(
        '# Ledger\n\n## Install\n\nRun the installer to set it up.\n',
      ),
    ).toBeUndefined();
  });

  it('finds nothing when only badges follow the title', () => {
    expect(descriptionOf('# Ledger\n\n[![CI](b.svg)](ci)\n')).toBeUndefined();
  });
});

describe('matchReadmeSections', () => {
  const sections = (text: string) =>
    Object.fromEntries(
      matchReadmeSections(extractHeadings(text, 'markdown')).map(m => [
        m.area.id,
        m.heading?.text,
      ]),
    );

  it('matches synonyms, case-insensitively and as whole words', () => {
    expect(
      sections(
        [
          '## Quick-Start',
          '## FAQ',
          '## Join us on Slack',
          '## Trusted Committers',
          '## How to contribute',
        ].join('\n'),
      ),
    ).toEqual({
      'getting-started': 'Quick-Start',
      'getting-help': 'FAQ',
      'getting-involved': 'Join us on Slack',
      maintainers: 'Trusted Committers',
      contributing: 'How to contribute',
    });
  });

  it('does not match parts of words', () => {
    expect(sections('## Helpers\n## Teamwork\n## Contributors')).toEqual({
      'getting-started': undefined,
      'getting-help': undefined,
      'getting-involved': undefined,
      maintainers: undefined,
      contributing: undefined,
    });
  });
});
