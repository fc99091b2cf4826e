import { entity } from '../__testUtils__/catalogFixtures';
import { gitSourceOf, parseGitUrl } from './sourceLocation';

describe('parseGitUrl', () => {
  it.each([
    [
      'https://github.com/acme/ledger-sdk/tree/main/',
      'https://github.com/acme/ledger-sdk.git',
      '',
    ],
    [
      'https://github.com/acme/platform/tree/main/packages/flags/',
      'https://github.com/acme/platform.git',
      'packages/flags',
    ],
    [
      'https://ghe.acme.example/acme/x',
      'https://ghe.acme.example/acme/x.git',
      '',
    ],
    [
      'https://gitlab.com/acme/payments/ledger/-/tree/main/services/api',
      'https://gitlab.com/acme/payments/ledger.git',
      'services/api',
    ],
    [
      'https://bitbucket.acme.example/projects/PAY/repos/ledger/browse/api',
      'https://bitbucket.acme.example/scm/pay/ledger.git',
      'api',
    ],
    [
      'https://bitbucket.org/acme/ledger/src/main/api/',
      'https://bitbucket.org/acme/ledger.git',
      'api',
    ],
    [
      'https://dev.azure.com/acme/payments/_git/ledger?path=/api/v1',
      'https://dev.azure.com/acme/payments/_git/ledger',
      'api/v1',
    ],
    [
      'https://gitea.acme.example/acme/ledger/src/branch/main/api',
      'https://gitea.acme.example/acme/ledger.git',
      'api',
    ],
    [
      'https://git.acme.example/scm/ledger.git',
      'https://git.acme.example/scm/ledger.git',
      '',
    ],
    ['file:///srv/git/ledger.git', 'file:///srv/git/ledger.git', ''],
    [
      'file:///srv/git/mono.git/packages/a/',
      'file:///srv/git/mono.git',
      'packages/a',
    ],
    ['file:///srv/checkout', 'file:///srv/checkout', ''],
  ])('%s clones %s at %p', (url, cloneUrl, path) => {
    expect(parseGitUrl(url)).toEqual({ cloneUrl, path });
  });

  it('rejects what is not a git URL', () => {
    expect(parseGitUrl('not a url')).toBeUndefined();
    expect(parseGitUrl('ssh://git@github.com/acme/x.git')).toBeUndefined();
    expect(parseGitUrl('https://example.com/')).toBeUndefined();
  });

  it('takes the folder of a catalog file location', () => {
    expect(
      parseGitUrl(
        'https://github.com/acme/mono/blob/main/services/api/catalog-info.yaml',
        {
          isFile: true,
        },
      ),
    ).toEqual({
      cloneUrl: 'https://github.com/acme/mono.git',
      path: 'services/api',
    });
  });
});

describe('gitSourceOf', () => {
  const rewrites = [
    { from: 'https://github.com/acme/', to: 'file:///srv/mirror/' },
  ];

  it('prefers the source location and rewrites the clone URL', () => {
    const e = entity(
      'Component',
      'x',
      {},
      {
        annotations: {
          'backstage.io/source-location':
            'url:https://github.com/acme/mono/tree/main/pkg/x/',
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/other/blob/main/catalog-info.yaml',
        },
      },
    );
    const source = gitSourceOf(e, rewrites);
    expect(source).toMatchObject({
      cloneUrl: 'file:///srv/mirror/mono.git',
      path: 'pkg/x',
    });
    // links go to the host people use, not the mirror
    expect(source?.browseUrl?.('pkg/x/README.md')).toBe(
      'https://github.com/acme/mono/blob/HEAD/pkg/x/README.md',
    );
  });

  it('falls back to the location the entity was read from, and ignores file locations', () => {
    const fromLocation = entity(
      'Component',
      'y',
      {},
      {
        annotations: {
          'backstage.io/managed-by-location':
            'url:https://gitlab.com/acme/y/-/blob/main/catalog-info.yaml',
        },
      },
    );
    expect(gitSourceOf(fromLocation)).toMatchObject({
      cloneUrl: 'https://gitlab.com/acme/y.git',
      path: '',
    });
    expect(gitSourceOf(fromLocation)?.browseUrl?.('a b.md')).toBe(
      'https://gitlab.com/acme/y/-/blob/HEAD/a%20b.md',
    );
    const onDisk = entity(
      'Component',
      'z',
      {},
      {
        annotations: {
          'backstage.io/managed-by-location': 'file:/srv/catalog/z.yaml',
        },
      },
    );
    expect(gitSourceOf(onDisk)).toBeUndefined();
  });
});
