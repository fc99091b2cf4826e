import {
  ACTIVITY_LEVELS,
  ActivityLevel,
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

/** The sort of the listing when none is chosen and there is no search text. */
export const DEFAULT_SORT: ProjectSortField = 'usage';

/** How the results are shown. */
export type ProjectView = 'cards' | 'table';

/**
 * The search, filters, sort, page, view and opened project of the discovery page, as kept in the
 * URL query string.
 *
 * @internal
 */
export interface ProjectFilters {
  /** Free-text search. */
  q: string;
  /** Selected kinds, spelled as in {@link INNERSOURCE_KINDS}; empty for all kinds. */
  kinds: string[];
  /** Selected catalog types (`spec.type`); empty for all. */
  types: string[];
  /** Selected main languages; empty for all. */
  languages: string[];
  /** Selected tags (any of); empty for all. */
  tags: string[];
  /** Selected lifecycles; empty for all. */
  lifecycles: string[];
  innerSourceOnly: boolean;
  /** Selected readiness levels, highest first; empty for all levels. */
  levels: ReadinessLevel[];
  /** Selected activity levels, highest first; empty for all levels. */
  activities: ActivityLevel[];
  /** A group ref (the owner business unit): only projects owned by it or a group below it. */
  group: string;
  /** Only projects that take contributions. */
  accepting: boolean;
  /** Only projects with open issues labelled `good first issue`. */
  goodFirstIssues: boolean;
  /** Leave out projects without a recent commit. */
  hideStale: boolean;
  /** The sort the user chose; `undefined` for the default (see {@link effectiveSort}). */
  sort?: ProjectSortField;
  /** The sort direction the user chose; `undefined` for the backend's default for the sort. */
  order?: 'asc' | 'desc';
  /** 1-based page number. */
  page: number;
  view: ProjectView;
  /** The entity ref of the project whose details are open, or `''`. */
  project: string;
}

/** The URL parameters this page owns; any others (e.g. of a surrounding tab) are kept. */
const OWN_PARAMS = [
  'q',
  'kind',
  'type',
  'language',
  'tag',
  'lifecycle',
  'innerSourceOnly',
  'level',
  'activity',
  'group',
  'accepting',
  'goodFirstIssues',
  'hideStale',
  'sort',
  'order',
  'page',
  'view',
  'project',
];

/** The fields that do not change which results are shown, so changing them keeps the page. */
const VIEW_FIELDS: Array<keyof ProjectFilters> = ['view', 'project', 'page'];

const GROUP_REF = /^group:[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/;

/** Distinct, non-empty, trimmed values of a repeated parameter. */
function listParam(params: URLSearchParams, key: string): string[] {
  const values = params
    .getAll(key)
    .map(value => value.trim())
    .filter(value => value !== '' && value.length <= 63);
  return Array.from(new Set(values));
}

/** The values of `key` that are among `allowed` (ignoring case), in the order of `ordered`. */
function enumParam<T extends string>(
  params: URLSearchParams,
  key: string,
  ordered: readonly T[],
): T[] {
  const given = params.getAll(key).map(v => v.toLocaleLowerCase('en-US'));
  return ordered.filter(value =>
    given.includes(value.toLocaleLowerCase('en-US')),
  );
}

/** Readiness levels, highest first, as the filter lists them. */
export const LEVEL_ORDER: ReadinessLevel[] = [...READINESS_LEVELS].reverse();

/** Activity levels, highest first, as the filter lists them. */
export const ACTIVITY_ORDER: ActivityLevel[] = [...ACTIVITY_LEVELS].reverse();

/** @internal */
export function parseFilters(params: URLSearchParams): ProjectFilters {
  const sort = params.get('sort');
  const order = params.get('order');
  const page = Number.parseInt(params.get('page') ?? '', 10);
  const group = params.get('group')?.trim() ?? '';
  return {
    q: params.get('q') ?? '',
    kinds: enumParam(params, 'kind', INNERSOURCE_KINDS),
    types: listParam(params, 'type'),
    languages: listParam(params, 'language'),
    tags: listParam(params, 'tag'),
    lifecycles: listParam(params, 'lifecycle'),
    innerSourceOnly: params.get('innerSourceOnly') === 'true',
    levels: enumParam(params, 'level', LEVEL_ORDER),
    activities: enumParam(params, 'activity', ACTIVITY_ORDER),
    group: GROUP_REF.test(group) ? group : '',
    accepting: params.get('accepting') === 'true',
    goodFirstIssues: params.get('goodFirstIssues') === 'true',
    hideStale: params.get('hideStale') === 'true',
    sort: PROJECT_SORT_FIELDS.find(field => field === sort),
    order: order === 'asc' || order === 'desc' ? order : undefined,
    page: Number.isFinite(page) && page > 1 ? page : 1,
    view: params.get('view') === 'table' ? 'table' : 'cards',
    project: params.get('project') ?? '',
  };
}

/** Writes the filters into `base` (a copy), leaving the parameters this page does not own. */
function serializeFilters(
  filters: ProjectFilters,
  base: URLSearchParams,
): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of OWN_PARAMS) {
    params.delete(key);
  }
  const append = (key: string, values: string[]) => {
    for (const value of values) {
      params.append(key, value);
    }
  };
  if (filters.q) params.set('q', filters.q);
  append('kind', filters.kinds);
  append('type', filters.types);
  append('language', filters.languages);
  append('tag', filters.tags);
  append('lifecycle', filters.lifecycles);
  if (filters.innerSourceOnly) params.set('innerSourceOnly', 'true');
  append('level', filters.levels);
  append('activity', filters.activities);
  if (filters.group) params.set('group', filters.group);
  if (filters.accepting) params.set('accepting', 'true');
  if (filters.goodFirstIssues) params.set('goodFirstIssues', 'true');
  if (filters.hideStale) params.set('hideStale', 'true');
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.sort && filters.order) params.set('order', filters.order);
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.view === 'table') params.set('view', 'table');
  if (filters.project) params.set('project', filters.project);
  return params;
}

