import type {
  ContributionWindow,
  ProgramInterval,
} from '@innersource-backstage/plugin-innersource-common';

/**
 * How the windows are named in a sentence, e.g. `Window: the last 90 days`.
 *
 * @internal
 */
export const PROGRAM_WINDOW_PHRASES: Record<ContributionWindow, string> = {
  '30d': 'the last 30 days',
  '90d': 'the last 90 days',
  '365d': 'the last 365 days',
  all: 'all time',
};

/**
 * How the adoption intervals are named.
 *
 * @internal
 */
export const PROGRAM_INTERVAL_LABELS: Record<ProgramInterval, string> = {
  week: 'Weekly',
  month: 'Monthly',
};

/**
 * The name part of an entity ref, e.g. `team-ledger` for `group:default/team-ledger`.
 *
 * @internal
 */
export function refName(entityRef: string): string {
  return entityRef.slice(entityRef.lastIndexOf('/') + 1);
}

/**
 * The title of an entity, else the name part of its ref.
 *
 * @internal
 */
export function displayTitle(entity: {
  entityRef: string;
  title?: string;
}): string {
  return entity.title ?? refName(entity.entityRef);
}
