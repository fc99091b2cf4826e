import {
  RepositoryVisibility,
  ScmChangeRequest,
  ScmIssue,
  ScmIssueLink,
  ScmOrganizationSettings,
  ScmRepositorySignals,
  ScmResponse,
} from '@innersource-backstage/plugin-innersource-common';

// The parts of GitLab REST v4 answers this module reads.

/** @internal */
export interface GitlabUser {
  id?: number;
  username: string;
  /** Present on some GitLab versions and endpoints. */
  bot?: boolean;
}

/** `GET /projects/:id` */
export interface GitlabProject {
  id: number;
  path_with_namespace?: string;
  web_url?: string;
  description?: string | null;
  star_count?: number;
  forks_count?: number;
  /** Absent when the project's issues are disabled. */
  open_issues_count?: number;
  topics?: string[];
  /** Before GitLab 14.0. */
  tag_list?: string[];
  visibility: RepositoryVisibility;
  forking_access_level?: 'disabled' | 'private' | 'enabled';
  archived?: boolean;
  default_branch?: string | null;
  created_at?: string;
  last_activity_at?: string;
  issues_enabled?: boolean;
  issues_access_level?: 'disabled' | 'private' | 'enabled';
  merge_requests_enabled?: boolean;
  merge_requests_access_level?: 'disabled' | 'private' | 'enabled';
}

/** `GET /projects/:id/protected_branches` */
export interface GitlabProtectedBranch {
  id: number;
  /** A branch name or a wildcard such as `release/*`. */
  name: string;
  code_owner_approval_required?: boolean;
}

/** `GET /projects/:id/approval_rules` (Premium and Ultimate) */
export interface GitlabApprovalRule {
  id: number;
  name?: string;
  rule_type?: 'regular' | 'any_approver' | 'code_owner' | 'report_approver';
  approvals_required: number;
  protected_branches?: Array<{ id: number; name: string }>;
  applies_to_all_protected_branches?: boolean;
}

/** `GET /projects/:id/merge_requests` */
export interface GitlabMergeRequest {
  iid: number;
  title?: string;
  web_url: string;
  state: 'opened' | 'merged' | 'closed' | 'locked';
  author?: GitlabUser | null;
  created_at: string;
  merged_at?: string | null;
  closed_at?: string | null;
  user_notes_count?: number;
}

/** `GET /projects/:id/issues` */
export interface GitlabIssue {
  iid: number;
  title: string;
  web_url: string;
  state: 'opened' | 'closed' | 'locked';
  labels?: string[];
  author?: GitlabUser | null;
  created_at: string;
  closed_at?: string | null;
  user_notes_count?: number;
}

/** `GET /projects/:id/(merge_requests|issues)/:iid/notes` */
export interface GitlabNote {
  id: number;
  author?: GitlabUser | null;
  created_at: string;
  /** Notes GitLab writes itself ("added label", "changed the description", ...). */
  system: boolean;
}

/** `GET /groups/:id` */
export interface GitlabGroup {
  id: number;
  full_path?: string;
  web_url?: string;
  visibility?: RepositoryVisibility;
  /** Who may create projects in the group. */
  project_creation_level?:
    | 'noone'
    | 'owner'
    | 'maintainer'
    | 'developer'
    | 'administrator';
  /** Premium and Ultimate; absent or null elsewhere. */
  prevent_forking_outside_group?: boolean | null;
}

/**
 * Whether a GitLab account is a bot: the `bot` flag when the endpoint sends it, project and group
 * access token users (`project_123_bot_5f2a...`, `group_45_bot`), service accounts, and the
 * usual naming of automation accounts (`renovate-bot`, `release_bot`, `deploy[bot]`).
 */
export function isGitlabBot(user: GitlabUser | null | undefined): boolean {
  if (!user) return false;
  if (user.bot === true) return true;
  const name = user.username ?? '';
  return (
    /^(project|group)_\d+_bot(_\w+)?$/i.test(name) ||
    /^service_account_/i.test(name) ||
    /[-_]bot$/i.test(name) ||
    /\[bot\]$/i.test(name)
  );
}

