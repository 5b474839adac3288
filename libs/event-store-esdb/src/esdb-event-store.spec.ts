import { randomUUID } from 'node:crypto';
import {
  PartialDuplicateError,
  START_POSITION,
  WrongExpectedRevisionError,
  comparePositions,
  type NewEvent,
  type RecordedEvent,
} from '@sla/event-sourcing';
import { describeEventStoreContract } from '@sla/event-sourcing/testing';
import { EsdbEventStore, serverFilter } from './esdb-event-store';
import { SimulatedEsdbServer } from './testing/simulated-esdb-server';

/*
 * The adapter's logic against a simulated EventStoreDB (see
 * testing/simulated-esdb-server.ts). The real server is exercised by
 * esdb-event-store.int.spec.ts when ESDB_CONNECTION_STRING is set.
 */
describeEventStoreContract('eventstoredb adapter on a simulated server', {
  create: async () => new EsdbEventStore(new SimulatedEsdbServer({ systemRecordEvery: 3 }).client(), simulatedOptions),
});

const simulatedOptions = { connectionString: 'esdb://127.0.0.1:2113?tls=false' };

const anEvent = (overrides: Partial<NewEvent> = {}): NewEvent => ({
  id: randomUUID(),
  type: 'TicketOpened',
  schemaVersion: 2,
  data: { ticket: 'T-1' },
  metadata: { actor: 'alice', correlationId: randomUUID(), source: 'api' },
  ...overrides,
});

function storeOn(server: SimulatedEsdbServer) {
  return new EsdbEventStore(server.client(), simulatedOptions);
}

