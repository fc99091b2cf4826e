import { EntityProvider } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type {
  EntityInnerSourceResponse,
  ScmSummary,
  ScmWindowFigures,
  SharingClassification,
} from '@innersource-backstage/plugin-innersource-common';
import {
  paymentsEntity,
  paymentsScm,
  paymentsScmResponse,
  paymentsSharing,
} from '../../__testUtils__/fixtures';
import { renderWithInnerSourceApi } from '../../__testUtils__/renderWithInnerSourceApi';
import { EntityInnerSourceContent } from './EntityInnerSourceContent';

const ENTITY_URL = '*/api/innersource/entities/:kind/:namespace/:name';

// Each test renders the whole tab with its charts.
jest.setTimeout(30_000);

/** The tab's answer with other SCM figures and sharing classification. */
function withScm(
  scm: ScmSummary | undefined,
  sharing: SharingClassification | undefined,
): EntityInnerSourceResponse {
  return {
    ...paymentsScmResponse,
    result: { ...paymentsScmResponse.result, scm, sharing },
  };
}

/** The SCM figures with some figures of the 365-day window changed. */
function withYearFigures(changes: Partial<ScmWindowFigures>): ScmSummary {
  return {
    ...paymentsScm,
    windows: paymentsScm.windows.map(figures =>
      figures.window === '365d' ? { ...figures, ...changes } : figures,
    ),
  };
}

/** The value of a big figure in `container`, with the line under it. */
function figure(container: HTMLElement, label: string): HTMLElement {
  const term = within(container).getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
}

/** The definition of a term of a fact list, e.g. `Visibility`. */
function fact(container: HTMLElement, term: string): HTMLElement {
  return within(container).getByText(term, { selector: 'dt' })
    .nextElementSibling as HTMLElement;
}

/** The card with the given title. */
async function findCard(title: string): Promise<HTMLElement> {
  const heading = await screen.findByText(title, {
    selector: '.MuiCardHeader-title',
  });
  return heading.closest('.MuiCard-root') as HTMLElement;
}

