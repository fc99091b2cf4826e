import { Entity } from '@backstage/catalog-model';
import { CatalogIndex } from '../compute/CatalogIndex';
import { entity, withCatalogRelations } from '../__testUtils__/catalogFixtures';
import {
  browseUrl,
  repositoryFilesWith,
} from './__testUtils__/repositoryFixtures';
import { checkRule } from './__testUtils__/ruleFixtures';

jest.setTimeout(60_000);

/** team-ledger (maria, sam, tina via the GitHub team acme/ledger), team-shop (zoe), and a lone user. */
function catalog(): CatalogIndex {
  const entities: Entity[] = [
    entity(
      'Group',
      'team-ledger',
      { type: 'team', children: [] },
      {
        annotations: { 'github.com/team-slug': 'acme/ledger' },
      },
    ),
    entity('Group', 'team-shop', { type: 'team', children: [] }),
    entity(
      'User',
      'maria',
      { memberOf: ['team-ledger'], profile: { email: 'maria@acme.example' } },
      {
        annotations: { 'github.com/user-login': 'maria-gh' },
      },
    ),
    entity(
      'User',
      'sam',
      { memberOf: ['team-ledger'] },
      { annotations: { 'gitlab.com/user-login': 'samuel' } },
    ),
    entity('User', 'tina', {
      memberOf: ['team-ledger'],
      profile: { email: 'Tina@Acme.example' },
    }),
    entity('User', 'zoe', { memberOf: ['team-shop'] }),
  ];
  return new CatalogIndex(withCatalogRelations(entities));
}

const GOOD =
  '# Ledger SDK\n* @acme/ledger\n/docs/ @maria-gh tina@acme.example\n';

describe('codeowners.exists', () => {
  it.each([
    ['.github/CODEOWNERS'],
    ['CODEOWNERS'],
    ['docs/CODEOWNERS'],
    ['.gitlab/CODEOWNERS'],
    ['.github/codeowners'],
  ])('finds %s', async path => {
    const files = await repositoryFilesWith({ [path]: GOOD });
    expect(await checkRule('codeowners.exists', files)).toEqual({
      status: 'pass',
      message: `Found ${path} with 2 rule(s)`,
      files: [{ path, url: browseUrl(path) }],
    });
  });

  it('fails without CODEOWNERS, and names one the SCM ignores', async () => {
    const none = await repositoryFilesWith({ 'README.md': '# x\n' });
    expect(await checkRule('codeowners.exists', none)).toEqual({
      status: 'fail',
      message:
        'Expected a CODEOWNERS file in .github/, docs/, .gitlab/ or the root of the repository, found none',
    });
    const misplaced = await repositoryFilesWith(
      { 'packages/ledger/.github/CODEOWNERS': GOOD },
      { entityPath: 'packages/ledger' },
    );
    expect(await checkRule('codeowners.exists', misplaced)).toMatchObject({
      status: 'fail',
      message:
        'Expected a CODEOWNERS file in .github/, docs/, .gitlab/ or the root of the repository, found only packages/ledger/.github/CODEOWNERS, which GitHub and GitLab ignore',
    });
  });

  it('fails for a file without rules', async () => {
    const files = await repositoryFilesWith({
      CODEOWNERS: '# TODO: add owners\n\n',
    });
    expect(await checkRule('codeowners.exists', files)).toMatchObject({
      status: 'fail',
      message: 'Expected CODEOWNERS rules, found CODEOWNERS without any',
    });
  });

  it('is not applicable for the other rules without CODEOWNERS', async () => {
    const files = await repositoryFilesWith({ 'README.md': '# x\n' });
    for (const id of [
      'codeowners.syntax',
      'codeowners.catch-all',
      'codeowners.owners-resolve',
    ]) {
      expect(await checkRule(id, files)).toEqual({
        status: 'not-applicable',
        message: 'No CODEOWNERS file to check (see codeowners.exists)',
      });
    }
    expect(await checkRule('ownership.maintainers', files)).toEqual({
      status: 'not-applicable',
      message:
        'No CODEOWNERS file to count maintainers from (see codeowners.exists)',
    });
  });

  it('reports a binary CODEOWNERS', async () => {
    const files = await repositoryFilesWith({
      '.github/CODEOWNERS': Buffer.from('* @a\0\0'),
    });
    expect(await checkRule('codeowners.exists', files)).toMatchObject({
      status: 'fail',
      message:
        'Expected a text CODEOWNERS file, found .github/CODEOWNERS is binary (6 bytes), expected text',
    });
    expect(await checkRule('codeowners.syntax', files)).toMatchObject({
      status: 'not-applicable',
    });
  });
});

