import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  CONTRIBUTION_WINDOWS,
  ContributionWindow,
} from '@innersource-backstage/plugin-innersource-common';

/** How the windows are named on the selector. */
export const WINDOW_LABELS: Record<ContributionWindow, string> = {
  '30d': '30 days',
  '90d': '90 days',
  '365d': '365 days',
  all: 'All time',
};

/** How the windows are named in a sentence, e.g. `2 new in the last 30 days`. */
export const WINDOW_PHRASES: Record<ContributionWindow, string> = {
  '30d': 'in the last 30 days',
  '90d': 'in the last 90 days',
  '365d': 'in the last 365 days',
  all: 'of all time',
};

/** @internal */
export interface ContributionWindowSelectorProps {
  value: ContributionWindow;
  onChange: (value: ContributionWindow) => void;
  /** The windows that have figures; the others are disabled. */
  available: ContributionWindow[];
  /** The windows to offer, in order; by default every contribution window. */
  windows?: readonly ContributionWindow[];
  /** The accessible name of the control; by default `Time window`. */
  label?: string;
}

/**
 * Chooses the time window the contribution figures are shown for.
 *
 * @internal
 */
export function ContributionWindowSelector(
  props: ContributionWindowSelectorProps,
) {
  const {
    value,
    onChange,
    available,
    windows = CONTRIBUTION_WINDOWS,
    label = 'Time window',
  } = props;
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={value}
      aria-label={label}
      onChange={(_event, next: ContributionWindow | null) => {
        // Clicking the selected window again would clear the selection; keep it instead.
        if (next) {
          onChange(next);
        }
      }}
    >
      {windows.map(window => (
        <ToggleButton
          key={window}
          value={window}
          disabled={!available.includes(window)}
        >
          {WINDOW_LABELS[window]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
