import { ResponseError } from '@backstage/errors';
import {
  EntityInnerSourceResponse,
  ProjectListQuery,
  ProjectListResponse,
} from './types';
import { ContributionWindow } from './contributions';
import {
  GroupProgramResponse,
  ProgramSummary,
  ProgramSummaryQuery,
} from './program';
import { ScmOrganizationsResponse } from './scm';

/**
 * The parts of Backstage's discovery API the client needs (structurally compatible with
 * `DiscoveryApi` and `DiscoveryService`).
 *
 * @public
 */
export interface InnerSourceDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/**
 * A fetch that adds the caller's Backstage credentials (structurally compatible with `FetchApi`).
 *
 * @public
 */
export interface InnerSourceFetch {
  fetch: typeof fetch;
}

/**
 * The InnerSource backend's REST API.
 *
 * @public
 */
export interface InnerSourceApi {
  /**
   * The current results and history of one entity, or `undefined` when the entity is unknown,
   * not visible to the caller, or not computed yet.
   */
  getEntityResults(
    entityRef: string,
    options?: { historyDays?: number },
  ): Promise<EntityInnerSourceResponse | undefined>;
  /** One page of projects visible to the caller. */
  listProjects(query?: ProjectListQuery): Promise<ProjectListResponse>;
  /**
   * The program view over the projects visible to the caller, optionally narrowed to a group.
   * Rejects with a `ResponseError` of status 404 when the group is unknown or not visible.
   */
  getProgramSummary(query?: ProgramSummaryQuery): Promise<ProgramSummary>;
  /**
   * The InnerSource figures of a group's entity page, or `undefined` when the group is unknown
   * or not visible to the caller.
   */
  getGroupProgram(
    groupRef: string,
    options?: { window?: ContributionWindow },
  ): Promise<GroupProgramResponse | undefined>;
  /** Organisation settings of the SCM platforms, measured against the recommendations. */
  getScmOrganizations(): Promise<ScmOrganizationsResponse>;
}

/**
 * Encodes a listing query as URL search parameters, repeating a key for each value of a list.
 *
 * @public
 */
export function projectListQueryToSearchParams(
  query: ProjectListQuery,
): URLSearchParams {
  const params = new URLSearchParams();
  const lists: Array<keyof ProjectListQuery> = [
    'kind',
    'type',
    'tag',
    'owner',
    'lifecycle',
    'level',
    'language',
    'activity',
  ];
  if (query.q) params.set('q', query.q);
  for (const key of lists) {
    for (const value of (query[key] as string[] | undefined) ?? []) {
      params.append(key, value);
    }
  }
  if (query.innerSourceOnly) params.set('innerSourceOnly', 'true');
  if (query.group) params.set('group', query.group);
  if (query.accepting) params.set('accepting', 'true');
  if (query.hideStale) params.set('hideStale', 'true');
  if (query.goodFirstIssues) params.set('goodFirstIssues', 'true');
  if (query.facets) params.set('facets', 'true');
  if (query.sort) params.set('sort', query.sort);
  if (query.order) params.set('order', query.order);
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.offset !== undefined) params.set('offset', String(query.offset));
  return params;
}

/**
 * Client for the InnerSource backend, usable from the browser (with `discoveryApi` and
 * `fetchApi`) and from other backend plugins.
 *
 * @public
 */
export class InnerSourceClient implements InnerSourceApi {
  private readonly discoveryApi: InnerSourceDiscovery;
  private readonly fetchApi: InnerSourceFetch;

  constructor(options: {
    discoveryApi: InnerSourceDiscovery;
    fetchApi?: InnerSourceFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
  }

  async getEntityResults(
    entityRef: string,
    options?: { historyDays?: number },
  ): Promise<EntityInnerSourceResponse | undefined> {
    const { kind, namespace, name } = splitEntityRef(entityRef);
    const params = new URLSearchParams();
    if (options?.historyDays !== undefined) {
      params.set('historyDays', String(options.historyDays));
    }
    const path = `/entities/${encodeURIComponent(kind)}/${encodeURIComponent(
      namespace,
    )}/${encodeURIComponent(name)}`;
    const response = await this.request(path, params);
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as EntityInnerSourceResponse;
  }

  async listProjects(
    query: ProjectListQuery = {},
  ): Promise<ProjectListResponse> {
    const response = await this.request(
      '/projects',
      projectListQueryToSearchParams(query),
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ProjectListResponse;
  }

  async getProgramSummary(
    query: ProgramSummaryQuery = {},
  ): Promise<ProgramSummary> {
    const params = new URLSearchParams();
    if (query.group) params.set('group', query.group);
    if (query.window) params.set('window', query.window);
    if (query.interval) params.set('interval', query.interval);
    const response = await this.request('/program/summary', params);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ProgramSummary;
  }

  async getGroupProgram(
    groupRef: string,
    options?: { window?: ContributionWindow },
  ): Promise<GroupProgramResponse | undefined> {
    const { namespace, name } = splitEntityRef(groupRef);
    const params = new URLSearchParams();
    if (options?.window) params.set('window', options.window);
    const response = await this.request(
      `/program/groups/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}`,
      params,
    );
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as GroupProgramResponse;
  }

  async getScmOrganizations(): Promise<ScmOrganizationsResponse> {
    const response = await this.request(
      '/program/scm-organizations',
      new URLSearchParams(),
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ScmOrganizationsResponse;
  }

  private async request(path: string, params: URLSearchParams) {
    const baseUrl = await this.discoveryApi.getBaseUrl('innersource');
    const search = params.toString();
    return this.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
    );
  }
}

/** Splits `kind:namespace/name` (namespace optional) without pulling in catalog-model's parser. */
function splitEntityRef(entityRef: string) {
  const match = /^([^:/]+):(?:([^:/]+)\/)?([^:/]+)$/.exec(entityRef);
  if (!match) {
    throw new TypeError(
      `Invalid entity ref '${entityRef}', expected kind:namespace/name`,
    );
  }
  return {
    kind: match[1].toLocaleLowerCase('en-US'),
    namespace: (match[2] ?? 'default').toLocaleLowerCase('en-US'),
    name: match[3],
  };
}
