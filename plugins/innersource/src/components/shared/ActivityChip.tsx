import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { Theme, makeStyles } from '@material-ui/core/styles';
import {
  ACTIVITY_LEVEL_LABELS,
  ActivityLevel,
} from '@innersource-backstage/plugin-innersource-common';

/** Readable text on the paper background in both light and dark themes. */
function tone(
  theme: Theme,
  color: { light: string; main: string; dark: string },
) {
  return {
    color: theme.palette.type === 'dark' ? color.light : color.dark,
    borderColor: color.main,
  };
}

const useStyles = makeStyles(theme => ({
  high: tone(theme, theme.palette.success),
  moderate: tone(theme, theme.palette.info),
  low: tone(theme, theme.palette.warning),
  none: {
    color: theme.palette.text.secondary,
    borderColor: theme.palette.divider,
  },
  strong: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

const LEVEL_TONES: Record<ActivityLevel, 'high' | 'moderate' | 'low' | 'none'> =
  {
    'extremely-high': 'high',
    'very-high': 'high',
    high: 'high',
    moderate: 'moderate',
    low: 'low',
    'very-low': 'low',
    none: 'none',
  };

/**
 * Describes an activity figure in words, e.g. `Repository Activity Score 412 (High)`.
 *
 * @internal
 */
export function describeActivity(score: number, level: ActivityLevel): string {
  return `Repository Activity Score ${score} (${ACTIVITY_LEVEL_LABELS[level]})`;
}

/** @internal */
export interface ActivityChipProps {
  /** The Repository Activity Score. */
  score: number;
  level: ActivityLevel;
}

/**
 * The activity level of a repository as a chip coloured by level, with the Repository Activity
 * Score in a tooltip.
 *
 * @internal
 */
export function ActivityChip(props: ActivityChipProps) {
  const { score, level } = props;
  const classes = useStyles();
  const levelTone = LEVEL_TONES[level] ?? 'none';
  const strong =
    level === 'extremely-high' || level === 'very-high' ? classes.strong : '';
  return (
    <Tooltip title={describeActivity(score, level)}>
      <Chip
        size="small"
        variant="outlined"
        tabIndex={0}
        className={`${classes[levelTone]} ${strong}`.trim()}
        label={`Activity: ${ACTIVITY_LEVEL_LABELS[level] ?? level}`}
      />
    </Tooltip>
  );
}
