import type {
  RepositoryVisibility,
  SharingClassification,
  SharingLevel,
} from '@innersource-backstage/plugin-innersource-common';

const PROVIDER_NAMES: Record<string, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  bitbucket: 'Bitbucket',
  'bitbucket-server': 'Bitbucket Server',
  gitea: 'Gitea',
  'azure-devops': 'Azure DevOps',
};

/**
 * How an SCM provider id is named, e.g. `GitHub` for `github`; unknown ids as given.
 *
 * @internal
 */
export function providerName(provider: string): string {
  return PROVIDER_NAMES[provider.toLocaleLowerCase('en-US')] ?? provider;
}

/** @internal */
export const VISIBILITY_LABELS: Record<RepositoryVisibility, string> = {
  public: 'Public',
  internal: 'Internal',
  private: 'Private',
};

/** @internal */
export const SHARING_LEVEL_LABELS: Record<SharingLevel, string> = {
  public: 'Public',
  internal: 'Internal',
  restricted: 'Restricted',
  closed: 'Closed',
};

/**
 * Who should see the code at each sharing level.
 *
 * @internal
 */
export const SHARING_LEVEL_AUDIENCES: Record<SharingLevel, string> = {
  public: 'anyone, outside the company too',
  internal: 'everyone in the company',
  restricted: 'the teams that need it',
  closed: 'the owning team only',
};

/**
 * What decided a sharing classification, e.g. `the innersource.io/sharing annotation`.
 *
 * @internal
 */
export function describeSharingSource(sharing: SharingClassification): string {
  switch (sharing.source) {
    case 'annotation':
      return 'the innersource.io/sharing annotation';
    case 'rule':
      return sharing.rule
        ? `the config rule for ${sharing.rule}`
        : 'a config rule (innersource.scm.sharing.rules)';
    default:
      return 'the configured default (innersource.scm.sharing.default)';
  }
}
