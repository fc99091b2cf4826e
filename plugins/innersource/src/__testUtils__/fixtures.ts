import type { Entity } from '@backstage/catalog-model';
import type {
  ContributionSummary,
  EntityInnerSourceResponse,
  ProjectListItem,
  ProjectListResponse,
  ScmSummary,
  ScmWindowFigures,
  SharingClassification,
  WeeklyCommits,
} from '@innersource-backstage/plugin-innersource-common';

/** The catalog entity whose tab the tests render. */
export const paymentsEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-service',
    namespace: 'default',
    title: 'Payments Service',
    description: 'Takes card and invoice payments',
    tags: ['java', 'innersource'],
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-payments',
  },
};

/**
 * Spreads `total` over the weeks in proportion to `weights`, rounding so that the weeks add up
 * to exactly `total`.
 */
function spread(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let assigned = 0;
  return weights.map(weight => {
    cumulative += weight;
    const upTo = Math.round((cumulative / sum) * total);
    const value = upTo - assigned;
    assigned = upTo;
    return value;
  });
}

/** 52 weeks ending with the week of 2025-06-02, oldest first, adding up to the 365-day window. */
function weeklyCommits(): WeeklyCommits[] {
  const weeks = Array.from({ length: 52 }, (_, index) => {
    const day = new Date(Date.UTC(2025, 5, 2) - (51 - index) * 7 * 86_400_000);
    return day.toISOString().slice(0, 10);
  });
  // Quiet over the new year, busier in spring when other teams started contributing.
  const ownerWeights = weeks.map((_, index) =>
    index >= 28 && index <= 30 ? 0.5 : 2 + ((index * 7) % 5),
  );
  const outsideWeights = weeks.map((_, index) => {
    if (index >= 20) {
      return 1 + ((index * 3) % 4);
    }
    return index % 3 === 0 ? 1 : 0;
  });
  const unknownWeights = weeks.map((_, index) =>
    [9, 33, 44, 50].includes(index) ? 1 : 0,
  );
  const ownerTeam = spread(160, ownerWeights);
  const outside = spread(98, outsideWeights);
  const unknown = spread(4, unknownWeights);
  return weeks.map((weekStart, index) => ({
    weekStart,
    ownerTeam: ownerTeam[index],
    outside: outside[index],
    unknown: unknown[index],
  }));
}

