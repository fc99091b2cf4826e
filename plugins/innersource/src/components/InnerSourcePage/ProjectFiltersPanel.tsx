import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import {
  INNERSOURCE_KINDS,
  ProjectSortField,
  READINESS_LEVELS,
  ReadinessLevel,
} from '@innersource-backstage/plugin-innersource-common';
import { READINESS_LEVEL_LABELS } from '../shared';
import type { ProjectFilters } from './useProjectFilters';

/** The readiness levels, highest first, as the filter lists them. */
const LEVEL_OPTIONS: ReadinessLevel[] = [...READINESS_LEVELS].reverse();

/** The sort options, in the order the select lists them. */
export const SORT_OPTIONS: Array<{ value: ProjectSortField; label: string }> = [
  { value: 'usage', label: 'Most used' },
  { value: 'readiness', label: 'Readiness' },
  { value: 'activity', label: 'Most active' },
  { value: 'ratio', label: 'InnerSource ratio' },
  { value: 'name', label: 'Name' },
  { value: 'updated', label: 'Recently computed' },
];

/** @internal */
export interface ProjectFiltersPanelProps {
  filters: ProjectFilters;
  onChange: (changes: Partial<ProjectFilters>) => void;
}

/**
 * Sort, InnerSource-only, kind and readiness level controls of the discovery page.
 *
 * @internal
 */
export function ProjectFiltersPanel(props: ProjectFiltersPanelProps) {
  const { filters, onChange } = props;

  const toggleKind = (kind: string, checked: boolean) => {
    const kinds = checked
      ? INNERSOURCE_KINDS.filter(k => k === kind || filters.kinds.includes(k))
      : filters.kinds.filter(k => k !== kind);
    onChange({ kinds });
  };

  const toggleLevel = (level: ReadinessLevel, checked: boolean) => {
    const levels = checked
      ? LEVEL_OPTIONS.filter(l => l === level || filters.levels.includes(l))
      : filters.levels.filter(l => l !== level);
    onChange({ levels });
  };

  return (
    <Box display="flex" flexDirection="column" gridGap={24}>
      <TextField
        select
        fullWidth
        size="small"
        variant="outlined"
        id="innersource-sort"
        label="Sort by"
        value={filters.sort}
        SelectProps={{ native: true }}
        onChange={event =>
          onChange({ sort: event.target.value as ProjectSortField })
        }
      >
        {SORT_OPTIONS.map(option => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </TextField>

      <FormControlLabel
        control={
          <Switch
            color="primary"
            checked={filters.innerSourceOnly}
            onChange={(_event, checked) =>
              onChange({ innerSourceOnly: checked })
            }
          />
        }
        label="InnerSource projects only"
      />

      <FormControl component="fieldset">
        <FormLabel component="legend">Kind</FormLabel>
        <FormGroup>
          {INNERSOURCE_KINDS.map(kind => (
            <FormControlLabel
              key={kind}
              label={kind}
              control={
                <Checkbox
                  color="primary"
                  size="small"
                  checked={filters.kinds.includes(kind)}
                  onChange={(_event, checked) => toggleKind(kind, checked)}
                />
              }
            />
          ))}
        </FormGroup>
      </FormControl>

      <FormControl component="fieldset">
        <FormLabel component="legend">Readiness level</FormLabel>
        <FormGroup>
          {LEVEL_OPTIONS.map(level => (
            <FormControlLabel
              key={level}
              label={READINESS_LEVEL_LABELS[level]}
              control={
                <Checkbox
                  color="primary"
                  size="small"
                  name="level"
                  value={level}
                  checked={filters.levels.includes(level)}
                  onChange={(_event, checked) => toggleLevel(level, checked)}
                />
              }
            />
          ))}
        </FormGroup>
      </FormControl>
    </Box>
  );
}
