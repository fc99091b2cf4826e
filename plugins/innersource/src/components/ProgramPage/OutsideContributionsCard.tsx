import type { ProgramWeeklyContributions } from '@innersource-backstage/plugin-innersource-common';
import { WeeklyCommitsChart } from '../EntityInnerSourceContent/WeeklyCommitsChart';
import { CsvExportButton } from './common/CsvExportButton';
import { CsvColumn } from './common/csv';
import { NoFigures, ProgramCard } from './common/ProgramCard';
import { PROGRAM_GQM } from './gqm';

const CSV_COLUMNS: CsvColumn<ProgramWeeklyContributions>[] = [
  { header: 'Week starting', value: w => w.weekStart },
  { header: 'Outside commits', value: w => w.outside },
  { header: 'Owning team commits', value: w => w.ownerTeam },
  { header: 'Unknown authors', value: w => w.unknown },
];

/**
 * Outside-team contributions per week, stacked on the owning teams' commits.
 *
 * @internal
 */
export function OutsideContributionsCard(props: {
  weekly: ProgramWeeklyContributions[];
  window: string;
  computedAt?: string;
}) {
  const { weekly, window, computedAt } = props;
  const hasCommits = weekly.some(w => w.outside + w.ownerTeam + w.unknown > 0);
  return (
    <ProgramCard
      title="Outside-team contributions over time"
      gqm={PROGRAM_GQM.outsideContributions}
      window={`${window}, by week`}
      computedAt={computedAt}
      action={
        <CsvExportButton
          what="commits per week"
          filename="innersource-weekly-contributions"
          columns={CSV_COLUMNS}
          rows={weekly}
        />
      }
    >
      {hasCommits ? (
        <WeeklyCommitsChart weekly={weekly} />
      ) : (
        <NoFigures>No commits in this window.</NoFigures>
      )}
    </ProgramCard>
  );
}
