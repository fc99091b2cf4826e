import type { GroupReusedProject } from '@innersource-backstage/plugin-innersource-common';
import { Fragment } from 'react';
import { DataTable } from '../shared';
import { CsvExportButton } from '../ProgramPage/common/CsvExportButton';
import { CsvColumn } from '../ProgramPage/common/csv';
import { EntityCell } from '../ProgramPage/common/EntityCell';
import { NoFigures, ProgramCard } from '../ProgramPage/common/ProgramCard';
import { TableFrame } from '../ProgramPage/common/TableFrame';
import { displayTitle, refName } from '../ProgramPage/common/windows';

const CSV_COLUMNS: CsvColumn<GroupReusedProject>[] = [
  { header: 'Project', value: r => displayTitle(r.project) },
  { header: 'Entity ref', value: r => r.project.entityRef },
  {
    header: 'Owner',
    value: r => r.ownerTitle ?? (r.ownerRef ? refName(r.ownerRef) : ''),
  },
  { header: 'Used by', value: r => r.consumers.map(displayTitle).join('; ') },
  { header: 'Consumers', value: r => r.consumers.length },
];

/**
 * Projects owned by other teams that the group's entities use.
 *
 * @internal
 */
export function GroupReusedProjectsCard(props: {
  groupName: string;
  reused: GroupReusedProject[];
  computedAt?: string;
}) {
  const { groupName, reused, computedAt } = props;
  return (
    <ProgramCard
      title={`Projects ${groupName} reuses`}
      gqm={{
        goal: 'Reduce duplication',
        question: "Which other teams' projects does the group build on?",
        metric:
          "Projects owned outside the group that the group's entities depend on or consume APIs of",
      }}
      window="today"
      computedAt={computedAt}
      action={
        <CsvExportButton
          what="the projects the group reuses"
          filename="innersource-group-reuse"
          columns={CSV_COLUMNS}
          rows={reused}
        />
      }
    >
      {reused.length === 0 ? (
        <NoFigures>
          The group's entities use no projects of other teams.
        </NoFigures>
      ) : (
        <TableFrame>
          <DataTable
            label={`Projects ${groupName} reuses`}
            columns={[
              { label: 'Project', align: 'left' },
              { label: 'Owner', align: 'left' },
              { label: 'Used by', align: 'left' },
            ]}
            rows={reused.map(r => ({
              key: r.project.entityRef,
              cells: [
                <EntityCell entity={r.project} />,
                <EntityCell
                  entity={
                    r.ownerRef
                      ? { entityRef: r.ownerRef, title: r.ownerTitle }
                      : undefined
                  }
                />,
                r.consumers.map((consumer, index) => (
                  <Fragment key={consumer.entityRef}>
                    {index > 0 && ', '}
                    <EntityCell entity={consumer} />
                  </Fragment>
                )),
              ],
            }))}
          />
        </TableFrame>
      )}
    </ProgramCard>
  );
}
