import { useApi } from '@backstage/core-plugin-api';
import type { ProgramSummary } from '@innersource-backstage/plugin-innersource-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { innerSourceApiRef } from '../../api';
import { AdoptionTrendCard } from './AdoptionTrendCard';
import { BusinessUnitReuseCard } from './BusinessUnitReuseCard';
import { PROGRAM_WINDOW_PHRASES } from './common/windows';
import { ContributionFlowCard } from './ContributionFlowCard';
import { CrossTeamDependenciesCard } from './CrossTeamDependenciesCard';
import { DistanceCard } from './DistanceCard';
import { ExpiredExceptionsCard } from './ExpiredExceptionsCard';
import { OutsideContributionsCard } from './OutsideContributionsCard';
import { AbsenceFactorRiskCard, StaleProjectsCard } from './ProjectRiskCards';
import { ReadinessLevelsCard } from './ReadinessLevelsCard';
import { RuleFailuresCard } from './RuleFailuresCard';
import { ScmOrganizationsCard } from './ScmOrganizationsCard';
import { TopUsedProjectsCard } from './TopUsedProjectsCard';

const useStyles = makeStyles(theme => ({
  heading: {
    marginTop: theme.spacing(4),
    marginBottom: theme.spacing(1),
  },
}));

/** A titled section of the program view. */
function Section(props: {
  title: string;
  question: string;
  children: ReactNode;
}) {
  const classes = useStyles();
  const id = `program-${props.title.toLocaleLowerCase('en-US')}`;
  return (
    <section aria-labelledby={id}>
      <Typography
        variant="h5"
        component="h2"
        id={id}
        className={classes.heading}
      >
        {props.title}
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        {props.question}
      </Typography>
      <Grid container spacing={3} alignItems="stretch">
        {props.children}
      </Grid>
    </section>
  );
}

/**
 * Adoption: is InnerSource growing?
 *
 * @internal
 */
export function AdoptionSection(props: { summary: ProgramSummary }) {
  const { summary } = props;
  return (
    <Section title="Adoption" question="Is InnerSource growing?">
      <Grid item xs={12} lg={8}>
        <AdoptionTrendCard
          points={summary.adoption}
          interval={summary.interval}
          computedAt={summary.computedAt}
        />
      </Grid>
      <Grid item xs={12} lg={4}>
        <ReadinessLevelsCard
          levels={summary.levels}
          computedAt={summary.computedAt}
        />
      </Grid>
    </Section>
  );
}

/**
 * Reuse: where does reuse happen?
 *
 * @internal
 */
export function ReuseSection(props: { summary: ProgramSummary }) {
  const { summary } = props;
  return (
    <Section title="Reuse" question="Where does reuse happen?">
      <Grid item xs={12}>
        <TopUsedProjectsCard
          projects={summary.topUsedProjects}
          computedAt={summary.computedAt}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <BusinessUnitReuseCard
          businessUnits={summary.businessUnits}
          cells={summary.reuseMatrix}
          computedAt={summary.computedAt}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <CrossTeamDependenciesCard
          points={summary.adoption}
          interval={summary.interval}
          computedAt={summary.computedAt}
        />
      </Grid>
    </Section>
  );
}

/**
 * Collaboration: which teams contribute to which?
 *
 * @internal
 */
export function CollaborationSection(props: { summary: ProgramSummary }) {
  const { summary } = props;
  const window = PROGRAM_WINDOW_PHRASES[summary.window];
  return (
    <Section
      title="Collaboration"
      question="Which teams contribute to which teams' projects?"
    >
      <Grid item xs={12}>
        <ContributionFlowCard
          flows={summary.flows}
          window={window}
          computedAt={summary.computedAt}
        />
      </Grid>
      <Grid item xs={12} lg={8}>
        <OutsideContributionsCard
          weekly={summary.weeklyContributions}
          window={window}
          computedAt={summary.computedAt}
        />
      </Grid>
      <Grid item xs={12} lg={4}>
        <DistanceCard
          histogram={summary.distanceHistogram}
          window={window}
          computedAt={summary.computedAt}
        />
      </Grid>
    </Section>
  );
}

/**
 * Risks: what blocks projects from being InnerSource-ready?
 *
 * @internal
 */
export function RisksSection(props: { summary: ProgramSummary }) {
  const { summary } = props;
  return (
    <Section
      title="Risks"
      question="What blocks projects from being InnerSource-ready?"
    >
      <Grid item xs={12} lg={7}>
        <AbsenceFactorRiskCard
          projects={summary.risks.absenceFactorOne}
          window={PROGRAM_WINDOW_PHRASES[summary.window]}
          computedAt={summary.computedAt}
        />
      </Grid>
      <Grid item xs={12} lg={5}>
        <StaleProjectsCard
          projects={summary.risks.stale}
          staleAfterDays={summary.staleAfterDays}
          computedAt={summary.computedAt}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <RuleFailuresCard
          rules={summary.ruleFailures}
          computedAt={summary.computedAt}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <ExpiredExceptionsCard
          exceptions={summary.expiredExceptions}
          computedAt={summary.computedAt}
        />
      </Grid>
    </Section>
  );
}

/**
 * Platform: do the SCM organisation settings let teams work on each other's code? The settings
 * are the same for every business unit, so they are loaded once, apart from the summary.
 *
 * @internal
 */
export function PlatformSection() {
  const innerSourceApi = useApi(innerSourceApiRef);
  const { value, loading, error } = useAsync(
    () => innerSourceApi.getScmOrganizations(),
    [innerSourceApi],
  );
  return (
    <Section
      title="Platform"
      question="Do the SCM organisation settings let teams find, read and fork each other's repositories?"
    >
      <Grid item xs={12}>
        <ScmOrganizationsCard
          organizations={value?.organizations}
          loading={loading}
          error={error}
        />
      </Grid>
    </Section>
  );
}
