import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import TrendingDownIcon from '@material-ui/icons/TrendingDown';
import type { EntitySnapshot } from '@innersource-backstage/plugin-innersource-common';
import {
  READINESS_LEVEL_LABELS,
  ReadinessLevelChip,
  Sparkline,
} from '../shared';
import { ReadinessHistoryChart, readinessDays } from './ReadinessHistoryChart';

const useStyles = makeStyles(theme => ({
  level: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
  regressed: {
    color: theme.palette.error.main,
    borderColor: theme.palette.error.main,
  },
  regressedRow: {
    backgroundColor:
      theme.palette.type === 'dark'
        ? 'rgba(244, 67, 54, 0.12)'
        : 'rgba(244, 67, 54, 0.06)',
  },
}));

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
 * How usage and readiness developed: a usage trend line and a chart of the readiness score
 * over the whole period, and the figures of the most recent days with the readiness level of
 * each day, marking the days the level dropped.
 *
 * @internal
 */
export function HistoryCard(props: HistoryCardProps) {
  const { history, days } = props;
  const classes = useStyles();
  const recent = readinessDays(history).slice(-TABLE_DAYS).reverse();
  const scores = history.map(snapshot => snapshot.lintScore);

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
            <>
              <Box display="flex" flexWrap="wrap" gridGap={32} mb={2}>
                <Trend
                  label="Usage"
                  values={history.map(snapshot => snapshot.usageCount)}
                />
              </Box>
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
              >
                Readiness score: {scores[0]} → {scores[scores.length - 1]}
              </Typography>
              <Box mb={2}>
                <ReadinessHistoryChart history={history} />
              </Box>
            </>
          )}
          <Table size="small" aria-label="Recent snapshots">
            <TableHead>
              <TableRow>
                <TableCell>Day</TableCell>
                <TableCell align="right">Usage</TableCell>
                <TableCell align="right">Business units</TableCell>
                <TableCell align="right">Readiness score</TableCell>
                <TableCell>Readiness level</TableCell>
                <TableCell align="right">Errors</TableCell>
                <TableCell align="right">Warnings</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {recent.map(({ snapshot, previousLevel, regressed }) => (
                <TableRow
                  key={snapshot.day}
                  className={regressed ? classes.regressedRow : undefined}
                >
                  <TableCell component="th" scope="row">
                    {snapshot.day}
                  </TableCell>
                  <TableCell align="right">{snapshot.usageCount}</TableCell>
                  <TableCell align="right">
                    {snapshot.businessUnitCount}
                  </TableCell>
                  <TableCell align="right">{snapshot.lintScore}</TableCell>
                  <TableCell>
                    {snapshot.readinessLevel ? (
                      <Box className={classes.level}>
                        <ReadinessLevelChip
                          level={snapshot.readinessLevel}
                          score={snapshot.lintScore}
                        />
                        {regressed && previousLevel && (
                          <Chip
                            size="small"
                            variant="outlined"
                            className={classes.regressed}
                            icon={
                              <TrendingDownIcon
                                fontSize="small"
                                className={classes.regressed}
                              />
                            }
                            label="regressed"
                            title={`Readiness level dropped from ${
                              READINESS_LEVEL_LABELS[previousLevel]
                            } to ${
                              READINESS_LEVEL_LABELS[snapshot.readinessLevel]
                            }`}
                          />
                        )}
                      </Box>
                    ) : (
                      '–'
                    )}
                  </TableCell>
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
