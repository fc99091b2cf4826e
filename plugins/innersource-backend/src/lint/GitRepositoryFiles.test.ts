import { execFileSync } from 'node:child_process';
import { GitRepositoryFiles } from './GitRepositoryFiles';
import {
  browseUrl,
  createFixtureRepository,
  repositoryFilesWith,
  syncFixtureRepository,
} from './__testUtils__/repositoryFixtures';

jest.setTimeout(60_000);

/** Blobs not yet fetched into the partial clone (read-only: rev-list fetches nothing with this). */
function missingBlobs(dir: string): number {
  return execFileSync(
    'git',
    ['rev-list', '--objects', '--missing=print', 'HEAD'],
    { cwd: dir },
  )
    .toString()
    .split('\n')
    .filter(line => line.startsWith('?')).length;
}

describe('GitRepositoryFiles', () => {
  it('finds files case-insensitively, keeping the stored case, with size and link', async () => {
    const files = await repositoryFilesWith({
      'readme.MD': '# Ledger\n',
      'src/index.ts': 'x',
    });
    expect(await files.find(['README.md'])).toEqual({
      path: 'readme.MD',
      size: 9,
      url: browseUrl('readme.MD'),
    });
    expect(await files.find([/^index\.ts$/], ['src'])).toMatchObject({
      path: 'src/index.ts',
    });
    expect(await files.find(['CONTRIBUTING.md'])).toBeUndefined();
  });

  it('searches the entity folder before the repository root, and names in the given order', async () => {
    const files = await repositoryFilesWith(
      {
        'README.md': '# Monorepo\n',
        'CONTRIBUTING.md': 'root guide',
        'packages/ledger/README.rst': 'Ledger\n======\n',
        'packages/ledger/README.md': '# Ledger\n',
        'packages/ledger/docs/CONTRIBUTING.md': 'ledger guide',
        '.github/CODEOWNERS': '* @acme/platform\n',
      },
      { entityPath: 'packages/ledger/' },
    );
    expect(files.entityPath).toBe('packages/ledger');
    expect((await files.find(['README.md', 'README.rst']))?.path).toBe(
      'packages/ledger/README.md',
    );
    expect((await files.find(['README.rst', 'README.md']))?.path).toBe(
      'packages/ledger/README.rst',
    );
    // the entity's docs/ comes before the root
    expect((await files.find(['CONTRIBUTING.md']))?.path).toBe(
      'packages/ledger/docs/CONTRIBUTING.md',
    );
    expect((await files.find(['CODEOWNERS']))?.path).toBe('.github/CODEOWNERS');
    expect((await files.find(['README.md'], ['']))?.path).toBe('README.md');
  });

  it('lists the files of a folder (not its sub-folders), resolving folder names case-insensitively', async () => {
    const files = await repositoryFilesWith({
      '.github/ISSUE_TEMPLATE/bug.md': 'bug',
      '.github/ISSUE_TEMPLATE/config.yml': 'blank_issues_enabled: false\n',
      '.github/ISSUE_TEMPLATE/nested/x.md': 'x',
      'README.md': '# x\n',
    });
    const listed = await files.list('.GitHub/issue_template/');
    expect(listed.map(f => [f.path, f.size])).toEqual([
      ['.github/ISSUE_TEMPLATE/bug.md', 3],
      ['.github/ISSUE_TEMPLATE/config.yml', 28],
    ]);
    expect(await files.list('no/such/folder')).toEqual([]);
    expect(await files.list('README.md')).toEqual([]); // a file is not a folder
    expect(
      await files.find(['README.md'], ['missing', 'docs']),
    ).toBeUndefined();
  });

  it('reads text, cached', async () => {
    const files = await repositoryFilesWith({
      'README.md': '# Ledger — SDK\n',
    });
    const readme = (await files.find(['README.md']))!;
    const content = await files.read(readme);
    expect(content).toEqual({
      text: '# Ledger — SDK\n',
      binary: false,
      truncated: false,
      size: 17,
    });
    expect(await files.read(readme)).toBe(content);
  });

  it('recognises binary files: NUL bytes and invalid UTF-8', async () => {
    const files = await repositoryFilesWith({
      'logo.png': Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
      ]),
      'latin1.txt': Buffer.from('caf\xe9 cr\xe8me', 'latin1'),
    });
    const [latin1, logo] = await files.list('');
    expect(await files.read(logo)).toEqual({
      binary: true,
      truncated: false,
      size: 12,
    });
    expect(await files.read(latin1)).toEqual({
      binary: true,
      truncated: false,
      size: 10,
    });
  });

  it('reads only up to the limit of a large file, and says it cut it', async () => {
    const files = await repositoryFilesWith({
      'big.md': { repeat: 'All work and no play. ', bytes: 50 * 1048576 },
      'small.md': 'a'.repeat(100),
    });
    const big = (await files.find(['big.md']))!;
    expect(big.size).toBe(50 * 1048576);
    const content = await files.read(big);
    expect(content).toMatchObject({
      binary: false,
      truncated: true,
      size: 50 * 1048576,
    });
    expect(content.text).toHaveLength(1048576);
    expect(content.text!.startsWith('All work and no play. All work')).toBe(
      true,
    );

    const small = (await files.find(['small.md']))!;
    const cut = await files.read(small, { maxBytes: 10 });
    expect(cut).toEqual({
      text: 'aaaaaaaaaa',
      binary: false,
      truncated: true,
      size: 100,
    });
  });

  it('has no files in an empty repository', async () => {
    const files = await repositoryFilesWith({});
    expect(await files.find(['README.md'])).toBeUndefined();
    expect(await files.list('')).toEqual([]);
  });

  it('fetches only the contents of the files it returns from a partial clone', async () => {
    const repo = await syncFixtureRepository(
      await createFixtureRepository({
        'README.md': '# Ledger\n',
        LICENSE: 'MIT',
        'src/a.ts': 'a',
        'src/b.ts': 'b',
        'docs/guide.md': 'guide',
      }),
    );
    expect(missingBlobs(repo.dir)).toBe(5);
    const files = new GitRepositoryFiles({
      repo,
      entityPath: '',
      timeoutMs: 30_000,
    });
    await files.list('src/');
    await files.list('docs');
    expect(missingBlobs(repo.dir)).toBe(5 - 1 - 2);
    const readme = await files.find(['README.md']);
    expect(readme).toEqual({ path: 'README.md', size: 9 }); // no link without browseUrl
    expect(missingBlobs(repo.dir)).toBe(1); // LICENSE was listed, never fetched
    expect((await files.read(readme!)).text).toBe('# Ledger\n');
  });
});
