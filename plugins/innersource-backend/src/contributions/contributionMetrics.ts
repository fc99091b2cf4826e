import {
  CONTRIBUTION_WINDOWS,
  ContributionWindow,
  ContributorFigure,
  TeamContributionFigure,
  WeeklyCommits,
  WindowContributions,
} from '@innersource-backstage/plugin-innersource-common';
import { CatalogIndex } from '../compute/CatalogIndex';
import { AuthorTuple, CommitColumns } from './ContributionLog';

const DAY = 86_400;
const WEEK = 7 * DAY;
const WINDOW_DAYS: Record<ContributionWindow, number | undefined> = {
  '30d': 30,
  '90d': 90,
  '365d': 365,
  all: undefined,
};

/**
 * The smallest number of keys that together account for at least half of the total count
 * (CHAOSS Contributor Absence Factor; over teams, the elephant factor). Null for no counts.
 */
export function absenceFactor(counts: Iterable<number>): number | null {
  const sorted = [...counts].filter(c => c > 0).sort((a, b) => b - a);
  const total = sorted.reduce((sum, c) => sum + c, 0);
  if (total === 0) return null;
  let cumulative = 0;
  for (let i = 0; i < sorted.length; i++) {
    cumulative += sorted[i];
    if (cumulative * 2 >= total) return i + 1;
  }
  return sorted.length;
}

function add<K>(counts: Map<K, number>, key: K, n: number) {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/** The column of each kind in the weekly series (bots have none). */
const KIND_INDEX: Partial<Record<string, number>> = {
  'owner-team': 0,
  outside: 1,
  unknown: 2,
};

/** Monday 00:00 UTC of the week holding `seconds`. */
function weekStart(seconds: number): number {
  const day = Math.floor(seconds / DAY);
  // 1970-01-01 was a Thursday: day 0 -> weekday 4 (Mon=1 ... Sun=7 in ISO)
  const isoWeekday = ((day + 3) % 7) + 1;
  return (day - (isoWeekday - 1)) * DAY;
}

/** What one pass over the commits learns, per author of the log. */
interface AuthorTotals {
  /** [window * authors + author]: commits of the author in the window. */
  counts: Int32Array;
  /** The author's latest and earliest commit times (-Infinity / Infinity: none). */
  latest: Float64Array;
  earliest: Float64Array;
  /** [week * 3 + kind column]: commits per week of the 52 (see KIND_INDEX). */
  weekly: Int32Array;
}

/**
 * Counts every author's commits per window in one pass over the commits. The windows nest
 * (30 days in 90 in 365 in all), so each commit is counted in the smallest one that holds it and
 * the counts are summed outwards afterwards: the rest of the figures are computed per author,
 * of whom a history has hundreds, rather than per commit, of which it has 100,000s.
 */
function authorTotals(
  log: { authors: AuthorTuple[]; commits: CommitColumns },
  starts: number[],
  firstWeek: number,
): AuthorTotals {
  const authorCount = log.authors.length;
  const windows = starts.length;
  const counts = new Int32Array(windows * authorCount);
  const latest = new Float64Array(authorCount).fill(-Infinity);
  const earliest = new Float64Array(authorCount).fill(Infinity);
  const weekly = new Int32Array(52 * 3);
  const kinds = Int8Array.from(
    log.authors,
    ([, , kind]) => KIND_INDEX[kind] ?? -1,
  );
  const { authors, times } = log.commits;
  const [s0, s1, s2] = starts;
  for (let i = 0; i < times.length; i++) {
    const time = times[i];
    const author = authors[i];
    if (time >= firstWeek) {
      const week = Math.floor((time - firstWeek) / WEEK);
      const kind = kinds[author];
      // (not a commit dated in the future, nor a bot's)
      if (week < 52 && kind >= 0) weekly[week * 3 + kind]++;
    }
    // the smallest window holding the commit (the last one holds all)
    let w = 3;
    if (time >= s0) w = 0;
    else if (time >= s1) w = 1;
    else if (time >= s2) w = 2;
    counts[w * authorCount + author]++;
    if (time > latest[author]) latest[author] = time;
    if (time < earliest[author]) earliest[author] = time;
  }
  for (let w = 1; w < windows; w++) {
    for (let a = 0; a < authorCount; a++) {
      counts[w * authorCount + a] += counts[(w - 1) * authorCount + a];
    }
  }
  return { counts, latest, earliest, weekly };
}

function windowFigures(options: {
  window: ContributionWindow;
  start: number;
  /** Commits per author in this window. */
  counts: Int32Array;
  offset: number;
  authors: AuthorTuple[];
  latest: Float64Array;
  firstCommitByUser: Map<string, number>;
  catalog: CatalogIndex;
}): WindowContributions {
  const { window, start, counts, offset, authors, latest, catalog } = options;
  let inWindow = 0;
  let humans = 0;
  let owner = 0;
  let outside = 0;
  let unknown = 0;
  const outsideUsers = new Map<string, number>();
  const ownerUsers = new Set<string>();
  const unknownEmails = new Set<string>();
  const teams = new Map<string, { commits: number; users: Set<string> }>();
  // Who a commit counts for: the catalog user, else the email of an unknown author.
  const humansByUser = new Map<string, number>();
  const humansByEmail = new Map<string, number>();
  const commitsByTeam = new Map<string, number>();
  const distanceHistogram: Record<string, number> = {};
  /** Per outside user: the author tuple of their latest commit in the window. */
  const latestOf = new Map<string, number>();

  for (let a = 0; a < authors.length; a++) {
    const n = counts[offset + a];
    if (n === 0) continue;
    inWindow += n;
    const [email, , kind, userRef, teamRef, distance] = authors[a];
    if (kind === 'bot') continue;
    humans += n;
    if (userRef !== null) add(humansByUser, userRef, n);
    else add(humansByEmail, email, n);
    if (kind === 'owner-team' || kind === 'outside') {
      if (teamRef !== null) add(commitsByTeam, teamRef, n);
      const key = distance === null ? 'unknown' : String(distance);
      distanceHistogram[key] = (distanceHistogram[key] ?? 0) + n;
    }
    if (kind === 'owner-team') {
      owner += n;
      if (userRef !== null) ownerUsers.add(userRef);
    } else if (kind === 'outside') {
      outside += n;
      if (userRef !== null) {
        add(outsideUsers, userRef, n);
        const seen = latestOf.get(userRef);
        if (seen === undefined || latest[a] > latest[seen]) {
          latestOf.set(userRef, a);
        }
      }
      if (teamRef) {
        const team = teams.get(teamRef) ?? {
          commits: 0,
          users: new Set<string>(),
        };
        team.commits += n;
        if (userRef) team.users.add(userRef);
        teams.set(teamRef, team);
      }
    } else if (kind === 'unknown') {
      unknown += n;
      unknownEmails.add(email);
    }
  }
  const attributed = owner + outside;

  const outsideTeams: TeamContributionFigure[] = [...teams.entries()]
    .map(([teamRef, t]) => ({
      teamRef,
      title: catalog.displayName(teamRef),
      commits: t.commits,
      contributors: t.users.size,
    }))
    .sort(
      (a, b) => b.commits - a.commits || a.teamRef.localeCompare(b.teamRef),
    );

  const topOutsideContributors: ContributorFigure[] = [
    ...outsideUsers.entries(),
  ]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([userRef, commits]) => {
      const [, name, , , teamRef, distance] = authors[latestOf.get(userRef)!];
      return {
        userRef,
        displayName: catalog.displayName(userRef) ?? name,
        teamRef: teamRef ?? undefined,
        commits,
        distance: distance ?? undefined,
      };
    });

  const commitsByContributor = new Map(humansByUser);
  for (const [email, count] of humansByEmail) {
    add(commitsByContributor, `email:${email}`, count);
  }

  return {
    window,
    commits: humans,
    ownerTeamCommits: owner,
    outsideCommits: outside,
    unknownCommits: unknown,
    botCommits: inWindow - humans,
    innerSourceRatio: attributed === 0 ? null : outside / attributed,
    outsideContributors: outsideUsers.size,
    ownerTeamContributors: ownerUsers.size,
    newOutsideContributors: [...outsideUsers.keys()].filter(
      userRef => (options.firstCommitByUser.get(userRef) ?? -Infinity) >= start,
    ).length,
    outsideTeams,
    distanceHistogram,
    absenceFactor: absenceFactor(commitsByContributor.values()),
    elephantFactor: absenceFactor(commitsByTeam.values()),
    unknownAuthors: unknownEmails.size,
    topOutsideContributors,
  };
}

