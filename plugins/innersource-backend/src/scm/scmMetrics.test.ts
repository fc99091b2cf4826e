import {
  ScmChangeRequest,
  ScmIssue,
  WindowContributions,
} from '@innersource-backstage/plugin-innersource-common';
import {
  firstResponseHours,
  LoginAttribution,
  quantile,
  scmWindowFigures,
} from './scmMetrics';

const NOW = new Date('2026-11-24T12:00:00Z');
const daysAgo = (days: number, hours = 0) =>
  new Date(NOW.getTime() - days * 86_400_000 + hours * 3_600_000).toISOString();

function pr(
  number: number,
  author: string,
  createdDaysAgo: number,
  state: ScmChangeRequest['state'],
  responses: Array<[string, number, boolean?]> = [],
): ScmChangeRequest {
  const createdAt = daysAgo(createdDaysAgo);
  return {
    number,
    url: `https://github.com/acme/ledger/pull/${number}`,
    authorLogin: author,
    createdAt,
    state,
    responses: responses.map(([login, hoursAfter, bot]) => ({
      login,
      at: new Date(
        Date.parse(createdAt) + hoursAfter * 3_600_000,
      ).toISOString(),
      ...(bot ? { bot } : {}),
    })),
  };
}

function issue(
  number: number,
  author: string,
  createdDaysAgo: number,
  responses: Array<[string, number]> = [],
): ScmIssue {
  const {
    url,
    authorLogin,
    createdAt,
    responses: r,
  } = pr(number, author, createdDaysAgo, 'open', responses);
  return { number, url, authorLogin, createdAt, state: 'open', responses: r };
}

// owners: alice, bob; outside: carol, dave; unknown: anyone else; bots by name
const attribute: LoginAttribution = (login, platformSaysBot) => {
  if (!login) return 'unknown';
  if (platformSaysBot || login.endsWith('[bot]')) return 'bot';
  if (['alice', 'bob'].includes(login)) return 'owner-team';
  if (['carol', 'dave'].includes(login)) return 'outside';
  return 'unknown';
};
const isBot = (login: string, platformSaysBot: boolean) =>
  platformSaysBot || login.endsWith('[bot]');

describe('quantile', () => {
  it('interpolates between the nearest ranks', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([4], 0.9)).toBe(4);
    expect(quantile([1, 3], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
    expect(quantile([2, 4, 10], 0.5)).toBe(4);
  });
});

describe('firstResponseHours', () => {
  it('skips the author (any case) and bots, and takes the earliest other response', () => {
    const item = pr(1, 'Carol', 10, 'open', [
      ['carol', 1],
      ['renovate[bot]', 2],
      ['ci-helper', 3, true],
      ['bob', 30],
      ['alice', 5],
    ]);
    expect(firstResponseHours(item, isBot)).toBe(5);
  });

  it('is undefined while only the author and bots have answered', () => {
    const item = pr(1, 'carol', 10, 'open', [
      ['carol', 1],
      ['dependabot[bot]', 2],
    ]);
    expect(firstResponseHours(item, isBot)).toBeUndefined();
  });
});

describe('scmWindowFigures', () => {
  const pullRequests = [
    // outside, in every window
    pr(1, 'carol', 5, 'merged', [['alice', 2]]),
    pr(2, 'dave', 20, 'closed', [['bob', 10]]),
    pr(3, 'carol', 25, 'open', [['carol', 1]]),
    // outside, only in 90d and 365d
    pr(4, 'dave', 60, 'merged', [['alice', 48]]),
    // owner team, unknown and bot
    pr(5, 'alice', 3, 'merged', [['bob', 1]]),
    pr(6, 'stranger', 4, 'closed'),
    pr(7, 'dependabot[bot]', 2, 'merged'),
    // outside, only in 365d
    pr(8, 'carol', 200, 'closed', [['bob', 100]]),
  ];
  const issues = [
    issue(11, 'carol', 1, [['bob', 4]]),
    issue(12, 'alice', 2),
    issue(13, 'dave', 100, [['alice', 24]]),
  ];
  const commitWindows = [
    {
      window: '30d',
      outsideCommits: 3,
      ownerTeamCommits: 9,
      innerSourceRatio: 0.25,
    },
    {
      window: '90d',
      outsideCommits: 5,
      ownerTeamCommits: 15,
      innerSourceRatio: 0.25,
    },
    {
      window: '365d',
      outsideCommits: 10,
      ownerTeamCommits: 30,
      innerSourceRatio: 0.25,
    },
  ] as WindowContributions[];
  const figures = scmWindowFigures({
    signals: { pullRequests, issues },
    now: NOW,
    attribute,
    isBot,
    commitWindows,
  });
  const byWindow = Object.fromEntries(figures.map(f => [f.window, f]));

  it('counts outside pull requests and their acceptance ratio per window', () => {
    expect(byWindow['30d']).toMatchObject({
      pullRequests: 6,
      outsidePullRequests: 3,
      outsideMerged: 1,
      outsideClosedUnmerged: 1,
      outsideAcceptanceRatio: 0.5,
      issues: 2,
      outsideIssues: 1,
    });
    expect(byWindow['90d']).toMatchObject({
      pullRequests: 7,
      outsidePullRequests: 4,
      outsideMerged: 2,
      outsideClosedUnmerged: 1,
    });
    expect(byWindow['90d'].outsideAcceptanceRatio).toBeCloseTo(2 / 3);
    expect(byWindow['365d']).toMatchObject({
      pullRequests: 8,
      outsidePullRequests: 5,
      outsideMerged: 2,
      outsideClosedUnmerged: 2,
      outsideAcceptanceRatio: 0.5,
      issues: 3,
      outsideIssues: 2,
    });
  });

  it('measures time to first response on outside items only', () => {
    // 30d outside PRs: 2 h, 10 h, and #3 waiting (only its author answered)
    expect(byWindow['30d'].outsidePullRequestResponse).toEqual({
      responded: 2,
      waiting: 1,
      medianHours: 6,
      p90Hours: 9.2,
    });
    // 365d: 2, 10, 48, 100 h
    expect(byWindow['365d'].outsidePullRequestResponse).toEqual({
      responded: 4,
      waiting: 1,
      medianHours: 29,
      p90Hours: 84.4,
    });
    expect(byWindow['365d'].outsideIssueResponse).toEqual({
      responded: 2,
      waiting: 0,
      medianHours: 14,
      p90Hours: 22,
    });
  });

  it('gives the InnerSource ratio by commits, pull requests, issues and combined', () => {
    // 30d: PRs outside 3 of 4 attributed (alice's counts, stranger and the bot do not);
    // issues 1 of 2; combined (3 + 3 + 1) / (12 + 4 + 2)
    expect(byWindow['30d'].innerSourceRatio).toEqual({
      commits: 0.25,
      pullRequests: 0.75,
      issues: 0.5,
      combined: 7 / 18,
    });
  });

  it('has null ratios and no response figures without pull requests, issues or commits', () => {
    const [empty] = scmWindowFigures({
      signals: { pullRequests: [], issues: [] },
      now: NOW,
      attribute,
      isBot,
    });
    expect(empty.outsideAcceptanceRatio).toBeNull();
    expect(empty.outsidePullRequestResponse).toEqual({
      responded: 0,
      waiting: 0,
      medianHours: null,
      p90Hours: null,
    });
    expect(empty.innerSourceRatio).toEqual({
      commits: null,
      pullRequests: null,
      issues: null,
      combined: null,
    });
  });
});
