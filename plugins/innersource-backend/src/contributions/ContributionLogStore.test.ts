import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { CommitBatch } from '../git/GitHistoryReader';
import {
  commitCount,
  ContributionLog,
  emptyLog,
  mergeCommits,
} from './ContributionLog';
import { ContributionLogStore, MAX_CHUNKS } from './ContributionLogStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const migrationsDir = resolvePackagePath(
  '@innersource-backstage/plugin-innersource-backend',
  'migrations',
);
const REF = 'component:default/ledger';
const AT = new Date('2026-11-24T12:00:00Z');

/** `count` commits newest first, ids from `first` down, by two authors. */
function batch(first: number, count: number): CommitBatch {
  const commits: CommitBatch = {
    authors: [
      { email: 'maria@acme.example', name: 'Maria' },
      { email: 'sam@acme.example', name: 'Sam' },
    ],
    shas: [],
    authorIndexes: [],
    times: [],
  };
  for (let n = first; n > first - count; n--) {
    commits.shas.push(n.toString(16).padStart(40, '0'));
    commits.authorIndexes.push(n % 2);
    commits.times.push(1_700_000_000 + n * 60);
  }
  return commits;
}

function read(log: ContributionLog, commits: CommitBatch, complete: boolean) {
  return mergeCommits({
    log,
    commits,
    complete,
    headSha: commits.shas[0] ?? log.headSha,
    attribute: email =>
      email.startsWith('maria')
        ? { kind: 'owner-team', userRef: 'user:default/maria', distance: 0 }
        : { kind: 'unknown' },
  });
}

const chunkRows = (knex: Knex) =>
  knex('innersource_contribution_chunks')
    .where('entity_ref', REF)
    .orderBy('seq')
    .select('seq', 'commit_count');

describe.each(databases.eachSupportedId())(
  'ContributionLogStore on %p',
  databaseId => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId as TestDatabaseId);
      await knex.migrate.latest({ directory: migrationsDir });
    });

    it('appends only the new commits of each run, and reads the same log back in a new process', async () => {
      const store = new ContributionLogStore(knex);
      const first = read(
        emptyLog('file:///ledger.git', ''),
        batch(1000, 1000),
        true,
      );
      await store.save(REF, first, AT);

      // the next run: what it read after the stored HEAD goes before it
      const loaded = (await store.get(REF))!.log;
      expect(loaded.stored).toMatchObject({ commits: 1000, chunks: 1 });
      const second = read(loaded, batch(1003, 3), false);
      await store.save(REF, second, AT);
      const third = read((await store.get(REF))!.log, batch(1010, 7), false);
      await store.save(REF, third, AT);
      expect(await chunkRows(knex)).toEqual([
        { seq: 0, commit_count: 1000 },
        { seq: 1, commit_count: 3 },
        { seq: 2, commit_count: 7 },
      ]);

      // another store (a restarted backend) reads it from the database
      const again = (await new ContributionLogStore(knex).get(REF))!;
      expect(again.log.commits).toEqual(third.commits);
      expect(again.log.authors).toEqual(third.authors);
      expect(again.log.headSha).toBe(batch(1010, 1).shas[0]);
      expect(again.syncedAt).toBe(AT.toISOString());
      expect(commitCount(again.log)).toBe(1010);
      expect(again.log.commits.shas.slice(0, 2)).toEqual(batch(1010, 2).shas);
    });

    it('keeps the commits of recent logs in memory, and reads them again when another instance saved', async () => {
      const store = new ContributionLogStore(knex);
      await store.save(
        REF,
        read(emptyLog('file:///ledger.git', ''), batch(100, 100), true),
        AT,
      );
      const queries: string[] = [];
      const listener = (q: { sql: string }) => queries.push(q.sql);
      knex.on('query', listener);
      const cached = (await store.get(REF))!;
      expect(
        queries.some(q => q.includes('innersource_contribution_chunks')),
      ).toBe(false);

      // another instance appends two commits
      const other = new ContributionLogStore(knex);
      await other.save(
        REF,
        read((await other.get(REF))!.log, batch(102, 2), false),
        AT,
      );
      queries.length = 0;
      const fresh = (await store.get(REF))!;
      knex.removeListener('query', listener);
      expect(
        queries.some(q => q.includes('innersource_contribution_chunks')),
      ).toBe(true);
      expect(commitCount(fresh.log)).toBe(102);

      // a save based on the revision read before the other instance wrote rewrites the log whole
      await store.save(REF, read(cached.log, batch(101, 1), false), AT);
      expect(await chunkRows(knex)).toEqual([{ seq: 0, commit_count: 101 }]);
      expect(
        commitCount((await new ContributionLogStore(knex).get(REF))!.log),
      ).toBe(101);
    });

    it('rewrites the log whole after a complete read, and in few pieces once it has many', async () => {
      const store = new ContributionLogStore(knex);
      let log = read(emptyLog('file:///ledger.git', ''), batch(10, 10), true);
      await store.save(REF, log, AT);
      for (let n = 11; n < 10 + MAX_CHUNKS; n++) {
        log = read((await store.get(REF))!.log, batch(n, 1), false);
        await store.save(REF, log, AT);
      }
      expect(await chunkRows(knex)).toHaveLength(MAX_CHUNKS);
      log = read((await store.get(REF))!.log, batch(10 + MAX_CHUNKS, 1), false);
      await store.save(REF, log, AT);
      expect(await chunkRows(knex)).toEqual([
        { seq: 0, commit_count: 10 + MAX_CHUNKS },
      ]);

      // history rewritten: a complete read replaces everything
      log = read((await store.get(REF))!.log, batch(5, 5), true);
      await store.save(REF, log, AT);
      expect(await chunkRows(knex)).toEqual([{ seq: 0, commit_count: 5 }]);
      expect(
        (await new ContributionLogStore(knex).get(REF))!.log.commits,
      ).toEqual(log.commits);
    });

    it('records errors next to the log, and creates an empty one for a source that never worked', async () => {
      const store = new ContributionLogStore(knex);
      const error = {
        cloneUrl: 'file:///ghost.git',
        path: '',
        kind: 'not-a-repository',
        message: 'gone',
        at: AT,
      };
      await store.recordError(REF, error);
      const stored = (await store.get(REF))!;
      expect(commitCount(stored.log)).toBe(0);
      expect(stored.error).toEqual({
        kind: 'not-a-repository',
        message: 'gone',
        at: AT.toISOString(),
      });
      await store.save(
        REF,
        read(stored.log, batch(3, 3), true),
        new Date('2026-11-25T00:00:00Z'),
      );
      await store.recordError(REF, { ...error, message: 'again' });
      const after = (await new ContributionLogStore(knex).get(REF))!;
      expect(commitCount(after.log)).toBe(3);
      expect(after.error?.message).toBe('again');
    });
  },
);

