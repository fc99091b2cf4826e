import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles({
  visuallyHidden: {
    border: 0,
    clip: 'rect(0 0 0 0)',
    height: 1,
    margin: -1,
    overflow: 'hidden',
    padding: 0,
    position: 'absolute',
    width: 1,
    whiteSpace: 'nowrap',
  },
});

/** @internal */
export interface DataTableColumn {
  label: string;
  align: 'left' | 'right';
}

/** @internal */
export interface DataTableProps {
  /** The accessible name of the table. */
  label: string;
  /**
   * Column headers; the first column names each row. Columns are right-aligned for numbers
   * unless given as `{ label, align: 'left' }`.
   */
  columns: Array<string | DataTableColumn>;
  rows: Array<{ key: string; cells: ReactNode[] }>;
  /** Show the table only to assistive technology, e.g. next to a chart of the same numbers. */
  visuallyHidden?: boolean;
}

/**
 * A small table of figures whose first column names the row and the others hold numbers, e.g.
 * the numbers behind a chart.
 *
 * @internal
 */
export function DataTable(props: DataTableProps) {
  const { label, rows, visuallyHidden } = props;
  const classes = useStyles();
  const heads: DataTableColumn[] = props.columns.map((column, index) =>
    typeof column === 'string'
      ? { label: column, align: index === 0 ? 'left' : 'right' }
      : column,
  );
  return (
    <Table
      size="small"
      aria-label={label}
      className={visuallyHidden ? classes.visuallyHidden : undefined}
    >
      <TableHead>
        <TableRow>
          {heads.map(column => (
            <TableCell key={column.label} align={column.align}>
              {column.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.key}>
            {row.cells.map((cell, index) =>
              index === 0 ? (
                <TableCell key={heads[index].label} component="th" scope="row">
                  {cell}
                </TableCell>
              ) : (
                <TableCell key={heads[index].label} align={heads[index].align}>
                  {cell}
                </TableCell>
              ),
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
