import {
  INNERSOURCE_KINDS,
  PROJECT_SORT_FIELDS,
  ProjectListQuery,
  ProjectSortField,
  READINESS_LEVELS,
  ReadinessLevel,
} from '@innersource-backstage/plugin-innersource-common';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** How many projects a page of results shows. */
export const PAGE_SIZE = 24;

/** The sort of the listing when none is chosen. */
export const DEFAULT_SORT: ProjectSortField = 'usage';

/**
 * The search, filters, sort and page of the discovery page, as kept in the URL query string.
 *
 * @internal
 */
export interface ProjectFilters {
  /** Free-text search. */
  q: string;
  /** Selected kinds, spelled as in {@link INNERSOURCE_KINDS}; empty for all kinds. */
  kinds: string[];
  innerSourceOnly: boolean;
  /** Selected readiness levels; empty for all levels. */
  levels: ReadinessLevel[];
  sort: ProjectSortField;
  /** 1-based page number. */
  page: number;
}

function parseFilters(params: URLSearchParams): ProjectFilters {
  const kinds = params
    .getAll('kind')
    .map(value =>
      INNERSOURCE_KINDS.find(
        kind =>
          kind.toLocaleLowerCase('en-US') === value.toLocaleLowerCase('en-US'),
      ),
    )
    .filter((kind): kind is (typeof INNERSOURCE_KINDS)[number] => !!kind);
  // Highest level first, as the filter lists them.
  const levels = [...READINESS_LEVELS]
    .reverse()
    .filter(level =>
      params
        .getAll('level')
        .some(value => value.toLocaleLowerCase('en-US') === level),
    );
  const sort = params.get('sort');
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    q: params.get('q') ?? '',
    kinds: Array.from(new Set(kinds)),
    innerSourceOnly: params.get('innerSourceOnly') === 'true',
    levels,
    sort: PROJECT_SORT_FIELDS.find(field => field === sort) ?? DEFAULT_SORT,
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

function serializeFilters(filters: ProjectFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) {
    params.set('q', filters.q);
  }
  for (const kind of filters.kinds) {
    params.append('kind', kind);
  }
  if (filters.innerSourceOnly) {
    params.set('innerSourceOnly', 'true');
  }
  for (const level of filters.levels) {
    params.append('level', level);
  }
  if (filters.sort !== DEFAULT_SORT) {
    params.set('sort', filters.sort);
  }
  if (filters.page > 1) {
    params.set('page', String(filters.page));
  }
  return params;
}

/**
 * Whether any filter that narrows the results is set (the sort and page do not count).
 *
 * @internal
 */
export function hasActiveFilters(filters: ProjectFilters): boolean {
  return (
    filters.q.trim() !== '' ||
    filters.kinds.length > 0 ||
    filters.innerSourceOnly ||
    filters.levels.length > 0
  );
}

/**
 * The backend query for the given filters.
 *
 * @internal
 */
export function toProjectListQuery(filters: ProjectFilters): ProjectListQuery {
  return {
    q: filters.q.trim() || undefined,
    kind: filters.kinds.length > 0 ? filters.kinds : undefined,
    innerSourceOnly: filters.innerSourceOnly || undefined,
    level: filters.levels.length > 0 ? filters.levels : undefined,
    sort: filters.sort,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
}

/**
 * Reads and updates the discovery page's filters in the URL query string, so that a view can
 * be shared and survives a reload. Changing a filter goes back to the first page.
 *
 * @internal
 */
export function useProjectFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);

  const setFilters = useCallback(
    (changes: Partial<ProjectFilters>, options?: { replace?: boolean }) => {
      setSearchParams(
        current =>
          serializeFilters({
            ...parseFilters(current),
            page: 1,
            ...changes,
          }),
        { replace: options?.replace },
      );
    },
    [setSearchParams],
  );

  const clearFilters = useCallback(() => {
    setFilters({ q: '', kinds: [], innerSourceOnly: false, levels: [] });
  }, [setFilters]);

  return { filters, setFilters, clearFilters };
}
