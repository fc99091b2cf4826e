import {
  Link,
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Divider from '@material-ui/core/Divider';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import {
  ACTIVITY_LEVEL_LABELS,
  EntityInnerSourceResult,
  ProjectListItem,
  ScmSummary,
} from '@innersource-backstage/plugin-innersource-common';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { innerSourceApiRef } from '../../api';
import {
  Figure,
  FigureList,
  GoodFirstIssueList,
  READINESS_LEVEL_LABELS,
  formatPercent,
  pluralize,
} from '../shared';
import { ProjectChips } from './ProjectChips';
import { formatDay, groupName, projectTitle } from './projectFormat';
import { useProjectLinks } from './useProjectLinks';

const useStyles = makeStyles(theme => ({
  paper: {
    width: 'min(520px, 100vw)',
  },
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    padding: theme.spacing(2, 2, 1, 3),
  },
  title: {
    wordBreak: 'break-word',
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2.5),
    padding: theme.spacing(2, 3, 4),
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.75),
    margin: 0,
    '& dt': {
      color: theme.palette.text.secondary,
    },
    '& dd': {
      margin: 0,
      wordBreak: 'break-word',
    },
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
  list: {
    margin: 0,
    paddingLeft: theme.spacing(2.5),
  },
  steps: {
    margin: 0,
    paddingLeft: theme.spacing(2.5),
    '& li': {
      marginBottom: theme.spacing(1),
    },
  },
}));

/** The listing figures of a project from its full results, for a project not on this page. */
function toListItem(result: EntityInnerSourceResult): ProjectListItem {
  const { contributions } = result;
  const year = contributions?.windows.find(w => w.window === '365d');
  return {
    entity: result.entity,
    usageCount: result.usage.count,
    businessUnitCount: result.usage.businessUnitCount,
    activityScore: contributions?.activity.score,
    activityLevel: contributions?.activity.level,
    innerSourceRatio: year ? year.innerSourceRatio : undefined,
    lintScore: result.lint.score,
    lintErrors: result.lint.errors,
    lintWarnings: result.lint.warnings,
    readinessLevel: result.lint.level,
    lastActivityAt: contributions?.repository.lastCommitAt,
    stars: result.scm?.stars,
    goodFirstIssueCount: result.scm?.goodFirstIssues.count,
    computedAt: result.computedAt,
    stale: result.status.stale,
  };
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Box component="section">
      <Typography variant="subtitle1" component="h3" gutterBottom>
        <strong>{props.title}</strong>
      </Typography>
      {props.children}
    </Box>
  );
}

/** The open good first issues of a project, as far as they are loaded. */
interface GoodFirstIssuesState {
  loading: boolean;
  error?: Error;
  /** Absent while loading, or when the results have no SCM figures. */
  value?: ScmSummary['goodFirstIssues'];
}

function GoodFirstIssuesSection(props: {
  count: number;
  issues: GoodFirstIssuesState;
}) {
  const { count, issues } = props;
  let content;
  if (issues.loading) {
    content = <Progress />;
  } else if (issues.error) {
    content = (
      <Typography variant="body2" color="error">
        The issues could not be loaded: {issues.error.message}
      </Typography>
    );
  } else if (!issues.value || issues.value.items.length === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        The issues are not listed yet; see the repository.
      </Typography>
    );
  } else {
    const { items } = issues.value;
    content = (
      <>
        <GoodFirstIssueList issues={items} />
        {items.length < count && (
          <Typography variant="caption" color="textSecondary">
            Showing the newest {items.length} of {count}.
          </Typography>
        )}
      </>
    );
  }
  return (
    <Section title={`Good first issues (${count})`}>
      <Typography variant="body2" color="textSecondary" paragraph>
        Open issues the owners marked as a good place to start.
      </Typography>
      {content}
    </Section>
  );
}

