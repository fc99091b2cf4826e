import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

/**
 * Explains why there are no contribution figures: the entity has no readable git source.
 *
 * @internal
 */
export function NoGitHistoryCard() {
  return (
    <InfoCard title="No git history">
      <Typography variant="body2" color="textSecondary">
        Set the backstage.io/source-location annotation to the repository (https
        or file URL) so the InnerSource backend can read its history.
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Contribution figures (who outside the owning team contributes, the
        InnerSource ratio and the activity level) appear after the next refresh.
      </Typography>
    </InfoCard>
  );
}
