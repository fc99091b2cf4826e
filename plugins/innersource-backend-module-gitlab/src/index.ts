/**
 * A backend module for the InnerSource plugin that reads GitLab projects and groups (REST v4,
 * gitlab.com and self-managed): stars, forks, visibility, forking, branch protection, good first
 * issues, merge requests and issues with their first responses, and group settings.
 *
 * @packageDocumentation
 */
export { innersourceModuleGitlab as default } from './module';
export { GitlabScmProvider } from './GitlabScmProvider';
export type {
  GitlabGroupLocator,
  GitlabScmProviderOptions,
} from './GitlabScmProvider';
