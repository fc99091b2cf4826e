import { InnerSourceLintRule } from '@innersource-backstage/plugin-innersource-node';
import {
  ContributionSummary,
  ScmRepositorySignals,
} from '@innersource-backstage/plugin-innersource-common';
import { entity, smallOrg } from '../__testUtils__/catalogFixtures';
import { scmPolicyRules } from '../scm/policyRules';
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

describe('computeResults with SCM platform signals', () => {
  const users = [
    entity(
      'User',
      'sam',
      { memberOf: ['team-shop'] },
      { annotations: { 'github.com/user-login': 'Sam-GH' } },
    ),
    entity(
      'User',
      'lee',
      { memberOf: ['team-ledger'] },
      { annotations: { 'github.com/user-login': 'lee-gh' } },
    ),
  ];
  const url = 'https://github.com/acme/ledger-sdk';
  const signals: ScmRepositorySignals = {
    provider: 'github',
    url,
    stars: 300,
    forks: 0,
    watchers: 0,
    openIssues: 0,
    topics: [],
    visibility: 'private',
    forkingAllowed: true,
    archived: false,
    defaultBranch: 'main',
    branchProtection: { protected: false, requiredApprovingReviews: 0 },
    goodFirstIssues: { count: 0, helpWantedCount: 0, items: [] },
    pullRequests: [
      {
        number: 1,
        url: `${url}/pull/1`,
        authorLogin: 'sam-gh',
        createdAt: '2026-11-20T10:00:00Z',
        state: 'merged',
        responses: [{ login: 'lee-gh', at: '2026-11-20T13:00:00Z' }],
      },
      {
        number: 2,
        url: `${url}/pull/2`,
        authorLogin: 'lee-gh',
        createdAt: '2026-11-21T10:00:00Z',
        state: 'merged',
        responses: [],
      },
      {
        number: 3,
        url: `${url}/pull/3`,
        authorLogin: 'dependabot[bot]',
        createdAt: '2026-11-22T10:00:00Z',
        state: 'open',
        responses: [],
      },
    ],
    issues: [],
  };
  const contributions: ContributionSummary = {
    repository: {
      cloneUrl: `${url}.git`,
      path: '',
      stale: false,
      firstCommitAt: '2023-01-01T00:00:00Z',
      lastCommitAt: computedAt.toISOString(),
    },
    windows: [],
    weekly: [],
    activity: { score: 100, level: 'low' },
    hasContributingGuide: false,
  };

  async function sdkResult() {
    const results = await computeResults({
      entities: [...smallOrg(), ...users],
      rules: [...metadataRules, ...scmPolicyRules],
      computedAt,
      contributions: new Map([['component:default/ledger-sdk', contributions]]),
      scm: new Map([
        [
          'component:default/ledger-sdk',
          {
            url,
            provider: 'github',
            signals,
            fetchedAt: computedAt.toISOString(),
            stale: false,
            calls: 3,
          },
        ],
      ]),
    });
    return results.find(
      r => r.entity.entityRef === 'component:default/ledger-sdk',
    )!;
  }

  it('attributes pull requests by SCM login and counts the outside ones', async () => {
    const result = await sdkResult();
    const lastMonth = result.scm!.windows.find(w => w.window === '30d')!;
    expect(lastMonth).toMatchObject({
      pullRequests: 3,
      outsidePullRequests: 1,
      outsideMerged: 1,
      outsideAcceptanceRatio: 1,
      outsidePullRequestResponse: {
        responded: 1,
        waiting: 0,
        medianHours: 3,
        p90Hours: 3,
      },
    });
    expect(lastMonth.innerSourceRatio.pullRequests).toBe(0.5);
    expect(result.scm).toMatchObject({ stars: 300, visibility: 'private' });
    expect(result.sharing).toEqual({ level: 'internal', source: 'default' });
  });

  it('scores activity with the real stars (50 + 300/3, doubled for today, + 50 description)', async () => {
    const result = await sdkResult();
    expect(result.contributions!.activity).toEqual({
      score: 300,
      level: 'moderate',
    });
  });

  it('runs the SCM policy checks on the platform data', async () => {
    const result = await sdkResult();
    const status = Object.fromEntries(
      result.lint.findings
        .filter(f => f.category === 'scm-policy')
        .map(f => [f.ruleId, f.status]),
    );
    expect(status).toEqual({
      'scm.sharing-classification': 'not-applicable',
      'scm.innersource-first': 'fail',
      'scm.security-first': 'not-applicable',
      'scm.forking': 'not-applicable',
      'scm.branch-protection': 'fail',
      'scm.good-first-issues': 'fail',
    });
  });
});
