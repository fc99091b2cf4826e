import type { ProgramLevelCount } from '@innersource-backstage/plugin-innersource-common';
import { DataTable, READINESS_LEVEL_LABELS } from '../shared';
import { CsvExportButton } from './common/CsvExportButton';
import { CsvColumn } from './common/csv';
import { ProgramCard } from './common/ProgramCard';
import { PROGRAM_GQM } from './gqm';

const CSV_COLUMNS: CsvColumn<ProgramLevelCount>[] = [
  { header: 'Readiness level', value: l => READINESS_LEVEL_LABELS[l.level] },
  { header: 'Projects', value: l => l.projects },
  { header: 'InnerSource projects', value: l => l.innerSourceProjects },
];

/** Gold first. */
const ORDER = ['gold', 'silver', 'bronze', 'none'];

/**
 * Projects per readiness level today, all and InnerSource ones.
 *
 * @internal
 */
export function ReadinessLevelsCard(props: {
  levels: ProgramLevelCount[];
  computedAt?: string;
}) {
  const levels = [...props.levels].sort(
    (a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level),
  );
  return (
    <ProgramCard
      title="Projects by readiness level"
      gqm={PROGRAM_GQM.levels}
      window="today"
      computedAt={props.computedAt}
      action={
        <CsvExportButton
          what="projects by readiness level"
          filename="innersource-readiness-levels"
          columns={CSV_COLUMNS}
          rows={levels}
        />
      }
    >
      <DataTable
        label="Projects by readiness level"
        columns={['Readiness level', 'Projects', 'InnerSource projects']}
        rows={levels.map(l => ({
          key: l.level,
          cells: [
            READINESS_LEVEL_LABELS[l.level],
            l.projects,
            l.innerSourceProjects,
          ],
        }))}
      />
    </ProgramCard>
  );
}
