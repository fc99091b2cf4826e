import { Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ScmIssueLink } from '@innersource-backstage/plugin-innersource-common';
import { Timestamp } from './FactList';

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
}));

/** @internal */
export interface GoodFirstIssueListProps {
  issues: ScmIssueLink[];
  /** The accessible name of the list. */
  label?: string;
}

/**
 * Open issues as links to the SCM platform, each with its number, labels and age.
 *
 * @internal
 */
export function GoodFirstIssueList(props: GoodFirstIssueListProps) {
  const { issues, label = 'Good first issues' } = props;
  const classes = useStyles();
  return (
    <ul className={classes.list} aria-label={label}>
      {issues.map(issue => (
        <li key={issue.url} className={classes.item}>
          <Typography variant="body2" component="span">
            <Link to={issue.url}>
              #{issue.number} {issue.title}
            </Link>
          </Typography>
          <span className={classes.meta}>
            {issue.labels.map(name => (
              <Chip key={name} size="small" variant="outlined" label={name} />
            ))}
            <Typography variant="caption" color="textSecondary">
              opened <Timestamp iso={issue.createdAt} relative />
            </Typography>
          </span>
        </li>
      ))}
    </ul>
  );
}
