import { Entity } from '@backstage/catalog-model';
import {
  LintSeverity,
  LintStatus,
  ScmRepositorySignals,
  SharingClassification,
} from '@innersource-backstage/plugin-innersource-common';
import { RepositoryFiles } from './repositoryFiles';

/**
 * A read-only view of the catalog as it was when a refresh started. Rules use it to resolve
 * references (an owner, a CODEOWNERS entry) without calling the catalog once per entity.
 *
 * @public
 */
export interface CatalogSnapshot {
  /** The entity with this ref (`kind:namespace/name`, lower-case kind and namespace), if any. */
  getEntity(entityRef: string): Entity | undefined;
}

/**
 * What a rule gets to look at.
 *
 * @public
 */
export interface LintRuleContext {
  entity: Entity;
  catalog: CatalogSnapshot;
  /**
   * The entity's repository files, when it has a readable git source. Rules that need files
   * answer `not-applicable` without them.
   */
  files?: RepositoryFiles;
  /** Settings of the refresh that rules may need (e.g. the allowed number of maintainers). */
  settings?: LintSettings;
  /**
   * What the SCM platform says about the entity's repository, when a provider reads it. Rules
   * that need it answer `not-applicable` without it.
   */
  scm?: ScmRepositorySignals;
  /** How widely the entity's code is meant to be shared. */
  sharing?: SharingClassification;
}

/**
 * Settings for the built-in rules.
 *
 * @public
 */
export interface LintSettings {
  /** The range of maintainers (CODEOWNERS owners, resolved to people) a project should have. */
  maintainers: { min: number; max: number };
  /**
   * `spec.type` values of highly reusable entities, which the InnerSource-First policy wants
   * visible company-wide (entities tagged `innersource` count too). Default: library, sdk,
   * template, tool, website.
   */
  reusableTypes?: string[];
}

/**
 * What a rule says about one entity.
 *
 * @public
 */
export interface LintCheckResult {
  status: LintStatus;
  /** What was expected and what was found, e.g. "Expected a description of more than 30 characters, found 12". */
  message: string;
  /** Files the finding is about, e.g. the README that lacks a section. */
  files?: Array<{ path: string; url?: string }>;
}

/**
 * Which entities a rule applies to. Every listed field must match; an absent field matches all.
 *
 * @public
 */
export interface LintRuleApplicability {
  /** Entity kinds, case-insensitive, e.g. `['Component', 'API']`. */
  kinds?: string[];
  /** `spec.type` values. */
  types?: string[];
  /** `spec.lifecycle` values. */
  lifecycles?: string[];
  /** The entity must carry at least one of these tags. */
  tags?: string[];
}

/**
 * An InnerSource readiness rule.
 *
 * @public
 */
export interface InnerSourceLintRule {
  /** Stable id, e.g. `metadata.description`. Used in config, exceptions and the API. */
  id: string;
  title: string;
  /** Groups rules in the checklist, e.g. `metadata`, `documentation`. */
  category: string;
  severity: LintSeverity;
  appliesTo?: LintRuleApplicability;
  /** How to fix a failure, in Markdown. */
  remediation: string;
  /** A link to guidance, e.g. the InnerSource pattern behind the rule. */
  guidanceUrl?: string;
  check(context: LintRuleContext): LintCheckResult | Promise<LintCheckResult>;
}

/**
 * Whether a rule applies to an entity according to its `appliesTo`.
 *
 * @public
 */
export function ruleAppliesTo(
  applicability: LintRuleApplicability | undefined,
  entity: Entity,
): boolean {
  if (!applicability) return true;
  const lower = (values: string[]) =>
    values.map(v => v.toLocaleLowerCase('en-US'));
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const { kinds, types, lifecycles, tags } = applicability;
  if (kinds && !lower(kinds).includes(entity.kind.toLocaleLowerCase('en-US'))) {
    return false;
  }
  if (types && !(typeof spec.type === 'string' && types.includes(spec.type))) {
    return false;
  }
  if (
    lifecycles &&
    !(typeof spec.lifecycle === 'string' && lifecycles.includes(spec.lifecycle))
  ) {
    return false;
  }
  if (tags) {
    const entityTags = lower(entity.metadata.tags ?? []);
    if (!lower(tags).some(tag => entityTags.includes(tag))) return false;
  }
  return true;
}
