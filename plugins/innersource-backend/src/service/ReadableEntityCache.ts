import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CallerCache } from './CallerCache';
import { readableEntities } from './readableEntities';

/**
 * The entity refs each caller may read, asked of the catalog with the caller's own credentials
 * and kept for a short while, so that a user typing in the search box does not make the
 * catalog evaluate its permission rules over every entity on every keystroke. Visibility
 * changes show after at most `ttlMs`. A caller gets the same array until it is loaded again: the
 * store checks and stores each array's refs once (see `ReadableSets`), so it must not be changed.
 *
 * With the permission framework at hand, the catalog's read permission is asked first: a caller
 * the policy lets read every entity (`ALLOW`, as under the allow-all policy, and for services)
 * gets `undefined`, no restriction, without the catalog listing every entity for them; a caller
 * it denies gets nothing. Only a conditional decision (read what matches these rules) needs the
 * list from the catalog, which applies the conditions.
 */
export class ReadableEntityCache {
  private readonly cache: CallerCache<string[] | undefined>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      permissions?: PermissionsService;
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

  /** The refs the caller may read; undefined when the caller may read every entity. */
  readableRefs(
    credentials: BackstageCredentials,
  ): Promise<string[] | undefined> {
    return this.cache.get(credentials);
  }

  private async load(
    credentials: BackstageCredentials,
  ): Promise<string[] | undefined> {
    const { catalog, permissions } = this.options;
    const { projectRefs } = await readableEntities({
      catalog,
      permissions,
      credentials,
      groups: false,
    });
    return projectRefs;
  }
}
