import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useLocation } from 'react-router-dom';
import type { ProjectListResponse } from '@innersource-backstage/plugin-innersource-common';
import {
  emptyProjectsResponse,
  projectsResponse,
} from '../../__testUtils__/fixtures';
import { renderWithInnerSourceApi } from '../../__testUtils__/renderWithInnerSourceApi';
import { InnerSourcePage } from './InnerSourcePage';

const PROJECTS_URL = '*/api/innersource/projects';

// Several tests drive the filter controls with user-event, which is slow on a busy machine.
jest.setTimeout(30_000);

/** Shows the query string of the app's current location. */
function LocationSearch() {
  const location = useLocation();
  return <output data-testid="location-search">{location.search}</output>;
}

describe('InnerSourcePage', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  /** Answers the listing with `respond` and records the query of every request. */
  function answerProjects(
    respond: (params: URLSearchParams) => ProjectListResponse,
  ) {
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(PROJECTS_URL, ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(params);
        return HttpResponse.json(respond(params));
      }),
    );
    return requests;
  }

  it('lists projects as cards with the total count', async () => {
    const requests = answerProjects(() => projectsResponse);

    renderWithInnerSourceApi(<InnerSourcePage />);

    expect(await screen.findByText('30 projects')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'InnerSource' }),
    ).toBeInTheDocument();

    const payments = screen.getByRole('article', { name: 'Payments Service' });
    expect(
      within(payments).getByRole('link', { name: 'Payments Service' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-service');
    expect(
      within(payments).getByText('Takes card and invoice payments'),
    ).toBeInTheDocument();
    expect(within(payments).getByText('Team Payments')).toBeInTheDocument();
    expect(within(payments).getByText('java')).toBeInTheDocument();
    expect(payments).toHaveTextContent('12 consumers from 4 business units');
    expect(
      within(payments).getByRole('img', {
        name: 'Readiness score 86 out of 100',
      }),
    ).toBeInTheDocument();
    expect(
      within(payments).getByTitle(
        'Readiness level Silver, score 86 out of 100',
      ),
    ).toHaveTextContent('Silver');
    expect(within(payments).getByText('Stale')).toBeInTheDocument();
    expect(within(payments).getByText('Activity: High')).toBeInTheDocument();
    expect(
      within(payments).getByTitle('Repository Activity Score 412 (High)'),
    ).toHaveTextContent('Activity: High');
    expect(
      within(payments).getByText('38% from other teams'),
    ).toBeInTheDocument();

    const identity = screen.getByRole('article', { name: 'Identity API' });
    expect(
      within(identity).getByText('Sign-in and user profiles'),
    ).toBeInTheDocument();
    expect(
      within(identity).getByTitle(
        'Readiness level Not ready, score 45 out of 100',
      ),
    ).toHaveTextContent('Not ready');
    expect(within(identity).queryByText('Stale')).not.toBeInTheDocument();
    // Without git history there is no activity level or ratio.
    expect(within(identity).queryByText(/^Activity:/)).not.toBeInTheDocument();
    expect(
      within(identity).queryByText(/from other teams/),
    ).not.toBeInTheDocument();

    // 30 projects at 24 a page make two pages.
    expect(
      screen.getByRole('button', { name: 'Go to page 2' }),
    ).toBeInTheDocument();

    expect(requests[0].get('sort')).toBe('usage');
    expect(requests[0].get('limit')).toBe('24');
    expect(requests[0].get('offset')).toBe('0');
    expect(requests[0].has('q')).toBe(false);
  });

  it('sends the search text to the backend once typing pauses', async () => {
    const requests = answerProjects(() => projectsResponse);

    renderWithInnerSourceApi(<InnerSourcePage />);
    await screen.findByText('30 projects');

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search projects' }),
      'payments',
    );

    await waitFor(() =>
      expect(requests[requests.length - 1].get('q')).toBe('payments'),
    );
    // Debounced: no request for the partial words typed on the way.
    expect(requests.map(params => params.get('q'))).toEqual([null, 'payments']);
  });

  it('sends the filters and page from the URL, so a shared view shows the same results', async () => {
    const requests = answerProjects(() => projectsResponse);

    renderWithInnerSourceApi(<InnerSourcePage />, {
      initialRouteEntries: [
        '/innersource?q=identity&kind=API&innerSourceOnly=true&sort=readiness&page=2',
      ],
    });

    expect(await screen.findByText('30 projects')).toBeInTheDocument();
    expect(
      screen.getByRole('searchbox', { name: 'Search projects' }),
    ).toHaveValue('identity');
    expect(screen.getByRole('checkbox', { name: 'API' })).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Component' }),
    ).not.toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'InnerSource projects only' }),
    ).toBeChecked();
    expect(screen.getByLabelText('Sort by')).toHaveValue('readiness');

    expect(requests[0].get('q')).toBe('identity');
    expect(requests[0].getAll('kind')).toEqual(['API']);
    expect(requests[0].get('innerSourceOnly')).toBe('true');
    expect(requests[0].get('sort')).toBe('readiness');
    expect(requests[0].get('offset')).toBe('24');
  });

  it('sends a changed filter and sort to the backend', async () => {
    const requests = answerProjects(() => projectsResponse);

    renderWithInnerSourceApi(<InnerSourcePage />);
    await screen.findByText('30 projects');

    await userEvent.click(screen.getByRole('checkbox', { name: 'System' }));
    await waitFor(() =>
      expect(requests[requests.length - 1].getAll('kind')).toEqual(['System']),
    );

    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'name');
    await waitFor(() =>
      expect(requests[requests.length - 1].get('sort')).toBe('name'),
    );
    expect(requests[requests.length - 1].getAll('kind')).toEqual(['System']);
  });

  it('filters by readiness level, keeping the levels in the URL', async () => {
    const urls: URL[] = [];
    server.use(
      http.get(PROJECTS_URL, ({ request }) => {
        urls.push(new URL(request.url));
        return HttpResponse.json(projectsResponse);
      }),
    );

    renderWithInnerSourceApi(
      <>
        <InnerSourcePage />
        <LocationSearch />
      </>,
    );
    await screen.findByText('30 projects');
    expect(urls[0].searchParams.has('level')).toBe(false);

    const levels = screen.getByRole('group', { name: 'Readiness level' });
    expect(
      within(levels)
        .getAllByRole('checkbox')
        .map(box => box.closest('label')?.textContent),
    ).toEqual(['Gold', 'Silver', 'Bronze', 'Not ready']);

    await userEvent.click(
      within(levels).getByRole('checkbox', { name: 'Gold' }),
    );

    await waitFor(() =>
      expect(urls[urls.length - 1].searchParams.getAll('level')).toEqual([
        'gold',
      ]),
    );
    expect(urls[urls.length - 1].pathname).toBe('/api/innersource/projects');
    expect(urls[urls.length - 1].search).toContain('level=gold');
    expect(screen.getByTestId('location-search')).toHaveTextContent(
      '?level=gold',
    );
    expect(
      within(levels).getByRole('checkbox', { name: 'Gold' }),
    ).toBeChecked();

    // Several levels are sent as repeated parameters.
    await userEvent.click(
      within(levels).getByRole('checkbox', { name: 'Not ready' }),
    );
    await waitFor(() =>
      expect(urls[urls.length - 1].searchParams.getAll('level')).toEqual([
        'gold',
        'none',
      ]),
    );
    expect(urls[urls.length - 1].search).toContain('level=gold&level=none');
    expect(screen.getByTestId('location-search')).toHaveTextContent(
      '?level=gold&level=none',
    );

    await userEvent.click(
      within(levels).getByRole('checkbox', { name: 'Gold' }),
    );
    await waitFor(() =>
      expect(urls[urls.length - 1].searchParams.getAll('level')).toEqual([
        'none',
      ]),
    );
    expect(screen.getByTestId('location-search')).toHaveTextContent(
      '?level=none',
    );
  });

  it('sends the readiness levels from the URL and clears them with the other filters', async () => {
    const requests = answerProjects(params =>
      params.getAll('level').length > 0
        ? emptyProjectsResponse
        : projectsResponse,
    );

    renderWithInnerSourceApi(<InnerSourcePage />, {
      initialRouteEntries: [
        '/innersource?level=silver&level=BRONZE&level=platinum',
      ],
    });

    expect(
      await screen.findByText('No projects match these filters'),
    ).toBeInTheDocument();
    expect(requests[0].getAll('level')).toEqual(['silver', 'bronze']);
    expect(screen.getByRole('checkbox', { name: 'Silver' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Bronze' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Gold' })).not.toBeChecked();

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );

    expect(await screen.findByText('30 projects')).toBeInTheDocument();
    expect(requests[requests.length - 1].has('level')).toBe(false);
    expect(screen.getByRole('checkbox', { name: 'Silver' })).not.toBeChecked();
  });

  it('sorts by activity and by InnerSource ratio', async () => {
    const urls: URL[] = [];
    server.use(
      http.get(PROJECTS_URL, ({ request }) => {
        urls.push(new URL(request.url));
        return HttpResponse.json(projectsResponse);
      }),
    );

    renderWithInnerSourceApi(<InnerSourcePage />);
    await screen.findByText('30 projects');

    const sort = screen.getByLabelText('Sort by');
    expect(
      within(sort)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual([
      'Most used',
      'Readiness',
      'Most active',
      'InnerSource ratio',
      'Stars',
      'Name',
      'Recently computed',
    ]);

    await userEvent.selectOptions(sort, 'Most active');
    await waitFor(() =>
      expect(urls[urls.length - 1].searchParams.get('sort')).toBe('activity'),
    );
    expect(urls[urls.length - 1].pathname).toBe('/api/innersource/projects');
    expect(sort).toHaveValue('activity');

    await userEvent.selectOptions(sort, 'InnerSource ratio');
    await waitFor(() =>
      expect(urls[urls.length - 1].searchParams.get('sort')).toBe('ratio'),
    );
  });

  it('offers to clear the filters when nothing matches', async () => {
    const requests = answerProjects(params =>
      params.get('innerSourceOnly') === 'true'
        ? emptyProjectsResponse
        : projectsResponse,
    );

    renderWithInnerSourceApi(<InnerSourcePage />, {
      initialRouteEntries: ['/innersource?innerSourceOnly=true'],
    });

    expect(
      await screen.findByText('No projects match these filters'),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );

    expect(await screen.findByText('30 projects')).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: 'InnerSource projects only' }),
    ).not.toBeChecked();
    expect(requests[requests.length - 1].has('innerSourceOnly')).toBe(false);
  });

  it('says so when there are no projects at all', async () => {
    answerProjects(() => emptyProjectsResponse);

    renderWithInnerSourceApi(<InnerSourcePage />);

    expect(await screen.findByText('No projects yet')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Clear filters' }),
    ).not.toBeInTheDocument();
  });

  it('shows an error panel when the backend rejects the request', async () => {
    server.use(
      http.get(PROJECTS_URL, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: "Invalid query: 'limit' must be at most 100",
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );

    renderWithInnerSourceApi(<InnerSourcePage />);

    expect(
      await screen.findByText(/'limit' must be at most 100/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^\d+ projects?$/)).not.toBeInTheDocument();
  });
});
