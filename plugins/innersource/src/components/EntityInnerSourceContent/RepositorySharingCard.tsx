import { InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type {
  ScmSummary,
  SharingClassification,
} from '@innersource-backstage/plugin-innersource-common';
import {
  Fact,
  FactList,
  Figure,
  FigureList,
  SHARING_LEVEL_AUDIENCES,
  SHARING_LEVEL_LABELS,
  Timestamp,
  VISIBILITY_LABELS,
  describeSharingSource,
  pluralize,
  providerName,
} from '../shared';

const useStyles = makeStyles(theme => ({
  block: {
    marginTop: theme.spacing(3),
  },
  heading: {
    marginBottom: theme.spacing(1),
  },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
  archived: {
    marginLeft: theme.spacing(1),
  },
}));

/** `acme/payments` for `https://github.com/acme/payments`: the part people recognise. */
function repositoryName(url: string): string {
  try {
    const path = new URL(url).pathname.replace(/^\/+|\/+$/g, '');
    return path || url;
  } catch {
    return url;
  }
}

/** The protection of the default branch in words. */
function describeProtection(scm: ScmSummary): string {
  const branch = scm.defaultBranch ?? 'Default branch';
  if (!scm.branchProtection) {
    return 'not readable with the configured credentials';
  }
  if (!scm.branchProtection.protected) {
    return `${branch}: not protected`;
  }
  const reviews = scm.branchProtection.requiredApprovingReviews;
  return `${branch}: protected, ${
    reviews > 0
      ? `${pluralize(reviews, 'approving review')} required`
      : 'no approving review required'
  }`;
}

/**
 * Warns that the last read of the SCM platform failed and the figures come from an earlier
 * read.
 *
 * @internal
 */
export function StaleScmAlert(props: { scm: ScmSummary }) {
  const { scm } = props;
  return (
    <Alert severity="warning">
      {providerName(scm.provider)} could not be read
      {scm.error && (
        <>
          : {scm.error.message} ({scm.error.kind}) at{' '}
          <Timestamp iso={scm.error.at} />
        </>
      )}
      ; showing figures from{' '}
      {scm.fetchedAt ? (
        <Timestamp iso={scm.fetchedAt} />
      ) : (
        'the last successful read'
      )}
    </Alert>
  );
}

/**
 * The sharing classification of the entity and what decided it.
 *
 * @internal
 */
export function SharingFacts(props: { sharing: SharingClassification }) {
  const { sharing } = props;
  return (
    <FactList label="Sharing">
      <Fact term="Classification">
        <strong>{SHARING_LEVEL_LABELS[sharing.level] ?? sharing.level}</strong>
        {SHARING_LEVEL_AUDIENCES[sharing.level] &&
          `: code for ${SHARING_LEVEL_AUDIENCES[sharing.level]}`}
      </Fact>
      <Fact term="Decided by">{describeSharingSource(sharing)}</Fact>
    </FactList>
  );
}

/** @internal */
export interface RepositorySharingCardProps {
  scm: ScmSummary;
  sharing?: SharingClassification;
}

/**
 * What the SCM platform says about the repository (where it is, who may see and fork it, how its
 * default branch is protected, how popular it is) and how widely its code is meant to be shared.
 *
 * @internal
 */
export function RepositorySharingCard(props: RepositorySharingCardProps) {
  const { scm, sharing } = props;
  const classes = useStyles();
  const provider = providerName(scm.provider);

  return (
    <InfoCard
      title="Repository and sharing"
      subheader="Who can find, read and fork the code"
      variant="gridItem"
    >
      {scm.stale && (
        <Box mb={2}>
          <StaleScmAlert scm={scm} />
        </Box>
      )}
      <FactList label="Repository">
        <Fact term="Provider">{provider}</Fact>
        <Fact term="Repository">
          <Link to={scm.url}>{repositoryName(scm.url)}</Link>
        </Fact>
        <Fact term="Visibility">
          {VISIBILITY_LABELS[scm.visibility] ?? scm.visibility}
          {scm.archived && (
            <Chip
              size="small"
              variant="outlined"
              label="Archived"
              className={classes.archived}
            />
          )}
        </Fact>
        <Fact term="Forking">
          {scm.forkingAllowed ? 'allowed' : 'not allowed'}
        </Fact>
        <Fact term="Branch protection">{describeProtection(scm)}</Fact>
        {scm.topics.length > 0 && (
          <Fact term="Topics">
            <span className={classes.chips}>
              {scm.topics.map(topic => (
                <Chip key={topic} size="small" label={topic} />
              ))}
            </span>
          </Fact>
        )}
        <Fact term={`Read from ${provider}`}>
          {scm.fetchedAt ? (
            <Timestamp iso={scm.fetchedAt} relative />
          ) : (
            'not yet'
          )}
        </Fact>
      </FactList>

      <Box className={classes.block}>
        <FigureList label="Repository popularity">
          <Figure label="Stars" value={scm.stars} />
          <Figure label="Forks" value={scm.forks} />
          <Figure label="Watchers" value={scm.watchers} />
          <Figure label="Open issues" value={scm.openIssues} />
        </FigureList>
      </Box>

      {sharing && (
        <Box component="section" className={classes.block}>
          <Typography
            variant="subtitle2"
            component="h3"
            className={classes.heading}
          >
            Sharing
          </Typography>
          <SharingFacts sharing={sharing} />
        </Box>
      )}
    </InfoCard>
  );
}
