import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import {
  GitRepositoryCache,
  SyncedRepository,
} from '../../git/GitRepositoryCache';
import { createBareRepository, tempDir } from '../../__testUtils__/gitFixtures';
import { GitRepositoryFiles } from '../GitRepositoryFiles';

/** Content made while it is written to git, for files too large to hold as a test string. */
export interface GeneratedContent {
  /** Repeated to fill the file. */
  repeat: string;
  /** Size of the file in bytes. */
  bytes: number;
}

/** The content of a fixture file: text, raw bytes (binary, invalid UTF-8) or generated. */
export type FixtureContent = string | Buffer | GeneratedContent;

const CLONE_TIMEOUT_MS = 30_000;

/** Where test links point, so that tests can check the `url` of files. */
export const browseUrl = (file: string) =>
  `https://git.example/acme/fixture/blob/main/${file}`;

function writeChunk(stream: NodeJS.WritableStream, chunk: string | Buffer) {
  return new Promise<void>(resolve => {
    if (stream.write(chunk)) resolve();
    else stream.once('drain', () => resolve());
  });
}

/**
 * Appends a commit with byte or generated contents to `main`, streaming them into
 * `git fast-import` so that a 50 MB file never exists as one buffer in the test.
 */
async function appendCommitWithLargeOrBinaryFiles(
  dir: string,
  files: Record<string, Buffer | GeneratedContent>,
  hasParent: boolean,
) {
  const child = spawn('git', ['fast-import', '--quiet'], {
    cwd: dir,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', chunk => {
    stderr += chunk.toString();
  });
  const done = new Promise<void>((resolve, reject) =>
    child.on('close', code =>
      code === 0
        ? resolve()
        : reject(new Error(`git fast-import failed: ${stderr}`)),
    ),
  );
  const message = 'binary and large files';
  await writeChunk(
    child.stdin,
    [
      'commit refs/heads/main',
      'committer Fixture <fixture@acme.example> 1767225600 +0000',
      `data ${message.length}`,
      message,
      ...(hasParent ? ['from refs/heads/main^0'] : []),
      '',
    ].join('\n'),
  );
  for (const [file, content] of Object.entries(files)) {
    const size = Buffer.isBuffer(content) ? content.length : content.bytes;
    await writeChunk(child.stdin, `M 100644 inline ${file}\ndata ${size}\n`);
    if (Buffer.isBuffer(content)) {
      await writeChunk(child.stdin, content);
    } else {
      const unit = Buffer.from(content.repeat);
      const block = Buffer.concat(
        Array(Math.max(1, Math.floor(1048576 / unit.length))).fill(unit),
      );
      for (let written = 0; written < size; written += block.length) {
        await writeChunk(
          child.stdin,
          block.subarray(0, Math.min(block.length, size - written)),
        );
      }
    }
    await writeChunk(child.stdin, '\n');
  }
  child.stdin.end();
  await done;
}

/**
 * Writes a bare repository whose `main` holds exactly these files (path -> content) and lets
 * clients make blob-less partial clones of it, as GitHub and GitLab do. Text files go through
 * the shared `createBareRepository`; bytes and generated files are added in a second commit.
 * No files: an empty repository.
 */
export async function createFixtureRepository(
  files: Record<string, FixtureContent>,
): Promise<string> {
  const dir = path.join(tempDir('lint-repo'), 'repo.git');
  const text: Record<string, string> = {};
  const other: Record<string, Buffer | GeneratedContent> = {};
  for (const [file, content] of Object.entries(files)) {
    if (typeof content === 'string') text[file] = content;
    else other[file] = content;
  }
  const hasText = Object.keys(text).length > 0;
  createBareRepository(
    dir,
    hasText
      ? [
          {
            name: 'Fixture',
            email: 'fixture@acme.example',
            date: '2026-01-01T00:00:00Z',
            files: text,
          },
        ]
      : [],
  );
  if (Object.keys(other).length > 0) {
    await appendCommitWithLargeOrBinaryFiles(dir, other, hasText);
  }
  for (const [key, value] of [
    ['uploadpack.allowFilter', 'true'],
    ['uploadpack.allowAnySHA1InWant', 'true'],
  ]) {
    execFileSync('git', ['config', key, value], { cwd: dir });
  }
  return dir;
}

/** Clones a fixture repository through the production cache (a file:// URL, partial clone). */
export async function syncFixtureRepository(
  dir: string,
): Promise<SyncedRepository> {
  const cache = new GitRepositoryCache({
    cacheDir: tempDir('lint-cache'),
    credentials: { authorizationHeader: async () => undefined },
    timeoutMs: CLONE_TIMEOUT_MS,
    maxSizeBytes: 1024 * 1048576,
  });
  return cache.sync(`file://${dir}`);
}

/**
 * A repository with these files, read exactly as production reads it: cloned through
 * GitRepositoryCache and wrapped in GitRepositoryFiles for an entity at `entityPath`.
 */
export async function repositoryFilesWith(
  files: Record<string, FixtureContent>,
  options: { entityPath?: string } = {},
): Promise<GitRepositoryFiles> {
  const repo = await syncFixtureRepository(
    await createFixtureRepository(files),
  );
  return new GitRepositoryFiles({
    repo,
    entityPath: options.entityPath ?? '',
    timeoutMs: CLONE_TIMEOUT_MS,
    browseUrl,
  });
}
