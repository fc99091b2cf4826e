import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { INNERSOURCE_KINDS } from '@innersource-backstage/plugin-innersource-common';

/** The entities a caller may read, as the catalog answers the caller. */
export interface ReadableEntities {
  /** Refs of the readable Components, APIs, Resources and Systems. */
  projectRefs: string[];
  /** Refs of the readable Groups. */
  groupRefs: Set<string>;
}

/**
 * Asks the catalog, with the caller's credentials, which projects and groups the caller may read.
 * Only refs are fetched; the figures themselves come from the program tables.
 */
export async function readableEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<ReadableEntities> {
  const projectRefs: string[] = [];
  const groupRefs = new Set<string>();
  for await (const page of catalog.streamEntities(
    {
      filter: { kind: [...INNERSOURCE_KINDS, 'Group'] },
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    },
    { credentials },
  )) {
    for (const entity of page) {
      const ref = stringifyEntityRef(entity);
      if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
        groupRefs.add(ref);
      } else {
        projectRefs.push(ref);
      }
    }
  }
  return { projectRefs, groupRefs };
}
