/**
 * How the benchmarks print numbers and tables.
 */

/** `n` with thousands separators and exactly `digits` decimals (en-US); `n/a` for none or NaN. */
export function fmt(n: number | undefined, digits = 0): string {
  if (n === undefined || Number.isNaN(n)) return 'n/a';
  return n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** PASS or FAIL. */
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/**
 * A plain-text table: the first row is the header, underlined with dashes; columns two spaces
 * apart, each padded to its widest cell on the right (`'l'`) or on the left (`'r'`).
 * `trimEnd` drops the padding at the end of each line.
 */
export function table(
  rows: string[][],
  align: Array<'l' | 'r'>,
  options: { trimEnd?: boolean } = {},
): string {
  const widths = rows[0].map((_, c) =>
    Math.max(...rows.map(r => (r[c] ?? '').length)),
  );
  const line = (r: string[]) => {
    const text = r
      .map((cell, c) =>
        align[c] === 'r' ? cell.padStart(widths[c]) : cell.padEnd(widths[c]),
      )
      .join('  ');
    return options.trimEnd ? text.trimEnd() : text;
  };
  return [
    line(rows[0]),
    widths.map(w => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}
