import {
  ContributionWindow,
  ProgramAdoptionPoint,
  ProgramInterval,
  ProgramWeeklyContributions,
  READINESS_LEVELS,
  ReadinessLevel,
} from '@innersource-backstage/plugin-innersource-common';

const DAY_MS = 86_400_000;

/** The days of each contribution window; `all` has no start. */
export const WINDOW_DAYS: Record<ContributionWindow, number | undefined> = {
  '30d': 30,
  '90d': 90,
  '365d': 365,
  all: undefined,
};

/** The UTC day of a date as YYYY-MM-DD. */
export function utcDayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The Monday (UTC) of the week holding a YYYY-MM-DD day. */
export function weekStartOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const isoWeekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  return utcDayOf(new Date(date.getTime() - (isoWeekday - 1) * DAY_MS));
}

/** The first day of the week (Monday) or month holding a YYYY-MM-DD day. */
export function periodStartOf(day: string, interval: ProgramInterval): string {
  return interval === 'week' ? weekStartOf(day) : `${day.slice(0, 7)}-01`;
}

/**
 * The first week (its Monday) whose commits count towards a window ending at `now`, or undefined
 * for all time. The weekly series is coarser than the window: the week that holds the window's
 * first day is included.
 */
export function firstWeekOfWindow(
  window: ContributionWindow,
  now: Date,
): string | undefined {
  const days = WINDOW_DAYS[window];
  if (days === undefined) return undefined;
  return weekStartOf(utcDayOf(new Date(now.getTime() - (days - 1) * DAY_MS)));
}

/**
 * The instant `days` before `now` in ISO 8601: the cut-off of "no commit for `days` days", which
 * compares as a string with the stored ISO 8601 timestamps.
 */
export function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** Counts of one day and readiness level, as the history query groups them. */
export interface AdoptionDayRow {
  day: string;
  readinessLevel: string;
  projects: number;
  innerSourceProjects: number;
  crossTeamDependencies: number;
}

function emptyLevels(): Record<ReadinessLevel, number> {
  return Object.fromEntries(
    READINESS_LEVELS.map(level => [level, 0]),
  ) as Record<ReadinessLevel, number>;
}

/**
 * Rolls daily history up to weeks or months. Each period shows the last day in it with figures
 * (a snapshot, not a sum over the days), so that a month with 30 refreshes counts each project
 * once. Periods come oldest first; periods without any day are left out.
 */
export function rollUpAdoption(
  rows: AdoptionDayRow[],
  interval: ProgramInterval,
): ProgramAdoptionPoint[] {
  const days = new Map<string, ProgramAdoptionPoint>();
  for (const row of rows) {
    let point = days.get(row.day);
    if (!point) {
      point = {
        period: periodStartOf(row.day, interval),
        day: row.day,
        projects: 0,
        innerSourceProjects: 0,
        levels: emptyLevels(),
        crossTeamDependencies: 0,
      };
      days.set(row.day, point);
    }
    point.projects += row.projects;
    point.innerSourceProjects += row.innerSourceProjects;
    point.crossTeamDependencies += row.crossTeamDependencies;
    const level = (READINESS_LEVELS as readonly string[]).includes(
      row.readinessLevel,
    )
      ? (row.readinessLevel as ReadinessLevel)
      : 'none';
    point.levels[level] += row.projects;
  }
  const periods = new Map<string, ProgramAdoptionPoint>();
  for (const point of [...days.values()].sort((a, b) =>
    a.day.localeCompare(b.day),
  )) {
    // later days replace earlier ones of the same period
    periods.set(point.period, point);
  }
  return [...periods.values()];
}

/**
 * Fills the weeks from `fromWeek` to `toWeek` (Mondays, inclusive) that have no row with zeros, so
 * that a chart shows quiet weeks. Without `fromWeek` the series starts at the first row.
 */
export function fillWeeks(
  rows: ProgramWeeklyContributions[],
  fromWeek: string | undefined,
  toWeek: string,
): ProgramWeeklyContributions[] {
  const byWeek = new Map(rows.map(row => [row.weekStart, row]));
  const first = fromWeek ?? rows.map(row => row.weekStart).sort()[0] ?? toWeek;
  const weeks: ProgramWeeklyContributions[] = [];
  for (
    let time = new Date(`${first}T00:00:00Z`).getTime();
    utcDayOf(new Date(time)) <= toWeek;
    time += 7 * DAY_MS
  ) {
    const weekStart = utcDayOf(new Date(time));
    weeks.push(
      byWeek.get(weekStart) ?? {
        weekStart,
        ownerTeam: 0,
        outside: 0,
        unknown: 0,
      },
    );
  }
  return weeks;
}
