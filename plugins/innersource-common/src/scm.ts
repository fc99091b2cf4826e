/**
 * Repository visibility on an SCM platform. GitLab's and GitHub's `internal` both mean "every
 * member of the company (enterprise / instance) may read".
 *
 * @public
 */
export type RepositoryVisibility = 'public' | 'internal' | 'private';

/**
 * An open issue, e.g. one labelled `good first issue`.
 *
 * @public
 */
export interface ScmIssueLink {
  number: number;
  title: string;
  url: string;
  labels: string[];
  /** ISO 8601 */
  createdAt: string;
}

/**
 * A comment or review on a pull request or issue, by someone other than its author.
 *
 * @public
 */
export interface ScmResponse {
  /** SCM login of whoever responded. */
  login: string;
  /** ISO 8601 */
  at: string;
  /** The platform says the account is a bot (GitHub `Bot` actors, GitLab bot users). */
  bot?: boolean;
}

/**
 * A pull request (GitHub) or merge request (GitLab).
 *
 * @public
 */
export interface ScmChangeRequest {
  number: number;
  url: string;
  authorLogin?: string;
  authorIsBot?: boolean;
  /** ISO 8601 */
  createdAt: string;
  state: 'open' | 'merged' | 'closed';
  mergedAt?: string;
  closedAt?: string;
  /**
   * The earliest comments and reviews, oldest first (the author's own may be included; the
   * backend leaves them and bots out). A handful is enough to find the first response.
   */
  responses: ScmResponse[];
}

/**
 * An issue created in the metric windows.
 *
 * @public
 */
export interface ScmIssue {
  number: number;
  url: string;
  authorLogin?: string;
  authorIsBot?: boolean;
  /** ISO 8601 */
  createdAt: string;
  state: 'open' | 'closed';
  closedAt?: string;
  /** As for pull requests: the earliest comments, oldest first. */
  responses: ScmResponse[];
}

/**
 * What an SCM platform API tells about one repository.
 *
 * @public
 */
export interface ScmRepositorySignals {
  /** The provider id, e.g. `github` or `gitlab`. */
  provider: string;
  /** Web URL of the repository, e.g. `https://github.com/acme/ledger`. */
  url: string;
  stars: number;
  forks: number;
  watchers: number;
  /** Open issues (GitHub's count excludes pull requests). */
  openIssues: number;
  topics: string[];
  description?: string;
  visibility: RepositoryVisibility;
  /** Whether members may fork it (for public repositories: always true). */
  forkingAllowed: boolean;
  archived: boolean;
  defaultBranch?: string;
  /**
   * Protection of the default branch. Absent when it could not be read (e.g. the token may not
   * read protection rules); `protected: false` when it was read and there is none.
   */
  branchProtection?: { protected: boolean; requiredApprovingReviews: number };
  /** ISO 8601 */
  createdAt?: string;
  /** Last push, ISO 8601. */
  pushedAt?: string;
  /** Open issues labelled `good first issue` / `help wanted` (labels configurable). */
  goodFirstIssues: {
    /** Open issues with a good-first-issue label. */
    count: number;
    /** Open issues with a help-wanted label. */
    helpWantedCount: number;
    /** The first ones (newest first), with links. */
    items: ScmIssueLink[];
  };
  /** Pull/merge requests created in the longest metric window (365 days). */
  pullRequests: ScmChangeRequest[];
  /** Issues created in the longest metric window (365 days), pull requests not included. */
  issues: ScmIssue[];
  /**
   * Set when the provider stopped paging at its page limit before the start of the window: the
   * creation time (ISO 8601) of the oldest pull request or issue it read. Older ones in the window
   * were not read, so the figures count only the newest.
   */
  readLimits?: ScmReadLimits;
}

/**
 * How far back a read of pull requests and issues reached when a page limit cut it short.
 *
 * @public
 */
export interface ScmReadLimits {
  /** Pull requests created before this time (ISO 8601) were not read. */
  pullRequestsFrom?: string;
  /** Issues created before this time (ISO 8601) were not read. */
  issuesFrom?: string;
}

/**
 * Organisation-level settings that decide how open repositories are by default.
 *
 * @public
 */
