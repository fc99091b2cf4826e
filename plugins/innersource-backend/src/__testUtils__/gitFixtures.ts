import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A commit to write into a test repository. */
export interface FixtureCommit {
  name: string;
  email: string;
  /** ISO date or Date of the author (and committer) time. */
  date: string | Date;
  /** Files to write (path -> content). Defaults to one file changed per commit. */
  files?: Record<string, string>;
  /** Makes a merge commit joining this index of an earlier commit (0-based) as second parent. */
  mergeOf?: number;
  message?: string;
}

function seconds(date: string | Date) {
  return Math.floor(new Date(date).getTime() / 1000);
}

const tempDirs: string[] = [];
process.once('exit', () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed when the test process exits. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `innersource-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

/**
 * Writes a bare git repository with exactly these commits on `main`, in order (oldest first),
 * using `git fast-import` so that even large histories take moments.
 */
export function createBareRepository(
  dir: string,
  commits: FixtureCommit[],
  options: { appendTo?: boolean } = {},
) {
  if (!options.appendTo) {
    execFileSync('git', [
      'init',
      '--quiet',
      '--bare',
      '--initial-branch=main',
      dir,
    ]);
  }
  const parent = options.appendTo
    ? spawnSync('git', ['rev-parse', '--verify', '--quiet', 'main'], {
        cwd: dir,
      })
        .stdout.toString()
        .trim()
    : '';
  if (commits.length === 0) return dir;
  const chunks: string[] = [];
  commits.forEach((commit, index) => {
    const mark = index + 1;
    const when = `${seconds(commit.date)} +0000`;
    const message = commit.message ?? `change ${mark}`;
    chunks.push(
      'commit refs/heads/main',
      `mark :${mark}`,
      `author ${commit.name} <${commit.email}> ${when}`,
      `committer ${commit.name} <${commit.email}> ${when}`,
      `data ${Buffer.byteLength(message)}`,
      message,
    );
    if (index > 0) chunks.push(`from :${index}`);
    else if (parent) chunks.push(`from ${parent}`);
    if (commit.mergeOf !== undefined)
      chunks.push(`merge :${commit.mergeOf + 1}`);
    const files = commit.files ?? {
      [`file-${mark % 50}.txt`]: `content ${mark}\n`,
    };
    for (const [file, content] of Object.entries(files)) {
      chunks.push(
        `M 100644 inline ${file}`,
        `data ${Buffer.byteLength(content)}`,
        content,
      );
    }
    chunks.push('');
  });
  execFileSync('git', ['fast-import', '--quiet', '--force'], {
    cwd: dir,
    input: `${chunks.join('\n')}\n`,
    maxBuffer: 1024 * 1024 * 1024,
  });
  return dir;
}
