// End-to-end: the real backend (with the catalog, auth and the InnerSource plugin) serving the
// built frontend, driven in headless Chromium. Started by scripts/e2e.sh.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'e2e-artifacts');
const BASE = 'http://localhost:7017';

let backend;
let browser;
let guestToken;

async function waitFor(what, check, { timeoutMs, intervalMs = 1000 }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (backend?.exitCode !== null && backend?.exitCode !== undefined) {
      throw new Error(
        `The backend exited with code ${backend.exitCode} while waiting for ${what}; see e2e-artifacts/backend.log`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
  throw new Error(
    `Timed out waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`,
  );
}

async function api(path, token = guestToken) {
  return fetch(`${BASE}/api/innersource${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

/** Opens a page signed in as the guest user, as a person would by pressing Enter. */
async function openSignedIn(path) {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 1000 },
  });
  await page.goto(`${BASE}${path}`);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.waitFor({ timeout: 60_000 });
  await enter.click();
  return page;
}

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  const log = createWriteStream(join(artifacts, 'backend.log'));
  backend = spawn(
    'yarn',
    [
      'workspace',
      'backend',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../e2e/app-config.e2e.yaml',
    ],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'development' },
      detached: true,
    },
  );
  backend.stdout.pipe(log);
  backend.stderr.pipe(log);

  await waitFor(
    'the backend to answer',
    async () => (await api('/health', null)).ok,
    {
      timeoutMs: 240_000,
    },
  );
  guestToken = await waitFor(
    'a guest token',
    async () => {
      const response = await fetch(`${BASE}/api/auth/guest/refresh`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      return response.ok
        ? (await response.json()).backstageIdentity.token
        : undefined;
    },
    { timeoutMs: 30_000 },
  );
  // The first refresh can run before the catalog has read the demo files; wait for a full one.
  await waitFor(
    'the InnerSource refresh of the demo catalog',
    async () => {
      const status = await (await api('/status')).json();
      return status.lastRun?.status === 'succeeded' && status.entityCount >= 30;
    },
    { timeoutMs: 180_000, intervalMs: 2000 },
  );
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

after(async () => {
  await browser?.close();
  if (backend && backend.exitCode === null) {
    process.kill(-backend.pid, 'SIGTERM');
    await new Promise(resolve => {
      const timer = setTimeout(() => {
        try {
          process.kill(-backend.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        resolve();
      }, 10_000);
      backend.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
});

describe('the InnerSource API of the running backend', () => {
  it('refuses requests without credentials and answers health checks', async () => {
    assert.equal((await api('/projects', null)).status, 401);
    assert.equal(
      (await api('/entities/component/default/ledger-sdk', null)).status,
      401,
    );
    assert.equal((await api('/health', null)).status, 200);
  });

  it('computed the demo figures from the real catalog and git repositories', async () => {
    const body = await (
      await api('/entities/component/default/ledger-sdk')
    ).json();
    assert.equal(body.result.usage.count, 5);
    assert.equal(body.result.usage.businessUnitCount, 3);
    // the demo repository has the files an InnerSource-ready project has
    const status = id =>
      body.result.lint.findings.find(f => f.ruleId === id)?.status;
    for (const id of [
      'readme.exists',
      'readme.sections',
      'contributing.exists',
      'codeowners.owners-resolve',
    ]) {
      assert.equal(status(id), 'pass', `${id} passes`);
    }
    assert.ok(
      body.result.lint.score >= 90,
      `readiness score ${body.result.lint.score}: ${body.result.lint.findings
        .filter(f => f.status === 'fail')
        .map(f => `${f.ruleId}: ${f.message}`)
        .join('; ')}`,
    );
    // usage that the demo's package.json files declare
    assert.ok(
      body.result.usage.consumers.some(c =>
        c.relations.some(r => r.type === 'manifest'),
      ),
      'a consumer found through a dependency manifest',
    );
    const all = body.result.contributions.windows.find(w => w.window === 'all');
    assert.ok(
      all.commits > 20,
      `commits from the demo repository: ${all.commits}`,
    );
    assert.ok(all.outsideCommits > 0, 'commits from other teams');
    assert.equal(body.result.contributions.repository.stale, false);
    // search-service uses the design system only according to its package.json
    const design = await (
      await api('/entities/component/default/design-system')
    ).json();
    const search = design.result.usage.consumers.find(
      c => c.entityRef === 'component:default/search-service',
    );
    assert.deepEqual(search?.relations, [
      { type: 'manifest', via: 'package.json' },
    ]);
    const listing = await (await api('/projects?q=ledger&sort=usage')).json();
    assert.ok(
      listing.totalCount >= 4,
      `expected the ledger projects, got ${listing.totalCount}`,
    );
  });
});

describe('SCM platform signals from the demo stand-in for the GitHub API', () => {
  it('reads stars, good first issues and pull requests through the GitHub module', async () => {
    const sdk = (
      await (await api('/entities/component/default/ledger-sdk')).json()
    ).result;
    assert.equal(sdk.scm?.provider, 'github', 'ledger-sdk has SCM figures');
    assert.equal(sdk.scm.url, 'https://github.com/acme/ledger-sdk');
    assert.equal(sdk.scm.stale, false);
    assert.ok(sdk.scm.stars > 0, `stars: ${sdk.scm.stars}`);
    assert.equal(sdk.scm.goodFirstIssues.count, 2);
    assert.equal(sdk.scm.goodFirstIssues.helpWantedCount, 1);
    assert.match(
      sdk.scm.goodFirstIssues.items[0].url,
      /^https:\/\/github\.com\/acme\/ledger-sdk\/issues\/\d+$/,
    );
    const year = sdk.scm.windows.find(w => w.window === '365d');
    assert.ok(year.pullRequests > 10, `pull requests: ${year.pullRequests}`);
    assert.ok(year.outsidePullRequests > 0, 'pull requests from other teams');
    assert.ok(
      year.outsidePullRequestResponse.medianHours > 0,
      'a time to first response',
    );

    const finding = async (name, ruleId) =>
      (
        await (await api(`/entities/component/default/${name}`)).json()
      ).result.lint.findings.find(f => f.ruleId === ruleId);
    const securityFirst = await finding(
      'finance-data-pipeline',
      'scm.security-first',
    );
    assert.equal(securityFirst.status, 'fail');
    assert.match(securityFirst.message, /classified restricted by its/);
    assert.equal(
      (await finding('event-bus-client', 'scm.innersource-first')).status,
      'fail',
    );
    assert.equal(
      (await finding('checkout-service', 'scm.forking')).status,
      'fail',
    );

    const withIssues = await (
      await api('/projects?goodFirstIssues=true&sort=stars&limit=100')
    ).json();
    const names = withIssues.items.map(i => i.entity.name);
    assert.ok(names.includes('ledger-sdk'), names.join(', '));
    assert.ok(!names.includes('checkout-service'), names.join(', '));
    const stars = withIssues.items.map(i => i.stars);
    assert.deepEqual(
      stars,
      [...stars].sort((a, b) => b - a),
      'sorted by stars',
    );

    const orgs = await (await api('/program/scm-organizations')).json();
    const acme = orgs.organizations.find(o => o.organization === 'acme');
    assert.equal(
      acme?.checks.find(c => c.id === 'org.fork-private')?.status,
      'fail',
    );
  });
});

describe('the InnerSource pages in Chromium', () => {
  it('shows the discovery page with the demo projects and searches them', async () => {
    const page = await openSignedIn('/innersource');
    await page.getByText('Ledger SDK').first().waitFor({ timeout: 60_000 });
    await page.getByText('Identity API').first().waitFor();
    await page.screenshot({
      path: join(artifacts, 'discovery-page.png'),
      fullPage: true,
    });

    await page.getByLabel('Search projects').fill('design system');
    await page.waitForURL(/q=design/, { timeout: 10_000 });
    await page.getByText('Design System').first().waitFor({ timeout: 10_000 });
    await waitFor(
      'the search to narrow the results',
      async () => (await page.getByText('Ledger SDK').count()) === 0,
      { timeoutMs: 10_000, intervalMs: 250 },
    );
    await page.screenshot({
      path: join(artifacts, 'discovery-search.png'),
      fullPage: true,
    });
    await page.close();
  });

  it('shows the discovery views: cards, table, details, CSV export and a small screen', async () => {
    const page = await openSignedIn('/innersource');
    // readable on a 1280 px wide screen
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.getByText('Ledger SDK').first().waitFor({ timeout: 60_000 });
    // the facet counts come with the listing
    await page
      .getByRole('group', { name: 'Kind' })
      .getByRole('checkbox', { name: /^Component \(\d+\)$/ })
      .waitFor({ timeout: 10_000 });
    await page.screenshot({
      path: join(artifacts, 'discovery-cards.png'),
      fullPage: true,
    });

    await page.getByRole('button', { name: 'Table' }).click();
    await page.waitForURL(/view=table/, { timeout: 10_000 });
    const table = page.getByRole('table', { name: 'Projects' });
    await table.getByRole('link', { name: 'Ledger SDK' }).waitFor();
    await page.screenshot({
      path: join(artifacts, 'discovery-table.png'),
      fullPage: true,
    });

    // the details of a demo project, opened by keyboard, closed with Escape
    const detailsButton = table.getByRole('button', {
      name: 'Details of Ledger SDK',
    });
    await detailsButton.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/project=component%3Adefault%2Fledger-sdk/, {
      timeout: 10_000,
    });
    const details = page.getByRole('dialog', { name: 'Ledger SDK' });
    const tabLink = details.getByRole('link', {
      name: 'Open the InnerSource tab',
    });
    await tabLink.waitFor();
    assert.equal(
      await tabLink.getAttribute('href'),
      '/catalog/default/component/ledger-sdk/innersource',
    );
    assert.match(
      await details.innerText(),
      /5 consumers from 3 business units/,
    );
    await page.waitForTimeout(500); // let the drawer finish sliding in
    await page.screenshot({ path: join(artifacts, 'discovery-details.png') });
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'hidden', timeout: 10_000 });
    assert.doesNotMatch(page.url(), /project=/);
    assert.equal(
      await detailsButton.evaluate(button => button === document.activeElement),
      true,
      'focus returns to the Details button',
    );

    // the whole result as CSV, fetched with the user's token
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'innersource-projects.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /^entityRef,name,title,/);
    assert.match(csv, /component:default\/ledger-sdk/);

    // a phone-sized screen: the filters collapse into a button, nothing scrolls sideways
    await page.getByRole('button', { name: 'Cards' }).click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page
      .getByRole('button', { name: /^Filters and sort/ })
      .waitFor({ timeout: 10_000 });
    await page.getByText('Ledger SDK').first().waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: join(artifacts, 'discovery-mobile.png') });
    await page.getByRole('button', { name: /^Filters and sort/ }).click();
    const filters = page.getByRole('dialog', { name: 'Filters and sort' });
    await filters.getByRole('group', { name: 'Kind' }).waitFor();
    await page.waitForTimeout(500); // let the drawer finish sliding in
    await page.screenshot({
      path: join(artifacts, 'discovery-mobile-filters.png'),
    });
    await page.keyboard.press('Escape');
    await filters.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.close();
  });

  it("shows an entity's InnerSource tab with usage and readiness", async () => {
    const page = await openSignedIn(
      '/catalog/default/component/ledger-sdk/innersource',
    );
    await page.getByText('Who uses this project?').waitFor({ timeout: 60_000 });
    const usageCard = page
      .locator('text=Who uses this project?')
      .locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]');
    const usageText = await usageCard.innerText();
    assert.match(usageText, /\b5\b/, 'the usage count of 5 is shown');
    assert.match(
      usageText,
      /Checkout Service|checkout-service/,
      'a consumer is listed',
    );
    assert.match(usageText, /Retail|retail-bu/i, 'a business unit is listed');
    await page
      .getByText('What is missing before other teams can contribute?')
      .waitFor();

    // contribution analytics from the demo's git repository
    await page.getByText('Who outside the owning team contributes?').waitFor();
    const contributions = page
      .locator('text=Who outside the owning team contributes?')
      .locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]');
    const contributionsText = await contributions.innerText();
    assert.match(contributionsText, /\d+%/, 'the InnerSource ratio is shown');
    assert.match(
      contributionsText,
      /Identity Team|Data Platform|Storefront Team|Search Team|Checkout Team/,
      'an outside team is listed',
    );
    await page
      .getByText(/^Activity: /)
      .first()
      .waitFor();
    await page.screenshot({
      path: join(artifacts, 'entity-tab.png'),
      fullPage: true,
    });

    // An entity with gaps shows what to fix.
    await page.goto(`${BASE}/catalog/default/api/search-api/innersource`);
    await page
      .getByText(/Expected a description of more than 30 characters/)
      .first()
      .waitFor({ timeout: 60_000 });
    await page.screenshot({
      path: join(artifacts, 'entity-tab-gaps.png'),
      fullPage: true,
    });
    await page.close();
  });
});

/** Makes the window as tall as the page's scrolling content, so a screenshot shows all of it. */
async function fitViewportToContent(page) {
  const height = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...Array.from(document.querySelectorAll('main, article')).map(
        element => element.scrollHeight,
      ),
    ),
  );
  await page.setViewportSize({ width: 1440, height: Math.min(height, 12000) });
}

describe('the program view of the InnerSource Program Office', () => {
  it("serves the program summary and a group's figures as JSON", async () => {
    assert.equal((await api('/program/summary', null)).status, 401);
    const summary = await (await api('/program/summary')).json();
    assert.ok(summary.computedAt, 'the summary has been computed');
    assert.ok(
      summary.totals.projects >= 30,
      `projects in the demo: ${summary.totals.projects}`,
    );
    assert.ok(summary.totals.innerSourceProjects > 0, 'InnerSource projects');
    assert.ok(summary.totals.outsideCommits > 0, 'commits from other teams');
    assert.ok(summary.flows.length > 0, 'contributions between teams');
    assert.ok(summary.reuseMatrix.length > 0, 'reuse between business units');
    assert.equal(summary.adoption.length, 1, 'one day of history so far');
    const ledger = await (
      await api('/program/groups/default/team-ledger?window=all')
    ).json();
    assert.ok(
      ledger.projects.some(p => p.entityRef === 'component:default/ledger-sdk'),
      'the Ledger team owns the Ledger SDK',
    );
    const narrowed = await (
      await api('/program/summary?group=group:default/payments-bu')
    ).json();
    assert.ok(
      narrowed.totals.projects < summary.totals.projects,
      'a business unit has fewer projects than the organisation',
    );
    assert.equal((await api('/program/summary?group=nope-bu')).status, 404);
  });

  it("shows the program tab and a group's InnerSource tab", async () => {
    const summary = await (await api('/program/summary')).json();
    const page = await openSignedIn('/innersource/program');
    await page
      .getByRole('heading', { name: 'Adoption', level: 2 })
      .waitFor({ timeout: 60_000 });
    const totals = await page.getByLabel('Program totals').innerText();
    assert.match(
      totals,
      new RegExp(`\\b${summary.totals.projects}\\b`),
      'the number of projects is shown',
    );
    assert.match(
      totals,
      new RegExp(`\\b${summary.totals.innerSourceProjects}\\b`),
      'the number of InnerSource projects is shown',
    );
    const mostUsed = await page
      .getByRole('region', { name: 'Most used projects' })
      .innerText();
    const top = summary.topUsedProjects[0];
    const topName = top.title ?? top.entityRef.split('/').pop();
    assert.ok(
      mostUsed.includes(topName),
      `the most used project ${topName} is listed`,
    );
    const flows = page.getByRole('region', {
      name: 'Contributions between teams',
    });
    assert.match(
      await flows.innerText(),
      /Goal[\s\S]*Question[\s\S]*Window: the last 365 days[\s\S]*Computed/,
      'the card states its goal, question, window and computation time',
    );
    await flows.locator('.recharts-sankey-node').first().waitFor();
    assert.ok(
      (await page
        .getByRole('tab', { name: 'Program' })
        .getAttribute('aria-selected')) === 'true',
      'the program tab is selected',
    );
    await fitViewportToContent(page);
    await page.screenshot({
      path: join(artifacts, 'program-page.png'),
      fullPage: true,
    });
    await page.setViewportSize({ width: 1440, height: 1000 });

    await page.goto(`${BASE}/catalog/default/group/team-ledger/innersource`);
    const projects = page.getByRole('region', {
      name: 'Projects of Ledger Team',
    });
    await projects.waitFor({ timeout: 60_000 });
    assert.match(
      await projects.innerText(),
      /Ledger SDK/,
      "the team's projects are listed",
    );
    await page
      .getByRole('region', { name: 'Projects Ledger Team reuses' })
      .waitFor();
    await fitViewportToContent(page);
    await page.screenshot({
      path: join(artifacts, 'group-tab.png'),
      fullPage: true,
    });
    await page.close();
  });
});
