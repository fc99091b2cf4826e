import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type {
  ContributionSummary,
  ContributionWindow,
  WindowContributions,
} from '@innersource-backstage/plugin-innersource-common';
import { ReactNode, useState } from 'react';
import { Figure, FigureList, formatPercent, pluralize } from '../shared';
import {
  ContributionWindowSelector,
  WINDOW_PHRASES,
} from './ContributionWindowSelector';
import { OutsideTeamsTable, TopContributorsTable } from './ContributorTables';
import { DistanceHistogramChart } from './DistanceHistogramChart';

/** The window shown first. */
const DEFAULT_WINDOW: ContributionWindow = '365d';

const UNKNOWN_AUTHORS_HINT =
  'Authors whose email matches no catalog user; add aliases in config';

const useStyles = makeStyles(theme => ({
  section: {
    marginTop: theme.spacing(4),
  },
  heading: {
    marginBottom: theme.spacing(1),
  },
}));

function Section(props: { title: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Box component="section">
      <Typography
        variant="subtitle2"
        component="h3"
        className={classes.heading}
      >
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/** The big figures of one window. */
function WindowFigures(props: { figures: WindowContributions }) {
  const { figures } = props;
  return (
    <FigureList label="Contribution figures">
      <Figure
        label="Commits by the owning team"
        value={figures.ownerTeamCommits}
        detail={pluralize(figures.ownerTeamContributors, 'contributor')}
      />
      <Figure
        label="Code contributions from outside"
        value={figures.outsideCommits}
        detail="commits by other teams"
      />
      <Figure
        label="InnerSource ratio"
        value={formatPercent(figures.innerSourceRatio)}
        detail="of attributed commits from outside"
      />
      <Figure
        label="Outside contributors"
        value={figures.outsideContributors}
        detail={
          figures.window === 'all'
            ? undefined
            : `${figures.newOutsideContributors} new ${
                WINDOW_PHRASES[figures.window]
              }`
        }
      />
      <Figure
        label="Unknown authors"
        value={figures.unknownAuthors}
        detail={pluralize(figures.unknownCommits, 'commit')}
        hint={UNKNOWN_AUTHORS_HINT}
      />
      <Figure label="Bot commits left out" value={figures.botCommits} />
    </FigureList>
  );
}

/** How much the project depends on a few people and teams. */
function ConcentrationFigures(props: { figures: WindowContributions }) {
  const { figures } = props;
  return (
    <>
      <FigureList label="Concentration">
        <Figure
          label="Contributor Absence Factor"
          value={figures.absenceFactor ?? '–'}
          detail="fewest people making half of the commits"
        />
        <Figure
          label="Elephant factor"
          value={figures.elephantFactor ?? '–'}
          detail="fewest teams making half of the commits"
        />
      </FigureList>
      {figures.absenceFactor === 1 && (
        <Box mt={2}>
          <Alert severity="warning">
            One person makes half of all commits: the project depends on them
          </Alert>
        </Box>
      )}
    </>
  );
}

/** @internal */
export interface ContributionsCardProps {
  contributions: ContributionSummary;
}

/**
 * Answers "Who outside the owning team contributes?" from the entity's git history, for a
 * chosen time window: commits by the owning team and from outside, the InnerSource ratio, the
 * outside teams and people, how concentrated the work is and how far away contributions come
 * from.
 *
 * @internal
 */
export function ContributionsCard(props: ContributionsCardProps) {
  const { windows } = props.contributions;
  const classes = useStyles();
  const available = windows.map(figures => figures.window);
  const [selected, setSelected] = useState<ContributionWindow>(DEFAULT_WINDOW);
  const figures =
    windows.find(candidate => candidate.window === selected) ?? windows[0];

  const teamTitles = new Map(
    (figures?.outsideTeams ?? []).map(team => [team.teamRef, team.title]),
  );

  return (
    <InfoCard
      title="Who outside the owning team contributes?"
      subheader="Code contributions from git history"
      action={
        <Box pt={1} pr={1}>
          <ContributionWindowSelector
            value={figures?.window ?? selected}
            onChange={setSelected}
            available={available}
          />
        </Box>
      }
    >
      {!figures ? (
        <Typography color="textSecondary">
          No contribution figures were computed for this entity yet.
        </Typography>
      ) : (
        <>
          <WindowFigures figures={figures} />
          <Grid container spacing={4} className={classes.section}>
            <Grid item xs={12} md={6}>
              <Section title="Outside teams">
                <OutsideTeamsTable teams={figures.outsideTeams} />
              </Section>
            </Grid>
            <Grid item xs={12} md={6}>
              <Section title="Top outside contributors">
                <TopContributorsTable
                  contributors={figures.topOutsideContributors}
                  teamTitles={teamTitles}
                />
              </Section>
            </Grid>
            <Grid item xs={12} md={6}>
              <Section title="How much does the project depend on a few people?">
                <ConcentrationFigures figures={figures} />
              </Section>
            </Grid>
            <Grid item xs={12} md={6}>
              <Section title="How far away in the organisation do contributions come from?">
                <DistanceHistogramChart histogram={figures.distanceHistogram} />
                <Typography variant="caption" color="textSecondary">
                  Commits by contribution distance: the steps through the group
                  tree from the owning team to the author&apos;s team (0 = the
                  owning team, 2 = a sibling team); unknown when the teams share
                  no group or the author is not in the catalog.
                </Typography>
              </Section>
            </Grid>
          </Grid>
        </>
      )}
    </InfoCard>
  );
}
