/**
 * The activity levels, from none to extremely high.
 *
 * @public
 */
export const ACTIVITY_LEVELS = [
  'none',
  'very-low',
  'low',
  'moderate',
  'high',
  'very-high',
  'extremely-high',
] as const;

/**
 * How active a repository is, bucketed from its {@link activityScore}.
 *
 * @public
 */
export type ActivityLevel = (typeof ACTIVITY_LEVELS)[number];

/**
 * What the Repository Activity Score is computed from.
 *
 * Every number is clamped to 0 when it is negative or not finite (`NaN`, `Infinity`), so a missing
 * or broken value never makes the score `NaN` or unbounded.
 *
 * @public
 */
export interface ActivityScoreInput {
  /** 0 when unknown (only SCM APIs know it). */
  forks: number;
  /** 0 when unknown (only SCM APIs know it). */
  watchers: number;
  /** 0 when unknown (only SCM APIs know it). */
  stars: number;
  /** 0 when unknown (only SCM APIs know it). */
  openIssues: number;
  /** Days since the repository was last updated. */
  daysSinceLastUpdate: number;
  /** Days since the repository was created. */
  daysSinceCreation: number;
  /**
   * Commit counts per week, oldest first. Only the last 13 weeks are used; fewer weeks are summed
   * and still divided by 13. When absent, commit activity does not affect the score.
   */
  weeklyCommits?: number[];
  /** Whether the description or motivation is longer than 30 characters. */
  hasLongDescription: boolean;
  /** Whether a contributing guide exists. */
  hasContributingGuide: boolean;
}

/** The number of weeks the commit average is taken over (one quarter). */
const COMMIT_WINDOW_WEEKS = 13;

/** Scores above this are damped logarithmically so that a few huge repositories do not dwarf the rest. */
const DAMPING_THRESHOLD = 3000;

/** The base every repository starts from; it is subtracted again at the end. */
const BASE_SCORE = 50;

/** Negative and non-finite numbers count as 0. */
function clampToNonNegative(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function popularityScore(input: ActivityScoreInput): number {
  const forks = clampToNonNegative(input.forks);
  const watchers = clampToNonNegative(input.watchers);
  const stars = clampToNonNegative(input.stars);
  const openIssues = clampToNonNegative(input.openIssues);
  return BASE_SCORE + forks * 5 + watchers + stars / 3 + openIssues / 5;
}

/** 2 for an update today, falling linearly to 1 at 100 days or more. */
function recencyMultiplier(daysSinceLastUpdate: number): number {
  return 1 + (100 - Math.min(daysSinceLastUpdate, 100)) / 100;
}

/** 1 up to an average of 3 commits a week, rising linearly to 2 at 10 or more. */
function commitMultiplier(weeklyCommits: number[]): number {
  const lastWeeks = weeklyCommits.slice(-COMMIT_WINDOW_WEEKS);
  const sum = lastWeeks.reduce(
    (total, commits) => total + clampToNonNegative(commits),
    0,
  );
  const average = sum / COMMIT_WINDOW_WEEKS;
  return 1 + Math.min(Math.max(average - 3, 0), 7) / 7;
}

/**
 * Up to 1000 for a repository created today, shrinking to 0 at one year old, and smaller the
 * longer it has gone without an update.
 */
function newRepositoryBonus(
  daysSinceLastUpdate: number,
  daysSinceCreation: number,
): number {
  return (
    ((1000 - Math.min(daysSinceLastUpdate, 365) * 2.74) *
      (365 - Math.min(daysSinceCreation, 365))) /
    365
  );
}

function dampLargeScore(score: number): number {
  return score > DAMPING_THRESHOLD
    ? DAMPING_THRESHOLD + Math.log(score) * 100
    : score;
}

/**
 * The Repository Activity Score of the SAP InnerSource Portal (pattern "Repository Activity
 * Score"): popularity, weighted by how recently the repository was updated and how many commits
 * it gets, plus bonuses for new repositories, a meaningful description and a contributing guide;
 * damped logarithmically above 3000.
 *
 * Negative and non-finite inputs are clamped to 0. The result is a whole number, never negative;
 * a dormant repository with nothing else going for it scores 0.
 *
 * @public
 */
export function activityScore(input: ActivityScoreInput): number {
  const daysSinceLastUpdate = clampToNonNegative(input.daysSinceLastUpdate);
  const daysSinceCreation = clampToNonNegative(input.daysSinceCreation);

  let score = popularityScore(input);
  score *= recencyMultiplier(daysSinceLastUpdate);
  if (input.weeklyCommits) {
    score *= commitMultiplier(input.weeklyCommits);
  }
  score += newRepositoryBonus(daysSinceLastUpdate, daysSinceCreation);
  if (input.hasLongDescription) score += 50;
  if (input.hasContributingGuide) score += 100;
  score = dampLargeScore(score);
  // A year-old, year-stale repository gets a bonus of about -0.1, which would round to -0.
  return Math.max(0, Math.round(score - BASE_SCORE));
}

/** The lowest score above which each level starts, highest first. */
const LEVEL_THRESHOLDS: ReadonlyArray<[ActivityLevel, number]> = [
  ['extremely-high', 2500],
  ['very-high', 1000],
  ['high', 300],
  ['moderate', 150],
  ['low', 50],
  ['very-low', 5],
];

/**
 * The activity level of a score, as the SAP InnerSource Portal buckets it: above 2500 extremely
 * high, above 1000 very high, above 300 high, above 150 moderate, above 50 low, above 5 very low,
 * otherwise none.
 *
 * @public
 */
export function activityLevel(score: number): ActivityLevel {
  const level = LEVEL_THRESHOLDS.find(([, threshold]) => score > threshold);
  return level ? level[0] : 'none';
}

/**
 * Human-readable names of the activity levels.
 *
 * @public
 */
export const ACTIVITY_LEVEL_LABELS: Record<ActivityLevel, string> = {
  'extremely-high': 'Extremely high',
  'very-high': 'Very high',
  high: 'High',
  moderate: 'Moderate',
  low: 'Low',
  'very-low': 'Very low',
  none: 'None',
};
