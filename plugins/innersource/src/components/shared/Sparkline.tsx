import { useTheme } from '@material-ui/core/styles';

/** @public */
export interface SparklineProps {
  /** The values in chronological order. */
  values: number[];
  /** Accessible description of what the line shows. */
  label: string;
  width?: number;
  height?: number;
  /** Fix the bottom and top of the scale, e.g. `[0, 100]` for scores. */
  domain?: [number, number];
  color?: string;
}

/**
 * A minimal SVG line chart of a series of values, for trends next to the figures.
 *
 * @public
 */
export function Sparkline(props: SparklineProps) {
  const { values, label, width = 160, height = 40, domain } = props;
  const theme = useTheme();
  const color = props.color ?? theme.palette.primary.main;
  if (values.length === 0) {
    return null;
  }
  const min = domain?.[0] ?? Math.min(...values);
  const max = domain?.[1] ?? Math.max(...values);
  const span = max - min || 1;
  const pad = 2;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const points = values
    .map((value, index) => {
      const x = pad + index * step;
      const y = pad + (height - 2 * pad) * (1 - (value - min) / span);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');

  return (
    <svg
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      <polyline
        fill="none"
        stroke={color}
        strokeWidth={2}
        strokeLinejoin="round"
        strokeLinecap="round"
        points={
          values.length > 1
            ? points
            : `${pad},${height / 2} ${width - pad},${height / 2}`
        }
      />
    </svg>
  );
}
