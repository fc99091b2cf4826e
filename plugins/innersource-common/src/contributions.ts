import { ActivityLevel } from './activity';

/** The time windows contribution figures are computed over. */
/** @public */
export const CONTRIBUTION_WINDOWS = ['30d', '90d', '365d', 'all'] as const;

/** @public */
export type ContributionWindow = (typeof CONTRIBUTION_WINDOWS)[number];

/** How a commit author relates to the entity's owning team. */
/** @public */
export type ContributorKind = 'owner-team' | 'outside' | 'unknown' | 'bot';

/** @public */
export interface ContributorFigure {
  /** The catalog User, when the author was matched to one. */
  userRef?: string;
  /** Display name from the catalog, else the commit author name. */
  displayName: string;
  /** The contributor's team at the time of their latest commit. */
  teamRef?: string;
  commits: number;
  /** Contribution distance of their latest commit (0 = owning team). */
  distance?: number;
}

/** @public */
export interface TeamContributionFigure {
  teamRef: string;
  title?: string;
  commits: number;
  contributors: number;
}

/** Contribution figures over one window. */
/** @public */
export interface WindowContributions {
  window: ContributionWindow;
  /** Commits in the window, merges and bots excluded. */
  commits: number;
  ownerTeamCommits: number;
  /** Code contributions: commits by matched authors outside the owning team. */
  outsideCommits: number;
  /** Commits whose author matched no catalog User. */
  unknownCommits: number;
  /** Bot commits left out of every other figure. */
  botCommits: number;
  /** outside / (owner team + outside); unknown authors are left out. Null without attributed commits. */
  innerSourceRatio: number | null;
  outsideContributors: number;
  ownerTeamContributors: number;
  /** Outside contributors whose first contribution to this entity falls in the window. */
  newOutsideContributors: number;
  outsideTeams: TeamContributionFigure[];
  /** Commits by contribution distance: keys '0', '1', ... and 'unknown' (no common ancestor). */
  distanceHistogram: Record<string, number>;
  /** Smallest number of contributors making 50% of the commits (CHAOSS). Null without commits. */
  absenceFactor: number | null;
  /** The same over teams. Null without commits by matched authors. */
  elephantFactor: number | null;
  /** Distinct unmatched author identities. */
  unknownAuthors: number;
  topOutsideContributors: ContributorFigure[];
}

/** One week of commits, Monday to Sunday (UTC). */
/** @public */
export interface WeeklyCommits {
  /** YYYY-MM-DD of the Monday. */
  weekStart: string;
  ownerTeam: number;
  outside: number;
  unknown: number;
}

/** Where the history came from and whether it is current. */
/** @public */
export interface RepositoryStatus {
  cloneUrl: string;
  /** Folder of the entity in the repository ('' = whole repository). */
  path: string;
  headSha?: string;
  /** When the history was last read successfully. */
  syncedAt?: string;
  firstCommitAt?: string;
  lastCommitAt?: string;
  /** True when the last read failed and these figures come from the last good read. */
  stale: boolean;
  error?: { kind: string; message: string; at: string };
}

/** @public */
export interface ActivityFigure {
  score: number;
  level: ActivityLevel;
}

/** Contribution analytics of an entity read from its git history. */
/** @public */
export interface ContributionSummary {
  repository: RepositoryStatus;
  windows: WindowContributions[];
  /** 52 weeks, oldest first, ending with the current week. */
  weekly: WeeklyCommits[];
  activity: ActivityFigure;
  hasContributingGuide: boolean;
}
