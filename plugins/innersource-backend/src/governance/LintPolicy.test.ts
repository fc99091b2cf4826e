import { InnerSourceLintRule } from '@innersource-backstage/plugin-innersource-node';
import { summarizeLint } from '@innersource-backstage/plugin-innersource-common';
import { CatalogIndex } from '../compute/CatalogIndex';
import { lintEntity } from '../compute/lintEntity';
import { entity, withCatalogRelations } from '../__testUtils__/catalogFixtures';
import { LintPolicy } from './LintPolicy';

const failing = (
  id: string,
  severity: InnerSourceLintRule['severity'],
): InnerSourceLintRule => ({
  id,
  title: id,
  category: 'test',
  severity,
  remediation: 'Fix it',
  check: () => ({ status: 'fail', message: `Expected ${id}, found nothing` }),
});

const rules = [
  failing('contributing.exists', 'warning'),
  failing('ownership.maintainers', 'warning'),
  failing('readme.exists', 'error'),
];

function lint(
  annotations: Record<string, string>,
  policy: LintPolicy,
  tags: string[] = [],
  today = '2026-11-24',
) {
  const e = withCatalogRelations([
    entity('Component', 'x', { owner: 'team-x' }, { annotations, tags }),
  ])[0];
  return lintEntity({
    entity: e,
    catalog: new CatalogIndex([e]),
    rules,
    policy,
    today,
  });
}

describe('LintPolicy', () => {
  it('applies the default profile without overrides', async () => {
    const { findings, profile } = await lint({}, new LintPolicy());
    expect(profile).toBe('default');
    expect(findings.map(f => [f.ruleId, f.severity, f.status])).toEqual([
      ['contributing.exists', 'warning', 'fail'],
      ['ownership.maintainers', 'warning', 'fail'],
      ['readme.exists', 'error', 'fail'],
    ]);
  });

  it('changes severities and turns rules off by profile, chosen by annotation', async () => {
    const { findings, profile } = await lint(
      { 'innersource.io/lint-profile': 'shared-ownership' },
      new LintPolicy(),
    );
    expect(profile).toBe('shared-ownership');
    expect(
      findings.find(f => f.ruleId === 'ownership.maintainers'),
    ).toMatchObject({
      status: 'not-applicable',
      message: "Turned off in the 'shared-ownership' profile",
    });
    const welcome = await lint(
      { 'innersource.io/lint-profile': 'contributions-welcome' },
      new LintPolicy(),
    );
    expect(welcome.findings[0]).toMatchObject({
      ruleId: 'contributing.exists',
      severity: 'error',
    });
  });

  it('chooses a profile by config rules and lets config change a profile', async () => {
    const policy = new LintPolicy({
      profiles: [
        {
          name: 'contributions-welcome',
          description: '',
          rules: { 'readme.exists': { enabled: false } },
        },
      ],
      selection: [
        { profile: 'contributions-welcome', when: { tags: ['innersource'] } },
      ],
    });
    const tagged = await lint({}, policy, ['innersource']);
    expect(tagged.profile).toBe('contributions-welcome');
    // the built-in override is kept and the configured one added
    expect(tagged.findings.map(f => [f.ruleId, f.severity, f.status])).toEqual([
      ['contributing.exists', 'error', 'fail'],
      ['ownership.maintainers', 'warning', 'fail'],
      ['readme.exists', 'error', 'not-applicable'],
    ]);
    expect((await lint({}, policy, ['java'])).profile).toBe('default');
  });

  it('reports an unknown profile as a finding and falls back to the default', async () => {
    const { findings, profile } = await lint(
      { 'innersource.io/lint-profile': 'gold-plated' },
      new LintPolicy(),
    );
    expect(profile).toBe('default');
    expect(
      findings.find(f => f.ruleId === 'governance.annotations')?.message,
    ).toMatch(
      /names the profile 'gold-plated', which does not exist; expected one of default, contributions-welcome, shared-ownership/,
    );
  });

  it('waives a failure with an active exception and reports an expired one', async () => {
    const policy = new LintPolicy({
      exceptions: [
        {
          entityRef: 'component:default/x',
          ruleId: 'readme.exists',
          owner: 'group:default/ispo',
          reason: 'Moving to a new repository',
          expires: '2026-12-31',
          source: 'config',
        },
      ],
    });
    const annotation = {
      'innersource.io/lint-exceptions': JSON.stringify([
        {
          rule: 'contributing.exists',
          owner: 'user:default/maria',
          reason: 'Docs sprint',
          expires: '2026-11-23',
        },
      ]),
    };
    const { findings } = await lint(annotation, policy);
    expect(findings.find(f => f.ruleId === 'readme.exists')?.waiver).toEqual({
      status: 'active',
      owner: 'group:default/ispo',
      reason: 'Moving to a new repository',
      expires: '2026-12-31',
      source: 'config',
    });
    expect(
      findings.find(f => f.ruleId === 'contributing.exists')?.waiver,
    ).toMatchObject({
      status: 'expired',
      source: 'annotation',
    });
    const summary = summarizeLint(findings);
    expect(summary).toMatchObject({ waived: 1, errors: 0, warnings: 2 });

    // the day after, the config exception has expired too
    const later = await lint(annotation, policy, [], '2027-01-01');
    expect(
      later.findings.find(f => f.ruleId === 'readme.exists')?.waiver?.status,
    ).toBe('expired');
  });

  it('turns malformed exception annotations into a finding', async () => {
    const broken = await lint(
      { 'innersource.io/lint-exceptions': '[{"rule": "readme.exists"' },
      new LintPolicy(),
    );
    expect(
      broken.findings.find(f => f.ruleId === 'governance.annotations')?.message,
    ).toMatch(/innersource.io\/lint-exceptions is not valid JSON/);
    const incomplete = await lint(
      {
        'innersource.io/lint-exceptions': JSON.stringify([
          {
            rule: 'readme.exists',
            owner: 'me',
            reason: 'why',
            expires: 'soon',
          },
          { rule: 'readme.exists' },
        ]),
      },
      new LintPolicy(),
    );
    expect(
      incomplete.findings.find(f => f.ruleId === 'governance.annotations')
        ?.message,
    ).toBe(
      "Exception 1 expires 'soon', expected a date as YYYY-MM-DD; Exception 2 lacks owner, reason, expires",
    );
  });
});
