import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { ScmRepositorySignals } from '@innersource-backstage/plugin-innersource-common';
import { LintCheckResult } from '@innersource-backstage/plugin-innersource-node';
import { scmPolicyRules } from './policyRules';
import {
  classifySharing,
  readSharingSettings,
  SharingSettings,
} from './sharing';

function entity(
  options: {
    type?: string;
    tags?: string[];
    sharing?: string;
    system?: string;
    kind?: string;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: options.kind ?? 'Component',
    metadata: {
      name: 'ledger',
      tags: options.tags ?? [],
      annotations: options.sharing
        ? { 'innersource.io/sharing': options.sharing }
        : {},
    },
    spec: {
      type: options.type ?? 'service',
      owner: 'group:default/payments',
      ...(options.system ? { system: options.system } : {}),
    },
  };
}

function signals(
  overrides: Partial<ScmRepositorySignals> = {},
): ScmRepositorySignals {
  return {
    provider: 'github',
    url: 'https://github.com/acme/ledger',
    stars: 3,
    forks: 1,
    watchers: 2,
    openIssues: 4,
    topics: [],
    visibility: 'internal',
    forkingAllowed: true,
    archived: false,
    defaultBranch: 'main',
    branchProtection: { protected: true, requiredApprovingReviews: 1 },
    goodFirstIssues: { count: 2, helpWantedCount: 1, items: [] },
    pullRequests: [],
    issues: [],
    ...overrides,
  };
}

function check(
  ruleId: string,
  e: Entity,
  scm: ScmRepositorySignals | undefined,
  settings: SharingSettings = { defaultLevel: 'internal', rules: [] },
): LintCheckResult {
  const rule = scmPolicyRules.find(r => r.id === ruleId)!;
  return rule.check({
    entity: e,
    catalog: { getEntity: () => undefined },
    scm,
    sharing: classifySharing(e, settings),
  }) as LintCheckResult;
}

describe('classifySharing', () => {
  const settings = readSharingSettings(
    new ConfigReader({
      innersource: {
        scm: {
          sharing: {
            default: 'public',
            rules: [
              { level: 'closed', systems: ['system:default/trading'] },
              { level: 'restricted', tags: ['PCI'], types: ['service'] },
            ],
          },
        },
      },
    }),
  );

  it('takes the annotation first, case-insensitively', () => {
    expect(
      classifySharing(
        entity({ sharing: 'Restricted', system: 'trading' }),
        settings,
      ),
    ).toEqual({ level: 'restricted', source: 'annotation' });
  });

  it('takes the first matching config rule, then the default', () => {
    expect(classifySharing(entity({ system: 'trading' }), settings)).toEqual({
      level: 'closed',
      source: 'rule',
      rule: 'system system:default/trading',
    });
    expect(classifySharing(entity({ tags: ['pci'] }), settings)).toEqual({
      level: 'restricted',
      source: 'rule',
      rule: 'type service, tag PCI',
    });
    expect(
      classifySharing(entity({ tags: ['pci'], type: 'library' }), settings),
    ).toEqual({ level: 'public', source: 'default' });
  });

  it('ignores an unknown annotation value (reported by a rule)', () => {
    expect(classifySharing(entity({ sharing: 'secret' }), settings)).toEqual({
      level: 'public',
      source: 'default',
    });
  });

  it('rejects an unknown level in config at startup', () => {
    expect(() =>
      readSharingSettings(
        new ConfigReader({
          innersource: { scm: { sharing: { default: 'open' } } },
        }),
      ),
    ).toThrow(/Invalid default 'open'.*public, internal, restricted, closed/);
  });
});

