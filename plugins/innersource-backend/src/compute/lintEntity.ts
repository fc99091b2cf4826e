import { Entity } from '@backstage/catalog-model';
import {
  LintFinding,
  ScmRepositorySignals,
  SharingClassification,
} from '@innersource-backstage/plugin-innersource-common';
import {
  CatalogSnapshot,
  InnerSourceLintRule,
  LintSettings,
  RepositoryFiles,
  ruleAppliesTo,
} from '@innersource-backstage/plugin-innersource-node';
import {
  LintPolicy,
  parseExceptionsAnnotation,
} from '../governance/LintPolicy';

/**
 * Runs every rule against one entity under its lint profile, then applies its exceptions.
 * A rule that throws yields a failed finding naming the error, so one broken rule cannot hide
 * the others or stop a refresh. Problems with the entity's own governance annotations (an
 * unknown profile, malformed exceptions) are reported as findings too.
 */
export async function lintEntity(options: {
  entity: Entity;
  catalog: CatalogSnapshot;
  rules: InnerSourceLintRule[];
  files?: RepositoryFiles;
  settings?: LintSettings;
  /** What the SCM platform says about the entity's repository. */
  scm?: ScmRepositorySignals;
  sharing?: SharingClassification;
  policy?: LintPolicy;
  /** YYYY-MM-DD (UTC), for exception expiry. */
  today?: string;
}): Promise<{ findings: LintFinding[]; profile: string }> {
  const { entity, catalog, rules, files, settings, scm, sharing } = options;
  const policy = options.policy ?? new LintPolicy();
  const { profile, problem: profileProblem } = policy.profileFor(entity);
  const findings: LintFinding[] = [];
  for (const rule of rules) {
    const override = policy.override(profile, rule.id);
    const base = {
      ruleId: rule.id,
      title: rule.title,
      category: rule.category,
      severity: override.severity ?? rule.severity,
      remediation: rule.remediation,
      ...(rule.guidanceUrl ? { guidanceUrl: rule.guidanceUrl } : {}),
    };
    if (override.enabled === false) {
      findings.push({
        ...base,
        status: 'not-applicable',
        message: `Turned off in the '${profile.name}' profile`,
      });
      continue;
    }
    if (!ruleAppliesTo(rule.appliesTo, entity)) {
      findings.push({
        ...base,
        status: 'not-applicable',
        message: 'Does not apply to this entity',
      });
      continue;
    }
    try {
      const result = await rule.check({
        entity,
        catalog,
        files,
        settings,
        ...(scm ? { scm } : {}),
        ...(sharing ? { sharing } : {}),
      });
      findings.push({
        ...base,
        status: result.status,
        message: result.message,
        ...(result.files?.length ? { files: result.files } : {}),
      });
    } catch (error) {
      findings.push({
        ...base,
        status: 'fail',
        message: `The rule could not be evaluated: ${
          error instanceof Error ? error.message : String(error)
        }`,
      });
    }
  }

  const { exceptions, problems } = parseExceptionsAnnotation(entity);
  const governanceProblems = [
    ...(profileProblem ? [profileProblem] : []),
    ...problems,
  ];
  if (governanceProblems.length > 0) {
    findings.push({
      ruleId: 'governance.annotations',
      title: 'Lint profile and exceptions are valid',
      category: 'governance',
      severity: 'warning',
      status: 'fail',
      message: governanceProblems.join('; '),
      remediation:
        'Fix the `innersource.io/lint-profile` and `innersource.io/lint-exceptions` annotations. Exceptions are a JSON list: `[{"rule": "readme.sections", "owner": "group:default/team-x", "reason": "…", "expires": "2027-03-31"}]`.',
    });
  }
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  return {
    findings: policy.applyExceptions({
      entity,
      findings,
      annotationExceptions: exceptions,
      today,
    }),
    profile: profile.name,
  };
}