/** The first day of the 52 weeks of the weekly series (the last is the current one). */
function firstWeekOf(now: Date): number {
  return weekStart(Math.floor(now.getTime() / 1000)) - 51 * WEEK;
}

/** Commits per week for the 52 weeks up to and including the current one, oldest first. */
function weeklyCommits(first: number, counts: Int32Array): WeeklyCommits[] {
  return Array.from({ length: 52 }, (_, i) => ({
    weekStart: new Date((first + i * WEEK) * 1000).toISOString().slice(0, 10),
    ownerTeam: counts[i * 3],
    outside: counts[i * 3 + 1],
    unknown: counts[i * 3 + 2],
  }));
}

/**
 * All contribution figures of an entity from its attributed commits: every window, the weekly
 * series, and the first and last commit times.
 */
export function contributionMetrics(options: {
  log: { authors: AuthorTuple[]; commits: CommitColumns };
  now: Date;
  catalog: CatalogIndex;
}) {
  const { log, now, catalog } = options;
  const { authors } = log;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const starts = CONTRIBUTION_WINDOWS.map(window => {
    const days = WINDOW_DAYS[window];
    return days === undefined ? -Infinity : nowSeconds - days * DAY;
  });
  const firstWeek = firstWeekOf(now);
  const totals = authorTotals(log, starts, firstWeek);

  const firstCommitByUser = new Map<string, number>();
  let firstCommit = Infinity;
  let lastCommit = -Infinity;
  authors.forEach(([, , kind, userRef], a) => {
    const earliest = totals.earliest[a];
    if (earliest === Infinity) return; // no commit refers to it
    firstCommit = Math.min(firstCommit, earliest);
    lastCommit = Math.max(lastCommit, totals.latest[a]);
    if (userRef && kind !== 'bot') {
      const seen = firstCommitByUser.get(userRef);
      if (seen === undefined || earliest < seen) {
        firstCommitByUser.set(userRef, earliest);
      }
    }
  });
  return {
    windows: CONTRIBUTION_WINDOWS.map((window, w) =>
      windowFigures({
        window,
        start: starts[w],
        counts: totals.counts,
        offset: w * authors.length,
        authors,
        latest: totals.latest,
        firstCommitByUser,
        catalog,
      }),
    ),
    weekly: weeklyCommits(firstWeek, totals.weekly),
    firstCommitAt:
      firstCommit === Infinity
        ? undefined
        : new Date(firstCommit * 1000).toISOString(),
    lastCommitAt:
      lastCommit === -Infinity
        ? undefined
        : new Date(lastCommit * 1000).toISOString(),
  };
}
