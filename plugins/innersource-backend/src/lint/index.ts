import { InnerSourceLintRule } from '@innersource-backstage/plugin-innersource-node';
import { codeownersRules } from './codeownersRules';
import { communityRules } from './communityRules';
import { contributingRules } from './contributingRules';
import { innersourceJsonRule } from './innersourceJsonRule';
import { readmeRules } from './readmeRules';

export {
  GitRepositoryFiles,
  DEFAULT_MAX_READ_BYTES,
} from './GitRepositoryFiles';
export type { GitRepositoryFilesOptions } from './GitRepositoryFiles';
export { DEFAULT_MAINTAINERS } from './codeownersRules';
export { NO_GIT_SOURCE } from './ruleKit';

/**
 * The readiness rules that read the entity's repository files: README, CONTRIBUTING, CODEOWNERS
 * and maintainers, license, security policy, support, code of conduct, issue and pull request
 * templates, and `innersource.json`. Each answers `not-applicable` for an entity without a
 * readable git source.
 */
export const fileRules: InnerSourceLintRule[] = [
  ...readmeRules,
  ...contributingRules,
  ...codeownersRules,
  ...communityRules,
  innersourceJsonRule,
];
