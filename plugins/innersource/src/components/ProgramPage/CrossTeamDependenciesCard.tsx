import type {
  ProgramAdoptionPoint,
  ProgramInterval,
} from '@innersource-backstage/plugin-innersource-common';
import {
  CartesianGrid,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame, DataTable, useChartTheme } from '../shared';
import { CsvExportButton } from './common/CsvExportButton';
import { CsvColumn } from './common/csv';
import { formatPeriod } from './common/periods';
import { NoFigures, ProgramCard } from './common/ProgramCard';
import { PROGRAM_GQM } from './gqm';

const CHART_HEIGHT = 220;

const CSV_COLUMNS: CsvColumn<ProgramAdoptionPoint>[] = [
  { header: 'Period start', value: p => p.period },
  { header: 'Day counted', value: p => p.day },
  { header: 'Cross-team dependencies', value: p => p.crossTeamDependencies },
];

/** @internal */
export interface CrossTeamDependenciesChartProps {
  points: ProgramAdoptionPoint[];
  interval: ProgramInterval;
  width?: number;
}

/**
 * Cross-team dependencies per period as a line, with a table of the same numbers.
 *
 * @internal
 */
export function CrossTeamDependenciesChart(
  props: CrossTeamDependenciesChartProps,
) {
  const { points, interval, width } = props;
  const chartTheme = useChartTheme();
  const data = points.map(p => ({
    label: formatPeriod(p.period, interval),
    dependencies: p.crossTeamDependencies,
  }));
  return (
    <>
      <ChartFrame height={CHART_HEIGHT} width={width}>
        {chartWidth => (
          <LineChart
            width={chartWidth}
            height={CHART_HEIGHT}
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
          >
            <CartesianGrid {...chartTheme.gridProps} />
            <XAxis dataKey="label" {...chartTheme.axisProps} minTickGap={16} />
            <YAxis allowDecimals={false} {...chartTheme.axisProps} />
            <Tooltip {...chartTheme.tooltip} />
            <Line
              type="monotone"
              dataKey="dependencies"
              name="Cross-team dependencies"
              stroke={chartTheme.ownerTeam}
              strokeWidth={3}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </LineChart>
        )}
      </ChartFrame>
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
export function CrossTeamDependenciesCard(props: {
  points: ProgramAdoptionPoint[];
  interval: ProgramInterval;
  computedAt?: string;
}) {
  const { points, interval, computedAt } = props;
  return (
    <ProgramCard
      title="Cross-team dependencies over time"
      gqm={PROGRAM_GQM.crossTeam}
      window={`the stored daily history, the last day of each ${interval}`}
      computedAt={computedAt}
      action={
        <CsvExportButton
          what="cross-team dependencies over time"
          filename="innersource-cross-team-dependencies"
          columns={CSV_COLUMNS}
          rows={points}
        />
      }
    >
      {points.length === 0 ? (
        <NoFigures>
          No history yet: the trend starts with the first refresh.
        </NoFigures>
      ) : (
        <CrossTeamDependenciesChart points={points} interval={interval} />
      )}
    </ProgramCard>
  );
}
