import { InfoCard, Link, MarkdownContent } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import IconButton from '@material-ui/core/IconButton';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import WarningIcon from '@material-ui/icons/Warning';
import type {
  LintFinding,
  LintSeverity,
  LintSummary,
  LintWaiver,
} from '@innersource-backstage/plugin-innersource-common';
import {
  ReadinessLevelChip,
  ReadinessScore,
  SeverityChip,
  SeverityIcon,
  pluralize,
} from '../shared';

const useStyles = makeStyles(theme => ({
  category: {
    marginTop: theme.spacing(3),
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
  headline: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(0.5),
  },
  hint: {
    padding: 2,
    color: theme.palette.text.secondary,
    cursor: 'help',
  },
  text: {
    // The Backstage theme keeps list item text on one line; findings wrap.
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
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
  details: {
    marginTop: theme.spacing(0.5),
  },
  files: {
    display: 'inline',
    listStyle: 'none',
    margin: 0,
    padding: 0,
    '& > li': {
      display: 'inline',
    },
    '& > li:not(:last-child)::after': {
      content: '", "',
    },
  },
  path: {
    fontFamily: 'monospace',
    fontSize: '0.95em',
    wordBreak: 'break-all',
  },
  waivedChip: {
    color: theme.palette.text.secondary,
    borderColor: theme.palette.text.secondary,
  },
  expiredChip: {
    color: theme.palette.warning.dark,
    borderColor: theme.palette.warning.main,
  },
  expiredIcon: {
    color: theme.palette.warning.main,
  },
}));

/** How the checklist names the categories of the built-in rules. */
const CATEGORY_TITLES: Record<string, string> = {
  metadata: 'Catalog metadata',
  documentation: 'Documentation',
  contributing: 'Contributing',
  ownership: 'Ownership',
  community: 'Community',
  legal: 'Legal',
  security: 'Security',
  discoverability: 'Discoverability',
  governance: 'Governance',
  'scm-policy': 'SCM policy',
};

/**
 * The heading of a category of readiness rules, e.g. `Catalog metadata` for `metadata`, and
 * other categories title-cased (`code-quality` as `Code Quality`).
 *
 * @internal
 */
export function categoryTitle(category: string): string {
  const known = CATEGORY_TITLES[category.toLocaleLowerCase('en-US')];
  if (known) {
    return known;
  }
  const words = category.split(/[\s_.-]+/).filter(Boolean);
  if (words.length === 0) {
    return 'Other';
  }
  return words
    .map(word => word.charAt(0).toLocaleUpperCase('en-US') + word.slice(1))
    .join(' ');
}

/** Whether an active exception waives the finding. */
function isWaived(finding: LintFinding): boolean {
  return finding.status === 'fail' && finding.waiver?.status === 'active';
}

/** Failures first, then waived failures, passes and rules that do not apply. */
function outcomeOrder(finding: LintFinding): number {
  if (finding.status === 'fail') {
    return isWaived(finding) ? 1 : 0;
  }
  return finding.status === 'pass' ? 2 : 3;
}

const SEVERITY_ORDER: Record<LintSeverity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/**
 * Groups findings by category, keeping the categories in the order they first appear and
 * listing failures first (most severe first), then failures waived by an exception, then
 * passes, then rules that do not apply.
 *
 * @internal
 */
export function groupFindings(
  findings: LintFinding[],
): Array<{ category: string; title: string; findings: LintFinding[] }> {
  const groups = new Map<string, LintFinding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.category) ?? [];
    group.push(finding);
    groups.set(finding.category, group);
  }
  return Array.from(groups, ([category, group]) => ({
    category,
    title: categoryTitle(category),
    findings: [...group].sort(
      (a, b) =>
        outcomeOrder(a) - outcomeOrder(b) ||
        (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3),
    ),
  }));
}

/** Only web links are rendered as links; anything else is shown as text. */
function isWebUrl(url: string | undefined): url is string {
  return !!url && /^https?:\/\//i.test(url);
}

/** An exception owner given as a full entity ref (`kind:namespace/name`) links to the entity. */
function WaiverOwner(props: { owner: string }) {
  const { owner } = props;
  if (/^[^:/\s]+:[^\s]+$/.test(owner)) {
    try {
      const ref = parseEntityRef(owner);
      return <EntityRefLink entityRef={ref} />;
    } catch {
      // Not an entity ref after all; show it as written.
    }
  }
  return <>{owner}</>;
}

const WAIVER_SOURCES: Record<LintWaiver['source'], string> = {
  config: 'from config',
  annotation: 'from annotation',
};

function WaiverText(props: { waiver: LintWaiver }) {
  const { waiver } = props;
  const source = WAIVER_SOURCES[waiver.source] ?? `from ${waiver.source}`;
  return (
    <Typography variant="body2" color="textPrimary" component="p">
      {waiver.status === 'active' ? (
        <>
          Exception by <WaiverOwner owner={waiver.owner} /> until{' '}
          {waiver.expires}: {waiver.reason} ({source})
        </>
      ) : (
        <>
          Exception by <WaiverOwner owner={waiver.owner} /> expired on{' '}
          {waiver.expires}: {waiver.reason} ({source})
        </>
      )}
    </Typography>
  );
}

