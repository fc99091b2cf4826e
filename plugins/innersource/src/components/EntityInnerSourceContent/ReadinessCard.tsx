import { InfoCard, MarkdownContent } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  LintFinding,
  LintSeverity,
  LintStatus,
  LintSummary,
} from '@innersource-backstage/plugin-innersource-common';
import {
  ReadinessScore,
  SeverityChip,
  SeverityIcon,
  pluralize,
} from '../shared';

const useStyles = makeStyles(theme => ({
  category: {
    marginTop: theme.spacing(3),
    textTransform: 'capitalize',
  },
  icon: {
    minWidth: theme.spacing(4),
    marginTop: theme.spacing(0.5),
  },
  title: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  notApplicable: {
    opacity: 0.6,
  },
  remediation: {
    marginTop: theme.spacing(1),
    padding: theme.spacing(1, 1.5),
    borderLeft: `3px solid ${theme.palette.divider}`,
    color: theme.palette.text.primary,
  },
}));

const STATUS_ORDER: Record<LintStatus, number> = {
  fail: 0,
  pass: 1,
  'not-applicable': 2,
};

const SEVERITY_ORDER: Record<LintSeverity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/**
 * Groups findings by category, keeping the categories in the order they first appear and
 * listing failures first (most severe first), then passes, then rules that do not apply.
 */
export function groupFindings(
  findings: LintFinding[],
): Array<{ category: string; findings: LintFinding[] }> {
  const groups = new Map<string, LintFinding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.category) ?? [];
    group.push(finding);
    groups.set(finding.category, group);
  }
  return Array.from(groups, ([category, group]) => ({
    category,
    findings: [...group].sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
    ),
  }));
}

function FindingItem(props: { finding: LintFinding }) {
  const { finding } = props;
  const classes = useStyles();
  const failed = finding.status === 'fail';
  return (
    <ListItem
      alignItems="flex-start"
      disableGutters
      className={
        finding.status === 'not-applicable' ? classes.notApplicable : undefined
      }
    >
      <ListItemIcon className={classes.icon}>
        <SeverityIcon status={finding.status} severity={finding.severity} />
      </ListItemIcon>
      <ListItemText
        disableTypography
        primary={
          <Box className={classes.title}>
            <Typography variant="body1" component="span">
              {finding.title}
            </Typography>
            <SeverityChip severity={finding.severity} muted={!failed} />
          </Box>
        }
        secondary={
          <>
            <Typography variant="body2" color="textSecondary">
              {finding.message}
            </Typography>
            {failed && finding.remediation && (
              <Box
                className={classes.remediation}
                aria-label={`How to fix: ${finding.title}`}
              >
                <MarkdownContent content={finding.remediation} />
              </Box>
            )}
          </>
        }
      />
    </ListItem>
  );
}

/** @internal */
export interface ReadinessCardProps {
  lint: LintSummary;
}

/**
 * Answers "What is missing before other teams can contribute?": the readiness score and the
 * checklist of readiness rules, with what to do about each failure.
 *
 * @internal
 */
export function ReadinessCard(props: ReadinessCardProps) {
  const { lint } = props;
  const classes = useStyles();
  const applicable = lint.passed + lint.failed;

  return (
    <InfoCard
      title="What is missing before other teams can contribute?"
      subheader="Readiness: how well the entity is documented and set up for contributions"
      variant="gridItem"
    >
      <Box display="flex" alignItems="center" gridGap={24}>
        <ReadinessScore score={lint.score} />
        <Box>
          <Typography variant="body1">
            {pluralize(lint.errors, 'error')},{' '}
            {pluralize(lint.warnings, 'warning')}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {lint.passed} of {pluralize(applicable, 'applicable check')} pass
          </Typography>
        </Box>
      </Box>

      {lint.findings.length === 0 ? (
        <Typography className={classes.category} color="textSecondary">
          No readiness rules apply to this entity.
        </Typography>
      ) : (
        groupFindings(lint.findings).map(group => (
          <Box key={group.category} component="section">
            <Typography
              variant="subtitle2"
              component="h3"
              className={classes.category}
            >
              {group.category}
            </Typography>
            <List dense aria-label={`${group.category} checks`}>
              {group.findings.map(finding => (
                <FindingItem key={finding.ruleId} finding={finding} />
              ))}
            </List>
          </Box>
        ))
      )}
    </InfoCard>
  );
}
