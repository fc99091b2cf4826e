import { ActivityLevel } from './activity';
import { ContributionSummary } from './contributions';
import { ScmSummary, SharingClassification } from './scm';

/**
 * The catalog kinds the InnerSource plugins compute results for.
 *
 * @public
 */
export const INNERSOURCE_KINDS = [
  'Component',
  'API',
  'Resource',
  'System',
] as const;

/** @public */
export type InnerSourceKind = (typeof INNERSOURCE_KINDS)[number];

/** @public */
export type LintSeverity = 'error' | 'warning' | 'info';

/** @public */
export type LintStatus = 'pass' | 'fail' | 'not-applicable';

/**
 * The outcome of one readiness rule for one entity.
 *
 * @public
 */
export interface LintFinding {
  ruleId: string;
  title: string;
  category: string;
  severity: LintSeverity;
  status: LintStatus;
  /** What was expected and what was found. */
  message: string;
  /** How to fix it, in Markdown. */
  remediation: string;
  /** A link to guidance, e.g. the InnerSource pattern behind the rule. */
  guidanceUrl?: string;
  /** Files the finding is about, with links to view them when known. */
  files?: Array<{ path: string; url?: string }>;
  /** An exception granted for this rule and entity; an active one waives a failure. */
  waiver?: LintWaiver;
}

/** An exception to a rule for one entity. */
/** @public */
export interface LintWaiver {
  /** `active` waives the failure; `expired` no longer does and is reported as such. */
  status: 'active' | 'expired';
  /** Who granted or owns the exception (an entity ref or a name). */
  owner: string;
  reason: string;
  /** YYYY-MM-DD; the exception ends at the end of that day (UTC). */
  expires: string;
  /** Where the exception was declared. */
  source: 'config' | 'annotation';
}

/** Readiness levels, from none to gold. */
/** @public */
export const READINESS_LEVELS = ['none', 'bronze', 'silver', 'gold'] as const;

/** @public */
export type ReadinessLevel = (typeof READINESS_LEVELS)[number];

/** @public */
export interface LintSummary {
  /** 0-100, weighted by severity over the applicable rules. */
  score: number;
  passed: number;
  failed: number;
  /** Failed rules of severity error. */
  errors: number;
  /** Failed rules of severity warning. */
  warnings: number;
  /** Failures waived by an active exception (not counted as failed). */
  waived?: number;
  /** The readiness level the score reaches (see the `innersource.lint.levels` config). */
  level?: ReadinessLevel;
  /** The lint profile applied to the entity, e.g. `default`. */
  profile?: string;
  findings: LintFinding[];
}

/** How a consumer uses an entity. */
/** @public */
export type UsageRelation = 'dependsOn' | 'consumesApi' | 'manifest';

/** @public */
export interface UsageConsumer {
  entityRef: string;
  title?: string;
  /**
   * Every way this consumer uses the entity. `via` is the API for `consumesApi`, and for
   * `manifest` the consumer's manifest file that declares the dependency (e.g. `package.json`).
   */
  relations: Array<{ type: UsageRelation; via?: string }>;
  ownerRef?: string;
  /** The business unit (group directly below the root of the Group tree) of the consumer's owner. */
  businessUnitRef?: string;
}

/** @public */
export interface BusinessUnitUsage {
  entityRef: string;
  title?: string;
  consumerCount: number;
}

/** @public */
export interface UsageSummary {
  /** Distinct entities that depend on this entity or consume an API it provides. */
  count: number;
  /** Distinct business units the consumers come from (unknown owners not counted). */
  businessUnitCount: number;
  businessUnits: BusinessUnitUsage[];
  /** Consumers whose owner could not be placed in a business unit. */
  unknownBusinessUnitCount: number;
  consumers: UsageConsumer[];
}

/** The catalog facts about an entity that the InnerSource views show and filter on. */
/** @public */
export interface InnerSourceEntitySummary {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  description?: string;
  type?: string;
  lifecycle?: string;
  ownerRef?: string;
  ownerTitle?: string;
  businessUnitRef?: string;
  tags: string[];
  /** Tagged `innersource` or `inner-source`. */
  innerSource: boolean;
  /** The owner and the groups above it, from the owner up to the root of the Group tree. */
  ownerPath?: string[];
  /** Main language, from `innersource.json` or the dependency manifests. */
  language?: string;
  /** Tagged InnerSource, has a contributing guide, or lists contributions wanted. */
  acceptingContributions?: boolean;
  /** Owner-written metadata from the repository's `innersource.json` (SAP InnerSource Portal format). */
  innerSourceMetadata?: InnerSourceMetadata;
}

