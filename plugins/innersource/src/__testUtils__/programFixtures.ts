import type {
  GroupProgramResponse,
  ProgramProjectFigure,
  ProgramSummary,
  ProgramWeeklyContributions,
  ScmOrganizationsResponse,
} from '@innersource-backstage/plugin-innersource-common';

const LEDGER_TEAM = {
  entityRef: 'group:default/team-ledger',
  title: 'Ledger Team',
};
const SHOP_TEAM = {
  entityRef: 'group:default/team-shop',
  title: 'Storefront Team',
};
const SEARCH_TEAM = {
  entityRef: 'group:default/team-search',
  title: 'Search Team',
};

/** The figures of the Ledger SDK in the program fixtures. */
export const ledgerSdkFigure: ProgramProjectFigure = {
  entityRef: 'component:default/ledger-sdk',
  title: 'Ledger SDK',
  kind: 'component',
  ownerRef: LEDGER_TEAM.entityRef,
  ownerTitle: LEDGER_TEAM.title,
  businessUnitRef: 'group:default/payments-bu',
  isInnerSource: true,
  readinessLevel: 'gold',
  lintScore: 100,
  usageCount: 5,
  businessUnitCount: 3,
  crossTeamDependencies: 4,
  commits: 40,
  outsideCommits: 12,
  absenceFactor: 2,
  lastCommitAt: '2026-11-20T10:00:00.000Z',
  stale: false,
};

const legacyBatch: ProgramProjectFigure = {
  entityRef: 'component:default/legacy-batch',
  title: 'Legacy Batch',
  kind: 'component',
  ownerRef: SHOP_TEAM.entityRef,
  ownerTitle: SHOP_TEAM.title,
  isInnerSource: false,
  readinessLevel: 'none',
  lintScore: 30,
  usageCount: 1,
  businessUnitCount: 1,
  crossTeamDependencies: 1,
  commits: 3,
  outsideCommits: 0,
  absenceFactor: 1,
  lastCommitAt: '2026-01-15T10:00:00.000Z',
  stale: true,
};

/** Four weeks, the third quiet. */
const weekly: ProgramWeeklyContributions[] = [
  { weekStart: '2026-11-02', ownerTeam: 5, outside: 2, unknown: 0 },
  { weekStart: '2026-11-09', ownerTeam: 3, outside: 4, unknown: 1 },
  { weekStart: '2026-11-16', ownerTeam: 0, outside: 0, unknown: 0 },
  { weekStart: '2026-11-23', ownerTeam: 2, outside: 6, unknown: 0 },
];

/** A program summary over a small organisation, computed on 2026-11-24. */
export const programSummary: ProgramSummary = {
  computedAt: '2026-11-24T10:00:00.000Z',
  window: '365d',
  interval: 'week',
  staleAfterDays: 180,
  groups: [
    { entityRef: 'group:default/acme', title: 'ACME', depth: 0 },
    {
      entityRef: 'group:default/payments-bu',
      title: 'Payments',
      depth: 1,
      parentRef: 'group:default/acme',
    },
    {
      entityRef: LEDGER_TEAM.entityRef,
      title: LEDGER_TEAM.title,
      depth: 2,
      parentRef: 'group:default/payments-bu',
    },
  ],
  totals: {
    projects: 12,
    innerSourceProjects: 5,
    projectsWithHistory: 9,
    crossTeamDependencies: 17,
    outsideCommits: 42,
    commits: 120,
  },
  adoption: [
    {
      period: '2026-11-09',
      day: '2026-11-13',
      projects: 11,
      innerSourceProjects: 3,
      levels: { none: 6, bronze: 3, silver: 1, gold: 1 },
      crossTeamDependencies: 14,
    },
    {
      period: '2026-11-16',
      day: '2026-11-20',
      projects: 12,
      innerSourceProjects: 4,
      levels: { none: 6, bronze: 3, silver: 2, gold: 1 },
      crossTeamDependencies: 15,
    },
    {
      period: '2026-11-23',
      day: '2026-11-24',
      projects: 12,
      innerSourceProjects: 5,
      levels: { none: 5, bronze: 3, silver: 2, gold: 2 },
      crossTeamDependencies: 17,
    },
  ],
  levels: [
    { level: 'none', projects: 5, innerSourceProjects: 0 },
    { level: 'bronze', projects: 3, innerSourceProjects: 1 },
    { level: 'silver', projects: 2, innerSourceProjects: 2 },
    { level: 'gold', projects: 2, innerSourceProjects: 2 },
  ],
  topUsedProjects: [ledgerSdkFigure, legacyBatch],
  businessUnits: [
    { entityRef: 'group:default/payments-bu', title: 'Payments' },
    { entityRef: 'group:default/retail-bu', title: 'Retail' },
  ],
  reuseMatrix: [
    {
      consumerBusinessUnitRef: 'group:default/payments-bu',
      providerBusinessUnitRef: 'group:default/payments-bu',
      dependencies: 2,
    },
    {
      consumerBusinessUnitRef: 'group:default/retail-bu',
      providerBusinessUnitRef: 'group:default/payments-bu',
      dependencies: 7,
    },
  ],
  weeklyContributions: weekly,
  flows: [
    { fromTeam: SHOP_TEAM, toTeam: LEDGER_TEAM, commits: 9, projects: 2 },
    { fromTeam: LEDGER_TEAM, toTeam: SHOP_TEAM, commits: 4, projects: 1 },
    { fromTeam: SEARCH_TEAM, toTeam: LEDGER_TEAM, commits: 3, projects: 1 },
  ],
  distanceHistogram: { '0': 78, '2': 30, '4': 12 },
  risks: {
    absenceFactorOne: [legacyBatch],
    stale: [legacyBatch],
  },
  ruleFailures: [
    {
      ruleId: 'readme.sections',
      title: 'README has the sections contributors need',
      category: 'documentation',
      severity: 'warning',
      failures: 7,
      waived: 1,
    },
    {
      ruleId: 'contributing.exists',
      title: 'Has a CONTRIBUTING file',
      category: 'documentation',
      severity: 'error',
      failures: 4,
      waived: 0,
    },
  ],
  expiredExceptions: [
    {
      project: {
        entityRef: 'component:default/legacy-batch',
        title: 'Legacy Batch',
      },
      ownerRef: SHOP_TEAM.entityRef,
      ruleId: 'contributing.exists',
      ruleTitle: 'Has a CONTRIBUTING file',
      severity: 'error',
      owner: 'group:default/team-shop',
      reason: 'Retired in Q3, "no" contributions wanted',
      expires: '2026-10-31',
    },
  ],
};

