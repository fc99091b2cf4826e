import type {
  ProgramAdoptionPoint,
  ProgramInterval,
  ReadinessLevel,
} from '@innersource-backstage/plugin-innersource-common';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  ChartFrame,
  DataTable,
  READINESS_LEVEL_COLORS,
  READINESS_LEVEL_LABELS,
  useChartTheme,
} from '../shared';
import { CsvExportButton } from './common/CsvExportButton';
import { CsvColumn } from './common/csv';
import { formatPeriod } from './common/periods';
import { NoFigures, ProgramCard } from './common/ProgramCard';
import { PROGRAM_GQM } from './gqm';

const CHART_HEIGHT = 280;

/** The levels bottom to top of the stack. */
const LEVELS: ReadinessLevel[] = ['none', 'bronze', 'silver', 'gold'];

const CSV_COLUMNS: CsvColumn<ProgramAdoptionPoint>[] = [
  { header: 'Period start', value: p => p.period },
  { header: 'Day counted', value: p => p.day },
  { header: 'InnerSource projects', value: p => p.innerSourceProjects },
  { header: 'Projects', value: p => p.projects },
  ...LEVELS.map(level => ({
    header: READINESS_LEVEL_LABELS[level],
    value: (p: ProgramAdoptionPoint) => p.levels[level],
  })),
];

/** @internal */
export interface AdoptionTrendChartProps {
  points: ProgramAdoptionPoint[];
  interval: ProgramInterval;
  /** A fixed width, e.g. in tests; by default the chart fills its container. */
  width?: number;
}

/**
 * InnerSource projects per period as a line over all projects stacked by readiness level, with the
 * same numbers in a table for assistive technology.
 *
 * @internal
 */
export function AdoptionTrendChart(props: AdoptionTrendChartProps) {
  const { points, interval, width } = props;
  const chartTheme = useChartTheme();
  const data = points.map(p => ({
    label: formatPeriod(p.period, interval),
    innerSource: p.innerSourceProjects,
    ...p.levels,
  }));
  return (
    <>
      <ChartFrame height={CHART_HEIGHT} width={width}>
        {chartWidth => (
          <ComposedChart
            width={chartWidth}
            height={CHART_HEIGHT}
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
          >
            <CartesianGrid {...chartTheme.gridProps} />
            <XAxis dataKey="label" {...chartTheme.axisProps} minTickGap={16} />
            <YAxis allowDecimals={false} {...chartTheme.axisProps} />
            <Tooltip
              {...chartTheme.tooltip}
              cursor={{ fill: chartTheme.cursor }}
            />
            <Legend
              formatter={name => (
                <span style={chartTheme.legendText}>{name}</span>
              )}
            />
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
          </ComposedChart>
        )}
      </ChartFrame>
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

/** @internal */
export interface AdoptionTrendCardProps {
  points: ProgramAdoptionPoint[];
  interval: ProgramInterval;
  computedAt?: string;
}

/**
 * Adoption over time: is the number of InnerSource projects growing, and how ready are the
 * projects?
 *
 * @internal
 */
export function AdoptionTrendCard(props: AdoptionTrendCardProps) {
  const { points, interval, computedAt } = props;
  return (
    <ProgramCard
      title="InnerSource projects over time"
      gqm={PROGRAM_GQM.adoption}
      window={`the stored daily history, the last day of each ${interval}`}
      computedAt={computedAt}
      action={
        <CsvExportButton
          what="the adoption trend"
          filename="innersource-adoption"
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
        <AdoptionTrendChart points={points} interval={interval} />
      )}
    </ProgramCard>
  );
}
