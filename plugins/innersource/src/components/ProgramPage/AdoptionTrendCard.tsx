import type {
  ProgramAdoptionPoint,
  ReadinessLevel,
} from '@innersource-backstage/plugin-innersource-common';
import { Bar, ComposedChart, Line } from 'recharts';
import {
  CartesianChart,
  DataTable,
  READINESS_LEVEL_COLORS,
  READINESS_LEVEL_LABELS,
  useChartTheme,
} from '../shared';
import { CsvColumn } from './common/csv';
import {
  HISTORY_CSV_COLUMNS,
  HistoryTrendCard,
  HistoryTrendChartProps,
  HistoryTrendProps,
} from './common/HistoryTrendCard';
import { formatPeriod } from './common/periods';
import { PROGRAM_GQM } from './gqm';

const CHART_HEIGHT = 280;

/** The levels bottom to top of the stack. */
const LEVELS: ReadinessLevel[] = ['none', 'bronze', 'silver', 'gold'];

const CSV_COLUMNS: CsvColumn<ProgramAdoptionPoint>[] = [
  ...HISTORY_CSV_COLUMNS,
  { header: 'InnerSource projects', value: p => p.innerSourceProjects },
  { header: 'Projects', value: p => p.projects },
  ...LEVELS.map(level => ({
    header: READINESS_LEVEL_LABELS[level],
    value: (p: ProgramAdoptionPoint) => p.levels[level],
  })),
];

/**
 * InnerSource projects per period as a line over all projects stacked by readiness level, with the
 * same numbers in a table for assistive technology.
 *
 * @internal
 */
export function AdoptionTrendChart(props: HistoryTrendChartProps) {
  const { points, interval, width } = props;
  const chartTheme = useChartTheme();
  const data = points.map(p => ({
    label: formatPeriod(p.period, interval),
    innerSource: p.innerSourceProjects,
    ...p.levels,
  }));
  return (
    <>
      <CartesianChart
        chart={ComposedChart}
        height={CHART_HEIGHT}
        width={width}
        data={data}
        xAxis={{ dataKey: 'label', minTickGap: 16 }}
        tooltip={{ cursor: { fill: chartTheme.cursor } }}
        legend
      >
        {LEVELS.map(level => (
          <Bar
            key={level}
            dataKey={level}
            name={`Projects: ${READINESS_LEVEL_LABELS[level]}`}
            stackId="levels"
            fill={READINESS_LEVEL_COLORS[level]}
            fillOpacity={0.75}
            isAnimationActive={false}
          />
        ))}
        <Line
          type="monotone"
          dataKey="innerSource"
          name="InnerSource projects"
          stroke={chartTheme.outside}
          strokeWidth={3}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </CartesianChart>
      <DataTable
        visuallyHidden
        label="InnerSource projects per period"
        columns={[
          'Period',
          'InnerSource projects',
          'Projects',
          ...LEVELS.map(level => READINESS_LEVEL_LABELS[level]),
        ]}
        rows={points.map(p => ({
          key: p.period,
          cells: [
            formatPeriod(p.period, interval),
            p.innerSourceProjects,
            p.projects,
            ...LEVELS.map(level => p.levels[level]),
          ],
        }))}
      />
    </>
  );
}

/**
 * Adoption over time: is the number of InnerSource projects growing, and how ready are the
 * projects?
 *
 * @internal
 */
export function AdoptionTrendCard(props: HistoryTrendProps) {
  return (
    <HistoryTrendCard
      {...props}
      title="InnerSource projects over time"
      gqm={PROGRAM_GQM.adoption}
      csv={{
        what: 'the adoption trend',
        filename: 'innersource-adoption',
        columns: CSV_COLUMNS,
      }}
      chart={AdoptionTrendChart}
    />
  );
}
