import { entity, smallOrg } from '../__testUtils__/catalogFixtures';
import { programResults } from '../__testUtils__/programFixtures';
import { CatalogIndex } from '../compute/CatalogIndex';
import {
  computeProgramFacts,
  formatPath,
  ownerPathRefs,
  owningTeamOf,
} from './programFacts';

const SDK = 'component:default/ledger-sdk';
const API = 'api:default/ledger-api';
const SHOP_WEB = 'component:default/shop-web';

async function facts() {
  const entities = smallOrg();
  return computeProgramFacts({
    results: await programResults(entities),
    catalog: new CatalogIndex(entities),
  });
}

describe('owner paths and teams', () => {
  const catalog = new CatalogIndex(smallOrg());

  it('runs from the root of the Group tree down to the owner', () => {
    expect(
      formatPath(ownerPathRefs('group:default/team-shop-mobile', catalog)),
    ).toBe(
      '|group:default/acme|group:default/retail|group:default/team-shop|group:default/team-shop-mobile|',
    );
  });

  it('places a User owner below their first team, and an unknown owner on its own', () => {
    expect(ownerPathRefs('user:default/maria', catalog)).toEqual([
      'group:default/acme',
      'group:default/payments',
      'group:default/team-ledger',
      'user:default/maria',
    ]);
    expect(ownerPathRefs('group:default/team-ghost', catalog)).toEqual([
      'group:default/team-ghost',
    ]);
    expect(formatPath(ownerPathRefs(undefined, catalog))).toBe('');
  });

  it('lets a User owner stand for their team', () => {
    expect(owningTeamOf('user:default/maria', catalog)).toBe(
      'group:default/team-ledger',
    );
    expect(owningTeamOf('group:default/team-shop', catalog)).toBe(
      'group:default/team-shop',
    );
    expect(owningTeamOf(undefined, catalog)).toBeUndefined();
  });
});

