import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/Warning';
import type { ProjectListItem } from '@innersource-backstage/plugin-innersource-common';
import {
  ActivityChip,
  ReadinessLevelChip,
  ReadinessScore,
  formatDateTime,
  formatPercent,
  formatRelativeTime,
  pluralize,
} from '../shared';

const useStyles = makeStyles(theme => ({
  card: {
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
  },
  content: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
  },
  title: {
    wordBreak: 'break-word',
  },
  description: {
    display: '-webkit-box',
    '-webkit-line-clamp': 3,
    '-webkit-box-orient': 'vertical',
    overflow: 'hidden',
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
  footer: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(1.5, 2),
  },
  stale: {
    color: theme.palette.warning.dark,
    borderColor: theme.palette.warning.main,
  },
}));

/** @internal */
export interface ProjectCardProps {
  project: ProjectListItem;
}

/**
 * One project of the discovery page: what it is, who owns it, how much it is used, how active
 * it is, how much of its code comes from other teams and how ready it is for contributions
 * (readiness score and level).
 *
 * @internal
 */
export function ProjectCard(props: ProjectCardProps) {
  const { project } = props;
  const { entity } = project;
  const classes = useStyles();
  const hasActivity = !!project.activityLevel;
  const ratio = project.innerSourceRatio;
  const kindLine = [entity.kind, entity.type, entity.lifecycle]
    .filter(Boolean)
    .join(' · ');

  return (
    <Card
      variant="outlined"
      className={classes.card}
      component="article"
      aria-label={entity.title ?? entity.name}
    >
      <CardContent className={classes.content}>
        <Box display="flex" justifyContent="space-between" gridGap={8}>
          <Box minWidth={0}>
            <Typography variant="overline" color="textSecondary">
              {kindLine}
            </Typography>
            <Typography variant="h6" component="h2" className={classes.title}>
              <EntityRefLink entityRef={entity.entityRef} hideIcon>
                {entity.title ?? entity.name}
              </EntityRefLink>
            </Typography>
          </Box>
          <ReadinessScore score={project.lintScore} size="small" />
        </Box>

        {(project.readinessLevel ||
          project.stale ||
          entity.innerSource ||
          hasActivity) && (
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
            {project.stale && (
              <Chip
                size="small"
                variant="outlined"
                className={classes.stale}
                icon={
                  <WarningIcon fontSize="small" className={classes.stale} />
                }
                label="Stale"
                title="The last refresh failed; these figures may be out of date"
              />
            )}
          </Box>
        )}

        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.description}
        >
          {entity.description ?? 'No description.'}
        </Typography>

        <Typography variant="body2">
          Owner:{' '}
          {entity.ownerRef ? (
            <EntityRefLink entityRef={entity.ownerRef} defaultKind="Group">
              {entity.ownerTitle}
            </EntityRefLink>
          ) : (
            'unknown'
          )}
        </Typography>

        {entity.tags.length > 0 && (
          <Box className={classes.chips} aria-label="Tags">
            {entity.tags.map(tag => (
              <Chip key={tag} size="small" variant="outlined" label={tag} />
            ))}
          </Box>
        )}
      </CardContent>
      <Divider />
      <Box className={classes.footer}>
        <Box>
          <Typography variant="body2">
            <strong>{pluralize(project.usageCount, 'consumer')}</strong> from{' '}
            {pluralize(project.businessUnitCount, 'business unit')}
          </Typography>
          {typeof ratio === 'number' && (
            <Typography
              variant="body2"
              color="textSecondary"
              title="InnerSource ratio: the share of commits in the last 365 days made outside the owning team"
            >
              {formatPercent(ratio)} from other teams
            </Typography>
          )}
        </Box>
        <Typography variant="caption" color="textSecondary">
          <time
            dateTime={project.computedAt}
            title={`Computed ${formatDateTime(project.computedAt)}`}
          >
            {formatRelativeTime(project.computedAt)}
          </time>
        </Typography>
      </Box>
    </Card>
  );
}
