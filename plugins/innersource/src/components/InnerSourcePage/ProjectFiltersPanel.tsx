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
} from '@innersource-backstage/plugin-innersource-common';
import type { ProjectFilters } from './useProjectFilters';

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
 * Kind, InnerSource-only and sort controls of the discovery page.
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
    </Box>
  );
}
