import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import type { NewEvent, RecordedEvent } from '@sla/event-sourcing';
import { startPrivatePostgres, type PrivatePostgres } from '@sla/test-support';
import { migrateEventStore, PostgresEventStore } from './postgres-event-store';

/**
 * The gap problem: a sequence value is taken at INSERT but becomes visible at
 * COMMIT, so a reader that polls "position > last" passes a lower position
 * that commits later and loses that event for good. This test makes exactly
 * that happen (a naive reader misses the event) and shows that our reader
 * and subscriber do not.
 */
describe('global log gap safety under out-of-order commits', () => {
  const WRITERS = 16;
  const APPENDS_PER_WRITER = 40;
  const HOLD_OPEN_MILLISECONDS = 4_000;
  let server: PrivatePostgres;
  let url: string;
  let store: PostgresEventStore;

  beforeAll(async () => {
    // Its own cluster: the slow transaction would hold back other test files' readers.
    server = await startPrivatePostgres();
    url = server.url;
    await migrateEventStore(url);
    store = new PostgresEventStore({ connectionString: url, poolSize: WRITERS + 4, idlePollMilliseconds: 20 });
  });
  afterAll(async () => {
    await store.close();
    await server.stop();
  });

  const anEvent = (writer: number, index: number): NewEvent => ({
    id: randomUUID(),
    type: 'GapProbeAppended',
    schemaVersion: 1,
    data: { writer, index },
    metadata: { actor: `writer-${writer}`, correlationId: randomUUID(), source: 'test' },
  });

  it('delivers every committed event exactly once, in one stable order, while a slow transaction commits late', async () => {
    // A transaction takes a low position, then stays open while others commit.
    const slowWriter = new Client({ connectionString: url });
    await slowWriter.connect();
    await slowWriter.query('begin');
    const slowEvent = anEvent(-1, 0);
    await slowWriter.query(
      `select * from event_store.append_events($1, 'any', $2::uuid[], $3::text[], $4::integer[], $5::jsonb[], $6::jsonb[])`,
      [
        'gapprobe-slow',
        [slowEvent.id],
        [slowEvent.type],
        [1],
        [JSON.stringify(slowEvent.data)],
        [JSON.stringify(slowEvent.metadata)],
      ],
    );
    const { rows: slowRows } = await slowWriter.query<{ global_position: string }>(
      `select global_position from event_store.events where event_id = $1`,
      [slowEvent.id],
    );
    const slowPosition = BigInt(slowRows[0].global_position);

    // The subscriber and a naive reader both start at position 0 during the run.
    const subscription = store.subscribeToAll({ filter: { streamCategories: ['gapprobe'] } });
    const delivered: RecordedEvent[] = [];
    const expectedTotal = WRITERS * APPENDS_PER_WRITER * 2 + 1;
    const subscriber = (async () => {
      for await (const event of subscription) {
        delivered.push(event);
        if (delivered.length >= expectedTotal) break;
      }
    })();
    const naiveSeen = new Set<string>();
    let naiveDone = false;
    const naiveReader = (async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      let last = 0n;
      while (!naiveDone) {
        const { rows } = await client.query<{ event_id: string; global_position: string }>(
          `select event_id, global_position from event_store.events
            where global_position > $1 and stream_name like 'gapprobe-%' order by global_position limit 500`,
          [last.toString()],
        );
        for (const row of rows) naiveSeen.add(row.event_id);
        if (rows.length > 0) last = BigInt(rows[rows.length - 1].global_position);
        else await sleep(10);
      }
      await client.end();
    })();

    // 16 writers append concurrently, to their own streams and to shared ones.
    const writes = Array.from({ length: WRITERS }, async (_, writer) => {
      for (let index = 0; index < APPENDS_PER_WRITER; index += 1) {
        const stream = index % 4 === 0 ? `gapprobe-shared${index % 3}` : `gapprobe-writer${writer}`;
        await store.appendToStream(stream, [anEvent(writer, index), anEvent(writer, index)], 'any');
        await sleep(HOLD_OPEN_MILLISECONDS / APPENDS_PER_WRITER / 2);
      }
    });
    await Promise.all(writes);
    // While the slow transaction is still open, later positions are committed and visible...
    const probe = new Client({ connectionString: url });
    await probe.connect();
    const { rows: overtaking } = await probe.query<{ count: string }>(
      `select count(*) from event_store.events where global_position > $1`,
      [slowPosition.toString()],
    );
    await probe.end();
    expect(Number(overtaking[0].count)).toBe(expectedTotal - 1);
    // ...but the subscriber holds back: every writer's transaction is younger than the open one.
    expect(delivered).toHaveLength(0);
    await sleep(HOLD_OPEN_MILLISECONDS / 2);
    await slowWriter.query('commit');
    await slowWriter.end();

    await Promise.race([
      subscriber,
      sleep(20_000).then(() =>
        Promise.reject(new Error(`subscriber never caught up: ${delivered.length} of ${expectedTotal}`)),
      ),
    ]);
    await subscription.close();
    await sleep(100);
    naiveDone = true;
    await naiveReader;

    // The hazard was real: the naive reader lost the late-committing event...
    expect(naiveSeen.has(slowEvent.id)).toBe(false);
    // ...the subscriber saw every committed event exactly once, the slow one included.
    const committed = await store.readAll({ maxCount: 100_000, filter: { streamCategories: ['gapprobe'] } });
    expect(committed.events).toHaveLength(expectedTotal);
    const deliveredIds = delivered.map((event) => event.id);
    expect(new Set(deliveredIds).size).toBe(deliveredIds.length);
    expect(deliveredIds).toContain(slowEvent.id);
    // ...in one total order that every re-read repeats, whatever the page size.
    expect(deliveredIds).toEqual(committed.events.map((event) => event.id));
    for (const pageSize of [7, 100, 1000]) {
      const reread: string[] = [];
      let after;
      for (;;) {
        const page = await store.readAll({ after, maxCount: pageSize, filter: { streamCategories: ['gapprobe'] } });
        reread.push(...page.events.map((event) => event.id));
        after = page.checkpoint;
        if (page.isEnd) break;
      }
      expect(reread).toEqual(deliveredIds);
    }
  }, 60_000);
});
