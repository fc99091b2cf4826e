import {
  registerMswTestHooks,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { projectsResponse } from './__testUtils__/fixtures';
import innersourcePlugin from './alpha';

jest.setTimeout(30_000);

describe('innersource plugin (new frontend system)', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('serves the discovery page at /innersource with the plugin API client and a nav item', async () => {
    const requests: URL[] = [];
    server.use(
      http.get('*/api/innersource/projects', ({ request }) => {
        requests.push(new URL(request.url));
        return HttpResponse.json(projectsResponse);
      }),
    );

    renderTestApp({
      features: [innersourcePlugin],
      initialRouteEntries: ['/innersource'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    // The page is loaded lazily, which takes more than the default second on a busy machine.
    expect(
      await screen.findByText('30 projects', undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Find reusable components and ways to contribute'),
    ).toBeInTheDocument();
    // The page brings its own header, so the page layout must not add a second one.
    expect(
      screen.getAllByRole('heading', { name: 'InnerSource' }),
    ).toHaveLength(1);
    expect(screen.getByRole('link', { name: /InnerSource/ })).toHaveAttribute(
      'href',
      '/innersource',
    );
    // The ApiBlueprint factory resolves the backend through the discovery API.
    expect(requests[0].origin + requests[0].pathname).toBe(
      'http://localhost:7007/api/innersource/projects',
    );
  });
});
