import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import type { ProgramSummary } from '@innersource-backstage/plugin-innersource-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  emptyProgramSummary,
  noScmOrganizations,
  programSummary,
  scmOrganizations,
} from '../../__testUtils__/programFixtures';
import { renderWithInnerSourceApi } from '../../__testUtils__/renderWithInnerSourceApi';
import { ProgramPage } from './ProgramPage';

const SUMMARY_URL = '*/api/innersource/program/summary';
const SCM_ORGANIZATIONS_URL = '*/api/innersource/program/scm-organizations';

// the whole page with its charts and tables renders for a while
jest.setTimeout(30_000);

/** The rows of a table as lists of cell texts, header first. */
function tableRows(name: string): string[][] {
  const table = screen.getByRole('table', { name });
  return within(table)
    .getAllByRole('row')
    .map(row =>
      Array.from(row.querySelectorAll('th, td')).map(
        cell => cell.textContent ?? '',
      ),
    );
}

/** Records the CSV files the page saves, as text without the byte order mark. */
function captureDownloads() {
  const files: Array<{ name: string; blob: Blob }> = [];
  let pending: Blob | undefined;
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      pending = blob;
      return 'blob:test';
    },
    revokeObjectURL: () => {},
  });
  const click = jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(function recordClick(this: HTMLAnchorElement) {
      files.push({ name: this.download, blob: pending! });
    });
  return {
    files,
    async text(index: number) {
      const bytes = new Uint8Array(await files[index].blob.arrayBuffer());
      return new TextDecoder().decode(bytes.slice(3));
    },
    restore: () => click.mockRestore(),
  };
}

