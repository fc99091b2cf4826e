import {
  CONTRIBUTION_WINDOWS,
  ContributionSummary,
  ContributionWindow,
  EntityInnerSourceResult,
  WeeklyCommits,
  WindowContributions,
} from '@innersource-backstage/plugin-innersource-common';
import { Entity } from '@backstage/catalog-model';
import { computeResults } from '../compute/computeResults';
import { metadataRules } from '../compute/metadataRules';
import { smallOrg } from './catalogFixtures';

/** When the program fixtures were computed: a Tuesday. */
export const PROGRAM_COMPUTED_AT = new Date('2026-11-24T10:00:00Z');

/** Figures of one window: zeros unless given. */
export function windowFigures(
  window: ContributionWindow,
  figures: Partial<WindowContributions> = {},
): WindowContributions {
  return {
    window,
    commits: 0,
    ownerTeamCommits: 0,
    outsideCommits: 0,
    unknownCommits: 0,
    botCommits: 0,
    innerSourceRatio: null,
    outsideContributors: 0,
    ownerTeamContributors: 0,
    newOutsideContributors: 0,
    outsideTeams: [],
    distanceHistogram: {},
    absenceFactor: null,
    elephantFactor: null,
    unknownAuthors: 0,
    topOutsideContributors: [],
    ...figures,
  };
}

