import { LintFinding, LintSeverity, LintSummary } from './types';

/** How much a rule of each severity weighs in the readiness score. */
const SEVERITY_WEIGHT: Record<LintSeverity, number> = {
  error: 3,
  warning: 2,
  info: 1,
};

/**
 * Summarises lint findings into counts and a 0-100 score, weighting each applicable rule by its
 * severity. Rules that do not apply are left out of both sides; an entity to which no rule applies
 * scores 100.
 *
 * @public
 */
export function summarizeLint(findings: LintFinding[]): LintSummary {
  let possible = 0;
  let earned = 0;
  let passed = 0;
  let failed = 0;
  let errors = 0;
  let warnings = 0;
  for (const finding of findings) {
    if (finding.status === 'not-applicable') continue;
    const weight = SEVERITY_WEIGHT[finding.severity];
    possible += weight;
    if (finding.status === 'pass') {
      earned += weight;
      passed += 1;
    } else {
      failed += 1;
      if (finding.severity === 'error') errors += 1;
      if (finding.severity === 'warning') warnings += 1;
    }
  }
  const score = possible === 0 ? 100 : Math.round((earned / possible) * 100);
  return { score, passed, failed, errors, warnings, findings };
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