describe('ProgramPage', () => {
  // The SCM organisation settings are read apart from the summary; by default two organisations.
  const server = setupServer(
    http.get(SCM_ORGANIZATIONS_URL, () => HttpResponse.json(scmOrganizations)),
  );
  registerMswTestHooks(server);

  function answerSummary(
    respond: (params: URLSearchParams) => ProgramSummary | Response,
  ) {
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(SUMMARY_URL, ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(params);
        const answer = respond(params);
        return answer instanceof Response ? answer : HttpResponse.json(answer);
      }),
    );
    return requests;
  }

  it('shows adoption, reuse, collaboration and risks, each with its question and window', async () => {
    answerSummary(() => programSummary);
    renderWithInnerSourceApi(<ProgramPage />);

    expect(
      await screen.findByRole('heading', { name: 'Adoption', level: 2 }),
    ).toBeInTheDocument();
    for (const section of ['Reuse', 'Collaboration', 'Risks']) {
      expect(
        screen.getByRole('heading', { name: section, level: 2 }),
      ).toBeInTheDocument();
    }
    const totals = screen.getByLabelText('Program totals');
    expect(totals).toHaveTextContent('Projects12');
    expect(totals).toHaveTextContent('9 with git history');
    expect(screen.getByLabelText('Program totals')).toHaveTextContent(
      'InnerSource projects5',
    );
    expect(screen.getByLabelText('Program totals')).toHaveTextContent(
      '42% of the projects',
    );
    expect(screen.getByLabelText('Program totals')).toHaveTextContent(
      'Outside commits42',
    );

    // every card says what it answers, over which window, and when it was computed
    const adoption = screen.getByRole('region', {
      name: 'InnerSource projects over time',
    });
    expect(adoption).toHaveTextContent(
      'QuestionIs the number of InnerSource projects growing?',
    );
    expect(adoption).toHaveTextContent(
      'GoalGrow InnerSource across the company',
    );
    expect(adoption).toHaveTextContent(
      'Window: the stored daily history, the last day of each week',
    );
    expect(
      within(adoption).getByText(/ago|just now|in \d/, { selector: 'time' }),
    ).toHaveAttribute('datetime', '2026-11-24T10:00:00.000Z');
    const flows = screen.getByRole('region', {
      name: 'Contributions between teams',
    });
    expect(flows).toHaveTextContent('Window: the last 365 days');

    // the numbers behind the charts
    expect(tableRows('InnerSource projects per period')).toEqual([
      [
        'Period',
        'InnerSource projects',
        'Projects',
        'Not ready',
        'Bronze',
        'Silver',
        'Gold',
      ],
      ['Nov 9', '3', '11', '6', '3', '1', '1'],
      ['Nov 16', '4', '12', '6', '3', '2', '1'],
      ['Nov 23', '5', '12', '5', '3', '2', '2'],
    ]);
    expect(tableRows('Cross-team dependencies per period').slice(1)).toEqual([
      ['Nov 9', '14'],
      ['Nov 16', '15'],
      ['Nov 23', '17'],
    ]);
    expect(tableRows('Commits per week')).toHaveLength(5);
    expect(tableRows('Commits by contribution distance').slice(1)).toEqual([
      ['0 (same team)', '78'],
      ['1', '0'],
      ['2', '30'],
      ['3', '0'],
      ['4', '12'],
    ]);

    // the tables
    expect(tableRows('Projects by readiness level').slice(1)).toEqual([
      ['Gold', '2', '2'],
      ['Silver', '2', '2'],
      ['Bronze', '3', '1'],
      ['Not ready', '5', '0'],
    ]);
    expect(tableRows('Most used projects')[1]).toEqual([
      'Ledger SDK',
      'Ledger Team',
      '5',
      '3',
      '4',
      'Gold (100)',
      'Yes',
    ]);
    expect(
      within(
        screen.getByRole('table', { name: 'Most used projects' }),
      ).getByRole('link', { name: 'Ledger SDK' }),
    ).toHaveAttribute('href', '/catalog/default/component/ledger-sdk');
    expect(
      tableRows(
        'Dependencies from consumer business unit (rows) to provider business unit (columns)',
      ),
    ).toEqual([
      ['Consumer \\ provider', 'Payments'],
      ['Payments', '2'],
      ['Retail', '7'],
    ]);
    expect(
      tableRows('Commits from contributing team to owning team').slice(1),
    ).toEqual([
      ['Storefront Team', 'Ledger Team', '9', '2'],
      ['Ledger Team', 'Storefront Team', '4', '1'],
      ['Search Team', 'Ledger Team', '3', '1'],
    ]);
    expect(
      tableRows('Projects with a Contributor Absence Factor of 1')[1],
    ).toEqual(['Legacy Batch', 'Storefront Team', '3', '1', '1', 'No']);
    expect(tableRows('Stale projects')[1][0]).toBe('Legacy Batch');
    expect(
      screen.getByRole('heading', {
        name: 'Stale projects (no commit for 180 days)',
      }),
    ).toBeInTheDocument();
    expect(tableRows('Readiness rules by failing projects').slice(1)).toEqual([
      ['README has the sections contributors need', 'warning', '7', '1'],
      ['Has a CONTRIBUTING file', 'error', '4', '0'],
    ]);
    expect(tableRows('Expired exceptions')[1]).toEqual([
      'Legacy Batch',
      'Has a CONTRIBUTING file',
      'group:default/team-shop',
      'Retired in Q3, "no" contributions wanted',
      '2026-10-31',
    ]);
  });

  it('shows an empty state in every card without figures', async () => {
    answerSummary(() => emptyProgramSummary);
    renderWithInnerSourceApi(<ProgramPage />);

    expect(
      await screen.findAllByText(
        'No history yet: the trend starts with the first refresh.',
      ),
    ).toHaveLength(2);
    for (const text of [
      'No project is used by another entity yet.',
      'No dependencies between projects of known business units yet.',
      'No commits in this window.',
      'No commits from outside the owning teams in this window.',
      'No attributed commits in this window.',
      'No project depends on a single contributor.',
      'Every project with git history had a recent commit.',
      'Every project passes every readiness rule.',
      'No exception has expired.',
    ]) {
      expect(screen.getByText(text)).toBeInTheDocument();
    }
    expect(
      screen.getByRole('button', {
        name: 'Export the most used projects as CSV',
      }),
    ).toBeDisabled();
    expect(
      screen.queryByRole('table', { name: 'Commits per week' }),
    ).toBeNull();
  });

  it('says so before the first refresh', async () => {
    const { computedAt, ...notComputed } = emptyProgramSummary;
    answerSummary(() => notComputed);
    renderWithInnerSourceApi(<ProgramPage />);

    expect(
      await screen.findByText('No program figures yet'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Adoption' })).toBeNull();
  });

  it('sends the business unit, window and interval from the URL and keeps changes there', async () => {
    const requests = answerSummary(params => ({
      ...programSummary,
      window: (params.get('window') as ProgramSummary['window']) ?? '365d',
    }));
    renderWithInnerSourceApi(<ProgramPage />, {
      initialRouteEntries: [
        '/?group=group:default/payments-bu&window=90d&interval=month',
      ],
    });

    await screen.findByRole('heading', { name: 'Adoption', level: 2 });
    expect(requests[0].get('group')).toBe('group:default/payments-bu');
    expect(requests[0].get('window')).toBe('90d');
    expect(requests[0].get('interval')).toBe('month');
    expect(screen.getByRole('button', { name: '90 days' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await userEvent.click(screen.getByRole('button', { name: '30 days' }));
    await waitFor(() =>
      expect(requests[requests.length - 1].get('window')).toBe('30d'),
    );
    expect(requests[requests.length - 1].get('group')).toBe(
      'group:default/payments-bu',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Weekly' }));
    await waitFor(() =>
      expect(requests[requests.length - 1].get('interval')).toBe('week'),
    );

    await userEvent.click(
      screen.getByRole('button', { name: /Business unit or team/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Whole organisation' }),
    );
    await waitFor(() =>
      expect(requests[requests.length - 1].has('group')).toBe(false),
    );
  });

  it('saves each table as CSV', async () => {
    answerSummary(() => programSummary);
    const downloads = captureDownloads();
    try {
      renderWithInnerSourceApi(<ProgramPage />);
      await screen.findByRole('heading', { name: 'Adoption', level: 2 });

      await userEvent.click(
        screen.getByRole('button', {
          name: 'Export the most used projects as CSV',
        }),
      );
      expect(downloads.files[0].name).toBe('innersource-most-used.csv');
      expect((await downloads.text(0)).split('\r\n')).toEqual([
        'Project,Entity ref,Owner,Usage,Business units,Cross-team dependencies,Readiness,InnerSource',
        'Ledger SDK,component:default/ledger-sdk,Ledger Team,5,3,4,gold,true',
        'Legacy Batch,component:default/legacy-batch,Storefront Team,1,1,1,none,false',
        '',
      ]);

      await userEvent.click(
        screen.getByRole('button', {
          name: 'Export expired exceptions as CSV',
        }),
      );
      expect((await downloads.text(1)).split('\r\n')[1]).toBe(
        'Legacy Batch,component:default/legacy-batch,group:default/team-shop,Has a CONTRIBUTING file,contributing.exists,error,group:default/team-shop,"Retired in Q3, ""no"" contributions wanted",2026-10-31',
      );

      await userEvent.click(
        screen.getByRole('button', {
          name: 'Export reuse between business units as CSV',
        }),
      );
      expect((await downloads.text(2)).split('\r\n').slice(0, 3)).toEqual([
        'Consumer business unit,Provider business unit,Dependencies,Consumer ref,Provider ref',
        'Payments,Payments,2,group:default/payments-bu,group:default/payments-bu',
        'Retail,Payments,7,group:default/retail-bu,group:default/payments-bu',
      ]);

      await userEvent.click(
        screen.getByRole('button', {
          name: 'Export contributions between teams as CSV',
        }),
      );
      expect((await downloads.text(3)).split('\r\n')[1]).toBe(
        'Storefront Team,Ledger Team,9,2,group:default/team-shop,group:default/team-ledger',
      );
    } finally {
      downloads.restore();
    }
  });

  it("shows the backend's explanation for an unknown group", async () => {
    answerSummary(() =>
      HttpResponse.json(
        {
          error: {
            name: 'NotFoundError',
            message: 'No group group:default/nope found',
          },
          response: { statusCode: 404 },
        },
        { status: 404 },
      ),
    );
    renderWithInnerSourceApi(<ProgramPage />, {
      initialRouteEntries: ['/?group=group:default/nope'],
    });

    expect(
      await screen.findByText(/No group group:default\/nope found/),
    ).toBeInTheDocument();
  });

  describe('SCM organisation settings', () => {
    it('lists each organisation with its checks, a failing one and a stale one', async () => {
      answerSummary(() => programSummary);
      renderWithInnerSourceApi(<ProgramPage />);

      expect(
        await screen.findByRole('heading', { name: 'Platform', level: 2 }),
      ).toBeInTheDocument();
      const card = screen.getByRole('region', {
        name: 'SCM organisation settings',
      });
      expect(card).toHaveTextContent(
        "QuestionDo the SCM organisation settings let members read and fork each other's repositories?",
      );

      const github = await within(card).findByRole('region', {
        name: 'GitHub acme',
      });
      expect(
        within(github).getByRole('heading', { name: /^acme/, level: 4 }),
      ).toBeInTheDocument();
      expect(
        within(github).getByRole('link', { name: /^acme/ }),
      ).toHaveAttribute('href', 'https://github.com/acme');
      expect(github).toHaveTextContent('GitHub · github.com');
      expect(within(github).getByText('1 failing check')).toBeInTheDocument();
      expect(within(github).queryByText('Stale')).not.toBeInTheDocument();
      expect(tableRows('Settings of acme')).toEqual([
        ['Setting', 'Status', 'Expected', 'Actual', 'Severity'],
        [
          'Members can read every repository by default',
          'Pass',
          'read (or none, with repositories opting in through teams)',
          'read',
          'warning',
        ],
        [
          'Members may create internal repositories',
          'Pass',
          'allowed',
          'allowed',
          'info',
        ],
        [
          'Members may fork private and internal repositories',
          'Fail',
          'allowed',
          'not allowed',
          'warning',
        ],
      ]);
      expect(
        within(github).getByText(/^Read/).querySelector('time'),
      ).toHaveAttribute('datetime', '2026-11-24T09:30:00.000Z');

      const gitlab = within(card).getByRole('region', {
        name: 'GitLab platform',
      });
      expect(within(gitlab).getByText('Stale')).toBeInTheDocument();
      expect(within(gitlab).queryByText(/failing check/)).toBeNull();
      const alert = within(gitlab).getByRole('alert');
      expect(alert).toHaveTextContent(
        'The settings could not be read: 401 Unauthorized: the token has expired (unauthorized) at',
      );
      expect(alert).toHaveTextContent('showing the settings read');
      expect(
        Array.from(alert.querySelectorAll('time')).map(t =>
          t.getAttribute('datetime'),
        ),
      ).toEqual(['2026-11-24T09:30:00.000Z', '2026-11-20T09:30:00.000Z']);
      expect(tableRows('Settings of platform').slice(1)).toEqual([
        [
          'Members may fork private and internal repositories',
          'Unknown',
          'allowed',
          'not readable',
          'warning',
        ],
        [
          'The group is visible inside the company',
          'Pass',
          'internal or public',
          'internal',
          'info',
        ],
      ]);
    });

    it('saves the checks of every organisation as CSV', async () => {
      answerSummary(() => programSummary);
      const downloads = captureDownloads();
      try {
        renderWithInnerSourceApi(<ProgramPage />);
        await screen.findByRole('table', { name: 'Settings of acme' });

        await userEvent.click(
          screen.getByRole('button', {
            name: 'Export SCM organisation settings as CSV',
          }),
        );
        expect(downloads.files[0].name).toBe(
          'innersource-scm-organizations.csv',
        );
        const lines = (await downloads.text(0)).split('\r\n');
        expect(lines[0]).toBe(
          'Organisation,Provider,Host,Setting,Check id,Status,Severity,Expected,Actual,Stale',
        );
        expect(lines).toContain(
          'acme,github,github.com,Members may fork private and internal repositories,org.fork-private,fail,warning,allowed,not allowed,false',
        );
        expect(lines).toContain(
          'platform,gitlab,gitlab.example.com,Members may fork private and internal repositories,org.fork-private,unknown,warning,allowed,not readable,true',
        );
        expect(lines).toHaveLength(7);
      } finally {
        downloads.restore();
      }
    });

    it('explains where the organisations are configured when there are none', async () => {
      answerSummary(() => programSummary);
      server.use(
        http.get(SCM_ORGANIZATIONS_URL, () =>
          HttpResponse.json(noScmOrganizations),
        ),
      );
      renderWithInnerSourceApi(<ProgramPage />);

      const empty = await screen.findByText(
        /No SCM organisation settings have been read/,
      );
      expect(empty).toHaveTextContent(
        'The GitHub and GitLab modules read the organisations configured in innersource.scm.github.organizations and the groups in innersource.scm.gitlab.groups',
      );
      expect(
        screen.getByRole('button', {
          name: 'Export SCM organisation settings as CSV',
        }),
      ).toBeDisabled();
    });

    it('says so when the settings cannot be loaded, keeping the rest of the page', async () => {
      answerSummary(() => programSummary);
      server.use(
        http.get(SCM_ORGANIZATIONS_URL, () =>
          HttpResponse.json(
            {
              error: { name: 'Error', message: 'Store unavailable' },
              response: { statusCode: 500 },
            },
            { status: 500 },
          ),
        ),
      );
      renderWithInnerSourceApi(<ProgramPage />);

      expect(
        await screen.findByRole('heading', { name: 'Risks', level: 2 }),
      ).toBeInTheDocument();
      expect(
        await screen.findByText(
          /The organisation settings could not be loaded: .*Store unavailable/,
        ),
      ).toBeInTheDocument();
    });
  });
});