/** The 52 weeks up to the week of {@link PROGRAM_COMPUTED_AT}, with commits only where given. */
export function weeklyFigures(
  commits: Record<string, Partial<Omit<WeeklyCommits, 'weekStart'>>> = {},
): WeeklyCommits[] {
  const lastMonday = Date.UTC(2026, 10, 23);
  return Array.from({ length: 52 }, (_, i) => {
    const weekStart = new Date(lastMonday - (51 - i) * 7 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return {
      weekStart,
      ownerTeam: 0,
      outside: 0,
      unknown: 0,
      ...commits[weekStart],
    };
  });
}

/** A contribution summary with the given windows (zeros for the others). */
export function contributionSummary(options: {
  lastCommitAt: string;
  hasContributingGuide?: boolean;
  windows: Partial<Record<ContributionWindow, Partial<WindowContributions>>>;
  weekly?: WeeklyCommits[];
}): ContributionSummary {
  return {
    repository: {
      cloneUrl: 'https://git.example/repo.git',
      path: '',
      stale: false,
      lastCommitAt: options.lastCommitAt,
    },
    windows: CONTRIBUTION_WINDOWS.map(window =>
      windowFigures(window, options.windows[window]),
    ),
    weekly: options.weekly ?? weeklyFigures(),
    activity: { score: 100, level: 'low' },
    hasContributingGuide: options.hasContributingGuide ?? false,
  };
}

const TEAM_SHOP = 'group:default/team-shop';
const TEAM_SHOP_MOBILE = 'group:default/team-shop-mobile';
const TEAM_LEDGER = 'group:default/team-ledger';

/**
 * Git figures for two projects of {@link smallOrg}:
 *
 * - ledger-sdk (Ledger team, tagged innersource): active, with commits from the shop teams
 *   (distance 4 from team-shop, 5 from team-shop-mobile); one person made half the commits of
 *   the last 30 days.
 * - shop-web (Shop team, not tagged but with a CONTRIBUTING file): last commit on 2026-03-02,
 *   267 days before {@link PROGRAM_COMPUTED_AT}; 3 commits from the Ledger team.
 */
export const PROGRAM_CONTRIBUTIONS: Record<string, ContributionSummary> = {
  'component:default/ledger-sdk': contributionSummary({
    lastCommitAt: '2026-11-23T09:00:00.000Z',
    windows: {
      '30d': {
        commits: 4,
        ownerTeamCommits: 2,
        outsideCommits: 2,
        outsideContributors: 1,
        outsideTeams: [{ teamRef: TEAM_SHOP, commits: 2, contributors: 1 }],
        distanceHistogram: { '0': 2, '4': 2 },
        absenceFactor: 1,
      },
      '90d': {
        commits: 10,
        ownerTeamCommits: 6,
        outsideCommits: 4,
        outsideContributors: 2,
        outsideTeams: [{ teamRef: TEAM_SHOP, commits: 4, contributors: 2 }],
        distanceHistogram: { '0': 6, '4': 4 },
        absenceFactor: 2,
      },
      '365d': {
        commits: 20,
        ownerTeamCommits: 12,
        outsideCommits: 8,
        outsideContributors: 3,
        outsideTeams: [
          { teamRef: TEAM_SHOP, commits: 5, contributors: 2 },
          { teamRef: TEAM_SHOP_MOBILE, commits: 3, contributors: 1 },
        ],
        distanceHistogram: { '0': 12, '4': 5, '5': 3 },
        absenceFactor: 2,
      },
      all: {
        commits: 30,
        ownerTeamCommits: 20,
        outsideCommits: 10,
        outsideContributors: 3,
        outsideTeams: [
          { teamRef: TEAM_SHOP, commits: 7, contributors: 2 },
          { teamRef: TEAM_SHOP_MOBILE, commits: 3, contributors: 1 },
        ],
        distanceHistogram: { '0': 20, '4': 7, '5': 3 },
        absenceFactor: 2,
      },
    },
    weekly: weeklyFigures({
      '2026-11-16': { ownerTeam: 1 },
      '2026-11-23': { ownerTeam: 1, outside: 2 },
    }),
  }),
  'component:default/shop-web': contributionSummary({
    lastCommitAt: '2026-03-02T12:00:00.000Z',
    hasContributingGuide: true,
    windows: {
      '365d': {
        commits: 6,
        ownerTeamCommits: 3,
        outsideCommits: 3,
        outsideContributors: 1,
        outsideTeams: [{ teamRef: TEAM_LEDGER, commits: 3, contributors: 1 }],
        distanceHistogram: { '0': 3, '4': 3 },
        absenceFactor: 1,
      },
      all: {
        commits: 9,
        ownerTeamCommits: 6,
        outsideCommits: 3,
        outsideContributors: 1,
        outsideTeams: [{ teamRef: TEAM_LEDGER, commits: 3, contributors: 1 }],
        distanceHistogram: { '0': 6, '4': 3 },
        absenceFactor: 1,
      },
    },
    weekly: weeklyFigures({ '2026-03-02': { ownerTeam: 2, outside: 1 } }),
  }),
};

/**
 * The results of {@link smallOrg} with {@link PROGRAM_CONTRIBUTIONS}, and two exceptions on
 * ledger-api: an expired one for `metadata.description` and an active one for
 * `metadata.documentation`.
 */
export async function programResults(
  entities: Entity[] = smallOrg(),
): Promise<EntityInnerSourceResult[]> {
  const results = await computeResults({
    entities,
    rules: metadataRules,
    computedAt: PROGRAM_COMPUTED_AT,
    contributions: new Map(Object.entries(PROGRAM_CONTRIBUTIONS)),
  });
  return results.map(result => {
    if (result.entity.entityRef !== 'api:default/ledger-api') return result;
    return {
      ...result,
      lint: {
        ...result.lint,
        findings: result.lint.findings.map(finding => {
          if (finding.ruleId === 'metadata.description') {
            return {
              ...finding,
              waiver: {
                status: 'expired' as const,
                owner: 'group:default/team-ledger',
                reason: 'Description follows with the v2 spec',
                expires: '2026-10-31',
                source: 'config' as const,
              },
            };
          }
          if (finding.ruleId === 'metadata.documentation') {
            return {
              ...finding,
              waiver: {
                status: 'active' as const,
                owner: 'group:default/team-ledger',
                reason: 'Docs site in progress',
                expires: '2027-01-31',
                source: 'config' as const,
              },
            };
          }
          return finding;
        }),
      },
    };
  });
}
