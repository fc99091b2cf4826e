import type { Entity } from '@backstage/catalog-model';
import type {
  EntityInnerSourceResponse,
  ProjectListItem,
  ProjectListResponse,
} from '@innersource-backstage/plugin-innersource-common';

/** The catalog entity whose tab the tests render. */
export const paymentsEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-service',
    namespace: 'default',
    title: 'Payments Service',
    description: 'Takes card and invoice payments',
    tags: ['java', 'innersource'],
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-payments',
  },
};

/** A realistic backend answer for the payments service, stale after a failed refresh. */
export const paymentsResponse: EntityInnerSourceResponse = {
  result: {
    entity: {
      entityRef: 'component:default/payments-service',
      kind: 'Component',
      namespace: 'default',
      name: 'payments-service',
      title: 'Payments Service',
      description: 'Takes card and invoice payments',
      type: 'service',
      lifecycle: 'production',
      ownerRef: 'group:default/team-payments',
      ownerTitle: 'Team Payments',
      businessUnitRef: 'group:default/finance',
      tags: ['java', 'innersource'],
      innerSource: true,
    },
    usage: {
      count: 3,
      businessUnitCount: 2,
      businessUnits: [
        {
          entityRef: 'group:default/retail',
          title: 'Retail Banking',
          consumerCount: 2,
        },
        {
          entityRef: 'group:default/insurance',
          title: 'Insurance',
          consumerCount: 1,
        },
      ],
      unknownBusinessUnitCount: 0,
      consumers: [
        {
          entityRef: 'component:default/checkout-web',
          title: 'Checkout Web',
          relations: [{ type: 'dependsOn' }],
          ownerRef: 'group:default/team-checkout',
          businessUnitRef: 'group:default/retail',
        },
        {
          entityRef: 'component:default/mobile-app',
          relations: [{ type: 'consumesApi', via: 'api:default/payments-api' }],
          ownerRef: 'group:default/team-mobile',
          businessUnitRef: 'group:default/retail',
        },
        {
          entityRef: 'component:default/claims-portal',
          title: 'Claims Portal',
          relations: [{ type: 'dependsOn' }],
          ownerRef: 'group:default/team-claims',
          businessUnitRef: 'group:default/insurance',
        },
      ],
    },
    lint: {
      score: 64,
      passed: 3,
      failed: 2,
      errors: 1,
      warnings: 1,
      findings: [
        {
          ruleId: 'metadata.description',
          title: 'Has a description',
          category: 'metadata',
          severity: 'error',
          status: 'pass',
          message: 'Expected a description; found one of 31 characters.',
          remediation: 'Add `metadata.description` to catalog-info.yaml.',
        },
        {
          ruleId: 'docs.contributing',
          title: 'Has a contribution guide',
          category: 'documentation',
          severity: 'error',
          status: 'fail',
          message: 'Expected a CONTRIBUTING.md link; found none.',
          remediation:
            'Add a CONTRIBUTING.md and link it under `metadata.links` with the title "Contributing".',
        },
        {
          ruleId: 'docs.techdocs',
          title: 'Has TechDocs',
          category: 'documentation',
          severity: 'warning',
          status: 'fail',
          message:
            'Expected the backstage.io/techdocs-ref annotation; found none.',
          remediation: 'Set up TechDocs for the repository.',
        },
        {
          ruleId: 'ownership.owner',
          title: 'Has an owner',
          category: 'ownership',
          severity: 'error',
          status: 'pass',
          message: 'Expected an owner; found group:default/team-payments.',
          remediation: 'Set `spec.owner`.',
        },
        {
          ruleId: 'api.definition',
          title: 'API has a definition',
          category: 'ownership',
          severity: 'info',
          status: 'not-applicable',
          message: 'Only applies to APIs.',
          remediation: 'Add a definition.',
        },
      ],
    },
    computedAt: '2025-06-02T04:00:00.000Z',
    status: {
      stale: true,
      lastError: 'Catalog request timed out after 30s',
      lastErrorAt: '2025-06-03T04:00:00.000Z',
    },
  },
  history: [
    {
      day: '2025-05-31',
      usageCount: 1,
      businessUnitCount: 1,
      lintScore: 40,
      lintErrors: 2,
      lintWarnings: 2,
    },
    {
      day: '2025-06-01',
      usageCount: 2,
      businessUnitCount: 1,
      lintScore: 52,
      lintErrors: 1,
      lintWarnings: 2,
    },
    {
      day: '2025-06-02',
      usageCount: 3,
      businessUnitCount: 2,
      lintScore: 64,
      lintErrors: 1,
      lintWarnings: 1,
    },
  ],
};

function project(
  name: string,
  overrides: Partial<ProjectListItem> = {},
  entity: Partial<ProjectListItem['entity']> = {},
): ProjectListItem {
  return {
    entity: {
      entityRef: `component:default/${name}`,
      kind: 'Component',
      namespace: 'default',
      name,
      type: 'service',
      lifecycle: 'production',
      ownerRef: 'group:default/team-payments',
      ownerTitle: 'Team Payments',
      businessUnitRef: 'group:default/finance',
      tags: [],
      innerSource: false,
      ...entity,
    },
    usageCount: 0,
    businessUnitCount: 0,
    lintScore: 50,
    lintErrors: 0,
    lintWarnings: 0,
    computedAt: '2025-06-02T04:00:00.000Z',
    stale: false,
    ...overrides,
  };
}

/** A first page of a listing of 30 projects. */
export const projectsResponse: ProjectListResponse = {
  items: [
    project(
      'payments-service',
      {
        usageCount: 12,
        businessUnitCount: 4,
        lintScore: 86,
        stale: true,
      },
      {
        title: 'Payments Service',
        description: 'Takes card and invoice payments',
        tags: ['java', 'innersource'],
        innerSource: true,
      },
    ),
    project(
      'identity-api',
      { usageCount: 7, businessUnitCount: 3, lintScore: 45 },
      {
        entityRef: 'api:default/identity-api',
        kind: 'API',
        type: 'openapi',
        title: 'Identity API',
        description: 'Sign-in and user profiles',
        ownerRef: 'group:default/team-identity',
        ownerTitle: 'Team Identity',
        tags: ['rest'],
      },
    ),
  ],
  totalCount: 30,
  offset: 0,
  limit: 24,
  nextOffset: 24,
};

/** An empty listing. */
export const emptyProjectsResponse: ProjectListResponse = {
  items: [],
  totalCount: 0,
  offset: 0,
  limit: 24,
};
