import type { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { ledgerGroupProgram } from '../../__testUtils__/programFixtures';
import { renderWithInnerSourceApi } from '../../__testUtils__/renderWithInnerSourceApi';
import { EntityInnerSourceGroupContent } from './EntityInnerSourceGroupContent';

jest.setTimeout(30_000);

const ledgerTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-ledger', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

function rowsOf(name: string): string[][] {
  return within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .map(row =>
      Array.from(row.querySelectorAll('th, td')).map(c => c.textContent ?? ''),
    );
}

describe('EntityInnerSourceGroupContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function answer(body: JsonBodyType, status = 200) {
    const requests: URL[] = [];
    server.use(
      http.get(
        '*/api/innersource/program/groups/:namespace/:name',
        ({ request }) => {
          requests.push(new URL(request.url));
          return HttpResponse.json(body, { status });
        },
      ),
    );
    return requests;
  }

  const render = () =>
    renderWithInnerSourceApi(
      <EntityProvider entity={ledgerTeam}>
        <EntityInnerSourceGroupContent />
      </EntityProvider>,
    );

  it("shows the group's projects, its contributions elsewhere and what it reuses", async () => {
    const requests = answer(ledgerGroupProgram);
    render();

    expect(
      await screen.findByRole('region', { name: 'Projects of Ledger Team' }),
    ).toHaveTextContent(
      "QuestionHow are the group's projects reused, how ready are they, and who outside contributes?",
    );
    expect(requests[0].pathname).toBe(
      '/api/innersource/program/groups/default/team-ledger',
    );
    expect(requests[0].searchParams.get('window')).toBe('365d');
    expect(rowsOf('Projects of Ledger Team')[1]).toEqual([
      'Ledger SDK',
      'Ledger Team',
      '5',
      '3',
      'Gold (100)',
      'Yes',
      '12',
      '2',
      new Date('2026-11-20T10:00:00.000Z').toLocaleDateString(),
      '',
    ]);
    expect(rowsOf('Contributions of Ledger Team to other teams')[1]).toEqual([
      'Storefront Web',
      'Storefront Team',
      'Ledger Team',
      '4',
    ]);
    expect(rowsOf('Projects Ledger Team reuses')[1]).toEqual([
      'Identity API',
      'Identity Team',
      'Ledger Service, Ledger SDK',
    ]);
    expect(
      within(
        screen.getByRole('table', { name: 'Projects Ledger Team reuses' }),
      ).getByRole('link', { name: 'Identity API' }),
    ).toHaveAttribute('href', '/catalog/default/api/identity-api');
  });

  it('asks for the figures of another window', async () => {
    const requests = answer(ledgerGroupProgram);
    render();
    await screen.findByRole('region', { name: 'Projects of Ledger Team' });

    await userEvent.click(screen.getByRole('button', { name: '30 days' }));

    await waitFor(() =>
      expect(requests[requests.length - 1].searchParams.get('window')).toBe(
        '30d',
      ),
    );
  });

  it('shows empty states for a group without projects, contributions or reuse', async () => {
    answer({
      ...ledgerGroupProgram,
      projects: [],
      contributionsToOthers: [],
      reusedProjects: [],
    });
    render();

    expect(
      await screen.findByText(
        /own no Components, APIs, Resources or Systems that you can see/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText("No commits to other teams' projects in this window."),
    ).toBeInTheDocument();
    expect(
      screen.getByText("The group's entities use no projects of other teams."),
    ).toBeInTheDocument();
  });

  it('says when there are no figures for the group yet', async () => {
    answer({ error: { name: 'NotFoundError', message: 'No group' } }, 404);
    render();

    expect(
      await screen.findByText('No InnerSource data yet'),
    ).toBeInTheDocument();
  });
});
