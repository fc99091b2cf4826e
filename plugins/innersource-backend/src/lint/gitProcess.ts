import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { classifyGitFailure, GitCommandError } from '../git/runGit';

/** Options for {@link readGitOutput}. */
export interface ReadGitOutputOptions {
  /** The (bare) repository to run in. */
  cwd: string;
  /** `-c key=value` settings, e.g. the auth header that lazy fetches of a partial clone need. */
  config?: Record<string, string>;
  /** Kill git after this many milliseconds. */
  timeoutMs?: number;
  /** Written to git's standard input, e.g. object ids for `cat-file --batch-check`. */
  input?: string;
  /**
   * Stop reading (and kill git) once this many bytes of output arrived. The output is then cut
   * at exactly this length and `truncated` is true.
   */
  maxBytes?: number;
}

/**
 * Starts git in a repository with `-c` settings, never asking for credentials interactively and
 * with messages in English (they are classified by {@link classifyGitFailure}).
 */
export function spawnGit(
  args: string[],
  options: { cwd: string; config?: Record<string, string> },
): ChildProcessWithoutNullStreams {
  const configArgs = Object.entries(options.config ?? {}).flatMap(([k, v]) => [
    '-c',
    `${k}=${v}`,
  ]);
  return spawn('git', [...configArgs, ...args], {
    cwd: options.cwd,
    env: {
      ...process.env,
      GIT_TERMINAL_PROMPT: '0',
      GCM_INTERACTIVE: 'never',
      LC_ALL: 'C',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** `git <command> <first argument>`, without options (which may hold secrets), for messages. */
export function describeGitCommand(args: string[]): string {
  return `git ${args
    .filter(a => !a.startsWith('-'))
    .slice(0, 2)
    .join(' ')}`;
}

/** The error of a git command killed after `timeoutMs`. */
export function gitTimeoutError(
  command: string,
  timeoutMs: number,
): GitCommandError {
  return new GitCommandError(
    'timeout',
    `${command} did not finish within ${Math.round(timeoutMs / 1000)} s`,
  );
}

/** What {@link readGitOutput} collected. */
export interface GitOutput {
  output: Buffer;
  /** Whether git had more to say than `maxBytes`. */
  truncated: boolean;
}

/**
 * Runs git and collects its standard output as bytes. Unlike `runGit` (lines of text), this keeps
 * binary output intact and stops early at a byte limit, so that reading the start of a 50 MB blob
 * costs one MiB of memory, not fifty. Never asks for credentials interactively.
 */
export function readGitOutput(
  args: string[],
  options: ReadGitOutputOptions,
): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(args, options);
    const maxBytes = options.maxBytes ?? Infinity;
    const chunks: Buffer[] = [];
    let received = 0;
    let truncated = false;
    let timedOut = false;
    let stderr = '';
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : undefined;

    child.stdout.on('data', (chunk: Buffer) => {
      if (truncated) return;
      const room = maxBytes - received;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        received += room;
        truncated = true;
        // Enough read: git would otherwise go on decompressing the rest of a large blob.
        child.kill('SIGKILL');
        return;
      }
      chunks.push(chunk);
      received += chunk.length;
    });
    child.stderr.on('data', chunk => {
      if (stderr.length < 16_384) stderr += chunk.toString();
    });
    // git may exit before reading all of its input (e.g. on a bad object); that is reported
    // through its exit code, not as a broken pipe.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    child.on('error', error => {
      if (timer) clearTimeout(timer);
      reject(
        new GitCommandError('failed', `Could not run git: ${error.message}`),
      );
    });
    child.on('close', code => {
      if (timer) clearTimeout(timer);
      const command = describeGitCommand(args);
      if (timedOut) {
        reject(gitTimeoutError(command, options.timeoutMs!));
      } else if (code !== 0 && !truncated) {
        const message = stderr
          .trim()
          .split('\n')
          .slice(-3)
          .join(' ')
          .slice(0, 500);
        reject(
          new GitCommandError(
            classifyGitFailure(stderr),
            `${command} failed: ${message || `exit code ${code}`}`,
          ),
        );
      } else {
        resolve({ output: Buffer.concat(chunks), truncated });
      }
    });
  });
}
