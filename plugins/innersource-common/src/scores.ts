import {
  LintFinding,
  LintSeverity,
  LintSummary,
  ReadinessLevel,
} from './types';

/**
 * The lowest score of each readiness level. Silver and gold also require that no error-severity
 * rule fails (without an active exception).
 *
 * @public
 */
export interface ReadinessLevelThresholds {
  bronze: number;
  silver: number;
  gold: number;
}

/** @public */
export const DEFAULT_READINESS_LEVELS: ReadinessLevelThresholds = {
  bronze: 50,
  silver: 75,
  gold: 90,
};

/**
 * The readiness level a score and error count reach.
 *
 * @public
 */
export function readinessLevel(
  score: number,
  errors: number,
  thresholds: ReadinessLevelThresholds = DEFAULT_READINESS_LEVELS,
): ReadinessLevel {
  if (errors === 0 && score >= thresholds.gold) return 'gold';
  if (errors === 0 && score >= thresholds.silver) return 'silver';
  if (score >= thresholds.bronze) return 'bronze';
  return 'none';
}

/** How much a rule of each severity weighs in the readiness score. */
const SEVERITY_WEIGHT: Record<LintSeverity, number> = {
  error: 3,
  warning: 2,
  info: 1,
};

/**
 * Summarises lint findings into counts, a 0-100 score and a readiness level, weighting each
 * applicable rule by its severity. Rules that do not apply are left out of both sides; a failure
 * waived by an active exception counts as met; an entity to which no rule applies scores 100.
 *
 * @public
 */
export function summarizeLint(
  findings: LintFinding[],
  options: { levels?: ReadinessLevelThresholds; profile?: string } = {},
): LintSummary {
  let possible = 0;
  let earned = 0;
  let passed = 0;
  let failed = 0;
  let errors = 0;
  let warnings = 0;
  let waived = 0;
  for (const finding of findings) {
    if (finding.status === 'not-applicable') continue;
    const weight = SEVERITY_WEIGHT[finding.severity];
    possible += weight;
    if (finding.status === 'pass') {
      earned += weight;
      passed += 1;
    } else if (finding.waiver?.status === 'active') {
      earned += weight;
      waived += 1;
    } else {
      failed += 1;
      if (finding.severity === 'error') errors += 1;
      if (finding.severity === 'warning') warnings += 1;
    }
  }
  const score = possible === 0 ? 100 : Math.round((earned / possible) * 100);
  return {
    score,
    passed,
    failed,
    errors,
    warnings,
    waived,
    level: readinessLevel(score, errors, options.levels),
    ...(options.profile ? { profile: options.profile } : {}),
    findings,
  };
}

/** The tags by which a project opts in to InnerSource. */
const INNERSOURCE_TAGS = ['innersource', 'inner-source'];

/**
 * Whether a tag list marks an entity as an InnerSource project (`innersource` or `inner-source`,
 * case-insensitive).
 *
 * @public
 */
export function hasInnerSourceTag(
  tags: readonly string[] | undefined,
): boolean {
  return (tags ?? []).some(tag => INNERSOURCE_TAGS.includes(tag.toLowerCase()));
}
