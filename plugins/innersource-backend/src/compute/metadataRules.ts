import { Entity } from '@backstage/catalog-model';
import { hasInnerSourceTag } from '@innersource-backstage/plugin-innersource-common';
import {
  InnerSourceLintRule,
  LintCheckResult,
} from '@innersource-backstage/plugin-innersource-node';

/** The InnerSource Portal pattern's threshold for a description that actually says something. */
export const MIN_DESCRIPTION_LENGTH = 30;

const TECHDOCS_ANNOTATION = 'backstage.io/techdocs-ref';
const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';

const pass = (message: string): LintCheckResult => ({
  status: 'pass',
  message,
});
const fail = (message: string): LintCheckResult => ({
  status: 'fail',
  message,
});

function specString(entity: Entity, field: string): string | undefined {
  const value = (entity.spec as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : undefined;
}

/** Whether a link looks like documentation by its type, icon or title. */
function isDocumentationLink(link: {
  type?: string;
  icon?: string;
  title?: string;
}) {
  return [link.type, link.icon, link.title].some(
    value => typeof value === 'string' && /doc/i.test(value),
  );
}

/**
 * The catalog metadata that makes a project findable and trustworthy to other teams
 * (the patterns *InnerSource Portal* and *Base Documentation*).
 */
export const metadataRules: InnerSourceLintRule[] = [
  {
    id: 'metadata.description',
    title: 'Has a meaningful description',
    category: 'metadata',
    severity: 'error',
    remediation: `Set \`metadata.description\` in the entity's catalog-info.yaml to a sentence or two (more than ${MIN_DESCRIPTION_LENGTH} characters) that tells another team what the project does and why they would use it.`,
    check: ({ entity }) => {
      const description = entity.metadata.description?.trim() ?? '';
      if (description === '') {
        return fail(
          `Expected a description of more than ${MIN_DESCRIPTION_LENGTH} characters, found none`,
        );
      }
      if (description.length <= MIN_DESCRIPTION_LENGTH) {
        return fail(
          `Expected a description of more than ${MIN_DESCRIPTION_LENGTH} characters, found ${description.length}: "${description}"`,
        );
      }
      return pass(`Description has ${description.length} characters`);
    },
  },
  {
    id: 'metadata.owner',
    title: 'Has an owner that exists in the catalog',
    category: 'metadata',
    severity: 'error',
    remediation:
      'Set `spec.owner` to the Group (preferably) or User that maintains the project, e.g. `owner: group:team-ledger`, and make sure that group is in the catalog. Contributors need to know whom to talk to.',
    check: ({ entity, catalog }) => {
      const owner = specString(entity, 'owner');
      if (!owner)
        return fail('Expected spec.owner to name a Group or User, found none');
      const ownedBy = entity.relations?.find(
        r => r.type === 'ownedBy',
      )?.targetRef;
      const ref =
        ownedBy ??
        (owner.includes(':')
          ? owner.toLocaleLowerCase('en-US')
          : `group:${entity.metadata.namespace ?? 'default'}/${owner}`);
      const ownerEntity = catalog.getEntity(ref);
      if (!ownerEntity) {
        return fail(
          `Expected owner '${owner}' to be a Group or User in the catalog, but ${ref} does not exist`,
        );
      }
      const kind = ownerEntity.kind.toLocaleLowerCase('en-US');
      if (kind !== 'group' && kind !== 'user') {
        return fail(
          `Expected owner '${owner}' to be a Group or User, found a ${ownerEntity.kind}`,
        );
      }
      return pass(`Owned by ${ref}`);
    },
  },
  {
    id: 'metadata.lifecycle',
    title: 'States its lifecycle',
    category: 'metadata',
    severity: 'warning',
    appliesTo: { kinds: ['Component', 'API', 'Resource'] },
    remediation:
      'Set `spec.lifecycle` (e.g. `experimental`, `production`, `deprecated`) so that other teams know whether they can depend on it.',
    check: ({ entity }) => {
      const lifecycle = specString(entity, 'lifecycle');
      return lifecycle
        ? pass(`Lifecycle is '${lifecycle}'`)
        : fail('Expected spec.lifecycle to be set, found none');
    },
  },
  {
    id: 'metadata.innersource-tag',
    title: 'Is tagged as InnerSource',
    category: 'metadata',
    severity: 'warning',
    remediation:
      'Add the tag `innersource` to `metadata.tags` when the project welcomes contributions from other teams. The discovery page and the program figures count tagged projects.',
    check: ({ entity }) => {
      const tags = entity.metadata.tags ?? [];
      return hasInnerSourceTag(tags)
        ? pass('Tagged as InnerSource')
        : fail(
            `Expected the tag 'innersource' or 'inner-source', found ${
              tags.length ? tags.map(t => `'${t}'`).join(', ') : 'no tags'
            }`,
          );
    },
  },
  {
    id: 'metadata.documentation',
    title: 'Links to its documentation',
    category: 'metadata',
    severity: 'warning',
    remediation: `Add a documentation link to \`metadata.links\` (e.g. \`- url: https://…, title: Documentation, icon: docs\`) or publish TechDocs and set the \`${TECHDOCS_ANNOTATION}\` annotation.`,
    check: ({ entity }) => {
      if (entity.metadata.annotations?.[TECHDOCS_ANNOTATION]) {
        return pass('Has TechDocs');
      }
      const link = (entity.metadata.links ?? []).find(isDocumentationLink);
      if (link) return pass(`Documentation at ${link.url}`);
      return fail(
        `Expected a documentation link in metadata.links or the ${TECHDOCS_ANNOTATION} annotation, found ${
          entity.metadata.links?.length
            ? `${entity.metadata.links.length} link(s) none of which is documentation`
            : 'neither'
        }`,
      );
    },
  },
  {
    id: 'metadata.source-location',
    title: 'Points to its source code',
    category: 'metadata',
    severity: 'warning',
    appliesTo: { kinds: ['Component', 'API'] },
    remediation: `Set the \`${SOURCE_LOCATION_ANNOTATION}\` annotation (e.g. \`url:https://github.com/acme/ledger-sdk/tree/main/\`) so that contributors find the code and the InnerSource plugin can read its history.`,
    check: ({ entity }) => {
      const location =
        entity.metadata.annotations?.[SOURCE_LOCATION_ANNOTATION];
      return location
        ? pass(`Source at ${location.replace(/^url:/, '')}`)
        : fail(
            `Expected the ${SOURCE_LOCATION_ANNOTATION} annotation, found none`,
          );
    },
  },
];