describe('the SCM platform cards of the InnerSource tab', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function answer(response: EntityInnerSourceResponse) {
    server.use(http.get(ENTITY_URL, () => HttpResponse.json(response)));
    return renderWithInnerSourceApi(
      <EntityProvider entity={paymentsEntity}>
        <EntityInnerSourceContent />
      </EntityProvider>,
    );
  }

  it('shows outside pull requests, their acceptance and the time to a first response, per window', async () => {
    answer(paymentsScmResponse);
    const card = await findCard('Pull requests and issues');

    // The last 365 days first, as on the contributions card.
    const windows = within(card).getByRole('group', {
      name: 'Time window of pull requests and issues',
    });
    expect(
      within(windows)
        .getAllByRole('button')
        .map(button => button.textContent),
    ).toEqual(['30 days', '90 days', '365 days']);
    expect(
      within(windows).getByRole('button', { name: '365 days' }),
    ).toHaveAttribute('aria-pressed', 'true');

    expect(figure(card, 'Outside pull requests')).toHaveTextContent(
      '42of 140 pull requests in the last 365 days',
    );
    expect(figure(card, 'Acceptance ratio')).toHaveTextContent(
      '83%30 merged, 6 closed unmerged',
    );
    expect(
      figure(card, 'First response to outside pull requests'),
    ).toHaveTextContent('3 hours90th percentile 2.2 days · 2 waiting');
    expect(figure(card, 'Outside issues')).toHaveTextContent(
      '25of 60 issues in the last 365 days',
    );
    expect(figure(card, 'First response to outside issues')).toHaveTextContent(
      '26 hours90th percentile 10 days · 5 waiting',
    );

    const ratio = within(card).getByLabelText(
      'InnerSource ratio by contribution type',
    );
    expect(figure(ratio, 'Commits')).toHaveTextContent('38%');
    expect(figure(ratio, 'Pull requests')).toHaveTextContent('30%');
    expect(figure(ratio, 'Issues')).toHaveTextContent('42%');
    expect(figure(ratio, 'Combined')).toHaveTextContent('36%');

    // The window is chosen with the keyboard too.
    within(windows).getByRole('button', { name: '30 days' }).focus();
    await userEvent.keyboard('{Enter}');

    expect(
      within(windows).getByRole('button', { name: '30 days' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(figure(card, 'Outside pull requests')).toHaveTextContent(
      '5of 18 pull requests in the last 30 days',
    );
    expect(figure(card, 'Acceptance ratio')).toHaveTextContent('75%');
    expect(
      figure(card, 'First response to outside pull requests'),
    ).toHaveTextContent('30 minutes90th percentile 30 hours · 1 waiting');
    expect(figure(ratio, 'Pull requests')).toHaveTextContent('28%');
  });

  it('says when a page limit kept older pull requests of the window from being read', async () => {
    const readAt = Date.parse(paymentsScm.fetchedAt!);
    const from = new Date(readAt - 60 * 86_400_000).toISOString();
    answer(
      withScm(
        { ...paymentsScm, readLimits: { pullRequestsFrom: from } },
        paymentsSharing,
      ),
    );
    const card = await findCard('Pull requests and issues');
    // 60 days back: the 365-day window is partial...
    expect(within(card).getByRole('note')).toHaveTextContent(
      `Partial figures: the read stopped at the page limit, so pull requests created before ${new Date(
        from,
      ).toLocaleDateString()} are not counted in this window.`,
    );
    // ...the 30-day one is whole
    await userEvent.click(
      within(card).getByRole('button', { name: '30 days' }),
    );
    expect(within(card).queryByRole('note')).toBeNull();
  });

  it('says when no outside pull request was made, or none was answered yet', async () => {
    answer(
      withScm(
        withYearFigures({
          outsidePullRequests: 0,
          outsideMerged: 0,
          outsideClosedUnmerged: 0,
          outsideAcceptanceRatio: null,
          outsidePullRequestResponse: {
            responded: 0,
            waiting: 0,
            medianHours: null,
            p90Hours: null,
          },
          outsideIssueResponse: {
            responded: 0,
            waiting: 3,
            medianHours: null,
            p90Hours: null,
          },
          innerSourceRatio: {
            commits: 0.5,
            pullRequests: null,
            issues: 1,
            combined: 0.6,
          },
        }),
        paymentsSharing,
      ),
    );
    const card = await findCard('Pull requests and issues');

    expect(figure(card, 'Acceptance ratio')).toHaveTextContent(
      '–0 merged, 0 closed unmerged',
    );
    expect(
      figure(card, 'First response to outside pull requests'),
    ).toHaveTextContent('–No outside pull requests');
    expect(figure(card, 'First response to outside issues')).toHaveTextContent(
      '–none answered yet · 3 waiting',
    );
    expect(figure(card, 'Pull requests')).toHaveTextContent('–');
    expect(figure(card, 'Issues')).toHaveTextContent('100%');
  });

  it('lists the open good first issues with links and the help wanted count', async () => {
    answer(paymentsScmResponse);
    const card = await findCard('Good first issues');

    expect(card).toHaveTextContent(
      '4 open good first issues · 2 issues labelled help wanted',
    );
    const list = within(card).getByRole('list', { name: 'Good first issues' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(
      within(items[0]).getByRole('link', {
        name: /^#231 Support SEPA instant transfers/,
      }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-service/issues/231',
    );
    expect(items[0]).toHaveTextContent('help wanted');
    expect(
      within(items[2]).getByRole('link', {
        name: /^#187 Document the refund webhook/,
      }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-service/issues/187',
    );
    expect(items[2].querySelector('time')).toHaveAttribute(
      'datetime',
      '2025-04-02T08:15:00.000Z',
    );
    expect(card).toHaveTextContent('Showing the newest 3 of 4.');
  });

  it('tells the owners to label issues when there is no good first issue', async () => {
    answer(
      withScm(
        {
          ...paymentsScm,
          goodFirstIssues: { count: 0, helpWantedCount: 1, items: [] },
        },
        paymentsSharing,
      ),
    );
    const card = await findCard('Good first issues');

    expect(card).toHaveTextContent(
      'No open issue is labelled good first issue (1 issue labelled help wanted).',
    );
    expect(card).toHaveTextContent(
      'Owners: label a few small, well-described issues "good first issue"',
    );
    expect(within(card).queryByRole('list')).not.toBeInTheDocument();
  });

  it('shows where the repository is, its settings, popularity and sharing classification', async () => {
    answer(paymentsScmResponse);
    const card = await findCard('Repository and sharing');

    const repository = within(card).getByLabelText('Repository');
    expect(fact(repository, 'Provider')).toHaveTextContent('GitHub');
    expect(
      within(fact(repository, 'Repository')).getByRole('link', {
        name: /^acme\/payments-service/,
      }),
    ).toHaveAttribute('href', 'https://github.com/acme/payments-service');
    expect(fact(repository, 'Visibility')).toHaveTextContent(/^Internal$/);
    expect(fact(repository, 'Forking')).toHaveTextContent(/^allowed$/);
    expect(fact(repository, 'Branch protection')).toHaveTextContent(
      'main: protected, 1 approving review required',
    );
    expect(fact(repository, 'Topics')).toHaveTextContent('paymentsjava');
    expect(
      fact(repository, 'Read from GitHub').querySelector('time'),
    ).toHaveAttribute('datetime', '2025-06-02T03:50:00.000Z');

    const popularity = within(card).getByLabelText('Repository popularity');
    expect(figure(popularity, 'Stars')).toHaveTextContent('128');
    expect(figure(popularity, 'Forks')).toHaveTextContent('14');
    expect(figure(popularity, 'Watchers')).toHaveTextContent('23');
    expect(figure(popularity, 'Open issues')).toHaveTextContent('17');

    const sharing = within(card).getByLabelText('Sharing');
    expect(fact(sharing, 'Classification')).toHaveTextContent(
      'Internal: code for everyone in the company',
    );
    expect(fact(sharing, 'Decided by')).toHaveTextContent(
      'the config rule for kind component, tag innersource',
    );
    expect(within(card).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says what it could not read, and what decided the classification otherwise', async () => {
    answer(
      withScm(
        {
          ...paymentsScm,
          provider: 'gitlab',
          url: 'https://gitlab.example.com/finance/payments',
          visibility: 'private',
          forkingAllowed: false,
          archived: true,
          branchProtection: undefined,
          topics: [],
        },
        { level: 'restricted', source: 'annotation' },
      ),
    );
    const card = await findCard('Repository and sharing');

    expect(fact(card, 'Provider')).toHaveTextContent('GitLab');
    expect(fact(card, 'Visibility')).toHaveTextContent('PrivateArchived');
    expect(fact(card, 'Forking')).toHaveTextContent(/^not allowed$/);
    expect(fact(card, 'Branch protection')).toHaveTextContent(
      /^not readable with the configured credentials$/,
    );
    expect(within(card).queryByText('Topics')).not.toBeInTheDocument();
    expect(fact(card, 'Classification')).toHaveTextContent(
      'Restricted: code for the teams that need it',
    );
    expect(fact(card, 'Decided by')).toHaveTextContent(
      'the innersource.io/sharing annotation',
    );
  });

  it('names an unprotected branch and the configured default', async () => {
    answer(
      withScm(
        {
          ...paymentsScm,
          branchProtection: { protected: false, requiredApprovingReviews: 0 },
        },
        { level: 'internal', source: 'default' },
      ),
    );
    const card = await findCard('Repository and sharing');

    expect(fact(card, 'Branch protection')).toHaveTextContent(
      /^main: not protected$/,
    );
    expect(fact(card, 'Decided by')).toHaveTextContent(
      'the configured default (innersource.scm.sharing.default)',
    );
  });

  it('warns when the platform could not be read and shows the last successful read', async () => {
    answer(
      withScm(
        {
          ...paymentsScm,
          stale: true,
          error: {
            kind: 'rate-limited',
            message: 'API rate limit exceeded',
            at: '2025-06-03T04:00:00.000Z',
          },
        },
        paymentsSharing,
      ),
    );
    const card = await findCard('Repository and sharing');

    const alert = within(card).getByRole('alert');
    expect(alert).toHaveTextContent(
      'GitHub could not be read: API rate limit exceeded (rate-limited) at',
    );
    expect(alert).toHaveTextContent('showing figures from');
    expect(
      Array.from(alert.querySelectorAll('time')).map(time =>
        time.getAttribute('datetime'),
      ),
    ).toEqual(['2025-06-03T04:00:00.000Z', '2025-06-02T03:50:00.000Z']);
  });

  it('notes briefly that no SCM provider reads the repository', async () => {
    answer(withScm(undefined, { level: 'internal', source: 'default' }));

    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent(
      'No SCM provider reads this repository, so there are no pull request, issue or repository figures. Sharing classification: Internal, decided by the configured default (innersource.scm.sharing.default).',
    );
    expect(screen.queryByText('Pull requests and issues')).toBeNull();
    expect(screen.queryByText('Good first issues')).toBeNull();
    expect(screen.queryByText('Repository and sharing')).toBeNull();
  });

  it('shows nothing of the SCM platform when it is not set up', async () => {
    answer(withScm(undefined, undefined));

    expect(
      await screen.findByText('Who uses this project?'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.queryByText('Pull requests and issues')).toBeNull();
  });

  it('lists the SCM policy checks in the readiness checklist under a readable heading', async () => {
    answer(paymentsScmResponse);

    const checks = await screen.findByRole('list', {
      name: 'SCM policy checks',
    });
    expect(
      screen.getByRole('heading', { name: 'SCM policy', level: 3 }),
    ).toBeInTheDocument();
    expect(checks).toHaveTextContent(
      'Reusable code is visible to other teams (InnerSource-First)',
    );
    expect(checks).toHaveTextContent(
      'The repository is internal, as fits a reusable entity classified internal by the config rule for kind component, tag innersource',
    );
    expect(within(checks).getAllByRole('listitem')).toHaveLength(5);
  });
});
