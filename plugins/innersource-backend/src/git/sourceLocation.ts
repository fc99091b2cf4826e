import { Entity } from '@backstage/catalog-model';

/** Where an entity's code lives: a repository to clone and, for monorepos, a folder in it. */
export interface GitSource {
  /** The URL git clones, e.g. `https://github.com/acme/ledger-sdk.git` or `file:///srv/repo.git`. */
  cloneUrl: string;
  /** Links to view a file (path from the repository root) on the SCM host, when known. */
  browseUrl?: (path: string) => string;
  /** The folder of the entity inside the repository, without leading or trailing slash; '' for all. */
  path: string;
}

const SOURCE_LOCATION = 'backstage.io/source-location';
const MANAGED_BY_ORIGIN = 'backstage.io/managed-by-origin-location';
const MANAGED_BY = 'backstage.io/managed-by-location';

function trimSlashes(path: string) {
  return path.replace(/^\/+|\/+$/g, '');
}

/** Rewrites a clone URL by the first matching prefix (mirrors, local copies of demo repositories). */
export function rewriteUrl(
  url: string,
  rewrites: Array<{ from: string; to: string }>,
): string {
  const rule = rewrites.find(r => url.startsWith(r.from));
  return rule ? rule.to + url.slice(rule.from.length) : url;
}

/**
 * Turns a browse URL of a git host into the repository to clone and the folder inside it.
 * Understands the URL shapes of GitHub, GitLab, Bitbucket Cloud and Server, Azure DevOps, Gitea
 * and plain git URLs (`.git` suffix, or `file://`). A catalog-info.yaml location points at the
 * file; its folder is the entity's folder.
 */
