import { Knex } from 'knex';

/** The SQL dialect family of a knex instance, as far as these helpers care. */
export function dialectOf(knex: Knex): 'postgres' | 'sqlite' | 'other' {
  const client = knex.client.config.client;
  if (typeof client !== 'string') return 'other';
  if (['pg', 'postgres', 'postgresql'].includes(client)) return 'postgres';
  if (['sqlite3', 'better-sqlite3'].includes(client)) return 'sqlite';
  return 'other';
}

/**
 * A condition that `column` is one of `refs`, passing the list as one bound value however long it
 * is: an array with `= ANY(?)` on PostgreSQL, a JSON array read with `json_each(?)` on SQLite.
 * Other databases get a plain `IN` list.
 */
export function refIn(
  knex: Knex,
  column: string,
  refs: readonly string[] | undefined,
): Knex.Raw {
  // a caller who may read every entity
  if (!refs) return knex.raw('1 = 1');
  switch (dialectOf(knex)) {
    case 'postgres':
      return knex.raw('?? = ANY(?::text[])', [column, [...refs]]);
    case 'sqlite':
      return knex.raw('?? IN (SELECT value FROM json_each(?))', [
        column,
        JSON.stringify(refs),
      ]);
    default:
      return refs.length === 0
        ? knex.raw('1 = 0')
        : knex.raw(`?? IN (${refs.map(() => '?').join(', ')})`, [
            column,
            ...refs,
          ]);
  }
}

/** Escapes the LIKE wildcards (`%`, `_`) and the escape character itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, ch => `\\${ch}`);
}

/**
 * A condition that a path column (`|root|...|ref|`) runs through `groupRef`, i.e. that the row
 * belongs to the group or to a group below it. `negate` turns it around.
 */
export function inSubtree(
  knex: Knex,
  pathColumn: string,
  groupRef: string,
  negate = false,
): Knex.Raw {
  return knex.raw(`?? ${negate ? 'not like' : 'like'} ? escape '\\'`, [
    pathColumn,
    `%|${escapeLike(groupRef)}|%`,
  ]);
}
