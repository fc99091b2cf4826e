import { useApi } from '@backstage/core-plugin-api';
import type { ProgramSummary } from '@innersource-backstage/plugin-innersource-common';
import Grid, { GridSize } from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { innerSourceApiRef } from '../../api';
import { AdoptionTrendCard } from './AdoptionTrendCard';
import { BusinessUnitReuseCard } from './BusinessUnitReuseCard';
import { HistoryTrendProps } from './common/HistoryTrendCard';
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

/** A card of a section: the whole row on small screens, `lg` twelfths of it on large ones. */
function SectionCard(props: { lg?: GridSize; children: ReactNode }) {
  return (
    <Grid item xs={12} lg={props.lg}>
      {props.children}
    </Grid>
  );
}

/** The stored daily history of the summary, as the trend cards take it. */
function historyOf(summary: ProgramSummary): HistoryTrendProps {
  return {
    points: summary.adoption,
    interval: summary.interval,
    computedAt: summary.computedAt,
  };
}

/** @internal */
export interface SummarySectionProps {
  summary: ProgramSummary;
}

/**
 * Adoption: is InnerSource growing?
 *
 * @internal
 */
export function AdoptionSection(props: SummarySectionProps) {
  const { summary } = props;
  return (
    <Section title="Adoption" question="Is InnerSource growing?">
      <SectionCard lg={8}>
        <AdoptionTrendCard {...historyOf(summary)} />
      </SectionCard>
      <SectionCard lg={4}>
        <ReadinessLevelsCard
          levels={summary.levels}
          computedAt={summary.computedAt}
        />
      </SectionCard>
    </Section>
  );
}

/**
 * Reuse: where does reuse happen?
 *
 * @internal
 */
export function ReuseSection(props: SummarySectionProps) {
  const { summary } = props;
  return (
    <Section title="Reuse" question="Where does reuse happen?">
      <SectionCard>
        <TopUsedProjectsCard
          projects={summary.topUsedProjects}
          computedAt={summary.computedAt}
        />
      </SectionCard>
      <SectionCard lg={6}>
        <BusinessUnitReuseCard
          businessUnits={summary.businessUnits}
          cells={summary.reuseMatrix}
          computedAt={summary.computedAt}
        />
      </SectionCard>
      <SectionCard lg={6}>
        <CrossTeamDependenciesCard {...historyOf(summary)} />
      </SectionCard>
    </Section>
  );
}

/**
 * Collaboration: which teams contribute to which?
 *
 * @internal
 */
export function CollaborationSection(props: SummarySectionProps) {
  const { summary } = props;
  const window = PROGRAM_WINDOW_PHRASES[summary.window];
  return (
    <Section
      title="Collaboration"
      question="Which teams contribute to which teams' projects?"
    >
      <SectionCard>
        <ContributionFlowCard
          flows={summary.flows}
          window={window}
          computedAt={summary.computedAt}
        />
      </SectionCard>
      <SectionCard lg={8}>
        <OutsideContributionsCard
          weekly={summary.weeklyContributions}
          window={window}
          computedAt={summary.computedAt}
        />
      </SectionCard>
      <SectionCard lg={4}>
        <DistanceCard
          histogram={summary.distanceHistogram}
          window={window}
          computedAt={summary.computedAt}
        />
      </SectionCard>
    </Section>
  );
}

/**
 * Risks: what blocks projects from being InnerSource-ready?
 *
 * @internal
 */
export function RisksSection(props: SummarySectionProps) {
  const { summary } = props;
  return (
    <Section
      title="Risks"
      question="What blocks projects from being InnerSource-ready?"
    >
      <SectionCard lg={7}>
        <AbsenceFactorRiskCard
          projects={summary.risks.absenceFactorOne}
          window={PROGRAM_WINDOW_PHRASES[summary.window]}
          computedAt={summary.computedAt}
        />
      </SectionCard>
      <SectionCard lg={5}>
        <StaleProjectsCard
          projects={summary.risks.stale}
          staleAfterDays={summary.staleAfterDays}
          computedAt={summary.computedAt}
        />
      </SectionCard>
      <SectionCard lg={6}>
        <RuleFailuresCard
          rules={summary.ruleFailures}
          computedAt={summary.computedAt}
        />
      </SectionCard>
      <SectionCard lg={6}>
        <ExpiredExceptionsCard
          exceptions={summary.expiredExceptions}
          computedAt={summary.computedAt}
        />
      </SectionCard>
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
      <SectionCard>
        <ScmOrganizationsCard
          organizations={value?.organizations}
          loading={loading}
          error={error}
        />
      </SectionCard>
    </Section>
  );
}
