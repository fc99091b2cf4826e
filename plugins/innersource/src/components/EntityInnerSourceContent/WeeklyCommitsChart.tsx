import type { WeeklyCommits } from '@innersource-backstage/plugin-innersource-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame, DataTable, useChartTheme } from '../shared';

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
      <ChartFrame height={CHART_HEIGHT} width={width}>
        {chartWidth => (
          <BarChart
            width={chartWidth}
            height={CHART_HEIGHT}
            data={weekly}
            margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
          >
            <CartesianGrid {...chartTheme.gridProps} />
            <XAxis
              dataKey="weekStart"
              tickFormatter={formatWeek}
              {...chartTheme.axisProps}
              minTickGap={16}
            />
            <YAxis allowDecimals={false} {...chartTheme.axisProps} />
            <Tooltip
              {...chartTheme.tooltip}
              cursor={{ fill: chartTheme.cursor }}
              labelFormatter={weekStart => `Week of ${formatWeek(weekStart)}`}
            />
            <Legend
              formatter={name => (
                <span style={chartTheme.legendText}>{name}</span>
              )}
            />
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
          </BarChart>
        )}
      </ChartFrame>
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
