import {
  DistanceHistogramChart,
  toDistanceBuckets,
} from '../EntityInnerSourceContent/DistanceHistogramChart';
import { CsvExportButton } from './common/CsvExportButton';
import { CsvColumn } from './common/csv';
import { NoFigures, ProgramCard } from './common/ProgramCard';
import { PROGRAM_GQM } from './gqm';

type Bucket = ReturnType<typeof toDistanceBuckets>[number];

const CSV_COLUMNS: CsvColumn<Bucket>[] = [
  { header: 'Contribution distance', value: b => b.distance },
  { header: 'Commits', value: b => b.commits },
];

/**
 * Commits by contribution distance over all projects in view.
 *
 * @internal
 */
export function DistanceCard(props: {
  histogram: Record<string, number>;
  window: string;
  computedAt?: string;
}) {
  const { histogram, window, computedAt } = props;
  const buckets = toDistanceBuckets(histogram);
  const hasCommits = buckets.some(b => b.commits > 0);
  return (
    <ProgramCard
      title="Contribution distance"
      gqm={PROGRAM_GQM.distance}
      window={window}
      computedAt={computedAt}
      action={
        <CsvExportButton
          what="commits by contribution distance"
          filename="innersource-contribution-distance"
          columns={CSV_COLUMNS}
          rows={hasCommits ? buckets : []}
        />
      }
    >
      {hasCommits ? (
        <DistanceHistogramChart histogram={histogram} />
      ) : (
        <NoFigures>No attributed commits in this window.</NoFigures>
      )}
    </ProgramCard>
  );
}
