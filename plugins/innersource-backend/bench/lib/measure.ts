/**
 * Elapsed time and memory of this process.
 */

/** Milliseconds since `start`, a `process.hrtime.bigint()`. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Bytes in MiB. */
export const mb = (bytes: number) => bytes / 1048576;

/** The peak resident set size of this process so far (maxRSS), in MiB. */
export const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
