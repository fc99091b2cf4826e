import { Link, Progress } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import type {
  ScmOrganizationCheck,
  ScmOrganizationReport,
} from '@innersource-backstage/plugin-innersource-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { Theme, makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/Warning';
import Alert from '@material-ui/lab/Alert';
import {
  DataTable,
  SeverityChip,
  Timestamp,
  pluralize,
  providerName,
} from '../shared';
import { CsvExportButton } from './common/CsvExportButton';
import { CsvColumn } from './common/csv';
import { NoFigures, ProgramCard } from './common/ProgramCard';
import { TableFrame } from './common/TableFrame';
import { PROGRAM_GQM } from './gqm';

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
  organizations: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(3),
  },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  pass: tone(theme, theme.palette.success),
  fail: tone(theme, theme.palette.error),
  unknown: {
    color: theme.palette.text.secondary,
    borderColor: theme.palette.divider,
  },
  stale: tone(theme, theme.palette.warning),
}));

const STATUS_LABELS: Record<ScmOrganizationCheck['status'], string> = {
  pass: 'Pass',
  fail: 'Fail',
  unknown: 'Unknown',
};

type CheckRow = {
  organization: ScmOrganizationReport;
  check: ScmOrganizationCheck;
};

const CSV_COLUMNS: CsvColumn<CheckRow>[] = [
  { header: 'Organisation', value: r => r.organization.organization },
  { header: 'Provider', value: r => r.organization.provider },
  { header: 'Host', value: r => r.organization.host },
  { header: 'Setting', value: r => r.check.title },
  { header: 'Check id', value: r => r.check.id },
  { header: 'Status', value: r => r.check.status },
  { header: 'Severity', value: r => r.check.severity },
  { header: 'Expected', value: r => r.check.expected },
  { header: 'Actual', value: r => r.check.actual },
  { header: 'Stale', value: r => r.organization.stale },
];

/** A check's outcome as an outlined chip coloured by outcome. */
function CheckStatusChip(props: { status: ScmOrganizationCheck['status'] }) {
  const { status } = props;
  const classes = useStyles();
  return (
    <Chip
      size="small"
      variant="outlined"
      label={STATUS_LABELS[status] ?? status}
      className={classes[status] ?? classes.unknown}
    />
  );
}

function OrganizationSettings(props: { report: ScmOrganizationReport }) {
  const { report } = props;
  const classes = useStyles();
  const failing = report.checks.filter(c => c.status === 'fail').length;
  const provider = providerName(report.provider);
  return (
    <Box component="section" aria-label={`${provider} ${report.organization}`}>
      <Box className={classes.heading}>
        <Typography variant="subtitle1" component="h4">
          {report.url ? (
            <Link to={report.url}>{report.organization}</Link>
          ) : (
            report.organization
          )}
        </Typography>
        <Typography variant="body2" color="textSecondary" component="span">
          {provider} · {report.host}
        </Typography>
        {failing > 0 && (
          <Chip
            size="small"
            variant="outlined"
            className={classes.fail}
            label={`${pluralize(failing, 'failing check')}`}
          />
        )}
        {report.stale && (
          <Chip
            size="small"
            variant="outlined"
            className={classes.stale}
            icon={<WarningIcon fontSize="small" className={classes.stale} />}
            label="Stale"
          />
        )}
      </Box>
      {report.stale && (
        <Box mb={1}>
          <Alert severity="warning">
            The settings could not be read
            {report.error && (
              <>
                : {report.error.message} ({report.error.kind}) at{' '}
                <Timestamp iso={report.error.at} />
              </>
            )}
            ;{' '}
            {report.fetchedAt ? (
              <>
                showing the settings read <Timestamp iso={report.fetchedAt} />
              </>
            ) : (
              'they have never been read'
            )}
          </Alert>
        </Box>
      )}
      {report.checks.length === 0 ? (
        <NoFigures>No setting of this organisation could be checked.</NoFigures>
      ) : (
        <TableFrame>
          <DataTable
            label={`Settings of ${report.organization}`}
            columns={[
              { label: 'Setting', align: 'left' },
              { label: 'Status', align: 'left' },
              { label: 'Expected', align: 'left' },
              { label: 'Actual', align: 'left' },
              { label: 'Severity', align: 'left' },
            ]}
            rows={report.checks.map(check => ({
              key: check.id,
              cells: [
                check.title,
                <CheckStatusChip status={check.status} />,
                check.expected,
                check.actual,
                <SeverityChip
                  severity={check.severity}
                  muted={check.status !== 'fail'}
                />,
              ],
            }))}
          />
        </TableFrame>
      )}
      {!report.stale && report.fetchedAt && (
        <Typography variant="caption" color="textSecondary">
          Read <Timestamp iso={report.fetchedAt} relative />
        </Typography>
      )}
    </Box>
  );
}

/** @internal */
export interface ScmOrganizationsCardProps {
  /** Undefined while loading or after an error. */
  organizations?: ScmOrganizationReport[];
  loading?: boolean;
  error?: Error;
}

/**
 * The organisation settings of the SCM platforms (GitHub organisations, GitLab groups) checked
 * against the InnerSource recommendations: whether members can read and fork each other's
 * repositories and create internal ones.
 *
 * @internal
 */
export function ScmOrganizationsCard(props: ScmOrganizationsCardProps) {
  const { organizations, loading, error } = props;
  const classes = useStyles();
  const rows: CheckRow[] = (organizations ?? []).flatMap(organization =>
    organization.checks.map(check => ({ organization, check })),
  );

  let content;
  if (error) {
    content = (
      <Alert severity="error">
        The organisation settings could not be loaded:{' '}
        {error instanceof ResponseError
          ? error.body.error.message
          : error.message}
      </Alert>
    );
  } else if (loading || !organizations) {
    content = <Progress />;
  } else if (organizations.length === 0) {
    content = (
      <NoFigures>
        No SCM organisation settings have been read. The GitHub and GitLab
        modules read the organisations configured in{' '}
        <code>innersource.scm.github.organizations</code> and the groups in{' '}
        <code>innersource.scm.gitlab.groups</code>; add yours there and the
        settings appear after the next refresh.
      </NoFigures>
    );
  } else {
    content = (
      <Box className={classes.organizations}>
        {organizations.map(report => (
          <OrganizationSettings
            key={`${report.provider}|${report.host}|${report.organization}`}
            report={report}
          />
        ))}
      </Box>
    );
  }

  return (
    <ProgramCard
      title="SCM organisation settings"
      gqm={PROGRAM_GQM.scmOrganizations}
      window="the settings as last read"
      action={
        <CsvExportButton
          what="SCM organisation settings"
          filename="innersource-scm-organizations"
          columns={CSV_COLUMNS}
          rows={rows}
        />
      }
    >
      {content}
    </ProgramCard>
  );
}
