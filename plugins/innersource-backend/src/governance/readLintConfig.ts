import { Config } from '@backstage/config';
import { stringifyEntityRef, parseEntityRef } from '@backstage/catalog-model';
import {
  DEFAULT_READINESS_LEVELS,
  LintSeverity,
  ReadinessLevelThresholds,
} from '@innersource-backstage/plugin-innersource-common';
import { LintSettings } from '@innersource-backstage/plugin-innersource-node';
import {
  LintException,
  LintPolicy,
  LintProfile,
  ProfileSelection,
} from './LintPolicy';

const SEVERITIES: LintSeverity[] = ['error', 'warning', 'info'];

function applicability(config: Config | undefined) {
  if (!config) return {};
  return {
    kinds: config.getOptionalStringArray('kinds'),
    types: config.getOptionalStringArray('types'),
    lifecycles: config.getOptionalStringArray('lifecycles'),
    tags: config.getOptionalStringArray('tags'),
  };
}

/**
 * Reads `innersource.lint`: readiness levels, the maintainers range, profiles, how profiles are
 * chosen, and exceptions. Invalid values stop the backend at start with a message naming the key,
 * as Backstage does for invalid config.
 */
export function readLintConfig(root: Config): {
  policy: LintPolicy;
  levels: ReadinessLevelThresholds;
  settings: LintSettings;
} {
  const config = root.getOptionalConfig('innersource.lint');
  const levels = {
    bronze:
      config?.getOptionalNumber('levels.bronze') ??
      DEFAULT_READINESS_LEVELS.bronze,
    silver:
      config?.getOptionalNumber('levels.silver') ??
      DEFAULT_READINESS_LEVELS.silver,
    gold:
      config?.getOptionalNumber('levels.gold') ?? DEFAULT_READINESS_LEVELS.gold,
  };
  if (!(levels.bronze <= levels.silver && levels.silver <= levels.gold)) {
    throw new Error(
      `innersource.lint.levels must rise from bronze to gold, found bronze ${levels.bronze}, silver ${levels.silver}, gold ${levels.gold}`,
    );
  }
  const settings: LintSettings = {
    maintainers: {
      min: config?.getOptionalNumber('maintainers.min') ?? 2,
      max: config?.getOptionalNumber('maintainers.max') ?? 15,
    },
  };

  const profilesConfig = config?.getOptionalConfig('profiles');
  const profiles: LintProfile[] = (profilesConfig?.keys() ?? []).map(name => {
    const profile = profilesConfig!.getConfig(name);
    // Rule ids contain dots, which config keys treat as paths: read the object as it is.
    const rawRules =
      profile.getOptional<Record<string, unknown>>('rules') ?? {};
    const rules = Object.fromEntries(
      Object.entries(rawRules).map(([ruleId, value]) => {
        const rule = (value ?? {}) as { enabled?: unknown; severity?: unknown };
        const where = `innersource.lint.profiles.${name}.rules['${ruleId}']`;
        if (
          rule.severity !== undefined &&
          !SEVERITIES.includes(rule.severity as LintSeverity)
        ) {
          throw new Error(
            `${where}.severity is '${
              rule.severity
            }', expected one of ${SEVERITIES.join(', ')}`,
          );
        }
        if (rule.enabled !== undefined && typeof rule.enabled !== 'boolean') {
          throw new Error(
            `${where}.enabled is '${rule.enabled}', expected true or false`,
          );
        }
        return [
          ruleId,
          {
            ...(rule.enabled !== undefined
              ? { enabled: rule.enabled as boolean }
              : {}),
            ...(rule.severity
              ? { severity: rule.severity as LintSeverity }
              : {}),
          },
        ];
      }),
    );
    return {
      name,
      description: profile.getOptionalString('description') ?? '',
      rules,
    };
  });

  const selection: ProfileSelection[] = (
    config?.getOptionalConfigArray('profileSelection') ?? []
  ).map(entry => ({
    profile: entry.getString('profile'),
    when: applicability(entry.getOptionalConfig('if')),
  }));

  const exceptions: LintException[] = (
    config?.getOptionalConfigArray('exceptions') ?? []
  ).map((entry, index) => {
    const expires = entry.getString('expires');
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(expires) ||
      Number.isNaN(Date.parse(expires))
    ) {
      throw new Error(
        `innersource.lint.exceptions[${index}].expires is '${expires}', expected a date as YYYY-MM-DD`,
      );
    }
    return {
      entityRef: stringifyEntityRef(
        parseEntityRef(entry.getString('entity'), {
          defaultKind: 'component',
          defaultNamespace: 'default',
        }),
      ),
      ruleId: entry.getString('rule'),
      owner: entry.getString('owner'),
      reason: entry.getString('reason'),
      expires,
      source: 'config' as const,
    };
  });

  return {
    policy: new LintPolicy({
      profiles,
      selection,
      defaultProfile: config?.getOptionalString('defaultProfile'),
      exceptions,
    }),
    levels,
    settings,
  };
}