/** The fields of an `innersource.json` file that the portal shows. */
/** @public */
export interface InnerSourceMetadata {
  title?: string;
  motivation?: string;
  /** Contributions the owners would welcome. */
  contributions?: string[];
  skills?: string[];
  logo?: string;
  docs?: string;
  language?: string;
}

/** Whether the stored figures are current. */
/** @public */
export interface ResultStatus {
  /** True when the last refresh failed and these are the last good figures. */
  stale: boolean;
  lastError?: string;
  lastErrorAt?: string;
}

/** @public */
export interface EntityInnerSourceResult {
  entity: InnerSourceEntitySummary;
  usage: UsageSummary;
  lint: LintSummary;
  /** From the entity's git history; absent when it has no readable git source. */
  contributions?: ContributionSummary;
  /** From the SCM platform's API (GitHub, GitLab); absent when no provider reads the repository. */
  scm?: ScmSummary;
  /** How widely the entity's code is meant to be shared; decides the SCM policy checks. */
  sharing?: SharingClassification;
  /** When these figures were computed (ISO 8601). */
  computedAt: string;
  status: ResultStatus;
}

/** One day of an entity's history. */
/** @public */
export interface EntitySnapshot {
  /** YYYY-MM-DD (UTC) */
  day: string;
  usageCount: number;
  businessUnitCount: number;
  lintScore: number;
  lintErrors: number;
  lintWarnings: number;
  readinessLevel?: ReadinessLevel;
}

/** @public */
export interface EntityInnerSourceResponse {
  result: EntityInnerSourceResult;
  history: EntitySnapshot[];
}

/** @public */
export interface ProjectListItem {
  entity: InnerSourceEntitySummary;
  usageCount: number;
  /** Repository Activity Score from git history; absent without a readable git source. */
  activityScore?: number;
  activityLevel?: ActivityLevel;
  /** Outside-team share of attributed commits over the last 365 days; null without any. */
  innerSourceRatio?: number | null;
  businessUnitCount: number;
  lintScore: number;
  lintErrors: number;
  lintWarnings: number;
  readinessLevel?: ReadinessLevel;
  /** Last commit (ISO 8601), when the git history is known. */
  lastActivityAt?: string;
  /** Stars on the SCM platform, when a provider reads the repository. */
  stars?: number;
  /** Open issues labelled `good first issue`, when a provider reads the repository. */
  goodFirstIssueCount?: number;
  /** No commit for longer than the configured period (`innersource.discovery.staleAfterDays`). */
  inactive?: boolean;
  computedAt: string;
  stale: boolean;
}

/** @public */
export const PROJECT_SORT_FIELDS = [
  'relevance',
  'usage',
  'readiness',
  'activity',
  'ratio',
  'name',
  'updated',
  'stars',
] as const;

/** @public */
export type ProjectSortField = (typeof PROJECT_SORT_FIELDS)[number];

/** @public */
export interface ProjectListQuery {
  /** Free text; every word must match name, title, description, tags, owner or type. */
  q?: string;
  kind?: string[];
  type?: string[];
  tag?: string[];
  owner?: string[];
  lifecycle?: string[];
  /** Only entities tagged `innersource` / `inner-source`. */
  innerSourceOnly?: boolean;
  /** Readiness levels, any of. */
  level?: ReadinessLevel[];
  language?: string[];
  /** Activity levels, any of. */
  activity?: ActivityLevel[];
  /** A group ref: only projects owned by it or any group below it. */
  group?: string;
  /** Only projects that take contributions (InnerSource tag, contributing guide or wanted list). */
  accepting?: boolean;
  /** Only projects with open issues labelled `good first issue`. */
  goodFirstIssues?: boolean;
  /** Leave out projects without a commit for `innersource.discovery.staleAfterDays`. */
  hideStale?: boolean;
  /** Include facet counts in the response. */
  facets?: boolean;
  sort?: ProjectSortField;
  order?: 'asc' | 'desc';
  /** 1-100, default 24. */
  limit?: number;
  offset?: number;
}

/** @public */
export interface ProjectFacetValue {
  value: string;
  count: number;
}

/** @public */
export interface ProjectListResponse {
  items: ProjectListItem[];
  totalCount: number;
  /** Counts per facet value among the matches (each facet ignoring its own filter); when asked for. */
  facets?: Record<string, ProjectFacetValue[]>;
  offset: number;
  limit: number;
  /** Present when there is a further page. */
  nextOffset?: number;
}
