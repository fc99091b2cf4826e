import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Drawer from '@material-ui/core/Drawer';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import IconButton from '@material-ui/core/IconButton';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import CloseIcon from '@material-ui/icons/Close';
import FilterListIcon from '@material-ui/icons/FilterList';
import {
  ACTIVITY_LEVEL_LABELS,
  ActivityLevel,
  INNERSOURCE_KINDS,
  ProjectFacetValue,
  ProjectSortField,
  ReadinessLevel,
} from '@innersource-backstage/plugin-innersource-common';
import { useState } from 'react';
import { READINESS_LEVEL_LABELS, pluralize } from '../shared';
import { FacetCheckboxGroup, FacetOption } from './FacetCheckboxGroup';
import { groupName, withCount } from './projectFormat';
import {
  ACTIVITY_ORDER,
  LEVEL_ORDER,
  NO_FILTERS,
  ProjectFilters,
  countActiveFilters,
  effectiveSort,
} from './useProjectFilters';

/** The facet counts of the listing, by facet. */
export type ProjectFacets = Record<string, ProjectFacetValue[]>;

/** The sort options, in the order the select lists them; best match only while searching. */
export const SORT_OPTIONS: Array<{ value: ProjectSortField; label: string }> = [
  { value: 'relevance', label: 'Best match' },
  { value: 'usage', label: 'Most used' },
  { value: 'readiness', label: 'Readiness' },
  { value: 'activity', label: 'Most active' },
  { value: 'ratio', label: 'InnerSource ratio' },
  { value: 'stars', label: 'Stars' },
  { value: 'name', label: 'Name' },
  { value: 'updated', label: 'Recently computed' },
];

/** How many tags show before "Show all". */
const VISIBLE_TAGS = 10;

const useStyles = makeStyles(theme => ({
  drawer: {
    width: 'min(360px, 100vw - 32px)',
    padding: theme.spacing(2),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
  },
  drawerHeader: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
  },
  switches: {
    display: 'flex',
    flexDirection: 'column',
  },
}));

/** @internal */
export interface ProjectFiltersPanelProps {
  filters: ProjectFilters;
  /** The facet counts of the current results; without them the options show no counts. */
  facets?: ProjectFacets;
  onChange: (changes: Partial<ProjectFilters>) => void;
}

/** Looks up the count of a value in a facet, ignoring case; 0 when the facet lacks the value. */
function countOf(
  facets: ProjectFacets | undefined,
  facet: string,
  value: string,
): number | undefined {
  const values = facets?.[facet];
  if (!values) {
    return undefined;
  }
  const wanted = value.toLocaleLowerCase('en-US');
  return (
    values.find(v => v.value.toLocaleLowerCase('en-US') === wanted)?.count ?? 0
  );
}

/**
 * The options of an open-ended facet: the values with matches, most matches first, then any
 * selected value without matches (with a count of 0), so that it can still be cleared.
 */
function dynamicOptions(
  facets: ProjectFacets | undefined,
  facet: string,
  selected: string[],
): FacetOption[] {
  const values = (facets?.[facet] ?? []).filter(v => v.count > 0);
  const options: FacetOption[] = values.map(v => ({
    value: v.value,
    label: v.value,
    count: v.count,
  }));
  for (const value of selected) {
    if (!options.some(option => option.value === value)) {
      options.push({
        value,
        label: value,
        count: facets?.[facet] ? 0 : undefined,
      });
    }
  }
  return options;
}

/** Adds or removes a value, keeping the order of `order` when given. */
function toggled<T extends string>(
  current: T[],
  value: T,
  checked: boolean,
  order?: readonly T[],
): T[] {
  if (!checked) {
    return current.filter(v => v !== value);
  }
  const next = current.includes(value) ? current : [...current, value];
  return order ? order.filter(v => next.includes(v)) : next;
}

