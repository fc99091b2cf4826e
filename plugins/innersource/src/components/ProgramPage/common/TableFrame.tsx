import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles({
  frame: {
    overflowX: 'auto',
    // cells wrap between words only, never inside a word or number
    '& th, & td': {
      wordBreak: 'normal',
      overflowWrap: 'normal',
      hyphens: 'manual',
    },
  },
});

/**
 * Holds a wide table: its cells wrap between words only, it scrolls sideways rather than
 * breaking words when the columns do not fit, and with `maxHeight` it scrolls down too.
 *
 * @internal
 */
export function TableFrame(props: { maxHeight?: number; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Box
      className={classes.frame}
      maxHeight={props.maxHeight}
      overflow={props.maxHeight ? 'auto' : undefined}
    >
      {props.children}
    </Box>
  );
}
