import { useApi } from '@backstage/core-plugin-api';
import type { ProjectListResponse } from '@innersource-backstage/plugin-innersource-common';
import { useMemo, useRef } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { innerSourceApiRef } from '../../api';
import {
  ProjectFilters,
  toProjectListQuery,
  toProjectMatchQuery,
} from './useProjectFilters';

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
 * change the results trigger a request: opening a project or switching the view does not. The
 * facet counts depend on what matches, not on the sort or the page: going to another page or
 * sorting differently keeps the counts of the previous answer instead of asking for them again.
 * With `enabled: false` it fetches nothing.
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
  const { sort: _sort, order: _order, ...match } = toProjectMatchQuery(filters);
  const matchKey = JSON.stringify(match);
  const counted = useRef<{
    matchKey: string;
    facets: NonNullable<ProjectListResponse['facets']>;
  }>();
  const { value, loading, error } = useAsync(async () => {
    if (!enabled) return undefined;
    const known =
      counted.current?.matchKey === matchKey
        ? counted.current.facets
        : undefined;
    if (known) {
      const page = await innerSourceApi.listProjects({
        ...query,
        facets: false,
      });
      return { ...page, facets: known };
    }
    const response = await innerSourceApi.listProjects(query);
    if (response.facets) {
      counted.current = { matchKey, facets: response.facets };
    }
    return response;
  }, [innerSourceApi, query, matchKey, enabled]);
  return { value, loading, error };
}
