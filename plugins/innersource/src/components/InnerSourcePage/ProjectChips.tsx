import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import HistoryIcon from '@material-ui/icons/History';
import WarningIcon from '@material-ui/icons/Warning';
import type { ProjectListItem } from '@innersource-backstage/plugin-innersource-common';
import { ActivityChip, ReadinessLevelChip } from '../shared';
import { formatDay } from './projectFormat';

const useStyles = makeStyles(theme => ({
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
  stale: {
    color: theme.palette.warning.dark,
    borderColor: theme.palette.warning.main,
  },
  inactive: {
    color: theme.palette.text.secondary,
    borderColor: theme.palette.text.secondary,
    borderStyle: 'dashed',
  },
}));

/**
 * The "Inactive" marker of a project without a commit for the configured period, with the date of
 * its last commit.
 *
 * @internal
 */
export function InactiveChip(props: { lastActivityAt?: string }) {
  const { lastActivityAt } = props;
  const classes = useStyles();
  const label = lastActivityAt
    ? `Inactive since ${formatDay(lastActivityAt)}`
    : 'Inactive';
  return (
    <Tooltip title="No commits for a long time: check with the owners before building on it">
      <Chip
        size="small"
        variant="outlined"
        tabIndex={0}
        className={classes.inactive}
        icon={<HistoryIcon fontSize="small" className={classes.inactive} />}
        label={label}
      />
    </Tooltip>
  );
}

/**
 * The status chips of a project: readiness level, InnerSource, activity level, inactive and
 * stale figures. Renders nothing when none applies.
 *
 * @internal
 */
export function ProjectChips(props: { project: ProjectListItem }) {
  const { project } = props;
  const classes = useStyles();
  const { entity } = project;
  if (
    !project.readinessLevel &&
    !project.stale &&
    !entity.innerSource &&
    !project.activityLevel &&
    !project.inactive
  ) {
    return null;
  }
  return (
    <Box className={classes.chips}>
      {project.readinessLevel && (
        <ReadinessLevelChip
          level={project.readinessLevel}
          score={project.lintScore}
        />
      )}
      {entity.innerSource && (
        <Chip size="small" color="primary" label="InnerSource" />
      )}
      {project.activityLevel && (
        <ActivityChip
          score={project.activityScore ?? 0}
          level={project.activityLevel}
        />
      )}
      {project.inactive && (
        <InactiveChip lastActivityAt={project.lastActivityAt} />
      )}
      {project.stale && (
        <Chip
          size="small"
          variant="outlined"
          className={classes.stale}
          icon={<WarningIcon fontSize="small" className={classes.stale} />}
          label="Stale"
          title="The last refresh failed; these figures may be out of date"
        />
      )}
    </Box>
  );
}
