import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import { makeStyles } from '@material-ui/core/styles';
import { useState } from 'react';

const useStyles = makeStyles(theme => ({
  label: {
    wordBreak: 'break-word',
  },
  count: {
    color: theme.palette.text.secondary,
  },
  more: {
    alignSelf: 'flex-start',
    marginTop: theme.spacing(0.5),
  },
}));

/** One option of a facet: the value sent to the backend, its label and how many match. */
export interface FacetOption {
  value: string;
  label: string;
  /** How many projects match with this value and the other filters; unknown while loading. */
  count?: number;
}

/** @internal */
export interface FacetCheckboxGroupProps {
  legend: string;
  options: FacetOption[];
  selected: string[];
  onToggle: (value: string, checked: boolean) => void;
  /** Show only this many options (and any selected ones) until the user asks for all. */
  maxVisible?: number;
  /** The plural noun of the "Show all" button, e.g. `tags`. */
  noun?: string;
}

/**
 * A fieldset of checkboxes, one per facet value, each with its count, e.g. `Java (12)`.
 *
 * @internal
 */
export function FacetCheckboxGroup(props: FacetCheckboxGroupProps) {
  const { legend, options, selected, onToggle, maxVisible, noun } = props;
  const classes = useStyles();
  const [expanded, setExpanded] = useState(false);
  const listId = `innersource-facet-${legend
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')}`;
  const collapsible = maxVisible !== undefined && options.length > maxVisible;
  const visible =
    collapsible && !expanded
      ? options.filter(
          (option, index) =>
            index < maxVisible || selected.includes(option.value),
        )
      : options;

  return (
    <FormControl component="fieldset">
      <FormLabel component="legend">{legend}</FormLabel>
      <FormGroup id={listId}>
        {visible.map(option => (
          <FormControlLabel
            key={option.value}
            className={classes.label}
            label={
              option.count === undefined ? (
                option.label
              ) : (
                <>
                  {`${option.label} `}
                  <span className={classes.count}>({option.count})</span>
                </>
              )
            }
            control={
              <Checkbox
                color="primary"
                size="small"
                value={option.value}
                checked={selected.includes(option.value)}
                onChange={(_event, checked) => onToggle(option.value, checked)}
              />
            }
          />
        ))}
      </FormGroup>
      {collapsible && (
        <Button
          size="small"
          className={classes.more}
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded(current => !current)}
        >
          {expanded
            ? `Show fewer ${noun ?? 'options'}`
            : `Show all ${options.length} ${noun ?? 'options'}`}
        </Button>
      )}
    </FormControl>
  );
}
