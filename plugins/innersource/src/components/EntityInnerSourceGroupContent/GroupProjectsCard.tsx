import type { ProgramProjectFigure } from '@innersource-backstage/plugin-innersource-common';
import { CsvExportButton } from '../ProgramPage/common/CsvExportButton';
import { NoFigures, ProgramCard } from '../ProgramPage/common/ProgramCard';
import {
  ProjectColumnId,
  ProjectFiguresTable,
  projectCsvColumns,
} from '../ProgramPage/common/ProjectFiguresTable';

const COLUMNS: ProjectColumnId[] = [
  'project',
  'owner',
  'usage',
  'businessUnits',
  'readiness',
  'innerSource',
  'outsideCommits',
  'absenceFactor',
  'lastCommit',
  'stale',
];

/**
 * The projects owned by a group or the groups below it, with their InnerSource figures.
 *
 * @internal
 */
export function GroupProjectsCard(props: {
  groupName: string;
  projects: ProgramProjectFigure[];
  window: string;
  computedAt?: string;
}) {
  const { groupName, projects, window, computedAt } = props;
  return (
    <ProgramCard
      title={`Projects of ${groupName}`}
      gqm={{
        goal: 'Reduce duplication and share the load',
        question:
          "How are the group's projects reused, how ready are they, and who outside contributes?",
        metric:
          'Usage count, business units, readiness level, outside commits and Contributor Absence Factor per project',
      }}
      window={`${window} for commits and absence factor; today for the rest`}
      computedAt={computedAt}
      action={
        <CsvExportButton
          what="the group's projects"
          filename="innersource-group-projects"
          columns={projectCsvColumns(COLUMNS)}
          rows={projects}
        />
      }
    >
      {projects.length === 0 ? (
        <NoFigures>
          The group and the groups below it own no Components, APIs, Resources
          or Systems that you can see.
        </NoFigures>
      ) : (
        <ProjectFiguresTable
          label={`Projects of ${groupName}`}
          projects={projects}
          columns={COLUMNS}
        />
      )}
    </ProgramCard>
  );
}