function FindingFiles(props: { finding: LintFinding }) {
  const { finding } = props;
  const classes = useStyles();
  const files = finding.files ?? [];
  if (files.length === 0) {
    return null;
  }
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      component="div"
      className={classes.details}
    >
      {files.length === 1 ? 'File' : 'Files'}:{' '}
      <ul className={classes.files} aria-label={`Files: ${finding.title}`}>
        {files.map(file => (
          <li key={file.path}>
            {isWebUrl(file.url) ? (
              <Link to={file.url} className={classes.path}>
                {file.path}
              </Link>
            ) : (
              <code className={classes.path}>{file.path}</code>
            )}
          </li>
        ))}
      </ul>
    </Typography>
  );
}

function FindingItem(props: { finding: LintFinding }) {
  const { finding } = props;
  const classes = useStyles();
  const waived = isWaived(finding);
  const failing = finding.status === 'fail' && !waived;
  const expired =
    finding.status === 'fail' && finding.waiver?.status === 'expired';

  return (
    <ListItem
      alignItems="flex-start"
      disableGutters
      className={
        finding.status === 'not-applicable' ? classes.notApplicable : undefined
      }
    >
      <ListItemIcon className={classes.icon}>
        <SeverityIcon
          status={finding.status}
          severity={finding.severity}
          waived={waived}
        />
      </ListItemIcon>
      <ListItemText
        className={classes.text}
        disableTypography
        primary={
          <Box className={classes.title}>
            <Typography variant="body1" component="span">
              {finding.title}
            </Typography>
            <SeverityChip severity={finding.severity} muted={!failing} />
            {waived && (
              <Chip
                size="small"
                variant="outlined"
                className={classes.waivedChip}
                icon={
                  <VerifiedUserIcon
                    fontSize="small"
                    className={classes.waivedChip}
                  />
                }
                label="Waived"
              />
            )}
            {expired && (
              <Chip
                size="small"
                variant="outlined"
                className={classes.expiredChip}
                icon={
                  <WarningIcon
                    fontSize="small"
                    className={classes.expiredIcon}
                  />
                }
                label={`Exception expired ${finding.waiver!.expires}`}
              />
            )}
          </Box>
        }
        secondary={
          <>
            <Typography variant="body2" color="textSecondary">
              {finding.message}
            </Typography>
            {finding.status === 'fail' && finding.waiver && (
              <WaiverText waiver={finding.waiver} />
            )}
            <FindingFiles finding={finding} />
            {finding.status === 'fail' && finding.remediation && (
              <Box
                className={classes.remediation}
                aria-label={`How to fix: ${finding.title}`}
              >
                <MarkdownContent content={finding.remediation} />
              </Box>
            )}
            {finding.status === 'fail' && isWebUrl(finding.guidanceUrl) && (
              <Typography
                variant="body2"
                component="div"
                className={classes.details}
              >
                <Link
                  to={finding.guidanceUrl}
                  aria-label={`Guidance: ${finding.title}`}
                >
                  Guidance
                </Link>
              </Typography>
            )}
          </>
        }
      />
    </ListItem>
  );
}

const PROFILE_HINT =
  'The lint profile decides which readiness rules apply and how severe they are. An entity chooses one with the innersource.io/lint-profile annotation; otherwise the innersource.lint config picks it (profile selection by kind, type, lifecycle or tag, else the default profile).';

/** @internal */
export interface ReadinessCardProps {
  lint: LintSummary;
}

/**
 * Answers "What is missing before other teams can contribute?": the readiness level, score and
 * lint profile, and the checklist of readiness rules with what to do about each failure and
 * the exceptions granted.
 *
 * @internal
 */
export function ReadinessCard(props: ReadinessCardProps) {
  const { lint } = props;
  const classes = useStyles();
  const waived = lint.waived ?? 0;
  const applicable = lint.passed + lint.failed + waived;

  return (
    <InfoCard
      title="What is missing before other teams can contribute?"
      subheader="Readiness: how well the entity is documented and set up for contributions"
      variant="gridItem"
    >
      <Box display="flex" alignItems="center" gridGap={24}>
        <ReadinessScore score={lint.score} />
        <Box>
          <Box className={classes.headline}>
            {lint.level && (
              <ReadinessLevelChip
                level={lint.level}
                score={lint.score}
                size="medium"
              />
            )}
            {lint.profile && (
              <Typography
                variant="body2"
                color="textSecondary"
                component="span"
                className={classes.title}
              >
                <span>
                  Profile: <strong>{lint.profile}</strong>
                </span>
                <Tooltip title={PROFILE_HINT}>
                  <IconButton
                    size="small"
                    className={classes.hint}
                    aria-label="About lint profiles"
                  >
                    <InfoOutlinedIcon fontSize="inherit" />
                  </IconButton>
                </Tooltip>
              </Typography>
            )}
          </Box>
          <Typography variant="body1">
            {pluralize(lint.errors, 'error')},{' '}
            {pluralize(lint.warnings, 'warning')}, {waived} waived
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
              {group.title}
            </Typography>
            <List dense aria-label={`${group.title} checks`}>
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