function visibilityOf(value: unknown): RepositoryVisibility {
  return value === 'public' || value === 'internal' ? value : 'private';
}

function featureEnabled(
  enabled: boolean | undefined,
  accessLevel: string | undefined,
): boolean {
  if (accessLevel !== undefined) return accessLevel !== 'disabled';
  return enabled !== false;
}

/** Whether the project has issues turned on. */
export function issuesEnabled(project: GitlabProject): boolean {
  return featureEnabled(project.issues_enabled, project.issues_access_level);
}

/** Whether the project has merge requests turned on. */
export function mergeRequestsEnabled(project: GitlabProject): boolean {
  return featureEnabled(
    project.merge_requests_enabled,
    project.merge_requests_access_level,
  );
}

/**
 * The signals `GET /projects/:id` answers. GitLab exposes no watcher count, so `watchers` is 0.
 * `pushedAt` is `last_activity_at`, which also moves with issue and merge request activity.
 * Forking counts as allowed only when everyone who can see the project may fork it
 * (`forking_access_level: enabled`); `private` limits forking to the project's own members.
 */
export function projectSignals(
  project: GitlabProject,
  url: string,
): Omit<
  ScmRepositorySignals,
  'goodFirstIssues' | 'pullRequests' | 'issues' | 'branchProtection'
> {
  return {
    provider: 'gitlab',
    url,
    stars: project.star_count ?? 0,
    forks: project.forks_count ?? 0,
    watchers: 0,
    openIssues: issuesEnabled(project) ? project.open_issues_count ?? 0 : 0,
    topics: project.topics ?? project.tag_list ?? [],
    description: project.description || undefined,
    visibility: visibilityOf(project.visibility),
    // Absent on some versions for users outside the project: GitLab's default is `enabled`.
    forkingAllowed: (project.forking_access_level ?? 'enabled') === 'enabled',
    archived: project.archived === true,
    defaultBranch: project.default_branch ?? undefined,
    createdAt: project.created_at,
    pushedAt: project.last_activity_at,
  };
}

