import type { ProgramExpiredException } from '@innersource-backstage/plugin-innersource-common';
import { DataTable } from '../shared';
import { CsvExportButton } from './common/CsvExportButton';
import { CsvColumn } from './common/csv';
import { EntityCell } from './common/EntityCell';
import { NoFigures, ProgramCard } from './common/ProgramCard';
import { TableFrame } from './common/TableFrame';
import { displayTitle } from './common/windows';
import { PROGRAM_GQM } from './gqm';

const CSV_COLUMNS: CsvColumn<ProgramExpiredException>[] = [
  { header: 'Project', value: e => displayTitle(e.project) },
  { header: 'Entity ref', value: e => e.project.entityRef },
  { header: 'Project owner', value: e => e.ownerRef },
  { header: 'Rule', value: e => e.ruleTitle },
  { header: 'Rule id', value: e => e.ruleId },
  { header: 'Severity', value: e => e.severity },
  { header: 'Exception owner', value: e => e.owner },
  { header: 'Reason', value: e => e.reason },
  { header: 'Expired', value: e => e.expires },
];

/**
 * Exceptions to readiness rules that have run out, so the failures count again.
 *
 * @internal
 */
export function ExpiredExceptionsCard(props: {
  exceptions: ProgramExpiredException[];
  computedAt?: string;
}) {
  const { exceptions, computedAt } = props;
  return (
    <ProgramCard
      title="Expired exceptions"
      gqm={PROGRAM_GQM.expiredExceptions}
      window="today"
      computedAt={computedAt}
      action={
        <CsvExportButton
          what="expired exceptions"
          filename="innersource-expired-exceptions"
          columns={CSV_COLUMNS}
          rows={exceptions}
        />
      }
    >
      {exceptions.length === 0 ? (
        <NoFigures>No exception has expired.</NoFigures>
      ) : (
        <TableFrame>
          <DataTable
            label="Expired exceptions"
            columns={[
              { label: 'Project', align: 'left' },
              { label: 'Rule', align: 'left' },
              { label: 'Exception owner', align: 'left' },
              { label: 'Reason', align: 'left' },
              { label: 'Expired', align: 'left' },
            ]}
            rows={exceptions.map(e => ({
              key: `${e.project.entityRef} ${e.ruleId}`,
              cells: [
                <EntityCell entity={e.project} />,
                e.ruleTitle,
                e.owner,
                e.reason,
                e.expires,
              ],
            }))}
          />
        </TableFrame>
      )}
    </ProgramCard>
  );
}
