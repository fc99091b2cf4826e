import {
  ContributorKind,
  ResponseTimeFigure,
  ScmChangeRequest,
  ScmIssue,
  ScmRepositorySignals,
  ScmSummary,
  ScmWindowFigures,
  WindowContributions,
} from '@innersource-backstage/plugin-innersource-common';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const WINDOW_DAYS: Array<[ScmWindowFigures['window'], number]> = [
  ['30d', 30],
  ['90d', 90],
  ['365d', 365],
];

/** Who a login is relative to the entity's owning team. */
export type LoginAttribution = (
  login: string | undefined,
  platformSaysBot: boolean,
) => ContributorKind;

/**
 * The value at quantile `q` (0-1) of ascending numbers, interpolating linearly between the two
 * nearest ranks (so the median of an even count is the mean of the middle two). Null when empty.
 */
export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

const round1 = (value: number | null) =>
  value === null ? null : Math.round(value * 10) / 10;

/**
 * Hours from opening to the first response by someone other than the author, bots excluded;
 * undefined while nobody else has responded.
 */
export function firstResponseHours(
  item: ScmChangeRequest | ScmIssue,
  isBot: (login: string, platformSaysBot: boolean) => boolean,
): number | undefined {
  const author = item.authorLogin?.toLocaleLowerCase('en-US');
  const opened = Date.parse(item.createdAt);
  let first: number | undefined;
  for (const response of item.responses) {
    if (response.login.toLocaleLowerCase('en-US') === author) continue;
    if (isBot(response.login, Boolean(response.bot))) continue;
    const at = Date.parse(response.at);
    if (!Number.isFinite(at)) continue;
    if (first === undefined || at < first) first = at;
  }
  return first === undefined
    ? undefined
    : Math.max(0, first - opened) / HOUR_MS;
}

function responseFigure(hours: Array<number | undefined>): ResponseTimeFigure {
  const responded = hours
    .filter((h): h is number => h !== undefined)
    .sort((a, b) => a - b);
  return {
    responded: responded.length,
    waiting: hours.length - responded.length,
    medianHours: round1(quantile(responded, 0.5)),
    p90Hours: round1(quantile(responded, 0.9)),
  };
}

const ratio = (outside: number, attributed: number) =>
  attributed > 0 ? outside / attributed : null;

/**
 * Pull request and issue figures per window: outside-team pull requests and their acceptance
 * ratio (merged / merged + closed unmerged), time to first response on outside pull requests and
 * issues, and the InnerSource ratio over commits, pull requests and issues. Authors are
 * attributed like commit authors; unknown authors and bots count in the totals only.
 */
export function scmWindowFigures(options: {
  signals: Pick<ScmRepositorySignals, 'pullRequests' | 'issues'>;
  now: Date;
  attribute: LoginAttribution;
  isBot: (login: string, platformSaysBot: boolean) => boolean;
  /** The commit figures of the same windows, from the git history. */
  commitWindows?: WindowContributions[];
}): ScmWindowFigures[] {
  const { signals, now, attribute, isBot, commitWindows } = options;
  const withKind = <T extends ScmChangeRequest | ScmIssue>(items: T[]) =>
    items.map(item => ({
      item,
      created: Date.parse(item.createdAt),
      kind: attribute(item.authorLogin, Boolean(item.authorIsBot)),
    }));
  const pulls = withKind(signals.pullRequests ?? []);
  const issues = withKind(signals.issues ?? []);

  return WINDOW_DAYS.map(([window, days]) => {
    const since = now.getTime() - days * DAY_MS;
    const inWindow = <T extends { created: number }>(items: T[]) =>
      items.filter(i => i.created >= since);
    const windowPulls = inWindow(pulls);
    const windowIssues = inWindow(issues);
    const outsidePulls = windowPulls.filter(p => p.kind === 'outside');
    const outsideIssues = windowIssues.filter(i => i.kind === 'outside');
    const merged = outsidePulls.filter(p => p.item.state === 'merged').length;
    const closedUnmerged = outsidePulls.filter(
      p => p.item.state === 'closed',
    ).length;
    const attributed = <T extends { kind: ContributorKind }>(items: T[]) =>
      items.filter(i => i.kind === 'outside' || i.kind === 'owner-team').length;

    const commits = commitWindows?.find(w => w.window === window);
    const commitOutside = commits?.outsideCommits ?? 0;
    const commitAttributed = commits
      ? commits.outsideCommits + commits.ownerTeamCommits
      : 0;
    const prAttributed = attributed(windowPulls);
    const issueAttributed = attributed(windowIssues);

    return {
      window,
      pullRequests: windowPulls.length,
      outsidePullRequests: outsidePulls.length,
      outsideMerged: merged,
      outsideClosedUnmerged: closedUnmerged,
      outsideAcceptanceRatio: ratio(merged, merged + closedUnmerged),
      issues: windowIssues.length,
      outsideIssues: outsideIssues.length,
      outsidePullRequestResponse: responseFigure(
        outsidePulls.map(p => firstResponseHours(p.item, isBot)),
      ),
      outsideIssueResponse: responseFigure(
        outsideIssues.map(i => firstResponseHours(i.item, isBot)),
      ),
      innerSourceRatio: {
        commits: commits ? commits.innerSourceRatio : null,
        pullRequests: ratio(outsidePulls.length, prAttributed),
        issues: ratio(outsideIssues.length, issueAttributed),
        combined: ratio(
          commitOutside + outsidePulls.length + outsideIssues.length,
          commitAttributed + prAttributed + issueAttributed,
        ),
      },
    };
  });
}

/** What the entity views show from the stored signals of a repository. */
export function scmSummary(options: {
  signals: ScmRepositorySignals;
  windows: ScmWindowFigures[];
  fetchedAt?: string;
  stale: boolean;
  error?: { kind: string; message: string; at: string };
}): ScmSummary {
  const { signals, windows, fetchedAt, stale, error } = options;
  return {
    provider: signals.provider,
    url: signals.url,
    visibility: signals.visibility,
    forkingAllowed: signals.forkingAllowed,
    archived: signals.archived,
    ...(signals.defaultBranch ? { defaultBranch: signals.defaultBranch } : {}),
    ...(signals.branchProtection
      ? { branchProtection: signals.branchProtection }
      : {}),
    stars: signals.stars,
    forks: signals.forks,
    watchers: signals.watchers,
    openIssues: signals.openIssues,
    topics: signals.topics,
    goodFirstIssues: signals.goodFirstIssues,
    windows,
    ...(signals.readLimits ? { readLimits: signals.readLimits } : {}),
    ...(fetchedAt ? { fetchedAt } : {}),
    stale,
    ...(error ? { error } : {}),
  };
}