describe('computeProgramFacts', () => {
  it('lists every group with its depth, parent and path', async () => {
    const { groups } = await facts();
    expect(groups.map(g => [g.groupRef, g.depth, g.parentRef])).toEqual([
      ['group:default/acme', 0, undefined],
      ['group:default/payments', 1, 'group:default/acme'],
      ['group:default/team-ledger', 2, 'group:default/payments'],
      ['group:default/retail', 1, 'group:default/acme'],
      ['group:default/team-shop', 2, 'group:default/retail'],
      ['group:default/team-shop-mobile', 3, 'group:default/team-shop'],
    ]);
    expect(groups[0].title).toBe('ACME');
  });

  it('counts InnerSource projects by tag or CONTRIBUTING file', async () => {
    const { entities } = await facts();
    const innerSource = entities
      .filter(e => e.isInnerSource)
      .map(e => e.entityRef);
    // ledger-sdk is tagged; shop-web has a CONTRIBUTING file; nothing else opts in
    expect(innerSource.sort()).toEqual([SDK, SHOP_WEB]);
  });

  it("keeps each entity's owner path, readiness, usage and last commit", async () => {
    const { entities } = await facts();
    const sdk = entities.find(e => e.entityRef === SDK);
    expect(sdk).toEqual({
      entityRef: SDK,
      kind: 'component',
      ownerRef: 'group:default/team-ledger',
      ownerTitle: 'team-ledger',
      businessUnitRef: 'group:default/payments',
      ownerPath:
        '|group:default/acme|group:default/payments|group:default/team-ledger|',
      isInnerSource: true,
      readinessLevel: 'gold',
      lintScore: 100,
      usageCount: 4,
      businessUnitCount: 2,
      // shop-web, shop-app and orphan-job; ledger-cli is Maria's, who is in the Ledger team
      crossTeamDependencies: 3,
      hasHistory: true,
      lastCommitAt: '2026-11-23T09:00:00.000Z',
    });
    const api = entities.find(e => e.entityRef === API);
    expect(api).toMatchObject({ hasHistory: false, crossTeamDependencies: 2 });
    expect(api?.lastCommitAt).toBeUndefined();
  });

  it('records one reuse row per consumer with both business units', async () => {
    const { reuse } = await facts();
    expect(
      reuse
        .filter(r => r.providerRef === SDK)
        .map(r => [r.consumerRef, r.consumerBusinessUnitRef, r.crossTeam]),
    ).toEqual([
      ['component:default/ledger-cli', 'group:default/payments', false],
      ['component:default/orphan-job', undefined, true],
      ['component:default/shop-app', 'group:default/retail', true],
      ['component:default/shop-web', 'group:default/retail', true],
    ]);
    // ledger-sdk 4 + ledger-api 2 + the ledger system 4
    expect(reuse).toHaveLength(10);
  });

  it('records flows from outside teams to the owning team per window', async () => {
    const { flows } = await facts();
    expect(
      flows
        .filter(f => f.window === '365d')
        .map(f => [f.entityRef, f.fromTeamRef, f.toTeamRef, f.commits]),
    ).toEqual([
      [SDK, 'group:default/team-shop', 'group:default/team-ledger', 5],
      [SDK, 'group:default/team-shop-mobile', 'group:default/team-ledger', 3],
      [SHOP_WEB, 'group:default/team-ledger', 'group:default/team-shop', 3],
    ]);
    expect(flows.filter(f => f.window === '30d')).toHaveLength(1);
    expect(flows[0].fromTeamPath).toBe(
      '|group:default/acme|group:default/retail|group:default/team-shop|',
    );
  });

  it('keeps window figures, non-zero distances and weekly commits of entities with git history', async () => {
    const { windows, distances, weekly } = await facts();
    expect(windows.filter(w => w.entityRef === SDK)).toHaveLength(4);
    expect(
      windows.find(w => w.entityRef === SDK && w.window === '30d'),
    ).toEqual({
      entityRef: SDK,
      window: '30d',
      commits: 4,
      ownerTeamCommits: 2,
      outsideCommits: 2,
      outsideContributors: 1,
      absenceFactor: 1,
    });
    expect(windows.some(w => w.entityRef === API)).toBe(false);
    expect(
      distances
        .filter(d => d.window === '365d')
        .map(d => [d.entityRef, d.distance, d.commits]),
    ).toEqual([
      [SDK, '0', 12],
      [SDK, '4', 5],
      [SDK, '5', 3],
      [SHOP_WEB, '0', 3],
      [SHOP_WEB, '4', 3],
    ]);
    // 52 weeks for each of the two entities with history
    expect(weekly).toHaveLength(104);
    expect(
      weekly.filter(w => w.outside > 0).map(w => [w.entityRef, w.weekStart]),
    ).toEqual([
      [SDK, '2026-11-23'],
      [SHOP_WEB, '2026-03-02'],
    ]);
  });

  it('records failed rules with their exceptions', async () => {
    const { ruleFailures } = await facts();
    const api = ruleFailures.filter(f => f.entityRef === API);
    expect(api.map(f => [f.ruleId, f.severity, f.waiver?.status])).toEqual([
      ['metadata.description', 'error', 'expired'],
      ['metadata.innersource-tag', 'warning', undefined],
      ['metadata.documentation', 'warning', 'active'],
      ['metadata.source-location', 'warning', undefined],
    ]);
    expect(api[0].waiver).toEqual({
      status: 'expired',
      owner: 'group:default/team-ledger',
      reason: 'Description follows with the v2 spec',
      expires: '2026-10-31',
    });
    // passing rules leave no row
    expect(ruleFailures.some(f => f.entityRef === SDK)).toBe(false);
  });

  it('leaves out flows of an entity without an owner', async () => {
    const entities = [
      ...smallOrg(),
      entity('Component', 'no-owner', { type: 'library' }),
    ];
    const results = await programResults(entities);
    const withHistory = results.map(r =>
      r.entity.name === 'no-owner'
        ? {
            ...r,
            contributions: results.find(x => x.entity.entityRef === SDK)!
              .contributions,
          }
        : r,
    );
    const { flows, entities: rows } = computeProgramFacts({
      results: withHistory,
      catalog: new CatalogIndex(entities),
    });
    expect(flows.some(f => f.entityRef === 'component:default/no-owner')).toBe(
      false,
    );
    expect(
      rows.find(e => e.entityRef === 'component:default/no-owner')?.ownerPath,
    ).toBe('');
  });
});
