import { CatalogIndex } from '../compute/CatalogIndex';
import { AuthorTuple, CommitColumns } from './ContributionLog';
import { contributionMetrics } from './contributionMetrics';

const NOW = new Date('2026-11-24T12:00:00Z'); // a Tuesday
const DAY = 86_400;
const now = NOW.getTime() / 1000;

const catalog = {
  displayName: (ref: string) =>
    (({ 'user:default/sam': 'Sam Shop' } as Record<string, string>)[ref]),
} as unknown as CatalogIndex;

const authors: AuthorTuple[] = [
  [
    'maria@acme.example',
    'Maria',
    'owner-team',
    'user:default/maria',
    'group:default/ledger',
    0,
  ],
  // sam in his old team, then (a second tuple) in his new one
  [
    'sam@acme.example',
    'Sam',
    'outside',
    'user:default/sam',
    'group:default/shop',
    4,
  ],
  [
    'sam@acme.example',
    'Sam',
    'outside',
    'user:default/sam',
    'group:default/mobile',
    5,
  ],
  ['x@elsewhere.example', 'X', 'unknown', null, null, null],
  ['bot@acme.example', 'dependabot[bot]', 'bot', null, null, null],
  ['tina@acme.example', 'Tina', 'outside', 'user:default/tina', null, null],
];

/** Commits newest first as [author, days ago]. */
function columns(commits: Array<[number, number]>): CommitColumns {
  return {
    shas: commits.map((_, i) => String(i).padStart(40, '0')),
    authors: commits.map(([author]) => author),
    times: commits.map(([, days]) => Math.floor(now - days * DAY)),
  };
}

describe('contributionMetrics', () => {
  const commits = columns([
    [0, -10], // dated in the future (next week): counted, but in no week
    [2, 1],
    [4, 2],
    [3, 10],
    [1, 40],
    [5, 100],
    [1, 200],
    [0, 500],
    [0, 800],
  ]);
  const metrics = contributionMetrics({
    log: { authors, commits },
    now: NOW,
    catalog,
  });
  const window = (name: string) =>
    metrics.windows.find(w => w.window === name)!;

  it('counts each commit in every window that holds it, bots apart', () => {
    expect(
      metrics.windows.map(w => [w.window, w.commits, w.botCommits]),
    ).toEqual([
      ['30d', 3, 1],
      ['90d', 4, 1],
      ['365d', 6, 1],
      ['all', 8, 1],
    ]);
    expect(window('365d')).toMatchObject({
      ownerTeamCommits: 1,
      outsideCommits: 4,
      unknownCommits: 1,
      innerSourceRatio: 4 / 5,
      outsideContributors: 2,
      ownerTeamContributors: 1,
      unknownAuthors: 1,
      distanceHistogram: { '0': 1, '4': 2, '5': 1, unknown: 1 },
    });
    expect(window('all').absenceFactor).toBe(2);
  });

  it('names top contributors with the team of their latest commit, and counts who is new', () => {
    expect(window('all').topOutsideContributors).toEqual([
      {
        userRef: 'user:default/sam',
        displayName: 'Sam Shop',
        teamRef: 'group:default/mobile',
        commits: 3,
        distance: 5,
      },
      {
        userRef: 'user:default/tina',
        displayName: 'Tina',
        teamRef: undefined,
        commits: 1,
        distance: undefined,
      },
    ]);
    expect(
      window('all').outsideTeams.map(t => [
        t.teamRef,
        t.commits,
        t.contributors,
      ]),
    ).toEqual([
      ['group:default/shop', 2, 1],
      ['group:default/mobile', 1, 1],
    ]);
    // sam's first commit was 200 days ago, tina's 100: both new this year, neither lately
    expect(window('365d').newOutsideContributors).toBe(2);
    expect(window('90d').newOutsideContributors).toBe(0);
  });

  it('gives 52 weeks up to the current one, and the first and last commit times', () => {
    expect(metrics.weekly).toHaveLength(52);
    expect(metrics.weekly[51]).toEqual({
      weekStart: '2026-11-23',
      ownerTeam: 0,
      outside: 1, // yesterday; the bot's commit is not in the series
      unknown: 0,
    });
    expect(metrics.weekly.reduce((n, w) => n + w.ownerTeam, 0)).toBe(0);
    expect(metrics.weekly.reduce((n, w) => n + w.outside + w.unknown, 0)).toBe(
      5,
    );
    expect(metrics.lastCommitAt).toBe(
      new Date(commits.times[0] * 1000).toISOString(),
    );
    expect(metrics.firstCommitAt).toBe(
      new Date(commits.times[8] * 1000).toISOString(),
    );
  });

  it('has no figures for no commits', () => {
    const empty = contributionMetrics({
      log: { authors: [], commits: columns([]) },
      now: NOW,
      catalog,
    });
    expect(empty.windows[3]).toMatchObject({
      commits: 0,
      innerSourceRatio: null,
      absenceFactor: null,
    });
    expect(empty.firstCommitAt).toBeUndefined();
  });
});
