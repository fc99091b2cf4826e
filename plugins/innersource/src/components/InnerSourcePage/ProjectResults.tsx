import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ViewListIcon from '@material-ui/icons/ViewList';
import ViewModuleIcon from '@material-ui/icons/ViewModule';
import Pagination from '@material-ui/lab/Pagination';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useMemo } from 'react';
import { pluralize } from '../shared';
import { ExportCsvButton } from './ExportCsvButton';
import { ProjectCard } from './ProjectCard';
import { ProjectDetailsDrawer } from './ProjectDetailsDrawer';
import { ProjectTable } from './ProjectTable';
import {
  PAGE_SIZE,
  ProjectFilters,
  ProjectView,
  effectiveOrder,
  effectiveSort,
  hasActiveFilters,
  toProjectMatchQuery,
  useProjectFilters,
} from './useProjectFilters';
import { ProjectListing, useProjectListing } from './useProjectListing';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1, 2),
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  toggle: {
    gap: theme.spacing(0.5),
    paddingLeft: theme.spacing(1.5),
    paddingRight: theme.spacing(1.5),
  },
}));

/** @internal */
export interface ProjectResultsProps {
  filters: ProjectFilters;
  /** The listing for the filters; fetched here when not given. */
  listing?: ProjectListing;
  onPageChange: (page: number) => void;
  onClearFilters: () => void;
  /** Changes the view, sort or open project; by default in the URL. */
  onChange?: (changes: Partial<ProjectFilters>) => void;
}

/** Whether two entity refs name the same entity (kind and namespace are case-insensitive). */
function sameRef(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}

/** The listing of the parent, or this component's own when it has none. */
function useListing(filters: ProjectFilters, given?: ProjectListing) {
  const own = useProjectListing(filters, { enabled: !given });
  return given ?? own;
}

/**
 * Shows one page of projects for the given filters as cards or a table, with the total count, a
 * CSV export, pagination, the details of the open project and the loading, error and empty
 * states.
 *
 * @internal
 */
export function ProjectResults(props: ProjectResultsProps) {
  const { filters, onPageChange, onClearFilters } = props;
  const { setFilters } = useProjectFilters();
  const onChange = props.onChange ?? setFilters;
  const classes = useStyles();
  const { value, loading, error } = useListing(filters, props.listing);
  const matchQuery = useMemo(() => toProjectMatchQuery(filters), [filters]);

  const openProject = (entityRef: string) => onChange({ project: entityRef });
  const drawer = (
    <ProjectDetailsDrawer
      entityRef={filters.project}
      project={value?.items.find(item =>
        sameRef(item.entity.entityRef, filters.project),
      )}
      onClose={() => onChange({ project: '' })}
    />
  );

  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return <Progress />;
  }

  if (value.totalCount === 0) {
    return (
      <>
        {hasActiveFilters(filters) ? (
          <EmptyState
            missing="content"
            title="No projects match these filters"
            description="Try other search words or fewer filters, or include projects that are not tagged as InnerSource."
            action={
              <Button
                variant="contained"
                color="primary"
                onClick={onClearFilters}
              >
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            missing="data"
            title="No projects yet"
            description="Components, APIs, Resources and Systems appear here once the InnerSource backend has computed their usage and readiness, which happens on its next scheduled refresh."
          />
        )}
        {drawer}
      </>
    );
  }

  const pageCount = Math.max(1, Math.ceil(value.totalCount / PAGE_SIZE));

  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Box className={classes.toolbar}>
        <Typography variant="subtitle1" component="p" aria-live="polite">
          {pluralize(value.totalCount, 'project')}
        </Typography>
        <Box className={classes.actions}>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={filters.view}
            aria-label="View"
            onChange={(_event, view: ProjectView | null) => {
              if (view) onChange({ view });
            }}
          >
            <ToggleButton value="cards" className={classes.toggle}>
              <ViewModuleIcon fontSize="small" aria-hidden />
              Cards
            </ToggleButton>
            <ToggleButton value="table" className={classes.toggle}>
              <ViewListIcon fontSize="small" aria-hidden />
              Table
            </ToggleButton>
          </ToggleButtonGroup>
          <ExportCsvButton query={matchQuery} />
        </Box>
      </Box>
      {loading ? (
        <LinearProgress aria-label="Updating results" />
      ) : (
        <Box height={4} />
      )}
      {value.items.length === 0 && (
        <EmptyState
          missing="content"
          title="This page is empty"
          description="There are fewer results than before."
          action={
            <Button variant="outlined" onClick={() => onPageChange(1)}>
              Go to the first page
            </Button>
          }
        />
      )}
      {value.items.length > 0 && filters.view === 'table' && (
        <ProjectTable
          projects={value.items}
          sort={effectiveSort(filters)}
          order={effectiveOrder(filters)}
          onSort={(sort, order) => onChange({ sort, order })}
          onOpenDetails={openProject}
        />
      )}
      {value.items.length > 0 && filters.view === 'cards' && (
        <Grid container spacing={2} alignItems="stretch">
          {value.items.map(project => (
            <Grid key={project.entity.entityRef} item xs={12} sm={6} xl={4}>
              <ProjectCard project={project} onOpenDetails={openProject} />
            </Grid>
          ))}
        </Grid>
      )}
      {pageCount > 1 && (
        <Box display="flex" justifyContent="center">
          <Pagination
            count={pageCount}
            page={Math.min(filters.page, pageCount)}
            onChange={(_event, page) => onPageChange(page)}
            color="primary"
          />
        </Box>
      )}
      {drawer}
    </Box>
  );
}
