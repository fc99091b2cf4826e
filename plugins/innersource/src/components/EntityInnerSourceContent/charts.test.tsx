import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import {
  paymentsContributions,
  paymentsResponse,
} from '../../__testUtils__/fixtures';
import {
  DistanceHistogramChart,
  toDistanceBuckets,
} from './DistanceHistogramChart';
import { WeeklyCommitsChart } from './WeeklyCommitsChart';
import { ReadinessHistoryChart, readinessDays } from './ReadinessHistoryChart';

describe('toDistanceBuckets', () => {
  it('lists every distance up to the largest, then unknown', () => {
    expect(toDistanceBuckets({ unknown: 2, '3': 4, '0': 10 })).toEqual([
      { distance: '0', label: '0 (same team)', commits: 10 },
      { distance: '1', label: '1', commits: 0 },
      { distance: '2', label: '2', commits: 0 },
      { distance: '3', label: '3', commits: 4 },
      { distance: 'unknown', label: 'unknown', commits: 2 },
    ]);
  });

  it('shows the owning team even without commits', () => {
    expect(toDistanceBuckets({})).toEqual([
      { distance: '0', label: '0 (same team)', commits: 0 },
    ]);
  });
});

describe('readinessDays', () => {
  const day = (
    date: string,
    readinessLevel?: 'none' | 'bronze' | 'silver' | 'gold',
  ) => ({
    day: date,
    usageCount: 0,
    businessUnitCount: 0,
    lintScore: 50,
    lintErrors: 0,
    lintWarnings: 0,
    ...(readinessLevel ? { readinessLevel } : {}),
  });

  it('marks the days the level dropped below the last known level', () => {
    const days = readinessDays([
      day('2025-06-01', 'silver'),
      day('2025-06-02', 'gold'),
      day('2025-06-03'),
      day('2025-06-04', 'bronze'),
      day('2025-06-05', 'bronze'),
      day('2025-06-06', 'none'),
    ]);
    expect(days.map(d => d.regressed)).toEqual([
      false,
      false,
      false,
      true,
      false,
      true,
    ]);
    // A day without a level is skipped: the drop is measured from gold.
    expect(days[3].previousLevel).toBe('gold');
  });
});

describe('charts', () => {
  it('draws the weekly commits stacked by who made them', async () => {
    const { container } = await renderInTestApp(
      <WeeklyCommitsChart weekly={paymentsContributions.weekly} width={640} />,
    );

    // A bar for every week with commits, in a colour per series.
    const bars = Array.from(
      container.querySelectorAll('path.recharts-rectangle'),
    );
    const fills = new Map<string, Set<string>>();
    for (const bar of bars) {
      const name = bar.getAttribute('name') ?? '';
      fills.set(
        name,
        (fills.get(name) ?? new Set()).add(bar.getAttribute('fill') ?? ''),
      );
    }
    const weeksWith = (key: 'ownerTeam' | 'outside' | 'unknown') =>
      paymentsContributions.weekly.filter(week => week[key] > 0).length;
    expect(
      bars.filter(bar => bar.getAttribute('name') === 'Owning team'),
    ).toHaveLength(weeksWith('ownerTeam'));
    expect(
      bars.filter(bar => bar.getAttribute('name') === 'Outside'),
    ).toHaveLength(weeksWith('outside'));
    expect(
      bars.filter(bar => bar.getAttribute('name') === 'Unknown authors'),
    ).toHaveLength(weeksWith('unknown'));
    const seriesFills = Array.from(fills.values()).map(set => Array.from(set));
    expect(seriesFills).toHaveLength(3);
    expect(new Set(seriesFills.flat()).size).toBe(3);
    expect(container).toHaveTextContent('Owning team');
    expect(container).toHaveTextContent('Unknown authors');
    // The numbers are also in a table.
    expect(
      within(
        screen.getByRole('table', { name: 'Commits per week' }),
      ).getAllByRole('row'),
    ).toHaveLength(53);
  });

  it('draws the distance histogram with the same-team bar first', async () => {
    const { container } = await renderInTestApp(
      <DistanceHistogramChart
        histogram={{ '0': 160, '1': 15, '2': 52, unknown: 4 }}
        width={480}
      />,
    );

    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(
      4,
    );
    const ticks = Array.from(
      container.querySelectorAll(
        '.recharts-xAxis .recharts-cartesian-axis-tick-value',
      ),
    ).map(tick => tick.textContent);
    expect(ticks).toEqual(['0 (same team)', '1', '2', 'unknown']);
  });

  it('draws nothing but the table while the container has no width', async () => {
    const { container } = await renderInTestApp(
      <DistanceHistogramChart histogram={{ '0': 3 }} />,
    );

    expect(container.querySelector('svg.recharts-surface')).toBeNull();
    expect(
      screen.getByRole('table', { name: 'Commits by contribution distance' }),
    ).toHaveTextContent('0 (same team)3');
  });

  it('draws the readiness score per day, ringing the day the level dropped', async () => {
    const { container } = await renderInTestApp(
      <ReadinessHistoryChart history={paymentsResponse.history} width={640} />,
    );

    expect(container.querySelectorAll('.recharts-line-curve')).toHaveLength(1);
    const dots = Array.from(
      container.querySelectorAll('.recharts-line-dots circle'),
    );
    expect(dots).toHaveLength(3);
    // Each day's dot has the colour of its level: not ready, silver, bronze.
    expect(dots.map(dot => dot.getAttribute('fill'))).toEqual([
      '#9e9e9e',
      '#6e7b82',
      '#a0602c',
    ]);
    expect(
      container.querySelectorAll('circle.readiness-regressed-dot'),
    ).toHaveLength(1);
    expect(
      screen.getByRole('table', { name: 'Readiness score per day' }),
    ).toHaveTextContent('2025-06-0259Bronze (regressed)');
  });
});
