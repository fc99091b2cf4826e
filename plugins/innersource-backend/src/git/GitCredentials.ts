import {
  DefaultAzureDevOpsCredentialsProvider,
  DefaultGithubCredentialsProvider,
  DefaultGitlabCredentialsProvider,
  getBitbucketCloudRequestOptions,
  getBitbucketServerRequestOptions,
  getGerritRequestOptions,
  getGiteaRequestOptions,
  ScmIntegrationRegistry,
} from '@backstage/integration';

/**
 * Finds the HTTP Authorization header that git should send to a host, from Backstage's
 * `integrations` config: GitHub tokens and Apps, GitLab, Bitbucket Cloud and Server, Azure
 * DevOps, Gerrit and Gitea. Hosts without an integration are cloned anonymously.
 */
export class GitCredentials {
  private readonly github: DefaultGithubCredentialsProvider;
  private readonly gitlab: DefaultGitlabCredentialsProvider;
  private readonly azure: DefaultAzureDevOpsCredentialsProvider;

  constructor(private readonly integrations: ScmIntegrationRegistry) {
    this.github =
      DefaultGithubCredentialsProvider.fromIntegrations(integrations);
    this.gitlab =
      DefaultGitlabCredentialsProvider.fromIntegrations(integrations);
    this.azure =
      DefaultAzureDevOpsCredentialsProvider.fromIntegrations(integrations);
  }

  /** The Authorization header for cloning `url`, if the integrations config has credentials. */
  async authorizationHeader(url: string): Promise<string | undefined> {
    if (!/^https?:/.test(url)) return undefined;
    const integration = this.integrations.byUrl(url);
    if (!integration) return undefined;
    const basic = (user: string, secret: string) =>
      `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
    switch (integration.type) {
      case 'github': {
        const { token } = await this.github.getCredentials({ url });
        return token ? basic('x-access-token', token) : undefined;
      }
      case 'gitlab': {
        const { token } = await this.gitlab.getCredentials({ url });
        return token ? basic('oauth2', token) : undefined;
      }
      case 'azure': {
        const credentials = await this.azure.getCredentials({ url });
        return credentials?.headers.Authorization;
      }
      case 'bitbucketCloud': {
        const config = this.integrations.bitbucketCloud.byUrl(url)?.config;
        return config
          ? (await getBitbucketCloudRequestOptions(config)).headers
              .Authorization
          : undefined;
      }
      case 'bitbucketServer': {
        const config = this.integrations.bitbucketServer.byUrl(url)?.config;
        return config
          ? getBitbucketServerRequestOptions(config).headers.Authorization
          : undefined;
      }
      case 'gerrit': {
        const config = this.integrations.gerrit.byUrl(url)?.config;
        return config
          ? getGerritRequestOptions(config).headers?.Authorization
          : undefined;
      }
      case 'gitea': {
        const config = this.integrations.gitea.byUrl(url)?.config;
        return config
          ? getGiteaRequestOptions(config).headers?.Authorization
          : undefined;
      }
      default:
        return undefined;
    }
  }
}