/** Contribution figures of the payments service read from its git history. */
export const paymentsContributions: ContributionSummary = {
  repository: {
    cloneUrl: 'https://git.example.com/finance/payments.git',
    path: 'services/payments',
    headSha: '9f2c4e1d7b3a5c8e0f6d2b4a1c3e5f7a9b0d2c4e',
    syncedAt: '2025-06-02T03:55:00.000Z',
    firstCommitAt: '2021-03-15T09:12:00.000Z',
    lastCommitAt: '2025-05-30T16:42:00.000Z',
    stale: false,
  },
  windows: [
    {
      window: '30d',
      commits: 24,
      ownerTeamCommits: 15,
      outsideCommits: 8,
      unknownCommits: 1,
      botCommits: 6,
      innerSourceRatio: 8 / 23,
      outsideContributors: 3,
      ownerTeamContributors: 4,
      newOutsideContributors: 1,
      outsideTeams: [
        {
          teamRef: 'group:default/team-checkout',
          title: 'Team Checkout',
          commits: 5,
          contributors: 2,
        },
        {
          teamRef: 'group:default/team-claims',
          title: 'Team Claims',
          commits: 3,
          contributors: 1,
        },
      ],
      distanceHistogram: { '0': 15, '2': 5, '4': 3, unknown: 1 },
      absenceFactor: 2,
      elephantFactor: 1,
      unknownAuthors: 1,
      topOutsideContributors: [
        {
          userRef: 'user:default/ana.lima',
          displayName: 'Ana Lima',
          teamRef: 'group:default/team-checkout',
          commits: 4,
          distance: 2,
        },
        {
          userRef: 'user:default/ben.okafor',
          displayName: 'Ben Okafor',
          teamRef: 'group:default/team-claims',
          commits: 3,
          distance: 4,
        },
        {
          userRef: 'user:default/chris.wu',
          displayName: 'Chris Wu',
          teamRef: 'group:default/team-checkout',
          commits: 1,
          distance: 2,
        },
      ],
    },
    {
      window: '90d',
      commits: 71,
      ownerTeamCommits: 48,
      outsideCommits: 20,
      unknownCommits: 3,
      botCommits: 17,
      innerSourceRatio: 20 / 68,
      outsideContributors: 5,
      ownerTeamContributors: 5,
      newOutsideContributors: 2,
      outsideTeams: [
        {
          teamRef: 'group:default/team-checkout',
          title: 'Team Checkout',
          commits: 12,
          contributors: 3,
        },
        {
          teamRef: 'group:default/team-claims',
          title: 'Team Claims',
          commits: 8,
          contributors: 2,
        },
      ],
      distanceHistogram: { '0': 48, '2': 12, '4': 8, unknown: 3 },
      absenceFactor: 2,
      elephantFactor: 1,
      unknownAuthors: 2,
      topOutsideContributors: [
        {
          userRef: 'user:default/ana.lima',
          displayName: 'Ana Lima',
          teamRef: 'group:default/team-checkout',
          commits: 9,
          distance: 2,
        },
        {
          userRef: 'user:default/ben.okafor',
          displayName: 'Ben Okafor',
          teamRef: 'group:default/team-claims',
          commits: 6,
          distance: 4,
        },
      ],
    },
    {
      window: '365d',
      commits: 262,
      ownerTeamCommits: 160,
      outsideCommits: 98,
      unknownCommits: 4,
      botCommits: 51,
      innerSourceRatio: 98 / 258,
      outsideContributors: 9,
      ownerTeamContributors: 6,
      newOutsideContributors: 4,
      outsideTeams: [
        {
          teamRef: 'group:default/team-checkout',
          title: 'Team Checkout',
          commits: 52,
          contributors: 4,
        },
        {
          teamRef: 'group:default/team-claims',
          title: 'Team Claims',
          commits: 31,
          contributors: 3,
        },
        {
          teamRef: 'group:default/team-platform',
          title: 'Team Platform',
          commits: 15,
          contributors: 2,
        },
      ],
      distanceHistogram: { '0': 160, '1': 15, '2': 52, '4': 31, unknown: 4 },
      absenceFactor: 3,
      elephantFactor: 1,
      unknownAuthors: 2,
      topOutsideContributors: [
        {
          userRef: 'user:default/ana.lima',
          displayName: 'Ana Lima',
          teamRef: 'group:default/team-checkout',
          commits: 24,
          distance: 2,
        },
        {
          userRef: 'user:default/ben.okafor',
          displayName: 'Ben Okafor',
          teamRef: 'group:default/team-claims',
          commits: 18,
          distance: 4,
        },
        {
          userRef: 'user:default/chris.wu',
          displayName: 'Chris Wu',
          teamRef: 'group:default/team-checkout',
          commits: 12,
          distance: 2,
        },
        {
          userRef: 'user:default/dara.singh',
          displayName: 'Dara Singh',
          teamRef: 'group:default/team-platform',
          commits: 9,
          distance: 1,
        },
        {
          displayName: 'Eli Novak',
          commits: 7,
        },
      ],
    },
    {
      window: 'all',
      commits: 1180,
      ownerTeamCommits: 905,
      outsideCommits: 255,
      unknownCommits: 20,
      botCommits: 240,
      innerSourceRatio: 255 / 1160,
      outsideContributors: 17,
      ownerTeamContributors: 11,
      newOutsideContributors: 17,
      outsideTeams: [
        {
          teamRef: 'group:default/team-checkout',
          title: 'Team Checkout',
          commits: 131,
          contributors: 7,
        },
        {
          teamRef: 'group:default/team-claims',
          title: 'Team Claims',
          commits: 74,
          contributors: 5,
        },
        {
          teamRef: 'group:default/team-platform',
          title: 'Team Platform',
          commits: 50,
          contributors: 5,
        },
      ],
      distanceHistogram: {
        '0': 905,
        '1': 50,
        '2': 131,
        '4': 74,
        unknown: 20,
      },
      absenceFactor: 2,
      elephantFactor: 1,
      unknownAuthors: 6,
      topOutsideContributors: [
        {
          userRef: 'user:default/ana.lima',
          displayName: 'Ana Lima',
          teamRef: 'group:default/team-checkout',
          commits: 61,
          distance: 2,
        },
        {
          userRef: 'user:default/ben.okafor',
          displayName: 'Ben Okafor',
          teamRef: 'group:default/team-claims',
          commits: 40,
          distance: 4,
        },
      ],
    },
  ],
  weekly: weeklyCommits(),
  activity: { score: 412, level: 'high' },
  hasContributingGuide: false,
};