function FilterControls(props: ProjectFiltersPanelProps) {
  const { filters, facets, onChange } = props;
  const classes = useStyles();
  const searching = filters.q.trim() !== '';
  const sort = effectiveSort(filters);
  const activeCount = countActiveFilters(filters);

  const businessUnits = dynamicOptions(
    facets,
    'businessUnit',
    filters.group ? [filters.group] : [],
  );

  const optionGroups: Array<{
    legend: string;
    facet: string;
    key: 'types' | 'languages' | 'tags' | 'lifecycles';
    noun: string;
  }> = [
    {
      legend: 'Language',
      facet: 'language',
      key: 'languages',
      noun: 'languages',
    },
    { legend: 'Type', facet: 'type', key: 'types', noun: 'types' },
    { legend: 'Tags', facet: 'tag', key: 'tags', noun: 'tags' },
    {
      legend: 'Lifecycle',
      facet: 'lifecycle',
      key: 'lifecycles',
      noun: 'lifecycles',
    },
  ];

  return (
    <Box display="flex" flexDirection="column" gridGap={20}>
      <TextField
        select
        fullWidth
        size="small"
        variant="outlined"
        id="innersource-sort"
        label="Sort by"
        value={sort}
        SelectProps={{ native: true }}
        onChange={event =>
          onChange({
            sort: event.target.value as ProjectSortField,
            order: undefined,
          })
        }
      >
        {SORT_OPTIONS.filter(
          option => option.value !== 'relevance' || searching,
        ).map(option => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </TextField>

      {activeCount > 0 && (
        <Button
          variant="outlined"
          size="small"
          onClick={() =>
            // Clears the filters but keeps the search text.
            onChange({ ...NO_FILTERS, q: filters.q })
          }
        >
          Clear {pluralize(activeCount, 'filter')}
        </Button>
      )}

      <Box className={classes.switches}>
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
        <FormControlLabel
          control={
            <Switch
              color="primary"
              checked={filters.accepting}
              onChange={(_event, checked) => onChange({ accepting: checked })}
            />
          }
          label="Accepting contributions"
        />
        <FormControlLabel
          control={
            <Switch
              color="primary"
              checked={filters.goodFirstIssues}
              onChange={(_event, checked) =>
                onChange({ goodFirstIssues: checked })
              }
            />
          }
          label={withCount(
            'Has good first issues',
            countOf(facets, 'goodFirstIssues', 'true'),
          )}
        />
        <FormControlLabel
          control={
            <Switch
              color="primary"
              checked={filters.hideStale}
              onChange={(_event, checked) => onChange({ hideStale: checked })}
            />
          }
          label="Hide inactive projects"
        />
      </Box>

      <TextField
        select
        fullWidth
        size="small"
        variant="outlined"
        id="innersource-business-unit"
        label="Owner business unit"
        value={filters.group}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        onChange={event => onChange({ group: event.target.value })}
      >
        <option value="">All business units</option>
        {businessUnits.map(option => (
          <option key={option.value} value={option.value}>
            {withCount(groupName(option.value), option.count)}
          </option>
        ))}
      </TextField>

      <FacetCheckboxGroup
        legend="Kind"
        options={INNERSOURCE_KINDS.map(kind => ({
          value: kind,
          label: kind,
          count: countOf(facets, 'kind', kind),
        }))}
        selected={filters.kinds}
        onToggle={(kind, checked) =>
          onChange({
            kinds: toggled(filters.kinds, kind, checked, INNERSOURCE_KINDS),
          })
        }
      />

      {optionGroups.map(group => {
        const options = dynamicOptions(facets, group.facet, filters[group.key]);
        if (options.length === 0) {
          return null;
        }
        return (
          <FacetCheckboxGroup
            key={group.key}
            legend={group.legend}
            noun={group.noun}
            maxVisible={VISIBLE_TAGS}
            options={options}
            selected={filters[group.key]}
            onToggle={(value, checked) =>
              onChange({
                [group.key]: toggled(filters[group.key], value, checked),
              })
            }
          />
        );
      })}

      <FacetCheckboxGroup
        legend="Readiness level"
        options={LEVEL_ORDER.map(level => ({
          value: level,
          label: READINESS_LEVEL_LABELS[level],
          count: countOf(facets, 'level', level),
        }))}
        selected={filters.levels}
        onToggle={(level, checked) =>
          onChange({
            levels: toggled(
              filters.levels,
              level as ReadinessLevel,
              checked,
              LEVEL_ORDER,
            ),
          })
        }
      />

      <FacetCheckboxGroup
        legend="Activity level"
        options={ACTIVITY_ORDER.map(level => ({
          value: level,
          label: ACTIVITY_LEVEL_LABELS[level],
          count: countOf(facets, 'activity', level),
        }))}
        selected={filters.activities}
        onToggle={(level, checked) =>
          onChange({
            activities: toggled(
              filters.activities,
              level as ActivityLevel,
              checked,
              ACTIVITY_ORDER,
            ),
          })
        }
      />
    </Box>
  );
}

/**
 * Sort and filter controls of the discovery page, each option with its count among the current
 * results. On small screens they collapse into a "Filters" button that opens them in a drawer.
 *
 * @internal
 */
export function ProjectFiltersPanel(props: ProjectFiltersPanelProps) {
  const classes = useStyles();
  const theme = useTheme();
  const small = useMediaQuery(theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  const activeCount = countActiveFilters(props.filters);

  if (!small) {
    return <FilterControls {...props} />;
  }

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<FilterListIcon />}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        {activeCount > 0
          ? `Filters and sort (${activeCount})`
          : 'Filters and sort'}
      </Button>
      <Drawer
        anchor="left"
        open={open}
        onClose={() => setOpen(false)}
        PaperProps={{
          className: classes.drawer,
          role: 'dialog',
          'aria-label': 'Filters and sort',
        }}
      >
        <Box className={classes.drawerHeader}>
          <Typography variant="h6" component="h2">
            Filters and sort
          </Typography>
          <IconButton aria-label="Close filters" onClick={() => setOpen(false)}>
            <CloseIcon />
          </IconButton>
        </Box>
        <FilterControls {...props} />
        <Button
          variant="contained"
          color="primary"
          onClick={() => setOpen(false)}
        >
          Show results
        </Button>
      </Drawer>
    </>
  );
}
