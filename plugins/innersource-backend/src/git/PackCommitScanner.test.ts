import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  createBareRepository,
  FixtureCommit,
  tempDir,
} from '../__testUtils__/gitFixtures';
import {
  commitIdsFromPackIndex,
  PackCommitScanner,
  ScannedPack,
} from './PackCommitScanner';

const git = (cwd: string, args: string[], input?: string | Buffer) =>
  execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30 });

const history: FixtureCommit[] = [
  { name: 'Maria Gonzalez', email: 'maria@acme.example', date: '2026-01-01' },
  { name: 'Sam', email: 'SAM@ACME.EXAMPLE', date: '2026-01-02' },
  { name: 'Zoë Ünicode', email: 'zoe@acme.example', date: '2026-01-03' },
  { name: 'Sam', email: 'sam@acme.example', date: '2026-01-04', mergeOf: 0 },
  {
    name: 'dependabot[bot]',
    email: '49699333+dependabot[bot]@users.noreply.github.com',
    date: '2026-01-05',
    message: `${'a long message '.repeat(5000)}\n`,
  },
];

/** The pack a commits-only clone of the repository receives. */
function commitsPack(repo: string): Buffer {
  return git(
    repo,
    [
      'pack-objects',
      '--revs',
      '--stdout',
      '--filter=tree:0',
      '--delta-base-offset',
      '-q',
    ],
    'main\n',
  );
}

function scan(pack: Buffer, chunkSize: number, inflater?: 'public') {
  const scanner = new PackCommitScanner(inflater ? { inflater } : {});
  for (let i = 0; i < pack.length; i += chunkSize) {
    scanner.push(pack.subarray(i, i + chunkSize));
  }
  return { scanner, result: scanner.finish() };
}

/** What `git log` says of the same commits, by id. */
function logOf(repo: string) {
  const lines = git(repo, [
    '-c',
    'log.mailmap=false',
    'log',
    '--format=%H|%P|%an <%ae>|%at|%ct',
    'main',
  ])
    .toString('utf8')
    .trim()
    .split('\n');
  return new Map(
    lines.map(line => {
      const [sha, parents, contact, authorTime, commitTime] = line.split('|');
      return [
        sha,
        {
          contact,
          authorTime: Number(authorTime),
          commitTime: Number(commitTime),
          merge: parents.split(' ').length > 1,
        },
      ];
    }),
  );
}

/** Indexes a pack with git, as the clone does, and returns the index. */
function indexOf(pack: Buffer): Buffer {
  const dir = tempDir('pack-index');
  fs.writeFileSync(path.join(dir, 'p.pack'), pack);
  git(dir, ['index-pack', 'p.pack']);
  return fs.readFileSync(path.join(dir, 'p.idx'));
}

function byId(result: ScannedPack, ids: string[]) {
  return new Map(
    ids.map((id, i) => [
      id,
      {
        contact: result.contacts[result.authors[i]],
        authorTime: result.authorTimes[i],
        commitTime: result.commitTimes[i],
        merge: result.merges[i],
      },
    ]),
  );
}

describe('PackCommitScanner', () => {
  const repo = createBareRepository(
    path.join(tempDir('scanner'), 'repo.git'),
    history,
  );
  const pack = commitsPack(repo);

  it.each([
    ['whole', 1 << 30, undefined],
    ['in 7-byte pieces', 7, undefined],
    ['in 64 KiB pieces', 65536, undefined],
    ['through the public zlib API', 7, 'public' as const],
  ])(
    'reads every commit of a commits-only pack (%s) as git log does',
    (_, size, inflater) => {
      const { scanner, result } = scan(pack, size, inflater);
      expect(scanner.abandoned).toBeUndefined();
      expect(result!.count).toBe(history.length);
      const ids = commitIdsFromPackIndex(indexOf(pack), result!);
      expect(byId(result!, ids!)).toEqual(logOf(repo));
      expect(result!.contacts).toContain('Zoë Ünicode <zoe@acme.example>');
    },
  );

  it('gives up on packs with other objects, deltas excluded or not', () => {
    const full = git(
      repo,
      ['pack-objects', '--revs', '--stdout', '-q'],
      'main\n',
    );
    const { scanner, result } = scan(full, 4096);
    expect(result).toBeUndefined();
    expect(scanner.abandoned).toMatch(/tree|blob/);
  });

  it('gives up on a truncated pack and on one that is not a pack', () => {
    expect(
      scan(pack.subarray(0, pack.length - 30), 100).result,
    ).toBeUndefined();
    const other = scan(Buffer.from('not a pack at all, really'), 5);
    expect(other.result).toBeUndefined();
    expect(other.scanner.abandoned).toMatch(/not a version 2 or 3 pack/);
  });

  it('leaves commits in other encodings than UTF-8 to git', () => {
    const dir = createBareRepository(
      path.join(tempDir('latin1'), 'repo.git'),
      history.slice(0, 1),
    );
    const tree = git(dir, ['rev-parse', 'main^{tree}']).toString().trim();
    const commit = git(dir, [
      '-c',
      'i18n.commitEncoding=ISO-8859-1',
      'commit-tree',
      tree,
      '-p',
      'main',
      '-m',
      'caf\xe9',
    ])
      .toString()
      .trim();
    git(dir, ['update-ref', 'refs/heads/main', commit]);
    const { scanner, result } = scan(commitsPack(dir), 1000);
    expect(result).toBeUndefined();
    expect(scanner.abandoned).toMatch(/encoding/);
  });

  it('maps commits to their ids only through the index of exactly that pack', () => {
    const { result } = scan(pack, 1000);
    const other = createBareRepository(
      path.join(tempDir('other'), 'repo.git'),
      history.slice(0, 2),
    );
    expect(
      commitIdsFromPackIndex(indexOf(commitsPack(other)), result!),
    ).toBeUndefined();
    expect(commitIdsFromPackIndex(Buffer.alloc(2000), result!)).toBeUndefined();
  });
});
