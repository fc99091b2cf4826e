import type {
  ProgramAdoptionPoint,
  ProgramInterval,
} from '@innersource-backstage/plugin-innersource-common';
import { ComponentType } from 'react';
import { CsvExportButton, CsvExportButtonProps } from './CsvExportButton';
import { CsvColumn } from './csv';
import { Gqm, NoFigures, ProgramCard } from './ProgramCard';

/**
 * The figures of a card over the stored daily history.
 *
 * @internal
 */
export interface HistoryTrendProps {
  /** One point per period, oldest first. */
  points: ProgramAdoptionPoint[];
  interval: ProgramInterval;
  computedAt?: string;
}

/** @internal */
export interface HistoryTrendChartProps
  extends Omit<HistoryTrendProps, 'computedAt'> {
  /** A fixed width, e.g. in tests; by default the chart fills its container. */
  width?: number;
}

/**
 * The CSV columns every export of the stored history starts with: the period and the day of it
 * that was counted.
 *
 * @internal
 */
export const HISTORY_CSV_COLUMNS: CsvColumn<ProgramAdoptionPoint>[] = [
  { header: 'Period start', value: p => p.period },
  { header: 'Day counted', value: p => p.day },
];

/** @internal */
export interface HistoryTrendCardProps extends HistoryTrendProps {
  title: string;
  gqm: Gqm;
  /** What the CSV export holds and how it is saved; its rows are the points. */
  csv: Omit<CsvExportButtonProps<ProgramAdoptionPoint>, 'rows'>;
  /** Draws the points, once there are any. */
  chart: ComponentType<HistoryTrendChartProps>;
}

/**
 * A program card of a figure over the stored daily history, one point per period, with the
 * points as CSV.
 *
 * @internal
 */
export function HistoryTrendCard(props: HistoryTrendCardProps) {
  const { title, gqm, points, interval, computedAt, csv, chart: Chart } = props;
  return (
    <ProgramCard
      title={title}
      gqm={gqm}
      window={`the stored daily history, the last day of each ${interval}`}
      computedAt={computedAt}
      action={<CsvExportButton {...csv} rows={points} />}
    >
      {points.length === 0 ? (
        <NoFigures>
          No history yet: the trend starts with the first refresh.
        </NoFigures>
      ) : (
        <Chart points={points} interval={interval} />
      )}
    </ProgramCard>
  );
}
