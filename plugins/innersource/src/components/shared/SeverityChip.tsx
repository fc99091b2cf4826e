import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { LintSeverity } from '@innersource-backstage/plugin-innersource-common';

const useStyles = makeStyles(theme => ({
  error: {
    color: theme.palette.error.main,
    borderColor: theme.palette.error.main,
  },
  warning: {
    color: theme.palette.warning.dark,
    borderColor: theme.palette.warning.main,
  },
  info: {
    color: theme.palette.info.main,
    borderColor: theme.palette.info.main,
  },
  muted: {
    color: theme.palette.text.disabled,
    borderColor: theme.palette.divider,
  },
}));

/** @public */
export interface SeverityChipProps {
  severity: LintSeverity;
  /** Grey the chip out, e.g. for rules that pass or do not apply. */
  muted?: boolean;
}

/**
 * A small outlined chip naming the severity of a readiness rule.
 *
 * @public
 */
export function SeverityChip(props: SeverityChipProps) {
  const { severity, muted } = props;
  const classes = useStyles();
  return (
    <Chip
      size="small"
      variant="outlined"
      label={severity}
      className={muted ? classes.muted : classes[severity]}
    />
  );
}
