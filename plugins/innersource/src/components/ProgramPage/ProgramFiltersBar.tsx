import type {
  ContributionWindow,
  ProgramGroupOption,
  ProgramInterval,
} from '@innersource-backstage/plugin-innersource-common';
import {
  CONTRIBUTION_WINDOWS,
  PROGRAM_INTERVALS,
} from '@innersource-backstage/plugin-innersource-common';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { WINDOW_LABELS } from '../EntityInnerSourceContent/ContributionWindowSelector';
import { PROGRAM_INTERVAL_LABELS, displayTitle } from './common/windows';
import { ProgramFilters } from './useProgramFilters';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(3),
  },
  group: {
    minWidth: 280,
  },
  label: {
    display: 'block',
    marginBottom: theme.spacing(0.5),
  },
}));

const WHOLE_ORGANISATION = '';

/** A labelled group of toggle buttons of which one is always selected. */
function Choice<T extends string>(props: {
  label: string;
  values: readonly T[];
  value: T;
  labels: Record<T, string>;
  onChange: (value: T) => void;
}) {
  const classes = useStyles();
  const { label, values, value, labels, onChange } = props;
  return (
    <Box>
      <Typography
        variant="caption"
        color="textSecondary"
        className={classes.label}
      >
        {label}
      </Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={value}
        aria-label={label}
        onChange={(_event, next: T | null) => {
          if (next) onChange(next);
        }}
      >
        {values.map(v => (
          <ToggleButton key={v} value={v}>
            {labels[v]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Box>
  );
}

/** @internal */
export interface ProgramFiltersBarProps {
  filters: ProgramFilters;
  groups: ProgramGroupOption[];
  onChange: (changes: Partial<ProgramFilters>) => void;
}

/**
 * Narrows the program view to a business unit or team (a Group and its subgroups), and chooses
 * the window of the contribution figures and the period of the trends.
 *
 * @internal
 */
export function ProgramFiltersBar(props: ProgramFiltersBarProps) {
  const { filters, groups, onChange } = props;
  const classes = useStyles();
  const known = groups.some(g => g.entityRef === filters.group);
  return (
    <Box className={classes.bar} role="group" aria-label="Filters">
      <TextField
        select
        id="innersource-program-group"
        className={classes.group}
        label="Business unit or team"
        value={filters.group ?? WHOLE_ORGANISATION}
        onChange={event => onChange({ group: event.target.value || undefined })}
      >
        <MenuItem value={WHOLE_ORGANISATION}>Whole organisation</MenuItem>
        {!known && filters.group && (
          <MenuItem value={filters.group}>{filters.group}</MenuItem>
        )}
        {groups.map(group => (
          <MenuItem key={group.entityRef} value={group.entityRef}>
            <span style={{ paddingLeft: group.depth * 16 }}>
              {displayTitle(group)}
            </span>
          </MenuItem>
        ))}
      </TextField>
      <Choice<ContributionWindow>
        label="Contribution window"
        values={CONTRIBUTION_WINDOWS}
        value={filters.window}
        labels={WINDOW_LABELS}
        onChange={window => onChange({ window })}
      />
      <Choice<ProgramInterval>
        label="Trends by"
        values={PROGRAM_INTERVALS}
        value={filters.interval}
        labels={PROGRAM_INTERVAL_LABELS}
        onChange={interval => onChange({ interval })}
      />
    </Box>
  );
}
