/** The repository a GitHub URL points into. */
export interface GithubRepositoryPath {
  /** Host name, with the port for http(s) URLs that name one. */
  host: string;
  owner: string;
  name: string;
}

/** First path segments of github.com pages that are not owners of repositories. */
const NOT_OWNERS = new Set([
  'orgs',
  'users',
  'settings',
  'marketplace',
  'apps',
  'topics',
  'collections',
  'enterprises',
  'sponsors',
  'features',
  'login',
]);

/**
 * Finds the owner and name of the repository behind a GitHub web, clone or file URL:
 * `https://github.com/acme/ledger`, `.../ledger.git`, `.../tree/main/docs`, `.../blob/main/x.md`,
 * `git@github.com:acme/ledger.git`, `ssh://git@github.com/acme/ledger`, `git+https://...`.
 * Says nothing about whether the host is a GitHub host.
 */
export function parseGithubRepositoryUrl(
  sourceUrl: string,
): GithubRepositoryPath | undefined {
  let value = sourceUrl.trim();
  if (value.startsWith('url:')) value = value.slice(4);
  if (value.startsWith('git+')) value = value.slice(4);

  let host: string;
  let path: string;
  const scpLike = /^(?:[^@/:]+@)?([^/:]+):(?!\/)(.+)$/.exec(value);
  if (!value.includes('://') && scpLike) {
    host = scpLike[1];
    path = scpLike[2];
  } else {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return undefined;
    }
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      host = url.host;
    } else if (url.protocol === 'ssh:' || url.protocol === 'git:') {
      // the port of an ssh or git URL is not the port of the web and API
      host = url.hostname;
    } else {
      return undefined;
    }
    path = url.pathname;
  }

  const [owner, rawName] = path.split('/').filter(segment => segment !== '');
  const name = rawName?.replace(/\.git$/, '');
  if (!owner || !name || NOT_OWNERS.has(owner.toLowerCase())) return undefined;
  return { host: host.toLowerCase(), owner, name };
}
