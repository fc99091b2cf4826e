/**
 * A backend module for the InnerSource plugin that reads repository signals and organisation
 * settings from GitHub and GitHub Enterprise Server.
 *
 * @packageDocumentation
 */
export { innersourceModuleGithub as default } from './module';
export { GithubScmProvider, githubEndpoint } from './GithubScmProvider';
export type { GithubScmProviderOptions } from './GithubScmProvider';
export type { GithubOrganizationConfig } from './config';
