import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';
import { formatDateTime, formatRelativeTime } from './format';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: theme.spacing(1, 2),
    margin: 0,
  },
  term: {
    color: theme.palette.text.secondary,
  },
  definition: {
    margin: 0,
    overflowWrap: 'anywhere',
  },
}));

/**
 * Facts about a thing as a two-column description list of {@link Fact}s, e.g. where a
 * repository lives and when it was read.
 *
 * @internal
 */
export function FactList(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <dl className={classes.list} aria-label={props.label}>
      {props.children}
    </dl>
  );
}

/**
 * One term and its definition in a {@link FactList}.
 *
 * @internal
 */
export function Fact(props: { term: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <Typography variant="body2" component="dt" className={classes.term}>
        {props.term}
      </Typography>
      <Typography variant="body2" component="dd" className={classes.definition}>
        {props.children}
      </Typography>
    </>
  );
}

/**
 * A `<time>` element showing a timestamp as a local date and time, or relative to now (with
 * the full date and time in its title).
 *
 * @internal
 */
export function Timestamp(props: { iso: string; relative?: boolean }) {
  const { iso, relative } = props;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {relative ? formatRelativeTime(iso) : formatDateTime(iso)}
    </time>
  );
}