function ProjectDetails(props: {
  project: ProjectListItem;
  goodFirstIssues: GoodFirstIssuesState;
}) {
  const { project, goodFirstIssues } = props;
  const { entity } = project;
  const metadata = entity.innerSourceMetadata;
  const classes = useStyles();
  const links = useProjectLinks(entity);
  const contributions = metadata?.contributions ?? [];
  const skills = metadata?.skills ?? [];
  const hasMetadata =
    !!metadata?.motivation || contributions.length > 0 || skills.length > 0;

  return (
    <Box className={classes.body}>
      <ProjectChips project={project} />

      <Typography variant="body1">
        {entity.description ?? 'No description.'}
      </Typography>

      <dl className={classes.facts} aria-label="Facts">
        <dt>Owner</dt>
        <dd>
          {entity.ownerRef ? (
            <EntityRefLink entityRef={entity.ownerRef} defaultKind="Group">
              {entity.ownerTitle}
            </EntityRefLink>
          ) : (
            'unknown'
          )}
        </dd>
        {entity.businessUnitRef && (
          <>
            <dt>Business unit</dt>
            <dd>{groupName(entity.businessUnitRef)}</dd>
          </>
        )}
        <dt>Language</dt>
        <dd>{entity.language ?? metadata?.language ?? 'unknown'}</dd>
        <dt>Last commit</dt>
        <dd>
          {project.lastActivityAt
            ? formatDay(project.lastActivityAt)
            : 'unknown (no git history)'}
        </dd>
        {entity.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>{entity.tags.join(', ')}</dd>
          </>
        )}
        {typeof project.stars === 'number' && (
          <>
            <dt>Stars</dt>
            <dd>{project.stars}</dd>
          </>
        )}
      </dl>

      <FigureList label="Usage, activity and readiness">
        <Figure
          label="Usage"
          value={project.usageCount}
          detail={`${pluralize(
            project.usageCount,
            'consumer',
          )} from ${pluralize(project.businessUnitCount, 'business unit')}`}
        />
        <Figure
          label="Activity"
          value={
            project.activityLevel
              ? ACTIVITY_LEVEL_LABELS[project.activityLevel]
              : '–'
          }
          detail={
            typeof project.activityScore === 'number'
              ? `Repository Activity Score ${project.activityScore}`
              : 'No git history'
          }
        />
        <Figure
          label="Readiness"
          value={`${Math.round(project.lintScore)}/100`}
          detail={
            project.readinessLevel
              ? `Level ${READINESS_LEVEL_LABELS[project.readinessLevel]}`
              : undefined
          }
        />
        <Figure
          label="InnerSource ratio"
          value={formatPercent(project.innerSourceRatio)}
          detail="Commits from other teams, last 365 days"
        />
      </FigureList>

      <Divider />

      {hasMetadata ? (
        <>
          {metadata?.motivation && (
            <Section title="Why it exists">
              <Typography variant="body2">{metadata.motivation}</Typography>
            </Section>
          )}
          <Section title="Contributions wanted">
            {contributions.length > 0 ? (
              <ul className={classes.list} aria-label="Contributions wanted">
                {contributions.map(item => (
                  <li key={item}>
                    <Typography variant="body2">{item}</Typography>
                  </li>
                ))}
              </ul>
            ) : (
              <Typography variant="body2" color="textSecondary">
                The owners have not listed any yet: ask them what would help.
              </Typography>
            )}
          </Section>
          {skills.length > 0 && (
            <Section title="Skills that help">
              <Box className={classes.chips} aria-label="Skills">
                {skills.map(skill => (
                  <Chip key={skill} size="small" label={skill} />
                ))}
              </Box>
            </Section>
          )}
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          The owners have not described the project's motivation, the
          contributions they would welcome or the skills that help (the
          repository has no <code>innersource.json</code>).
        </Typography>
      )}

      {!!project.goodFirstIssueCount && (
        <GoodFirstIssuesSection
          count={project.goodFirstIssueCount}
          issues={goodFirstIssues}
        />
      )}

      <Section title="How to get started">
        <ol className={classes.steps}>
          <li>
            <Typography variant="body2">
              Talk to the owners:{' '}
              {entity.ownerRef ? (
                <EntityRefLink entityRef={entity.ownerRef} defaultKind="Group">
                  {entity.ownerTitle}
                </EntityRefLink>
              ) : (
                'unknown'
              )}
            </Typography>
          </li>
          {links.docs && (
            <li>
              <Typography variant="body2">
                Read the docs: <Link to={links.docs}>{links.docs}</Link>
              </Typography>
            </li>
          )}
          <li>
            <Typography variant="body2">
              See how ready it is for contributions, who contributes and its
              contributing guide in its InnerSource tab.
            </Typography>
          </li>
        </ol>
        <Box display="flex" flexWrap="wrap" gridGap={8} mt={1}>
          <LinkButton
            role="link"
            variant="contained"
            color="primary"
            to={links.innerSourceTab}
          >
            Open the InnerSource tab
          </LinkButton>
          {links.docs && (
            <LinkButton
              role="link"
              variant="outlined"
              color="primary"
              to={links.docs}
            >
              Open the docs
            </LinkButton>
          )}
        </Box>
      </Section>
    </Box>
  );
}

