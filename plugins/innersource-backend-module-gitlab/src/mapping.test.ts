import {
  changeRequestOf,
  GitlabMergeRequest,
  isGitlabBot,
  organizationSettingsOf,
  projectSignals,
  protectedBranchMatches,
  requiredApprovals,
  responsesOf,
} from './mapping';

describe('isGitlabBot', () => {
  it.each([
    [{ username: 'project_278964_bot_3bd8f1a7c0', id: 1 }, true],
    [{ username: 'project_42_bot' }, true],
    [{ username: 'group_9_bot_ab12' }, true],
    [{ username: 'service_account_group_7_0a1b' }, true],
    [{ username: 'renovate-bot' }, true],
    [{ username: 'release_bot' }, true],
    [{ username: 'alice', bot: true }, true],
    [{ username: 'talbot' }, false],
    [{ username: 'robot-arm-team' }, false],
    [{ username: 'alice', bot: false }, false],
  ])('%j -> %s', (user, bot) => {
    expect(isGitlabBot(user)).toBe(bot);
  });
});

describe('projectSignals', () => {
  const project = {
    id: 7,
    visibility: 'internal' as const,
    star_count: 12,
    forks_count: 3,
    open_issues_count: 9,
    topics: ['innersource'],
    description: '',
    forking_access_level: 'private' as const,
    default_branch: 'main',
  };

  it('reports 0 watchers, and forking only when everyone who sees the project may fork', () => {
    const signals = projectSignals(project, 'https://gitlab.com/a/b');
    expect(signals).toMatchObject({
      stars: 12,
      forks: 3,
      watchers: 0,
      openIssues: 9,
      visibility: 'internal',
      forkingAllowed: false,
      description: undefined,
    });
    expect(
      projectSignals(
        { ...project, forking_access_level: 'enabled' },
        'https://gitlab.com/a/b',
      ).forkingAllowed,
    ).toBe(true);
  });

  it('counts no open issues when issues are disabled', () => {
    expect(
      projectSignals(
        { ...project, issues_access_level: 'disabled' },
        'https://gitlab.com/a/b',
      ).openIssues,
    ).toBe(0);
  });
});

describe('protectedBranchMatches', () => {
  it.each([
    ['main', 'main', true],
    ['main', 'main2', false],
    ['*', 'main', true],
    ['release/*', 'release/1.2', true],
    ['ma*n', 'main', true],
    ['ma.n', 'main', false],
    ['release/*', 'main', false],
  ])('%s ~ %s = %s', (pattern, branch, matches) => {
    expect(protectedBranchMatches(pattern, branch)).toBe(matches);
  });
});

describe('requiredApprovals', () => {
  const main = { id: 1, name: 'main' };
  it('takes the largest rule that applies to the branch', () => {
    expect(
      requiredApprovals({
        rules: [
          { id: 1, rule_type: 'any_approver', approvals_required: 1 },
          {
            id: 2,
            rule_type: 'regular',
            approvals_required: 2,
            protected_branches: [{ id: 1, name: 'main' }],
          },
          {
            id: 3,
            rule_type: 'regular',
            approvals_required: 5,
            protected_branches: [{ id: 99, name: 'release/*' }],
          },
          { id: 4, rule_type: 'report_approver', approvals_required: 4 },
        ],
        matchingProtections: [main],
      }),
    ).toBe(2);
  });

  it('applies rules for all protected branches, and code owner approval counts as one', () => {
    expect(
      requiredApprovals({
        rules: [
          {
            id: 1,
            rule_type: 'regular',
            approvals_required: 3,
            applies_to_all_protected_branches: true,
          },
        ],
        matchingProtections: [main],
      }),
    ).toBe(3);
    expect(
      requiredApprovals({
        rules: [],
        matchingProtections: [{ ...main, code_owner_approval_required: true }],
      }),
    ).toBe(1);
    expect(requiredApprovals({ rules: [], matchingProtections: [main] })).toBe(
      0,
    );
  });
});

describe('responsesOf and changeRequestOf', () => {
  it('keeps human notes oldest first and flags bots', () => {
    expect(
      responsesOf([
        {
          id: 3,
          system: false,
          created_at: '2026-03-02T10:00:00.000Z',
          author: { username: 'bob' },
        },
        {
          id: 1,
          system: true,
          created_at: '2026-03-01T09:00:00.000Z',
          author: { username: 'alice' },
        },
        {
          id: 2,
          system: false,
          created_at: '2026-03-01T10:00:00.000Z',
          author: { username: 'project_5_bot_aa' },
        },
      ]),
    ).toEqual([
      { login: 'project_5_bot_aa', at: '2026-03-01T10:00:00.000Z', bot: true },
      { login: 'bob', at: '2026-03-02T10:00:00.000Z' },
    ]);
  });

  it.each([
    ['opened', 'open'],
    ['locked', 'open'],
    ['merged', 'merged'],
    ['closed', 'closed'],
  ] as const)('maps the merge request state %s to %s', (state, expected) => {
    const mr: GitlabMergeRequest = {
      iid: 4,
      web_url: 'https://gitlab.com/a/b/-/merge_requests/4',
      state,
      created_at: '2026-03-01T09:00:00.000Z',
      author: { username: 'dependabot-bot' },
    };
    expect(changeRequestOf(mr, [])).toMatchObject({
      number: 4,
      state: expected,
      authorLogin: 'dependabot-bot',
      authorIsBot: true,
    });
  });
});

describe('organizationSettingsOf', () => {
  const base = {
    host: 'gitlab.com',
    path: 'acme',
    fallbackUrl: 'https://gitlab.com/groups/acme',
  };

  it('lets developers create projects up to the group visibility', () => {
    expect(
      organizationSettingsOf({
        ...base,
        group: {
          id: 1,
          visibility: 'internal',
          project_creation_level: 'developer',
          prevent_forking_outside_group: false,
          web_url: 'https://gitlab.com/groups/acme',
        },
      }),
    ).toEqual({
      provider: 'gitlab',
      host: 'gitlab.com',
      organization: 'acme',
      url: 'https://gitlab.com/groups/acme',
      visibility: 'internal',
      membersCanCreatePrivateRepositories: true,
      membersCanCreateInternalRepositories: true,
      membersCanCreatePublicRepositories: false,
      membersCanForkPrivateRepositories: true,
    });
  });

  it('leaves what GitLab does not send undefined', () => {
    const settings = organizationSettingsOf({
      ...base,
      group: {
        id: 1,
        visibility: 'private',
        project_creation_level: 'maintainer',
      },
    });
    expect(settings.membersCanCreatePrivateRepositories).toBe(false);
    expect(settings.membersCanForkPrivateRepositories).toBeUndefined();
    expect(settings.defaultRepositoryPermission).toBeUndefined();
    expect(settings.url).toBe('https://gitlab.com/groups/acme');
  });
});
