import { createBackendModule } from '@backstage/backend-plugin-api';
import { innersourceLintRulesExtensionPoint } from '@innersource-backstage/plugin-innersource-node';
import { changelogRule, systemMembershipRule } from './rules';

/**
 * Adds the example rules to the InnerSource plugin.
 *
 * @public
 */
export const innersourceModuleExampleRules = createBackendModule({
  pluginId: 'innersource',
  moduleId: 'example-rules',
  register(env) {
    env.registerInit({
      deps: { rules: innersourceLintRulesExtensionPoint },
      async init({ rules }) {
        rules.addRules([systemMembershipRule, changelogRule]);
      },
    });
  },
});
