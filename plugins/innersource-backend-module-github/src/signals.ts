import {
  RepositoryVisibility,
  ScmChangeRequest,
  ScmIssue,
  ScmIssueLink,
  ScmOrganizationSettings,
  ScmRepositorySignals,
  ScmResponse,
} from '@innersource-backstage/plugin-innersource-common';
import {
  GqlActor,
  GqlComment,
  GqlIssue,
  GqlPullRequest,
  GqlRepository,
  GqlReview,
} from './queries';

/** How many of the earliest comments and reviews are kept per pull request or issue. */
export const RESPONSE_LIMIT = 10;

const VISIBILITY: Record<string, RepositoryVisibility> = {
  PUBLIC: 'public',
  INTERNAL: 'internal',
  PRIVATE: 'private',
};

const CHANGE_REQUEST_STATE: Record<string, ScmChangeRequest['state']> = {
  OPEN: 'open',
  MERGED: 'merged',
  CLOSED: 'closed',
};

type BranchProtection = NonNullable<ScmRepositorySignals['branchProtection']>;

/** What the batched query says about a repository, without pull requests, issues and protection. */
export function repositoryHeader(
  repository: GqlRepository,
  url: string,
): Omit<ScmRepositorySignals, 'pullRequests' | 'issues' | 'branchProtection'> {
  const visibility =
    (repository.visibility && VISIBILITY[repository.visibility]) ??
    (repository.isPrivate ? 'private' : 'public');
  const goodFirst = repository.goodFirstIssues;
  return {
    provider: 'github',
    url,
    stars: repository.stargazerCount,
    forks: repository.forkCount,
    watchers: repository.watchers.totalCount,
    openIssues: repository.openIssues.totalCount,
    topics: (repository.repositoryTopics.nodes ?? []).map(n => n.topic.name),
    ...(repository.description ? { description: repository.description } : {}),
    visibility,
    // GitHub reports forking only as a setting of private and internal repositories
    forkingAllowed: visibility === 'public' || repository.forkingAllowed,
    archived: repository.isArchived,
    ...(repository.defaultBranchRef
      ? { defaultBranch: repository.defaultBranchRef.name }
      : {}),
    createdAt: repository.createdAt,
    ...(repository.pushedAt ? { pushedAt: repository.pushedAt } : {}),
    goodFirstIssues: {
      count: goodFirst?.totalCount ?? 0,
      helpWantedCount: repository.helpWantedIssues?.totalCount ?? 0,
      items: (goodFirst?.nodes ?? []).map(
        (issue): ScmIssueLink => ({
          number: issue.number,
          title: issue.title,
          url: issue.url,
          labels: (issue.labels?.nodes ?? []).map(label => label.name),
          createdAt: issue.createdAt,
        }),
      ),
    },
  };
}

/** Protection from a classic branch protection rule. */
export function protectionFromRule(
  rule: NonNullable<
    NonNullable<GqlRepository['defaultBranchRef']>['branchProtectionRule']
  >,
): BranchProtection {
  return {
    protected: true,
    requiredApprovingReviews: rule.requiresApprovingReviews
      ? rule.requiredApprovingReviewCount ?? 0
      : 0,
  };
}

/** A rule of a ruleset, as `GET /repos/{owner}/{repo}/rules/branches/{branch}` lists it. */
export interface BranchRule {
  type: string;
  parameters?: { required_approving_review_count?: number };
}

/**
 * Protection from the ruleset rules that apply to a branch: any active rule protects it; the
 * strictest `pull_request` rule sets the required approvals.
 */
export function protectionFromRules(rules: BranchRule[]): BranchProtection {
  const approvals = rules
    .filter(rule => rule.type === 'pull_request')
    .map(rule => rule.parameters?.required_approving_review_count ?? 0);
  return {
    protected: rules.length > 0,
    requiredApprovingReviews: Math.max(0, ...approvals),
  };
}

const isBot = (actor: GqlActor | null) => actor?.__typename === 'Bot';

function toResponse(at: string, author: GqlActor | null): ScmResponse {
  // a deleted account shows as GitHub's "ghost" user
  return {
    login: author?.login ?? 'ghost',
    at,
    ...(isBot(author) ? { bot: true } : {}),
  };
}

/**
 * The earliest comments and reviews, oldest first. When all of the first few are the author's
 * own or bots', the first one by somebody else is kept too, so the first response can be found.
 */
export function earliestResponses(
  comments: GqlComment[],
  reviews: GqlReview[],
  authorLogin: string | undefined,
): ScmResponse[] {
  const all = [
    ...comments.map(c => toResponse(c.createdAt, c.author)),
    ...reviews
      .filter(r => r.submittedAt !== null)
      .map(r => toResponse(r.submittedAt ?? r.createdAt, r.author)),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const isOther = (r: ScmResponse) => !r.bot && r.login !== authorLogin;
  const kept = all.slice(0, RESPONSE_LIMIT);
  if (!kept.some(isOther)) {
    const first = all.find(isOther);
    if (first) kept.push(first);
  }
  return kept;
}

function authorOf(actor: GqlActor | null) {
  return actor
    ? {
        authorLogin: actor.login,
        ...(isBot(actor) ? { authorIsBot: true } : {}),
      }
    : {};
}

export function toChangeRequest(node: GqlPullRequest): ScmChangeRequest {
  return {
    number: node.number,
    url: node.url,
    ...authorOf(node.author),
    createdAt: node.createdAt,
    state: CHANGE_REQUEST_STATE[node.state] ?? 'open',
    ...(node.mergedAt ? { mergedAt: node.mergedAt } : {}),
    ...(node.closedAt ? { closedAt: node.closedAt } : {}),
    responses: earliestResponses(
      node.comments?.nodes ?? [],
      node.reviews?.nodes ?? [],
      node.author?.login,
    ),
  };
}

export function toIssue(node: GqlIssue): ScmIssue {
  return {
    number: node.number,
    url: node.url,
    ...authorOf(node.author),
    createdAt: node.createdAt,
    state: node.state === 'CLOSED' ? 'closed' : 'open',
    ...(node.closedAt ? { closedAt: node.closedAt } : {}),
    responses: earliestResponses(
      node.comments?.nodes ?? [],
      [],
      node.author?.login,
    ),
  };
}

const PERMISSIONS = new Set(['none', 'read', 'write', 'admin']);

/**
 * Settings from `GET /orgs/{org}`. The member settings are only in the answer for tokens that
 * may administer the organisation; without them they stay undefined.
 */
export function organizationSettings(options: {
  host: string;
  organization: string;
  body: Record<string, unknown>;
}): ScmOrganizationSettings {
  const { host, organization, body } = options;
  const flag = (field: string) =>
    typeof body[field] === 'boolean' ? (body[field] as boolean) : undefined;
  const permission = body.default_repository_permission;
  return {
    provider: 'github',
    host,
    organization,
    url:
      typeof body.html_url === 'string'
        ? body.html_url
        : `https://${host}/${organization}`,
    defaultRepositoryPermission:
      typeof permission === 'string' && PERMISSIONS.has(permission)
        ? (permission as ScmOrganizationSettings['defaultRepositoryPermission'])
        : undefined,
    membersCanCreatePrivateRepositories: flag(
      'members_can_create_private_repositories',
    ),
    membersCanCreateInternalRepositories: flag(
      'members_can_create_internal_repositories',
    ),
    membersCanCreatePublicRepositories: flag(
      'members_can_create_public_repositories',
    ),
    membersCanForkPrivateRepositories: flag(
      'members_can_fork_private_repositories',
    ),
  };
}
