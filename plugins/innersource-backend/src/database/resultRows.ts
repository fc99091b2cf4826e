import {
  EntityInnerSourceResult,
  ProjectListItem,
} from '@innersource-backstage/plugin-innersource-common';

/** The table of the current results, one row per entity. */
export const RESULTS = 'innersource_entity_results';

/** Rows per insert: keeps the number of bound variables well below SQLite's limit. */
export const CHUNK = 50;

/** A row of the results table: a result, its listing card and the figures stored beside them. */
export type ResultRow = {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  owner_ref: string | null;
  business_unit_ref: string | null;
  tags: string;
  is_innersource: boolean | number;
  search_text: string;
  usage_count: number;
  business_unit_count: number;
  lint_score: number;
  lint_errors: number;
  lint_warnings: number;
  activity_score: number | null;
  readiness_level: string | null;
  owner_path: string | null;
  language: string | null;
  accepting_contributions: boolean | number;
  last_activity_at: string | null;
  activity_level: string | null;
  innersource_ratio: number | null;
  stars: number | null;
  good_first_issue_count: number | null;
  result: string;
  list_item: string | null;
  computed_at: string;
  stale: boolean | number;
  last_error: string | null;
  last_error_at: string | null;
};

/** The listing card of a result, without its status (`computedAt`, `stale`). */
export function listItemOf(
  result: EntityInnerSourceResult,
): Omit<ProjectListItem, 'computedAt' | 'stale'> {
  const { usage, lint, contributions, scm } = result;
  const lastYear = contributions?.windows.find(w => w.window === '365d');
  const activityScore = contributions?.activity.score;
  return {
    entity: result.entity,
    usageCount: usage.count,
    businessUnitCount: usage.businessUnitCount,
    lintScore: lint.score,
    lintErrors: lint.errors,
    lintWarnings: lint.warnings,
    ...(lint.level ? { readinessLevel: lint.level } : {}),
    ...(activityScore !== null && activityScore !== undefined
      ? { activityScore, activityLevel: contributions!.activity.level }
      : {}),
    ...(contributions
      ? { innerSourceRatio: lastYear?.innerSourceRatio ?? null }
      : {}),
    ...(contributions?.repository.lastCommitAt
      ? { lastActivityAt: contributions.repository.lastCommitAt }
      : {}),
    ...(scm?.stars !== null && scm?.stars !== undefined
      ? { stars: scm.stars }
      : {}),
    ...(scm?.goodFirstIssues.count !== null &&
    scm?.goodFirstIssues.count !== undefined
      ? { goodFirstIssueCount: scm.goodFirstIssues.count }
      : {}),
  };
}

/** The results-table row of a result computed at `computedAt`. */
export function toRow(
  result: EntityInnerSourceResult,
  computedAt: string,
): ResultRow {
  const { entity, usage, lint, contributions } = result;
  const lastYear = contributions?.windows.find(w => w.window === '365d');
  const tags = entity.tags.map(t => t.toLocaleLowerCase('en-US'));
  const searchText = [
    entity.name,
    entity.title,
    entity.description,
    entity.type,
    entity.kind,
    entity.ownerRef,
    entity.ownerTitle,
    entity.language,
    entity.innerSourceMetadata?.title,
    entity.innerSourceMetadata?.motivation,
    ...(entity.innerSourceMetadata?.skills ?? []),
    ...(entity.innerSourceMetadata?.contributions ?? []),
    ...tags,
  ]
    .filter(Boolean)
    .join(' ')
    .toLocaleLowerCase('en-US');
  return {
    entity_ref: entity.entityRef,
    kind: entity.kind.toLocaleLowerCase('en-US'),
    namespace: entity.namespace,
    name: entity.name,
    title: entity.title ?? null,
    type: entity.type ?? null,
    lifecycle: entity.lifecycle ?? null,
    owner_ref: entity.ownerRef ?? null,
    business_unit_ref: entity.businessUnitRef ?? null,
    tags: tags.length ? `|${tags.join('|')}|` : '',
    is_innersource: entity.innerSource,
    search_text: searchText,
    usage_count: usage.count,
    business_unit_count: usage.businessUnitCount,
    lint_score: lint.score,
    lint_errors: lint.errors,
    lint_warnings: lint.warnings,
    activity_score: contributions?.activity.score ?? null,
    readiness_level: lint.level ?? null,
    owner_path: entity.ownerPath?.length
      ? `|${entity.ownerPath.join('|')}|`
      : null,
    language: entity.language ?? null,
    accepting_contributions: Boolean(entity.acceptingContributions),
    last_activity_at: contributions?.repository.lastCommitAt ?? null,
    activity_level: contributions?.activity.level ?? null,
    innersource_ratio: lastYear?.innerSourceRatio ?? null,
    stars: result.scm?.stars ?? null,
    good_first_issue_count: result.scm?.goodFirstIssues.count ?? null,
    result: JSON.stringify({ ...result, status: undefined }),
    list_item: JSON.stringify(listItemOf(result)),
    computed_at: computedAt,
    stale: false,
    last_error: null,
    last_error_at: null,
  };
}