/**
 * The sort the listing uses: the chosen one, else best match while searching, else most used.
 * Best match only applies to a search.
 *
 * @internal
 */
export function effectiveSort(filters: ProjectFilters): ProjectSortField {
  const searching = filters.q.trim() !== '';
  if (filters.sort && (filters.sort !== 'relevance' || searching)) {
    return filters.sort;
  }
  return searching ? 'relevance' : DEFAULT_SORT;
}

/**
 * The direction the listing is sorted in: the chosen one, else the backend's default (names A-Z,
 * figures biggest first).
 *
 * @internal
 */
export function effectiveOrder(filters: ProjectFilters): 'asc' | 'desc' {
  if (
    filters.sort &&
    filters.order &&
    effectiveSort(filters) === filters.sort
  ) {
    return filters.order;
  }
  return effectiveSort(filters) === 'name' ? 'asc' : 'desc';
}

/**
 * Whether any filter that narrows the results is set (the sort, page and view do not count).
 *
 * @internal
 */
export function hasActiveFilters(filters: ProjectFilters): boolean {
  return countActiveFilters(filters) > 0 || filters.q.trim() !== '';
}

/**
 * How many filter values are set, not counting the search text.
 *
 * @internal
 */
export function countActiveFilters(filters: ProjectFilters): number {
  return (
    filters.kinds.length +
    filters.types.length +
    filters.languages.length +
    filters.tags.length +
    filters.lifecycles.length +
    filters.levels.length +
    filters.activities.length +
    (filters.innerSourceOnly ? 1 : 0) +
    (filters.group ? 1 : 0) +
    (filters.accepting ? 1 : 0) +
    (filters.goodFirstIssues ? 1 : 0) +
    (filters.hideStale ? 1 : 0)
  );
}

/** The values of every filter when none is set. */
export const NO_FILTERS: Pick<
  ProjectFilters,
  | 'q'
  | 'kinds'
  | 'types'
  | 'languages'
  | 'tags'
  | 'lifecycles'
  | 'innerSourceOnly'
  | 'levels'
  | 'activities'
  | 'group'
  | 'accepting'
  | 'goodFirstIssues'
  | 'hideStale'
> = {
  q: '',
  kinds: [],
  types: [],
  languages: [],
  tags: [],
  lifecycles: [],
  innerSourceOnly: false,
  levels: [],
  activities: [],
  group: '',
  accepting: false,
  goodFirstIssues: false,
  hideStale: false,
};

const list = <T>(values: T[]) => (values.length > 0 ? values : undefined);

/**
 * The backend query for the given filters: what to match and how to sort, without the page.
 *
 * @internal
 */
export function toProjectMatchQuery(filters: ProjectFilters): ProjectListQuery {
  const sort = effectiveSort(filters);
  return {
    q: filters.q.trim() || undefined,
    kind: list(filters.kinds),
    type: list(filters.types),
    language: list(filters.languages),
    tag: list(filters.tags),
    lifecycle: list(filters.lifecycles),
    innerSourceOnly: filters.innerSourceOnly || undefined,
    level: list(filters.levels),
    activity: list(filters.activities),
    group: filters.group || undefined,
    accepting: filters.accepting || undefined,
    goodFirstIssues: filters.goodFirstIssues || undefined,
    hideStale: filters.hideStale || undefined,
    sort,
    order: filters.sort === sort ? filters.order : undefined,
  };
}

/**
 * The backend query for one page of the given filters, with the facet counts.
 *
 * @internal
 */
export function toProjectListQuery(filters: ProjectFilters): ProjectListQuery {
  return {
    ...toProjectMatchQuery(filters),
    facets: true,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
}

/**
 * Reads and updates the discovery page's filters in the URL query string, so that a view can
 * be shared and survives a reload. Changing a filter or the sort goes back to the first page;
 * changing the view or the opened project does not.
 *
 * @internal
 */
export function useProjectFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);

  const setFilters = useCallback(
    (changes: Partial<ProjectFilters>, options?: { replace?: boolean }) => {
      setSearchParams(
        current => {
          const previous = parseFilters(current);
          const changesResults = (
            Object.keys(changes) as Array<keyof ProjectFilters>
          ).some(key => !VIEW_FIELDS.includes(key));
          return serializeFilters(
            {
              ...previous,
              ...(changesResults ? { page: 1 } : {}),
              ...changes,
            },
            current,
          );
        },
        { replace: options?.replace },
      );
    },
    [setSearchParams],
  );

  const clearFilters = useCallback(() => {
    setFilters(NO_FILTERS);
  }, [setFilters]);

  return { filters, setFilters, clearFilters };
}