/** GitLab's wildcard protection: `*` stands for any characters, slashes included. */
export function protectedBranchMatches(pattern: string, branch: string) {
  if (!pattern.includes('*')) return pattern === branch;
  const regex = pattern
    .split('*')
    .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${regex}$`).test(branch);
}

/**
 * The approvals a merge request into `branch` needs: the largest `approvals_required` of the
 * regular and any-approver rules that apply to it (one approver may satisfy several rules), and
 * at least one when code owner approval is required on a matching protected branch. Rules scoped
 * to no protected branch apply to every branch.
 */
export function requiredApprovals(options: {
  rules: GitlabApprovalRule[];
  matchingProtections: GitlabProtectedBranch[];
}): number {
  const { rules, matchingProtections } = options;
  const protectionIds = new Set(matchingProtections.map(p => p.id));
  let required = 0;
  for (const rule of rules) {
    if (rule.rule_type && !['regular', 'any_approver'].includes(rule.rule_type))
      continue;
    const scoped = rule.protected_branches ?? [];
    const applies = rule.applies_to_all_protected_branches
      ? protectionIds.size > 0
      : scoped.length === 0 || scoped.some(b => protectionIds.has(b.id));
    if (applies) required = Math.max(required, rule.approvals_required ?? 0);
  }
  if (matchingProtections.some(p => p.code_owner_approval_required)) {
    required = Math.max(required, 1);
  }
  return required;
}

/** The human notes among the earliest ones of an item, oldest first. */
export function responsesOf(notes: GitlabNote[]): ScmResponse[] {
  return notes
    .filter(note => !note.system && note.author?.username)
    .sort((a, b) => a.created_at.localeCompare(b.created_at))
    .map(note => ({
      login: note.author!.username,
      at: note.created_at,
      ...(isGitlabBot(note.author) ? { bot: true } : {}),
    }));
}

/**
 * Whether the earliest notes already hold a response by someone other than the author and not a
 * bot: later notes cannot change the time to first response, so they need not be read again.
 */
export function hasFirstResponse(
  authorLogin: string | undefined,
  responses: ScmResponse[],
): boolean {
  return responses.some(r => !r.bot && r.login !== authorLogin);
}

function authorOf(author: GitlabUser | null | undefined) {
  if (!author?.username) return {};
  return { authorLogin: author.username, authorIsBot: isGitlabBot(author) };
}

/** A merge request as a change request; `locked` (being merged) counts as open. */
export function changeRequestOf(
  mr: GitlabMergeRequest,
  responses: ScmResponse[],
): ScmChangeRequest {
  let state: ScmChangeRequest['state'] = 'open';
  if (mr.state === 'merged') state = 'merged';
  else if (mr.state === 'closed') state = 'closed';
  return {
    number: mr.iid,
    url: mr.web_url,
    ...authorOf(mr.author),
    createdAt: mr.created_at,
    state,
    ...(mr.merged_at ? { mergedAt: mr.merged_at } : {}),
    ...(mr.closed_at ? { closedAt: mr.closed_at } : {}),
    responses,
  };
}

/** An issue as the backend sees it. */
export function issueOf(
  issue: GitlabIssue,
  responses: ScmResponse[],
): ScmIssue {
  return {
    number: issue.iid,
    url: issue.web_url,
    ...authorOf(issue.author),
    createdAt: issue.created_at,
    state: issue.state === 'closed' ? 'closed' : 'open',
    ...(issue.closed_at ? { closedAt: issue.closed_at } : {}),
    responses,
  };
}

/** An open issue with its link, e.g. a good first issue. */
export function issueLinkOf(issue: GitlabIssue): ScmIssueLink {
  return {
    number: issue.iid,
    title: issue.title,
    url: issue.web_url,
    labels: issue.labels ?? [],
    createdAt: issue.created_at,
  };
}

/**
 * What a GitLab group tells about the working group's recommendations:
 * - `visibility`: the group's visibility, the ceiling for its projects.
 * - `membersCanCreate*Repositories`: members with the Developer role may create projects when
 *   `project_creation_level` is `developer`; they may create them with any visibility up to the
 *   group's (private, then internal, then public). Instance-wide restricted visibility levels
 *   need an administrator token and are not read.
 * - `membersCanForkPrivateRepositories`: `!prevent_forking_outside_group` (Premium); undefined
 *   where GitLab does not send it.
 * - `defaultRepositoryPermission`: GitLab has no group-wide base permission (internal projects
 *   are readable by every signed-in user instead), so it stays undefined.
 */
export function organizationSettingsOf(options: {
  group: GitlabGroup;
  host: string;
  path: string;
  fallbackUrl: string;
}): ScmOrganizationSettings {
  const { group, host, path, fallbackUrl } = options;
  const visibility =
    group.visibility === undefined ? undefined : visibilityOf(group.visibility);
  const level = group.project_creation_level;
  const membersCanCreate =
    level === undefined ? undefined : level === 'developer';
  const upTo = (wanted: RepositoryVisibility) => {
    if (membersCanCreate === undefined) return undefined;
    if (!membersCanCreate) return false;
    if (visibility === undefined)
      return wanted === 'private' ? true : undefined;
    const order: RepositoryVisibility[] = ['private', 'internal', 'public'];
    return order.indexOf(wanted) <= order.indexOf(visibility);
  };
  const prevent = group.prevent_forking_outside_group;
  return {
    provider: 'gitlab',
    host,
    organization: path,
    url: group.web_url ?? fallbackUrl,
    membersCanCreatePrivateRepositories: upTo('private'),
    membersCanCreateInternalRepositories: upTo('internal'),
    membersCanCreatePublicRepositories: upTo('public'),
    membersCanForkPrivateRepositories:
      prevent === undefined || prevent === null ? undefined : !prevent,
    ...(visibility ? { visibility } : {}),
  };
}
