import { GithubIntegrationConfig } from '@backstage/integration';
import { githubEndpoint } from './GithubScmProvider';
import {
  earliestResponses,
  protectionFromRule,
  protectionFromRules,
  RESPONSE_LIMIT,
} from './signals';

const user = (login: string) => ({ __typename: 'User', login });
const at = (minute: number) =>
  new Date(Date.UTC(2026, 10, 1, 10, minute)).toISOString();

describe('earliestResponses', () => {
  it('keeps the first response by someone else even after many by the author', () => {
    const own = Array.from({ length: RESPONSE_LIMIT + 2 }, (_, i) => ({
      createdAt: at(i + 1),
      author: user('alice'),
    }));
    const responses = earliestResponses(
      [...own, { createdAt: at(40), author: user('carol') }],
      [],
      'alice',
    );
    expect(responses).toHaveLength(RESPONSE_LIMIT + 1);
    expect(responses[RESPONSE_LIMIT]).toEqual({ login: 'carol', at: at(40) });
  });

  it('sorts comments and reviews together by time', () => {
    expect(
      earliestResponses(
        [{ createdAt: at(30), author: user('dave') }],
        [{ submittedAt: at(20), createdAt: at(5), author: user('erin') }],
        'alice',
      ).map(r => r.login),
    ).toEqual(['erin', 'dave']);
  });
});

describe('branch protection', () => {
  it('counts approvals of a classic rule only when it requires reviews', () => {
    expect(
      protectionFromRule({
        requiresApprovingReviews: false,
        requiredApprovingReviewCount: 3,
      }),
    ).toEqual({ protected: true, requiredApprovingReviews: 0 });
  });

  it('takes the strictest pull_request rule of the rulesets', () => {
    expect(
      protectionFromRules([
        {
          type: 'pull_request',
          parameters: { required_approving_review_count: 1 },
        },
        { type: 'required_signatures' },
        {
          type: 'pull_request',
          parameters: { required_approving_review_count: 3 },
        },
      ]),
    ).toEqual({ protected: true, requiredApprovingReviews: 3 });
    expect(protectionFromRules([{ type: 'non_fast_forward' }])).toEqual({
      protected: true,
      requiredApprovingReviews: 0,
    });
  });
});

describe('githubEndpoint', () => {
  const endpoint = (config: Partial<GithubIntegrationConfig>) =>
    githubEndpoint({ host: 'github.com', ...config });

  it.each([
    [
      { host: 'github.com', apiBaseUrl: 'https://api.github.com' },
      'https://api.github.com',
      'https://api.github.com/graphql',
    ],
    [
      { host: 'ghe.acme.internal' },
      'https://ghe.acme.internal/api/v3',
      'https://ghe.acme.internal/api/graphql',
    ],
    [
      {
        host: 'ghe.acme.internal',
        apiBaseUrl: 'https://ghe.acme.internal/api/v3/',
      },
      'https://ghe.acme.internal/api/v3',
      'https://ghe.acme.internal/api/graphql',
    ],
    [
      { host: 'acme.ghe.com', apiBaseUrl: 'https://api.acme.ghe.com' },
      'https://api.acme.ghe.com',
      'https://api.acme.ghe.com/graphql',
    ],
  ])('finds the APIs of %j', (config, restBaseUrl, graphqlUrl) => {
    expect(endpoint(config)).toMatchObject({ restBaseUrl, graphqlUrl });
  });
});
