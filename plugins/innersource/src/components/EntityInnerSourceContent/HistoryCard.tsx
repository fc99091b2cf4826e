import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { EntitySnapshot } from '@innersource-backstage/plugin-innersource-common';
import { Sparkline } from '../shared';

/** How many of the most recent days the table lists. */
const TABLE_DAYS = 10;

/** @internal */
export interface HistoryCardProps {
  /** Daily snapshots, oldest first. */
  history: EntitySnapshot[];
  /** How many days the history covers, for the subheader. */
  days: number;
}

function Trend(props: {
  label: string;
  values: number[];
  domain?: [number, number];
}) {
  const { label, values, domain } = props;
  const first = values[0];
  const last = values[values.length - 1];
  return (
    <Box>
      <Typography variant="caption" color="textSecondary" component="div">
        {label}: {first} → {last}
      </Typography>
      <Sparkline
        values={values}
        domain={domain}
        label={`${label} trend from ${first} to ${last}`}
      />
    </Box>
  );
}

/**
 * How usage and readiness developed: trend lines over the whole period and the figures of the
 * most recent days.
 *
 * @internal
 */
export function HistoryCard(props: HistoryCardProps) {
  const { history, days } = props;
  const recent = history.slice(-TABLE_DAYS).reverse();

  return (
    <InfoCard
      title="History"
      subheader={`How usage and readiness changed over the last ${days} days`}
    >
      {history.length === 0 ? (
        <Typography color="textSecondary">
          No history recorded yet; a snapshot is kept for every day the figures
          are computed.
        </Typography>
      ) : (
        <>
          {history.length > 1 && (
            <Box display="flex" flexWrap="wrap" gridGap={32} mb={2}>
              <Trend
                label="Usage"
                values={history.map(snapshot => snapshot.usageCount)}
              />
              <Trend
                label="Readiness score"
                values={history.map(snapshot => snapshot.lintScore)}
                domain={[0, 100]}
              />
            </Box>
          )}
          <Table size="small" aria-label="Recent snapshots">
            <TableHead>
              <TableRow>
                <TableCell>Day</TableCell>
                <TableCell align="right">Usage</TableCell>
                <TableCell align="right">Business units</TableCell>
                <TableCell align="right">Readiness score</TableCell>
                <TableCell align="right">Errors</TableCell>
                <TableCell align="right">Warnings</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {recent.map(snapshot => (
                <TableRow key={snapshot.day}>
                  <TableCell component="th" scope="row">
                    {snapshot.day}
                  </TableCell>
                  <TableCell align="right">{snapshot.usageCount}</TableCell>
                  <TableCell align="right">
                    {snapshot.businessUnitCount}
                  </TableCell>
                  <TableCell align="right">{snapshot.lintScore}</TableCell>
                  <TableCell align="right">{snapshot.lintErrors}</TableCell>
                  <TableCell align="right">{snapshot.lintWarnings}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </InfoCard>
  );
}
