import {
  GitLabIntegrationConfig,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { ScmRepositoryLocator } from '@innersource-backstage/plugin-innersource-node';

/** Top-level routes of a GitLab instance: never a namespace. */
const INSTANCE_PAGES = new Set([
  'groups',
  'users',
  'explore',
  'dashboard',
  'admin',
  'help',
  'search',
  'snippets',
  'api',
]);

/** Path segments that GitLab reserves for project sub-pages in legacy URLs without `/-/`. */
const LEGACY_PAGES = new Set([
  'tree',
  'blob',
  'raw',
  'edit',
  'blame',
  'commits',
]);

function toUrl(sourceUrl: string): URL | undefined {
  let text = sourceUrl.trim().replace(/^url:/, '');
  // scp-like clone URL: git@gitlab.com:group/project.git
  const scp = /^[\w.-]+@([^:/]+):(?!\/)(.+)$/.exec(text);
  if (scp) text = `ssh://git@${scp[1]}/${scp[2]}`;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * Where GitLab places a project's path inside a URL served by this integration: self-managed
 * instances may live under a relative path such as `https://example.com/gitlab`.
 */
function relativePathOf(config: GitLabIntegrationConfig): string {
  try {
    return new URL(config.baseUrl).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/**
 * The GitLab project behind a web, clone or file URL of a host configured under
 * `integrations.gitlab`; undefined for other hosts and for URLs naming no project.
 *
 * Understands nested groups (`group/subgroup/project`), a `.git` suffix, `/-/tree/<ref>/<path>`,
 * `/-/blob/...` and other `/-/` pages, legacy `/tree/` and `/blob/` URLs, and scp-like and
 * `ssh://` clone URLs.
 */
export function locateGitlabProject(
  sourceUrl: string,
  integrations: ScmIntegrationRegistry,
): ScmRepositoryLocator | undefined {
  const url = toUrl(sourceUrl);
  if (!url) return undefined;
  if (!['https:', 'http:', 'ssh:', 'git+ssh:'].includes(url.protocol)) {
    return undefined;
  }
  const integration =
    integrations.gitlab.byHost(url.host) ??
    integrations.gitlab.byHost(url.hostname);
  if (!integration) return undefined;
  const config = integration.config;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  const relative = relativePathOf(config);
  if (
    url.protocol.startsWith('http') &&
    relative &&
    (pathname === relative || pathname.startsWith(`${relative}/`))
  ) {
    pathname = pathname.slice(relative.length);
  }
  let segments = pathname.split('/').filter(Boolean);
  const dash = segments.indexOf('-');
  if (dash >= 0) {
    segments = segments.slice(0, dash);
  } else {
    // A project lives in a namespace, so a page name can only follow two or more segments.
    const page = segments.findIndex((s, i) => i >= 2 && LEGACY_PAGES.has(s));
    if (page >= 0) segments = segments.slice(0, page);
  }
  if (segments.length > 0) {
    const last = segments.length - 1;
    segments[last] = segments[last].replace(/\.git$/, '');
  }
  // Group, user and instance pages (`/groups/...`, `/explore/...`) name no project.
  if (segments.length < 2 || INSTANCE_PAGES.has(segments[0])) return undefined;
  if (segments.some(s => s === '' || s === '.' || s === '..')) return undefined;

  const fullPath = segments.join('/');
  return {
    url: `${config.baseUrl.replace(/\/+$/, '')}/${fullPath}`,
    host: config.host,
    fullPath,
  };
}
