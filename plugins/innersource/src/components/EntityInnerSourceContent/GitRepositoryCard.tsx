import { InfoCard, Link } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type { RepositoryStatus } from '@innersource-backstage/plugin-innersource-common';
import { Fact, FactList, Timestamp } from '../shared';

const useStyles = makeStyles({
  code: {
    fontFamily: 'monospace',
  },
});

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
          : {error.message} ({error.kind}) at <Timestamp iso={error.at} />
        </>
      )}
      ; showing figures from{' '}
      {syncedAt ? <Timestamp iso={syncedAt} /> : 'the last successful read'}
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
      <FactList label="Git repository">
        <Fact term="Clone URL">
          {browsable ? (
            <Link to={repository.cloneUrl} className={classes.code}>
              {repository.cloneUrl}
            </Link>
          ) : (
            <span className={classes.code}>{repository.cloneUrl}</span>
          )}
        </Fact>
        {repository.path !== '' && (
          <Fact term="Folder">
            <span className={classes.code}>{repository.path}</span>
          </Fact>
        )}
        {repository.lastCommitAt && (
          <Fact term="Last commit">
            <Timestamp iso={repository.lastCommitAt} />
          </Fact>
        )}
        {repository.firstCommitAt && (
          <Fact term="First commit">
            <Timestamp iso={repository.firstCommitAt} />
          </Fact>
        )}
        <Fact term="History read">
          {repository.syncedAt ? (
            <Timestamp iso={repository.syncedAt} relative />
          ) : (
            'not yet'
          )}
        </Fact>
        <Fact term="Contribution guide">
          {hasContributingGuide ? 'found' : 'none found'}
        </Fact>
      </FactList>
    </InfoCard>
  );
}
