import { Entity } from '@backstage/catalog-model';
import { LintFinding } from '@innersource-backstage/plugin-innersource-common';
import {
  CatalogSnapshot,
  InnerSourceLintRule,
  ruleAppliesTo,
} from '@innersource-backstage/plugin-innersource-node';

/**
 * Runs every rule against one entity. A rule that throws yields a failed finding naming the
 * error, so one broken rule cannot hide the others or stop a refresh.
 */
export async function lintEntity(options: {
  entity: Entity;
  catalog: CatalogSnapshot;
  rules: InnerSourceLintRule[];
}): Promise<LintFinding[]> {
  const { entity, catalog, rules } = options;
  const findings: LintFinding[] = [];
  for (const rule of rules) {
    const base = {
      ruleId: rule.id,
      title: rule.title,
      category: rule.category,
      severity: rule.severity,
      remediation: rule.remediation,
    };
    if (!ruleAppliesTo(rule.appliesTo, entity)) {
      findings.push({
        ...base,
        status: 'not-applicable',
        message: 'Does not apply to this entity',
      });
      continue;
    }
    try {
      const result = await rule.check({ entity, catalog });
      findings.push({
        ...base,
        status: result.status,
        message: result.message,
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
  return findings;
}
