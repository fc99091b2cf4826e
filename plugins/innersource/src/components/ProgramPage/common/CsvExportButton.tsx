import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import { CsvColumn, downloadCsv, toCsv } from './csv';

/** @internal */
export interface CsvExportButtonProps<T> {
  /** What is exported, for the accessible name: `Export <what> as CSV`. */
  what: string;
  /** The file name, without `.csv`. */
  filename: string;
  columns: CsvColumn<T>[];
  rows: T[];
}

/**
 * Saves the rows of a table as a CSV file, built in the browser from the figures on screen.
 *
 * @internal
 */
export function CsvExportButton<T>(props: CsvExportButtonProps<T>) {
  const { what, filename, columns, rows } = props;
  return (
    <Button
      size="small"
      startIcon={<GetAppIcon fontSize="small" />}
      aria-label={`Export ${what} as CSV`}
      disabled={rows.length === 0}
      onClick={() => downloadCsv(`${filename}.csv`, toCsv(columns, rows))}
    >
      CSV
    </Button>
  );
}
