import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  LintFinding,
  LintSeverity,
  LintWaiver,
} from '@innersource-backstage/plugin-innersource-common';
import {
  LintRuleApplicability,
  ruleAppliesTo,
} from '@innersource-backstage/plugin-innersource-node';

/** How a profile changes one rule. */
export interface RuleOverride {
  enabled?: boolean;
  severity?: LintSeverity;
}

/** A named set of rule overrides. */
export interface LintProfile {
  name: string;
  description: string;
  rules: Record<string, RuleOverride>;
}

/** Chooses a profile for the entities a condition matches (first match wins). */
export interface ProfileSelection {
  profile: string;
  when: LintRuleApplicability;
}

/** An exception to one rule for one entity. */
export interface LintException {
  entityRef: string;
  ruleId: string;
  owner: string;
  reason: string;
  /** YYYY-MM-DD */
  expires: string;
  source: 'config' | 'annotation';
}

/** Entities choose a profile with this annotation. */
export const PROFILE_ANNOTATION = 'innersource.io/lint-profile';
/** Entities declare exceptions with this annotation: a JSON list of {rule, owner, reason, expires}. */
export const EXCEPTIONS_ANNOTATION = 'innersource.io/lint-exceptions';

/**
 * The built-in profiles, after the working group's governance practice:
 * - `default`: every rule at its own severity;
 * - `contributions-welcome`: for projects that invite other teams in: the files that tell a
 *   newcomer how to contribute become errors;
 * - `shared-ownership`: for projects several teams own together: ownership rules become errors
 *   and the upper bound on maintainers is not checked.
 */
export const BUILT_IN_PROFILES: LintProfile[] = [
  { name: 'default', description: 'Every rule at its own severity', rules: {} },
  {
    name: 'contributions-welcome',
    description: 'Projects that invite contributions from other teams',
    rules: {
      'contributing.exists': { severity: 'error' },
      'contributing.content': { severity: 'error' },
      'readme.sections': { severity: 'error' },
      'community.issue-templates': { severity: 'warning' },
      'community.pull-request-template': { severity: 'warning' },
      'metadata.innersource-tag': { severity: 'error' },
    },
  },
  {
    name: 'shared-ownership',
    description: 'Projects owned by several teams together',
    rules: {
      'codeowners.exists': { severity: 'error' },
      'codeowners.owners-resolve': { severity: 'error' },
      'ownership.maintainers': { enabled: false },
    },
  },
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(value: string) {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/**
 * Parses the exceptions annotation. Problems come back as messages, to be reported as a lint
 * finding, never thrown.
 */
export function parseExceptionsAnnotation(entity: Entity): {
  exceptions: LintException[];
  problems: string[];
} {
  const raw = entity.metadata.annotations?.[EXCEPTIONS_ANNOTATION];
  if (!raw) return { exceptions: [], problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return {
      exceptions: [],
      problems: [
        `${EXCEPTIONS_ANNOTATION} is not valid JSON: ${
          (error as Error).message
        }`,
      ],
    };
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const exceptions: LintException[] = [];
  const problems: string[] = [];
  list.forEach((item, index) => {
    const e = item as Record<string, unknown>;
    const missing = ['rule', 'owner', 'reason', 'expires'].filter(
      key => typeof e?.[key] !== 'string' || (e[key] as string).trim() === '',
    );
    if (missing.length) {
      problems.push(`Exception ${index + 1} lacks ${missing.join(', ')}`);
      return;
    }
    if (!isValidDate(e.expires as string)) {
      problems.push(
        `Exception ${index + 1} expires '${
          e.expires
        }', expected a date as YYYY-MM-DD`,
      );
      return;
    }
    exceptions.push({
      entityRef: stringifyEntityRef(entity),
      ruleId: e.rule as string,
      owner: e.owner as string,
      reason: e.reason as string,
      expires: e.expires as string,
      source: 'annotation',
    });
  });
  return { exceptions, problems };
}

/**
 * Readiness governance: which profile applies to an entity, how it changes rules, and which
 * exceptions waive failures.
 */
export class LintPolicy {
  private readonly profiles = new Map<string, LintProfile>();

  constructor(
    private readonly options: {
      profiles?: LintProfile[];
      selection?: ProfileSelection[];
      defaultProfile?: string;
      exceptions?: LintException[];
    } = {},
  ) {
    for (const profile of [...BUILT_IN_PROFILES, ...(options.profiles ?? [])]) {
      const existing = this.profiles.get(profile.name);
      // a configured profile of a built-in name extends it
      this.profiles.set(
        profile.name,
        existing
          ? {
              ...existing,
              ...profile,
              rules: { ...existing.rules, ...profile.rules },
            }
          : profile,
      );
    }
  }

  /** The profile of an entity: its annotation, else the first matching selection, else the default. */
  profileFor(entity: Entity): { profile: LintProfile; problem?: string } {
    const fallback =
      this.profiles.get(this.options.defaultProfile ?? 'default') ??
      BUILT_IN_PROFILES[0];
    const requested = entity.metadata.annotations?.[PROFILE_ANNOTATION];
    if (requested) {
      const profile = this.profiles.get(requested);
      if (profile) return { profile };
      return {
        profile: fallback,
        problem: `${PROFILE_ANNOTATION} names the profile '${requested}', which does not exist; expected one of ${[
          ...this.profiles.keys(),
        ].join(', ')}`,
      };
    }
    const selected = this.options.selection?.find(s =>
      ruleAppliesTo(s.when, entity),
    );
    const profile = selected && this.profiles.get(selected.profile);
    return { profile: profile ?? fallback };
  }

  /** The override a profile makes to a rule. */
  override(profile: LintProfile, ruleId: string): RuleOverride {
    return profile.rules[ruleId] ?? {};
  }

  /**
   * Attaches exceptions to failed findings: active ones waive the failure, expired ones are
   * reported as expired and waive nothing.
   */
  applyExceptions(options: {
    entity: Entity;
    findings: LintFinding[];
    annotationExceptions: LintException[];
    today: string;
  }): LintFinding[] {
    const ref = stringifyEntityRef(options.entity);
    const all = [
      ...(this.options.exceptions ?? []).filter(e => e.entityRef === ref),
      ...options.annotationExceptions,
    ];
    return options.findings.map(finding => {
      if (finding.status !== 'fail') return finding;
      const exception = all.find(e => e.ruleId === finding.ruleId);
      if (!exception) return finding;
      const waiver: LintWaiver = {
        status: exception.expires >= options.today ? 'active' : 'expired',
        owner: exception.owner,
        reason: exception.reason,
        expires: exception.expires,
        source: exception.source,
      };
      return { ...finding, waiver };
    });
  }
}
