import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { InnerSourceEntitySummary } from '@innersource-backstage/plugin-innersource-common';

/** Only absolute http(s) links from `innersource.json` are followed. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
      ? parsed.toString()
      : undefined;
  } catch {
    return undefined;
  }
}

/** @internal */
export interface ProjectLinks {
  /** The entity's InnerSource tab in the catalog. */
  innerSourceTab: string;
  /** The project's documentation, from `innersource.json`, when it gives an absolute URL. */
  docs?: string;
  /** Where to start contributing: the documentation if known, else the InnerSource tab. */
  contribute: string;
}

/**
 * Links of a project: its InnerSource tab, its documentation and where to start contributing.
 *
 * @internal
 */
export function useProjectLinks(
  entity: InnerSourceEntitySummary,
): ProjectLinks {
  const entityRoute = useRouteRef(entityRouteRef);
  const innerSourceTab = `${entityRoute(
    entityRouteParams(entity.entityRef, { encodeParams: true }),
  )}/innersource`;
  const docs = safeUrl(entity.innerSourceMetadata?.docs);
  return { innerSourceTab, docs, contribute: docs ?? innerSourceTab };
}
