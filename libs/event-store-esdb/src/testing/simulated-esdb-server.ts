import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult,
  type EventData,
  type Filter,
  type Position,
} from '@eventstore/db-client';
import type { EsdbClient } from '../esdb-event-store';

/**
 * An in-memory stand-in for an EventStoreDB node, seen through the
 * `@eventstore/db-client` 6.x API. No server can run on our build machines;
 * this lets the adapter's own logic (expectations, duplicates, positions,
 * system records in $all, filters, subscriptions) run the port's conformance
 * suite. It imitates the server where the adapter depends on it:
 * - idempotency as in EventStoreDB's IndexWriter.CheckCommit: for 'any' and
 *   'stream_exists' only ids still in a bounded cache count, and a batch whose
 *   first id is unknown is written even if later ids are stored; for an exact
 *   revision or 'no_stream' the ids after the expected revision are compared
 *   with the stream itself; a batch that matches only in part is refused as a
 *   wrong expected version;
 * - positions: every event is its own record with commit = prepare = its log
 *   position; an append answers with the last event's position;
 * - a forward read of $all includes the record at its start position; a
 *   subscription starts after it;
 * - $all interleaves system records ($-streams and $-types).
 * It is no proof that a real server behaves the same: run the suite against
 * one with ESDB_CONNECTION_STRING (docs/eventstoredb.md).
 */
export type SimulatedEsdbOptions = {
  /** How many recent event ids the server remembers for 'any'/'stream_exists' idempotency. */
  readonly idCacheSize?: number;
  /** Like `throwOnAppendFailure=false` in a connection string: refusals come back as `success: false`. */
  readonly throwOnAppendFailure?: boolean;
  /** Writes a system record after every this many appends. */
  readonly systemRecordEvery?: number;
};

type StoredRecord = {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: string;
  readonly metadata: string;
  readonly revision: bigint;
  readonly position: Position;
  readonly created: Date;
};

type Decision =
  { readonly kind: 'ok' } | { readonly kind: 'idempotent'; readonly end: bigint } | { readonly kind: 'refused' };

const START = 'start';
const END = 'end';

export class SimulatedEsdbServer {
  private readonly log: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly idCache = new Map<string, { streamId: string; revision: bigint }>();
  private readonly waiters = new Set<() => void>();
  private nextLogPosition = 0n;
  private appends = 0;
  private disposed = false;
  readonly calls = { appendToStream: 0, readStream: 0, readAll: 0, subscribeToAll: 0 };

  constructor(private readonly options: SimulatedEsdbOptions = {}) {
    this.writeSystemRecord('$epoch-information', '$epoch');
    this.writeSystemRecord('$$$settings', '$metadata');
    this.writeSystemRecord('$settings', '$settings');
  }

  /** The server restarted or its id cache moved on: 'any' appends no longer recognise earlier ids. */
  forgetEventIds(): void {
    this.idCache.clear();
  }

  writeSystemRecord(streamId: string, type: string): void {
    this.write(streamId, [{ id: randomUUID(), type, contentType: 'application/json', data: {}, metadata: undefined }]);
  }

  /** Every event id stored in a stream, in order: for checking what was really written. */
  storedIds(streamId: string): string[] {
    return (this.streams.get(streamId) ?? []).map((record) => record.id);
  }

  client(): EsdbClient {
    const client = {
      appendToStream: (
        streamName: string,
        events: EventData | EventData[],
        options: { expectedRevision?: AppendExpectedRevision } = {},
      ) => this.append(streamName, Array.isArray(events) ? events : [events], options.expectedRevision ?? 'any'),
      readStream: (
        streamName: string,
        options: { direction?: string; fromRevision?: bigint | 'start' | 'end'; maxCount?: number | bigint } = {},
      ) => this.readStream(streamName, options),
      readAll: (
        options: { fromPosition?: Position | 'start' | 'end'; maxCount?: number | bigint; direction?: string } = {},
      ) => this.readAll(options),
      subscribeToAll: (options: { fromPosition?: Position | 'start' | 'end'; filter?: Filter } = {}) =>
        this.subscribe(options),
      dispose: async () => {
        this.disposed = true;
        this.wakeAll();
      },
    };
    return client as unknown as EsdbClient;
  }

