import { HeaderTabs } from '@backstage/core-components';
import { ReactElement, useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  Link,
  Route,
  Routes,
  useLocation,
  useResolvedPath,
} from 'react-router-dom';
import { InnerSourcePage } from '../InnerSourcePage';

/**
 * A tab of the InnerSource page besides the discovery view.
 *
 * @internal
 */
export interface InnerSourcePageTab {
  /** Relative to the page, without a leading '/', e.g. `program`. */
  path: string;
  title: string;
  element: ReactElement;
}

/** @internal */
export interface InnerSourceTabbedPageProps {
  /** The tabs after the discovery view, which is always first. */
  tabs: InnerSourcePageTab[];
}

/** The element that Backstage's `Page` renders. */
const PAGE_SELECTOR = 'main[data-backstage-core-page]';

/** The tabs as a Backstage header tab bar, each tab a link. */
function TabBar(props: {
  base: string;
  tabs: Array<{ path: string; title: string }>;
  selectedIndex: number;
}) {
  const { base, tabs, selectedIndex } = props;
  return (
    <HeaderTabs
      selectedIndex={selectedIndex}
      tabs={tabs.map(tab => ({
        id: tab.path || 'projects',
        label: tab.title,
        tabProps: {
          component: Link,
          to: tab.path ? `${base}/${tab.path}` : base || '/',
        },
      }))}
    />
  );
}

/**
 * The InnerSource page with tabs: the discovery view (at the page's own path, so shared search
 * links keep working) and further views such as the program view.
 *
 * @remarks
 *
 * Each view renders a Backstage `Page` with its own header; the tab bar is placed into that page,
 * right below its header, where Backstage pages have their tabs. A view without a `Page` gets the
 * tab bar above it.
 *
 * @internal
 */
export function InnerSourceTabbedPage(props: InnerSourceTabbedPageProps) {
  const base = useResolvedPath('.').pathname.replace(/\/$/, '');
  const { pathname } = useLocation();
  const rest = pathname.slice(base.length).replace(/^\//, '');
  const tabs = [
    { path: '', title: 'Projects' },
    ...props.tabs.map(tab => ({ path: tab.path, title: tab.title })),
  ];
  const selectedIndex = Math.max(
    0,
    tabs.findIndex(
      (tab, index) =>
        index > 0 && (rest === tab.path || rest.startsWith(`${tab.path}/`)),
    ),
  );

  // The page element of the view on screen. Views change with the route and may load lazily,
  // so it is looked up again whenever the DOM below changes.
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const [pageElement, setPageElement] = useState<Element | null>(null);
  useLayoutEffect(() => {
    if (!container) return undefined;
    const find = () => setPageElement(container.querySelector(PAGE_SELECTOR));
    find();
    const observer = new MutationObserver(find);
    observer.observe(container, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [container]);

  const tabBar = (
    <TabBar base={base} tabs={tabs} selectedIndex={selectedIndex} />
  );
  return (
    <div ref={setContainer}>
      {pageElement ? createPortal(tabBar, pageElement) : tabBar}
      <Routes>
        <Route index element={<InnerSourcePage />} />
        {props.tabs.map(tab => (
          <Route key={tab.path} path={`${tab.path}/*`} element={tab.element} />
        ))}
      </Routes>
    </div>
  );
}
