import {
  hasInnerSourceTag,
  ScmRepositorySignals,
  SHARING_LEVELS,
  SharingClassification,
} from '@innersource-backstage/plugin-innersource-common';
import {
  InnerSourceLintRule,
  LintCheckResult,
  LintRuleContext,
} from '@innersource-backstage/plugin-innersource-node';
import { fail, notApplicable, pass } from '../lint/ruleKit';
import { describeClassification, SHARING_ANNOTATION } from './sharing';

/** Entity types the InnerSource-First perspective wants visible company-wide. */
export const DEFAULT_REUSABLE_TYPES = [
  'library',
  'sdk',
  'template',
  'tool',
  'website',
];

const POLICY_GUIDANCE =
  'https://patterns.innersourcecommons.org/p/balancing-openness-and-security';
const FORKING_GUIDANCE =
  'https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/managing-repository-settings/managing-the-forking-policy-for-your-repository';
const BRANCH_PROTECTION_GUIDANCE =
  'https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/about-protected-branches';

/** The message when no SCM provider read the repository. */
export const NO_SCM_SIGNALS =
  'No SCM platform data: no provider reads this repository, or it was not read yet';

type ScmRuleContext = LintRuleContext & {
  scm: ScmRepositorySignals;
  sharing?: SharingClassification;
};

/** A rule that needs the SCM signals: `not-applicable` without them. */
function scmRule(
  definition: Omit<InnerSourceLintRule, 'check'> & {
    check(context: ScmRuleContext): LintCheckResult;
  },
): InnerSourceLintRule {
  const { check, ...rest } = definition;
  return {
    ...rest,
    check(context) {
      if (!context.scm) return notApplicable(NO_SCM_SIGNALS);
      return check({ ...context, scm: context.scm });
    },
  };
}

function isReusable(context: LintRuleContext): boolean {
  const { entity, settings } = context;
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  const reusable = settings?.reusableTypes ?? DEFAULT_REUSABLE_TYPES;
  return (
    hasInnerSourceTag(entity.metadata.tags ?? []) ||
    (typeof type === 'string' && reusable.includes(type))
  );
}

/**
 * The SCM policy checks: the working group's Security-First and InnerSource-First perspectives
 * applied per repository by its sharing classification, and the repository settings that make
 * contributing from another team possible.
 */