export function parseGitUrl(
  rawUrl: string,
  options: { isFile?: boolean } = {},
): GitSource | undefined {
  let url: URL;
  try {
    url = new URL(rawUrl.trim());
  } catch {
    return undefined;
  }
  const dirOf = (path: string) => {
    const trimmed = trimSlashes(path);
    if (!options.isFile) return trimmed;
    const index = trimmed.lastIndexOf('/');
    return index < 0 ? '' : trimmed.slice(0, index);
  };

  if (url.protocol === 'file:') {
    // file:///srv/git/repo.git or file:///srv/git/repo.git/sub/dir/catalog-info.yaml
    const match = /^(.*?\.git)(\/.*)?$/.exec(url.pathname);
    if (match) {
      return { cloneUrl: `file://${match[1]}`, path: dirOf(match[2] ?? '') };
    }
    return { cloneUrl: `file://${url.pathname.replace(/\/+$/, '')}`, path: '' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;

  const origin = `${url.protocol}//${url.host}`;
  const segments = url.pathname.split('/').filter(Boolean);

  // Azure DevOps: /org/project/_git/repo?path=/sub/dir
  const gitIndex = segments.indexOf('_git');
  if (gitIndex > 0 && segments[gitIndex + 1]) {
    const path = url.searchParams.get('path') ?? '';
    return {
      cloneUrl: `${origin}/${segments.slice(0, gitIndex + 2).join('/')}`,
      path: dirOf(path),
    };
  }

  // GitLab: /group/sub/repo/-/tree/ref/path
  const dashIndex = segments.indexOf('-');
  if (dashIndex > 1 && ['tree', 'blob'].includes(segments[dashIndex + 1])) {
    return {
      cloneUrl: `${origin}/${segments.slice(0, dashIndex).join('/')}.git`,
      path: dirOf(segments.slice(dashIndex + 3).join('/')),
    };
  }

  // Bitbucket Server: /projects/KEY/repos/repo/browse/path
  if (segments[0] === 'projects' && segments[2] === 'repos' && segments[3]) {
    const browse = segments[4] === 'browse' ? segments.slice(5).join('/') : '';
    return {
      cloneUrl: `${origin}/scm/${segments[1].toLocaleLowerCase('en-US')}/${
        segments[3]
      }.git`,
      path: dirOf(browse),
    };
  }

  // Bitbucket Cloud: /workspace/repo/src/ref/path
  if (url.host === 'bitbucket.org' && segments.length >= 2) {
    const rest = segments[2] === 'src' ? segments.slice(4).join('/') : '';
    return {
      cloneUrl: `${origin}/${segments[0]}/${segments[1]}.git`,
      path: dirOf(rest),
    };
  }

  // Gitea: /owner/repo/src/branch/ref/path
  if (
    segments[2] === 'src' &&
    ['branch', 'tag', 'commit'].includes(segments[3])
  ) {
    return {
      cloneUrl: `${origin}/${segments[0]}/${segments[1]}.git`,
      path: dirOf(segments.slice(5).join('/')),
    };
  }

  // GitHub (and the many hosts with its URL shape): /owner/repo/tree|blob/ref/path
  if (segments.length >= 2 && !segments[1].endsWith('.git')) {
    const rest = ['tree', 'blob'].includes(segments[2])
      ? segments.slice(4).join('/')
      : '';
    return {
      cloneUrl: `${origin}/${segments[0]}/${segments[1]}.git`,
      path: dirOf(rest),
    };
  }

  // A plain clone URL: https://host/any/path/repo.git
  const gitSuffix = segments.findIndex(s => s.endsWith('.git'));
  if (gitSuffix >= 0) {
    return {
      cloneUrl: `${origin}/${segments.slice(0, gitSuffix + 1).join('/')}`,
      path: dirOf(segments.slice(gitSuffix + 1).join('/')),
    };
  }
  return undefined;
}

/**
 * The URL an entity's code lives at, as written in the catalog: its `backstage.io/source-location`
 * annotation, else the location it was ingested from (which points at the catalog file, hence
 * `isFile`). Only `url:` locations count.
 */
export function sourceLocationOf(
  entity: Entity,
): { url: string; isFile: boolean } | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const source = annotations[SOURCE_LOCATION];
  const managedBy = annotations[MANAGED_BY_ORIGIN] ?? annotations[MANAGED_BY];
  if (source?.startsWith('url:'))
    return { url: source.slice(4), isFile: false };
  if (managedBy?.startsWith('url:')) {
    return { url: managedBy.slice(4), isFile: true };
  }
  return undefined;
}

/**
 * The git source of an entity: its `backstage.io/source-location` annotation, else the location
 * it was ingested from, with the clone URL rewritten by the first matching rule. Locations that
 * are not URLs (a `file` location on the backend's disk) give none.
 */
export function gitSourceOf(
  entity: Entity,
  rewrites: Array<{ from: string; to: string }> = [],
): GitSource | undefined {
  const location = sourceLocationOf(entity);
  const parsed =
    location && parseGitUrl(location.url, { isFile: location.isFile });
  if (!parsed) return undefined;
  const browse = browseUrlFor(parsed.cloneUrl);
  return {
    ...parsed,
    cloneUrl: rewriteUrl(parsed.cloneUrl, rewrites),
    ...(browse ? { browseUrl: browse } : {}),
  };
}

/**
 * How to link to a file on the host of a clone URL (before any rewrite, so links point at the
 * SCM people use): GitHub-style and Gitea `/blob/HEAD/`, GitLab `/-/blob/HEAD/`. Undefined for
 * hosts whose browse URLs cannot be derived from the clone URL (and for file URLs).
 */
export function browseUrlFor(
  cloneUrl: string,
): ((path: string) => string) | undefined {
  if (!/^https?:\/\//.test(cloneUrl)) return undefined;
  if (/\/_git\//.test(cloneUrl)) {
    return path => `${cloneUrl}?path=/${encodeURI(path)}`;
  }
  if (/\/scm\//.test(cloneUrl) || cloneUrl.includes('bitbucket.org'))
    return undefined;
  const base = cloneUrl.replace(/\.git$/, '');
  const segment = /gitlab/i.test(new URL(cloneUrl).host)
    ? '/-/blob/HEAD/'
    : '/blob/HEAD/';
  return path =>
    `${base}${segment}${path.split('/').map(encodeURIComponent).join('/')}`;
}
