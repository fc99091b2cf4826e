import { Header, Page } from '@backstage/core-components';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { projectsResponse } from '../../__testUtils__/fixtures';
import { renderWithInnerSourceApi } from '../../__testUtils__/renderWithInnerSourceApi';
import { InnerSourceTabbedPage } from './InnerSourceTabbedPage';

jest.setTimeout(30_000);

describe('InnerSourceTabbedPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const tabs = [
    {
      path: 'program',
      title: 'Program',
      element: (
        <Page themeId="tool">
          <Header title="Program view" />
        </Page>
      ),
    },
  ];

  it('shows the discovery view first, with the tabs below its header', async () => {
    server.use(
      http.get('*/api/innersource/projects', () =>
        HttpResponse.json(projectsResponse),
      ),
    );
    renderWithInnerSourceApi(<InnerSourceTabbedPage tabs={tabs} />);

    expect(await screen.findByText('30 projects')).toBeInTheDocument();
    const tabList = screen.getByRole('tablist');
    expect(
      within(tabList).getByRole('tab', { name: 'Projects' }),
    ).toHaveAttribute('aria-selected', 'true');
    expect(
      within(tabList).getByRole('tab', { name: 'Program' }),
    ).toHaveAttribute('href', '/program');
    // inside the page, where Backstage pages have their tabs
    expect(tabList.closest('main')).toBe(
      screen.getByRole('heading', { name: 'InnerSource' }).closest('main'),
    );
    expect(screen.getAllByRole('tablist')).toHaveLength(1);
  });

  it('switches to another view by its tab', async () => {
    server.use(
      http.get('*/api/innersource/projects', () =>
        HttpResponse.json(projectsResponse),
      ),
    );
    renderWithInnerSourceApi(<InnerSourceTabbedPage tabs={tabs} />);
    await screen.findByText('30 projects');

    await userEvent.click(screen.getByRole('tab', { name: 'Program' }));

    expect(
      await screen.findByRole('heading', { name: 'Program view' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('30 projects')).toBeNull();
    const tabList = screen.getByRole('tablist');
    expect(
      within(tabList).getByRole('tab', { name: 'Program' }),
    ).toHaveAttribute('aria-selected', 'true');
    expect(tabList.closest('main')).toBe(
      screen.getByRole('heading', { name: 'Program view' }).closest('main'),
    );
  });
});
