import fc from 'fast-check';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import { createTestDatabase } from '@sla/test-support';
import { keysetAfter, pageOf, type KeysetColumn } from './pagination';

type Tables = { listed: { at: Date; name: string; rank: number; id: number } };

/** Keyset pages in mixed sort directions, against PostgreSQL's own ORDER BY: every row once, in order. */
describe('keyset pagination (real PostgreSQL)', () => {
  let db: Kysely<Tables>;
  beforeAll(async () => {
    db = new Kysely<Tables>({
      dialect: new PostgresDialect({
        pool: new Pool({ connectionString: await createTestDatabase('keyset_pages'), max: 2 }),
      }),
    });
    await sql`create table listed (at timestamptz not null, name text not null, rank integer not null, id integer primary key)`.execute(
      db,
    );
  });
  afterAll(() => db?.destroy());

  // Few distinct values per column, so ties (where a wrong tie-break repeats or skips rows) are common.
  const row = fc.record({
    at: fc.integer({ min: 0, max: 3 }),
    name: fc.constantFrom('a', 'B', 'b', 'é', 'z'),
    rank: fc.integer({ min: -2, max: 2 }),
  });
  const order: KeysetColumn[] = [
    { column: 'at', direction: 'asc' },
    { column: 'name', direction: 'desc' },
    { column: 'rank', direction: 'asc' },
    { column: 'id', direction: 'desc' },
  ];

  it('walks the same rows in the same order as one query, whatever the page size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 40 }), fc.integer({ min: 1, max: 12 }), async (rows, limit) => {
        await db.deleteFrom('listed').execute();
        if (rows.length > 0)
          await db
            .insertInto('listed')
            .values(
              rows.map((value, id) => ({
                at: new Date(Date.UTC(2026, 2, 1) + value.at * 1_000),
                name: value.name,
                rank: value.rank,
                id,
              })),
            )
            .execute();
        const base = () =>
          db
            .selectFrom('listed')
            .selectAll()
            .orderBy('at')
            .orderBy('name', 'desc')
            .orderBy('rank')
            .orderBy('id', 'desc');
        const expected = (await base().execute()).map((listed) => listed.id);
        const walked: number[] = [];
        let cursor: string | undefined;
        for (let pages = 0; pages <= rows.length; pages += 1) {
          let query = base().limit(limit + 1);
          const after = keysetAfter(order, cursor);
          if (after) query = query.where(after);
          const page = pageOf(
            await query.execute(),
            limit,
            (listed) => [listed.at.toISOString(), listed.name, listed.rank, listed.id],
            (listed) => listed.id,
          );
          walked.push(...page.items);
          if (page.nextCursor === null) break;
          cursor = page.nextCursor;
        }
        expect(walked).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