describe('codeowners.syntax', () => {
  it('passes for valid rules, including GitLab sections', async () => {
    const files = await repositoryFilesWith({
      '.gitlab/CODEOWNERS':
        '[Code] @acme/ledger\n*\n[Docs][2] @maria-gh\n/docs/\n',
    });
    expect(await checkRule('codeowners.syntax', files)).toMatchObject({
      status: 'pass',
      message: '.gitlab/CODEOWNERS: 2 rule(s), no problems',
    });
  });

  it('reports every problem with its line number', async () => {
    const files = await repositoryFilesWith({
      '.github/CODEOWNERS':
        '* @acme/ledger\n/docs/ maria team-ledger\n/build/\n[Unclosed\n/src/ @sam!\n',
    });
    expect(await checkRule('codeowners.syntax', files)).toEqual({
      status: 'fail',
      message:
        "Expected every line of .github/CODEOWNERS to be a pattern followed by valid owners, found 5 problem(s): line 2: 'maria' is not a valid owner (expected @user, @org/team or an email address), line 2: 'team-ledger' is not a valid owner (expected @user, @org/team or an email address), line 3: '/build/' has no owners, so its files have none, line 4: '[Unclosed' looks like a section header but is not closed with ], line 5: '@sam!' is not a valid owner (expected @user, @org/team or an email address)",
      files: [
        { path: '.github/CODEOWNERS', url: browseUrl('.github/CODEOWNERS') },
      ],
    });
  });
});

describe('codeowners.catch-all', () => {
  it('passes with a catch-all first', async () => {
    const files = await repositoryFilesWith({ '.github/CODEOWNERS': GOOD });
    expect(await checkRule('codeowners.catch-all', files)).toMatchObject({
      status: 'pass',
      message: "'*' on line 2 of .github/CODEOWNERS is owned by @acme/ledger",
    });
  });

  it('fails without a catch-all', async () => {
    const files = await repositoryFilesWith({
      CODEOWNERS: '/src/ @maria-gh\n/docs/ @sam\n/*.md @tina\n',
    });
    expect(await checkRule('codeowners.catch-all', files)).toMatchObject({
      status: 'fail',
      message:
        "Expected a catch-all rule ('* @owner') in CODEOWNERS, found 3 rule(s) for specific paths only: /src/, /docs/, /*.md",
    });
  });

  it('fails for a catch-all that comes after the rules it overrides', async () => {
    const files = await repositoryFilesWith({
      CODEOWNERS: '/docs/ @maria-gh\n/src/ @sam\n/** @acme/ledger\n',
    });
    expect(await checkRule('codeowners.catch-all', files)).toMatchObject({
      status: 'fail',
      message:
        "Expected the catch-all rule first, found '/**' on line 3 after 2 rule(s) that it overrides (the last matching rule wins): /docs/ (line 1), /src/ (line 2)",
    });
  });

  it('fails for a catch-all without owners', async () => {
    const files = await repositoryFilesWith({ CODEOWNERS: '*\n/src/ @sam\n' });
    expect(await checkRule('codeowners.catch-all', files)).toMatchObject({
      status: 'fail',
      message:
        "Expected a catch-all rule with owners in CODEOWNERS, found '*' on line 1 without owners",
    });
  });
});

