import { Entity } from '@backstage/catalog-model';
import {
  ActivityFigure,
  activityLevel,
  activityScore,
  ContributionSummary,
  InnerSourceMetadata,
  ScmRepositorySignals,
} from '@innersource-backstage/plugin-innersource-common';

const DAY_MS = 86_400_000;

function earliest(...dates: Array<string | undefined>): string | undefined {
  const known = dates.filter((d): d is string => Boolean(d));
  return known.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

function latest(...dates: Array<string | undefined>): string | undefined {
  const known = dates.filter((d): d is string => Boolean(d));
  return known.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
}

/**
 * The Repository Activity Score with the platform's stars, forks, watchers and open issues, and
 * its creation and push times next to the git history's first and last commit (the earlier
 * creation and the later update count).
 */
export function activityWithPlatformFigures(options: {
  entity: Entity;
  contributions: ContributionSummary;
  signals: ScmRepositorySignals;
  metadata?: InnerSourceMetadata;
  now: Date;
}): ActivityFigure {
  const { entity, contributions, signals, metadata, now } = options;
  const daysSince = (iso?: string) =>
    iso ? Math.max(0, (now.getTime() - Date.parse(iso)) / DAY_MS) : 100_000;
  const description = entity.metadata.description?.trim() ?? '';
  const motivation = metadata?.motivation?.trim() ?? '';
  const score = activityScore({
    forks: signals.forks,
    watchers: signals.watchers,
    stars: signals.stars,
    openIssues: signals.openIssues,
    daysSinceLastUpdate: daysSince(
      latest(contributions.repository.lastCommitAt, signals.pushedAt),
    ),
    daysSinceCreation: daysSince(
      earliest(contributions.repository.firstCommitAt, signals.createdAt),
    ),
    weeklyCommits: contributions.weekly.map(
      w => w.ownerTeam + w.outside + w.unknown,
    ),
    hasLongDescription: description.length > 30 || motivation.length > 30,
    hasContributingGuide: contributions.hasContributingGuide,
  });
  return { score, level: activityLevel(score) };
}
