import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { INNERSOURCE_KINDS } from '@innersource-backstage/plugin-innersource-common';
import { catalogReadDecision } from '../service/catalogReadDecision';
import { ReadableRefs } from './ProgramStore';

/** The entities a caller may read, as the catalog answers the caller. */
export interface ReadableEntities {
  /**
   * Refs of the readable Components, APIs, Resources and Systems; undefined when the caller may
   * read every entity.
   */
  projectRefs: ReadableRefs;
  /** Refs of the readable Groups. */
  groupRefs: Set<string>;
}

/**
 * Asks the catalog, with the caller's credentials, which projects and groups the caller may read.
 * Only refs are fetched; the figures themselves come from the program tables. When the permission
 * policy lets the caller read every entity, only the groups are listed (there are few); when it
 * denies reading, nothing is.
 */
export async function readableEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  permissions?: PermissionsService,
): Promise<ReadableEntities> {
  const decision = await catalogReadDecision(permissions, credentials);
  if (decision === 'none') return { projectRefs: [], groupRefs: new Set() };
  const projectRefs: string[] = [];
  const groupRefs = new Set<string>();
  for await (const page of catalog.streamEntities(
    {
      filter: {
        kind: decision === 'all' ? ['Group'] : [...INNERSOURCE_KINDS, 'Group'],
      },
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
  return {
    projectRefs: decision === 'all' ? undefined : projectRefs,
    groupRefs,
  };
}
