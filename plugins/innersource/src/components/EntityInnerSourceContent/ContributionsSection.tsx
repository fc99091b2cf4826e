import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import type { ContributionSummary } from '@innersource-backstage/plugin-innersource-common';
import { ContributionsCard } from './ContributionsCard';
import { GitRepositoryCard, StaleGitHistoryAlert } from './GitRepositoryCard';
import { NoGitHistoryCard } from './NoGitHistoryCard';
import { WeeklyCommitsChart } from './WeeklyCommitsChart';

/** @internal */
export interface ContributionsSectionProps {
  /** Absent when the entity has no readable git source. */
  contributions?: ContributionSummary;
}

/**
 * The grid items of the entity tab that come from git history: who contributes, commits per
 * week and where the history comes from; or a hint how to get them.
 *
 * @internal
 */
export function ContributionsSection(props: ContributionsSectionProps) {
  const { contributions } = props;
  if (!contributions) {
    return (
      <Grid item xs={12}>
        <NoGitHistoryCard />
      </Grid>
    );
  }
  return (
    <>
      {contributions.repository.stale && (
        <Grid item xs={12}>
          <StaleGitHistoryAlert repository={contributions.repository} />
        </Grid>
      )}
      <Grid item xs={12}>
        <ContributionsCard contributions={contributions} />
      </Grid>
      <Grid item xs={12} lg={8}>
        <InfoCard
          title="Commits per week (last 52 weeks)"
          subheader="Merges and bots left out"
          variant="gridItem"
        >
          <WeeklyCommitsChart weekly={contributions.weekly} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={4}>
        <GitRepositoryCard
          repository={contributions.repository}
          hasContributingGuide={contributions.hasContributingGuide}
        />
      </Grid>
    </>
  );
}
