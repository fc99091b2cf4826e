import {
  browseUrl,
  repositoryFilesWith,
} from './__testUtils__/repositoryFixtures';
import { checkRule } from './__testUtils__/ruleFixtures';

jest.setTimeout(60_000);

const GOOD_README = `<p align="center"><img src="logo.png" alt="Ledger"></p>

# Ledger SDK

[![CI](https://ci.example/badge.svg)](https://ci.example)

Java and TypeScript SDK for posting payments to the ledger, used by every team that moves money.

## Getting started
Add the dependency.

## Getting help
Ask in the issue tracker.

## Getting involved
We talk in #ledger on Slack.

## Who we are
The trusted committers are Maria and Sam.

## Contributing
See CONTRIBUTING.md.
`;

describe('readme.exists', () => {
  it('passes with a README at the root, naming the file and its link', async () => {
    const files = await repositoryFilesWith({ 'README.md': GOOD_README });
    expect(await checkRule('readme.exists', files)).toEqual({
      status: 'pass',
      message: 'Found README.md at the repository root',
      files: [{ path: 'README.md', url: browseUrl('README.md') }],
    });
  });

  it.each([
    ['readme.MD'],
    ['Readme.markdown'],
    ['README.rst'],
    ['README.adoc'],
    ['README.txt'],
    ['README'],
    ['docs/README.md'],
    ['.github/readme.md'],
  ])('finds %s', async path => {
    const files = await repositoryFilesWith({ [path]: 'Ledger\n' });
    expect(await checkRule('readme.exists', files)).toMatchObject({
      status: 'pass',
      files: [{ path }],
    });
  });

  it("prefers the entity's own README in a monorepo, and falls back to the root's", async () => {
    const tree = {
      'README.md': '# Monorepo\n',
      'packages/ledger/README.md': '# Ledger\n',
      'packages/shop/src/index.ts': 'export {};\n',
    };
    const ledger = await repositoryFilesWith(tree, {
      entityPath: 'packages/ledger',
    });
    expect(await checkRule('readme.exists', ledger)).toMatchObject({
      status: 'pass',
      message: 'Found packages/ledger/README.md in packages/ledger/',
    });
    const shop = await repositoryFilesWith(tree, {
      entityPath: 'packages/shop',
    });
    expect(await checkRule('readme.exists', shop)).toMatchObject({
      status: 'pass',
      message: 'Found README.md at the repository root',
    });
  });

  it('fails without a README, saying where it looked', async () => {
    const files = await repositoryFilesWith(
      { 'src/README.md': '# not where anyone looks\n', 'index.ts': '' },
      { entityPath: 'packages/ledger' },
    );
    expect(await checkRule('readme.exists', files)).toEqual({
      status: 'fail',
      message:
        'Expected a README (README.md, README.rst, README.adoc or README with any extension) in packages/ledger/ or the repository root (or their docs/, .github/, .gitlab/), found none',
    });
  });

  it('fails for an empty repository', async () => {
    expect(
      await checkRule('readme.exists', await repositoryFilesWith({})),
    ).toMatchObject({
      status: 'fail',
    });
  });

  it('fails for a binary or empty README', async () => {
    const binary = await repositoryFilesWith({
      'README.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    });
    expect(await checkRule('readme.exists', binary)).toEqual({
      status: 'fail',
      message:
        'Expected a text README, found README.md is binary (8 bytes), expected text',
      files: [{ path: 'README.md', url: browseUrl('README.md') }],
    });
    expect(await checkRule('readme.title', binary)).toMatchObject({
      status: 'not-applicable',
      message:
        'README.md is binary (8 bytes), expected text; see readme.exists',
    });
    const empty = await repositoryFilesWith({ 'README.md': '  \n\n' });
    expect(await checkRule('readme.exists', empty)).toMatchObject({
      status: 'fail',
      message: 'Expected a README with content, found an empty README.md',
    });
  });

  it('reads only the first MiB of a 50 MB README and says so', async () => {
    const files = await repositoryFilesWith({
      'README.md': {
        repeat:
          '# Ledger SDK\n\nPosts payments to the ledger for all teams.\n\n',
        bytes: 50 * 1048576,
      },
    });
    expect(await checkRule('readme.exists', files)).toMatchObject({
      status: 'pass',
      message:
        'Found README.md at the repository root (README.md is 50 MiB: only the first 1 MiB were read)',
    });
    expect(await checkRule('readme.title', files)).toMatchObject({
      status: 'pass',
    });
    expect(await checkRule('readme.sections', files)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(
        /missing .*\(README\.md is 50 MiB: only the first 1 MiB were read\)$/,
      ),
    });
  });

  it('is not applicable for the content rules without a README', async () => {
    const files = await repositoryFilesWith({ 'index.ts': '' });
    for (const id of [
      'readme.title',
      'readme.description',
      'readme.sections',
    ]) {
      expect(await checkRule(id, files)).toEqual({
        status: 'not-applicable',
        message: 'No README to check (see readme.exists)',
      });
    }
  });
});

describe('readme.title', () => {
  it.each([
    ['README.md', GOOD_README, "Title 'Ledger SDK' on line 3 of README.md"],
    [
      'README.md',
      'Ledger SDK\n==========\n\nText.\n',
      "Title 'Ledger SDK' on line 1 of README.md",
    ],
    [
      'README.rst',
      '==========\nLedger SDK\n==========\n',
      "Title 'Ledger SDK' on line 2 of README.rst",
    ],
    [
      'README.adoc',
      ':toc:\n= Ledger SDK\n',
      "Title 'Ledger SDK' on line 2 of README.adoc",
    ],
  ])('passes for a title in %s', async (path, text, message) => {
    const files = await repositoryFilesWith({ [path]: text });
    expect(await checkRule('readme.title', files)).toEqual({
      status: 'pass',
      message,
      files: [{ path, url: browseUrl(path) }],
    });
  });

  it('fails without any heading', async () => {
    const files = await repositoryFilesWith({
      'README.md': '[![CI](b.svg)](ci)\n',
    });
    expect(await checkRule('readme.title', files)).toMatchObject({
      status: 'fail',
      message:
        'Expected a title heading at the start of README.md, found no heading',
    });
  });

  it('fails when text comes before the first heading', async () => {
    const files = await repositoryFilesWith({
      'README.md':
        'This is the ledger SDK for everyone.\n\n## Install\n\nRun it.\n',
    });
    expect(await checkRule('readme.title', files)).toMatchObject({
      status: 'fail',
      message:
        "Expected a title heading at the start of README.md, found text on line 1 before the first heading ('Install', line 3)",
    });
  });
});

describe('readme.description', () => {
  it('passes with a paragraph after the title, quoting it', async () => {
    const files = await repositoryFilesWith({ 'README.md': GOOD_README });
    expect(await checkRule('readme.description', files)).toMatchObject({
      status: 'pass',
      message:
        'Description on line 7 of README.md: "Java and TypeScript SDK for posting payments to the ledger, used by every team…"',
    });
  });

  it('fails when only badges and links follow the title', async () => {
    const files = await repositoryFilesWith({
      'README.md':
        '# Ledger\n\n[![CI](b.svg)](ci) [![npm](n.svg)](npm)\n\n[Docs](docs.md) | [API](api.md)\n\n## Usage\n\nCall it.\n',
    });
    expect(await checkRule('readme.description', files)).toMatchObject({
      status: 'fail',
      message:
        'Expected a paragraph describing the project after the title in README.md, found only badges, images or links',
    });
  });

  it('fails when the next heading follows the title directly', async () => {
    const files = await repositoryFilesWith({
      'README.md': '# Ledger\n## Usage\n\nCall the ledger API.\n',
    });
    expect(await checkRule('readme.description', files)).toMatchObject({
      status: 'fail',
      message:
        "Expected a paragraph describing the project after the title in README.md, found the next heading ('Usage', line 2) right after it",
    });
  });

  it('reads reStructuredText', async () => {
    const files = await repositoryFilesWith({
      'README.rst':
        'Ledger\n======\n\n.. image:: https://ci/badge.svg\n\nPosts payments to the ledger.\n',
    });
    expect(await checkRule('readme.description', files)).toMatchObject({
      status: 'pass',
    });
  });
});

describe('readme.sections', () => {
  it('passes with all five sections, naming the headings found', async () => {
    const files = await repositoryFilesWith({ 'README.md': GOOD_README });
    expect(await checkRule('readme.sections', files)).toMatchObject({
      status: 'pass',
      message:
        "README.md has sections for getting started ('Getting started'), getting help ('Getting help'), getting involved ('Getting involved'), who maintains it ('Who we are') and contributing ('Contributing')",
    });
  });

  it('accepts synonyms in any case', async () => {
    const files = await repositoryFilesWith({
      'README.md':
        '# Ledger\n\n## QUICKSTART\n## Support & FAQ\n## Slack channels\n## Core team\n## How to Contribute\n',
    });
    expect(await checkRule('readme.sections', files)).toMatchObject({
      status: 'pass',
    });
  });

  it('lists what it found and what is missing', async () => {
    const files = await repositoryFilesWith({
      'docs/README.md':
        '# Slack notifier\n\nSends messages.\n\n## Installation\n\n## Contributing\n',
    });
    expect(await checkRule('readme.sections', files)).toEqual({
      status: 'fail',
      message:
        "Expected sections for getting started, getting help, getting involved, who maintains it and contributing in docs/README.md; found getting started ('Installation') and contributing ('Contributing'); missing getting help, getting involved and who maintains it",
      files: [{ path: 'docs/README.md', url: browseUrl('docs/README.md') }],
    });
  });

  it('reads AsciiDoc sections', async () => {
    const files = await repositoryFilesWith({
      'README.adoc':
        '= Ledger\n\nPosts payments.\n\n== Usage\n\n== Help\n\n== Community\n\n== Maintainers\n\n== Contributing\n',
    });
    expect(await checkRule('readme.sections', files)).toMatchObject({
      status: 'pass',
    });
  });
});
