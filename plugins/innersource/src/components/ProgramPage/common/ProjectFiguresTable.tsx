import type { ProgramProjectFigure } from '@innersource-backstage/plugin-innersource-common';
import { ReactNode } from 'react';
import { DataTable, READINESS_LEVEL_LABELS, formatDate } from '../../shared';
import { CsvColumn } from './csv';
import { EntityCell } from './EntityCell';
import { TableFrame } from './TableFrame';
import { displayTitle, refName } from './windows';

/** A column of a project table: on screen and in the CSV export. */
interface ProjectColumn {
  label: string;
  align: 'left' | 'right';
  cell: (project: ProgramProjectFigure) => ReactNode;
  csv: CsvColumn<ProgramProjectFigure>['value'];
}

/**
 * The columns that project tables choose from.
 *
 * @internal
 */
export const PROJECT_COLUMNS = {
  project: {
    label: 'Project',
    align: 'left',
    cell: p => <EntityCell entity={p} />,
    csv: p => displayTitle(p),
  },
  entityRef: {
    label: 'Entity ref',
    align: 'left',
    cell: p => p.entityRef,
    csv: p => p.entityRef,
  },
  owner: {
    label: 'Owner',
    align: 'left',
    cell: p =>
      p.ownerRef ? (
        <EntityCell entity={{ entityRef: p.ownerRef, title: p.ownerTitle }} />
      ) : (
        '–'
      ),
    csv: p => p.ownerTitle ?? (p.ownerRef ? refName(p.ownerRef) : ''),
  },
  usage: {
    label: 'Usage',
    align: 'right',
    cell: p => p.usageCount,
    csv: p => p.usageCount,
  },
  businessUnits: {
    label: 'Business units',
    align: 'right',
    cell: p => p.businessUnitCount,
    csv: p => p.businessUnitCount,
  },
  crossTeam: {
    label: 'Cross-team dependencies',
    align: 'right',
    cell: p => p.crossTeamDependencies,
    csv: p => p.crossTeamDependencies,
  },
  readiness: {
    label: 'Readiness',
    align: 'left',
    cell: p => `${READINESS_LEVEL_LABELS[p.readinessLevel]} (${p.lintScore})`,
    csv: p => p.readinessLevel,
  },
  innerSource: {
    label: 'InnerSource',
    align: 'left',
    cell: p => (p.isInnerSource ? 'Yes' : 'No'),
    csv: p => p.isInnerSource,
  },
  commits: {
    label: 'Commits',
    align: 'right',
    cell: p => p.commits ?? '–',
    csv: p => p.commits,
  },
  outsideCommits: {
    label: 'Outside commits',
    align: 'right',
    cell: p => p.outsideCommits ?? '–',
    csv: p => p.outsideCommits,
  },
  absenceFactor: {
    label: 'Absence factor',
    align: 'right',
    cell: p => p.absenceFactor ?? '–',
    csv: p => p.absenceFactor,
  },
  lastCommit: {
    label: 'Last commit',
    align: 'left',
    cell: p => (p.lastCommitAt ? formatDate(p.lastCommitAt) : '–'),
    csv: p => p.lastCommitAt,
  },
  stale: {
    label: 'Stale',
    align: 'left',
    cell: p => (p.stale ? 'Stale' : ''),
    csv: p => p.stale,
  },
} satisfies Record<string, ProjectColumn>;

/** @internal */
export type ProjectColumnId = keyof typeof PROJECT_COLUMNS;

/**
 * The CSV columns of a project table: those on screen, with the entity ref after the name.
 *
 * @internal
 */
export function projectCsvColumns(
  ids: ProjectColumnId[],
): CsvColumn<ProgramProjectFigure>[] {
  const withRef: ProjectColumnId[] = ids.includes('project')
    ? ids.flatMap(id => (id === 'project' ? ['project', 'entityRef'] : [id]))
    : ids;
  return withRef.map(id => ({
    header: PROJECT_COLUMNS[id].label,
    value: PROJECT_COLUMNS[id].csv,
  }));
}

/**
 * A table of projects with the chosen columns.
 *
 * @internal
 */
export function ProjectFiguresTable(props: {
  label: string;
  projects: ProgramProjectFigure[];
  columns: ProjectColumnId[];
}) {
  const { label, projects, columns } = props;
  const chosen: ProjectColumn[] = columns.map(id => PROJECT_COLUMNS[id]);
  return (
    <TableFrame>
      <DataTable
        label={label}
        columns={chosen.map(c => ({ label: c.label, align: c.align }))}
        rows={projects.map(p => ({
          key: p.entityRef,
          cells: chosen.map(c => c.cell(p)),
        }))}
      />
    </TableFrame>
  );
}
