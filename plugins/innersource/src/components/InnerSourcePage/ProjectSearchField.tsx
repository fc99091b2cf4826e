import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/** How long typing must pause before the search runs. */
const DEBOUNCE_MS = 300;

/** @internal */
export interface ProjectSearchFieldProps {
  /** The committed search text. */
  value: string;
  /** Called with the new search text once typing pauses. */
  onChange: (value: string) => void;
}

/**
 * Free-text search over the projects, committed after a short pause in typing.
 *
 * @internal
 */
export function ProjectSearchField(props: ProjectSearchFieldProps) {
  const { value, onChange } = props;
  const [text, setText] = useState(value);

  // Follow changes from outside, e.g. "Clear filters" or browser navigation, without
  // discarding trailing spaces the user is still typing.
  useEffect(() => {
    setText(current => (current.trim() === value.trim() ? current : value));
  }, [value]);

  useDebounce(
    () => {
      if (text.trim() !== value.trim()) {
        onChange(text.trim());
      }
    },
    DEBOUNCE_MS,
    [text],
  );

  return (
    <TextField
      fullWidth
      variant="outlined"
      size="small"
      type="search"
      id="innersource-search"
      label="Search projects"
      placeholder="Name, description, tag, owner or type"
      value={text}
      onChange={event => setText(event.target.value)}
      inputProps={{ maxLength: 200 }}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon />
          </InputAdornment>
        ),
      }}
    />
  );
}