describe.each(databases.eachSupportedId())(
  'upgrading stored logs on %p',
  databaseId => {
    const MIGRATION = '20261124080000_contribution_chunks.js';

    /** Migrates up to (not including) the migration that moved commits into pieces. */
    async function migrateBefore(knex: Knex) {
      for (;;) {
        const [, pending] = await knex.migrate.list({
          directory: migrationsDir,
        });
        const next = pending[0] as { file: string } | undefined;
        if (!next || next.file === MIGRATION) return;
        await knex.migrate.up({ directory: migrationsDir });
      }
    }

    it('moves the commits of logs stored as one document into pieces, and back on rollback', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      await migrateBefore(knex);
      const v1 = {
        version: 1,
        cloneUrl: 'file:///ledger.git',
        path: '',
        headSha: 'c'.repeat(40),
        hasContributingGuide: true,
        authors: [
          [
            'maria@acme.example',
            'Maria',
            'owner-team',
            'user:default/maria',
            null,
            0,
          ],
          ['x@elsewhere.example', 'X', 'unknown', null, null, null],
        ],
        commits: [
          ['c'.repeat(40), 0, 1_700_000_300],
          ['b'.repeat(40), 1, 1_700_000_200],
          ['a'.repeat(40), 0, 1_700_000_100],
        ],
      };
      await knex('innersource_contribution_logs').insert({
        entity_ref: REF,
        clone_url: v1.cloneUrl,
        path: '',
        head_sha: v1.headSha,
        log: JSON.stringify(v1),
        synced_at: AT.toISOString(),
      });
      await knex.migrate.latest({ directory: migrationsDir });

      const stored = (await new ContributionLogStore(knex).get(REF))!;
      expect(stored.log).toMatchObject({
        version: 2,
        headSha: v1.headSha,
        hasContributingGuide: true,
        authors: v1.authors,
        commits: {
          shas: ['c'.repeat(40), 'b'.repeat(40), 'a'.repeat(40)],
          authors: [0, 1, 0],
          times: [1_700_000_300, 1_700_000_200, 1_700_000_100],
        },
        stored: { commits: 3, chunks: 1 },
      });
      expect(stored.syncedAt).toBe(AT.toISOString());

      // a run after the upgrade appends to it
      const store = new ContributionLogStore(knex);
      await store.save(REF, read(stored.log, batch(0xd0, 1), false), AT);
      expect(await chunkRows(knex)).toHaveLength(2);

      // rolled back, the document holds every commit again
      await knex.migrate.down({ directory: migrationsDir, name: MIGRATION });
      const row = await knex('innersource_contribution_logs')
        .where('entity_ref', REF)
        .first();
      const back = JSON.parse(row.log);
      expect(back.version).toBe(1);
      expect(back.commits).toHaveLength(4);
      expect(back.commits.slice(1)).toEqual(v1.commits);
      await knex.destroy();
    });

    it('reads a log still in the old shape (written by an older instance) and rewrites it in pieces', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      await knex('innersource_contribution_logs').insert({
        entity_ref: REF,
        clone_url: 'file:///ledger.git',
        path: '',
        head_sha: 'a'.repeat(40),
        log: JSON.stringify({
          version: 1,
          cloneUrl: 'file:///ledger.git',
          path: '',
          headSha: 'a'.repeat(40),
          authors: [['sam@acme.example', 'Sam', 'unknown', null, null, null]],
          commits: [['a'.repeat(40), 0, 1_700_000_100]],
        }),
        synced_at: AT.toISOString(),
      });
      const store = new ContributionLogStore(knex);
      const stored = (await store.get(REF))!;
      expect(stored.log.commits.shas).toEqual(['a'.repeat(40)]);
      expect(stored.log.stored).toBeUndefined();
      await store.save(REF, read(stored.log, batch(0xb0, 1), false), AT);
      expect(await chunkRows(knex)).toEqual([{ seq: 0, commit_count: 2 }]);
      expect(
        (await new ContributionLogStore(knex).get(REF))!.log.commits.shas,
      ).toEqual([batch(0xb0, 1).shas[0], 'a'.repeat(40)]);
      await knex.destroy();
    });
  },
);
