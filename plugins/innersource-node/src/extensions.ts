import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { InnerSourceLintRule } from './rules';
import { ScmProvider } from './scm';

/**
 * Lets backend modules add readiness rules to the InnerSource plugin.
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'innersource',
 *   moduleId: 'my-rules',
 *   register(env) {
 *     env.registerInit({
 *       deps: { rules: innersourceLintRulesExtensionPoint },
 *       async init({ rules }) {
 *         rules.addRules([myRule]);
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export interface InnerSourceLintRulesExtensionPoint {
  addRules(rules: InnerSourceLintRule[]): void;
}

/** @public */
export const innersourceLintRulesExtensionPoint =
  createExtensionPoint<InnerSourceLintRulesExtensionPoint>({
    id: 'innersource.lint-rules',
  });

/**
 * Lets backend modules add SCM platform providers (GitHub, GitLab, ...) to the InnerSource
 * plugin. The first provider whose `locate` recognises an entity's repository reads it.
 *
 * @public
 */
export interface InnerSourceScmProvidersExtensionPoint {
  addScmProvider(provider: ScmProvider): void;
}

/** @public */
export const innersourceScmProvidersExtensionPoint =
  createExtensionPoint<InnerSourceScmProvidersExtensionPoint>({
    id: 'innersource.scm-providers',
  });
