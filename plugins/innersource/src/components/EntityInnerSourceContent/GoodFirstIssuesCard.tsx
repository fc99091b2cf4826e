import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ScmSummary } from '@innersource-backstage/plugin-innersource-common';
import { GoodFirstIssueList, pluralize } from '../shared';

/** @internal */
export interface GoodFirstIssuesCardProps {
  goodFirstIssues: ScmSummary['goodFirstIssues'];
}

/**
 * Answers "Where can a newcomer start?": the open issues labelled `good first issue`, with links,
 * and how many are labelled `help wanted`; without any, tells the owners to label some.
 *
 * @internal
 */
export function GoodFirstIssuesCard(props: GoodFirstIssuesCardProps) {
  const { count, helpWantedCount, items } = props.goodFirstIssues;
  const helpWanted =
    helpWantedCount > 0
      ? `${pluralize(helpWantedCount, 'issue')} labelled help wanted`
      : undefined;

  return (
    <InfoCard
      title="Good first issues"
      subheader="Where newcomers from other teams can start"
      variant="gridItem"
    >
      {count === 0 ? (
        <>
          <Typography variant="body2">
            No open issue is labelled good first issue
            {helpWanted ? ` (${helpWanted})` : ''}.
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Owners: label a few small, well-described issues &quot;good first
            issue&quot; (and larger ones &quot;help wanted&quot;) so that people
            from other teams know where to start.
          </Typography>
        </>
      ) : (
        <Box display="flex" flexDirection="column" gridGap={16}>
          <Typography variant="body2">
            <strong>{pluralize(count, 'open good first issue')}</strong>
            {helpWanted ? ` · ${helpWanted}` : ''}
          </Typography>
          <GoodFirstIssueList issues={items} />
          {items.length < count && (
            <Typography variant="caption" color="textSecondary">
              Showing the newest {items.length} of {count}.
            </Typography>
          )}
        </Box>
      )}
    </InfoCard>
  );
}
