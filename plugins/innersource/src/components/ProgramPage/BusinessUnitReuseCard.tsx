import type {
  ProgramEntityRef,
  ProgramReuseCell,
} from '@innersource-backstage/plugin-innersource-common';
import { DataTable } from '../shared';
import { CsvExportButton } from './common/CsvExportButton';
import { CsvColumn } from './common/csv';
import { NoFigures, ProgramCard } from './common/ProgramCard';
import { TableFrame } from './common/TableFrame';
import { displayTitle } from './common/windows';
import { PROGRAM_GQM } from './gqm';

/**
 * The consumer -> provider matrix: one row per consumer business unit, one column per provider
 * business unit, each cell the number of dependencies (0 where there are none).
 *
 * @internal
 */
export function reuseMatrix(
  businessUnits: ProgramEntityRef[],
  cells: ProgramReuseCell[],
): {
  consumers: ProgramEntityRef[];
  providers: ProgramEntityRef[];
  count: (consumerRef: string, providerRef: string) => number;
} {
  const byRef = new Map(businessUnits.map(bu => [bu.entityRef, bu]));
  const unit = (ref: string) => byRef.get(ref) ?? { entityRef: ref };
  const consumers = [...new Set(cells.map(c => c.consumerBusinessUnitRef))]
    .sort()
    .map(unit);
  const providers = [...new Set(cells.map(c => c.providerBusinessUnitRef))]
    .sort()
    .map(unit);
  const counts = new Map(
    cells.map(c => [
      `${c.consumerBusinessUnitRef} ${c.providerBusinessUnitRef}`,
      c.dependencies,
    ]),
  );
  return {
    consumers,
    providers,
    count: (consumerRef, providerRef) =>
      counts.get(`${consumerRef} ${providerRef}`) ?? 0,
  };
}

/**
 * Who reuses whom, between business units.
 *
 * @internal
 */
export function BusinessUnitReuseCard(props: {
  businessUnits: ProgramEntityRef[];
  cells: ProgramReuseCell[];
  computedAt?: string;
}) {
  const { businessUnits, cells, computedAt } = props;
  const matrix = reuseMatrix(businessUnits, cells);
  const name = (ref: string) =>
    displayTitle(
      businessUnits.find(bu => bu.entityRef === ref) ?? { entityRef: ref },
    );
  const csvColumns: CsvColumn<ProgramReuseCell>[] = [
    {
      header: 'Consumer business unit',
      value: c => name(c.consumerBusinessUnitRef),
    },
    {
      header: 'Provider business unit',
      value: c => name(c.providerBusinessUnitRef),
    },
    { header: 'Dependencies', value: c => c.dependencies },
    { header: 'Consumer ref', value: c => c.consumerBusinessUnitRef },
    { header: 'Provider ref', value: c => c.providerBusinessUnitRef },
  ];
  return (
    <ProgramCard
      title="Reuse between business units"
      gqm={PROGRAM_GQM.reuseMatrix}
      window="today"
      computedAt={computedAt}
      action={
        <CsvExportButton
          what="reuse between business units"
          filename="innersource-business-unit-reuse"
          columns={csvColumns}
          rows={cells}
        />
      }
    >
      {cells.length === 0 ? (
        <NoFigures>
          No dependencies between projects of known business units yet.
        </NoFigures>
      ) : (
        <TableFrame>
          <DataTable
            label="Dependencies from consumer business unit (rows) to provider business unit (columns)"
            columns={[
              'Consumer \\ provider',
              ...matrix.providers.map(displayTitle),
            ]}
            rows={matrix.consumers.map(consumer => ({
              key: consumer.entityRef,
              cells: [
                displayTitle(consumer),
                ...matrix.providers.map(provider =>
                  matrix.count(consumer.entityRef, provider.entityRef),
                ),
              ],
            }))}
          />
        </TableFrame>
      )}
    </ProgramCard>
  );
}