/** A realistic backend answer for the payments service, stale after a failed refresh. */
export const paymentsResponse: EntityInnerSourceResponse = {
  result: {
    entity: {
      entityRef: 'component:default/payments-service',
      kind: 'Component',
      namespace: 'default',
      name: 'payments-service',
      title: 'Payments Service',
      description: 'Takes card and invoice payments',
      type: 'service',
      lifecycle: 'production',
      ownerRef: 'group:default/team-payments',
      ownerTitle: 'Team Payments',
      businessUnitRef: 'group:default/finance',
      tags: ['java', 'innersource'],
      innerSource: true,
    },
    usage: {
      count: 3,
      businessUnitCount: 2,
      businessUnits: [
        {
          entityRef: 'group:default/retail',
          title: 'Retail Banking',
          consumerCount: 2,
        },
        {
          entityRef: 'group:default/insurance',
          title: 'Insurance',
          consumerCount: 1,
        },
      ],
      unknownBusinessUnitCount: 0,
      consumers: [
        {
          entityRef: 'component:default/checkout-web',
          title: 'Checkout Web',
          relations: [{ type: 'dependsOn' }],
          ownerRef: 'group:default/team-checkout',
          businessUnitRef: 'group:default/retail',
        },
        {
          entityRef: 'component:default/mobile-app',
          relations: [{ type: 'consumesApi', via: 'api:default/payments-api' }],
          ownerRef: 'group:default/team-mobile',
          businessUnitRef: 'group:default/retail',
        },
        {
          entityRef: 'component:default/claims-portal',
          title: 'Claims Portal',
          relations: [
            { type: 'manifest', via: 'services/claims/package.json' },
          ],
          ownerRef: 'group:default/team-claims',
          businessUnitRef: 'group:default/insurance',
        },
      ],
    },
    lint: {
      score: 59,
      passed: 3,
      failed: 3,
      errors: 1,
      warnings: 2,
      waived: 1,
      level: 'bronze',
      profile: 'contributions-welcome',
      findings: [
        {
          ruleId: 'metadata.description',
          title: 'Has a description',
          category: 'metadata',
          severity: 'error',
          status: 'pass',
          message: 'Expected a description; found one of 31 characters.',
          remediation: 'Add `metadata.description` to catalog-info.yaml.',
        },
        {
          ruleId: 'docs.contributing',
          title: 'Has a contribution guide',
          category: 'documentation',
          severity: 'error',
          status: 'fail',
          message: 'Expected a CONTRIBUTING.md link; found none.',
          remediation:
            'Add a CONTRIBUTING.md and link it under `metadata.links` with the title "Contributing".',
          guidanceUrl:
            'https://patterns.innersourcecommons.org/p/base-documentation',
        },
        {
          ruleId: 'readme.sections',
          title: 'README explains how to get started',
          category: 'documentation',
          severity: 'warning',
          status: 'fail',
          message:
            'Expected the sections "Getting started" and "Contributing"; found neither.',
          remediation:
            'Add a **Getting started** and a **Contributing** section to the README.',
          files: [
            {
              path: 'services/payments/README.md',
              url: 'https://git.example.com/finance/payments/blob/main/services/payments/README.md',
            },
            { path: 'services/payments/docs/index.md' },
          ],
        },
        {
          ruleId: 'docs.techdocs',
          title: 'Has TechDocs',
          category: 'documentation',
          severity: 'warning',
          status: 'fail',
          message:
            'Expected the backstage.io/techdocs-ref annotation; found none.',
          remediation: 'Set up TechDocs for the repository.',
          waiver: {
            status: 'expired',
            owner: 'group:default/team-payments',
            reason: 'Docs move to TechDocs with the Q2 platform upgrade',
            expires: '2025-05-31',
            source: 'annotation',
          },
        },
        {
          ruleId: 'ownership.owner',
          title: 'Has an owner',
          category: 'ownership',
          severity: 'error',
          status: 'pass',
          message: 'Expected an owner; found group:default/team-payments.',
          remediation: 'Set `spec.owner`.',
        },
        {
          ruleId: 'api.definition',
          title: 'API has a definition',
          category: 'ownership',
          severity: 'info',
          status: 'not-applicable',
          message: 'Only applies to APIs.',
          remediation: 'Add a definition.',
        },
        {
          ruleId: 'legal.license',
          title: 'Has a licence',
          category: 'legal',
          severity: 'error',
          status: 'fail',
          message: 'Expected a LICENSE file; found none.',
          remediation: 'Add a LICENSE file with the internal licence text.',
          guidanceUrl: 'https://example.com/legal/inner-source-licence',
          waiver: {
            status: 'active',
            owner: 'Legal Office',
            reason: 'Internal licence text is being approved',
            expires: '2025-12-31',
            source: 'config',
          },
        },
        {
          ruleId: 'code-quality.ci',
          title: 'Builds in CI',
          category: 'code-quality',
          severity: 'info',
          status: 'pass',
          message: 'Expected a CI configuration; found .github/workflows.',
          remediation: 'Add a CI pipeline.',
          files: [
            {
              path: '.github/workflows/build.yml',
              url: 'https://git.example.com/finance/payments/blob/main/.github/workflows/build.yml',
            },
          ],
        },
      ],
    },
    contributions: paymentsContributions,
    computedAt: '2025-06-02T04:00:00.000Z',
    status: {
      stale: true,
      lastError: 'Catalog request timed out after 30s',
      lastErrorAt: '2025-06-03T04:00:00.000Z',
    },
  },
  history: [
    {
      day: '2025-05-31',
      usageCount: 1,
      businessUnitCount: 1,
      lintScore: 40,
      lintErrors: 2,
      lintWarnings: 2,
      readinessLevel: 'none',
    },
    {
      day: '2025-06-01',
      usageCount: 2,
      businessUnitCount: 1,
      lintScore: 82,
      lintErrors: 0,
      lintWarnings: 2,
      readinessLevel: 'silver',
    },
    {
      day: '2025-06-02',
      usageCount: 3,
      businessUnitCount: 2,
      lintScore: 59,
      lintErrors: 1,
      lintWarnings: 2,
      readinessLevel: 'bronze',
    },
  ],
};

