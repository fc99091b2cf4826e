import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  ScmSummary,
  SharingClassification,
} from '@innersource-backstage/plugin-innersource-common';
import { SHARING_LEVEL_LABELS, describeSharingSource } from '../shared';
import { GoodFirstIssuesCard } from './GoodFirstIssuesCard';
import { PullRequestsCard } from './PullRequestsCard';
import { RepositorySharingCard } from './RepositorySharingCard';

/** @internal */
export interface ScmSectionProps {
  /** Absent when no SCM provider reads the repository. */
  scm?: ScmSummary;
  sharing?: SharingClassification;
}

/**
 * The grid items of the entity tab that come from the SCM platform (GitHub, GitLab): pull
 * requests and issues, good first issues, and the repository's settings next to its sharing
 * classification. Without SCM figures, a short note; nothing at all without a classification
 * either, as then the SCM integration is not set up.
 *
 * @internal
 */
export function ScmSection(props: ScmSectionProps) {
  const { scm, sharing } = props;
  if (!scm) {
    if (!sharing) {
      return null;
    }
    return (
      <Grid item xs={12}>
        <Typography variant="body2" color="textSecondary" role="note">
          No SCM provider reads this repository, so there are no pull request,
          issue or repository figures. Sharing classification:{' '}
          {SHARING_LEVEL_LABELS[sharing.level] ?? sharing.level}, decided by{' '}
          {describeSharingSource(sharing)}.
        </Typography>
      </Grid>
    );
  }
  return (
    <>
      <Grid item xs={12} lg={8}>
        <PullRequestsCard scm={scm} />
      </Grid>
      <Grid item xs={12} lg={4}>
        <RepositorySharingCard scm={scm} sharing={sharing} />
      </Grid>
      <Grid item xs={12}>
        <GoodFirstIssuesCard goodFirstIssues={scm.goodFirstIssues} />
      </Grid>
    </>
  );
}
