import {
  ScmOrganizationSettings,
  ScmReadLimits,
  ScmRepositorySignals,
} from '@innersource-backstage/plugin-innersource-common';

/**
 * A repository a provider reads, identified from the catalog entity's source location.
 *
 * @public
 */
export interface ScmRepositoryLocator {
  /** Web URL without `.git` or trailing slash, e.g. `https://github.com/acme/ledger`. */
  url: string;
  /** Host name with port when not the default, e.g. `github.com` or `gitlab.acme.internal`. */
  host: string;
  /** Path of the repository on the host: `acme/ledger`, or `group/subgroup/project` on GitLab. */
  fullPath: string;
}

/**
 * Why reading a repository or organisation failed.
 *
 * @public
 */
export type ScmErrorKind =
  | 'not-found'
  | 'auth-failed'
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'malformed-response'
  | 'unreachable';

/** @public */
export interface ScmReadError {
  kind: ScmErrorKind;
  message: string;
}

/**
 * What a provider read for one repository. With `error` and `signals` both set the read was
 * partial: the fields present in `signals` are current, the others keep their earlier values.
 *
 * @public
 */
export interface ScmRepositoryReadResult {
  url: string;
  signals?: Partial<ScmRepositorySignals>;
  error?: ScmReadError;
  /** API calls made for this repository (its share of batched calls rounded up). */
  calls: number;
}

/**
 * The `readLimits` of a repository read (see `ScmRepositorySignals`): the parts a page limit cut
 * short, or undefined when neither pull requests nor issues were.
 *
 * @public
 */
export function scmReadLimits(
  limits: ScmReadLimits,
): ScmReadLimits | undefined {
  const { pullRequestsFrom, issuesFrom } = limits;
  if (!pullRequestsFrom && !issuesFrom) return undefined;
  return {
    ...(pullRequestsFrom ? { pullRequestsFrom } : {}),
    ...(issuesFrom ? { issuesFrom } : {}),
  };
}

/** @public */
export interface ScmOrganizationReadResult {
  host: string;
  organization: string;
  settings?: ScmOrganizationSettings;
  error?: ScmReadError;
  calls: number;
}

/**
 * What to read for each repository.
 *
 * @public
 */
export interface ScmReadOptions {
  /** Pull requests and issues created at or after this time are returned (the 365-day window). */
  since: Date;
  /** Labels of newcomer issues, compared case-insensitively. Default `['good first issue']`. */
  goodFirstIssueLabels: string[];
  /** Labels of issues the owners want help with. Default `['help wanted']`. */
  helpWantedLabels: string[];
  /** How many open good-first issues to return with links. */
  goodFirstIssueLimit: number;
  signal?: AbortSignal;
}

/**
 * Reads stars, issues, pull requests, visibility and branch protection from an SCM platform.
 * Register one with {@link innersourceScmProvidersExtensionPoint}.
 *
 * @public
 */
export interface ScmProvider {
  /** e.g. `github` or `gitlab`. */
  readonly id: string;
  /**
   * The repository behind a source URL (a web, clone or file URL of the repository or of a
   * folder in it), when this provider reads that host; undefined otherwise.
   */
  locate(sourceUrl: string): ScmRepositoryLocator | undefined;
  /**
   * Reads many repositories, batching calls where the API allows. A failure of one repository
   * is reported in its result, never thrown.
   */
  readRepositories(
    repositories: ScmRepositoryLocator[],
    options: ScmReadOptions,
  ): Promise<ScmRepositoryReadResult[]>;
  /** Settings of the organisations the provider is configured to report on. */
  readOrganizations?(options: {
    signal?: AbortSignal;
  }): Promise<ScmOrganizationReadResult[]>;
}

/**
 * The default labels of newcomer issues.
 *
 * @public
 */
export const DEFAULT_GOOD_FIRST_ISSUE_LABELS = ['good first issue'];

/**
 * The default labels of issues the owners want help with.
 *
 * @public
 */
export const DEFAULT_HELP_WANTED_LABELS = ['help wanted'];
