import type { GroupOutgoingContribution } from '@innersource-backstage/plugin-innersource-common';
import { DataTable } from '../shared';
import { CsvExportButton } from '../ProgramPage/common/CsvExportButton';
import { CsvColumn } from '../ProgramPage/common/csv';
import { EntityCell } from '../ProgramPage/common/EntityCell';
import { NoFigures, ProgramCard } from '../ProgramPage/common/ProgramCard';
import { TableFrame } from '../ProgramPage/common/TableFrame';
import { displayTitle, refName } from '../ProgramPage/common/windows';

const CSV_COLUMNS: CsvColumn<GroupOutgoingContribution>[] = [
  { header: 'Project', value: c => displayTitle(c.project) },
  { header: 'Entity ref', value: c => c.project.entityRef },
  {
    header: 'Owner',
    value: c => c.ownerTitle ?? (c.ownerRef ? refName(c.ownerRef) : ''),
  },
  { header: 'Contributing team', value: c => displayTitle(c.fromTeam) },
  { header: 'Commits', value: c => c.commits },
];

/**
 * The group's commits to projects owned by other teams.
 *
 * @internal
 */
export function GroupContributionsCard(props: {
  groupName: string;
  contributions: GroupOutgoingContribution[];
  window: string;
  computedAt?: string;
}) {
  const { groupName, contributions, window, computedAt } = props;
  return (
    <ProgramCard
      title={`Contributions of ${groupName} to other teams`}
      gqm={{
        goal: 'Grow collaboration across teams',
        question: "Which other teams' projects does the group contribute to?",
        metric:
          "Commits by members of the group's teams to projects owned outside the group",
      }}
      window={window}
      computedAt={computedAt}
      action={
        <CsvExportButton
          what="the group's contributions to other teams"
          filename="innersource-group-contributions"
          columns={CSV_COLUMNS}
          rows={contributions}
        />
      }
    >
      {contributions.length === 0 ? (
        <NoFigures>
          No commits to other teams' projects in this window.
        </NoFigures>
      ) : (
        <TableFrame>
          <DataTable
            label={`Contributions of ${groupName} to other teams`}
            columns={[
              { label: 'Project', align: 'left' },
              { label: 'Owner', align: 'left' },
              { label: 'Contributing team', align: 'left' },
              { label: 'Commits', align: 'right' },
            ]}
            rows={contributions.map(c => ({
              key: `${c.project.entityRef} ${c.fromTeam.entityRef}`,
              cells: [
                <EntityCell entity={c.project} />,
                <EntityCell
                  entity={
                    c.ownerRef
                      ? { entityRef: c.ownerRef, title: c.ownerTitle }
                      : undefined
                  }
                />,
                <EntityCell entity={c.fromTeam} />,
                c.commits,
              ],
            }))}
          />
        </TableFrame>
      )}
    </ProgramCard>
  );
}
