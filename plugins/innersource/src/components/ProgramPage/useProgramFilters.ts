import {
  CONTRIBUTION_WINDOWS,
  ContributionWindow,
  PROGRAM_INTERVALS,
  ProgramInterval,
} from '@innersource-backstage/plugin-innersource-common';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * What the program view is narrowed to.
 *
 * @internal
 */
export interface ProgramFilters {
  /** A group ref; the whole organisation without it. */
  group?: string;
  window: ContributionWindow;
  interval: ProgramInterval;
}

const DEFAULT_WINDOW: ContributionWindow = '365d';
const DEFAULT_INTERVAL: ProgramInterval = 'week';

function oneOf<T extends string>(
  values: readonly T[],
  value: string | null,
  fallback: T,
): T {
  return (values as readonly string[]).includes(value ?? '')
    ? (value as T)
    : fallback;
}

/**
 * The program view's filters, kept in the URL query (`group`, `window`, `interval`) so that a
 * view can be shared and bookmarked.
 *
 * @internal
 */
export function useProgramFilters(): {
  filters: ProgramFilters;
  setFilters: (changes: Partial<ProgramFilters>) => void;
} {
  const [params, setParams] = useSearchParams();
  const group = params.get('group');
  const window = params.get('window');
  const interval = params.get('interval');
  const filters = useMemo<ProgramFilters>(
    () => ({
      ...(group ? { group } : {}),
      window: oneOf(CONTRIBUTION_WINDOWS, window, DEFAULT_WINDOW),
      interval: oneOf(PROGRAM_INTERVALS, interval, DEFAULT_INTERVAL),
    }),
    [group, window, interval],
  );
  const setFilters = useCallback(
    (changes: Partial<ProgramFilters>) => {
      const next = { ...filters, ...changes };
      const search = new URLSearchParams();
      if (next.group) search.set('group', next.group);
      if (next.window !== DEFAULT_WINDOW) search.set('window', next.window);
      if (next.interval !== DEFAULT_INTERVAL) {
        search.set('interval', next.interval);
      }
      setParams(search, { replace: true });
    },
    [filters, setParams],
  );
  return { filters, setFilters };
}
