import { useTheme } from '@material-ui/core/styles';
import type {
  EntitySnapshot,
  ReadinessLevel,
} from '@innersource-backstage/plugin-innersource-common';
import { Line, LineChart } from 'recharts';
import {
  CartesianChart,
  compareReadinessLevels,
  DataTable,
  READINESS_LEVEL_COLORS,
  READINESS_LEVEL_LABELS,
  useChartTheme,
} from '../shared';

/**
 * One day of the readiness history with the level of the day before, and whether the level
 * dropped since.
 *
 * @internal
 */
export interface ReadinessDay {
  snapshot: EntitySnapshot;
  /** The last known level before this day. */
  previousLevel?: ReadinessLevel;
  /** The level is lower than the last known level before it. */
  regressed: boolean;
}

/**
 * Marks the days on which the readiness level dropped below the last known level before them.
 * Days without a level are neither marked nor compared against.
 *
 * @internal
 */
export function readinessDays(history: EntitySnapshot[]): ReadinessDay[] {
  let previousLevel: ReadinessLevel | undefined;
  return history.map(snapshot => {
    const level = snapshot.readinessLevel;
    const day: ReadinessDay = {
      snapshot,
      previousLevel,
      regressed:
        !!level &&
        !!previousLevel &&
        compareReadinessLevels(level, previousLevel) < 0,
    };
    if (level) {
      previousLevel = level;
    }
    return day;
  });
}

/** `2025-06-02` as `Jun 2`, read as a UTC day. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) {
    return day;
  }
  return date.toLocaleDateString('en', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

const CHART_HEIGHT = 180;

interface Point {
  day: string;
  score: number;
  level?: ReadinessLevel;
  regressed: boolean;
}

/** @internal */
export interface ReadinessHistoryChartProps {
  /** Daily snapshots, oldest first. */
  history: EntitySnapshot[];
  /** A fixed width, e.g. in tests; by default the chart fills its container. */
  width?: number;
}

/**
 * The readiness score per day as a line, with each day's dot in the colour of its readiness
 * level and a red ring on the days the level dropped. The same numbers are in a table for
 * assistive technology.
 *
 * @internal
 */
export function ReadinessHistoryChart(props: ReadinessHistoryChartProps) {
  const { history, width } = props;
  const theme = useTheme();
  const chartTheme = useChartTheme();
  const days = readinessDays(history);
  const data: Point[] = days.map(({ snapshot, regressed }) => ({
    day: snapshot.day,
    score: snapshot.lintScore,
    level: snapshot.readinessLevel,
    regressed,
  }));
  const dense = data.length > 31;

  const renderDot = (dot: {
    cx?: number;
    cy?: number;
    index?: number;
    payload?: Point;
  }) => {
    const point = dot.payload;
    const key = `dot-${dot.index ?? point?.day}`;
    if (dot.cx === undefined || dot.cy === undefined || !point) {
      return <g key={key} />;
    }
    const fill = point.level
      ? READINESS_LEVEL_COLORS[point.level]
      : theme.palette.primary.main;
    if (point.regressed) {
      return (
        <circle
          key={key}
          className="readiness-regressed-dot"
          cx={dot.cx}
          cy={dot.cy}
          r={5}
          fill={fill}
          stroke={theme.palette.error.main}
          strokeWidth={2}
        />
      );
    }
    return (
      <circle
        key={key}
        cx={dot.cx}
        cy={dot.cy}
        r={dense ? 2 : 3.5}
        fill={fill}
        stroke="none"
      />
    );
  };

  return (
    <>
      <CartesianChart
        chart={LineChart}
        height={CHART_HEIGHT}
        width={width}
        data={data}
        margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
        xAxis={{ dataKey: 'day', tickFormatter: formatDay, minTickGap: 16 }}
        yAxis={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
        tooltip={{
          cursor: { stroke: chartTheme.grid },
          labelFormatter: day => formatDay(String(day)),
          formatter: (value, _name, item) => {
            const point = item.payload as Point;
            const level = point.level
              ? ` (${READINESS_LEVEL_LABELS[point.level]}${
                  point.regressed ? ', regressed' : ''
                })`
              : '';
            return [`${value}${level}`, 'Readiness score'];
          },
        }}
      >
        <Line
          type="linear"
          dataKey="score"
          name="Readiness score"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot={renderDot}
          activeDot={{ r: 5 }}
          isAnimationActive={false}
        />
      </CartesianChart>
      <DataTable
        visuallyHidden
        label="Readiness score per day"
        columns={[
          'Day',
          'Readiness score',
          { label: 'Readiness level', align: 'left' },
        ]}
        rows={days.map(({ snapshot, regressed }) => ({
          key: snapshot.day,
          cells: [
            snapshot.day,
            snapshot.lintScore,
            snapshot.readinessLevel
              ? `${READINESS_LEVEL_LABELS[snapshot.readinessLevel]}${
                  regressed ? ' (regressed)' : ''
                }`
              : '–',
          ],
        }))}
      />
    </>
  );
}
