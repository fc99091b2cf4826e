import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * A value per caller (user or service principal), loaded with the caller's credentials and kept
 * for `ttlMs`; concurrent requests of one caller share one load. Used for what a caller may read
 * in the catalog, so that searching as you type or switching program filters does not make the
 * catalog evaluate its permission rules over every entity on every request.
 */
export class CallerCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();
  private readonly pending = new Map<string, Promise<T>>();

  constructor(
    private readonly options: {
      load: (credentials: BackstageCredentials) => Promise<T>;
      ttlMs: number;
      maxEntries?: number;
      now?: () => number;
    },
  ) {}

  async get(credentials: BackstageCredentials): Promise<T> {
    const now = this.options.now?.() ?? Date.now();
    const key = cacheKey(credentials);
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.options
        .load(credentials)
        .then(value => {
          this.entries.delete(key);
          this.entries.set(key, { value, expires: now + this.options.ttlMs });
          // keep the most recently loaded callers
          while (this.entries.size > (this.options.maxEntries ?? 500)) {
            this.entries.delete(this.entries.keys().next().value as string);
          }
          return value;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
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