function project(
  name: string,
  overrides: Partial<ProjectListItem> = {},
  entity: Partial<ProjectListItem['entity']> = {},
): ProjectListItem {
  return {
    entity: {
      entityRef: `component:default/${name}`,
      kind: 'Component',
      namespace: 'default',
      name,
      type: 'service',
      lifecycle: 'production',
      ownerRef: 'group:default/team-payments',
      ownerTitle: 'Team Payments',
      businessUnitRef: 'group:default/finance',
      tags: [],
      innerSource: false,
      ...entity,
    },
    usageCount: 0,
    businessUnitCount: 0,
    lintScore: 50,
    lintErrors: 0,
    lintWarnings: 0,
    computedAt: '2025-06-02T04:00:00.000Z',
    stale: false,
    ...overrides,
  };
}

/** A first page of a listing of 30 projects. */
export const projectsResponse: ProjectListResponse = {
  items: [
    project(
      'payments-service',
      {
        usageCount: 12,
        businessUnitCount: 4,
        activityScore: 412,
        activityLevel: 'high',
        innerSourceRatio: 98 / 258,
        lintScore: 86,
        readinessLevel: 'silver',
        lastActivityAt: '2025-05-30T16:42:00.000Z',
        stale: true,
      },
      {
        title: 'Payments Service',
        description: 'Takes card and invoice payments',
        tags: ['java', 'innersource'],
        innerSource: true,
        language: 'Java',
        acceptingContributions: true,
        ownerPath: ['group:default/team-payments', 'group:default/finance'],
        innerSourceMetadata: {
          title: 'Payments',
          motivation:
            'One way to take payments across ACME, so that no team builds its own.',
          contributions: [
            'Support for SEPA instant transfers',
            'Clearer messages for declined cards',
          ],
          skills: ['Java', 'Spring Boot', 'Payments domain'],
          docs: 'https://docs.example.com/payments',
          language: 'Java',
        },
      },
    ),
    project(
      'identity-api',
      {
        usageCount: 7,
        businessUnitCount: 3,
        lintScore: 45,
        lintErrors: 2,
        readinessLevel: 'none',
      },
      {
        entityRef: 'api:default/identity-api',
        kind: 'API',
        type: 'openapi',
        title: 'Identity API',
        description: 'Sign-in and user profiles',
        ownerRef: 'group:default/team-identity',
        ownerTitle: 'Team Identity',
        tags: ['rest'],
      },
    ),
    project(
      'legacy-ledger',
      {
        usageCount: 2,
        businessUnitCount: 1,
        activityScore: 0,
        activityLevel: 'none',
        lintScore: 30,
        readinessLevel: 'none',
        lastActivityAt: '2024-01-15T10:00:00.000Z',
        inactive: true,
      },
      {
        title: 'Legacy Ledger',
        description: 'The old general ledger, kept for audits',
        type: 'library',
        lifecycle: 'deprecated',
        language: 'Java',
        tags: ['java'],
      },
    ),
  ],
  totalCount: 30,
  offset: 0,
  limit: 24,
  nextOffset: 24,
};

