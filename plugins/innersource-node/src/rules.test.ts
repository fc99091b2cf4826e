import { Entity } from '@backstage/catalog-model';
import { ruleAppliesTo } from './rules';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger-sdk', tags: ['InnerSource', 'java'] },
  spec: { type: 'library', lifecycle: 'production', owner: 'team-ledger' },
};

describe('ruleAppliesTo', () => {
  it('applies to everything without restrictions', () => {
    expect(ruleAppliesTo(undefined, entity)).toBe(true);
    expect(ruleAppliesTo({}, entity)).toBe(true);
  });

  it('matches kinds case-insensitively', () => {
    expect(ruleAppliesTo({ kinds: ['component'] }, entity)).toBe(true);
    expect(ruleAppliesTo({ kinds: ['API', 'System'] }, entity)).toBe(false);
  });

  it('requires every listed field to match', () => {
    expect(
      ruleAppliesTo({ kinds: ['Component'], types: ['service'] }, entity),
    ).toBe(false);
    expect(
      ruleAppliesTo(
        {
          types: ['library'],
          lifecycles: ['production'],
          tags: ['innersource'],
        },
        entity,
      ),
    ).toBe(true);
    expect(ruleAppliesTo({ lifecycles: ['experimental'] }, entity)).toBe(false);
    expect(ruleAppliesTo({ tags: ['python'] }, entity)).toBe(false);
  });

  it('does not apply type or lifecycle filters to entities without them', () => {
    const system: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'payments' },
      spec: { owner: 'payments-bu' },
    };
    expect(ruleAppliesTo({ lifecycles: ['production'] }, system)).toBe(false);
  });
});
