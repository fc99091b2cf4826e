/**
 * What the benchmarks ran on, for their headers.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';

/** The CPU count and the Node version, e.g. `2 CPUs, Node v24.1.0`. */
export function machineSummary(): string {
  return `${os.cpus().length} CPUs, Node ${process.version}`;
}

/** `git --version`, e.g. `git version 2.39.5`. */
export function gitVersion(): string {
  return spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim();
}
