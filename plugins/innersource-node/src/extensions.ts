import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { InnerSourceLintRule } from './rules';

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
