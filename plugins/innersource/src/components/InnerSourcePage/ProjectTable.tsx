import { EntityRefLink } from '@backstage/plugin-catalog-react';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import {
  ACTIVITY_LEVEL_LABELS,
  ProjectListItem,
  ProjectSortField,
} from '@innersource-backstage/plugin-innersource-common';
import {
  ReadinessLevelChip,
  describeActivity,
  formatPercent,
  pluralize,
} from '../shared';
import { InactiveChip } from './ProjectChips';
import { projectTitle } from './projectFormat';

const useStyles = makeStyles(theme => ({
  table: {
    minWidth: 720,
    // Denser than the theme's table cells, and words break only between them.
    '& th, & td': {
      wordBreak: 'normal',
      overflowWrap: 'normal',
      padding: theme.spacing(1, 1),
    },
    '& th:first-child, & td:first-child': {
      paddingLeft: theme.spacing(2),
    },
    '& th:last-child, & td:last-child': {
      paddingRight: theme.spacing(2),
    },
  },
  project: {
    minWidth: 150,
  },
  name: {
    fontWeight: theme.typography.fontWeightMedium as number,
    wordBreak: 'break-word',
  },
  cellStack: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
  },
  nowrap: {
    whiteSpace: 'nowrap',
  },
}));

interface Column {
  label: string;
  /** The server sort this column's header applies. */
  sort?: ProjectSortField;
  align?: 'left' | 'right' | 'center';
}

const COLUMNS: Column[] = [
  { label: 'Project', sort: 'name' },
  { label: 'Owner' },
  { label: 'Language' },
  { label: 'Activity', sort: 'activity' },
  { label: 'Usage', sort: 'usage', align: 'right' },
  { label: 'Readiness', sort: 'readiness' },
  { label: 'InnerSource ratio', sort: 'ratio', align: 'right' },
  { label: 'Details', align: 'center' },
];

/** Columns from the SCM platform, shown when a project on the page has its figures. */
const SCM_COLUMNS: Column[] = [
  { label: 'Stars', sort: 'stars', align: 'right' },
  { label: 'Good first issues', align: 'right' },
];

/** The columns for a page of projects: the SCM ones before Details when any project has them. */
function columnsFor(projects: ProjectListItem[]): Column[] {
  const hasScm = projects.some(
    project =>
      project.stars !== undefined || project.goodFirstIssueCount !== undefined,
  );
  return hasScm
    ? [...COLUMNS.slice(0, -1), ...SCM_COLUMNS, ...COLUMNS.slice(-1)]
    : COLUMNS;
}

/** @internal */
export interface ProjectTableProps {
  projects: ProjectListItem[];
  /** The sort the listing uses. */
  sort: ProjectSortField;
  order: 'asc' | 'desc';
  /** Sorts by a column; choosing the current sort again reverses it. */
  onSort: (sort: ProjectSortField, order: 'asc' | 'desc') => void;
  onOpenDetails: (entityRef: string) => void;
}

/** The direction a sort starts in: names A-Z, figures biggest first. */
function firstOrder(sort: ProjectSortField): 'asc' | 'desc' {
  return sort === 'name' ? 'asc' : 'desc';
}

/**
 * One page of projects as a table whose sortable headers sort on the server.
 *
 * @internal
 */
export function ProjectTable(props: ProjectTableProps) {
  const { projects, sort, order, onSort, onOpenDetails } = props;
  const classes = useStyles();
  const columns = columnsFor(projects);
  const showScm = columns !== COLUMNS;

  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Projects" className={classes.table}>
        <TableHead>
          <TableRow>
            {columns.map(column => {
              const active = !!column.sort && column.sort === sort;
              let ariaSort: 'ascending' | 'descending' | undefined;
              if (active) {
                ariaSort = order === 'asc' ? 'ascending' : 'descending';
              }
              return (
                <TableCell
                  key={column.label}
                  align={column.align}
                  aria-sort={ariaSort}
                  sortDirection={active ? order : false}
                >
                  {column.sort && (
                    <TableSortLabel
                      active={active}
                      hideSortIcon
                      direction={active ? order : firstOrder(column.sort)}
                      onClick={() => {
                        const reversed = order === 'asc' ? 'desc' : 'asc';
                        const next = active
                          ? reversed
                          : firstOrder(column.sort!);
                        onSort(column.sort!, next);
                      }}
                    >
                      {column.label}
                    </TableSortLabel>
                  )}
                  {!column.sort && column.label}
                </TableCell>
              );
            })}
          </TableRow>
        </TableHead>
        <TableBody>
          {projects.map(project => {
            const { entity } = project;
            const title = projectTitle(project);
            return (
              <TableRow key={entity.entityRef} hover>
                <TableCell
                  component="th"
                  scope="row"
                  className={classes.project}
                >
                  <div className={classes.cellStack}>
                    <EntityRefLink
                      entityRef={entity.entityRef}
                      hideIcon
                      className={classes.name}
                    >
                      {title}
                    </EntityRefLink>
                    <Typography variant="caption" color="textSecondary">
                      {[entity.kind, entity.type, entity.lifecycle]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography>
                    {project.inactive && (
                      <InactiveChip lastActivityAt={project.lastActivityAt} />
                    )}
                  </div>
                </TableCell>
                <TableCell>
                  {entity.ownerRef ? (
                    <EntityRefLink
                      entityRef={entity.ownerRef}
                      defaultKind="Group"
                    >
                      {entity.ownerTitle}
                    </EntityRefLink>
                  ) : (
                    'unknown'
                  )}
                </TableCell>
                <TableCell className={classes.nowrap}>
                  {entity.language ?? '–'}
                </TableCell>
                <TableCell className={classes.nowrap}>
                  {project.activityLevel ? (
                    <span
                      title={describeActivity(
                        project.activityScore ?? 0,
                        project.activityLevel,
                      )}
                    >
                      {ACTIVITY_LEVEL_LABELS[project.activityLevel]}
                      <Typography
                        variant="caption"
                        color="textSecondary"
                        component="div"
                      >
                        score {project.activityScore ?? 0}
                      </Typography>
                    </span>
                  ) : (
                    '–'
                  )}
                </TableCell>
                <TableCell align="right" className={classes.nowrap}>
                  <span title={pluralize(project.usageCount, 'consumer')}>
                    {project.usageCount}
                  </span>
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="div"
                  >
                    {pluralize(project.businessUnitCount, 'business unit')}
                  </Typography>
                </TableCell>
                <TableCell>
                  <div className={classes.cellStack}>
                    {project.readinessLevel && (
                      <ReadinessLevelChip
                        level={project.readinessLevel}
                        score={project.lintScore}
                      />
                    )}
                    <Typography variant="caption" className={classes.nowrap}>
                      {Math.round(project.lintScore)}/100
                    </Typography>
                  </div>
                </TableCell>
                <TableCell align="right">
                  {formatPercent(project.innerSourceRatio)}
                </TableCell>
                {showScm && (
                  <>
                    <TableCell align="right">{project.stars ?? '–'}</TableCell>
                    <TableCell align="right">
                      {project.goodFirstIssueCount ?? '–'}
                    </TableCell>
                  </>
                )}
                <TableCell align="center">
                  <Tooltip title="Show details">
                    <IconButton
                      size="small"
                      aria-label={`Details of ${title}`}
                      onClick={() => onOpenDetails(entity.entityRef)}
                    >
                      <InfoOutlinedIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
