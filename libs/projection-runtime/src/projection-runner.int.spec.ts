import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppendResult, NewEvent } from '@sla/event-sourcing';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { migrateReadStore, openReadStore } from '@sla/read-store';
import { auditReadModelMigrations, streamActivityProjection, type StreamActivityTable } from '@sla/audit-read-models';
import { createTestDatabase, untilReadable } from '@sla/test-support';
import { ProjectionRunner } from './projection-runner';

describe('ProjectionRunner', () => {
  let store: PostgresEventStore;
  let db: Kysely<any>;

  beforeAll(async () => {
    const url = await createTestDatabase('projection_runner');
    await migrateEventStore(url);
    store = new PostgresEventStore({ connectionString: url });
    db = openReadStore(url);
    await migrateReadStore(db, auditReadModelMigrations);
  });
  afterAll(async () => {
    await store.close();
    await db.destroy();
  });

  const events = (count: number): NewEvent[] =>
    Array.from({ length: count }, (_, index) => ({
      id: randomUUID(),
      type: index % 2 ? 'SomethingHappened' : 'SomethingElseHappened',
      schemaVersion: 1,
      data: { index },
      metadata: { actor: 'test', correlationId: randomUUID(), source: 'test' },
    }));

  async function seed(streams: number, eventsPerStream: number): Promise<Map<string, number>> {
    const expected = new Map<string, number>();
    let last: AppendResult | undefined;
    for (let stream = 0; stream < streams; stream += 1) {
      const name = `seed-${randomUUID()}`;
      for (let appended = 0; appended < eventsPerStream; appended += 3) {
        const count = Math.min(3, eventsPerStream - appended);
        last = await store.appendToStream(name, events(count), 'any');
      }
      expected.set(name, eventsPerStream);
    }
    await untilReadable(store, last!.position);
    return expected;
  }

  const snapshot = async () =>
    (
      (await db.selectFrom('stream_activity').selectAll().orderBy('stream_name').execute()) as StreamActivityTable[]
    ).map((row) => ({
      ...row,
      first_recorded_at: row.first_recorded_at.toISOString(),
      last_recorded_at: row.last_recorded_at.toISOString(),
    }));

  it('applies each event exactly once when two runners race over the same projection', async () => {
    const expected = await seed(40, 7);
    const first = new ProjectionRunner(store, db, [streamActivityProjection], { batchSize: 13 });
    const second = new ProjectionRunner(store, db, [streamActivityProjection], { batchSize: 17 });
    await Promise.all([first.prepare(), second.prepare()]);
    await Promise.all([first.catchUp(), second.catchUp(), first.catchUp()]);
    const rows = await snapshot();
    for (const [stream, count] of expected) {
      expect(rows.find((row) => row.stream_name === stream)).toMatchObject({
        event_count: String(count),
        last_revision: '6',
      });
    }
    const [status] = await first.status();
    expect(status).toMatchObject({ name: 'stream-activity', lag: 0, lagIsAtLeast: false, lastError: null });
    expect(status.eventsApplied).toBe(rows.reduce((sum, row) => sum + Number(row.event_count), 0));
  });

  it('follows the log live and reports lag', async () => {
    const runner = new ProjectionRunner(store, db, [streamActivityProjection], { idleMilliseconds: 20 });
    await runner.prepare();
    await runner.catchUp();
    const stream = `live-${randomUUID()}`;
    const appended = await store.appendToStream(stream, events(5), 'no_stream');
    await untilReadable(store, appended.position);
    const read = (await runner.status())[0];
    expect(read).toMatchObject({ lag: 5, lagIsAtLeast: false });
    // Counted by the store instead of read: the same status.
    const counting = new ProjectionRunner(store, db, [streamActivityProjection], {
      countAfter: (after, filter, limit) => store.countAfter(after, filter, limit),
    });
    expect((await counting.status())[0]).toEqual({ ...read, updatedAt: expect.any(Date) });
    // At most the limit: the 4 events after the stream's first, counted up to 2.
    expect(await store.countAfter((await store.readStream(stream))[0]!.position, undefined, 2)).toBe(2);
    runner.start();
    for (let waited = 0; waited < 100; waited += 1) {
      const row = await db
        .selectFrom('stream_activity')
        .selectAll()
        .where('stream_name', '=', stream)
        .executeTakeFirst();
      if (row) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await runner.stop();
    const row = await db
      .selectFrom('stream_activity')
      .selectAll()
      .where('stream_name', '=', stream)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ event_count: '5', last_revision: '4', category: 'live' });
  });

  it('rebuilds to exactly what incremental application produced', async () => {
    await seed(10, 4);
    const runner = new ProjectionRunner(store, db, [streamActivityProjection], { batchSize: 11 });
    await runner.prepare();
    await runner.catchUp();
    const incremental = await snapshot();
    await runner.rebuild('stream-activity');
    expect(await snapshot()).toEqual(incremental);
  });

  it('rebuilds from the start when a projection version changes', async () => {
    const runner = new ProjectionRunner(store, db, [streamActivityProjection]);
    await runner.prepare();
    await runner.catchUp();
    const before = await snapshot();
    await db.updateTable('stream_activity').set({ event_count: '999' }).execute();
    const bumped = new ProjectionRunner(store, db, [
      { ...streamActivityProjection, version: streamActivityProjection.version + 1 },
    ]);
    await bumped.prepare();
    expect(await snapshot()).toEqual([]);
    await bumped.catchUp();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to rebuild a projection it does not know', async () => {
    const runner = new ProjectionRunner(store, db, [streamActivityProjection]);
    await expect(runner.rebuild('no-such-projection')).rejects.toThrow("no projection named 'no-such-projection'");
  });
});
