import {
  entity,
  smallOrg,
  withCatalogRelations,
} from '../__testUtils__/catalogFixtures';
import { CatalogIndex } from './CatalogIndex';
import { usageSummary } from './usage';

describe('usageSummary', () => {
  const index = new CatalogIndex(smallOrg());
  const usageOf = (ref: string) => usageSummary(index.getEntity(ref)!, index);

  it('counts distinct dependents and consumers of provided APIs once each', () => {
    const usage = usageOf('component:default/ledger-sdk');
    expect(usage.consumers.map(c => c.entityRef)).toEqual([
      'component:default/ledger-cli',
      'component:default/orphan-job',
      'component:default/shop-app',
      'component:default/shop-web',
    ]);
    expect(usage.count).toBe(4);
    const shopWeb = usage.consumers.find(
      c => c.entityRef === 'component:default/shop-web',
    );
    expect(shopWeb?.relations).toEqual([
      { type: 'dependsOn' },
      { type: 'consumesApi', via: 'api:default/ledger-api' },
    ]);
  });

  it('places consumers in the business unit directly below the root, through nested teams and user owners', () => {
    const usage = usageOf('component:default/ledger-sdk');
    const units = Object.fromEntries(
      usage.consumers.map(c => [c.entityRef, c.businessUnitRef]),
    );
    expect(units).toEqual({
      // owned by a user who is a member of team-ledger, under payments
      'component:default/ledger-cli': 'group:default/payments',
      // owner group does not exist
      'component:default/orphan-job': undefined,
      // team-shop-mobile -> team-shop -> retail -> acme
      'component:default/shop-app': 'group:default/retail',
      'component:default/shop-web': 'group:default/retail',
    });
    expect(usage.businessUnitCount).toBe(2);
    expect(usage.unknownBusinessUnitCount).toBe(1);
    expect(usage.businessUnits).toEqual([
      { entityRef: 'group:default/retail', title: 'retail', consumerCount: 2 },
      {
        entityRef: 'group:default/payments',
        title: 'payments',
        consumerCount: 1,
      },
    ]);
  });

  it('counts API consumers but not the API providers', () => {
    const usage = usageOf('api:default/ledger-api');
    expect(usage.consumers.map(c => c.entityRef)).toEqual([
      'component:default/shop-app',
      'component:default/shop-web',
    ]);
    expect(usage.consumers[0].relations).toEqual([
      { type: 'consumesApi', via: 'api:default/ledger-api' },
    ]);
    expect(usage.businessUnitCount).toBe(1);
  });

  it('counts the users of any part of a system, excluding the parts themselves', () => {
    const usage = usageOf('system:default/ledger');
    expect(usage.consumers.map(c => c.entityRef)).toEqual([
      'component:default/ledger-cli',
      'component:default/orphan-job',
      'component:default/shop-app',
      'component:default/shop-web',
    ]);
  });

  it('reports zero for an entity nobody uses', () => {
    expect(usageOf('component:default/shop-app')).toEqual({
      count: 0,
      businessUnitCount: 0,
      businessUnits: [],
      unknownBusinessUnitCount: 0,
      consumers: [],
    });
  });
});

describe('CatalogIndex.businessUnitOf', () => {
  it('treats a root group as its own business unit and survives a parent cycle', () => {
    const index = new CatalogIndex(
      withCatalogRelations([
        entity('Group', 'solo', { type: 'team', children: [] }),
        entity('Group', 'a', { type: 'team', parent: 'b', children: [] }),
        entity('Group', 'b', { type: 'team', parent: 'a', children: [] }),
      ]),
    );
    expect(index.businessUnitOf('group:default/solo')).toBe(
      'group:default/solo',
    );
    // a <-> b: the walk stops at the repeat instead of looping forever
    expect(index.businessUnitOf('group:default/a')).toBe('group:default/a');
    expect(index.businessUnitOf('group:default/missing')).toBeUndefined();
  });
});
