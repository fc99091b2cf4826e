import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: theme.spacing(3, 2),
    margin: 0,
  },
  term: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  hint: {
    padding: 2,
    color: theme.palette.text.secondary,
    cursor: 'help',
  },
  definition: {
    margin: 0,
  },
  value: {
    fontWeight: theme.typography.fontWeightBold as number,
    lineHeight: 1.2,
  },
}));

/** @internal */
export interface FigureProps {
  label: string;
  value: ReactNode;
  /** A short line under the value, e.g. `2 new`. */
  detail?: ReactNode;
  /** An explanation shown in a tooltip next to the label. */
  hint?: string;
}

/**
 * One big figure with its label, as a term and definition of a {@link FigureList}.
 *
 * @internal
 */
export function Figure(props: FigureProps) {
  const { label, value, detail, hint } = props;
  const classes = useStyles();
  return (
    <div>
      <Typography
        variant="body2"
        color="textSecondary"
        component="dt"
        className={classes.term}
      >
        {label}
        {hint && (
          <Tooltip title={hint}>
            <IconButton size="small" className={classes.hint}>
              <InfoOutlinedIcon fontSize="inherit" />
            </IconButton>
          </Tooltip>
        )}
      </Typography>
      <dd className={classes.definition}>
        <Typography variant="h4" component="span" className={classes.value}>
          {value}
        </Typography>
        {detail && (
          <Typography variant="caption" color="textSecondary" component="div">
            {detail}
          </Typography>
        )}
      </dd>
    </div>
  );
}

/**
 * A grid of {@link Figure}s, marked up as a description list.
 *
 * @internal
 */
export function FigureList(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Box component="dl" className={classes.list} aria-label={props.label}>
      {props.children}
    </Box>
  );
}
