/**
 * A benchmark running part of itself in a fresh Node process (a "worker"), so that the peak RSS
 * measured there is that part's alone: the job goes in as a JSON file (`--job=<file>`), the result
 * comes back as one line of JSON on stdout.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

/** Starts the stdout line that holds a worker's result. */
export const RESULT_PREFIX = '@@bench-result ';

/**
 * Arguments for `process.execPath` that run `script` again with this process's Node options
 * (among them `--require @backstage/cli/config/nodeTransform.cjs`, which lets it load TypeScript),
 * then `nodeOptions`, then the script's own `args`.
 */
export function nodeArgsFor(
  script: string,
  args: readonly string[],
  nodeOptions: readonly string[] = [],
): string[] {
  return [...process.execArgv, ...nodeOptions, script, ...args];
}

/** Writes a worker's job to `file`, for `--job=<file>`. */
export function writeJob(file: string, job: unknown): void {
  fs.writeFileSync(file, JSON.stringify(job));
}

/** In the worker: the job in the file named by `--job=<file>` in `argv`. */
export function readJob<T>(argv: readonly string[]): T {
  const jobFile = argv
    .find(a => a.startsWith('--job='))!
    .slice('--job='.length);
  return JSON.parse(fs.readFileSync(jobFile, 'utf8')) as T;
}

/** In the worker: prints its result for `runWorkerProcess`. */
export function writeResult(result: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/**
 * Runs `command` (stderr shown, stdout read) and resolves with the result it printed; rejects
 * with its stdout when it exits with an error or prints no result. `name` names it in the error.
 */
export function runWorkerProcess<T>(
  name: string,
  command: string,
  args: readonly string[],
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', chunk => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', code => {
      const line = stdout.split('\n').find(l => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) {
        reject(
          new Error(`The ${name} worker failed (exit ${code}):\n${stdout}`),
        );
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as T);
    });
  });
}