/** A summary computed over nothing: every card shows its empty state. */
export const emptyProgramSummary: ProgramSummary = {
  computedAt: '2026-11-24T10:00:00.000Z',
  window: '365d',
  interval: 'week',
  staleAfterDays: 180,
  groups: [],
  totals: {
    projects: 0,
    innerSourceProjects: 0,
    projectsWithHistory: 0,
    crossTeamDependencies: 0,
    outsideCommits: 0,
    commits: 0,
  },
  adoption: [],
  levels: [
    { level: 'none', projects: 0, innerSourceProjects: 0 },
    { level: 'bronze', projects: 0, innerSourceProjects: 0 },
    { level: 'silver', projects: 0, innerSourceProjects: 0 },
    { level: 'gold', projects: 0, innerSourceProjects: 0 },
  ],
  topUsedProjects: [],
  businessUnits: [],
  reuseMatrix: [],
  weeklyContributions: [],
  flows: [],
  distanceHistogram: {},
  risks: { absenceFactorOne: [], stale: [] },
  ruleFailures: [],
  expiredExceptions: [],
};

/** The InnerSource tab of the Ledger team. */
export const ledgerGroupProgram: GroupProgramResponse = {
  group: LEDGER_TEAM,
  computedAt: '2026-11-24T10:00:00.000Z',
  window: '365d',
  staleAfterDays: 180,
  projects: [ledgerSdkFigure],
  contributionsToOthers: [
    {
      project: {
        entityRef: 'component:default/storefront-web',
        title: 'Storefront Web',
      },
      ownerRef: SHOP_TEAM.entityRef,
      ownerTitle: SHOP_TEAM.title,
      fromTeam: LEDGER_TEAM,
      commits: 4,
    },
  ],
  reusedProjects: [
    {
      project: { entityRef: 'api:default/identity-api', title: 'Identity API' },
      ownerRef: 'group:default/team-identity',
      ownerTitle: 'Identity Team',
      consumers: [
        {
          entityRef: 'component:default/ledger-service',
          title: 'Ledger Service',
        },
        { entityRef: 'component:default/ledger-sdk', title: 'Ledger SDK' },
      ],
    },
  ],
};

/**
 * Two SCM organisations: a GitHub organisation read today whose members may not fork private
 * repositories, and a GitLab group whose last read failed.
 */
export const scmOrganizations: ScmOrganizationsResponse = {
  organizations: [
    {
      provider: 'github',
      host: 'github.com',
      organization: 'acme',
      url: 'https://github.com/acme',
      settings: {
        provider: 'github',
        host: 'github.com',
        organization: 'acme',
        url: 'https://github.com/acme',
        defaultRepositoryPermission: 'read',
        membersCanCreateInternalRepositories: true,
        membersCanCreatePrivateRepositories: true,
        membersCanForkPrivateRepositories: false,
      },
      checks: [
        {
          id: 'org.base-permission',
          title: 'Members can read every repository by default',
          status: 'pass',
          severity: 'warning',
          expected: 'read (or none, with repositories opting in through teams)',
          actual: 'read',
        },
        {
          id: 'org.create-internal',
          title: 'Members may create internal repositories',
          status: 'pass',
          severity: 'info',
          expected: 'allowed',
          actual: 'allowed',
        },
        {
          id: 'org.fork-private',
          title: 'Members may fork private and internal repositories',
          status: 'fail',
          severity: 'warning',
          expected: 'allowed',
          actual: 'not allowed',
        },
      ],
      fetchedAt: '2026-11-24T09:30:00.000Z',
      stale: false,
    },
    {
      provider: 'gitlab',
      host: 'gitlab.example.com',
      organization: 'platform',
      url: 'https://gitlab.example.com/platform',
      checks: [
        {
          id: 'org.fork-private',
          title: 'Members may fork private and internal repositories',
          status: 'unknown',
          severity: 'warning',
          expected: 'allowed',
          actual: 'not readable',
        },
        {
          id: 'org.visibility',
          title: 'The group is visible inside the company',
          status: 'pass',
          severity: 'info',
          expected: 'internal or public',
          actual: 'internal',
        },
      ],
      fetchedAt: '2026-11-20T09:30:00.000Z',
      stale: true,
      error: {
        kind: 'unauthorized',
        message: '401 Unauthorized: the token has expired',
        at: '2026-11-24T09:30:00.000Z',
      },
    },
  ],
};

/** No SCM organisation is configured. */
export const noScmOrganizations: ScmOrganizationsResponse = {
  organizations: [],
};
