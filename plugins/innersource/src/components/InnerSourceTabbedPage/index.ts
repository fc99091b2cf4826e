export { InnerSourceTabbedPage } from './InnerSourceTabbedPage';
export type {
  InnerSourcePageTab,
  InnerSourceTabbedPageProps,
} from './InnerSourceTabbedPage';
