import { InnerSourceLintRule } from '@innersource-backstage/plugin-innersource-node';
import { smallOrg } from '../__testUtils__/catalogFixtures';
import { computeResults } from './computeResults';
import { metadataRules } from './metadataRules';

const computedAt = new Date('2026-11-24T10:00:00Z');

async function resultsByRef(rules: InnerSourceLintRule[] = metadataRules) {
  const results = await computeResults({
    entities: smallOrg(),
    rules,
    computedAt,
  });
  return new Map(results.map(r => [r.entity.entityRef, r]));
}

describe('computeResults', () => {
  it('computes every Component, API, Resource and System, and nothing else', async () => {
    const results = await resultsByRef();
    expect([...results.keys()].sort()).toEqual([
      'api:default/ledger-api',
      'component:default/ledger-cli',
      'component:default/ledger-sdk',
      'component:default/orphan-job',
      'component:default/shop-app',
      'component:default/shop-web',
      'system:default/ledger',
    ]);
  });

  it('passes every metadata rule for a well described project', async () => {
    const sdk = (await resultsByRef()).get('component:default/ledger-sdk')!;
    expect(sdk.entity).toMatchObject({
      ownerRef: 'group:default/team-ledger',
      businessUnitRef: 'group:default/payments',
      innerSource: true,
      lifecycle: 'production',
      type: 'library',
    });
    expect(sdk.lint.findings.filter(f => f.status === 'fail')).toEqual([]);
    expect(sdk.lint.score).toBe(100);
    expect(sdk.usage.count).toBe(4);
    expect(sdk.computedAt).toBe('2026-11-24T10:00:00.000Z');
  });

  it('says what was expected and found for each gap', async () => {
    const results = await resultsByRef();
    const failures = (ref: string) =>
      Object.fromEntries(
        results
          .get(ref)!
          .lint.findings.filter(f => f.status === 'fail')
          .map(f => [f.ruleId, f.message]),
      );
    expect(failures('api:default/ledger-api')).toEqual({
      'metadata.description':
        'Expected a description of more than 30 characters, found 5: "short"',
      'metadata.innersource-tag':
        "Expected the tag 'innersource' or 'inner-source', found no tags",
      'metadata.documentation':
        'Expected a documentation link in metadata.links or the backstage.io/techdocs-ref annotation, found neither',
      'metadata.source-location':
        'Expected the backstage.io/source-location annotation, found none',
    });
    expect(failures('component:default/orphan-job')).toMatchObject({
      'metadata.owner':
        "Expected owner 'team-ghost' to be a Group or User in the catalog, but group:default/team-ghost does not exist",
      'metadata.description':
        'Expected a description of more than 30 characters, found none',
    });
    // A user owner is a valid owner.
    expect(
      failures('component:default/ledger-cli')['metadata.owner'],
    ).toBeUndefined();
  });

  it('does not apply lifecycle and source rules to systems', async () => {
    const system = (await resultsByRef()).get('system:default/ledger')!;
    const status = Object.fromEntries(
      system.lint.findings.map(f => [f.ruleId, f.status]),
    );
    expect(status['metadata.lifecycle']).toBe('not-applicable');
    expect(status['metadata.source-location']).toBe('not-applicable');
    expect(status['metadata.owner']).toBe('pass');
  });

  it('turns a rule that throws into a failed finding instead of failing the refresh', async () => {
    const broken: InnerSourceLintRule = {
      id: 'custom.broken',
      title: 'Broken rule',
      category: 'custom',
      severity: 'info',
      remediation: 'n/a',
      check: () => {
        throw new Error('boom');
      },
    };
    const results = await resultsByRef([...metadataRules, broken]);
    const finding = results
      .get('component:default/ledger-sdk')!
      .lint.findings.find(f => f.ruleId === 'custom.broken');
    expect(finding).toMatchObject({
      status: 'fail',
      message: 'The rule could not be evaluated: boom',
    });
  });
});
