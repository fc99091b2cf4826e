/**
 * InnerSource frontend plugin: an entity tab with who uses an entity and what is missing before
 * other teams can contribute to it, and a page to discover reusable projects.
 *
 * @remarks
 *
 * This entry point holds the classic frontend system exports. Apps on the new frontend system
 * use the default export of `@innersource-backstage/plugin-innersource/alpha`.
 *
 * @packageDocumentation
 */
export {
  innersourcePlugin,
  InnerSourcePage,
  EntityInnerSourceContent,
  isInnerSourceAvailable,
  EntityInnerSourceGroupContent,
  isInnerSourceGroupAvailable,
} from './plugin';
export { innerSourceApiRef } from './api';
export { rootRouteRef } from './routes';
export type { EntityInnerSourceContentProps } from './components/EntityInnerSourceContent';
export type {
  InnerSourceApi,
  EntityInnerSourceResponse,
  EntityInnerSourceResult,
  EntitySnapshot,
  LintFinding,
  LintSummary,
  ProjectListItem,
  ProjectListQuery,
  ProjectListResponse,
  UsageSummary,
  ProgramSummary,
  ProgramSummaryQuery,
  GroupProgramResponse,
} from '@innersource-backstage/plugin-innersource-common';
