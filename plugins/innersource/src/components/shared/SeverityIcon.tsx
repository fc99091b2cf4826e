import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import InfoIcon from '@material-ui/icons/Info';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import WarningIcon from '@material-ui/icons/Warning';
import type {
  LintSeverity,
  LintStatus,
} from '@innersource-backstage/plugin-innersource-common';

const useStyles = makeStyles(theme => ({
  pass: { color: theme.palette.success.main },
  error: { color: theme.palette.error.main },
  warning: { color: theme.palette.warning.main },
  info: { color: theme.palette.info.main },
  notApplicable: { color: theme.palette.text.disabled },
}));

/** @public */
export interface SeverityIconProps {
  /** The outcome of the rule. */
  status: LintStatus;
  /** The severity of the rule, which decides the icon of a failure. */
  severity: LintSeverity;
}

/**
 * Describes the outcome of a readiness rule in words, e.g. for screen readers.
 *
 * @public
 */
export function describeFindingStatus(
  status: LintStatus,
  severity: LintSeverity,
): string {
  switch (status) {
    case 'pass':
      return 'Passed';
    case 'not-applicable':
      return 'Not applicable';
    default:
      return `Failed (${severity})`;
  }
}

/**
 * The status icon of a readiness finding: a green check when it passes, an icon coloured by
 * severity when it fails (error red, warning orange, info blue) and a grey one when the rule
 * does not apply.
 *
 * @public
 */
export function SeverityIcon(props: SeverityIconProps) {
  const { status, severity } = props;
  const classes = useStyles();
  const label = describeFindingStatus(status, severity);
  const common = { titleAccess: label, fontSize: 'small' as const };

  if (status === 'pass') {
    return <CheckCircleIcon {...common} className={classes.pass} />;
  }
  if (status === 'not-applicable') {
    return (
      <RemoveCircleOutlineIcon {...common} className={classes.notApplicable} />
    );
  }
  switch (severity) {
    case 'error':
      return <ErrorIcon {...common} className={classes.error} />;
    case 'warning':
      return <WarningIcon {...common} className={classes.warning} />;
    default:
      return <InfoIcon {...common} className={classes.info} />;
  }
}
