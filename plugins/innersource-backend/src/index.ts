/**
 * The InnerSource backend plugin.
 *
 * @packageDocumentation
 */
export { innersourcePlugin as default } from './plugin';
