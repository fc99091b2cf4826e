import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { ScmIntegrations } from '@backstage/integration';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CatalogIndex } from '../compute/CatalogIndex';
import { DatabaseInnerSourceStore } from '../database/DatabaseInnerSourceStore';
import { GitCredentials } from '../git/GitCredentials';
import { GitHistoryReader } from '../git/GitHistoryReader';
import {
  GitRepositoryCache,
  SyncedRepository,
} from '../git/GitRepositoryCache';
import { GitRepositoryFiles } from '../lint/GitRepositoryFiles';
import {
  entity,
  smallOrgEntities,
  withCatalogRelations,
} from '../__testUtils__/catalogFixtures';
import {
  createBareRepository,
  FixtureCommit,
  tempDir,
} from '../__testUtils__/gitFixtures';
import { startGitHttpServer } from '../__testUtils__/gitHttpServer';
import { GitContributionsCollector } from './GitContributionsCollector';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date('2026-11-24T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

const maria = { name: 'Maria Gonzalez', email: 'maria@acme.example' };
const sam = { name: 'Sam Shop', email: 'sam@acme.example' };
const tina = { name: 'Tina', email: '123+tina-gh@users.noreply.github.com' };
const stranger = { name: 'Stranger', email: 'stranger@elsewhere.example' };
const dependabot = {
  name: 'dependabot[bot]',
  email: '49699333+dependabot[bot]@users.noreply.github.com',
};

function people(): Entity[] {
  return [
    entity('User', 'maria', {
      memberOf: ['team-ledger'],
      profile: { displayName: 'Maria Gonzalez', email: 'maria@acme.example' },
    }),
    entity('User', 'sam', {
      memberOf: ['team-shop'],
      profile: { displayName: 'Sam Shop', email: 'Sam@Acme.example' },
    }),
    entity(
      'User',
      'tina',
      {
        memberOf: ['team-shop-mobile'],
        profile: { displayName: 'Tina Mobile' },
      },
      { annotations: { 'github.com/user-login': 'tina-gh' } },
    ),
  ];
}

/** Lets the repository serve `--filter` clones and single objects, as git hosts do. */
function servePartialClones(repo: string) {
  execFileSync('git', ['config', 'uploadpack.allowFilter', 'true'], {
    cwd: repo,
  });
  execFileSync('git', ['config', 'uploadpack.allowAnySHA1InWant', 'true'], {
    cwd: repo,
  });
  return repo;
}

function component(
  name: string,
  sourceUrl: string,
  owner = 'team-ledger',
): Entity {
  return entity(
    'Component',
    name,
    { type: 'library', lifecycle: 'production', owner },
    {
      description: 'A library that other teams use for all sorts of things',
      annotations: { 'backstage.io/source-location': `url:${sourceUrl}` },
    },
  );
}

describe('GitContributionsCollector', () => {
  let root: string;
  let store: DatabaseInnerSourceStore;
  let reader: GitHistoryReader;
  let cacheDir: string;

  beforeEach(async () => {
    root = tempDir('repos');
    cacheDir = tempDir('cache');
    const knex = await databases.init('SQLITE_3');
    store = await DatabaseInnerSourceStore.create({
      database: { getClient: async () => knex },
    });
    reader = new GitHistoryReader({ timeoutMs: 30_000 });
  });

  function cacheWith(credentials?: GitCredentials, dir = cacheDir) {
    return new GitRepositoryCache({
      cacheDir: dir,
      credentials: credentials ?? {
        authorizationHeader: async () => undefined,
      },
      timeoutMs: 30_000,
      maxSizeBytes: 100 * 1048576,
    });
  }

  function collector(
    options: {
      credentials?: GitCredentials;
      aliases?: Array<{ userRef: string; emails: string[] }>;
      cache?: GitRepositoryCache;
    } = {},
  ) {
    return new GitContributionsCollector({
      cache: options.cache ?? cacheWith(options.credentials),
      reader,
      store,
      logger: mockServices.logger.mock(),
      settings: {
        concurrency: 2,
        includeSubgroups: false,
        aliases: options.aliases ?? [],
        urlRewrites: [],
      },
    });
  }

  async function collect(
    c: GitContributionsCollector,
    targets: Entity[],
    extra: Entity[] = [],
  ) {
    const entities = withCatalogRelations([
      ...smallOrgEntities(),
      ...people(),
      ...extra,
      ...targets,
    ]);
    const catalog = new CatalogIndex(entities);
    const refs = new Set(
      targets.map(t => `component:default/${t.metadata.name}`),
    );
    const { contributions } = await c.collect({
      entities: entities.filter(e =>
        refs.has(`component:default/${e.metadata.name}`),
      ),
      catalog,
      now: NOW,
    });
    return contributions;
  }

  const ledgerHistory = (): FixtureCommit[] => [
    { ...maria, date: daysAgo(400) },
    { ...maria, date: daysAgo(200) },
    { ...sam, date: daysAgo(100) },
    { ...sam, email: 'SAM@ACME.EXAMPLE', date: daysAgo(60) },
    { ...tina, date: daysAgo(20) },
    { ...stranger, date: daysAgo(10) },
    { ...dependabot, date: daysAgo(5) },
    // a merge by sam of the work above: left out
    { ...sam, date: daysAgo(4), mergeOf: 2 },
    { name: 'Maria G', email: 'maria.old@legacy.example', date: daysAgo(3) },
    { ...maria, date: daysAgo(1) },
  ];

  it('attributes commits by email, case, SCM login and alias, leaving out merges and bots', async () => {
    const repo = createBareRepository(
      path.join(root, 'ledger.git'),
      ledgerHistory(),
    );
    const results = await collect(
      collector({
        aliases: [
          {
            userRef: 'user:default/maria',
            emails: ['maria.old@legacy.example'],
          },
        ],
      }),
      [component('ledger-sdk', `file://${repo}`)],
    );
    const summary = results.get('component:default/ledger-sdk')!;
    const all = summary.windows.find(w => w.window === 'all')!;
    expect(all).toMatchObject({
      commits: 8, // 10 minus the merge and the bot
      ownerTeamCommits: 4, // maria x3 and her old address via the alias
      outsideCommits: 3, // sam x2 (case differs), tina via her GitHub noreply address
      unknownCommits: 1,
      botCommits: 1,
      innerSourceRatio: 3 / 7,
      outsideContributors: 2,
      ownerTeamContributors: 1,
      unknownAuthors: 1,
    });
    // team-shop -> retail -> acme -> payments -> team-ledger = 4 hops; team-shop-mobile one more
    expect(all.distanceHistogram).toEqual({ '0': 4, '4': 2, '5': 1 });
    expect(
      all.outsideTeams.map(t => [t.teamRef, t.commits, t.contributors]),
    ).toEqual([
      ['group:default/team-shop', 2, 1],
      ['group:default/team-shop-mobile', 1, 1],
    ]);
    expect(all.topOutsideContributors[0]).toMatchObject({
      userRef: 'user:default/sam',
      displayName: 'Sam Shop',
      commits: 2,
      distance: 4,
    });
    // maria 4 of 8 commits: one person makes half of everything
    expect(all.absenceFactor).toBe(1);
    const last30 = summary.windows.find(w => w.window === '30d')!;
    expect(last30).toMatchObject({
      commits: 4,
      outsideCommits: 1,
      newOutsideContributors: 1,
    });
    expect(summary.weekly).toHaveLength(52);
    expect(
      summary.weekly.reduce(
        (n, w) => n + w.ownerTeam + w.outside + w.unknown,
        0,
      ),
    ).toBe(7);
    expect(summary.repository).toMatchObject({
      cloneUrl: `file://${repo}`,
      path: '',
      stale: false,
      lastCommitAt: daysAgo(1)
        .toISOString()
        .replace(/\.\d+Z$/, '.000Z'),
    });
  });

  it('applies the repository .mailmap', async () => {
    const repo = createBareRepository(path.join(root, 'mapped.git'), [
      { ...sam, email: 'sam@old-laptop.local', date: daysAgo(30) },
      {
        ...maria,
        date: daysAgo(2),
        files: {
          '.mailmap': 'Sam Shop <sam@acme.example> <sam@old-laptop.local>\n',
        },
      },
    ]);
    const results = await collect(collector(), [
      component('mapped', `file://${repo}`),
    ]);
    const all = results
      .get('component:default/mapped')!
      .windows.find(w => w.window === 'all')!;
    expect(all).toMatchObject({ outsideCommits: 1, unknownCommits: 0 });
  });

  it('clones a monorepo once and attributes commits to the entity whose folder they touch', async () => {
    const repo = createBareRepository(path.join(root, 'mono.git'), [
      { ...maria, date: daysAgo(50), files: { 'packages/a/index.ts': 'a1' } },
      { ...sam, date: daysAgo(40), files: { 'packages/b/index.ts': 'b1' } },
      { ...sam, date: daysAgo(30), files: { 'packages/b/index.ts': 'b2' } },
      { ...tina, date: daysAgo(20), files: { 'README.md': 'root only' } },
      {
        ...maria,
        date: daysAgo(10),
        files: {
          'packages/a/CONTRIBUTING.md': '# How to contribute',
          'packages/b/x.ts': 'x',
        },
      },
    ]);
    const results = await collect(collector(), [
      component('mono-a', `file://${repo}/packages/a`),
      component('mono-b', `file://${repo}/packages/b`),
    ]);
    const a = results.get('component:default/mono-a')!;
    const b = results.get('component:default/mono-b')!;
    expect(a.windows.find(w => w.window === 'all')!.commits).toBe(2);
    expect(b.windows.find(w => w.window === 'all')!).toMatchObject({
      commits: 3,
      outsideCommits: 2,
    });
    expect(a.repository.path).toBe('packages/a');
    expect(a.hasContributingGuide).toBe(true);
    expect(b.hasContributingGuide).toBe(false);
    expect(fs.readdirSync(cacheDir)).toHaveLength(1);
  });

  it('reads the dependency manifests in each entity folder', async () => {
    const repo = createBareRepository(path.join(root, 'mono.git'), [
      {
        ...maria,
        date: daysAgo(5),
        files: {
          'package.json': '{ "name": "root", "private": true }',
          'packages/a/package.json':
            '{ "name": "@acme/a", "version": "1.0.0" }',
          'packages/b/package.json':
            '{ "name": "@acme/b", "dependencies": { "@acme/a": "^1" } }',
          'packages/b/requirements-dev.txt': 'pytest==8.0\n',
          'packages/b/README.md': 'not a manifest',
        },
      },
    ]);
    const entities = withCatalogRelations([
      ...smallOrgEntities(),
      component('mono-a', `file://${repo}/packages/a`),
      component('mono-b', `file://${repo}/packages/b`),
    ]);
    const { manifests } = await collector().collect({
      entities: entities.filter(e => e.metadata.name.startsWith('mono-')),
      catalog: new CatalogIndex(entities),
      now: NOW,
    });
    expect(
      manifests.get('component:default/mono-a')?.map(m => m.publishes),
    ).toEqual(['@acme/a']);
    expect(
      manifests
        .get('component:default/mono-b')
        ?.map(m => [m.file, m.dependencies.map(d => d.name)]),
    ).toEqual([
      ['packages/b/package.json', ['@acme/a']],
      ['packages/b/requirements-dev.txt', ['pytest']],
    ]);
  });

  it('handles an empty repository', async () => {
    const repo = createBareRepository(path.join(root, 'empty.git'), []);
    const results = await collect(collector(), [
      component('empty', `file://${repo}`),
    ]);
    const summary = results.get('component:default/empty')!;
    expect(summary.windows.find(w => w.window === 'all')).toMatchObject({
      commits: 0,
      innerSourceRatio: null,
      absenceFactor: null,
    });
    // no commits: only the description bonus of the activity score remains (50 + 50 - 50)
    expect(summary.activity).toEqual({ score: 50, level: 'very-low' });
  });

  it('reads only new commits on the next run, and keeps earlier attribution when the org chart changes', async () => {
    const repo = createBareRepository(
      path.join(root, 'ledger.git'),
      ledgerHistory(),
    );
    const c = collector();
    await collect(c, [component('ledger-sdk', `file://${repo}`)]);

    createBareRepository(
      repo,
      [
        { ...sam, date: daysAgo(0.5) },
        { ...maria, date: daysAgo(0.4) },
        { ...sam, date: daysAgo(0.3) },
      ],
      { appendTo: true },
    );
    const read = jest.spyOn(reader, 'readCommits');
    // sam moved into the owning team since his earlier commits
    const movedSam = people().map(p =>
      p.metadata.name === 'sam'
        ? { ...p, spec: { ...p.spec, memberOf: ['team-ledger'] } }
        : p,
    );
    const entities = withCatalogRelations([
      ...smallOrgEntities(),
      ...movedSam,
      component('ledger-sdk', `file://${repo}`),
    ]);
    const { contributions: results } = await c.collect({
      entities: entities.filter(e => e.metadata.name === 'ledger-sdk'),
      catalog: new CatalogIndex(entities),
      now: NOW,
    });
    expect((await read.mock.results[0].value).commits.shas).toHaveLength(3);
    const all = results
      .get('component:default/ledger-sdk')!
      .windows.find(w => w.window === 'all')!;
    expect(all.commits).toBe(11);
    // his two earlier commits stay outside contributions at distance 4; the new two are his team's
    expect(all.outsideCommits).toBe(3);
    expect(all.distanceHistogram['4']).toBe(2);
    // maria's three (her old address is unknown without the alias) plus maria and sam's new ones
    expect(all.ownerTeamCommits).toBe(3 + 3);
  });

  it('reads nothing again when the repository has not changed', async () => {
    const repo = createBareRepository(path.join(root, 'ledger.git'), [
      ...ledgerHistory(),
      {
        ...maria,
        date: daysAgo(0.5),
        files: { 'package.json': '{ "name": "@acme/ledger-sdk" }' },
      },
    ]);
    const c = collector();
    const target = component('ledger-sdk', `file://${repo}`);
    const first = await collect(c, [target]);
    const files = jest.spyOn(reader, 'readHeadFiles');
    const read = jest.spyOn(reader, 'readCommits');
    const entities = withCatalogRelations([
      ...smallOrgEntities(),
      ...people(),
      target,
    ]);
    const second = await c.collect({
      entities: [target],
      catalog: new CatalogIndex(entities),
      now: NOW,
    });
    expect(files).not.toHaveBeenCalled();
    expect((await read.mock.results[0].value).commits.shas).toHaveLength(0);
    expect(second.contributions.get('component:default/ledger-sdk')).toEqual(
      first.get('component:default/ledger-sdk'),
    );
    expect(
      second.manifests
        .get('component:default/ledger-sdk')
        ?.map(m => m.publishes),
    ).toEqual(['@acme/ledger-sdk']);
  });

  it('keeps the last good figures, marked stale, when the repository becomes unreachable', async () => {
    const repoDir = path.join(root, 'ledger.git');
    createBareRepository(repoDir, ledgerHistory());
    const c = collector();
    const target = component('ledger-sdk', `file://${repoDir}`);
    const first = (await collect(c, [target])).get(
      'component:default/ledger-sdk',
    )!;

    fs.rmSync(repoDir, { recursive: true });
    const second = (await collect(c, [target])).get(
      'component:default/ledger-sdk',
    )!;
    expect(second.windows).toEqual(first.windows);
    expect(second.repository.stale).toBe(true);
    expect(second.repository.error).toMatchObject({
      kind: 'not-a-repository',
      at: NOW.toISOString(),
    });
    expect(second.repository.syncedAt).toBe(first.repository.syncedAt);
    expect(
      (await store.getContributionLog('component:default/ledger-sdk'))?.log
        .commits.shas,
    ).toHaveLength(9);
  });

  it('records a clear error for a source that never worked, with no figures', async () => {
    const results = await collect(collector(), [
      component('ghost', `file://${path.join(root, 'missing.git')}`),
    ]);
    expect(results.has('component:default/ghost')).toBe(false);
    expect(
      (await store.getContributionLog('component:default/ghost'))?.error,
    ).toMatchObject({
      kind: 'not-a-repository',
    });
  });

  describe('over HTTP with credentials from the integrations config', () => {
    let server: Awaited<ReturnType<typeof startGitHttpServer>>;
    beforeEach(async () => {
      createBareRepository(
        path.join(root, 'acme', 'ledger-sdk.git'),
        ledgerHistory(),
      );
      server = await startGitHttpServer({ root, token: 'ghp_secret' });
    });
    afterEach(() => server.close());

    const credentialsWith = (token: string) =>
      new GitCredentials(
        ScmIntegrations.fromConfig(
          new ConfigReader({
            integrations: {
              github: [
                {
                  host: server.host,
                  token,
                  apiBaseUrl: `${server.baseUrl}/api/v3`,
                },
              ],
            },
          }),
        ),
      );

    it('clones with the GitHub token and fetches on the next run', async () => {
      const target = component(
        'ledger-sdk',
        `${server.baseUrl}/acme/ledger-sdk/tree/main/`,
      );
      const c = collector({ credentials: credentialsWith('ghp_secret') });
      const results = await collect(c, [target]);
      expect(
        results.get('component:default/ledger-sdk')!.windows[3].commits,
      ).toBe(8);
      await collect(c, [target]);
      expect(server.requests.length).toBeGreaterThan(2);
      expect(server.requests.every(r => r.authorized)).toBe(true);
    });

    it('reads the history while cloning over HTTP too', async () => {
      servePartialClones(path.join(root, 'acme', 'ledger-sdk.git'));
      const cache = cacheWith(credentialsWith('ghp_secret'));
      const sync = jest.spyOn(cache, 'sync');
      const results = await collect(collector({ cache }), [
        component('ledger-sdk', `${server.baseUrl}/acme/ledger-sdk/tree/main/`),
      ]);
      const synced: SyncedRepository = await sync.mock.results[0].value;
      expect(synced.clonedHistoryUnavailable).toBeUndefined();
      expect(synced.clonedHistory?.ids).toHaveLength(10);
      expect(
        results.get('component:default/ledger-sdk')!.windows[3].commits,
      ).toBe(8);
      expect(server.requests.every(r => r.authorized)).toBe(true);
    });

    it('reports a wrong token as an authentication failure', async () => {
      const target = component(
        'ledger-sdk',
        `${server.baseUrl}/acme/ledger-sdk/tree/main/`,
      );
      await collect(collector({ credentials: credentialsWith('wrong') }), [
        target,
      ]);
      const stored = await store.getContributionLog(
        'component:default/ledger-sdk',
      );
      expect(stored?.error).toMatchObject({ kind: 'auth-failed' });
      expect(stored?.error?.message).not.toContain('wrong');
    });
  });

  describe('from hosts that serve partial clones (as GitHub and GitLab do)', () => {
    const mappedHistory = (): FixtureCommit[] => [
      ...ledgerHistory(),
      { ...sam, email: 'sam@old-laptop.local', date: daysAgo(0.9) },
      {
        ...tina,
        date: daysAgo(0.8),
        files: {
          '.mailmap': 'Sam Shop <sam@acme.example> <sam@old-laptop.local>\n',
          'package.json': '{ "name": "@acme/ledger-sdk", "version": "2.0.0" }',
          'docs/CONTRIBUTING.md': '# How to contribute',
          'README.md': '# Ledger SDK',
        },
      },
    ];

    /** Collects with a cache of its own, and returns the copy each repository sync gave. */
    async function collectTracked(targets: Entity[], dir = tempDir('cache')) {
      const cache = cacheWith(undefined, dir);
      const sync = jest.spyOn(cache, 'sync');
      const results = await collect(collector({ cache }), targets);
      const synced: SyncedRepository[] = await Promise.all(
        sync.mock.results.map(r => r.value),
      );
      return { results, synced, dir };
    }

    it('reads the history while cloning commits only, with the figures git log gives', async () => {
      const served = servePartialClones(
        createBareRepository(path.join(root, 'served.git'), mappedHistory()),
      );
      const plain = createBareRepository(
        path.join(root, 'plain.git'),
        mappedHistory(),
      );
      const fast = await collectTracked([
        component('ledger-sdk', `file://${served}`),
      ]);
      const slow = await collectTracked([
        component('ledger-sdk', `file://${plain}`),
      ]);
      // the host without filters sent everything, read with git log
      expect(fast.synced[0].clonedHistory?.ids).toHaveLength(12);
      // fetched with the trees at HEAD while the history arrived: .mailmap and package.json
      expect(fast.synced[0].fetchedFiles?.size).toBe(2);
      expect(slow.synced[0].clonedHistory).toBeUndefined();
      const config = fs.readFileSync(
        path.join(fast.synced[0].dir, 'config'),
        'utf8',
      );
      expect(config).toMatch(/partialclonefilter = tree:0/);

      const a = fast.results.get('component:default/ledger-sdk')!;
      const b = slow.results.get('component:default/ledger-sdk')!;
      expect(a.windows).toEqual(b.windows);
      expect(a.weekly).toEqual(b.weekly);
      expect(a.hasContributingGuide).toBe(true);
      // .mailmap applied: sam's old address is his (maria's old one has no alias here)
      expect(a.windows[3]).toMatchObject({
        commits: 10,
        outsideCommits: 5,
        unknownCommits: 2,
      });
      const stored = await store.getContributionLog(
        'component:default/ledger-sdk',
      );
      expect(stored?.log.manifests?.map(m => m.publishes)).toEqual([
        '@acme/ledger-sdk',
      ]);
    });

    it('leaves the trees at HEAD in the copy for the readiness lint, and file contents to fetch', async () => {
      const served = servePartialClones(
        createBareRepository(path.join(root, 'served.git'), mappedHistory()),
      );
      const { synced } = await collectTracked([
        component('ledger-sdk', `file://${served}`),
      ]);
      const files = new GitRepositoryFiles({
        repo: synced[0],
        entityPath: '',
        timeoutMs: 30_000,
      });
      const readme = await files.find(['README.md']);
      expect(readme).toMatchObject({ path: 'README.md' });
      expect((await files.read(readme!)).text).toBe('# Ledger SDK');
      expect((await files.list('docs')).map(f => f.path)).toEqual([
        'docs/CONTRIBUTING.md',
      ]);
      await files.close();
    });

    it('fetches only new commits into a commits-only copy, with the trees and files at the new HEAD', async () => {
      const served = servePartialClones(
        createBareRepository(path.join(root, 'served.git'), mappedHistory()),
      );
      const target = component('ledger-sdk', `file://${served}`);
      const cache = cacheWith();
      const c = collector({ cache });
      await collect(c, [target]);
      createBareRepository(
        served,
        [
          { ...sam, date: daysAgo(0.5) },
          {
            ...maria,
            date: daysAgo(0.4),
            files: {
              'package.json': '{ "name": "@acme/ledger", "version": "3.0.0" }',
            },
          },
        ],
        { appendTo: true },
      );
      const read = jest.spyOn(reader, 'readCommits');
      const results = await collect(c, [target]);
      expect((await read.mock.results[0].value).commits.shas).toHaveLength(2);
      expect(
        results.get('component:default/ledger-sdk')!.windows[3].commits,
      ).toBe(12);
      const stored = await store.getContributionLog(
        'component:default/ledger-sdk',
      );
      expect(stored?.log.manifests?.map(m => m.publishes)).toEqual([
        '@acme/ledger',
      ]);
    });

    it('clones again with trees when an entity in a folder of a commits-only copy appears', async () => {
      const served = servePartialClones(
        createBareRepository(path.join(root, 'mono.git'), [
          { ...maria, date: daysAgo(50), files: { 'packages/a/x.ts': 'a1' } },
          { ...sam, date: daysAgo(40), files: { 'packages/b/y.ts': 'b1' } },
          { ...sam, date: daysAgo(30), files: { 'packages/b/y.ts': 'b2' } },
        ]),
      );
      const dir = tempDir('cache');
      const root1 = await collectTracked(
        [component('mono', `file://${served}`)],
        dir,
      );
      expect(root1.synced[0].clonedHistory).toBeDefined();
      const both = await collectTracked(
        [
          component('mono', `file://${served}`),
          component('mono-b', `file://${served}/packages/b`),
        ],
        dir,
      );
      expect(both.synced[0]).toMatchObject({ cloned: true });
      expect(
        fs.readFileSync(path.join(both.synced[0].dir, 'config'), 'utf8'),
      ).toMatch(/partialclonefilter = blob:none/);
      expect(
        both.results.get('component:default/mono-b')!.windows[3],
      ).toMatchObject({ commits: 2, outsideCommits: 2 });
      expect(
        both.results.get('component:default/mono')!.windows[3].commits,
      ).toBe(3);
    });
  });
});
