import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { GitCommandError } from '../git/runGit';
import { GitObjectReader } from './GitObjectReader';
import { GitRepositoryFiles } from './GitRepositoryFiles';
import {
  createFixtureRepository,
  syncFixtureRepository,
} from './__testUtils__/repositoryFixtures';

jest.setTimeout(60_000);

const MiB = 1048576;

describe('GitObjectReader', () => {
  it('answers sizes and contents from one process, cut at a limit, and restarts after close', async () => {
    const dir = await createFixtureRepository({
      'a.txt': 'hello',
      'empty.txt': '',
      'big.md': { repeat: 'All work and no play. ', bytes: 8 * MiB },
    });
    const blob = (file: string) =>
      execFileSync('git', ['rev-parse', `HEAD:${file}`], { cwd: dir })
        .toString()
        .trim();
    const reader = new GitObjectReader({ cwd: dir, timeoutMs: 30_000 });
    expect(
      await reader.info(['HEAD:a.txt', '0'.repeat(40)], 'git cat-file'),
    ).toEqual([{ oid: blob('a.txt'), type: 'blob', size: 5 }, undefined]);

    const cut = await reader.contents(blob('a.txt'), 3, 'git cat-file blob');
    expect(cut).toMatchObject({ type: 'blob', size: 5 });
    expect(cut!.data.toString()).toBe('hel');
    const empty = await reader.contents(blob('empty.txt'), 3, 'cat-file');
    expect(empty).toMatchObject({ type: 'blob', size: 0 });
    expect(empty!.data).toHaveLength(0);

    // A large blob is not drained: the process ends, and the next question starts another.
    const big = await reader.contents(blob('big.md'), 1000, 'cat-file');
    expect(big).toMatchObject({ type: 'blob', size: 8 * MiB });
    expect(big!.data.toString()).toBe(
      'All work and no play. '.repeat(50).slice(0, 1000),
    );
    const whole = await reader.contents(blob('a.txt'), 100, 'cat-file');
    expect(whole!.data.toString()).toBe('hello');
    expect(await reader.contents('HEAD:missing.txt', 10, 'cat-file')).toBe(
      undefined,
    );

    await reader.close();
    await reader.close();
    expect(
      (await reader.contents('HEAD:a.txt', 100, 'cat-file'))!.data.toString(),
    ).toBe('hello');
    await reader.close();
  });

  it('fails a request that takes longer than the timeout as the one-off command would', async () => {
    const repo = await syncFixtureRepository(
      await createFixtureRepository({ 'a.txt': 'hello' }),
    );
    const blob = execFileSync('git', ['rev-parse', 'HEAD:a.txt'], {
      cwd: repo.dir,
    })
      .toString()
      .trim();
    // The blob is not in the partial clone, and fetching it hangs for 3 s.
    const reader = new GitObjectReader({
      cwd: repo.dir,
      config: {
        ...repo.gitConfig,
        'remote.origin.uploadpack': 'sleep 3; git-upload-pack',
      },
      timeoutMs: 300,
    });
    const error = await reader
      .contents(blob, 10, 'git cat-file blob')
      .catch(e => e);
    expect(error).toBeInstanceOf(GitCommandError);
    expect(error).toMatchObject({
      kind: 'timeout',
      message: 'git cat-file blob did not finish within 0 s',
    });
    // Closing does not wait for the fetch that the killed git left behind.
    const start = Date.now();
    await reader.close();
    expect(Date.now() - start).toBeLessThan(1500);
  });
});

describe('GitRepositoryFiles with its batch process', () => {
  it('reports a failed lazy fetch with git’s own error, as the one-off commands do', async () => {
    const source = await createFixtureRepository({
      'README.md': '# Ledger\n',
      'docs/guide.md': 'guide',
    });
    const repo = await syncFixtureRepository(source);
    fs.rmSync(source, { recursive: true, force: true }); // the promisor remote is gone
    const files = new GitRepositoryFiles({
      repo,
      entityPath: '',
      timeoutMs: 30_000,
    });
    // Trees are local: looking into folders needs no fetch.
    expect(await files.find(['CONTRIBUTING.md'])).toBeUndefined();
    // The size of a file found needs its blob.
    const error = await files.find(['README.md']).catch(e => e);
    expect(error).toBeInstanceOf(GitCommandError);
    expect(error.message).toMatch(
      /^git cat-file failed: .*could not fetch [0-9a-f]{40} from promisor remote/,
    );
    await files.close();
  });

  it('reads on after close', async () => {
    const source = await createFixtureRepository({
      'README.md': '# Ledger\n',
      LICENSE: 'MIT',
    });
    const files = new GitRepositoryFiles({
      repo: await syncFixtureRepository(source),
      entityPath: '',
      timeoutMs: 30_000,
    });
    const readme = (await files.find(['README.md']))!;
    await files.close();
    expect((await files.read(readme)).text).toBe('# Ledger\n');
    expect(await files.find(['LICENSE'])).toEqual({ path: 'LICENSE', size: 3 });
    await files.close();
  });
});
