import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import InfoIcon from '@material-ui/icons/Info';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
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
  waived: { color: theme.palette.text.secondary },
  notApplicable: { color: theme.palette.text.disabled },
}));

/** @public */
export interface SeverityIconProps {
  /** The outcome of the rule. */
  status: LintStatus;
  /** The severity of the rule, which decides the icon of a failure. */
  severity: LintSeverity;
  /** The failure is waived by an active exception. */
  waived?: boolean;
}

/**
 * Describes the outcome of a readiness rule in words, e.g. for screen readers.
 *
 * @public
 */
export function describeFindingStatus(
  status: LintStatus,
  severity: LintSeverity,
  waived?: boolean,
): string {
  switch (status) {
    case 'pass':
      return 'Passed';
    case 'not-applicable':
      return 'Not applicable';
    default:
      return waived ? `Waived (${severity})` : `Failed (${severity})`;
  }
}

/**
 * The status icon of a readiness finding: a green check when it passes, an icon coloured by
 * severity when it fails (error red, warning orange, info blue), a grey shield when the failure
 * is waived by an exception and a grey icon when the rule does not apply.
 *
 * @public
 */
export function SeverityIcon(props: SeverityIconProps) {
  const { status, severity, waived } = props;
  const classes = useStyles();
  const label = describeFindingStatus(status, severity, waived);
  const common = { titleAccess: label, fontSize: 'small' as const };

  if (status === 'pass') {
    return <CheckCircleIcon {...common} className={classes.pass} />;
  }
  if (status === 'not-applicable') {
    return (
      <RemoveCircleOutlineIcon {...common} className={classes.notApplicable} />
    );
  }
  if (waived) {
    return <VerifiedUserIcon {...common} className={classes.waived} />;
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
