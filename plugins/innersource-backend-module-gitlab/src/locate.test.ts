import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { locateGitlabProject } from './locate';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      gitlab: [
        {
          host: 'gitlab.acme.internal',
          apiBaseUrl: 'https://gitlab.acme.internal/api/v4',
        },
        {
          host: 'code.example.com',
          baseUrl: 'https://code.example.com/gitlab',
          apiBaseUrl: 'https://code.example.com/gitlab/api/v4',
        },
      ],
    },
  }),
);

const locate = (url: string) => locateGitlabProject(url, integrations);

describe('locateGitlabProject', () => {
  it.each([
    ['https://gitlab.com/acme/ledger', 'acme/ledger'],
    ['https://gitlab.com/acme/ledger/', 'acme/ledger'],
    ['https://gitlab.com/acme/ledger.git', 'acme/ledger'],
    [
      'https://gitlab.com/acme/payments/core/ledger',
      'acme/payments/core/ledger',
    ],
    [
      'https://gitlab.com/acme/payments/ledger/-/tree/main/packages/sdk',
      'acme/payments/ledger',
    ],
    [
      'https://gitlab.com/acme/payments/ledger/-/blob/main/catalog-info.yaml',
      'acme/payments/ledger',
    ],
    ['https://gitlab.com/acme/ledger/-/merge_requests/4', 'acme/ledger'],
    ['https://gitlab.com/acme/ledger/tree/main/docs', 'acme/ledger'],
    [
      'https://gitlab.com/acme/tools/ledger/blob/main/README.md',
      'acme/tools/ledger',
    ],
    ['url:https://gitlab.com/acme/ledger/-/tree/main/', 'acme/ledger'],
    ['git@gitlab.com:acme/payments/ledger.git', 'acme/payments/ledger'],
    ['ssh://git@gitlab.com/acme/ledger.git', 'acme/ledger'],
    ['https://gitlab.com/acme/ledger?ref=main#readme', 'acme/ledger'],
  ])('finds the project in %s', (url, fullPath) => {
    expect(locate(url)).toEqual({
      url: `https://gitlab.com/${fullPath}`,
      host: 'gitlab.com',
      fullPath,
    });
  });

  it('recognises configured self-managed hosts', () => {
    expect(
      locate(
        'https://gitlab.acme.internal/platform/infra/terraform-modules.git',
      ),
    ).toEqual({
      url: 'https://gitlab.acme.internal/platform/infra/terraform-modules',
      host: 'gitlab.acme.internal',
      fullPath: 'platform/infra/terraform-modules',
    });
  });

  it('leaves out the relative path of an instance served under a folder', () => {
    expect(
      locate('https://code.example.com/gitlab/team/widgets/-/tree/main/src'),
    ).toEqual({
      url: 'https://code.example.com/gitlab/team/widgets',
      host: 'code.example.com',
      fullPath: 'team/widgets',
    });
  });

  it.each([
    'https://github.com/acme/ledger',
    'https://gitlab.example.org/acme/ledger',
    'https://gitlab.com/acme',
    'https://gitlab.com/groups/acme/payments',
    'https://gitlab.com/explore/projects',
    'https://gitlab.com/users/alice/projects',
    'https://gitlab.com/',
    'file:///srv/git/ledger.git',
    'not a url',
  ])('ignores %s', url => {
    expect(locate(url)).toBeUndefined();
  });
});
