import { useApi } from '@backstage/core-plugin-api';
import type { ProjectListResponse } from '@innersource-backstage/plugin-innersource-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { innerSourceApiRef } from '../../api';
import { ProjectFilters, toProjectListQuery } from './useProjectFilters';

/**
 * One page of the listing for the given filters, with the facet counts. While a new page loads,
 * `value` keeps the previous one.
 *
 * @internal
 */
export interface ProjectListing {
  value?: ProjectListResponse;
  loading: boolean;
  error?: Error;
}

/**
 * Fetches the page of projects and the facet counts for the given filters. Only the fields that
 * change the results trigger a request: opening a project or switching the view does not. With
 * `enabled: false` it fetches nothing.
 *
 * @internal
 */
export function useProjectListing(
  filters: ProjectFilters,
  options: { enabled?: boolean } = {},
): ProjectListing {
  const enabled = options.enabled ?? true;
  const innerSourceApi = useApi(innerSourceApiRef);
  const key = JSON.stringify(toProjectListQuery(filters));
  const query = useMemo(() => JSON.parse(key), [key]);
  const { value, loading, error } = useAsync(
    async () => (enabled ? innerSourceApi.listProjects(query) : undefined),
    [innerSourceApi, query, enabled],
  );
  return { value, loading, error };
}
