import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { INNERSOURCE_KINDS } from '@innersource-backstage/plugin-innersource-common';
import { CallerCache } from './CallerCache';

/**
 * The entity refs each caller may read, asked of the catalog with the caller's own credentials
 * and kept for a short while, so that a user typing in the search box does not make the
 * catalog evaluate its permission rules over every entity on every keystroke. Visibility
 * changes show after at most `ttlMs`. A caller gets the same array until it is loaded again: the
 * store checks and stores each array's refs once (see `ReadableSets`), so it must not be changed.
 */
export class ReadableEntityCache {
  private readonly cache: CallerCache<string[]>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      ttlMs: number;
      maxEntries?: number;
      now?: () => number;
    },
  ) {
    this.cache = new CallerCache({
      ...options,
      load: credentials => this.load(credentials),
    });
  }

  readableRefs(credentials: BackstageCredentials): Promise<string[]> {
    return this.cache.get(credentials);
  }

  private async load(credentials: BackstageCredentials): Promise<string[]> {
    const refs: string[] = [];
    for await (const page of this.options.catalog.streamEntities(
      {
        filter: { kind: [...INNERSOURCE_KINDS] },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    )) {
      for (const entity of page) refs.push(stringifyEntityRef(entity));
    }
    return refs;
  }
}
