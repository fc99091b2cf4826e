/**
 * An example backend module for the InnerSource plugin: adds readiness rules through
 * `innersourceLintRulesExtensionPoint`. Copy it to write your organisation's own rules.
 *
 * @packageDocumentation
 */
export { innersourceModuleExampleRules as default } from './module';
export { changelogRule, systemMembershipRule } from './rules';