  private async append(
    streamName: string,
    events: EventData[],
    expected: AppendExpectedRevision,
  ): Promise<AppendResult> {
    this.calls.appendToStream += 1;
    // Let concurrent callers interleave as they would over the network; the decision itself is atomic.
    await yieldToEventLoop();
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length === 0 ? -1n : stream[stream.length - 1].revision;
    const decision = this.checkCommit(
      streamName,
      stream,
      current,
      expected,
      events.map((event) => event.id),
    );
    if (decision.kind === 'refused') {
      if (this.options.throwOnAppendFailure === false) {
        // What client 6.2.1 reports in this mode: BigInt(hasCurrentStreamRevision()).
        return { success: false, nextExpectedRevision: current >= 0n ? 1n : -1n, position: undefined };
      }
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        expected,
        current: current >= 0n ? current : 'no_stream',
      });
    }
    if (decision.kind === 'idempotent') {
      const original = stream[Number(decision.end)];
      return { success: true, nextExpectedRevision: decision.end, position: original.position };
    }
    const written = this.write(streamName, events);
    this.appends += 1;
    if (this.options.systemRecordEvery && this.appends % this.options.systemRecordEvery === 0) {
      this.writeSystemRecord(`$stats-127.0.0.1:2113`, '$statsCollected');
    }
    const last = written[written.length - 1];
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  private checkCommit(
    streamName: string,
    stream: readonly StoredRecord[],
    current: bigint,
    expected: AppendExpectedRevision,
    ids: readonly string[],
  ): Decision {
    if (expected === 'stream_exists' && current < 0n) return { kind: 'refused' };
    if (expected === 'any' || expected === 'stream_exists') {
      let end: bigint | undefined;
      for (const id of ids) {
        const known = this.idCache.get(id);
        if (!known || known.streamId !== streamName) return end === undefined ? { kind: 'ok' } : { kind: 'refused' };
        end = known.revision;
      }
      return end === undefined ? { kind: 'ok' } : { kind: 'idempotent', end };
    }
    const expectedRevision = expected === 'no_stream' ? -1n : expected;
    if (expectedRevision < current) {
      let revision = expectedRevision;
      for (const id of ids) {
        revision += 1n;
        const known = this.idCache.get(id);
        if (known && known.streamId === streamName && known.revision === revision) continue;
        if (stream[Number(revision)]?.id === id) continue;
        return { kind: 'refused' };
      }
      return revision === expectedRevision ? { kind: 'refused' } : { kind: 'idempotent', end: revision };
    }
    if (expectedRevision > current) return { kind: 'refused' };
    return { kind: 'ok' };
  }

  private write(streamName: string, events: readonly EventData[]): StoredRecord[] {
    const stream = this.streams.get(streamName) ?? [];
    this.streams.set(streamName, stream);
    const written = events.map((event) => {
      // Record sizes vary, so positions are sparse like real log offsets.
      this.nextLogPosition += 137n + BigInt(event.type.length);
      const record: StoredRecord = {
        streamId: streamName,
        id: event.id,
        type: event.type,
        isJson: event.contentType === 'application/json',
        data: JSON.stringify(event.data),
        metadata: event.metadata === undefined ? '' : JSON.stringify(event.metadata),
        revision: BigInt(stream.length),
        position: { commit: this.nextLogPosition, prepare: this.nextLogPosition },
        created: new Date(),
      };
      stream.push(record);
      this.log.push(record);
      this.idCache.set(event.id, { streamId: streamName, revision: record.revision });
      return record;
    });
    const limit = this.options.idCacheSize ?? 100_000;
    for (const id of this.idCache.keys()) {
      if (this.idCache.size <= limit) break;
      this.idCache.delete(id);
    }
    this.wakeAll();
    return written;
  }

  private readStream(
    streamName: string,
    options: { direction?: string; fromRevision?: bigint | 'start' | 'end'; maxCount?: number | bigint },
  ) {
    this.calls.readStream += 1;
    return streamingRead(this.streamRecords(streamName, options));
  }

  private async *streamRecords(
    streamName: string,
    options: { direction?: string; fromRevision?: bigint | 'start' | 'end'; maxCount?: number | bigint },
  ): AsyncGenerator<AllStreamResolvedEvent> {
    await yieldToEventLoop();
    const stream = this.streams.get(streamName);
    if (!stream) throw new StreamNotFoundError(undefined, streamName);
    const maxCount = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const backwards = options.direction === 'backwards';
    const requested = options.fromRevision ?? (backwards ? END : START);
    const from = requested === START ? 0n : requested === END ? BigInt(stream.length - 1) : requested;
    const selected = backwards
      ? stream.filter((record) => record.revision <= from).reverse()
      : stream.filter((record) => record.revision >= from);
    for (const record of selected.slice(0, maxCount)) yield toResolved(record);
  }

  private readAll(options: {
    fromPosition?: Position | 'start' | 'end';
    maxCount?: number | bigint;
    direction?: string;
  }) {
    this.calls.readAll += 1;
    if (options.direction === 'backwards') throw new Error('the simulated server reads $all forwards only');
    return streamingRead(this.allRecords(options));
  }

  private async *allRecords(options: {
    fromPosition?: Position | 'start' | 'end';
    maxCount?: number | bigint;
  }): AsyncGenerator<AllStreamResolvedEvent> {
    await yieldToEventLoop();
    const from = options.fromPosition ?? START;
    const maxCount = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    // Inclusive, as EventStoreDB's AllReader: a record at the start position is returned.
    const selected = this.log.filter((record) => from === START || (from !== END && atOrAfter(record.position, from)));
    for (const record of selected.slice(0, maxCount)) yield toResolved(record);
  }

  private subscribe(options: { fromPosition?: Position | 'start' | 'end'; filter?: Filter }) {
    this.calls.subscribeToAll += 1;
    const state = { cancelled: false, destroyed: false };
    const iterator = this.follow(options, state);
    const wakeAll = () => this.wakeAll();
    return {
      [Symbol.asyncIterator]: () => iterator,
      async unsubscribe() {
        state.cancelled = true;
        wakeAll();
      },
      destroy() {
        state.destroyed = true;
        state.cancelled = true;
        wakeAll();
        return this;
      },
      get destroyed() {
        return state.destroyed;
      },
    };
  }

  /** Catches up after the start position (exclusive, as a subscription is), then waits for appends. */
  private async *follow(
    options: { fromPosition?: Position | 'start' | 'end'; filter?: Filter },
    state: { cancelled: boolean },
  ): AsyncGenerator<AllStreamResolvedEvent> {
    const from = options.fromPosition ?? START;
    let index =
      from === START
        ? 0
        : from === END
          ? this.log.length
          : this.log.findIndex((record) => !atOrAfter(from, record.position));
    if (index === -1) index = this.log.length;
    while (!state.cancelled && !this.disposed) {
      if (index < this.log.length) {
        const record = this.log[index];
        index += 1;
        if (passes(record, options.filter)) yield toResolved(record);
        continue;
      }
      await new Promise<void>((resolve) => this.waiters.add(resolve));
    }
  }

  private wakeAll(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }
}

function atOrAfter(position: Position, from: Position): boolean {
  return position.commit > from.commit || (position.commit === from.commit && position.prepare >= from.prepare);
}

function passes(record: StoredRecord, filter: Filter | undefined): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'streamName' ? record.streamId : record.type;
  if ('regex' in filter && filter.regex !== undefined) return new RegExp(filter.regex).test(subject);
  if ('prefixes' in filter && filter.prefixes) return filter.prefixes.some((prefix) => subject.startsWith(prefix));
  return true;
}

function toResolved(record: StoredRecord): AllStreamResolvedEvent {
  const metadata = record.metadata === '' ? new Uint8Array() : JSON.parse(record.metadata);
  return {
    event: {
      streamId: record.streamId,
      id: record.id,
      isJson: record.isJson,
      revision: record.revision,
      type: record.type,
      created: record.created,
      data: JSON.parse(record.data),
      metadata,
      position: record.position,
    },
    commitPosition: record.position.commit,
  } as AllStreamResolvedEvent;
}

function streamingRead<T>(source: AsyncGenerator<T>) {
  return {
    [Symbol.asyncIterator]: () => source,
    cancel: async () => {
      await source.return(undefined);
    },
  };
}
