import { Bar, BarChart, Cell } from 'recharts';
import { CartesianChart, DataTable, useChartTheme } from '../shared';

const CHART_HEIGHT = 220;

/** @internal */
export interface DistanceBucket {
  /** '0', '1', ... or 'unknown'. */
  distance: string;
  /** How the bucket is named on the axis and in the table. */
  label: string;
  commits: number;
}

/**
 * Orders a distance histogram for display: every distance from 0 to the largest one (gaps
 * filled with 0 commits), then `unknown` when it has commits.
 *
 * @internal
 */
export function toDistanceBuckets(
  histogram: Record<string, number>,
): DistanceBucket[] {
  const distances = Object.keys(histogram)
    .filter(key => /^\d+$/.test(key))
    .map(key => Number.parseInt(key, 10));
  const max = distances.length > 0 ? Math.max(...distances) : 0;
  const buckets: DistanceBucket[] = [];
  for (let distance = 0; distance <= max; distance++) {
    const key = String(distance);
    buckets.push({
      distance: key,
      label: distance === 0 ? '0 (same team)' : key,
      commits: histogram[key] ?? 0,
    });
  }
  if (histogram.unknown) {
    buckets.push({
      distance: 'unknown',
      label: 'unknown',
      commits: histogram.unknown,
    });
  }
  return buckets;
}

/** @internal */
export interface DistanceHistogramChartProps {
  /** Commits by contribution distance: '0', '1', ... and 'unknown'. */
  histogram: Record<string, number>;
  /** A fixed width, e.g. in tests; by default the chart fills its container. */
  width?: number;
}

/**
 * How many commits come from how far away in the group tree: 0 is the owning team, 1 a team
 * next to it, and so on; `unknown` when there is no common group. The same numbers are in a
 * table for assistive technology.
 *
 * @internal
 */
export function DistanceHistogramChart(props: DistanceHistogramChartProps) {
  const { histogram, width } = props;
  const chartTheme = useChartTheme();
  const buckets = toDistanceBuckets(histogram);

  const colorOf = (bucket: DistanceBucket) => {
    if (bucket.distance === '0') {
      return chartTheme.ownerTeam;
    }
    return bucket.distance === 'unknown'
      ? chartTheme.unknown
      : chartTheme.outside;
  };

  return (
    <>
      <CartesianChart
        chart={BarChart}
        height={CHART_HEIGHT}
        width={width}
        data={buckets}
        xAxis={{ dataKey: 'label', interval: 0 }}
        tooltip={{
          cursor: { fill: chartTheme.cursor },
          labelFormatter: label => `Distance ${label}`,
        }}
      >
        <Bar dataKey="commits" name="Commits" isAnimationActive={false}>
          {buckets.map(bucket => (
            <Cell key={bucket.distance} fill={colorOf(bucket)} />
          ))}
        </Bar>
      </CartesianChart>
      <DataTable
        visuallyHidden
        label="Commits by contribution distance"
        columns={['Distance', 'Commits']}
        rows={buckets.map(bucket => ({
          key: bucket.distance,
          cells: [bucket.label, bucket.commits],
        }))}
      />
    </>
  );
}
