/**
 * Command-line flags of the benchmarks: `--name=value`, or a bare `--name` (value `'true'`).
 */

/** The flags in `argv` by name (without the dashes); throws on an argument of another form. */
export function parseFlags(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown argument ${arg}`);
    flags.set(match[1], match[2] ?? 'true');
  }
  return flags;
}

/** What a numeric flag must be: a test, and the message (after `--name`) when it fails. */
export interface NumberRule {
  test: (value: number) => boolean;
  requirement: string;
}

/** A finite number >= 0. */
export const nonNegative: NumberRule = {
  test: value => Number.isFinite(value) && value >= 0,
  requirement: 'must be a number',
};

/** A whole number >= 1. */
export const positiveInteger: NumberRule = {
  test: value => Number.isInteger(value) && value >= 1,
  requirement: 'must be a positive integer',
};

/** A finite number >= `min`. */
export const atLeast = (min: number): NumberRule => ({
  test: value => Number.isFinite(value) && value >= min,
  requirement: `must be a number >= ${min}`,
});

/** The number given as `--name=N`, or `fallback` when absent; throws unless it meets `rule`. */
export function numberFlag(
  flags: ReadonlyMap<string, string>,
  name: string,
  fallback: number,
  rule: NumberRule,
): number {
  const value = flags.has(name) ? Number(flags.get(name)) : fallback;
  if (!rule.test(value)) throw new Error(`--${name} ${rule.requirement}`);
  return value;
}
