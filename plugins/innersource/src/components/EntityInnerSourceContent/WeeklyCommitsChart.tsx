import type { WeeklyCommits } from '@innersource-backstage/plugin-innersource-common';
import { Bar, BarChart } from 'recharts';
import { CartesianChart, DataTable, useChartTheme } from '../shared';

/** The series of the chart, bottom to top. */
const SERIES: Array<{
  key: keyof Omit<WeeklyCommits, 'weekStart'>;
  name: string;
}> = [
  { key: 'ownerTeam', name: 'Owning team' },
  { key: 'outside', name: 'Outside' },
  { key: 'unknown', name: 'Unknown authors' },
];

const CHART_HEIGHT = 260;

/** `2025-06-02` as `Jun 2`, read as a UTC day. */
function formatWeek(weekStart: string): string {
  const date = new Date(`${weekStart}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    return weekStart;
  }
  return date.toLocaleDateString('en', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** @internal */
export interface WeeklyCommitsChartProps {
  /** Weeks, oldest first. */
  weekly: WeeklyCommits[];
  /** A fixed width, e.g. in tests; by default the chart fills its container. */
  width?: number;
}

/**
 * Commits per week, stacked by who made them: the owning team, people outside it, and authors
 * matching no catalog user. The same numbers are in a table for assistive technology.
 *
 * @internal
 */
export function WeeklyCommitsChart(props: WeeklyCommitsChartProps) {
  const { weekly, width } = props;
  const chartTheme = useChartTheme();
  const colors = {
    ownerTeam: chartTheme.ownerTeam,
    outside: chartTheme.outside,
    unknown: chartTheme.unknown,
  };

  return (
    <>
      <CartesianChart
        chart={BarChart}
        height={CHART_HEIGHT}
        width={width}
        data={weekly}
        xAxis={{
          dataKey: 'weekStart',
          tickFormatter: formatWeek,
          minTickGap: 16,
        }}
        tooltip={{
          cursor: { fill: chartTheme.cursor },
          labelFormatter: weekStart => `Week of ${formatWeek(weekStart)}`,
        }}
        legend
      >
        {SERIES.map(series => (
          <Bar
            key={series.key}
            dataKey={series.key}
            name={series.name}
            stackId="commits"
            fill={colors[series.key]}
            isAnimationActive={false}
          />
        ))}
      </CartesianChart>
      <DataTable
        visuallyHidden
        label="Commits per week"
        columns={['Week starting', ...SERIES.map(series => series.name)]}
        rows={weekly.map(week => ({
          key: week.weekStart,
          cells: [week.weekStart, ...SERIES.map(series => week[series.key])],
        }))}
      />
    </>
  );
}
