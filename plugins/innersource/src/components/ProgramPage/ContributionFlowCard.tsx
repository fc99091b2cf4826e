import type { ProgramContributionFlow } from '@innersource-backstage/plugin-innersource-common';
import Grid from '@material-ui/core/Grid';
import { DataTable } from '../shared';
import { CsvExportButton } from './common/CsvExportButton';
import { CsvColumn } from './common/csv';
import { EntityCell } from './common/EntityCell';
import { TableFrame } from './common/TableFrame';
import { NoFigures, ProgramCard } from './common/ProgramCard';
import { displayTitle } from './common/windows';
import {
  ContributionFlowSankey,
  flowSankeyHeight,
} from './ContributionFlowSankey';
import { PROGRAM_GQM } from './gqm';

const CSV_COLUMNS: CsvColumn<ProgramContributionFlow>[] = [
  { header: 'Contributing team', value: f => displayTitle(f.fromTeam) },
  { header: 'Owning team', value: f => displayTitle(f.toTeam) },
  { header: 'Commits', value: f => f.commits },
  { header: 'Projects', value: f => f.projects },
  { header: 'Contributing team ref', value: f => f.fromTeam.entityRef },
  { header: 'Owning team ref', value: f => f.toTeam.entityRef },
];

/**
 * Which teams contribute to which teams' projects, as a flow diagram with a table beside it.
 *
 * @internal
 */
export function ContributionFlowCard(props: {
  flows: ProgramContributionFlow[];
  window: string;
  computedAt?: string;
}) {
  const { flows, window, computedAt } = props;
  return (
    <ProgramCard
      title="Contributions between teams"
      gqm={PROGRAM_GQM.flows}
      window={window}
      computedAt={computedAt}
      action={
        <CsvExportButton
          what="contributions between teams"
          filename="innersource-contribution-flows"
          columns={CSV_COLUMNS}
          rows={flows}
        />
      }
    >
      {flows.length === 0 ? (
        <NoFigures>
          No commits from outside the owning teams in this window.
        </NoFigures>
      ) : (
        <Grid container spacing={2}>
          <Grid item xs={12} lg={6}>
            <ContributionFlowSankey flows={flows} />
          </Grid>
          <Grid item xs={12} lg={6}>
            <TableFrame maxHeight={flowSankeyHeight(flows)}>
              <DataTable
                label="Commits from contributing team to owning team"
                columns={[
                  { label: 'Contributing team', align: 'left' },
                  { label: 'Owning team', align: 'left' },
                  { label: 'Commits', align: 'right' },
                  { label: 'Projects', align: 'right' },
                ]}
                rows={flows.map(f => ({
                  key: `${f.fromTeam.entityRef} ${f.toTeam.entityRef}`,
                  cells: [
                    <EntityCell entity={f.fromTeam} />,
                    <EntityCell entity={f.toTeam} />,
                    f.commits,
                    f.projects,
                  ],
                }))}
              />
            </TableFrame>
          </Grid>
        </Grid>
      )}
    </ProgramCard>
  );
}