describe('EventStoreDB adapter details', () => {
  it('keeps schemaVersion and the envelope metadata in the ESDB metadata JSON, with the $-names ESDB projections read', async () => {
    const server = new SimulatedEsdbServer();
    const client = server.client();
    const store = new EsdbEventStore(client, simulatedOptions);
    const event = anEvent({ metadata: { actor: 'bob', correlationId: 'c-1', causationId: 'c-0', source: 'cli' } });
    await store.appendToStream('ticket-1', [event], 'no_stream');

    let raw: Record<string, unknown> | undefined;
    for await (const resolved of client.readStream('ticket-1'))
      raw = resolved.event?.metadata as Record<string, unknown>;
    expect(raw).toEqual({
      actor: 'bob',
      correlationId: 'c-1',
      causationId: 'c-0',
      source: 'cli',
      schemaVersion: 2,
      $correlationId: 'c-1',
      $causationId: 'c-0',
    });
    const [stored] = await store.readStream('ticket-1');
    expect(stored.schemaVersion).toBe(2);
    expect(stored.metadata).toEqual(event.metadata);
  });

  it('never returns system records from $all, whatever the filter', async () => {
    const server = new SimulatedEsdbServer({ systemRecordEvery: 1 });
    const store = storeOn(server);
    await store.appendToStream('ticket-1', [anEvent(), anEvent()], 'no_stream');
    server.writeSystemRecord('$$ticket-1', '$metadata');
    server.writeSystemRecord('ticket-1', '$>');
    const page = await store.readAll({ maxCount: 100 });
    expect(page.events.map((event) => event.streamName)).toEqual(['ticket-1', 'ticket-1']);
    expect(page.isEnd).toBe(true);
    // The checkpoint passes the trailing system records: a reader need not scan them again.
    const again = await store.readAll({ after: page.checkpoint, maxCount: 100 });
    expect(again).toMatchObject({ events: [], isEnd: true });
    expect(comparePositions(again.checkpoint!, page.checkpoint!)).toBe(0);
    await expect(store.readAll({ after: START_POSITION, maxCount: 0 })).resolves.toEqual({
      events: [],
      checkpoint: START_POSITION,
      isEnd: false,
    });
  });

  it('returns a filtered page with a checkpoint after a bounded scan instead of scanning the whole log', async () => {
    const server = new SimulatedEsdbServer();
    const store = storeOn(server);
    for (let batch = 0; batch < 25; batch += 1) {
      await store.appendToStream(
        'noise-1',
        Array.from({ length: 1_000 }, () => anEvent()),
        'any',
      );
    }
    await store.appendToStream('ticket-9', [anEvent()], 'no_stream');
    const first = await store.readAll({ maxCount: 10, filter: { streamCategories: ['ticket'] } });
    expect(first.events).toEqual([]);
    expect(first.isEnd).toBe(false);
    expect(first.checkpoint).toBeDefined();
    const second = await store.readAll({
      after: first.checkpoint,
      maxCount: 10,
      filter: { streamCategories: ['ticket'] },
    });
    expect(second.events.map((event) => event.streamName)).toEqual(['ticket-9']);
    expect(second.isEnd).toBe(true);
  });

  it('answers a redelivery with an exact revision as a duplicate even after the server forgot the ids', async () => {
    const server = new SimulatedEsdbServer();
    const store = storeOn(server);
    const batch = [anEvent(), anEvent()];
    const first = await store.appendToStream('ticket-1', batch, 'no_stream');
    await store.appendToStream('ticket-1', [anEvent()], 1n);
    server.forgetEventIds();
    const again = await store.appendToStream('ticket-1', batch, 'no_stream');
    expect(again).toMatchObject({ duplicate: true, streamRevision: 1n });
    expect(comparePositions(again.position!, first.position!)).toBe(0);
    expect(server.storedIds('ticket-1')).toHaveLength(3);
  });

  it('finds a redelivered batch stored at other revisions than the expected one implies', async () => {
    const server = new SimulatedEsdbServer();
    const store = storeOn(server);
    await store.appendToStream('ticket-1', [anEvent()], 'no_stream');
    const event = anEvent();
    const first = await store.appendToStream('ticket-1', [event], 0n);
    // Expected 5n: the server refuses (the stream is at 1); the id is stored at 1, so it is a redelivery.
    const again = await store.appendToStream('ticket-1', [event], 5n);
    expect(again).toMatchObject({ duplicate: true, streamRevision: 1n });
    expect(comparePositions(again.position!, first.position!)).toBe(0);
  });

  it('refuses a partial repeat with an exact revision as a partial duplicate', async () => {
    const server = new SimulatedEsdbServer();
    const store = storeOn(server);
    const stored = anEvent();
    await store.appendToStream('ticket-1', [stored], 'no_stream');
    const refusal = await store
      .appendToStream('ticket-1', [stored, anEvent()], 'no_stream')
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PartialDuplicateError);
    expect(refusal).toMatchObject({ duplicateIds: [stored.id] });
    expect(server.storedIds('ticket-1')).toEqual([stored.id]);
  });

  it('maps refusals reported as success: false (throwOnAppendFailure=false) to the real revisions', async () => {
    const server = new SimulatedEsdbServer({ throwOnAppendFailure: false });
    const store = storeOn(server);
    await store.appendToStream('ticket-1', [anEvent(), anEvent(), anEvent()], 'no_stream');
    await expect(store.appendToStream('ticket-1', [anEvent()], 0n)).rejects.toMatchObject({
      code: 'WRONG_EXPECTED_REVISION',
      expected: 0n,
      actual: 2n,
    });
    await expect(store.appendToStream('ticket-2', [anEvent()], 'stream_exists')).rejects.toMatchObject({
      expected: 'stream_exists',
      actual: 'no_stream',
    });
  });

  it('reads every event of a stream, foreign ones included, so that revisions have no holes', async () => {
    const server = new SimulatedEsdbServer();
    const store = storeOn(server);
    await store.appendToStream('ticket-1', [anEvent()], 'no_stream');
    server.writeSystemRecord('ticket-1', '$>');
    const events = await store.readStream('ticket-1');
    expect(events.map((event) => event.streamRevision)).toEqual([0n, 1n]);
    await expect(store.appendToStream('ticket-1', [anEvent()], 1n)).resolves.toMatchObject({ streamRevision: 2n });
  });

  it('refuses with the stream revisions a conflicting writer left', async () => {
    const store = storeOn(new SimulatedEsdbServer());
    await store.appendToStream('ticket-1', [anEvent(), anEvent()], 'no_stream');
    const refusal = await store.appendToStream('ticket-1', [anEvent()], 'no_stream').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(WrongExpectedRevisionError);
    expect(refusal).toMatchObject({ expected: 'no_stream', actual: 1n });
  });

  it('ends a subscription when the consumer breaks out of its loop, and on close while a read waits', async () => {
    const server = new SimulatedEsdbServer();
    const store = storeOn(server);
    await store.appendToStream('ticket-1', [anEvent(), anEvent()], 'no_stream');
    const first = store.subscribeToAll({ filter: { eventTypes: ['TicketOpened'] } });
    for await (const event of first) {
      expect(event.streamName).toBe('ticket-1');
      break;
    }
    await first.close();

    const waiting = store.subscribeToAll({ filter: { streamCategories: ['nothing'] } });
    const received: RecordedEvent[] = [];
    const consumer = (async () => {
      for await (const event of waiting) received.push(event);
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await waiting.close();
    await consumer;
    expect(received).toEqual([]);
  });
});

describe('server-side filters', () => {
  it('match whole categories and whole event types, escaped', () => {
    const byCategory = serverFilter({ streamCategories: ['ticket', 'a.b'] });
    expect(byCategory).toMatchObject({ filterOn: 'streamName' });
    const categoryRegex = new RegExp((byCategory as { regex: string }).regex);
    expect(['ticket-1', 'ticket', 'a.b-2'].every((name) => categoryRegex.test(name))).toBe(true);
    expect(['tickets-1', 'axb-2', '$$ticket-1', 'x-ticket-1'].some((name) => categoryRegex.test(name))).toBe(false);

    const byType = serverFilter({ eventTypes: ['AlphaHappened'] });
    const typeRegex = new RegExp((byType as { regex: string }).regex);
    expect(typeRegex.test('AlphaHappened')).toBe(true);
    expect(typeRegex.test('AlphaHappenedTwice')).toBe(false);

    const none = serverFilter(undefined);
    const systemRegex = new RegExp((none as { regex: string }).regex);
    expect(systemRegex.test('$statsCollected')).toBe(false);
    expect(systemRegex.test('TicketOpened')).toBe(true);
  });
});
