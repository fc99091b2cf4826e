import { EntityProvider } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { paymentsEntity, paymentsResponse } from '../../__testUtils__/fixtures';
import { renderWithInnerSourceApi } from '../../__testUtils__/renderWithInnerSourceApi';
import { EntityInnerSourceContent } from './EntityInnerSourceContent';

const ENTITY_URL = '*/api/innersource/entities/:kind/:namespace/:name';

function renderTab() {
  return renderWithInnerSourceApi(
    <EntityProvider entity={paymentsEntity}>
      <EntityInnerSourceContent />
    </EntityProvider>,
  );
}

describe('EntityInnerSourceContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('shows usage, readiness, history and the stale warning', async () => {
    const requests: URL[] = [];
    server.use(
      http.get(ENTITY_URL, ({ request }) => {
        requests.push(new URL(request.url));
        return HttpResponse.json(paymentsResponse);
      }),
    );

    renderTab();

    // Usage
    expect(
      await screen.findByText('Who uses this project?'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('usage-count')).toHaveTextContent('3');
    expect(screen.getByText('from 2 business units')).toBeInTheDocument();
    const businessUnits = screen.getByRole('list', { name: 'Business units' });
    expect(
      within(businessUnits).getByText('Retail Banking'),
    ).toBeInTheDocument();
    expect(within(businessUnits).getByText('2 consumers')).toBeInTheDocument();
    expect(screen.getByText('Checkout Web')).toBeInTheDocument();
    expect(screen.getByText('Claims Portal')).toBeInTheDocument();
    expect(screen.getByText(/consumes API/)).toBeInTheDocument();

    // Readiness
    expect(
      screen.getByText('What is missing before other teams can contribute?'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Readiness score 64 out of 100' }),
    ).toBeInTheDocument();
    expect(screen.getByText('1 error, 1 warning')).toBeInTheDocument();
    expect(
      screen.getByText('Expected a CONTRIBUTING.md link; found none.'),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('How to fix: Has a contribution guide'),
    ).toHaveTextContent('Add a CONTRIBUTING.md and link it under');
    // Remediation is only shown for failures.
    expect(
      screen.queryByLabelText('How to fix: Has a description'),
    ).not.toBeInTheDocument();
    expect(
      screen.getAllByTitle('Failed (error)').length,
    ).toBeGreaterThanOrEqual(1);
    expect(screen.getAllByTitle('Passed')).toHaveLength(2);
    expect(screen.getByTitle('Not applicable')).toBeInTheDocument();

    // Stale warning
    expect(
      screen.getByText('These figures may be out of date'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Error: Catalog request timed out after 30s'),
    ).toBeInTheDocument();

    // History, newest first
    const history = screen.getByRole('table', { name: 'Recent snapshots' });
    const rows = within(history).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('2025-06-02');

    expect(requests).toHaveLength(1);
    expect(requests[0].pathname).toBe(
      '/api/innersource/entities/component/default/payments-service',
    );
    expect(requests[0].searchParams.get('historyDays')).toBe('90');
  });

  it('does not warn when the figures are current', async () => {
    server.use(
      http.get(ENTITY_URL, () =>
        HttpResponse.json({
          ...paymentsResponse,
          result: { ...paymentsResponse.result, status: { stale: false } },
        }),
      ),
    );

    renderTab();

    expect(
      await screen.findByText('Who uses this project?'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('These figures may be out of date'),
    ).not.toBeInTheDocument();
  });

  it('explains that nothing was computed yet when the backend answers 404', async () => {
    server.use(
      http.get(ENTITY_URL, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message:
                'No InnerSource results for component:default/payments-service yet',
            },
          },
          { status: 404 },
        ),
      ),
    );

    renderTab();

    expect(
      await screen.findByText('No InnerSource data yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/computed on the next scheduled refresh/),
    ).toBeInTheDocument();
  });

  it('shows an error panel when the backend fails', async () => {
    server.use(
      http.get(ENTITY_URL, () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'Database is unavailable' },
            response: { statusCode: 500 },
          },
          { status: 500 },
        ),
      ),
    );

    renderTab();

    expect(
      await screen.findByText(/Database is unavailable/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Who uses this project?'),
    ).not.toBeInTheDocument();
  });
});
