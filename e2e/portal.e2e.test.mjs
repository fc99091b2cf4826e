// End-to-end: the real backend (with the catalog, auth and the InnerSource plugin) serving the
// built frontend, driven in headless Chromium. Started by scripts/e2e.sh.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
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
    assert.equal(body.result.lint.score, 100);
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
