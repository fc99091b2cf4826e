/**
 * `1 consumer`, `2 consumers`: a count with its noun in singular or plural.
 *
 * @internal
 */
export function pluralize(
  count: number,
  singular: string,
  plural = `${singular}s`,
): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 60 * 60 * 1000],
  ['month', 30 * 24 * 60 * 60 * 1000],
  ['day', 24 * 60 * 60 * 1000],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
];

/**
 * Formats a timestamp relative to now, e.g. `3 hours ago`, falling back to the input when it
 * cannot be parsed.
 *
 * @internal
 */
export function formatRelativeTime(
  iso: string,
  now: Date = new Date(),
): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) {
    return iso;
  }
  const diff = time - now.getTime();
  const formatter = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) {
      return formatter.format(Math.round(diff / ms), unit);
    }
  }
  return 'just now';
}

/**
 * Formats a timestamp as a full local date and time, falling back to the input when it cannot
 * be parsed.
 *
 * @internal
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/**
 * A share (0-1) as a whole percentage, e.g. `38%`, or `–` when there is none.
 *
 * @internal
 */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) {
    return '–';
  }
  return `${Math.round(share * 100)}%`;
}

/**
 * Formats a timestamp as a local date, falling back to the input when it cannot be parsed.
 *
 * @internal
 */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString();
}

/**
 * A duration given in hours in words, e.g. `35 minutes`, `5 hours`, `2.5 days`, or `–` when
 * there is none. Hours up to two days, days beyond (one decimal below ten days).
 *
 * @internal
 */
export function formatDuration(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) {
    return '–';
  }
  if (hours < 1) {
    return pluralize(Math.max(1, Math.round(hours * 60)), 'minute');
  }
  if (hours < 48) {
    return pluralize(Math.round(hours), 'hour');
  }
  const days = hours / 24;
  return pluralize(
    days < 10 ? Number(days.toFixed(1)) : Math.round(days),
    'day',
  );
}
