import {
  CONTRIBUTION_WINDOWS,
  ContributionWindow,
  ContributorFigure,
  TeamContributionFigure,
  WeeklyCommits,
  WindowContributions,
} from '@innersource-backstage/plugin-innersource-common';
import { CatalogIndex } from '../compute/CatalogIndex';
import { AttributedCommit } from './ContributionLog';

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

function increment<K>(counts: Map<K, number>, key: K) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function windowFigures(options: {
  window: ContributionWindow;
  commits: AttributedCommit[];
  firstCommitByUser: Map<string, number>;
  nowSeconds: number;
  catalog: CatalogIndex;
}): WindowContributions {
  const { window, firstCommitByUser, nowSeconds, catalog } = options;
  const days = WINDOW_DAYS[window];
  const start = days === undefined ? -Infinity : nowSeconds - days * DAY;

  // One pass over the commits (a large history has 100,000s of them) with counters only.
  let inWindow = 0;
  let humans = 0;
  let owner = 0;
  let outside = 0;
  let unknown = 0;
  const outsideUsers = new Map<string, number>();
  const ownerUsers = new Set<string>();
  const unknownEmails = new Set<string>();
  const teams = new Map<string, { commits: number; users: Set<string> }>();
  // Who a commit counts for: the catalog user, else the email of an unknown author (keyed
  // `email:<address>` below, once per address rather than once per commit).
  const humansByUser = new Map<string, number>();
  const humansByEmail = new Map<string, number>();
  const commitsByTeam = new Map<string, number>();
  // Owner-team commits come first in the histogram, as its keys are in first-seen order.
  const ownerDistances: Record<string, number> = {};
  const outsideDistances: Record<string, number> = {};
  // commits are newest first, so the first one seen per user is their latest
  const latest = new Map<string, AttributedCommit>();

  for (const commit of options.commits) {
    if (!(commit.time >= start)) continue;
    inWindow++;
    const attribution = commit.attribution;
    const kind = attribution.kind;
    if (kind === 'bot') continue;
    humans++;
    const userRef = attribution.userRef;
    if (userRef !== undefined && userRef !== null)
      increment(humansByUser, userRef);
    else increment(humansByEmail, commit.email);
    if (kind === 'owner-team' || kind === 'outside') {
      if (attribution.teamRef !== undefined)
        increment(commitsByTeam, attribution.teamRef);
      const distanceKey =
        attribution.distance === undefined
          ? 'unknown'
          : String(attribution.distance);
      const distances =
        kind === 'owner-team' ? ownerDistances : outsideDistances;
      distances[distanceKey] = (distances[distanceKey] ?? 0) + 1;
    }
    if (kind === 'owner-team') {
      owner++;
      if (userRef !== undefined) ownerUsers.add(userRef);
    } else if (kind === 'outside') {
      outside++;
      if (userRef !== undefined) increment(outsideUsers, userRef);
      const teamRef = attribution.teamRef;
      if (teamRef) {
        const team = teams.get(teamRef) ?? {
          commits: 0,
          users: new Set<string>(),
        };
        team.commits += 1;
        if (userRef) team.users.add(userRef);
        teams.set(teamRef, team);
      }
      if (!latest.has(userRef!)) latest.set(userRef!, commit);
    } else if (kind === 'unknown') {
      unknown++;
      if (commit.email !== undefined) unknownEmails.add(commit.email);
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

  const distanceHistogram: Record<string, number> = {};
  for (const distances of [ownerDistances, outsideDistances]) {
    for (const [key, count] of Object.entries(distances)) {
      distanceHistogram[key] = (distanceHistogram[key] ?? 0) + count;
    }
  }

  const topOutsideContributors: ContributorFigure[] = [
    ...outsideUsers.entries(),
  ]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([userRef, commits]) => {
      const last = latest.get(userRef)!;
      return {
        userRef,
        displayName: catalog.displayName(userRef) ?? last.name,
        teamRef: last.attribution.teamRef,
        commits,
        distance: last.attribution.distance,
      };
    });

  const commitsByContributor = new Map(humansByUser);
  for (const [email, count] of humansByEmail) {
    const key = `email:${email}`;
    commitsByContributor.set(key, (commitsByContributor.get(key) ?? 0) + count);
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
      userRef => (firstCommitByUser.get(userRef) ?? -Infinity) >= start,
    ).length,
    outsideTeams,
    distanceHistogram,
    absenceFactor: absenceFactor(commitsByContributor.values()),
    elephantFactor: absenceFactor(commitsByTeam.values()),
    unknownAuthors: unknownEmails.size,
    topOutsideContributors,
  };
}

/** Monday 00:00 UTC of the week holding `seconds`. */
function weekStart(seconds: number): number {
  const day = Math.floor(seconds / DAY);
  // 1970-01-01 was a Thursday: day 0 -> weekday 4 (Mon=1 ... Sun=7 in ISO)
  const isoWeekday = ((day + 3) % 7) + 1;
  return (day - (isoWeekday - 1)) * DAY;
}

/** Commits per week for the 52 weeks up to and including the current one, oldest first. */
export function weeklyCommits(
  commits: AttributedCommit[],
  now: Date,
): WeeklyCommits[] {
  const currentWeek = weekStart(Math.floor(now.getTime() / 1000));
  const first = currentWeek - 51 * WEEK;
  const weeks: WeeklyCommits[] = Array.from({ length: 52 }, (_, i) => ({
    weekStart: new Date((first + i * WEEK) * 1000).toISOString().slice(0, 10),
    ownerTeam: 0,
    outside: 0,
    unknown: 0,
  }));
  for (const commit of commits) {
    if (commit.time < first) continue;
    const index = Math.floor((commit.time - first) / WEEK);
    const week = weeks[index];
    if (!week) continue; // a commit dated in the future
    if (commit.attribution.kind === 'owner-team') week.ownerTeam += 1;
    else if (commit.attribution.kind === 'outside') week.outside += 1;
    else if (commit.attribution.kind === 'unknown') week.unknown += 1;
  }
  return weeks;
}

/**
 * All contribution figures of an entity from its attributed commits: every window, the weekly
 * series, and the first and last commit times.
 */
export function contributionMetrics(options: {
  commits: AttributedCommit[];
  now: Date;
  catalog: CatalogIndex;
}) {
  const { commits, now, catalog } = options;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const firstCommitByUser = new Map<string, number>();
  let firstCommit: number | undefined;
  let lastCommit: number | undefined;
  for (const commit of commits) {
    if (firstCommit === undefined || commit.time < firstCommit)
      firstCommit = commit.time;
    if (lastCommit === undefined || commit.time > lastCommit)
      lastCommit = commit.time;
    const userRef = commit.attribution.userRef;
    if (userRef && commit.attribution.kind !== 'bot') {
      const seen = firstCommitByUser.get(userRef);
      if (seen === undefined || commit.time < seen)
        firstCommitByUser.set(userRef, commit.time);
    }
  }
  return {
    windows: CONTRIBUTION_WINDOWS.map(window =>
      windowFigures({
        window,
        commits,
        firstCommitByUser,
        nowSeconds,
        catalog,
      }),
    ),
    weekly: weeklyCommits(commits, now),
    firstCommitAt:
      firstCommit === undefined
        ? undefined
        : new Date(firstCommit * 1000).toISOString(),
    lastCommitAt:
      lastCommit === undefined
        ? undefined
        : new Date(lastCommit * 1000).toISOString(),
  };
}
