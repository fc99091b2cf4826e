import { Entity } from '@backstage/catalog-model';
import {
  ActivityFigure,
  activityLevel,
  activityScore,
  InnerSourceMetadata,
  ScmRepositorySignals,
  WeeklyCommits,
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
 * The Repository Activity Score of an entity from its git history and, when a provider read the
 * repository, the platform's stars, forks, watchers and open issues (0 without: only SCM APIs
 * know them) and its creation and push times next to the first and last commit (the earlier
 * creation and the later update count).
 */
export function repositoryActivity(options: {
  entity: Entity;
  now: Date;
  firstCommitAt?: string;
  lastCommitAt?: string;
  weekly: WeeklyCommits[];
  hasContributingGuide: boolean;
  /** The owner-written motivation counts like a description. */
  metadata?: InnerSourceMetadata;
  platform?: Pick<
    ScmRepositorySignals,
    'forks' | 'watchers' | 'stars' | 'openIssues' | 'createdAt' | 'pushedAt'
  >;
}): ActivityFigure {
  const { entity, now, metadata, platform } = options;
  const daysSince = (iso?: string) =>
    iso ? Math.max(0, (now.getTime() - Date.parse(iso)) / DAY_MS) : 100_000;
  const description = entity.metadata.description?.trim() ?? '';
  const motivation = metadata?.motivation?.trim() ?? '';
  const score = activityScore({
    forks: platform?.forks ?? 0,
    watchers: platform?.watchers ?? 0,
    stars: platform?.stars ?? 0,
    openIssues: platform?.openIssues ?? 0,
    daysSinceLastUpdate: daysSince(
      latest(options.lastCommitAt, platform?.pushedAt),
    ),
    daysSinceCreation: daysSince(
      earliest(options.firstCommitAt, platform?.createdAt),
    ),
    weeklyCommits: options.weekly.map(w => w.ownerTeam + w.outside + w.unknown),
    hasLongDescription: description.length > 30 || motivation.length > 30,
    hasContributingGuide: options.hasContributingGuide,
  });
  return { score, level: activityLevel(score) };
}
