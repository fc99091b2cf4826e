import {
  fillWeeks,
  firstWeekOfWindow,
  periodStartOf,
  rollUpAdoption,
  weekStartOf,
} from './programPeriods';

describe('periods', () => {
  it('finds the Monday of a week and the first day of a month', () => {
    expect(weekStartOf('2026-11-24')).toBe('2026-11-23'); // Tuesday
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23'); // Monday
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28'); // across the year
    expect(periodStartOf('2026-11-24', 'month')).toBe('2026-11-01');
    expect(periodStartOf('2026-11-24', 'week')).toBe('2026-11-23');
  });

  it('starts a window at the week holding its first day', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    // 30 days up to 2026-11-24 start on 2026-10-26, a Monday
    expect(firstWeekOfWindow('30d', now)).toBe('2026-10-26');
    // 90 days start on 2026-08-27, a Thursday
    expect(firstWeekOfWindow('90d', now)).toBe('2026-08-24');
    expect(firstWeekOfWindow('all', now)).toBeUndefined();
  });
});

describe('rollUpAdoption', () => {
  const rows = [
    // two refreshes in the week of 2026-11-16, one in the week of 2026-11-23
    {
      day: '2026-11-17',
      readinessLevel: 'none',
      projects: 3,
      innerSourceProjects: 1,
      crossTeamDependencies: 2,
    },
    {
      day: '2026-11-17',
      readinessLevel: 'gold',
      projects: 1,
      innerSourceProjects: 1,
      crossTeamDependencies: 3,
    },
    {
      day: '2026-11-20',
      readinessLevel: 'none',
      projects: 2,
      innerSourceProjects: 0,
      crossTeamDependencies: 2,
    },
    {
      day: '2026-11-20',
      readinessLevel: 'silver',
      projects: 1,
      innerSourceProjects: 1,
      crossTeamDependencies: 0,
    },
    {
      day: '2026-11-20',
      readinessLevel: 'gold',
      projects: 1,
      innerSourceProjects: 1,
      crossTeamDependencies: 3,
    },
    {
      day: '2026-11-24',
      readinessLevel: 'gold',
      projects: 2,
      innerSourceProjects: 2,
      crossTeamDependencies: 6,
    },
    {
      day: '2026-11-24',
      readinessLevel: 'platinum',
      projects: 1,
      innerSourceProjects: 0,
      crossTeamDependencies: 0,
    },
  ];

  it('takes the last day of each week, not the sum of its days', () => {
    expect(rollUpAdoption(rows, 'week')).toEqual([
      {
        period: '2026-11-16',
        day: '2026-11-20',
        projects: 4,
        innerSourceProjects: 2,
        levels: { none: 2, bronze: 0, silver: 1, gold: 1 },
        crossTeamDependencies: 5,
      },
      {
        period: '2026-11-23',
        day: '2026-11-24',
        projects: 3,
        innerSourceProjects: 2,
        // an unknown level counts as none
        levels: { none: 1, bronze: 0, silver: 0, gold: 2 },
        crossTeamDependencies: 6,
      },
    ]);
  });

  it('rolls the same days up to one month', () => {
    const months = rollUpAdoption(rows, 'month');
    expect(months).toHaveLength(1);
    expect(months[0]).toMatchObject({
      period: '2026-11-01',
      day: '2026-11-24',
      projects: 3,
    });
  });

  it('has no periods without history', () => {
    expect(rollUpAdoption([], 'week')).toEqual([]);
  });
});

describe('fillWeeks', () => {
  it('fills quiet weeks with zeros from the first week to the last', () => {
    expect(
      fillWeeks(
        [{ weekStart: '2026-11-09', ownerTeam: 1, outside: 2, unknown: 0 }],
        '2026-11-02',
        '2026-11-16',
      ),
    ).toEqual([
      { weekStart: '2026-11-02', ownerTeam: 0, outside: 0, unknown: 0 },
      { weekStart: '2026-11-09', ownerTeam: 1, outside: 2, unknown: 0 },
      { weekStart: '2026-11-16', ownerTeam: 0, outside: 0, unknown: 0 },
    ]);
  });

  it('starts at the first row without a window start', () => {
    expect(
      fillWeeks(
        [{ weekStart: '2026-11-09', ownerTeam: 1, outside: 0, unknown: 0 }],
        undefined,
        '2026-11-16',
      ).map(w => w.weekStart),
    ).toEqual(['2026-11-09', '2026-11-16']);
  });
});
