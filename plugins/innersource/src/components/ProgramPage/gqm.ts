import { Gqm } from './common/ProgramCard';

/**
 * The goal, question and metric behind each figure of the program view (after the
 * Goal-Question-Metric model of *Managing InnerSource Projects*).
 *
 * @internal
 */
export const PROGRAM_GQM = {
  adoption: {
    goal: 'Grow InnerSource across the company',
    question: 'Is the number of InnerSource projects growing?',
    metric:
      'InnerSource projects (tagged innersource or inner-source, or with a CONTRIBUTING file) and all projects by readiness level, per period',
  },
  levels: {
    goal: 'Make projects ready for contributions from other teams',
    question: 'How many projects reach each readiness level?',
    metric: 'Projects per readiness level today',
  },
  topUsed: {
    goal: 'Reduce duplication',
    question: 'Which projects are reused the most?',
    metric:
      'Usage count: distinct entities that depend on a project or consume its APIs, and the business units they come from',
  },
  reuseMatrix: {
    goal: 'Reduce duplication across the organisation',
    question: "Which business units reuse which business units' projects?",
    metric:
      'Dependencies from the consumer business unit (rows) to the provider business unit (columns)',
  },
  crossTeam: {
    goal: 'Reduce duplication',
    question: 'Is reuse across team boundaries growing?',
    metric:
      'Cross-team dependencies: consumers owned by another team than the project they use, summed over the projects',
  },
  outsideContributions: {
    goal: 'Grow collaboration across teams',
    question: 'Do other teams contribute more over time?',
    metric:
      'Code contributions: commits per week by people outside the owning team, next to those of the owning teams',
  },
  flows: {
    goal: 'Grow collaboration across teams',
    question: "Which teams contribute to which teams' projects?",
    metric: 'Commits from the contributing team to the owning team',
  },
  distance: {
    goal: 'Find where InnerSource happens',
    question: 'How far from the owning team do contributions come from?',
    metric:
      'Contribution distance: levels up the Group tree from the contributor and back down to the owning team (0 = same team)',
  },
  absenceFactor: {
    goal: 'Keep projects sustainable',
    question: 'Which projects depend on a single person?',
    metric:
      'Contributor Absence Factor (CHAOSS) of 1: one person made at least half of the commits',
  },
  stale: {
    goal: 'Keep discovery current',
    question: 'Which projects are no longer maintained?',
    metric: 'Projects without a commit for the configured number of days',
  },
  ruleFailures: {
    goal: 'Improve the guidance for InnerSource readiness',
    question: 'Which readiness rules fail most often?',
    metric:
      'Projects failing each rule; failures waived by an exception in force are counted apart',
  },
  expiredExceptions: {
    goal: 'Keep exceptions to rules deliberate',
    question: 'Which exceptions have run out?',
    metric: 'Rule failures whose exception has expired',
  },
  scmOrganizations: {
    goal: 'Make code easy to find and contribute to across teams',
    question:
      "Do the SCM organisation settings let members read and fork each other's repositories?",
    metric:
      'Organisation settings read from GitHub and GitLab, checked against the InnerSource Commons recommendations',
  },
} satisfies Record<string, Gqm>;