/** Facet counts of the listing of 30 projects, as the backend sends them when asked. */
export const projectFacets: NonNullable<ProjectListResponse['facets']> = {
  kind: [
    { value: 'component', count: 20 },
    { value: 'api', count: 10 },
  ],
  type: [
    { value: 'service', count: 18 },
    { value: 'openapi', count: 10 },
    { value: 'library', count: 2 },
  ],
  lifecycle: [
    { value: 'production', count: 25 },
    { value: 'deprecated', count: 5 },
  ],
  level: [
    { value: 'silver', count: 12 },
    { value: 'none', count: 10 },
    { value: 'bronze', count: 6 },
    { value: 'gold', count: 2 },
  ],
  activity: [
    { value: 'high', count: 8 },
    { value: 'moderate', count: 7 },
    { value: 'low', count: 5 },
    { value: 'none', count: 2 },
  ],
  language: [
    { value: 'Java', count: 12 },
    { value: 'TypeScript', count: 9 },
    { value: 'Go', count: 4 },
  ],
  tag: [
    { value: 'java', count: 12 },
    { value: 'innersource', count: 8 },
    { value: 'rest', count: 6 },
  ],
  businessUnit: [
    { value: 'group:default/finance', count: 18 },
    { value: 'group:default/retail', count: 12 },
  ],
};

/** The listing of 30 projects with its facet counts. */
export const facetedProjectsResponse: ProjectListResponse = {
  ...projectsResponse,
  facets: projectFacets,
};

/** An empty listing. */
export const emptyProjectsResponse: ProjectListResponse = {
  items: [],
  totalCount: 0,
  offset: 0,
  limit: 24,
};

/** Pull request and issue figures of one window. */
function scmWindow(
  window: ScmWindowFigures['window'],
  figures: Omit<ScmWindowFigures, 'window'>,
): ScmWindowFigures {
  return { window, ...figures };
}

/** What GitHub tells about the payments service's repository. */
export const paymentsScm: ScmSummary = {
  provider: 'github',
  url: 'https://github.com/acme/payments-service',
  visibility: 'internal',
  forkingAllowed: true,
  archived: false,
  defaultBranch: 'main',
  branchProtection: { protected: true, requiredApprovingReviews: 1 },
  stars: 128,
  forks: 14,
  watchers: 23,
  openIssues: 17,
  topics: ['payments', 'java'],
  goodFirstIssues: {
    count: 4,
    helpWantedCount: 2,
    items: [
      {
        number: 231,
        title: 'Support SEPA instant transfers',
        url: 'https://github.com/acme/payments-service/issues/231',
        labels: ['good first issue', 'help wanted'],
        createdAt: '2025-05-28T09:00:00.000Z',
      },
      {
        number: 219,
        title: 'Clearer message for declined cards',
        url: 'https://github.com/acme/payments-service/issues/219',
        labels: ['good first issue'],
        createdAt: '2025-05-12T14:30:00.000Z',
      },
      {
        number: 187,
        title: 'Document the refund webhook',
        url: 'https://github.com/acme/payments-service/issues/187',
        labels: ['good first issue', 'documentation'],
        createdAt: '2025-04-02T08:15:00.000Z',
      },
    ],
  },
  windows: [
    scmWindow('30d', {
      pullRequests: 18,
      outsidePullRequests: 5,
      outsideMerged: 3,
      outsideClosedUnmerged: 1,
      outsideAcceptanceRatio: 0.75,
      issues: 9,
      outsideIssues: 4,
      outsidePullRequestResponse: {
        responded: 4,
        waiting: 1,
        medianHours: 0.5,
        p90Hours: 30,
      },
      outsideIssueResponse: {
        responded: 3,
        waiting: 1,
        medianHours: 20,
        p90Hours: 70,
      },
      innerSourceRatio: {
        commits: 8 / 23,
        pullRequests: 5 / 18,
        issues: 4 / 9,
        combined: 17 / 50,
      },
    }),
    scmWindow('90d', {
      pullRequests: 44,
      outsidePullRequests: 12,
      outsideMerged: 8,
      outsideClosedUnmerged: 2,
      outsideAcceptanceRatio: 0.8,
      issues: 21,
      outsideIssues: 9,
      outsidePullRequestResponse: {
        responded: 11,
        waiting: 1,
        medianHours: 4,
        p90Hours: 40,
      },
      outsideIssueResponse: {
        responded: 7,
        waiting: 2,
        medianHours: 22,
        p90Hours: 120,
      },
      innerSourceRatio: {
        commits: 20 / 68,
        pullRequests: 12 / 44,
        issues: 9 / 21,
        combined: 41 / 133,
      },
    }),
    scmWindow('365d', {
      pullRequests: 140,
      outsidePullRequests: 42,
      outsideMerged: 30,
      outsideClosedUnmerged: 6,
      outsideAcceptanceRatio: 30 / 36,
      issues: 60,
      outsideIssues: 25,
      outsidePullRequestResponse: {
        responded: 38,
        waiting: 2,
        medianHours: 3.2,
        p90Hours: 52,
      },
      outsideIssueResponse: {
        responded: 20,
        waiting: 5,
        medianHours: 26,
        p90Hours: 240,
      },
      innerSourceRatio: {
        commits: 98 / 258,
        pullRequests: 42 / 140,
        issues: 25 / 60,
        combined: 165 / 458,
      },
    }),
  ],
  fetchedAt: '2025-06-02T03:50:00.000Z',
  stale: false,
};

