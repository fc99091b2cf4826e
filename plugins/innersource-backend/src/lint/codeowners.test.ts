import {
  classifyOwner,
  codeownersPatternMatches,
  isCatchAllPattern,
  ownersOfFolder,
  parseCodeowners,
} from './codeowners';

describe('classifyOwner', () => {
  it.each([
    ['@maria', 'user'],
    ['@maria-g', 'user'],
    ['@acme/ledger-team', 'team'],
    ['@acme/platform/ledger', 'team'],
    ['maria@acme.example', 'email'],
    ['@@maintainer', 'role'],
    ['maria', undefined],
    ['@', undefined],
    ['@maria!', undefined],
    ['@acme/', undefined],
  ])('%s is %s', (token, kind) => {
    expect(classifyOwner(token, 1)?.kind).toBe(kind);
  });
});

describe('parseCodeowners', () => {
  it('reads rules, comments and escapes', () => {
    const parsed = parseCodeowners(
      [
        '# Owners of the ledger SDK',
        '*       @acme/ledger-team',
        '',
        '/docs/  @maria  writer@acme.example # docs team',
        'my\\ file.txt @sam',
        '\\#notes.md @sam',
      ].join('\n'),
    );
    expect(parsed.problems).toEqual([]);
    expect(
      parsed.rules.map(r => [r.line, r.pattern, r.owners.map(o => o.raw)]),
    ).toEqual([
      [2, '*', ['@acme/ledger-team']],
      [4, '/docs/', ['@maria', 'writer@acme.example']],
      [5, 'my file.txt', ['@sam']],
      [6, '#notes.md', ['@sam']],
    ]);
  });

  it('reports invalid owners and rules without owners, with line numbers', () => {
    const parsed = parseCodeowners(
      '* @acme/ledger-team\n/docs/ maria\n/build/\n',
    );
    expect(parsed.problems).toEqual([
      {
        line: 2,
        message:
          "'maria' is not a valid owner (expected @user, @org/team or an email address)",
      },
      { line: 3, message: "'/build/' has no owners, so its files have none" },
    ]);
  });

  it('reads GitLab sections and their default owners', () => {
    const parsed = parseCodeowners(
      [
        '[Documentation] @acme/writers',
        'docs/',
        '^[Database][2] @dba',
        'db/ @maria',
        '[Broken',
      ].join('\n'),
    );
    expect(
      parsed.sections.map(s => [s.name, s.defaultOwners.map(o => o.raw)]),
    ).toEqual([
      ['Documentation', ['@acme/writers']],
      ['Database', ['@dba']],
    ]);
    expect(
      parsed.rules.map(r => [r.section, r.pattern, r.owners.map(o => o.raw)]),
    ).toEqual([
      ['Documentation', 'docs/', ['@acme/writers']],
      ['Database', 'db/', ['@maria']],
    ]);
    expect(parsed.problems).toEqual([
      {
        line: 5,
        message:
          "'[Broken' looks like a section header but is not closed with ]",
      },
    ]);
  });
});

describe('isCatchAllPattern', () => {
  it.each([
    ['*', true],
    ['**', true],
    ['/**', true],
    ['/*', false],
    ['*.js', false],
  ])('%s', (pattern, expected) => {
    expect(isCatchAllPattern(pattern)).toBe(expected);
  });
});

describe('codeownersPatternMatches', () => {
  it.each([
    ['*', 'a/b/c.js', true],
    ['*.js', 'src/deep/app.js', true],
    ['*.js', 'src/app.ts', false],
    ['/build/logs/', 'build/logs/a/b.log', true],
    ['/build/logs/', 'x/build/logs/b.log', false],
    ['docs/', 'x/docs/a.md', true], // a trailing slash alone does not anchor
    ['docs', 'x/docs/a.md', true],
    ['apps/', 'apps/a.js', true],
    ['/apps/github', 'apps/github/x/y.js', true],
    ['docs/*', 'docs/a.md', true],
    ['docs/*', 'docs/guides/b.md', false], // GitHub: `*` at the end matches files only
    ['/*', 'README.md', true],
    ['/*', 'src/index.ts', false],
    ['**/logs', 'a/b/logs/x.log', true],
    ['/packages/**/test/', 'packages/a/b/test/x.ts', true],
    ['/packages/ledger/', 'packages/ledger-cli/x.ts', false],
  ])('%s ~ %s is %s', (pattern, path, expected) => {
    expect(codeownersPatternMatches(pattern, path)).toBe(expected);
  });
});

describe('ownersOfFolder', () => {
  const parsed = parseCodeowners(
    [
      '* @acme/platform',
      '/packages/ledger/ @acme/ledger-team',
      '/packages/ledger/docs/ @writer',
      '/packages/shop/ @acme/shop-team',
      '*.md @maria',
    ].join('\n'),
  );
  const owners = (folder: string) => [
    ...new Set(ownersOfFolder(parsed, folder).map(o => o.raw)),
  ];

  it('takes the last matching rule for the folder plus the rules inside it', () => {
    expect(owners('packages/ledger')).toEqual(['@acme/ledger-team', '@writer']);
    expect(owners('packages/other')).toEqual(['@acme/platform']);
  });

  it('takes every owner for the whole repository', () => {
    expect(owners('')).toEqual([
      '@acme/platform',
      '@acme/ledger-team',
      '@writer',
      '@acme/shop-team',
      '@maria',
    ]);
  });

  it('applies the last match of every GitLab section', () => {
    const sections = parseCodeowners('[Code]\n* @dev\n[Docs] @writer\n/lib/\n');
    expect(ownersOfFolder(sections, 'lib').map(o => o.raw)).toEqual([
      '@dev',
      '@writer',
    ]);
  });
});
