import { EntityProvider } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type {
  ContributionSummary,
  EntityInnerSourceResponse,
  WindowContributions,
} from '@innersource-backstage/plugin-innersource-common';
import {
  paymentsContributions,
  paymentsEntity,
  paymentsResponse,
} from '../../__testUtils__/fixtures';
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

/** The answer of the backend with other contribution figures, or none. */
function withContributions(
  contributions: ContributionSummary | undefined,
): EntityInnerSourceResponse {
  return {
    ...paymentsResponse,
    result: { ...paymentsResponse.result, contributions },
  };
}

/** The contribution figures with some figures of the 365-day window changed. */
function withYearFigures(
  changes: Partial<WindowContributions>,
): ContributionSummary {
  return {
    ...paymentsContributions,
    windows: paymentsContributions.windows.map(figures =>
      figures.window === '365d' ? { ...figures, ...changes } : figures,
    ),
  };
}

/** The value of the big figure with the given label, with the line under it. */
function figure(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
}

/** The cells of a table's body rows, as text. */
function rowTexts(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => [
      ...within(row)
        .queryAllByRole('rowheader')
        .map(cell => cell.textContent ?? ''),
      ...within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    ]);
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
    // found in the consumer's dependency manifest
    expect(
      screen.getByText('uses its package (services/claims/package.json)'),
    ).toBeInTheDocument();

    // Readiness
    expect(
      screen.getByText('What is missing before other teams can contribute?'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Readiness score 59 out of 100' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('1 error, 2 warnings, 1 waived'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('3 of 7 applicable checks pass'),
    ).toBeInTheDocument();
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
    expect(screen.getAllByTitle('Passed')).toHaveLength(3);
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
  describe('contributions from git history', () => {
    function answerWith(response: EntityInnerSourceResponse) {
      server.use(http.get(ENTITY_URL, () => HttpResponse.json(response)));
    }

    it('shows who outside the owning team contributes over the last 365 days', async () => {
      answerWith(paymentsResponse);

      renderTab();

      expect(
        await screen.findByText('Who outside the owning team contributes?'),
      ).toBeInTheDocument();
      expect(
        screen.getByText('Code contributions from git history'),
      ).toBeInTheDocument();

      // The 365-day window is chosen by default.
      expect(screen.getByRole('button', { name: '365 days' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      expect(figure('Commits by the owning team')).toHaveTextContent('160');
      expect(figure('Code contributions from outside')).toHaveTextContent('98');
      expect(figure('InnerSource ratio')).toHaveTextContent('38%');
      expect(
        within(figure('Outside contributors')).getByText('9'),
      ).toBeInTheDocument();
      expect(
        within(figure('Outside contributors')).getByText(
          '4 new in the last 365 days',
        ),
      ).toBeInTheDocument();
      expect(within(figure('Unknown authors')).getByText('2')).toBeVisible();
      expect(
        within(figure('Unknown authors')).getByText('4 commits'),
      ).toBeInTheDocument();
      expect(
        screen.getByTitle(
          'Authors whose email matches no catalog user; add aliases in config',
        ),
      ).toBeInTheDocument();
      expect(figure('Bot commits left out')).toHaveTextContent('51');

      // Outside teams, linked to their groups.
      const teams = screen.getByRole('table', { name: 'Outside teams' });
      const checkout = within(teams).getByRole('row', {
        name: /Team Checkout/,
      });
      expect(
        within(checkout).getByRole('link', { name: 'Team Checkout' }),
      ).toHaveAttribute('href', '/catalog/default/group/team-checkout');
      expect(rowTexts(teams)).toEqual([
        ['Team Checkout', '52', '4'],
        ['Team Claims', '31', '3'],
        ['Team Platform', '15', '2'],
      ]);

      // Top outside contributors, linked to their users, with team and distance.
      const people = screen.getByRole('table', {
        name: 'Top outside contributors',
      });
      const ana = within(people).getByRole('row', { name: /Ana Lima/ });
      expect(
        within(ana).getByRole('link', { name: 'Ana Lima' }),
      ).toHaveAttribute('href', '/catalog/default/user/ana.lima');
      expect(
        within(ana).getByRole('link', { name: 'Team Checkout' }),
      ).toHaveAttribute('href', '/catalog/default/group/team-checkout');
      expect(rowTexts(people)).toEqual([
        ['Ana Lima', 'Team Checkout', '24', '2'],
        ['Ben Okafor', 'Team Claims', '18', '4'],
        ['Chris Wu', 'Team Checkout', '12', '2'],
        ['Dara Singh', 'Team Platform', '9', '1'],
        ['Eli Novak', '–', '7', 'unknown'],
      ]);
      // An author without a catalog user is named but not linked.
      const eli = within(people).getByRole('row', { name: /Eli Novak/ });
      expect(within(eli).queryByRole('link')).not.toBeInTheDocument();

      // Concentration, without a warning when three people make half of the commits.
      expect(figure('Contributor Absence Factor')).toHaveTextContent('3');
      expect(figure('Elephant factor')).toHaveTextContent('1');
      expect(
        screen.queryByText(/One person makes half of all commits/),
      ).not.toBeInTheDocument();

      // The charts come with tables of the same numbers.
      expect(
        screen.getByText(
          'How far away in the organisation do contributions come from?',
        ),
      ).toBeInTheDocument();
      const distances = screen.getByRole('table', {
        name: 'Commits by contribution distance',
      });
      expect(rowTexts(distances)).toEqual([
        ['0 (same team)', '160'],
        ['1', '15'],
        ['2', '52'],
        ['3', '0'],
        ['4', '31'],
        ['unknown', '4'],
      ]);
      expect(
        screen.getByText('Commits per week (last 52 weeks)'),
      ).toBeInTheDocument();
      const weeks = rowTexts(
        screen.getByRole('table', { name: 'Commits per week' }),
      );
      expect(weeks).toHaveLength(52);
      expect(weeks[0][0]).toBe('2024-06-10');
      expect(weeks[51][0]).toBe('2025-06-02');
      // Owning team, outside and unknown authors add up to the commits of the year.
      const totals = [1, 2, 3].map(column =>
        weeks.reduce((sum, week) => sum + Number(week[column]), 0),
      );
      expect(totals).toEqual([160, 98, 4]);

      // Activity level next to when the figures were computed.
      expect(
        screen.getByTitle('Repository Activity Score 412 (High)'),
      ).toHaveTextContent('Activity: High');

      // Where the history comes from, and no warning while it is current.
      expect(
        screen.getByRole('link', {
          name: /^https:\/\/git\.example\.com\/finance\/payments\.git/,
        }),
      ).toHaveAttribute('href', 'https://git.example.com/finance/payments.git');
      expect(screen.getByText('services/payments')).toBeInTheDocument();
      expect(
        screen.queryByText(/Git history could not be read/),
      ).not.toBeInTheDocument();
    });

    it('shows the figures of another window when it is chosen', async () => {
      answerWith(paymentsResponse);

      renderTab();

      expect(await screen.findByText('38%')).toBeInTheDocument();

      await userEvent.click(screen.getByRole('button', { name: '30 days' }));

      expect(screen.getByRole('button', { name: '30 days' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      expect(figure('InnerSource ratio')).toHaveTextContent('35%');
      expect(figure('Code contributions from outside')).toHaveTextContent('8');
      expect(
        within(figure('Outside contributors')).getByText(
          '1 new in the last 30 days',
        ),
      ).toBeInTheDocument();
      expect(screen.queryByText('38%')).not.toBeInTheDocument();
      const teams = screen.getByRole('table', { name: 'Outside teams' });
      expect(
        within(teams).queryByText('Team Platform'),
      ).not.toBeInTheDocument();
      expect(rowTexts(teams)).toEqual([
        ['Team Checkout', '5', '2'],
        ['Team Claims', '3', '1'],
      ]);
    });

    it('shows a dash when no commits could be attributed', async () => {
      answerWith(
        withContributions(withYearFigures({ innerSourceRatio: null })),
      );

      renderTab();

      expect(
        await screen.findByText('Who outside the owning team contributes?'),
      ).toBeInTheDocument();
      expect(figure('InnerSource ratio')).toHaveTextContent('–');
    });

    it('warns when one person makes half of all commits', async () => {
      answerWith(withContributions(withYearFigures({ absenceFactor: 1 })));

      renderTab();

      expect(
        await screen.findByText(
          'One person makes half of all commits: the project depends on them',
        ),
      ).toBeInTheDocument();
      expect(figure('Contributor Absence Factor')).toHaveTextContent('1');
    });

    it('warns when the git history could not be read', async () => {
      answerWith(
        withContributions({
          ...paymentsContributions,
          repository: {
            ...paymentsContributions.repository,
            stale: true,
            error: {
              kind: 'auth',
              message: 'Authentication failed for git.example.com',
              at: '2025-06-03T04:00:00.000Z',
            },
          },
        }),
      );

      renderTab();

      const alert = await screen.findByText(
        /Git history could not be read: Authentication failed for git\.example\.com/,
      );
      expect(alert).toHaveTextContent(
        'Authentication failed for git.example.com (auth) at',
      );
      expect(alert).toHaveTextContent(
        `; showing figures from ${new Date(
          '2025-06-02T03:55:00.000Z',
        ).toLocaleString()}`,
      );
      // The last good figures are still shown.
      expect(figure('InnerSource ratio')).toHaveTextContent('38%');
    });

    it('explains how to get contribution figures when there is no git history', async () => {
      answerWith(withContributions(undefined));

      renderTab();

      expect(await screen.findByText('No git history')).toBeInTheDocument();
      expect(
        screen.getByText(/so the InnerSource backend can read its history/),
      ).toHaveTextContent(
        'Set the backstage.io/source-location annotation to the repository (https or file URL) so the InnerSource backend can read its history.',
      );
      expect(
        screen.queryByText('Who outside the owning team contributes?'),
      ).not.toBeInTheDocument();
      expect(screen.queryByText(/^Activity:/)).not.toBeInTheDocument();
      // The other cards are still there.
      expect(screen.getByText('Who uses this project?')).toBeInTheDocument();
    });
  });

  describe('readiness', () => {
    function answerWith(response: EntityInnerSourceResponse) {
      server.use(http.get(ENTITY_URL, () => HttpResponse.json(response)));
    }

    /** The readiness card, once loaded. */
    async function readinessCard(): Promise<HTMLElement> {
      const title = await screen.findByText(
        'What is missing before other teams can contribute?',
      );
      return title.closest('.MuiCard-root') as HTMLElement;
    }

    /** The checklist entry of the rule with the given title. */
    function finding(card: HTMLElement, title: string): HTMLElement {
      return within(card).getByText(title).closest('li') as HTMLElement;
    }

    /** The entries of a category's checklist (not the files listed in them). */
    function checks(list: HTMLElement): HTMLElement[] {
      return Array.from(list.children) as HTMLElement[];
    }

    it('shows the readiness level, score and lint profile', async () => {
      answerWith(paymentsResponse);

      renderTab();
      const card = await readinessCard();

      expect(
        within(card).getByTitle('Readiness level Bronze, score 59 out of 100'),
      ).toHaveTextContent('Bronze');
      expect(
        within(card).getByRole('img', {
          name: 'Readiness score 59 out of 100',
        }),
      ).toBeInTheDocument();
      expect(within(card).getByText(/^Profile:/)).toHaveTextContent(
        'Profile: contributions-welcome',
      );
      expect(
        within(card).getByRole('button', { name: 'About lint profiles' }),
      ).toHaveAttribute(
        'title',
        expect.stringContaining('innersource.io/lint-profile annotation'),
      );
      expect(
        within(card).getByText('1 error, 2 warnings, 1 waived'),
      ).toBeInTheDocument();
    });

    it('groups the checklist under category titles, failures first', async () => {
      answerWith(paymentsResponse);

      renderTab();
      const card = await readinessCard();

      expect(
        within(card)
          .getAllByRole('heading', { level: 3 })
          .map(heading => heading.textContent),
      ).toEqual([
        'Catalog metadata',
        'Documentation',
        'Ownership',
        'Legal',
        // Categories without a title of their own are title-cased.
        'Code Quality',
      ]);

      const documentation = within(card).getByRole('list', {
        name: 'Documentation checks',
      });
      expect(
        checks(documentation).map(
          item => item.querySelector('svg')?.textContent,
        ),
      ).toEqual(['Failed (error)', 'Failed (warning)', 'Failed (warning)']);
      expect(checks(documentation)[0]).toHaveTextContent(
        'Has a contribution guide',
      );

      const ownership = within(card).getByRole('list', {
        name: 'Ownership checks',
      });
      expect(
        checks(ownership).map(item => item.querySelector('svg')?.textContent),
      ).toEqual(['Passed', 'Not applicable']);
    });

    it('shows a failure waived by an active exception as waived', async () => {
      answerWith(paymentsResponse);

      renderTab();
      const licence = finding(await readinessCard(), 'Has a licence');

      expect(within(licence).getByText('Waived')).toBeInTheDocument();
      expect(within(licence).getByTitle('Waived (error)')).toBeInTheDocument();
      expect(
        within(licence).queryByTitle('Failed (error)'),
      ).not.toBeInTheDocument();
      expect(
        within(licence).getByText(/^Exception by Legal Office/),
      ).toHaveTextContent(
        'Exception by Legal Office until 2025-12-31: Internal licence text is being approved (from config)',
      );
      expect(
        within(licence).queryByText(/Exception expired/),
      ).not.toBeInTheDocument();
    });

    it('still counts a failure whose exception expired, and says so', async () => {
      answerWith(paymentsResponse);

      renderTab();
      const techDocs = finding(await readinessCard(), 'Has TechDocs');

      expect(
        within(techDocs).getByText('Exception expired 2025-05-31'),
      ).toBeInTheDocument();
      expect(
        within(techDocs).getByTitle('Failed (warning)'),
      ).toBeInTheDocument();
      expect(within(techDocs).queryByText('Waived')).not.toBeInTheDocument();
      expect(within(techDocs).getByText(/^Exception by/)).toHaveTextContent(
        'Exception by team-payments expired on 2025-05-31: Docs move to TechDocs with the Q2 platform upgrade (from annotation)',
      );
      // An owner given as an entity ref links to the entity.
      expect(
        within(techDocs).getByRole('link', { name: /team-payments/ }),
      ).toHaveAttribute('href', '/catalog/default/group/team-payments');
      expect(
        within(techDocs).getByLabelText('How to fix: Has TechDocs'),
      ).toHaveTextContent('Set up TechDocs for the repository.');
    });

    it('links the files of a finding and its guidance', async () => {
      answerWith(paymentsResponse);

      renderTab();
      const card = await readinessCard();

      const readme = finding(card, 'README explains how to get started');
      const files = within(readme).getByRole('list', {
        name: 'Files: README explains how to get started',
      });
      expect(
        within(files).getByRole('link', {
          name: /services\/payments\/README\.md/,
        }),
      ).toHaveAttribute(
        'href',
        'https://git.example.com/finance/payments/blob/main/services/payments/README.md',
      );
      // A file without a link is shown as its path.
      const path = within(files).getByText('services/payments/docs/index.md');
      expect(path.tagName).toBe('CODE');
      expect(path.closest('a')).toBeNull();
      expect(within(readme).getByLabelText(/^How to fix/)).toContainHTML(
        '<strong>Getting started</strong>',
      );

      const contributing = finding(card, 'Has a contribution guide');
      expect(
        within(contributing).getByRole('link', {
          name: /^Guidance: Has a contribution guide/,
        }),
      ).toHaveAttribute(
        'href',
        'https://patterns.innersourcecommons.org/p/base-documentation',
      );
      expect(within(contributing).getByText('Guidance')).toBeInTheDocument();
      // Passing checks list their files, but no remediation or guidance.
      const ci = finding(card, 'Builds in CI');
      expect(
        within(ci).getByRole('link', { name: /build\.yml/ }),
      ).toHaveAttribute(
        'href',
        'https://git.example.com/finance/payments/blob/main/.github/workflows/build.yml',
      );
      expect(within(ci).queryByText('Guidance')).not.toBeInTheDocument();
    });
  });

  describe('history', () => {
    function answerWith(response: EntityInnerSourceResponse) {
      server.use(http.get(ENTITY_URL, () => HttpResponse.json(response)));
    }

    it('shows the readiness level of each day and marks the day it dropped', async () => {
      answerWith(paymentsResponse);

      renderTab();

      const table = await screen.findByRole('table', {
        name: 'Recent snapshots',
      });
      expect(
        within(table)
          .getAllByRole('columnheader')
          .map(cell => cell.textContent),
      ).toContain('Readiness level');
      const [, latest, before, first] = within(table).getAllByRole('row');
      expect(latest).toHaveTextContent('2025-06-02');
      expect(within(latest).getByText('Bronze')).toBeInTheDocument();
      expect(within(latest).getByText('regressed')).toBeInTheDocument();
      expect(
        within(latest).getByTitle(
          'Readiness level dropped from Silver to Bronze',
        ),
      ).toBeInTheDocument();
      expect(within(before).getByText('Silver')).toBeInTheDocument();
      expect(within(before).queryByText('regressed')).not.toBeInTheDocument();
      expect(within(first).getByText('Not ready')).toBeInTheDocument();
      expect(within(first).queryByText('regressed')).not.toBeInTheDocument();

      // The numbers behind the readiness chart.
      expect(
        rowTexts(
          screen.getByRole('table', { name: 'Readiness score per day' }),
        ),
      ).toEqual([
        ['2025-05-31', '40', 'Not ready'],
        ['2025-06-01', '82', 'Silver'],
        ['2025-06-02', '59', 'Bronze (regressed)'],
      ]);
      expect(screen.getByText('Readiness score: 40 → 59')).toBeInTheDocument();
    });

    it('marks no day when the level never dropped', async () => {
      answerWith({
        ...paymentsResponse,
        history: paymentsResponse.history.map((snapshot, index) =>
          index === 1
            ? { ...snapshot, lintScore: 55, readinessLevel: 'bronze' }
            : snapshot,
        ),
      });

      renderTab();

      const table = await screen.findByRole('table', {
        name: 'Recent snapshots',
      });
      expect(within(table).getAllByText('Bronze')).toHaveLength(2);
      expect(screen.queryByText('regressed')).not.toBeInTheDocument();
    });
  });
});
