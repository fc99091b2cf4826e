import type { ProgramProjectFigure } from '@innersource-backstage/plugin-innersource-common';
import { CsvExportButton } from './common/CsvExportButton';
import { NoFigures, ProgramCard } from './common/ProgramCard';
import {
  ProjectColumnId,
  ProjectFiguresTable,
  projectCsvColumns,
} from './common/ProjectFiguresTable';
import { PROGRAM_GQM } from './gqm';

const COLUMNS: ProjectColumnId[] = [
  'project',
  'owner',
  'usage',
  'businessUnits',
  'crossTeam',
  'readiness',
  'innerSource',
];

/**
 * The most used projects: reuse, and how widely it spreads over business units.
 *
 * @internal
 */
export function TopUsedProjectsCard(props: {
  projects: ProgramProjectFigure[];
  computedAt?: string;
}) {
  const { projects, computedAt } = props;
  return (
    <ProgramCard
      title="Most used projects"
      gqm={PROGRAM_GQM.topUsed}
      window="today"
      computedAt={computedAt}
      action={
        <CsvExportButton
          what="the most used projects"
          filename="innersource-most-used"
          columns={projectCsvColumns(COLUMNS)}
          rows={projects}
        />
      }
    >
      {projects.length === 0 ? (
        <NoFigures>No project is used by another entity yet.</NoFigures>
      ) : (
        <ProjectFiguresTable
          label="Most used projects"
          projects={projects}
          columns={COLUMNS}
        />
      )}
    </ProgramCard>
  );
}