describe('codeowners.owners-resolve', () => {
  it('passes when logins, teams and emails are in the catalog', async () => {
    const files = await repositoryFilesWith({
      '.github/CODEOWNERS': `${GOOD}/ci/ @samuel @acme/team-shop\n`,
    });
    expect(
      await checkRule('codeowners.owners-resolve', files, {
        catalog: catalog(),
      }),
    ).toMatchObject({
      status: 'pass',
      message:
        '5 owner(s) in .github/CODEOWNERS are in the catalog: @acme/ledger → group:default/team-ledger, @maria-gh → user:default/maria, tina@acme.example → user:default/tina, @samuel → user:default/sam, @acme/team-shop → group:default/team-shop',
    });
  });

  it('fails naming the owners that are not in the catalog, with their lines', async () => {
    const files = await repositoryFilesWith({
      CODEOWNERS:
        '* @acme/ledger @ghost\n/docs/ left@acme.example @acme/ghosts @ghost\n/db/ @@maintainer\n',
    });
    expect(
      await checkRule('codeowners.owners-resolve', files, {
        catalog: catalog(),
      }),
    ).toMatchObject({
      status: 'fail',
      message:
        'Expected every owner in CODEOWNERS to be a User or Group in the catalog; not found: @ghost (line 1), left@acme.example (line 2), @acme/ghosts (line 2); found: @acme/ledger → group:default/team-ledger (@@maintainer: roles, not checked)',
    });
  });
});

describe('ownership.maintainers', () => {
  it('counts the members of owning groups and people, once each', async () => {
    const files = await repositoryFilesWith({ '.github/CODEOWNERS': GOOD });
    expect(
      await checkRule('ownership.maintainers', files, { catalog: catalog() }),
    ).toMatchObject({
      status: 'pass',
      message:
        '3 maintainers (maria, sam, tina; via @acme/ledger: 3 member(s))',
    });
  });

  it('fails with too few, naming them and the owners it could not count', async () => {
    const files = await repositoryFilesWith({
      CODEOWNERS: '* @maria-gh @ghost\n',
    });
    expect(
      await checkRule('ownership.maintainers', files, { catalog: catalog() }),
    ).toEqual({
      status: 'fail',
      message:
        'Expected at least 2 maintainers, found 1 (maria; not counted, not in the catalog: @ghost)',
      files: [{ path: 'CODEOWNERS', url: browseUrl('CODEOWNERS') }],
    });
  });

  it('fails with too many, by the refresh settings', async () => {
    const files = await repositoryFilesWith({
      CODEOWNERS: '* @acme/ledger @acme/team-shop\n',
    });
    expect(
      await checkRule('ownership.maintainers', files, {
        catalog: catalog(),
        settings: { maintainers: { min: 1, max: 3 } },
      }),
    ).toMatchObject({
      status: 'fail',
      message:
        'Expected at most 3 maintainers, found 4 (maria, sam, tina, zoe; via @acme/ledger: 3 member(s), @acme/team-shop: 1 member(s))',
    });
  });

  it("counts only the owners of the entity's folder in a monorepo", async () => {
    const tree = {
      '.github/CODEOWNERS':
        '* @acme/platform-admins\n/packages/ledger/ @maria-gh @samuel\n/packages/shop/ @zoe\n',
    };
    const ledger = await repositoryFilesWith(tree, {
      entityPath: 'packages/ledger',
    });
    expect(
      await checkRule('ownership.maintainers', ledger, { catalog: catalog() }),
    ).toMatchObject({
      status: 'pass',
      message: '2 maintainers for packages/ledger/ (maria, sam)',
    });
    const shop = await repositoryFilesWith(tree, {
      entityPath: 'packages/shop',
    });
    expect(
      await checkRule('ownership.maintainers', shop, { catalog: catalog() }),
    ).toMatchObject({
      status: 'fail',
      message:
        'Expected at least 2 maintainers for packages/shop/, found 1 (zoe)',
    });
  });
});