describe('scmPolicyRules', () => {
  it('InnerSource-First: warns when a reusable internal entity lives in a private repository', () => {
    const result = check(
      'scm.innersource-first',
      entity({ type: 'library' }),
      signals({ visibility: 'private' }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'Expected a reusable entity classified internal by the configured default to have an internal or public repository, found private: other teams cannot find or evaluate it',
    );
    expect(
      check(
        'scm.innersource-first',
        entity({ tags: ['inner-source'] }),
        signals({ visibility: 'private' }),
      ).status,
    ).toBe('fail');
    expect(
      check('scm.innersource-first', entity({ type: 'library' }), signals())
        .status,
    ).toBe('pass');
    // a private service is not a reusable entity
    expect(
      check(
        'scm.innersource-first',
        entity(),
        signals({ visibility: 'private' }),
      ).status,
    ).toBe('not-applicable');
    // sensitive code is the Security-First rule's business
    expect(
      check(
        'scm.innersource-first',
        entity({ type: 'library', sharing: 'closed' }),
        signals({ visibility: 'private' }),
      ).status,
    ).toBe('not-applicable');
  });

  it('Security-First: an error when restricted or closed code is visible beyond its audience', () => {
    const result = check(
      'scm.security-first',
      entity({ sharing: 'restricted' }),
      signals({ visibility: 'internal' }),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain(
      'classified restricted by its innersource.io/sharing annotation to be private, found internal',
    );
    expect(
      check(
        'scm.security-first',
        entity({ system: 'trading' }),
        signals({ visibility: 'public' }),
        {
          defaultLevel: 'internal',
          rules: [{ level: 'closed', systems: ['trading'] }],
        },
      ).message,
    ).toContain('classified closed by the config rule for system trading');
    expect(
      check(
        'scm.security-first',
        entity({ sharing: 'closed' }),
        signals({ visibility: 'private' }),
      ).status,
    ).toBe('pass');
    expect(
      check('scm.security-first', entity(), signals({ visibility: 'public' }))
        .status,
    ).toBe('not-applicable');
  });

  it('warns about an internal repository with forking disabled', () => {
    expect(
      check('scm.forking', entity(), signals({ forkingAllowed: false })).status,
    ).toBe('fail');
    expect(check('scm.forking', entity(), signals()).status).toBe('pass');
    expect(
      check(
        'scm.forking',
        entity(),
        signals({ visibility: 'private', forkingAllowed: false }),
      ).status,
    ).toBe('not-applicable');
  });

  it('warns about an unprotected default branch and says when protection is unreadable', () => {
    expect(
      check(
        'scm.branch-protection',
        entity(),
        signals({
          branchProtection: { protected: false, requiredApprovingReviews: 0 },
        }),
      ),
    ).toEqual({
      status: 'fail',
      message: 'Expected main to be protected, found no protection',
    });
    expect(check('scm.branch-protection', entity(), signals()).message).toBe(
      'main is protected, 1 approving review required',
    );
    expect(
      check(
        'scm.branch-protection',
        entity(),
        signals({ branchProtection: undefined }),
      ).status,
    ).toBe('not-applicable');
  });

  it('reports missing good first issues as info', () => {
    const result = check(
      'scm.good-first-issues',
      entity(),
      signals({ goodFirstIssues: { count: 0, helpWantedCount: 3, items: [] } }),
    );
    expect(result).toEqual({
      status: 'fail',
      message:
        'Expected open issues labelled good first issue, found none (3 help wanted)',
    });
    expect(
      scmPolicyRules.find(r => r.id === 'scm.good-first-issues')!.severity,
    ).toBe('info');
    expect(check('scm.good-first-issues', entity(), signals()).message).toBe(
      '2 open good first issues, 1 help wanted',
    );
  });

  it('flags an invalid sharing annotation and says which classification applies meanwhile', () => {
    const result = check(
      'scm.sharing-classification',
      entity({ sharing: 'top-secret' }),
      undefined,
    );
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      "Expected innersource.io/sharing to be one of public, internal, restricted, closed, found 'top-secret'; until fixed the entity is classified internal by the configured default",
    );
  });

  it('is not applicable without SCM data, except the classification check', () => {
    for (const rule of scmPolicyRules) {
      if (rule.id === 'scm.sharing-classification') continue;
      expect(
        check(rule.id, entity({ type: 'library' }), undefined).status,
      ).toBe('not-applicable');
    }
  });
});