/**
 * The full results of the project with the given ref: for a project that is not on the current
 * page of results (e.g. a shared link to a project on another page), and for the list of its
 * good first issues, which the listing only counts.
 */
function useFetchedResult(entityRef: string, enabled: boolean) {
  const innerSourceApi = useApi(innerSourceApiRef);
  return useAsync(async () => {
    if (!enabled) {
      return undefined;
    }
    const response = await innerSourceApi.getEntityResults(entityRef, {
      historyDays: 1,
    });
    return response?.result;
  }, [innerSourceApi, entityRef, enabled]);
}

/** @internal */
export interface ProjectDetailsDrawerProps {
  /** The entity ref of the open project, or `''` when closed. */
  entityRef: string;
  /** The project from the current page of results; fetched when it is not on the page. */
  project?: ProjectListItem;
  onClose: () => void;
}

/**
 * The details of one project in a side drawer: what it is for, the contributions its owners
 * want, the skills that help, its open good first issues, how to get started, and its usage,
 * activity and readiness.
 * Escape or the close button closes it, and focus returns to where it was.
 *
 * @internal
 */
export function ProjectDetailsDrawer(props: ProjectDetailsDrawerProps) {
  const { entityRef, project, onClose } = props;
  const classes = useStyles();
  const open = entityRef !== '';
  const fetched = useFetchedResult(
    entityRef,
    open && (!project || !!project.goodFirstIssueCount),
  );
  const goodFirstIssues: GoodFirstIssuesState = {
    loading: fetched.loading,
    error: fetched.error,
    value: fetched.value?.scm?.goodFirstIssues,
  };
  const titleId = 'innersource-project-details-title';

  const header = (title: string, kindLine?: string) => (
    <Box className={classes.header}>
      <Box minWidth={0}>
        {kindLine && (
          <Typography variant="overline" color="textSecondary">
            {kindLine}
          </Typography>
        )}
        <Typography
          id={titleId}
          variant="h5"
          component="h2"
          className={classes.title}
        >
          {title}
        </Typography>
      </Box>
      <IconButton aria-label="Close details" onClick={onClose}>
        <CloseIcon />
      </IconButton>
    </Box>
  );

  const content = (item: ProjectListItem | undefined) =>
    item ? (
      <>
        {header(
          projectTitle(item),
          [item.entity.kind, item.entity.type, item.entity.lifecycle]
            .filter(Boolean)
            .join(' · '),
        )}
        <Divider />
        <ProjectDetails project={item} goodFirstIssues={goodFirstIssues} />
      </>
    ) : (
      <>
        {header(entityRef)}
        <Box p={3}>
          <Typography variant="body2">
            This project is unknown, not visible to you, or has no InnerSource
            figures yet.
          </Typography>
        </Box>
      </>
    );

  return (
    <Drawer
      anchor="right"
      open={open}
      onClose={onClose}
      PaperProps={{
        className: classes.paper,
        role: 'dialog',
        'aria-modal': true,
        'aria-labelledby': titleId,
      }}
    >
      {open && project && content(project)}
      {open && !project && fetched.loading && (
        <>
          {header(entityRef)}
          <Progress />
        </>
      )}
      {open && !project && !fetched.loading && fetched.error && (
        <>
          {header(entityRef)}
          <Box p={3}>
            <ResponseErrorPanel error={fetched.error} />
          </Box>
        </>
      )}
      {open &&
        !project &&
        !fetched.loading &&
        !fetched.error &&
        content(fetched.value && toListItem(fetched.value))}
    </Drawer>
  );
}
