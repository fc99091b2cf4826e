export { EntityInnerSourceContent } from './EntityInnerSourceContent';
export type { EntityInnerSourceContentProps } from './EntityInnerSourceContent';
