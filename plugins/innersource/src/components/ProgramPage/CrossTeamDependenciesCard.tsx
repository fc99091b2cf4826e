import type { ProgramAdoptionPoint } from '@innersource-backstage/plugin-innersource-common';
import { Line, LineChart } from 'recharts';
import { CartesianChart, DataTable, useChartTheme } from '../shared';
import { CsvColumn } from './common/csv';
import {
  HISTORY_CSV_COLUMNS,
  HistoryTrendCard,
  HistoryTrendChartProps,
  HistoryTrendProps,
} from './common/HistoryTrendCard';
import { formatPeriod } from './common/periods';
import { PROGRAM_GQM } from './gqm';

const CHART_HEIGHT = 220;

const CSV_COLUMNS: CsvColumn<ProgramAdoptionPoint>[] = [
  ...HISTORY_CSV_COLUMNS,
  { header: 'Cross-team dependencies', value: p => p.crossTeamDependencies },
];

/**
 * Cross-team dependencies per period as a line, with a table of the same numbers.
 *
 * @internal
 */
export function CrossTeamDependenciesChart(props: HistoryTrendChartProps) {
  const { points, interval, width } = props;
  const chartTheme = useChartTheme();
  const data = points.map(p => ({
    label: formatPeriod(p.period, interval),
    dependencies: p.crossTeamDependencies,
  }));
  return (
    <>
      <CartesianChart
        chart={LineChart}
        height={CHART_HEIGHT}
        width={width}
        data={data}
        xAxis={{ dataKey: 'label', minTickGap: 16 }}
      >
        <Line
          type="monotone"
          dataKey="dependencies"
          name="Cross-team dependencies"
          stroke={chartTheme.ownerTeam}
          strokeWidth={3}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </CartesianChart>
      <DataTable
        visuallyHidden
        label="Cross-team dependencies per period"
        columns={['Period', 'Cross-team dependencies']}
        rows={points.map(p => ({
          key: p.period,
          cells: [formatPeriod(p.period, interval), p.crossTeamDependencies],
        }))}
      />
    </>
  );
}

/**
 * The total number of cross-team dependencies over time.
 *
 * @internal
 */
export function CrossTeamDependenciesCard(props: HistoryTrendProps) {
  return (
    <HistoryTrendCard
      {...props}
      title="Cross-team dependencies over time"
      gqm={PROGRAM_GQM.crossTeam}
      csv={{
        what: 'cross-team dependencies over time',
        filename: 'innersource-cross-team-dependencies',
        columns: CSV_COLUMNS,
      }}
      chart={CrossTeamDependenciesChart}
    />
  );
}
