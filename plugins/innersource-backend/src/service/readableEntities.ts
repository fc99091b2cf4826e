import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { INNERSOURCE_KINDS } from '@innersource-backstage/plugin-innersource-common';
import { catalogReadDecision } from './catalogReadDecision';

/** The entities a caller may read, as the catalog answers the caller. */
export interface ReadableEntities {
  /**
   * Refs of the readable Components, APIs, Resources and Systems; undefined when the caller may
   * read every entity.
   */
  projectRefs: string[] | undefined;
  /** Refs of the readable Groups (empty unless asked for). */
  groupRefs: Set<string>;
}

/**
 * Asks, with the caller's credentials, which projects (and with `groups`, which Groups) the
 * caller may read. The permission policy is asked first: when it lets the caller read every
 * entity, the projects are not listed (only the groups, which are few, when asked for); when it
 * denies reading, nothing is. Only a conditional decision makes the catalog, which applies the
 * conditions, list the projects. Only refs are fetched.
 */
export async function readableEntities(options: {
  catalog: CatalogService;
  permissions?: PermissionsService;
  credentials: BackstageCredentials;
  groups: boolean;
}): Promise<ReadableEntities> {
  const { catalog, credentials } = options;
  const decision = await catalogReadDecision(options.permissions, credentials);
  const projectRefs: string[] = [];
  const groupRefs = new Set<string>();
  const kinds = [
    ...(decision === 'some' ? INNERSOURCE_KINDS : []),
    ...(options.groups && decision !== 'none' ? ['Group'] : []),
  ];
  if (kinds.length > 0) {
    for await (const page of catalog.streamEntities(
      {
        filter: { kind: kinds },
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
  }
  return {
    projectRefs: decision === 'all' ? undefined : projectRefs,
    groupRefs,
  };
}
