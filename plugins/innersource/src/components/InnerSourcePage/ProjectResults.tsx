import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Pagination from '@material-ui/lab/Pagination';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { innerSourceApiRef } from '../../api';
import { pluralize } from '../shared';
import { ProjectCard } from './ProjectCard';
import {
  PAGE_SIZE,
  ProjectFilters,
  hasActiveFilters,
  toProjectListQuery,
} from './useProjectFilters';

/** @internal */
export interface ProjectResultsProps {
  filters: ProjectFilters;
  onPageChange: (page: number) => void;
  onClearFilters: () => void;
}

/**
 * Fetches and shows one page of projects for the given filters, with the total count,
 * pagination and the loading, error and empty states.
 *
 * @internal
 */
export function ProjectResults(props: ProjectResultsProps) {
  const { filters, onPageChange, onClearFilters } = props;
  const innerSourceApi = useApi(innerSourceApiRef);
  const query = useMemo(() => toProjectListQuery(filters), [filters]);

  const { value, loading, error } = useAsync(
    () => innerSourceApi.listProjects(query),
    [innerSourceApi, query],
  );

  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return <Progress />;
  }

  if (value.totalCount === 0) {
    return hasActiveFilters(filters) ? (
      <EmptyState
        missing="content"
        title="No projects match these filters"
        description="Try other search words, more kinds or readiness levels, or include projects that are not tagged as InnerSource."
        action={
          <Button variant="contained" color="primary" onClick={onClearFilters}>
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
    );
  }

  const pageCount = Math.max(1, Math.ceil(value.totalCount / PAGE_SIZE));

  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Typography variant="subtitle1" component="p" aria-live="polite">
        {pluralize(value.totalCount, 'project')}
      </Typography>
      {loading ? (
        <LinearProgress aria-label="Updating results" />
      ) : (
        <Box height={4} />
      )}
      {value.items.length === 0 ? (
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
      ) : (
        <Grid container spacing={2} alignItems="stretch">
          {value.items.map(project => (
            <Grid key={project.entity.entityRef} item xs={12} sm={6} xl={4}>
              <ProjectCard project={project} />
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
    </Box>
  );
}
