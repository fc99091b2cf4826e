import {
  ACTIVITY_LEVEL_LABELS,
  ActivityScoreInput,
  activityLevel,
  activityScore,
} from './activity';

const noActivity: ActivityScoreInput = {
  forks: 0,
  watchers: 0,
  stars: 0,
  openIssues: 0,
  daysSinceLastUpdate: 400,
  daysSinceCreation: 2000,
  hasLongDescription: false,
  hasContributingGuide: false,
};

const weeks = (count: number, commits: number): number[] =>
  Array.from({ length: count }, () => commits);

describe('activityScore', () => {
  it('scores an old dormant repository 0', () => {
    // s = 50 + 0 = 50
    // recency: d = 400 -> 1 + (100 - 100) / 100 = 1 -> s = 50
    // commits: 13 weeks of 0 -> avg 0 -> 1 + min(max(0 - 3, 0), 7) / 7 = 1 -> s = 50
    // bonus: (1000 - 365 * 2.74) * (365 - 365) / 365 = 0 -> s = 50
    // round(50 - 50) = 0
    expect(activityScore({ ...noActivity, weeklyCommits: weeks(13, 0) })).toBe(
      0,
    );
    expect(activityScore(noActivity)).toBe(0);
  });

  it('adds the description and contributing guide bonuses', () => {
    // dormant s = 50; + 50 (description) = 100 -> round(100 - 50) = 50
    expect(activityScore({ ...noActivity, hasLongDescription: true })).toBe(50);
    // dormant s = 50; + 100 (contributing) = 150 -> round(150 - 50) = 100
    expect(activityScore({ ...noActivity, hasContributingGuide: true })).toBe(
      100,
    );
  });

  it('scores a brand-new active repository', () => {
    const input: ActivityScoreInput = {
      forks: 2,
      watchers: 5,
      stars: 12,
      openIssues: 5,
      daysSinceLastUpdate: 0,
      daysSinceCreation: 146,
      weeklyCommits: weeks(13, 10),
      hasLongDescription: true,
      hasContributingGuide: true,
    };
    // s = 50 + 2*5 + 5 + 12/3 + 5/5 = 50 + 10 + 5 + 4 + 1 = 70
    // recency: d = 0 -> 1 + (100 - 0) / 100 = 2 -> s = 140
    // commits: avg = 130 / 13 = 10 -> 1 + min(max(10 - 3, 0), 7) / 7 = 2 -> s = 280
    // bonus: (1000 - 0 * 2.74) * (365 - 146) / 365 = 1000 * 219 / 365 = 600 -> s = 880
    // + 50 (description) + 100 (contributing) = 1030
    // round(1030 - 50) = 980
    expect(activityScore(input)).toBe(980);
    expect(activityLevel(980)).toBe('high');
  });

  it('damps a very popular repository logarithmically above 3000', () => {
    const input: ActivityScoreInput = {
      forks: 200,
      watchers: 300,
      stars: 1500,
      openIssues: 100,
      daysSinceLastUpdate: 0,
      daysSinceCreation: 1000,
      weeklyCommits: weeks(13, 20),
      hasLongDescription: true,
      hasContributingGuide: true,
    };
    // s = 50 + 200*5 + 300 + 1500/3 + 100/5 = 50 + 1000 + 300 + 500 + 20 = 1870
    // recency: d = 0 -> x2 -> s = 3740
    // commits: avg = 260 / 13 = 20 -> 1 + min(17, 7) / 7 = 2 -> s = 7480
    // bonus: c = 1000 -> (365 - 365) = 0 -> s = 7480
    // + 50 + 100 = 7630
    // 7630 > 3000 -> s = 3000 + ln(7630) * 100
    //   ln(7630) = ln(7.63) + 3 ln(10) = 2.03209 + 6.90776 = 8.93984 -> s = 3893.98
    // round(3893.98 - 50) = round(3843.98) = 3844
    expect(activityScore(input)).toBe(3844);
    expect(activityLevel(3844)).toBe('extremely-high');
  });

  it('applies the damping only above 3000, as published (so it jumps there)', () => {
    const flat: ActivityScoreInput = {
      ...noActivity,
      daysSinceCreation: 365,
      daysSinceLastUpdate: 365,
      hasLongDescription: true,
      hasContributingGuide: true,
    };
    // s = 50 + 2800 = 2850; x1 (d >= 100); bonus 0 (c = 365); + 150 = 3000, not > 3000
    // round(3000 - 50) = 2950
    expect(activityScore({ ...flat, watchers: 2800 })).toBe(2950);
    // s = 50 + 2801 + 150 = 3001 > 3000 -> 3000 + ln(3001) * 100
    //   ln(3001) = ln(3) + ln(1000) + ln(1.000333) = 1.09861 + 6.90776 + 0.00033 = 8.00670
    //   s = 3800.67 -> round(3750.67) = 3751
    expect(activityScore({ ...flat, watchers: 2801 })).toBe(3751);
  });

  describe('weekly commits', () => {
    const base: ActivityScoreInput = {
      forks: 1,
      watchers: 2,
      stars: 3,
      openIssues: 5,
      daysSinceLastUpdate: 50,
      daysSinceCreation: 400,
      hasLongDescription: false,
      hasContributingGuide: true,
    };

    it('leaves the score alone when commits are unknown', () => {
      // s = 50 + 1*5 + 2 + 3/3 + 5/5 = 59
      // recency: d = 50 -> 1 + (100 - 50) / 100 = 1.5 -> s = 88.5
      // no commit multiplier
      // bonus: c = 400 -> (1000 - 50 * 2.74) * (365 - 365) / 365 = 0
      // + 100 (contributing) = 188.5 -> round(138.5) = 139
      expect(activityScore(base)).toBe(139);
    });

    it('uses only the last 13 weeks', () => {
      // 7 old weeks of 100 are ignored; the last 13 weeks of 6 -> avg = 78 / 13 = 6
      // commits: 1 + min(max(6 - 3, 0), 7) / 7 = 10/7
      // s = 88.5 * 10/7 = 126.43; + 100 = 226.43 -> round(176.43) = 176
      expect(
        activityScore({
          ...base,
          weeklyCommits: [...weeks(7, 100), ...weeks(13, 6)],
        }),
      ).toBe(176);
    });

    it('divides fewer than 13 weeks by 13 all the same', () => {
      // 3 weeks of 26 -> avg = 78 / 13 = 6 (not 78 / 3 = 26) -> same as above: 176
      expect(activityScore({ ...base, weeklyCommits: weeks(3, 26) })).toBe(176);
      // no weeks -> avg 0 -> multiplier 1 -> same as unknown: 139
      expect(activityScore({ ...base, weeklyCommits: [] })).toBe(139);
    });
  });

  it('clamps negative and non-finite inputs to 0', () => {
    // every count -> 0, d -> 0, c -> 0, weekly commits -> 0
    // s = 50; recency x2 = 100; commits avg 0 -> x1
    // bonus: (1000 - 0) * (365 - 0) / 365 = 1000 -> s = 1100
    // round(1100 - 50) = 1050
    expect(
      activityScore({
        forks: -5,
        watchers: Number.NaN,
        stars: Number.POSITIVE_INFINITY,
        openIssues: -1,
        daysSinceLastUpdate: -3,
        daysSinceCreation: Number.NaN,
        weeklyCommits: [-10, Number.NaN, Number.POSITIVE_INFINITY],
        hasLongDescription: false,
        hasContributingGuide: false,
      }),
    ).toBe(1050);
  });

  it('never returns a negative score', () => {
    // d = 400, c = 0: bonus = (1000 - 365 * 2.74) * 365 / 365 = -0.1
    // s = 50 - 0.1 = 49.9 -> round(-0.1) would be -0; the score is 0
    expect(
      Object.is(activityScore({ ...noActivity, daysSinceCreation: 0 }), 0),
    ).toBe(true);
  });
});

describe('activityLevel', () => {
  it.each([
    [2501, 'extremely-high'],
    [2500, 'very-high'],
    [1001, 'very-high'],
    [1000, 'high'],
    [301, 'high'],
    [300, 'moderate'],
    [151, 'moderate'],
    [150, 'low'],
    [51, 'low'],
    [50, 'very-low'],
    [6, 'very-low'],
    [5, 'none'],
    [0, 'none'],
    [Number.NaN, 'none'],
  ] as const)('buckets %p as %p', (score, level) => {
    expect(activityLevel(score)).toBe(level);
  });

  it('has a label for every level', () => {
    expect(ACTIVITY_LEVEL_LABELS[activityLevel(2501)]).toBe('Extremely high');
    expect(ACTIVITY_LEVEL_LABELS['very-low']).toBe('Very low');
    expect(ACTIVITY_LEVEL_LABELS.none).toBe('None');
  });
});
