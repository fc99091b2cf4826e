import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type { EntityInnerSourceResult } from '@innersource-backstage/plugin-innersource-common';
import { ActivityChip, formatDateTime, formatRelativeTime } from '../shared';

/** @internal */
export interface ResultStatusHeaderProps {
  result: EntityInnerSourceResult;
}

/**
 * When the figures were computed, whether the entity is tagged as an InnerSource project, how
 * active its repository is and, when the last refresh failed, a warning that the figures may be out of date.
 *
 * @internal
 */
export function ResultStatusHeader(props: ResultStatusHeaderProps) {
  const { computedAt, status, entity, contributions } = props.result;
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
        <Typography variant="body2" color="textSecondary">
          Figures computed{' '}
          <time dateTime={computedAt} title={formatDateTime(computedAt)}>
            {formatRelativeTime(computedAt)}
          </time>
        </Typography>
        {entity.innerSource && (
          <Chip size="small" color="primary" label="InnerSource project" />
        )}
        {contributions && (
          <ActivityChip
            score={contributions.activity.score}
            level={contributions.activity.level}
          />
        )}
      </Box>
      {status.stale && (
        <Alert severity="warning">
          <AlertTitle>These figures may be out of date</AlertTitle>
          <Typography variant="body2">
            The last refresh failed
            {status.lastErrorAt && (
              <>
                {' on '}
                <time dateTime={status.lastErrorAt}>
                  {formatDateTime(status.lastErrorAt)}
                </time>
              </>
            )}
            . These are the last good figures; they are updated when a refresh
            succeeds.
          </Typography>
          {status.lastError && (
            <Typography variant="body2">Error: {status.lastError}</Typography>
          )}
        </Alert>
      )}
    </Box>
  );
}
