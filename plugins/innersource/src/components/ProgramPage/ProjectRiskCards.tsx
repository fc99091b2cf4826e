import type { ProgramProjectFigure } from '@innersource-backstage/plugin-innersource-common';
import { CsvExportButton } from './common/CsvExportButton';
import { NoFigures, ProgramCard } from './common/ProgramCard';
import {
  ProjectColumnId,
  ProjectFiguresTable,
  projectCsvColumns,
} from './common/ProjectFiguresTable';
import { PROGRAM_GQM } from './gqm';

const ABSENCE_COLUMNS: ProjectColumnId[] = [
  'project',
  'owner',
  'commits',
  'absenceFactor',
  'usage',
  'innerSource',
];

const STALE_COLUMNS: ProjectColumnId[] = [
  'project',
  'owner',
  'lastCommit',
  'usage',
  'innerSource',
];

/**
 * Projects where one person made at least half of the commits in the window.
 *
 * @internal
 */
export function AbsenceFactorRiskCard(props: {
  projects: ProgramProjectFigure[];
  window: string;
  computedAt?: string;
}) {
  const { projects, window, computedAt } = props;
  return (
    <ProgramCard
      title="Projects with a Contributor Absence Factor of 1"
      gqm={PROGRAM_GQM.absenceFactor}
      window={window}
      computedAt={computedAt}
      action={
        <CsvExportButton
          what="projects with an absence factor of 1"
          filename="innersource-absence-factor-1"
          columns={projectCsvColumns(ABSENCE_COLUMNS)}
          rows={projects}
        />
      }
    >
      {projects.length === 0 ? (
        <NoFigures>No project depends on a single contributor.</NoFigures>
      ) : (
        <ProjectFiguresTable
          label="Projects with a Contributor Absence Factor of 1"
          projects={projects}
          columns={ABSENCE_COLUMNS}
        />
      )}
    </ProgramCard>
  );
}

/**
 * Projects without a commit for the configured number of days, longest idle first.
 *
 * @internal
 */
export function StaleProjectsCard(props: {
  projects: ProgramProjectFigure[];
  staleAfterDays: number;
  computedAt?: string;
}) {
  const { projects, staleAfterDays, computedAt } = props;
  return (
    <ProgramCard
      title={`Stale projects (no commit for ${staleAfterDays} days)`}
      gqm={PROGRAM_GQM.stale}
      window={`the ${staleAfterDays} days up to now; projects with git history only`}
      computedAt={computedAt}
      action={
        <CsvExportButton
          what="stale projects"
          filename="innersource-stale-projects"
          columns={projectCsvColumns(STALE_COLUMNS)}
          rows={projects}
        />
      }
    >
      {projects.length === 0 ? (
        <NoFigures>
          Every project with git history had a recent commit.
        </NoFigures>
      ) : (
        <ProjectFiguresTable
          label="Stale projects"
          projects={projects}
          columns={STALE_COLUMNS}
        />
      )}
    </ProgramCard>
  );
}
