import { ComponentProps, ReactNode } from 'react';
import {
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  LineChart,
  Tooltip,
  XAxis,
  XAxisProps,
  YAxis,
  YAxisProps,
} from 'recharts';
import { ChartFrame } from './ChartFrame';
import { useChartTheme } from './chartTheme';

/** The recharts charts that plot series over a category X axis and a value Y axis. */
type CartesianChartType =
  | typeof BarChart
  | typeof ComposedChart
  | typeof LineChart;

/** A little room at the top and right; the Y axis ticks pulled towards the edge. */
const DEFAULT_MARGIN = { top: 8, right: 8, bottom: 0, left: -16 };

/** @internal */
export interface CartesianChartProps {
  /** The recharts chart to draw, e.g. `LineChart`. */
  chart: CartesianChartType;
  height: number;
  /** A fixed width, e.g. in tests; by default the chart fills its container. */
  width?: number;
  data: object[];
  margin?: ComponentProps<CartesianChartType>['margin'];
  /** The X axis: its `dataKey`, tick labels and spacing. */
  xAxis: XAxisProps;
  /** The Y axis; whole numbers by default. */
  yAxis?: YAxisProps;
  /** The tooltip's cursor and formatters; its colours come from the chart theme. */
  tooltip?: ComponentProps<typeof Tooltip>;
  /** Names the series below the chart. */
  legend?: boolean;
  /** The series, e.g. `Bar`s and `Line`s. */
  children: ReactNode;
}

/**
 * A chart of series over a category X axis, in the chart theme: horizontal grid lines, themed
 * axes, tooltip and legend. It fills the width of its container like {@link ChartFrame}, and
 * like it is drawn for sighted users only: put a table of the same numbers next to it.
 *
 * @internal
 */
export function CartesianChart(props: CartesianChartProps) {
  const {
    chart: Chart,
    height,
    width,
    data,
    margin = DEFAULT_MARGIN,
    xAxis,
    yAxis = { allowDecimals: false },
    tooltip,
    legend,
    children,
  } = props;
  const chartTheme = useChartTheme();
  return (
    <ChartFrame height={height} width={width}>
      {chartWidth => (
        <Chart width={chartWidth} height={height} data={data} margin={margin}>
          <CartesianGrid {...chartTheme.gridProps} />
          <XAxis {...xAxis} {...chartTheme.axisProps} />
          <YAxis {...yAxis} {...chartTheme.axisProps} />
          <Tooltip {...chartTheme.tooltip} {...tooltip} />
          {legend && (
            <Legend
              formatter={name => (
                <span style={chartTheme.legendText}>{name}</span>
              )}
            />
          )}
          {children}
        </Chart>
      )}
    </ChartFrame>
  );
}
