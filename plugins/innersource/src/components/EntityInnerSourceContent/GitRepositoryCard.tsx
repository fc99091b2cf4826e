import { InfoCard, Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type { RepositoryStatus } from '@innersource-backstage/plugin-innersource-common';
import { ReactNode } from 'react';
import { formatDateTime, formatRelativeTime } from '../shared';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: theme.spacing(1, 2),
    margin: 0,
  },
  term: {
    color: theme.palette.text.secondary,
  },
  definition: {
    margin: 0,
    overflowWrap: 'anywhere',
  },
  code: {
    fontFamily: 'monospace',
  },
}));

function Time(props: { iso: string; relative?: boolean }) {
  const { iso, relative } = props;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {relative ? formatRelativeTime(iso) : formatDateTime(iso)}
    </time>
  );
}

function Row(props: { term: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <Typography variant="body2" component="dt" className={classes.term}>
        {props.term}
      </Typography>
      <Typography variant="body2" component="dd" className={classes.definition}>
        {props.children}
      </Typography>
    </>
  );
}

/**
 * Warns that the last read of the git history failed and the figures come from an earlier
 * read.
 *
 * @internal
 */
export function StaleGitHistoryAlert(props: { repository: RepositoryStatus }) {
  const { error, syncedAt } = props.repository;
  return (
    <Alert severity="warning">
      Git history could not be read
      {error && (
        <>
          : {error.message} ({error.kind}) at <Time iso={error.at} />
        </>
      )}
      ; showing figures from{' '}
      {syncedAt ? <Time iso={syncedAt} /> : 'the last successful read'}
    </Alert>
  );
}

/** @internal */
export interface GitRepositoryCardProps {
  repository: RepositoryStatus;
  hasContributingGuide: boolean;
}

/**
 * Where the contribution figures come from: the repository, the entity's folder in it, the
 * latest commit and when the history was last read.
 *
 * @internal
 */
export function GitRepositoryCard(props: GitRepositoryCardProps) {
  const { repository, hasContributingGuide } = props;
  const classes = useStyles();
  const browsable = /^https?:\/\//.test(repository.cloneUrl);

  return (
    <InfoCard
      title="Git repository"
      subheader="Where the contribution figures come from"
      variant="gridItem"
    >
      <dl className={classes.list} aria-label="Git repository">
        <Row term="Clone URL">
          {browsable ? (
            <Link to={repository.cloneUrl} className={classes.code}>
              {repository.cloneUrl}
            </Link>
          ) : (
            <span className={classes.code}>{repository.cloneUrl}</span>
          )}
        </Row>
        {repository.path !== '' && (
          <Row term="Folder">
            <span className={classes.code}>{repository.path}</span>
          </Row>
        )}
        {repository.lastCommitAt && (
          <Row term="Last commit">
            <Time iso={repository.lastCommitAt} />
          </Row>
        )}
        {repository.firstCommitAt && (
          <Row term="First commit">
            <Time iso={repository.firstCommitAt} />
          </Row>
        )}
        <Row term="History read">
          {repository.syncedAt ? (
            <Time iso={repository.syncedAt} relative />
          ) : (
            'not yet'
          )}
        </Row>
        <Row term="Contribution guide">
          {hasContributingGuide ? 'found' : 'none found'}
        </Row>
      </dl>
    </InfoCard>
  );
}
