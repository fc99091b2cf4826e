import { discoveryApiRef, fetchApiRef } from '@backstage/frontend-plugin-api';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useLocation } from 'react-router-dom';
import {
  InnerSourceClient,
  ProjectListResponse,
} from '@innersource-backstage/plugin-innersource-common';
import {
  facetedProjectsResponse,
  paymentsResponse,
  paymentsScmResponse,
  scmProjectsResponse,
} from '../../__testUtils__/fixtures';
import { innerSourceApiRef } from '../../api';
import { InnerSourcePage } from './InnerSourcePage';

const PROJECTS_URL = '*/api/innersource/projects';
const CSV_URL = '*/api/innersource/projects.csv';

/** Shows the query string of the app's current location. */
function LocationSearch() {
  const location = useLocation();
  return <output data-testid="location-search">{location.search}</output>;
}

/** The current location's query parameters. */
function locationParams(): URLSearchParams {
  return new URLSearchParams(
    screen.getByTestId('location-search').textContent ?? '',
  );
}

/**
 * Renders the page and a view of the location in a test app whose InnerSource client, discovery
 * and fetch APIs go to `http://example.com` (answer them with msw).
 */
function renderPage(url = '/innersource') {
  const discoveryApi = mockApis.discovery();
  return renderInTestApp(
    <>
      <InnerSourcePage />
      <LocationSearch />
    </>,
    {
      apis: [
        [innerSourceApiRef, new InnerSourceClient({ discoveryApi })],
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, mockApis.fetch()],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: [url],
    },
  );
}

// Each test drives many controls with user-event.
jest.setTimeout(30_000);

