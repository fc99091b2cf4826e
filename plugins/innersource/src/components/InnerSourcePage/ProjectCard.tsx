import { LinkButton } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ProjectListItem } from '@innersource-backstage/plugin-innersource-common';
import {
  ReadinessScore,
  formatDateTime,
  formatPercent,
  formatRelativeTime,
  pluralize,
} from '../shared';
import { ProjectChips } from './ProjectChips';
import { projectTitle } from './projectFormat';
import { useProjectLinks } from './useProjectLinks';

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
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
  },
  footer: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(1.5, 2, 0.5),
  },
  actions: {
    padding: theme.spacing(1, 2, 1.5),
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    '& > :not(:first-child)': {
      marginLeft: 0,
    },
  },
}));

/** @internal */
export interface ProjectCardProps {
  project: ProjectListItem;
  /** Opens the details of the project. */
  onOpenDetails?: (entityRef: string) => void;
}

/**
 * One project of the discovery page: what it is, who owns it, its language and tags, its stars
 * and good first issues on the SCM platform, how much it is used, how active it is, how much of its code comes from other teams and how ready it is for
 * contributions (readiness score and level), with its details and where to start contributing.
 *
 * @internal
 */
export function ProjectCard(props: ProjectCardProps) {
  const { project, onOpenDetails } = props;
  const { entity } = project;
  const classes = useStyles();
  const links = useProjectLinks(entity);
  const title = projectTitle(project);
  const ratio = project.innerSourceRatio;
  const kindLine = [entity.kind, entity.type, entity.lifecycle]
    .filter(Boolean)
    .join(' · ');

  return (
    <Card
      variant="outlined"
      className={classes.card}
      component="article"
      aria-label={title}
    >
      <CardContent className={classes.content}>
        <Box display="flex" justifyContent="space-between" gridGap={8}>
          <Box minWidth={0}>
            <Typography variant="overline" color="textSecondary">
              {kindLine}
            </Typography>
            <Typography variant="h6" component="h2" className={classes.title}>
              <EntityRefLink entityRef={entity.entityRef} hideIcon>
                {title}
              </EntityRefLink>
            </Typography>
          </Box>
          <ReadinessScore score={project.lintScore} size="small" />
        </Box>

        <ProjectChips project={project} />

        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.description}
        >
          {entity.description ?? 'No description.'}
        </Typography>

        <Box className={classes.facts}>
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
          {entity.language && (
            <Typography variant="body2">
              Language: <strong>{entity.language}</strong>
            </Typography>
          )}
          {typeof project.stars === 'number' && (
            <Typography variant="body2">
              Stars: <strong>{project.stars}</strong>
            </Typography>
          )}
          {!!project.goodFirstIssueCount && (
            <Typography variant="body2">
              Good first issues: <strong>{project.goodFirstIssueCount}</strong>
            </Typography>
          )}
        </Box>

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
      <CardActions className={classes.actions}>
        {onOpenDetails && (
          <Button
            size="small"
            variant="outlined"
            aria-label={`Details of ${title}`}
            onClick={() => onOpenDetails(entity.entityRef)}
          >
            Details
          </Button>
        )}
        <LinkButton
          role="link"
          size="small"
          color="primary"
          variant="contained"
          to={links.contribute}
          aria-label={`Contribute to ${title}`}
          title={
            links.docs
              ? 'Open the contribution docs'
              : 'Open the InnerSource tab: how ready it is and who contributes'
          }
        >
          Contribute
        </LinkButton>
      </CardActions>
    </Card>
  );
}
