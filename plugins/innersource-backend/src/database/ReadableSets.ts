import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { dialectOf, refIn } from '../program/sqlScope';

const LISTING = 'innersource_listing';
const LISTING_COUNTS = 'innersource_listing_counts';
const SETS = 'innersource_readable_sets';
const SET_REFS = 'innersource_readable_set_refs';

/** Rows per insert of set members (two bound values each). */
const CHUNK = 400;
/** A set in use is marked used again after this long... */
const TOUCH_AFTER_MS = 10 * 60_000;
/** ...and sets unused for this long are deleted (far longer, so a set in use is never pruned). */
const PRUNE_UNUSED_MS = 60 * 60_000;

/**
 * How the listing is restricted to what a caller may read: not at all (`all`), to nothing, or to
 * the members of a stored readable set. `all` with `checkedAt` means that every project of the
 * listing was readable when the listing had that version: a query must read the version in the
 * same statement and, when it differs, {@link ReadableSets.forget} the refs and start over.
 */
export type Restriction =
  | { kind: 'all'; checkedAt?: string | null }
  | { kind: 'none' }
  | { kind: 'set'; setId: string };

type Memo =
  | { kind: 'covers'; version: string | null }
  | { kind: 'set'; setId: string };

/**
 * The version of the listing: a row of the value counts whose value the store changes whenever
 * the listing changes, in the same transaction. Null while the listing has never been filled.
 */
export const LISTING_VERSION_SQL = `(select value from ${LISTING_COUNTS} where field = 'version')`;

/**
 * Turns the entity refs a caller may read (thousands of them, from the catalog) into a restriction
 * that a listing query can apply without binding the refs again on every request:
 *
 * - when the refs cover every project in the listing, no restriction at all. Queries read the
 *   listing version along with their rows, and the check is made again when it changed, because a
 *   project added later may not be readable;
 * - otherwise the refs are stored once as a readable set, keyed by a hash of the sorted refs and
 *   so shared by every caller who may read the same entities, and queries join on it. Sets unused
 *   for an hour are deleted.
 *
 * The work is remembered per array: the {@link ReadableEntityCache} hands out the same array for a
 * caller until it asks the catalog again, so a caller's refs are hashed and checked once per cache
 * period, not per request.
 */
export class ReadableSets {
  private readonly byArray = new WeakMap<readonly string[], Memo>();
  /** Work in progress per array, so that concurrent calls (page and facets) share it. */
  private readonly pending = new WeakMap<
    readonly string[],
    Promise<Restriction>
  >();
  /** When this instance last marked each set as used (ms). */
  private readonly touched = new Map<string, number>();
  private lastPrune = 0;

  constructor(
    private readonly db: Knex,
    private readonly options: { now?: () => number } = {},
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** The restriction for `readable` (undefined: no restriction). */
  async restriction(
    readable: readonly string[] | undefined,
  ): Promise<Restriction> {
    if (!readable) return { kind: 'all' };
    if (readable.length === 0) return { kind: 'none' };
    const memo = this.byArray.get(readable);
    if (memo?.kind === 'covers')
      return { kind: 'all', checkedAt: memo.version };
    if (memo?.kind === 'set') {
      await this.ensureSet(memo.setId, readable);
      return { kind: 'set', setId: memo.setId };
    }
    let pending = this.pending.get(readable);
    if (!pending) {
      pending = this.prepare(readable).finally(() =>
        this.pending.delete(readable),
      );
      this.pending.set(readable, pending);
    }
    return pending;
  }

  /** Forgets what is known of `readable`: the listing changed since it was checked. */
  forget(readable: readonly string[] | undefined): void {
    if (readable) this.byArray.delete(readable);
  }

  /** Checks whether `readable` covers the listing, and stores it as a set when it does not. */
  private async prepare(readable: readonly string[]): Promise<Restriction> {
    // Read the version first: rows added after it are either counted below or make the next
    // request check again.
    const version = await this.version();
    const [{ missing }] = await this.db(LISTING)
      .whereNot(refIn(this.db, 'entity_ref', readable))
      .count({ missing: '*' });
    if (Number(missing) === 0) {
      this.byArray.set(readable, { kind: 'covers', version });
      return { kind: 'all', checkedAt: version };
    }
    const setId = readableSetId(readable);
    await this.ensureSet(setId, readable);
    this.byArray.set(readable, { kind: 'set', setId });
    return { kind: 'set', setId };
  }

  private async version(): Promise<string | null> {
    const rows = await this.db.select(
      this.db.raw(`${LISTING_VERSION_SQL} as version`),
    );
    return rows[0]?.version ?? null;
  }

  /** Makes sure the set is stored and marked as used recently. */
  private async ensureSet(
    setId: string,
    refs: readonly string[],
  ): Promise<void> {
    const now = this.now();
    if (now - (this.touched.get(setId) ?? -Infinity) < TOUCH_AFTER_MS) return;
    const touchedAt = new Date(now).toISOString();
    const updated = await this.db(SETS)
      .where('set_id', setId)
      .update({ touched_at: touchedAt });
    if (updated === 0) {
      const unique = [...new Set(refs)];
      await this.db.transaction(async tx => {
        for (let i = 0; i < unique.length; i += CHUNK) {
          await tx(SET_REFS)
            .insert(
              unique
                .slice(i, i + CHUNK)
                .map(ref => ({ set_id: setId, entity_ref: ref })),
            )
            .onConflict(['set_id', 'entity_ref'])
            .ignore();
        }
        await tx(SETS)
          .insert({
            set_id: setId,
            ref_count: unique.length,
            touched_at: touchedAt,
          })
          .onConflict('set_id')
          .merge(['touched_at']);
      });
      if (dialectOf(this.db) === 'postgres') {
        // Without statistics that know the new set, PostgreSQL takes it for a handful of rows
        // and plans listing queries around it.
        await this.db.raw(`ANALYZE ${SET_REFS}`);
      }
    }
    this.touched.set(setId, now);
    await this.pruneOccasionally(now);
  }

  /** Deletes the sets no instance has used for a while, at most every few minutes. */
  private async pruneOccasionally(now: number): Promise<void> {
    if (now - this.lastPrune < TOUCH_AFTER_MS) return;
    this.lastPrune = now;
    const cutoff = new Date(now - PRUNE_UNUSED_MS).toISOString();
    await this.db.transaction(async tx => {
      // Locked until commit on PostgreSQL, so an instance marking one of them as used waits, finds
      // it gone and stores it again (SQLite has one writer at a time anyway).
      const query = tx(SETS).where('touched_at', '<', cutoff).select('set_id');
      if (dialectOf(this.db) === 'postgres') query.forUpdate();
      const old: string[] = (await query).map(
        (row: { set_id: string }) => row.set_id,
      );
      for (let i = 0; i < old.length; i += 100) {
        const ids = old.slice(i, i + 100);
        await tx(SET_REFS).whereIn('set_id', ids).delete();
        await tx(SETS).whereIn('set_id', ids).delete();
      }
    });
    for (const [setId, at] of this.touched) {
      if (at < now - TOUCH_AFTER_MS) this.touched.delete(setId);
    }
  }
}

/** The id of a readable set: a hash of its sorted, distinct refs. */
export function readableSetId(refs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const ref of [...new Set(refs)].sort()) hash.update(`${ref}\n`);
  return hash.digest('hex').slice(0, 40);
}