export interface ScmOrganizationSettings {
  provider: string;
  host: string;
  /** The organisation (GitHub) or top-level group (GitLab) path. */
  organization: string;
  url: string;
  /** GitHub: the base permission members have on every repository. */
  defaultRepositoryPermission?: 'none' | 'read' | 'write' | 'admin';
  membersCanCreatePrivateRepositories?: boolean;
  membersCanCreateInternalRepositories?: boolean;
  membersCanCreatePublicRepositories?: boolean;
  /** Whether members may fork private (and internal) repositories. */
  membersCanForkPrivateRepositories?: boolean;
  /** GitLab: visibility of the group, the ceiling for its projects. */
  visibility?: RepositoryVisibility;
}

/**
 * How widely an entity's code is meant to be shared (pattern "Balancing openness and security").
 *
 * @public
 */
export const SHARING_LEVELS = [
  'public',
  'internal',
  'restricted',
  'closed',
] as const;

/** @public */
export type SharingLevel = (typeof SHARING_LEVELS)[number];

/**
 * An entity's sharing classification and what decided it.
 *
 * @public
 */
export interface SharingClassification {
  level: SharingLevel;
  /** The `innersource.io/sharing` annotation, a config rule, or the configured default. */
  source: 'annotation' | 'rule' | 'default';
  /** For `rule`: a description of the rule that matched. */
  rule?: string;
}

/**
 * Duration statistics in hours.
 *
 * @public
 */
export interface ResponseTimeFigure {
  /** Items that got a response from someone other than the author (bots excluded). */
  responded: number;
  /** Items still without such a response. */
  waiting: number;
  /** Median hours to the first response; null without responded items. */
  medianHours: number | null;
  /** 90th percentile hours to the first response; null without responded items. */
  p90Hours: number | null;
}

/**
 * Pull request and issue figures over one window.
 *
 * @public
 */
export interface ScmWindowFigures {
  window: '30d' | '90d' | '365d';
  pullRequests: number;
  /** Pull requests by matched catalog users outside the owning team. */
  outsidePullRequests: number;
  outsideMerged: number;
  outsideClosedUnmerged: number;
  /** merged / (merged + closed unmerged) over outside pull requests; null when none was decided. */
  outsideAcceptanceRatio: number | null;
  issues: number;
  outsideIssues: number;
  /** Time to first response on outside pull requests. */
  outsidePullRequestResponse: ResponseTimeFigure;
  /** Time to first response on outside issues. */
  outsideIssueResponse: ResponseTimeFigure;
  /**
   * Outside share by contribution type, and over commits + pull requests + issues together.
   * Unknown authors and bots are left out; null when there is nothing attributed.
   */
  innerSourceRatio: {
    commits: number | null;
    pullRequests: number | null;
    issues: number | null;
    combined: number | null;
  };
}

/**
 * An entity's SCM platform figures, as shown to people.
 *
 * @public
 */
export interface ScmSummary {
  provider: string;
  url: string;
  visibility: RepositoryVisibility;
  forkingAllowed: boolean;
  archived: boolean;
  defaultBranch?: string;
  branchProtection?: { protected: boolean; requiredApprovingReviews: number };
  stars: number;
  forks: number;
  watchers: number;
  openIssues: number;
  topics: string[];
  goodFirstIssues: ScmRepositorySignals['goodFirstIssues'];
  windows: ScmWindowFigures[];
  /** Set when a page limit cut the read of pull requests or issues short (see ScmRepositorySignals). */
  readLimits?: ScmReadLimits;
  /** When the platform was last read successfully (ISO 8601). */
  fetchedAt?: string;
  /** True when the last read failed or was partial and some figures are from an earlier read. */
  stale: boolean;
  error?: { kind: string; message: string; at: string };
}

/**
 * A check of an organisation setting against the InnerSource working group's recommendation.
 *
 * @public
 */
export interface ScmOrganizationCheck {
  id: string;
  title: string;
  status: 'pass' | 'fail' | 'unknown';
  severity: 'warning' | 'info';
  expected: string;
  actual: string;
}

/**
 * An organisation's settings with the checks, for the program view.
 *
 * @public
 */
export interface ScmOrganizationReport {
  provider: string;
  host: string;
  organization: string;
  url?: string;
  settings?: ScmOrganizationSettings;
  checks: ScmOrganizationCheck[];
  fetchedAt?: string;
  stale: boolean;
  error?: { kind: string; message: string; at: string };
}

/**
 * The answer of `GET /program/scm-organizations`.
 *
 * @public
 */
export interface ScmOrganizationsResponse {
  organizations: ScmOrganizationReport[];
}
