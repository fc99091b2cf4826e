import type { ProgramInterval } from '@innersource-backstage/plugin-innersource-common';

/**
 * A period start (YYYY-MM-DD) as a short label: `Nov 23` for a week, `Nov 2026` for a month,
 * read as a UTC day.
 *
 * @internal
 */
export function formatPeriod(
  period: string,
  interval: ProgramInterval,
): string {
  const date = new Date(`${period}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return period;
  return date.toLocaleDateString(
    'en',
    interval === 'week'
      ? { month: 'short', day: 'numeric', timeZone: 'UTC' }
      : { month: 'short', year: 'numeric', timeZone: 'UTC' },
  );
}
