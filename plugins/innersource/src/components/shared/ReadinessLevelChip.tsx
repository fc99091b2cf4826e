import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import type { ReadinessLevel } from '@innersource-backstage/plugin-innersource-common';

/**
 * The names of the readiness levels.
 *
 * @internal
 */
export const READINESS_LEVEL_LABELS: Record<ReadinessLevel, string> = {
  gold: 'Gold',
  silver: 'Silver',
  bronze: 'Bronze',
  none: 'Not ready',
};

/**
 * The colours of the readiness levels, as on the README badge the backend serves.
 *
 * @internal
 */
export const READINESS_LEVEL_COLORS: Record<ReadinessLevel, string> = {
  gold: '#b08d1a',
  silver: '#6e7b82',
  bronze: '#a0602c',
  none: '#9e9e9e',
};

/** Text on the level colours with a contrast of at least 4.5:1. */
const DARK_TEXT = '#000000';
const LIGHT_TEXT = '#ffffff';

const useStyles = makeStyles(theme => ({
  root: {
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  gold: {
    backgroundColor: READINESS_LEVEL_COLORS.gold,
    color: DARK_TEXT,
  },
  silver: {
    backgroundColor: READINESS_LEVEL_COLORS.silver,
    color: DARK_TEXT,
  },
  bronze: {
    backgroundColor: READINESS_LEVEL_COLORS.bronze,
    color: LIGHT_TEXT,
  },
  none: {
    backgroundColor: 'transparent',
    color: theme.palette.text.secondary,
    border: `1px solid ${theme.palette.divider}`,
  },
}));

/**
 * Describes a readiness level in words, e.g. `Readiness level Gold, score 92 out of 100`.
 *
 * @internal
 */
export function describeReadinessLevel(
  level: ReadinessLevel,
  score?: number,
): string {
  const name = READINESS_LEVEL_LABELS[level] ?? level;
  return typeof score === 'number'
    ? `Readiness level ${name}, score ${Math.round(score)} out of 100`
    : `Readiness level ${name}`;
}

/**
 * Orders readiness levels: negative when `a` is below `b`.
 *
 * @internal
 */
export function compareReadinessLevels(
  a: ReadinessLevel,
  b: ReadinessLevel,
): number {
  const rank: Record<ReadinessLevel, number> = {
    none: 0,
    bronze: 1,
    silver: 2,
    gold: 3,
  };
  return (rank[a] ?? 0) - (rank[b] ?? 0);
}

/** @internal */
export interface ReadinessLevelChipProps {
  level: ReadinessLevel;
  /** The readiness score (0-100), shown in the tooltip. */
  score?: number;
  size?: 'small' | 'medium';
}

/**
 * The readiness level (gold, silver, bronze or not ready) as a chip in the colour of the level,
 * with the readiness score in a tooltip.
 *
 * @internal
 */
export function ReadinessLevelChip(props: ReadinessLevelChipProps) {
  const { level, score, size = 'small' } = props;
  const classes = useStyles();
  const tone = classes[level] ?? classes.none;
  return (
    <Tooltip title={describeReadinessLevel(level, score)}>
      <Chip
        size={size}
        tabIndex={0}
        className={`${classes.root} ${tone}`}
        label={READINESS_LEVEL_LABELS[level] ?? level}
      />
    </Tooltip>
  );
}
