/**
 * The GraphQL documents the provider sends, and the shapes of their answers (only the fields
 * asked for).
 */

/** An actor as GraphQL returns it; `__typename` is `Bot` for GitHub Apps and bots. */
export interface GqlActor {
  __typename: string;
  login: string;
}

export interface GqlComment {
  createdAt: string;
  author: GqlActor | null;
}

export interface GqlReview {
  /** null for a pending review */
  submittedAt: string | null;
  createdAt: string;
  author: GqlActor | null;
}

export interface GqlPullRequest {
  number: number;
  url: string;
  createdAt: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  mergedAt: string | null;
  closedAt: string | null;
  author: GqlActor | null;
  comments: { nodes: GqlComment[] | null } | null;
  reviews: { nodes: GqlReview[] | null } | null;
}

export interface GqlIssue {
  number: number;
  url: string;
  createdAt: string;
  state: 'OPEN' | 'CLOSED';
  closedAt: string | null;
  author: GqlActor | null;
  comments: { nodes: GqlComment[] | null } | null;
}

export interface GqlPage<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[] | null;
}

export interface GqlLabelledIssue {
  number: number;
  title: string;
  url: string;
  createdAt: string;
  labels: { nodes: Array<{ name: string }> | null } | null;
}

export interface GqlRepository {
  url: string;
  description: string | null;
  stargazerCount: number;
  forkCount: number;
  watchers: { totalCount: number };
  openIssues: { totalCount: number };
  repositoryTopics: { nodes: Array<{ topic: { name: string } }> | null };
  visibility?: 'PUBLIC' | 'INTERNAL' | 'PRIVATE';
  isPrivate: boolean;
  forkingAllowed: boolean;
  isArchived: boolean;
  createdAt: string;
  pushedAt: string | null;
  defaultBranchRef: {
    name: string;
    branchProtectionRule: {
      requiresApprovingReviews: boolean;
      requiredApprovingReviewCount: number | null;
    } | null;
  } | null;
  goodFirstIssues?: {
    totalCount: number;
    nodes?: GqlLabelledIssue[] | null;
  } | null;
  helpWantedIssues?: { totalCount: number } | null;
  recentPullRequests: GqlPage<GqlPullRequest> | null;
  recentIssues: GqlPage<GqlIssue> | null;
}

export interface GqlError {
  type?: string;
  message: string;
  path?: Array<string | number>;
}

export interface GqlResponse<T> {
  data?: T | null;
  errors?: GqlError[];
}

const ACTOR_FRAGMENT = `
fragment ResponseActor on Actor {
  __typename
  login
}`;

const PULL_REQUEST_PAGE_FRAGMENT = `
fragment PullRequestPage on PullRequestConnection {
  pageInfo { hasNextPage endCursor }
  nodes {
    number
    url
    createdAt
    state
    mergedAt
    closedAt
    author { ...ResponseActor }
    comments(first: $responses) { nodes { createdAt author { ...ResponseActor } } }
    reviews(first: $responses) { nodes { submittedAt createdAt author { ...ResponseActor } } }
  }
}`;

const ISSUE_PAGE_FRAGMENT = `
fragment IssuePage on IssueConnection {
  pageInfo { hasNextPage endCursor }
  nodes {
    number
    url
    createdAt
    state
    closedAt
    author { ...ResponseActor }
    comments(first: $responses) { nodes { createdAt author { ...ResponseActor } } }
  }
}`;

const REPOSITORY_FRAGMENT = `
fragment InnerSourceRepository on Repository {
  url
  description
  stargazerCount
  forkCount
  watchers { totalCount }
  openIssues: issues(states: OPEN) { totalCount }
  repositoryTopics(first: 50) { nodes { topic { name } } }
  visibility
  isPrivate
  forkingAllowed
  isArchived
  createdAt
  pushedAt
  defaultBranchRef {
    name
    branchProtectionRule { requiresApprovingReviews requiredApprovingReviewCount }
  }
  goodFirstIssues: issues(
    states: OPEN
    labels: $goodFirstIssueLabels
    first: $goodFirstIssueLimit
    orderBy: { field: CREATED_AT, direction: DESC }
  ) @include(if: $withGoodFirstIssues) {
    totalCount
    nodes @include(if: $listGoodFirstIssues) {
      number
      title
      url
      createdAt
      labels(first: 20) { nodes { name } }
    }
  }
  helpWantedIssues: issues(states: OPEN, labels: $helpWantedLabels) @include(if: $withHelpWanted) {
    totalCount
  }
  recentPullRequests: pullRequests(
    first: $firstPageSize
    orderBy: { field: CREATED_AT, direction: DESC }
  ) { ...PullRequestPage }
  recentIssues: issues(
    first: $firstPageSize
    orderBy: { field: CREATED_AT, direction: DESC }
  ) { ...IssuePage }
}`;

/** The alias of the i-th repository of a batch. */
export const repositoryAlias = (index: number) => `r${index}`;

/**
 * One query for a batch of repositories: each under its alias `r0`, `r1`, ..., with the
 * newest page of pull requests and issues. Owner and name of the i-th repository are the
 * variables `o<i>` and `n<i>`.
 */
export function repositoriesQuery(count: number): string {
  const indexes = Array.from({ length: count }, (_, i) => i);
  const variables = indexes
    .map(i => `$o${i}: String!, $n${i}: String!`)
    .join(', ');
  const fields = indexes
    .map(
      i =>
        `  ${repositoryAlias(
          i,
        )}: repository(owner: $o${i}, name: $n${i}) { ...InnerSourceRepository }`,
    )
    .join('\n');
  return `query InnerSourceRepositories(
  $goodFirstIssueLabels: [String!], $helpWantedLabels: [String!],
  $withGoodFirstIssues: Boolean!, $listGoodFirstIssues: Boolean!, $withHelpWanted: Boolean!,
  $goodFirstIssueLimit: Int!, $firstPageSize: Int!, $responses: Int!,
  ${variables}
) {
${fields}
}
${REPOSITORY_FRAGMENT}
${PULL_REQUEST_PAGE_FRAGMENT}
${ISSUE_PAGE_FRAGMENT}
${ACTOR_FRAGMENT}`;
}

/** A further page of one repository's pull requests. */
export const PULL_REQUESTS_QUERY = `query InnerSourcePullRequests(
  $owner: String!, $name: String!, $after: String, $pageSize: Int!, $responses: Int!
) {
  repository(owner: $owner, name: $name) {
    page: pullRequests(
      first: $pageSize
      after: $after
      orderBy: { field: CREATED_AT, direction: DESC }
    ) { ...PullRequestPage }
  }
}
${PULL_REQUEST_PAGE_FRAGMENT}
${ACTOR_FRAGMENT}`;

/** A further page of one repository's issues. */
export const ISSUES_QUERY = `query InnerSourceIssues(
  $owner: String!, $name: String!, $after: String, $pageSize: Int!, $responses: Int!
) {
  repository(owner: $owner, name: $name) {
    page: issues(
      first: $pageSize
      after: $after
      orderBy: { field: CREATED_AT, direction: DESC }
    ) { ...IssuePage }
  }
}
${ISSUE_PAGE_FRAGMENT}
${ACTOR_FRAGMENT}`;
