import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    borderRadius: '50%',
    borderStyle: 'solid',
    flexShrink: 0,
  },
  large: { width: 96, height: 96, borderWidth: 6 },
  small: { width: 44, height: 44, borderWidth: 3 },
  good: { borderColor: theme.palette.success.main },
  fair: { borderColor: theme.palette.warning.main },
  poor: { borderColor: theme.palette.error.main },
  value: { fontWeight: theme.typography.fontWeightBold as number },
}));

/**
 * Buckets a readiness score: `good` from 80, `fair` from 50, `poor` below.
 *
 * @public
 */
export function readinessLevel(score: number): 'good' | 'fair' | 'poor' {
  if (score >= 80) {
    return 'good';
  }
  if (score >= 50) {
    return 'fair';
  }
  return 'poor';
}

/** @public */
export interface ReadinessScoreProps {
  /** The readiness score, 0-100. */
  score: number;
  /** `large` for the entity tab, `small` for cards and tables. Defaults to `large`. */
  size?: 'small' | 'large';
}

/**
 * The readiness score (0-100) in a ring coloured by how ready the project is for
 * contributions.
 *
 * @public
 */
export function ReadinessScore(props: ReadinessScoreProps) {
  const { score, size = 'large' } = props;
  const classes = useStyles();
  const rounded = Math.round(score);
  return (
    <Box
      role="img"
      aria-label={`Readiness score ${rounded} out of 100`}
      title={`Readiness score ${rounded} out of 100`}
      className={[
        classes.root,
        classes[size],
        classes[readinessLevel(score)],
      ].join(' ')}
    >
      <Typography
        aria-hidden
        className={classes.value}
        variant={size === 'large' ? 'h4' : 'body2'}
        component="span"
      >
        {rounded}
      </Typography>
      {size === 'large' && (
        <Typography aria-hidden variant="caption" color="textSecondary">
          / 100
        </Typography>
      )}
    </Box>
  );
}
