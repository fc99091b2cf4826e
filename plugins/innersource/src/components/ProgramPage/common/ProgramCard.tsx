import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';
import { formatDateTime, formatRelativeTime } from '../../shared';

/**
 * What a figure is for, in Goal-Question-Metric terms.
 *
 * @internal
 */
export interface Gqm {
  goal: string;
  question: string;
  metric: string;
}

const useStyles = makeStyles(theme => ({
  card: {
    height: '100%',
  },
  gqm: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(1),
    '& dt': {
      fontWeight: theme.typography.fontWeightMedium as number,
    },
    '& dd': {
      margin: 0,
    },
  },
  footer: {
    display: 'block',
    marginTop: theme.spacing(2),
  },
}));

/** Goal, question and metric as a description list. */
function GqmList(props: { gqm: Gqm }) {
  const classes = useStyles();
  const { goal, question, metric } = props.gqm;
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      component="dl"
      className={classes.gqm}
    >
      <dt>Goal</dt>
      <dd>{goal}</dd>
      <dt>Question</dt>
      <dd>{question}</dd>
      <dt>Metric</dt>
      <dd>{metric}</dd>
    </Typography>
  );
}

/** @internal */
export interface ProgramCardProps {
  title: string;
  gqm: Gqm;
  /** The period the figures cover, e.g. `the last 365 days`. */
  window: string;
  /** When the figures were computed (ISO 8601). */
  computedAt?: string;
  /** E.g. the CSV export. */
  action?: ReactNode;
  children: ReactNode;
}

/**
 * A card of the program view: the figure, the goal and question it answers, the period it covers
 * and when it was computed, so that every number can be explained where it is shown.
 *
 * @internal
 */
export function ProgramCard(props: ProgramCardProps) {
  const { title, gqm, window, computedAt, action, children } = props;
  const classes = useStyles();
  return (
    <section aria-label={title} className={classes.card}>
      <InfoCard
        title={title}
        subheader={<GqmList gqm={gqm} />}
        action={action}
        titleTypographyProps={{ component: 'h3' }}
        subheaderTypographyProps={{ component: 'div' }}
        variant="gridItem"
      >
        {children}
        <Typography
          variant="caption"
          color="textSecondary"
          className={classes.footer}
        >
          Window: {window}
          {computedAt && (
            <>
              {' · '}Computed{' '}
              <time dateTime={computedAt} title={formatDateTime(computedAt)}>
                {formatRelativeTime(computedAt)}
              </time>
            </>
          )}
        </Typography>
      </InfoCard>
    </section>
  );
}

/**
 * A line saying that there is nothing to show yet, in place of a chart or table.
 *
 * @internal
 */
export function NoFigures(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="textSecondary">
      {props.children}
    </Typography>
  );
}
