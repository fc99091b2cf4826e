import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ResponseTimeFigure,
  ScmSummary,
  ScmWindowFigures,
} from '@innersource-backstage/plugin-innersource-common';
import { useState } from 'react';
import {
  Figure,
  FigureList,
  formatDate,
  formatDuration,
  formatPercent,
  pluralize,
  providerName,
} from '../shared';
import {
  ContributionWindowSelector,
  WINDOW_PHRASES,
} from './ContributionWindowSelector';

type ScmWindow = ScmWindowFigures['window'];

/** The windows the SCM figures are computed over. */
const SCM_WINDOWS: readonly ScmWindow[] = ['30d', '90d', '365d'];

/** The window shown first, as on the contributions card. */
const DEFAULT_WINDOW: ScmWindow = '365d';

const RESPONSE_HINT =
  'Time until someone other than the author commented or reviewed; bots are left out';

const useStyles = makeStyles(theme => ({
  section: {
    marginTop: theme.spacing(4),
  },
  heading: {
    marginBottom: theme.spacing(1),
  },
}));

/** The value of a time-to-first-response figure: the median, `–` without any response. */
function responseValue(figure: ResponseTimeFigure): string {
  return formatDuration(figure.medianHours);
}

/** The line under a time-to-first-response figure: the 90th percentile and how many wait. */
function responseDetail(figure: ResponseTimeFigure, noun: string): string {
  if (figure.responded === 0 && figure.waiting === 0) {
    return `No outside ${noun}`;
  }
  const parts: string[] = [];
  if (figure.responded > 0) {
    parts.push(`90th percentile ${formatDuration(figure.p90Hours)}`);
  } else {
    parts.push('none answered yet');
  }
  if (figure.waiting > 0) {
    parts.push(`${figure.waiting} waiting`);
  }
  return parts.join(' · ');
}

function WindowFigures(props: { figures: ScmWindowFigures }) {
  const { figures } = props;
  const phrase = WINDOW_PHRASES[figures.window];
  return (
    <FigureList label="Pull requests and issues from outside">
      <Figure
        label="Outside pull requests"
        value={figures.outsidePullRequests}
        detail={`of ${pluralize(
          figures.pullRequests,
          'pull request',
        )} ${phrase}`}
      />
      <Figure
        label="Acceptance ratio"
        value={formatPercent(figures.outsideAcceptanceRatio)}
        detail={`${figures.outsideMerged} merged, ${figures.outsideClosedUnmerged} closed unmerged`}
        hint="Outside pull requests merged, out of those merged or closed without merging"
      />
      <Figure
        label="First response to outside pull requests"
        value={responseValue(figures.outsidePullRequestResponse)}
        detail={responseDetail(
          figures.outsidePullRequestResponse,
          'pull requests',
        )}
        hint={`Median. ${RESPONSE_HINT}`}
      />
      <Figure
        label="Outside issues"
        value={figures.outsideIssues}
        detail={`of ${pluralize(figures.issues, 'issue')} ${phrase}`}
      />
      <Figure
        label="First response to outside issues"
        value={responseValue(figures.outsideIssueResponse)}
        detail={responseDetail(figures.outsideIssueResponse, 'issues')}
        hint={`Median. ${RESPONSE_HINT}`}
      />
    </FigureList>
  );
}

function RatioFigures(props: { figures: ScmWindowFigures }) {
  const ratio = props.figures.innerSourceRatio;
  const classes = useStyles();
  return (
    <Box component="section" className={classes.section}>
      <Typography
        variant="subtitle2"
        component="h3"
        className={classes.heading}
      >
        InnerSource ratio by contribution type
      </Typography>
      <FigureList label="InnerSource ratio by contribution type">
        <Figure label="Commits" value={formatPercent(ratio.commits)} />
        <Figure
          label="Pull requests"
          value={formatPercent(ratio.pullRequests)}
        />
        <Figure label="Issues" value={formatPercent(ratio.issues)} />
        <Figure
          label="Combined"
          value={formatPercent(ratio.combined)}
          detail="commits, pull requests and issues together"
        />
      </FigureList>
      <Typography variant="caption" color="textSecondary" component="p">
        The share made by people outside the owning team. Unknown authors and
        bots are left out.
      </Typography>
    </Box>
  );
}

const DAY_MS = 86_400_000;

/**
 * Says which pull requests and issues of the window a page limit kept from being read (the
 * figures count only the newer ones); nothing when the read reached the window's start.
 */
function ReadLimitNote(props: { scm: ScmSummary; window: ScmWindow }) {
  const { scm, window } = props;
  const limits = scm.readLimits;
  if (!limits) return null;
  const readAt = scm.fetchedAt ? Date.parse(scm.fetchedAt) : Date.now();
  const start = readAt - Number.parseInt(window, 10) * DAY_MS;
  const parts = (
    [
      ['pull requests', limits.pullRequestsFrom],
      ['issues', limits.issuesFrom],
    ] as const
  ).flatMap(([what, from]) =>
    from && Date.parse(from) > start
      ? [`${what} created before ${formatDate(from)}`]
      : [],
  );
  if (parts.length === 0) return null;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      role="note"
      paragraph
    >
      Partial figures: the read stopped at the page limit, so{' '}
      {parts.join(' and ')} are not counted in this window.
    </Typography>
  );
}

/** @internal */
export interface PullRequestsCardProps {
  scm: ScmSummary;
}

/**
 * Answers "Do other teams propose changes and get answers?" from the SCM platform, for a chosen
 * window: outside pull requests and how many are accepted, how long outside pull requests and
 * issues wait for a first response, and the InnerSource ratio by contribution type.
 *
 * @internal
 */
export function PullRequestsCard(props: PullRequestsCardProps) {
  const { scm } = props;
  const [selected, setSelected] = useState<ScmWindow>(DEFAULT_WINDOW);
  const figures =
    scm.windows.find(candidate => candidate.window === selected) ??
    scm.windows[0];

  return (
    <InfoCard
      title="Pull requests and issues"
      subheader={`Do other teams propose changes, and do they get answers? From ${providerName(
        scm.provider,
      )}`}
      variant="gridItem"
      action={
        <Box pt={1} pr={1}>
          <ContributionWindowSelector
            value={figures?.window ?? selected}
            onChange={next => setSelected(next as ScmWindow)}
            available={scm.windows.map(candidate => candidate.window)}
            windows={SCM_WINDOWS}
            label="Time window of pull requests and issues"
          />
        </Box>
      }
    >
      {!figures ? (
        <Typography color="textSecondary">
          No pull request or issue figures were computed for this repository
          yet.
        </Typography>
      ) : (
        <>
          <ReadLimitNote scm={scm} window={figures.window} />
          <WindowFigures figures={figures} />
          <RatioFigures figures={figures} />
        </>
      )}
    </InfoCard>
  );
}