export const scmPolicyRules: InnerSourceLintRule[] = [
  {
    id: 'scm.sharing-classification',
    title: 'Sharing classification is valid',
    category: 'scm-policy',
    severity: 'warning',
    remediation: `Set the \`${SHARING_ANNOTATION}\` annotation to one of ${SHARING_LEVELS.map(
      l => `\`${l}\``,
    ).join(
      ', ',
    )}, or remove it to use the configured default (\`innersource.scm.sharing\`).`,
    guidanceUrl: POLICY_GUIDANCE,
    check({ entity, sharing }) {
      const value = entity.metadata.annotations?.[SHARING_ANNOTATION];
      if (value === undefined) {
        return notApplicable(
          sharing
            ? `No ${SHARING_ANNOTATION} annotation; ${describeClassification(
                sharing,
              )}`
            : `No ${SHARING_ANNOTATION} annotation`,
        );
      }
      if (sharing?.source === 'annotation') {
        return pass(`Classified ${sharing.level} by its annotation`);
      }
      return fail(
        `Expected ${SHARING_ANNOTATION} to be one of ${SHARING_LEVELS.join(
          ', ',
        )}, found '${value}'${
          sharing
            ? `; until fixed the entity is ${describeClassification(sharing)}`
            : ''
        }`,
      );
    },
  },
  scmRule({
    id: 'scm.innersource-first',
    title: 'Reusable code is visible to other teams (InnerSource-First)',
    category: 'scm-policy',
    severity: 'warning',
    remediation:
      'Make the repository **internal** so that every employee can find, read and evaluate it ' +
      'before building their own; if the code is sensitive, classify it `restricted` or ' +
      '`closed` with the `innersource.io/sharing` annotation instead.',
    guidanceUrl: POLICY_GUIDANCE,
    check(context) {
      const { scm, sharing } = context;
      if (!sharing) return notApplicable('No sharing classification');
      if (sharing.level !== 'public' && sharing.level !== 'internal') {
        return notApplicable(
          `Sensitive code (${describeClassification(
            sharing,
          )}): visibility is checked by the Security-First rule`,
        );
      }
      if (!isReusable(context)) {
        return notApplicable(
          'Not a reusable entity (library, sdk, template, tool, website or tagged innersource)',
        );
      }
      if (scm.visibility === 'private') {
        return fail(
          `Expected a reusable entity ${describeClassification(
            sharing,
          )} to have an internal or public repository, found private: other teams cannot find or evaluate it`,
        );
      }
      return pass(
        `The repository is ${
          scm.visibility
        }, as fits a reusable entity ${describeClassification(sharing)}`,
      );
    },
  }),
  scmRule({
    id: 'scm.security-first',
    title: 'Sensitive code is not visible beyond its audience (Security-First)',
    category: 'scm-policy',
    severity: 'error',
    remediation:
      'Make the repository **private** and grant access through teams, or, if the code is not ' +
      'sensitive after all, classify it `internal` with the `innersource.io/sharing` annotation.',
    guidanceUrl: POLICY_GUIDANCE,
    check({ scm, sharing }) {
      if (!sharing) return notApplicable('No sharing classification');
      if (sharing.level !== 'restricted' && sharing.level !== 'closed') {
        return notApplicable(
          `Not sensitive (${describeClassification(sharing)})`,
        );
      }
      if (scm.visibility !== 'private') {
        return fail(
          `Expected the repository of an entity ${describeClassification(
            sharing,
          )} to be private, found ${
            scm.visibility
          }: sensitive code is visible beyond its audience`,
        );
      }
      return pass(
        `The repository is private, as fits an entity ${describeClassification(
          sharing,
        )}`,
      );
    },
  }),
  scmRule({
    id: 'scm.forking',
    title: 'Internal repository allows forking',
    category: 'scm-policy',
    severity: 'warning',
    remediation:
      'Allow forking in the repository settings (and in the organisation settings for private ' +
      'and internal repositories), so people outside the team can propose changes without ' +
      'write access. Describe the fork workflow in CONTRIBUTING.',
    guidanceUrl: FORKING_GUIDANCE,
    check({ scm }) {
      if (scm.visibility !== 'internal') {
        return notApplicable(
          `The repository is ${scm.visibility}, not internal`,
        );
      }
      return scm.forkingAllowed
        ? pass('Forking is allowed')
        : fail(
            'Expected forking to be allowed on an internal repository, found it disabled: outside contributors need write access to propose a change',
          );
    },
  }),
  scmRule({
    id: 'scm.branch-protection',
    title: 'Default branch is protected',
    category: 'scm-policy',
    severity: 'warning',
    remediation:
      'Protect the default branch and require at least one approving review, so that outside ' +
      'contributions go through review by the trusted committers.',
    guidanceUrl: BRANCH_PROTECTION_GUIDANCE,
    check({ scm }) {
      const branch = scm.defaultBranch ?? 'default branch';
      if (!scm.branchProtection) {
        return notApplicable(
          `The protection of ${branch} could not be read with the configured credentials`,
        );
      }
      if (!scm.branchProtection.protected) {
        return fail(`Expected ${branch} to be protected, found no protection`);
      }
      const reviews = scm.branchProtection.requiredApprovingReviews;
      return pass(
        `${branch} is protected${
          reviews > 0
            ? `, ${reviews} approving review${
                reviews === 1 ? '' : 's'
              } required`
            : ' (no approving review required)'
        }`,
      );
    },
  }),
  scmRule({
    id: 'scm.good-first-issues',
    title: 'Has open good first issues',
    category: 'scm-policy',
    severity: 'info',
    remediation:
      'Label a few small, well-described issues `good first issue` (and larger ones ' +
      '`help wanted`) so that newcomers from other teams know where to start.',
    guidanceUrl: 'https://patterns.innersourcecommons.org/p/good-first-project',
    check({ scm }) {
      const { count, helpWantedCount } = scm.goodFirstIssues;
      if (count === 0) {
        return fail(
          `Expected open issues labelled good first issue, found none${
            helpWantedCount ? ` (${helpWantedCount} help wanted)` : ''
          }`,
        );
      }
      return pass(
        `${count} open good first issue${count === 1 ? '' : 's'}${
          helpWantedCount ? `, ${helpWantedCount} help wanted` : ''
        }`,
      );
    },
  }),
];
