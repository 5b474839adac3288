import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EventStore, NewEvent, RecordedEvent } from '@sla/event-sourcing';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { migrateReadStore, openReadStore } from '@sla/read-store';
import { createTestDatabase, untilReadable } from '@sla/test-support';
import { followUpEventId, type Reactor } from './reactor';
import { ReactorRunner } from './reactor-runner';

describe('ReactorRunner', () => {
  let store: PostgresEventStore;
  let db: Kysely<any>;

  beforeAll(async () => {
    const url = await createTestDatabase('reactor_runner');
    await migrateEventStore(url);
    store = new PostgresEventStore({ connectionString: url });
    db = openReadStore(url);
    await migrateReadStore(db, {});
  });
  afterAll(async () => {
    await store.close();
    await db.destroy();
  });

  const metadata = () => ({ actor: 'test', correlationId: randomUUID(), source: 'test' });

  /** Appends `count` triggers of a type unique to the test, plus noise the reactor does not declare. */
  async function triggers(type: string, count: number): Promise<void> {
    let last;
    for (let index = 0; index < count; index += 1) {
      const events: NewEvent[] = [
        { id: randomUUID(), type, schemaVersion: 1, data: { index }, metadata: metadata() },
        { id: randomUUID(), type: 'NoiseRecorded', schemaVersion: 1, data: { index }, metadata: metadata() },
      ];
      last = await store.appendToStream(`trigger-${randomUUID()}`, events, 'no_stream');
    }
    await untilReadable(store, last!.position);
  }

  /** Echoes each trigger into a stream of its own, with an id derived from the trigger. */
  const echo = (type: string, before?: (trigger: RecordedEvent) => void): Reactor => ({
    name: `echo-${type}`,
    handles: [type],
    react: async (trigger, { store: target }: { store: EventStore }) => {
      await target.appendToStream(
        `echo-${trigger.id}`,
        [
          {
            id: followUpEventId(trigger.id, 'echo'),
            type: 'Echoed',
            schemaVersion: 1,
            data: { of: trigger.id },
            metadata: metadata(),
          },
        ],
        'any',
      );
      before?.(trigger);
    },
  });

  /**
   * The follow-ups of the triggers of `type`, read stream by stream: a read of the global log shows only what lies
   * below the cluster-wide transaction horizon, which other test files' open transactions can hold back for a while.
   */
  const echoes = async (type: string) => {
    const triggersOfType = (await store.readAll({ maxCount: 100_000, filter: { eventTypes: [type] } })).events;
    const streams = await Promise.all(triggersOfType.map((trigger) => store.readStream(`echo-${trigger.id}`)));
    return streams.flat().filter((event) => event.type === 'Echoed');
  };

  it('appends each follow-up exactly once when three runners race over the same reactor', async () => {
    const type = `Raced${randomUUID().slice(0, 8)}`;
    await triggers(type, 30);
    const runners = [7, 11, 13].map((batchSize) => new ReactorRunner(store, db, [echo(type)], { batchSize }));
    await Promise.all(runners.map((runner) => runner.prepare()));
    await Promise.all(runners.map((runner) => runner.catchUp()));
    const echoed = await echoes(type);
    expect(echoed).toHaveLength(30);
    expect(new Set(echoed.map((event) => (event.data as { of: string }).of)).size).toBe(30);
    const [status] = await runners[0].status();
    expect(status).toMatchObject({ name: `echo-${type}`, triggersHandled: 30, lastError: null });
  });

  it('keeps its checkpoint when a follow-up fails after appending, and the replay stores nothing twice', async () => {
    const type = `Crashed${randomUUID().slice(0, 8)}`;
    await triggers(type, 5);
    let failed = 0;
    const reactor = echo(type, (trigger) => {
      // The fourth trigger fails once after its follow-up was stored: as if the process died right there.
      if ((trigger.data as { index: number }).index === 3 && failed === 0) {
        failed += 1;
        throw new Error('died after the append');
      }
    });
    const runner = new ReactorRunner(store, db, [reactor], { batchSize: 10 });
    await runner.prepare();
    await expect(runner.catchUp()).rejects.toThrow('died after the append');
    expect((await runner.status())[0].triggersHandled).toBe(0);
    expect(await echoes(type)).toHaveLength(4);

    expect(await runner.catchUp()).toBe(5);
    const echoed = await echoes(type);
    expect(echoed).toHaveLength(5);
    expect(new Set(echoed.map((event) => event.id)).size).toBe(5);
    expect((await runner.status())[0]).toMatchObject({ triggersHandled: 5 });
  });

  it('follows the log live and records a failing trigger as its last error until it succeeds', async () => {
    const type = `Live${randomUUID().slice(0, 8)}`;
    let failures = 0;
    const runner = new ReactorRunner(
      store,
      db,
      [
        echo(type, () => {
          if (failures < 1) {
            failures += 1;
            throw new Error('store briefly unavailable');
          }
        }),
      ],
      { idleMilliseconds: 10 },
    );
    await runner.prepare();
    runner.start();
    await triggers(type, 3);
    for (let waited = 0; waited < 500 && (await runner.status())[0].triggersHandled < 3; waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await runner.stop();
    expect((await runner.status())[0]).toMatchObject({ triggersHandled: 3, lastError: null });
    expect(await echoes(type)).toHaveLength(3);
    expect(failures).toBe(1);
  });

  it('refuses two reactors with one name', () => {
    expect(() => new ReactorRunner(store, db, [echo('Same'), echo('Same')])).toThrow('two reactors share a name');
  });
});
