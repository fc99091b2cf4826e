import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Why git could not read a repository, as shown to owners next to their stale figures. */
export type GitFailureKind =
  | 'unreachable'
  | 'auth-failed'
  | 'not-a-repository'
  | 'timeout'
  | 'too-large'
  | 'failed';

/** A git command that failed, with the reason classified from git's own message. */
export class GitCommandError extends Error {
  readonly kind: GitFailureKind;

  constructor(kind: GitFailureKind, message: string) {
    super(message);
    this.name = 'GitCommandError';
    this.kind = kind;
  }
}

/** Options shared by every git invocation. */
export interface GitRunOptions {
  /** Working directory (the bare repository for most commands). */
  cwd?: string;
  /** Extra `-c key=value` settings for this invocation only, e.g. an auth header. */
  config?: Record<string, string>;
  /** Kill git after this many milliseconds. */
  timeoutMs?: number;
  /** Kill git when this aborts (the command then fails). */
  signal?: AbortSignal;
}

/** Options of {@link streamGit}. */
export interface StreamGitOptions extends GitRunOptions {
  onLine: (line: string) => void;
  /**
   * Receives a copy of every pack git receives (clone, fetch) as it arrives, through
   * `GIT_TRACE_PACKFILE` on a pipe of its own.
   */
  onPackData?: (chunk: Buffer) => void;
}

const FAILURE_PATTERNS: Array<[GitFailureKind, RegExp]> = [
  [
    'auth-failed',
    /authentication failed|could not read username|could not read password|the requested url returned error: (401|403)|permission denied|invalid credentials|terminal prompts disabled/i,
  ],
  [
    'not-a-repository',
    /not a git repository|does not appear to be a git repository|repository not found|the requested url returned error: 404|not found/i,
  ],
  [
    'unreachable',
    /could not resolve host|failed to connect|connection refused|connection timed out|network is unreachable|unable to access|couldn't connect/i,
  ],
];

/** Classifies git's stderr into a failure kind. */
export function classifyGitFailure(stderr: string): GitFailureKind {
  for (const [kind, pattern] of FAILURE_PATTERNS) {
    if (pattern.test(stderr)) return kind;
  }
  return 'failed';
}

function gitArgs(args: string[], config: Record<string, string> | undefined) {
  const prefix = Object.entries(config ?? {}).flatMap(([k, v]) => [
    '-c',
    `${k}=${v}`,
  ]);
  return [...prefix, ...args];
}

/** Keeps secrets (auth headers in -c settings) out of error messages and logs. */
function describe(args: string[]) {
  return `git ${args
    .filter(a => !a.startsWith('-'))
    .slice(0, 2)
    .join(' ')}`;
}

/**
 * Runs git and calls `onLine` for every line of its output as it streams, so that the history
 * of a large repository is never held as one string. Never asks for credentials interactively.
 */
export function streamGit(
  args: string[],
  options: StreamGitOptions,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const { onPackData } = options;
    const child = spawn('git', gitArgs(args, options.config), {
      cwd: options.cwd,
      env: {
        ...process.env,
        GIT_TERMINAL_PROMPT: '0',
        GCM_INTERACTIVE: 'never',
        // git flushes after every commit when writing to a pipe; that turns a long log into
        // tens of thousands of tiny reads
        GIT_FLUSH: '0',
        LC_ALL: 'C',
        // a digit names a file descriptor: the pipe below
        ...(onPackData ? { GIT_TRACE_PACKFILE: '3' } : {}),
      },
      stdio: onPackData
        ? ['ignore', 'pipe', 'pipe', 'pipe']
        : ['ignore', 'pipe', 'pipe'],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const packClosed = onPackData
      ? new Promise<void>(r => {
          const pack = child.stdio[3] as NodeJS.ReadableStream;
          pack.on('data', (chunk: Buffer) => onPackData(chunk));
          pack.on('close', () => r());
          pack.on('error', () => r());
        })
      : Promise.resolve();
    let stderr = '';
    let timedOut = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : undefined;
    child.stderr!.on('data', chunk => {
      if (stderr.length < 16_384) stderr += chunk.toString();
    });
    const lines = createInterface({
      input: child.stdout!,
      crlfDelay: Infinity,
    });
    lines.on('line', line => {
      try {
        options.onLine(line);
      } catch (error) {
        child.kill('SIGKILL');
        reject(error);
      }
    });
    const closed = new Promise<void>(r => lines.on('close', () => r()));
    child.on('error', error => {
      if (timer) clearTimeout(timer);
      reject(
        new GitCommandError('failed', `Could not run git: ${error.message}`),
      );
    });
    child.on('close', async code => {
      if (timer) clearTimeout(timer);
      await closed;
      await packClosed;
      if (timedOut) {
        reject(
          new GitCommandError(
            'timeout',
            `${describe(args)} did not finish within ${Math.round(
              options.timeoutMs! / 1000,
            )} s`,
          ),
        );
      } else if (code !== 0) {
        const message = stderr
          .trim()
          .split('\n')
          .slice(-3)
          .join(' ')
          .slice(0, 500);
        reject(
          new GitCommandError(
            classifyGitFailure(stderr),
            `${describe(args)} failed: ${message || `exit code ${code}`}`,
          ),
        );
      } else {
        resolve();
      }
    });
  });
}

/** Runs git and returns its whole output (for commands with small output). */
export async function runGit(
  args: string[],
  options: GitRunOptions = {},
): Promise<string> {
  const lines: string[] = [];
  await streamGit(args, { ...options, onLine: line => lines.push(line) });
  return lines.join('\n');
}
