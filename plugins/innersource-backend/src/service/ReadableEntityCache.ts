import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { INNERSOURCE_KINDS } from '@innersource-backstage/plugin-innersource-common';

/**
 * The entity refs each caller may read, asked of the catalog with the caller's own credentials
 * and kept for a short while, so that a user typing in the search box does not make the
 * catalog evaluate its permission rules over every entity on every keystroke. Visibility
 * changes show after at most `ttlMs`. A caller gets the same array until it is loaded again: the
 * store checks and stores each array's refs once (see `ReadableSets`), so it must not be changed.
 */
export class ReadableEntityCache {
  private readonly entries = new Map<
    string,
    { refs: string[]; expires: number }
  >();
  private readonly pending = new Map<string, Promise<string[]>>();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      ttlMs: number;
      maxEntries?: number;
      now?: () => number;
    },
  ) {}

  async readableRefs(credentials: BackstageCredentials): Promise<string[]> {
    const now = this.options.now?.() ?? Date.now();
    const key = cacheKey(credentials);
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.refs;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.load(credentials)
        .then(refs => {
          this.entries.delete(key);
          this.entries.set(key, { refs, expires: now + this.options.ttlMs });
          // keep the most recently loaded callers
          while (this.entries.size > (this.options.maxEntries ?? 500)) {
            this.entries.delete(this.entries.keys().next().value as string);
          }
          return refs;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
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

function cacheKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user') return `user:${principal.userEntityRef}`;
  if (principal.type === 'service') return `service:${principal.subject}`;
  return `other:${JSON.stringify(principal)}`;
}