/** The payments service is classified internal by a config rule. */
export const paymentsSharing: SharingClassification = {
  level: 'internal',
  source: 'rule',
  rule: 'kind component, tag innersource',
};

/** The payments service's results with SCM platform figures and the SCM policy checks. */
export const paymentsScmResponse: EntityInnerSourceResponse = {
  ...paymentsResponse,
  result: {
    ...paymentsResponse.result,
    scm: paymentsScm,
    sharing: paymentsSharing,
    lint: {
      ...paymentsResponse.result.lint,
      passed: paymentsResponse.result.lint.passed + 4,
      findings: [
        ...paymentsResponse.result.lint.findings,
        {
          ruleId: 'scm.innersource-first',
          title: 'Reusable code is visible to other teams (InnerSource-First)',
          category: 'scm-policy',
          severity: 'warning',
          status: 'pass',
          message:
            'The repository is internal, as fits a reusable entity classified internal by the config rule for kind component, tag innersource',
          remediation: 'Make the repository **internal**.',
        },
        {
          ruleId: 'scm.security-first',
          title:
            'Sensitive code is not visible beyond its audience (Security-First)',
          category: 'scm-policy',
          severity: 'error',
          status: 'not-applicable',
          message:
            'Not sensitive (classified internal by the config rule for kind component, tag innersource)',
          remediation: 'Make the repository **private**.',
        },
        {
          ruleId: 'scm.forking',
          title: 'Internal repository allows forking',
          category: 'scm-policy',
          severity: 'warning',
          status: 'pass',
          message: 'Forking is allowed',
          remediation: 'Allow forking in the repository settings.',
        },
        {
          ruleId: 'scm.branch-protection',
          title: 'Default branch is protected',
          category: 'scm-policy',
          severity: 'warning',
          status: 'pass',
          message: 'main is protected, 1 approving review required',
          remediation:
            'Protect the default branch and require at least one approving review.',
        },
        {
          ruleId: 'scm.good-first-issues',
          title: 'Has open good first issues',
          category: 'scm-policy',
          severity: 'info',
          status: 'pass',
          message: '4 open good first issues, 2 help wanted',
          remediation: 'Label a few issues `good first issue`.',
        },
      ],
    },
  },
};

/** The first page of the listing when an SCM provider reads some of the repositories. */
export const scmProjectsResponse: ProjectListResponse = {
  ...facetedProjectsResponse,
  items: facetedProjectsResponse.items.map(item => {
    if (item.entity.name === 'payments-service') {
      return { ...item, stars: 128, goodFirstIssueCount: 4 };
    }
    if (item.entity.name === 'identity-api') {
      return { ...item, stars: 9, goodFirstIssueCount: 0 };
    }
    return item;
  }),
};
