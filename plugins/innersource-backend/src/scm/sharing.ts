import { Config } from '@backstage/config';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  SHARING_LEVELS,
  SharingClassification,
  SharingLevel,
} from '@innersource-backstage/plugin-innersource-common';

/** The annotation that classifies an entity's code. */
export const SHARING_ANNOTATION = 'innersource.io/sharing';

/** A config rule that classifies the entities it matches. Every listed field must match. */
export interface SharingRule {
  level: SharingLevel;
  kinds?: string[];
  types?: string[];
  /** The entity carries at least one of these tags. */
  tags?: string[];
  /** `spec.system` names or refs. */
  systems?: string[];
}

export interface SharingSettings {
  defaultLevel: SharingLevel;
  rules: SharingRule[];
}

export const DEFAULT_SHARING: SharingSettings = {
  defaultLevel: 'internal',
  rules: [],
};

function isSharingLevel(value: unknown): value is SharingLevel {
  return (
    typeof value === 'string' &&
    (SHARING_LEVELS as readonly string[]).includes(value)
  );
}

/** Reads `innersource.scm.sharing`; an invalid level is a config error at startup. */
export function readSharingSettings(config: Config): SharingSettings {
  const sharing = config.getOptionalConfig('innersource.scm.sharing');
  if (!sharing) return DEFAULT_SHARING;
  const level = (key: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    if (!isSharingLevel(value)) {
      throw new Error(
        `Invalid ${key} '${value}' in innersource.scm.sharing; expected one of ${SHARING_LEVELS.join(
          ', ',
        )}`,
      );
    }
    return value;
  };
  return {
    defaultLevel:
      level('default', sharing.getOptionalString('default')) ??
      DEFAULT_SHARING.defaultLevel,
    rules: (sharing.getOptionalConfigArray('rules') ?? []).map(rule => ({
      level: level('rules[].level', rule.getString('level'))!,
      kinds: rule.getOptionalStringArray('kinds'),
      types: rule.getOptionalStringArray('types'),
      tags: rule.getOptionalStringArray('tags'),
      systems: rule.getOptionalStringArray('systems'),
    })),
  };
}

const lower = (value: string) => value.toLocaleLowerCase('en-US');

function systemName(value: string): string {
  try {
    return lower(parseEntityRef(value, { defaultKind: 'system' }).name);
  } catch {
    return lower(value);
  }
}

function describeRule(rule: SharingRule): string {
  const parts = [
    rule.kinds?.length ? `kind ${rule.kinds.join('/')}` : undefined,
    rule.types?.length ? `type ${rule.types.join('/')}` : undefined,
    rule.tags?.length ? `tag ${rule.tags.join('/')}` : undefined,
    rule.systems?.length ? `system ${rule.systems.join('/')}` : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'every entity';
}

function ruleMatches(rule: SharingRule, entity: Entity): boolean {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  if (rule.kinds && !rule.kinds.map(lower).includes(lower(entity.kind))) {
    return false;
  }
  if (
    rule.types &&
    !(typeof spec.type === 'string' && rule.types.includes(spec.type))
  ) {
    return false;
  }
  if (rule.tags) {
    const tags = (entity.metadata.tags ?? []).map(lower);
    if (!rule.tags.some(tag => tags.includes(lower(tag)))) return false;
  }
  if (rule.systems) {
    if (typeof spec.system !== 'string') return false;
    const name = systemName(spec.system);
    if (!rule.systems.some(s => systemName(s) === name)) return false;
  }
  return true;
}

/**
 * The sharing classification of an entity: its annotation, else the first matching config rule,
 * else the default. An annotation with an unknown value is ignored here and reported by the
 * `scm.sharing-classification` rule.
 */
export function classifySharing(
  entity: Entity,
  settings: SharingSettings = DEFAULT_SHARING,
): SharingClassification {
  const annotation = entity.metadata.annotations?.[SHARING_ANNOTATION];
  const value = annotation?.trim().toLocaleLowerCase('en-US');
  if (isSharingLevel(value)) return { level: value, source: 'annotation' };
  const rule = settings.rules.find(r => ruleMatches(r, entity));
  if (rule) {
    return { level: rule.level, source: 'rule', rule: describeRule(rule) };
  }
  return { level: settings.defaultLevel, source: 'default' };
}

/** "classified internal by the innersource.io/sharing annotation", for finding messages. */
export function describeClassification(sharing: SharingClassification): string {
  switch (sharing.source) {
    case 'annotation':
      return `classified ${sharing.level} by its ${SHARING_ANNOTATION} annotation`;
    case 'rule':
      return `classified ${sharing.level} by the config rule for ${sharing.rule}`;
    default:
      return `classified ${sharing.level} by the configured default`;
  }
}
