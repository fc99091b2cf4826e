export { EntityInnerSourceGroupContent } from './EntityInnerSourceGroupContent';