describe('InnerSourcePage discovery controls', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  /** Answers the listing (by default with facets) and records the URL of every request. */
  function answerProjects(
    respond: (params: URLSearchParams) => ProjectListResponse = () =>
      facetedProjectsResponse,
  ) {
    const urls: URL[] = [];
    server.use(
      http.get(PROJECTS_URL, ({ request }) => {
        const url = new URL(request.url);
        urls.push(url);
        return HttpResponse.json(respond(url.searchParams));
      }),
    );
    return {
      urls,
      last: () => urls[urls.length - 1].searchParams,
    };
  }

  it('shows the count of every facet value and keeps selected values without matches', async () => {
    const { urls } = answerProjects();

    renderPage('/innersource?language=Rust&kind=Resource');

    expect(await screen.findByText('30 projects')).toBeInTheDocument();
    expect(urls[0].searchParams.get('facets')).toBe('true');

    const kinds = screen.getByRole('group', { name: 'Kind' });
    expect(
      within(kinds)
        .getAllByRole('checkbox')
        .map(box => box.closest('label')?.textContent),
    ).toEqual(['Component (20)', 'API (10)', 'Resource (0)', 'System (0)']);
    expect(
      within(kinds).getByRole('checkbox', { name: 'Resource (0)' }),
    ).toBeChecked();

    // Open-ended facets list the values with matches, most first, and the selected ones.
    const languages = screen.getByRole('group', { name: 'Language' });
    expect(
      within(languages)
        .getAllByRole('checkbox')
        .map(box => box.closest('label')?.textContent),
    ).toEqual(['Java (12)', 'TypeScript (9)', 'Go (4)', 'Rust (0)']);
    expect(
      within(languages).getByRole('checkbox', { name: 'Rust (0)' }),
    ).toBeChecked();
    expect(
      within(languages).getByRole('checkbox', { name: 'Java (12)' }),
    ).not.toBeChecked();

    expect(
      within(screen.getByRole('group', { name: 'Type' })).getByRole(
        'checkbox',
        { name: 'service (18)' },
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Tags' })).getByRole(
        'checkbox',
        { name: 'java (12)' },
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Lifecycle' })).getByRole(
        'checkbox',
        { name: 'deprecated (5)' },
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Readiness level' }))
        .getAllByRole('checkbox')
        .map(box => box.closest('label')?.textContent),
    ).toEqual(['Gold (2)', 'Silver (12)', 'Bronze (6)', 'Not ready (10)']);
    expect(
      within(screen.getByRole('group', { name: 'Activity level' }))
        .getAllByRole('checkbox')
        .map(box => box.closest('label')?.textContent),
    ).toEqual([
      'Extremely high (0)',
      'Very high (0)',
      'High (8)',
      'Moderate (7)',
      'Low (5)',
      'Very low (0)',
      'None (2)',
    ]);

    const businessUnit = screen.getByLabelText('Owner business unit');
    expect(
      within(businessUnit)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['All business units', 'finance (18)', 'retail (12)']);
  });

  // It drives a dozen controls one after the other, close to 30 s on a busy machine.
  it('sends the parameter of each filter control', async () => {
    const { last } = answerProjects();

    renderPage();
    await screen.findByText('30 projects');

    const check = async (group: string, name: string) =>
      userEvent.click(
        within(screen.getByRole('group', { name: group })).getByRole(
          'checkbox',
          { name },
        ),
      );

    await check('Language', 'Java (12)');
    await waitFor(() => expect(last().getAll('language')).toEqual(['Java']));

    await check('Type', 'service (18)');
    await waitFor(() => expect(last().getAll('type')).toEqual(['service']));

    await check('Tags', 'innersource (8)');
    await waitFor(() => expect(last().getAll('tag')).toEqual(['innersource']));

    await check('Lifecycle', 'production (25)');
    await waitFor(() =>
      expect(last().getAll('lifecycle')).toEqual(['production']),
    );

    await check('Activity level', 'High (8)');
    await check('Activity level', 'Low (5)');
    await waitFor(() =>
      expect(last().getAll('activity')).toEqual(['high', 'low']),
    );

    await check('Kind', 'API (10)');
    await waitFor(() => expect(last().getAll('kind')).toEqual(['API']));

    await userEvent.selectOptions(
      screen.getByLabelText('Owner business unit'),
      'finance (18)',
    );
    await waitFor(() =>
      expect(last().get('group')).toBe('group:default/finance'),
    );

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Accepting contributions' }),
    );
    await waitFor(() => expect(last().get('accepting')).toBe('true'));

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Hide inactive projects' }),
    );
    await waitFor(() => expect(last().get('hideStale')).toBe('true'));

    // Every filter combines with the others.
    const params = last();
    expect(params.getAll('language')).toEqual(['Java']);
    expect(params.getAll('type')).toEqual(['service']);
    expect(params.getAll('tag')).toEqual(['innersource']);
    expect(params.getAll('lifecycle')).toEqual(['production']);
    expect(params.getAll('activity')).toEqual(['high', 'low']);
    expect(params.get('facets')).toBe('true');
    expect(params.get('offset')).toBe('0');

    // One button clears them all.
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear 10 filters' }),
    );
    await waitFor(() =>
      expect([...last().keys()].sort()).toEqual([
        'facets',
        'limit',
        'offset',
        'sort',
      ]),
    );
    expect(locationParams().toString()).toBe('');
  }, 60_000);

  it('ranks a search by best match until the user picks another sort', async () => {
    const { last } = answerProjects();

    renderPage();
    await screen.findByText('30 projects');
    const sort = screen.getByLabelText('Sort by');
    expect(sort).toHaveValue('usage');
    expect(within(sort).queryByRole('option', { name: 'Best match' })).toBe(
      null,
    );

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search projects' }),
      'payments',
    );
    await waitFor(() => expect(last().get('q')).toBe('payments'));
    expect(last().get('sort')).toBe('relevance');
    expect(sort).toHaveValue('relevance');
    expect(
      within(sort)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual([
      'Best match',
      'Most used',
      'Readiness',
      'Most active',
      'InnerSource ratio',
      'Stars',
      'Name',
      'Recently computed',
    ]);
    expect(locationParams().has('sort')).toBe(false);

    await userEvent.selectOptions(sort, 'Most used');
    await waitFor(() => expect(last().get('sort')).toBe('usage'));
    expect(last().get('q')).toBe('payments');
    expect(locationParams().get('sort')).toBe('usage');
  });

  it('restores every control from the URL, sends it, and writes changes back', async () => {
    const { urls, last } = answerProjects();
    server.use(
      http.get('*/api/innersource/entities/:kind/:namespace/:name', () =>
        HttpResponse.json(paymentsResponse),
      ),
    );
    const url =
      '/innersource?q=ledger&kind=Component&type=service&language=Java&tag=java' +
      '&lifecycle=production&innerSourceOnly=true&level=silver&activity=high' +
      '&group=group:default/finance&accepting=true&hideStale=true&sort=name&order=desc' +
      '&page=2&view=table&project=component:default/payments-service&tab=discovery';

    renderPage(url);

    expect(await screen.findByText('30 projects')).toBeInTheDocument();
    const sent = urls[0].searchParams;
    expect(Object.fromEntries(sent)).toEqual({
      q: 'ledger',
      kind: 'Component',
      type: 'service',
      language: 'Java',
      tag: 'java',
      lifecycle: 'production',
      innerSourceOnly: 'true',
      level: 'silver',
      activity: 'high',
      group: 'group:default/finance',
      accepting: 'true',
      hideStale: 'true',
      facets: 'true',
      sort: 'name',
      order: 'desc',
      limit: '24',
      offset: '24',
    });
    // Only the controls' state goes to the backend: not the view or the open project.
    expect(urls).toHaveLength(1);

    const details = await screen.findByRole('dialog', {
      name: 'Payments Service',
    });
    expect(details).toBeInTheDocument();

    // Changes go back into the URL, keeping parameters the page does not own.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(locationParams().has('project')).toBe(false));
    expect(
      screen.getByRole('searchbox', { name: 'Search projects' }),
    ).toHaveValue('ledger');
    expect(
      screen.getByRole('checkbox', { name: 'Component (20)' }),
    ).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'service (18)' }),
    ).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Java (12)' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'java (12)' })).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'production (25)' }),
    ).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'InnerSource projects only' }),
    ).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Silver (12)' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'High (8)' })).toBeChecked();
    expect(screen.getByLabelText('Owner business unit')).toHaveValue(
      'group:default/finance',
    );
    expect(
      screen.getByRole('checkbox', { name: 'Accepting contributions' }),
    ).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Hide inactive projects' }),
    ).toBeChecked();
    expect(screen.getByLabelText('Sort by')).toHaveValue('name');
    expect(screen.getByRole('button', { name: 'page 2' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect(screen.getByRole('button', { name: 'Table' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('table', { name: 'Projects' })).toBeInTheDocument();
    expect(locationParams().get('page')).toBe('2');
    expect(locationParams().get('tab')).toBe('discovery');

    await userEvent.click(screen.getByRole('button', { name: 'Cards' }));
    await waitFor(() => expect(locationParams().has('view')).toBe(false));
    expect(locationParams().get('page')).toBe('2');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Go (4)' }));
    await waitFor(() =>
      expect(last().getAll('language')).toEqual(['Java', 'Go']),
    );
    expect(locationParams().getAll('language')).toEqual(['Java', 'Go']);
    // A changed filter starts again at the first page.
    expect(locationParams().has('page')).toBe(false);
    expect(last().get('offset')).toBe('0');
    expect(locationParams().get('tab')).toBe('discovery');
  });

  it('keeps the facet counts when only the page or the sort changes, instead of counting again', async () => {
    const { urls, last } = answerProjects(params =>
      params.get('facets') === 'true'
        ? facetedProjectsResponse
        : { ...facetedProjectsResponse, facets: undefined },
    );
    renderPage('/innersource?q=ledger');
    expect(await screen.findByText('30 projects')).toBeInTheDocument();
    expect(last().get('facets')).toBe('true');

    await userEvent.click(screen.getByRole('button', { name: /page 2/ }));
    await waitFor(() => expect(last().get('offset')).toBe('24'));
    expect(last().has('facets')).toBe(false);
    // the counts of the first answer are still shown
    expect(
      await screen.findByRole('checkbox', { name: 'Component (20)' }),
    ).toBeInTheDocument();

    await userEvent.selectOptions(
      screen.getByLabelText('Sort by'),
      'Most used',
    );
    await waitFor(() => expect(last().get('sort')).toBe('usage'));
    expect(last().has('facets')).toBe(false);
    expect(
      screen.getByRole('checkbox', { name: 'Component (20)' }),
    ).toBeInTheDocument();

    // another filter changes what matches: the counts are asked for again
    const before = urls.length;
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Component (20)' }),
    );
    await waitFor(() => expect(urls.length).toBeGreaterThan(before));
    expect(last().get('facets')).toBe('true');
    expect(last().get('kind')).toBe('Component');
  });

  it('exports the current result as CSV through the fetch API', async () => {
    answerProjects();
    const csv =
      'entityRef,name,title\r\ncomponent:default/payments-service,payments-service,Payments Service\r\n';
    const csvUrls: URL[] = [];
    server.use(
      http.get(CSV_URL, ({ request }) => {
        csvUrls.push(new URL(request.url));
        return new HttpResponse(csv, {
          headers: { 'Content-Type': 'text/csv' },
        });
      }),
    );
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:http://localhost/csv';
    });
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const downloads: Array<{ href: string; download: string }> = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        downloads.push({ href: this.href, download: this.download });
      });

    try {
      renderPage(
        '/innersource?q=pay&kind=API&hideStale=true&sort=usage&page=2',
      );
      await screen.findByText('30 projects');

      await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

      await waitFor(() => expect(downloads).toHaveLength(1));
      expect(csvUrls).toHaveLength(1);
      expect(csvUrls[0].pathname).toBe('/api/innersource/projects.csv');
      // The filters and sort of the view, and neither the page nor the facets.
      expect(Object.fromEntries(csvUrls[0].searchParams)).toEqual({
        q: 'pay',
        kind: 'API',
        hideStale: 'true',
        sort: 'usage',
      });
      expect(downloads[0]).toEqual({
        href: 'blob:http://localhost/csv',
        download: 'innersource-projects.csv',
      });
      expect(createObjectURL).toHaveBeenCalledTimes(1);
      expect(await blobs[0].text()).toBe(csv);
    } finally {
      click.mockRestore();
    }
  });

  it('shows the results as a table whose headers sort on the server', async () => {
    const { last } = answerProjects();

    renderPage();
    await screen.findByText('30 projects');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Table' }));
    expect(locationParams().get('view')).toBe('table');

    const table = screen.getByRole('table', { name: 'Projects' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual([
      'Project',
      'Owner',
      'Language',
      'Activity',
      'Usage',
      'Readiness',
      'InnerSource ratio',
      'Details',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const payments = rows[0];
    expect(
      within(payments).getByRole('link', { name: 'Payments Service' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-service');
    expect(payments).toHaveTextContent('Team Payments');
    expect(payments).toHaveTextContent('Java');
    expect(payments).toHaveTextContent('Highscore 412');
    expect(payments).toHaveTextContent('124 business units');
    expect(payments).toHaveTextContent('Silver');
    expect(payments).toHaveTextContent('86/100');
    expect(payments).toHaveTextContent('38%');
    expect(rows[2]).toHaveTextContent(/Inactive since/);

    // The default sort is shown on its column; choosing it again reverses it.
    const usage = within(table).getByRole('columnheader', { name: 'Usage' });
    expect(usage).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(within(usage).getByRole('button'));
    await waitFor(() => expect(last().get('order')).toBe('asc'));
    expect(last().get('sort')).toBe('usage');
    expect(locationParams().get('sort')).toBe('usage');
    expect(locationParams().get('order')).toBe('asc');

    await userEvent.click(
      within(
        within(table).getByRole('columnheader', { name: 'Project' }),
      ).getByRole('button'),
    );
    await waitFor(() => expect(last().get('sort')).toBe('name'));
    expect(last().get('order')).toBe('asc');
    expect(
      screen.getByRole('columnheader', { name: 'Project' }),
    ).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByLabelText('Sort by')).toHaveValue('name');
  });

  it('opens the details of a project from its card and closes them with Escape', async () => {
    const { urls } = answerProjects();

    renderPage();
    await screen.findByText('30 projects');
    const card = screen.getByRole('article', { name: 'Payments Service' });
    const detailsButton = within(card).getByRole('button', {
      name: 'Details of Payments Service',
    });

    await userEvent.click(detailsButton);

    const details = await screen.findByRole('dialog', {
      name: 'Payments Service',
    });
    expect(locationParams().get('project')).toBe(
      'component:default/payments-service',
    );
    expect(details).toHaveTextContent(
      'One way to take payments across ACME, so that no team builds its own.',
    );
    const wanted = within(details).getByRole('list', {
      name: 'Contributions wanted',
    });
    expect(
      within(wanted)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'Support for SEPA instant transfers',
      'Clearer messages for declined cards',
    ]);
    expect(within(details).getByLabelText('Skills')).toHaveTextContent(
      'JavaSpring BootPayments domain',
    );
    expect(
      within(details).getByRole('link', { name: 'Open the InnerSource tab' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-service/innersource',
    );
    expect(
      within(details).getByRole('link', { name: /Open the docs/ }),
    ).toHaveAttribute('href', 'https://docs.example.com/payments');
    expect(details).toHaveTextContent('12 consumers from 4 business units');
    expect(details).toHaveTextContent('Repository Activity Score 412');
    expect(details).toHaveTextContent('86/100');
    expect(details).toHaveTextContent('Level Silver');
    // Opening the details does not fetch the listing again.
    expect(urls).toHaveLength(1);

    await userEvent.keyboard('{Escape}');

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(locationParams().has('project')).toBe(false);
    expect(detailsButton).toHaveFocus();
  });

  it('says honestly when the owners have not described a project, and links where to start', async () => {
    answerProjects();

    renderPage();
    await screen.findByText('30 projects');
    const card = screen.getByRole('article', { name: 'Identity API' });
    // Without docs, Contribute goes to the InnerSource tab.
    expect(
      within(card).getByRole('link', { name: 'Contribute to Identity API' }),
    ).toHaveAttribute('href', '/catalog/default/api/identity-api/innersource');
    expect(
      within(
        screen.getByRole('article', { name: 'Payments Service' }),
      ).getByRole('link', { name: /Contribute to Payments Service/ }),
    ).toHaveAttribute('href', 'https://docs.example.com/payments');

    await userEvent.click(
      within(card).getByRole('button', { name: 'Details of Identity API' }),
    );
    const details = await screen.findByRole('dialog', { name: 'Identity API' });
    expect(details).toHaveTextContent(
      /have not described the project's motivation/,
    );
    expect(
      within(details).queryByRole('list', { name: 'Contributions wanted' }),
    ).not.toBeInTheDocument();
    expect(
      within(details).getByRole('link', { name: 'Open the InnerSource tab' }),
    ).toHaveAttribute('href', '/catalog/default/api/identity-api/innersource');

    await userEvent.click(
      within(details).getByRole('button', { name: 'Close details' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('fetches the details of a linked project that is not on the page', async () => {
    answerProjects(() => ({
      ...facetedProjectsResponse,
      items: facetedProjectsResponse.items.filter(
        item => item.entity.name !== 'payments-service',
      ),
    }));
    const entityUrls: string[] = [];
    server.use(
      http.get(
        '*/api/innersource/entities/:kind/:namespace/:name',
        ({ request }) => {
          entityUrls.push(new URL(request.url).pathname);
          return HttpResponse.json(paymentsResponse);
        },
      ),
    );

    renderPage('/innersource?project=component:default/payments-service');

    const details = await screen.findByRole('dialog', {
      name: 'Payments Service',
    });
    expect(entityUrls).toEqual([
      '/api/innersource/entities/component/default/payments-service',
    ]);
    expect(details).toHaveTextContent('3 consumers from 2 business units');
    expect(details).toHaveTextContent('Repository Activity Score 412');
    expect(details).toHaveTextContent('Level Bronze');
  });

  it('marks inactive projects and hides them with the switch', async () => {
    const { last } = answerProjects(params =>
      params.get('hideStale') === 'true'
        ? {
            ...facetedProjectsResponse,
            items: facetedProjectsResponse.items.filter(item => !item.inactive),
            totalCount: 29,
          }
        : facetedProjectsResponse,
    );

    renderPage();
    await screen.findByText('30 projects');
    const legacy = screen.getByRole('article', { name: 'Legacy Ledger' });
    const marker = within(legacy).getByText(/^Inactive since/);
    expect(marker).toHaveTextContent(
      `Inactive since ${new Date('2024-01-15T10:00:00.000Z').toLocaleDateString(
        undefined,
        { year: 'numeric', month: 'short', day: 'numeric' },
      )}`,
    );
    expect(
      within(
        screen.getByRole('article', { name: 'Payments Service' }),
      ).queryByText(/^Inactive/),
    ).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Hide inactive projects' }),
    );

    expect(await screen.findByText('29 projects')).toBeInTheDocument();
    expect(last().get('hideStale')).toBe('true');
    expect(locationParams().get('hideStale')).toBe('true');
    expect(
      screen.queryByRole('article', { name: 'Legacy Ledger' }),
    ).not.toBeInTheDocument();
  });

  describe('with figures from the SCM platform', () => {
    it('filters by good first issues, keeping the filter in the URL', async () => {
      const { urls, last } = answerProjects(params =>
        params.get('goodFirstIssues') === 'true'
          ? {
              ...scmProjectsResponse,
              items: scmProjectsResponse.items.filter(
                item => !!item.goodFirstIssueCount,
              ),
              totalCount: 6,
              nextOffset: undefined,
            }
          : scmProjectsResponse,
      );

      renderPage('/innersource?goodFirstIssues=true&tab=discovery');

      expect(await screen.findByText('6 projects')).toBeInTheDocument();
      expect(urls[0].searchParams.get('goodFirstIssues')).toBe('true');
      const filter = screen.getByRole('checkbox', {
        name: 'Has good first issues',
      });
      expect(filter).toBeChecked();
      expect(
        screen.getByRole('button', { name: 'Clear 1 filter' }),
      ).toBeInTheDocument();

      // Space toggles the switch from the keyboard.
      filter.focus();
      await userEvent.keyboard(' ');

      expect(await screen.findByText('30 projects')).toBeInTheDocument();
      expect(last().has('goodFirstIssues')).toBe(false);
      expect(locationParams().has('goodFirstIssues')).toBe(false);
      expect(locationParams().get('tab')).toBe('discovery');
      expect(filter).not.toBeChecked();

      await userEvent.click(filter);
      await waitFor(() => expect(last().get('goodFirstIssues')).toBe('true'));
      expect(locationParams().get('goodFirstIssues')).toBe('true');

      await userEvent.click(
        screen.getByRole('button', { name: 'Clear 1 filter' }),
      );
      await waitFor(() => expect(last().has('goodFirstIssues')).toBe(false));
      expect(locationParams().has('goodFirstIssues')).toBe(false);
    });

    it('counts the projects with good first issues when the backend does', async () => {
      answerProjects(() => ({
        ...scmProjectsResponse,
        facets: {
          ...scmProjectsResponse.facets,
          goodFirstIssues: [{ value: 'true', count: 6 }],
        },
      }));

      renderPage();
      await screen.findByText('30 projects');

      expect(
        screen.getByRole('checkbox', { name: 'Has good first issues (6)' }),
      ).not.toBeChecked();
    });

    it('sorts by stars from the select and from the table header', async () => {
      const { last } = answerProjects(() => scmProjectsResponse);

      renderPage();
      await screen.findByText('30 projects');

      await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'Stars');
      await waitFor(() => expect(last().get('sort')).toBe('stars'));
      expect(last().has('order')).toBe(false);
      expect(locationParams().get('sort')).toBe('stars');

      await userEvent.click(screen.getByRole('button', { name: 'Table' }));
      const table = screen.getByRole('table', { name: 'Projects' });
      const stars = within(table).getByRole('columnheader', { name: 'Stars' });
      expect(stars).toHaveAttribute('aria-sort', 'descending');
      await userEvent.click(within(stars).getByRole('button'));
      await waitFor(() => expect(last().get('order')).toBe('asc'));
      expect(last().get('sort')).toBe('stars');
      expect(locationParams().get('order')).toBe('asc');
    });

    it('shows the stars and good first issues in the cards and the table', async () => {
      answerProjects(() => scmProjectsResponse);

      renderPage();
      await screen.findByText('30 projects');

      const payments = screen.getByRole('article', {
        name: 'Payments Service',
      });
      expect(payments).toHaveTextContent('Stars: 128');
      expect(payments).toHaveTextContent('Good first issues: 4');
      const identity = screen.getByRole('article', { name: 'Identity API' });
      expect(identity).toHaveTextContent('Stars: 9');
      expect(identity).not.toHaveTextContent('Good first issues');
      const legacy = screen.getByRole('article', { name: 'Legacy Ledger' });
      expect(legacy).not.toHaveTextContent('Stars');

      await userEvent.click(screen.getByRole('button', { name: 'Table' }));
      const table = screen.getByRole('table', { name: 'Projects' });
      expect(
        within(table)
          .getAllByRole('columnheader')
          .map(header => header.textContent),
      ).toEqual([
        'Project',
        'Owner',
        'Language',
        'Activity',
        'Usage',
        'Readiness',
        'InnerSource ratio',
        'Stars',
        'Good first issues',
        'Details',
      ]);
      const rows = within(table).getAllByRole('row').slice(1);
      const scmCells = (row: HTMLElement) =>
        within(row)
          .getAllByRole('cell')
          .slice(-3, -1)
          .map(cell => cell.textContent);
      expect(rows.map(scmCells)).toEqual([
        ['128', '4'],
        ['9', '0'],
        ['–', '–'],
      ]);
    });

    it('lists the open good first issues of a project in its details', async () => {
      answerProjects(() => scmProjectsResponse);
      const entityUrls: string[] = [];
      server.use(
        http.get(
          '*/api/innersource/entities/:kind/:namespace/:name',
          ({ request }) => {
            entityUrls.push(new URL(request.url).pathname);
            return HttpResponse.json(paymentsScmResponse);
          },
        ),
      );

      renderPage();
      await screen.findByText('30 projects');

      // A project without good first issues needs no more than the listing.
      await userEvent.click(
        screen.getByRole('button', { name: 'Details of Identity API' }),
      );
      const identity = await screen.findByRole('dialog', {
        name: 'Identity API',
      });
      expect(
        within(identity).queryByRole('heading', { name: /Good first issues/ }),
      ).not.toBeInTheDocument();
      expect(within(identity).getByLabelText('Facts')).toHaveTextContent(
        'Stars9',
      );
      await userEvent.keyboard('{Escape}');
      await waitFor(() =>
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      );
      expect(entityUrls).toEqual([]);

      await userEvent.click(
        screen.getByRole('button', { name: 'Details of Payments Service' }),
      );
      const details = await screen.findByRole('dialog', {
        name: 'Payments Service',
      });
      expect(
        within(details).getByRole('heading', { name: 'Good first issues (4)' }),
      ).toBeInTheDocument();
      const issues = await within(details).findByRole('list', {
        name: 'Good first issues',
      });
      expect(
        within(issues)
          .getAllByRole('link')
          .map(link => link.getAttribute('href')),
      ).toEqual([
        'https://github.com/acme/payments-service/issues/231',
        'https://github.com/acme/payments-service/issues/219',
        'https://github.com/acme/payments-service/issues/187',
      ]);
      expect(
        within(issues).getByRole('link', {
          name: /^#219 Clearer message for declined cards/,
        }),
      ).toBeInTheDocument();
      expect(details).toHaveTextContent('Showing the newest 3 of 4.');
      expect(entityUrls).toEqual([
        '/api/innersource/entities/component/default/payments-service',
      ]);
    });
  });

  describe('on a small screen', () => {
    const matchMedia = window.matchMedia;
    beforeEach(() => {
      window.matchMedia = jest.fn((query: string) => ({
        matches: query.includes('max-width'),
        media: query,
        onchange: null,
        addListener: jest.fn(),
        removeListener: jest.fn(),
        addEventListener: jest.fn(),
        removeEventListener: jest.fn(),
        dispatchEvent: jest.fn(),
      })) as unknown as typeof window.matchMedia;
    });
    afterEach(() => {
      window.matchMedia = matchMedia;
    });

    it('collapses the filters into a button that opens them in a drawer', async () => {
      const { last } = answerProjects();

      renderPage('/innersource?accepting=true');
      await screen.findByText('30 projects');
      expect(
        screen.queryByRole('group', { name: 'Kind' }),
      ).not.toBeInTheDocument();

      const button = screen.getByRole('button', {
        name: 'Filters and sort (1)',
      });
      await userEvent.click(button);
      const drawer = await screen.findByRole('dialog', {
        name: 'Filters and sort',
      });
      await userEvent.click(
        within(drawer).getByRole('checkbox', { name: 'Java (12)' }),
      );
      await waitFor(() => expect(last().getAll('language')).toEqual(['Java']));

      await userEvent.click(
        within(drawer).getByRole('button', { name: 'Show results' }),
      );
      await waitFor(() =>
        expect(
          screen.queryByRole('dialog', { name: 'Filters and sort' }),
        ).not.toBeInTheDocument(),
      );
      await act(async () => {});
      expect(
        screen.getByRole('button', { name: 'Filters and sort (2)' }),
      ).toHaveFocus();
    });
  });
});
