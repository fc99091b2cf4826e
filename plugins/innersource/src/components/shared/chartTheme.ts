import { useTheme } from '@material-ui/core/styles';
import { CSSProperties } from 'react';

/**
 * Colours and styles for recharts charts, taken from the MUI theme so that charts read well in
 * light and dark themes.
 *
 * @internal
 */
export interface ChartTheme {
  /** Commits by the owning team. */
  ownerTeam: string;
  /** Commits from outside the owning team. */
  outside: string;
  /** Commits by authors matching no catalog user. */
  unknown: string;
  axis: string;
  grid: string;
  cursor: string;
  tooltip: {
    contentStyle: CSSProperties;
    labelStyle: CSSProperties;
    itemStyle: CSSProperties;
  };
  legendText: CSSProperties;
  /** Props of every chart's `CartesianGrid`: horizontal dashed lines. */
  gridProps: { vertical: false; stroke: string; strokeDasharray: string };
  /** Props every `XAxis` and `YAxis` shares: tick text and axis line colours. */
  axisProps: { tick: { fill: string; fontSize: number }; stroke: string };
}

/** @internal */
export function useChartTheme(): ChartTheme {
  const theme = useTheme();
  const { palette } = theme;
  return {
    ownerTeam: palette.primary.main,
    outside: palette.secondary.main,
    unknown: palette.type === 'dark' ? palette.grey[600] : palette.grey[400],
    axis: palette.text.secondary,
    grid: palette.divider,
    cursor: palette.action.hover,
    tooltip: {
      contentStyle: {
        backgroundColor: palette.background.paper,
        borderColor: palette.divider,
        borderRadius: theme.shape.borderRadius,
        color: palette.text.primary,
        fontSize: theme.typography.body2.fontSize,
      },
      labelStyle: { color: palette.text.primary, fontWeight: 500 },
      itemStyle: { padding: 0 },
    },
    legendText: { color: palette.text.primary },
    gridProps: {
      vertical: false,
      stroke: palette.divider,
      strokeDasharray: '3 3',
    },
    axisProps: {
      tick: { fill: palette.text.secondary, fontSize: 12 },
      stroke: palette.divider,
    },
  };
}
