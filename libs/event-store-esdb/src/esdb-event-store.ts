import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult as EsdbAppendResult,
  type EventData,
  type Filter,
  type JSONType,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  PartialDuplicateError,
  WrongExpectedRevisionError,
  comparePositions,
  matchesFilter,
  type AllPage,
  type AppendResult,
  type EventFilter,
  type EventMetadata,
  type EventStore,
  type EventSubscription,
  type ExpectedRevision,
  type GlobalPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '@sla/event-sourcing';

/** The part of the client the adapter uses: small enough to stand in for in tests. */
export type EsdbClient = Pick<
  EventStoreDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

export type EsdbEventStoreOptions = {
  readonly connectionString: string;
  /** Start-up and health checks give up after this long: a silent peer can otherwise hang for minutes. */
  readonly startupTimeoutMilliseconds?: number;
};

/** What the ESDB event's metadata JSON holds: our envelope fields plus the names ESDB's own projections read. */
type StoredMetadata = EventMetadata & {
  readonly schemaVersion: number;
  readonly $correlationId: string;
  readonly $causationId?: string;
};

const DEFAULT_STARTUP_TIMEOUT_MILLISECONDS = 5_000;
const DISPOSE_GRACE_MILLISECONDS = 500;
/** $all is read in chunks of this many records and filtered here (client 6.x reads take no server-side filter). */
const SCAN_CHUNK = 1_000;
/**
 * A filtered readAll returns after examining this many records even if it found
 * fewer than maxCount, with a checkpoint past them: a narrow filter over a
 * large log must not turn one call into a full scan.
 */
const SCAN_BUDGET = 20_000;

/**
 * EventStoreDB behind the EventStore port. The only place that imports
 * `@eventstore/db-client`, so a switch to its KurrentDB successor touches
 * one folder.
 */
export class EsdbEventStore implements EventStore {
  readonly adapterName = 'eventstoredb';
  private closed = false;

  constructor(
    private readonly client: EsdbClient,
    private readonly options: EsdbEventStoreOptions,
  ) {}

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    // The head is read first because EventStoreDB answers a repeated append
    // with plain success; only a revision that did not move tells it apart.
    const before = await this.streamHead(streamName);
    if (events.length === 0) {
      assertExpectation(streamName, expected, before?.revision);
      return { streamRevision: before?.revision ?? -1n, position: before?.position ?? null, duplicate: false };
    }
    let written: EsdbAppendResult;
    try {
      written = await this.client.appendToStream(streamName, events.map(toEventData), {
        expectedRevision: toEsdbExpectation(expected),
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        return this.explainRefusal(streamName, events, expected, toActualRevision(error.actualVersion));
      }
      throw this.translate(error);
    }
    if (!written.success) {
      // Only with throwOnAppendFailure=false in the connection string; its reported revision is unreliable.
      const head = await this.streamHead(streamName);
      return this.explainRefusal(streamName, events, expected, head?.revision ?? 'no_stream');
    }
    if (before !== undefined && written.nextExpectedRevision <= before.revision) {
      // A stream never moves backwards: the server recognised these ids and wrote nothing.
      const original = await this.findStoredBatch(streamName, events, written.nextExpectedRevision);
      if (original) return original;
    }
    return {
      streamRevision: written.nextExpectedRevision,
      position: written.position
        ? toGlobalPosition(written.position)
        : await this.positionAt(streamName, written.nextExpectedRevision),
      duplicate: false,
    };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const read: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamName, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision ?? (backwards ? END : START),
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      })) {
        // Every event of the stream, even a foreign one: a hidden event would
        // make a decider append at a stale revision for ever.
        if (resolved.event) read.push(toRecordedEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw this.translate(error);
    }
    return read;
  }

  async readAll(options: ReadAllOptions = {}): Promise<AllPage> {
    const maxCount = options.maxCount ?? 1_000;
    if (maxCount <= 0) return { events: [], checkpoint: options.after, isEnd: false };
    const events: RecordedEvent[] = [];
    let scanned: GlobalPosition | undefined = options.after;
    let examined = 0;
    // One more than asked: a forward read of $all includes the record at its start position.
    const chunk = options.filter ? SCAN_CHUNK : Math.min(SCAN_CHUNK, maxCount + 1);
    for (;;) {
      const records = await this.readAllChunk(scanned, chunk);
      const startedAt = scanned;
      for (const resolved of records) {
        const event = resolved.event;
        if (!event) continue;
        const position = toGlobalPosition(event.position);
        if (scanned && comparePositions(position, scanned) <= 0) continue;
        scanned = position;
        examined += 1;
        if (isSystemEvent(event)) continue;
        const recorded = toRecordedEvent(event);
        if (!matchesFilter(recorded, options.filter)) continue;
        events.push(recorded);
        if (events.length === maxCount) return { events, checkpoint: scanned, isEnd: false };
      }
      // A full chunk that did not move past its start would be read again for ever.
      if (records.length < chunk || scanned === startedAt) return { events, checkpoint: scanned, isEnd: true };
      if (examined >= SCAN_BUDGET) return { events, checkpoint: scanned, isEnd: false };
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    const subscription = this.client.subscribeToAll({
      fromPosition: options.after ?? START,
      filter: serverFilter(options.filter),
    });
    const source = subscription[Symbol.asyncIterator]();
    let stop!: () => void;
    const stopped = new Promise<'stopped'>((resolve) => (stop = () => resolve('stopped')));
    let released: Promise<void> | undefined;
    // unsubscribe() cancels the gRPC call but may leave the stream open: destroy it too.
    const release = () =>
      (released ??= subscription
        .unsubscribe()
        .catch(() => undefined)
        .then(() => void subscription.destroy()));
    const after = options.after;
    const translate = (error: unknown) => this.translate(error);
    async function* iterate(): AsyncGenerator<RecordedEvent> {
      try {
        for (;;) {
          const pending = source.next();
          // After close() the pending read may never settle, or fail: nobody waits for it.
          pending.catch(() => undefined);
          let step;
          try {
            step = await Promise.race([pending, stopped]);
          } catch (error) {
            if (released) return;
            throw translate(error);
          }
          if (step === 'stopped' || step.done) return;
          const event = step.value.event;
          if (!event || isSystemEvent(event)) continue;
          const recorded = toRecordedEvent(event);
          if (after && comparePositions(recorded.position, after) <= 0) continue;
          if (matchesFilter(recorded, options.filter)) yield recorded;
        }
      } finally {
        // A consumer that breaks out of its loop ends the server-side subscription too.
        await release();
      }
    }
    const iterator = iterate();
    return {
      async close() {
        stop();
        await release();
        await iterator.return(undefined);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
  }

  async checkHealth(): Promise<void> {
    await verifyReachable(this.client, this.options);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await disposeWithin(this.client, DISPOSE_GRACE_MILLISECONDS);
  }

  private async readAllChunk(from: GlobalPosition | undefined, maxCount: number): Promise<AllStreamResolvedEvent[]> {
    const records: AllStreamResolvedEvent[] = [];
    try {
      for await (const resolved of this.client.readAll({
        fromPosition: from ?? START,
        maxCount,
        direction: FORWARDS,
      })) {
        records.push(resolved);
      }
    } catch (error) {
      throw this.translate(error);
    }
    return records;
  }

  /** Revision and position of the stream's last event, whatever its type; undefined for a missing stream. */
  private async streamHead(streamName: string): Promise<{ revision: bigint; position: GlobalPosition } | undefined> {
    const [last] = await this.readStream(streamName, { direction: 'backwards', maxCount: 1 });
    return last && { revision: last.streamRevision, position: last.position };
  }

  private async positionAt(streamName: string, revision: bigint): Promise<GlobalPosition | null> {
    const [event] = await this.readStream(streamName, { fromRevision: revision, maxCount: 1 });
    return event?.position ?? null;
  }

  /**
   * A refused append may still be a redelivery: the server checks ids only at
   * the revisions after the expected one (and, for 'any', only within its
   * cache), so look for them in the whole stream before calling it a conflict.
   */
  private async explainRefusal(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    actual: bigint | 'no_stream',
  ): Promise<AppendResult> {
    const ids = new Set(events.map((event) => event.id));
    const stored =
      actual === 'no_stream' ? [] : (await this.readStream(streamName)).filter((event) => ids.has(event.id));
    if (stored.length > 0 && stored.length === ids.size) return asDuplicate(stored);
    if (stored.length > 0)
      throw new PartialDuplicateError(
        streamName,
        stored.map((event) => event.id),
      );
    throw new WrongExpectedRevisionError(streamName, expected, actual);
  }

  /** The stored original of an append the server treated as a repeat, ending at `lastRevision`. */
  private async findStoredBatch(
    streamName: string,
    events: readonly NewEvent[],
    lastRevision: bigint,
  ): Promise<AppendResult | undefined> {
    const first = lastRevision - BigInt(events.length) + 1n;
    if (first >= 0n) {
      const batch = await this.readStream(streamName, { fromRevision: first, maxCount: events.length });
      if (batch.length === events.length && batch.every((event, index) => event.id === events[index].id))
        return asDuplicate(batch);
    }
    const ids = new Set(events.map((event) => event.id));
    const stored = (await this.readStream(streamName)).filter((event) => ids.has(event.id));
    return stored.length === ids.size ? asDuplicate(stored) : undefined;
  }

  private translate(error: unknown): unknown {
    return isUnavailable(error) ? unavailable(this.options.connectionString, error) : error;
  }
}

/** Connects and proves that the server answers, within the start-up timeout. */
export async function connectEsdbEventStore(options: EsdbEventStoreOptions): Promise<EsdbEventStore> {
  let client: EventStoreDBClient;
  try {
    client = EventStoreDBClient.connectionString(options.connectionString);
  } catch (error) {
    throw new EventStoreUnavailableError(
      `ESDB_CONNECTION_STRING is not a valid EventStoreDB connection string (${errorText(error)}); ` +
        "expected e.g. 'esdb://localhost:2113?tls=false'",
      { cause: error },
    );
  }
  try {
    await verifyReachable(client, options);
  } catch (error) {
    await disposeWithin(client, DISPOSE_GRACE_MILLISECONDS);
    throw error;
  }
  return new EsdbEventStore(client, options);
}

/**
 * Reads one record of $all: proves the server answers and that this user may
 * read $all, which readAll and subscriptions need. The client's own deadline
 * does not apply to streaming reads, hence the timer.
 */
async function verifyReachable(client: EsdbClient, options: EsdbEventStoreOptions): Promise<void> {
  const timeout = options.startupTimeoutMilliseconds ?? DEFAULT_STARTUP_TIMEOUT_MILLISECONDS;
  const read = client.readAll({ maxCount: 1, fromPosition: START });
  let timer: NodeJS.Timeout | undefined;
  const probe = (async () => {
    for await (const _ of read) break;
  })();
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), timeout);
  });
  try {
    const outcome = await Promise.race([probe, expired]);
    if (outcome === 'expired') {
      probe.catch(() => undefined);
      read.cancel().catch(() => undefined);
      throw new EventStoreUnavailableError(
        `EventStoreDB at ${describeAddresses(options.connectionString)} did not answer within ${timeout} ms. ${whatToCheck(options.connectionString)}`,
      );
    }
  } catch (error) {
    if (error instanceof EventStoreUnavailableError) throw error;
    if (isUnavailable(error)) throw unavailable(options.connectionString, error);
    if ((error as { type?: string }).type === 'access-denied') {
      throw new EventStoreUnavailableError(
        `EventStoreDB at ${describeAddresses(options.connectionString)} refused to let this user read $all (${errorText(error)}). ` +
          'The adapter reads $all for projections and subscriptions: connect as a member of $admins or $ops, or grant read access to $all.',
        { cause: error },
      );
    }
    throw new EventStoreUnavailableError(
      `EventStoreDB at ${describeAddresses(options.connectionString)} failed the start-up check: ${errorText(error)}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

async function disposeWithin(client: EsdbClient, milliseconds: number): Promise<void> {
  // dispose() waits for every open gRPC call to finish: never let it hold up shutdown.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    client.dispose().catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, milliseconds);
    }),
  ]);
  clearTimeout(timer);
}

function isUnavailable(error: unknown): boolean {
  const { code, type } = (error ?? {}) as { code?: unknown; type?: unknown };
  // 14 UNAVAILABLE and 4 DEADLINE_EXCEEDED: appends fail with the raw gRPC error, reads with the client's wrappers.
  if (code === 14 || code === 4) return true;
  if (type === 'unavailable' || type === 'deadline-exceeded' || type === 'timeout') return true;
  return error instanceof Error && /Failed to discover/.test(error.message);
}

function unavailable(connectionString: string, cause: unknown): EventStoreUnavailableError {
  return new EventStoreUnavailableError(
    `EventStoreDB at ${describeAddresses(connectionString)} is unreachable (${errorText(cause)}). ${whatToCheck(connectionString)}`,
    { cause },
  );
}

function whatToCheck(connectionString: string): string {
  const tls = /[?&]tls=false(&|$)/i.test(connectionString)
    ? 'that the node runs insecure (EVENTSTORE_INSECURE=true), as tls=false in the connection string requires'
    : 'that the node has TLS enabled, as the connection string asks by default (an insecure node needs tls=false)';
  return `Check that the server is running and reachable from here, ${tls}, and that no firewall or proxy blocks the port.`;
}

/** The host:port list of a connection string, without credentials. */
export function describeAddresses(connectionString: string): string {
  const match = /^[a-z+]+:\/\/(?:[^@/]*@)?([^/?]+)/i.exec(connectionString);
  return match ? match[1].split(',').join(', ') : connectionString;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  // grpc-js ends its messages with an empty 'Resolution note: '.
  return text.replace(/\.?\s*Resolution note:\s*$/, '');
}

function assertExpectation(streamName: string, expected: ExpectedRevision, current: bigint | undefined): void {
  const refused =
    (expected === 'no_stream' && current !== undefined) ||
    (expected === 'stream_exists' && current === undefined) ||
    (typeof expected === 'bigint' && current !== expected);
  if (refused) throw new WrongExpectedRevisionError(streamName, expected, current ?? 'no_stream');
}

function asDuplicate(stored: readonly RecordedEvent[]): AppendResult {
  const last = stored.reduce((latest, event) => (event.streamRevision > latest.streamRevision ? event : latest));
  return { streamRevision: last.streamRevision, position: last.position, duplicate: true };
}

function toEsdbExpectation(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return expected;
}

function toActualRevision(actual: unknown): bigint | 'no_stream' {
  return typeof actual === 'bigint' && actual >= 0n ? actual : 'no_stream';
}

function toGlobalPosition(position: Position): GlobalPosition {
  return { commit: position.commit, prepare: position.prepare };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, (character) => `\\${character}`);
}

/**
 * The server applies one filter; the adapter re-checks the whole filter on
 * every event. Anchored regexes, not prefixes: a category is the name before
 * the first '-', and a prefix 'Alpha' would also match event type 'AlphaBeta'.
 */
export function serverFilter(filter: EventFilter | undefined): Filter {
  if (filter?.streamCategories) {
    const categories = filter.streamCategories.map(escapeRegex).join('|');
    return streamNameFilter({ regex: `^(?:${categories})(?:-|$)` });
  }
  if (filter?.eventTypes) {
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  }
  return eventTypeFilter({ regex: '^[^$]' });
}

/** System records in $all: stream metadata, links, statistics, projection state. */
function isSystemEvent(event: { readonly streamId: string; readonly type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

function toEventData(event: NewEvent): EventData {
  const metadata: StoredMetadata = {
    ...event.metadata,
    schemaVersion: event.schemaVersion,
    $correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId ? { $causationId: event.metadata.causationId } : {}),
  };
  return jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata });
}

type EsdbRecordedEvent = NonNullable<ResolvedEvent['event']>;

export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  if (!event.position) {
    throw new Error(
      'EventStoreDB returned an event without its position: the adapter needs EventStoreDB 22.6 or later',
    );
  }
  const stored: Record<string, unknown> =
    event.metadata &&
    typeof event.metadata === 'object' &&
    !(event.metadata instanceof Uint8Array) &&
    !Array.isArray(event.metadata)
      ? (event.metadata as Record<string, unknown>)
      : {};
  const { schemaVersion, $correlationId: _correlation, $causationId: _causation, ...metadata } = stored;
  return {
    id: event.id,
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: event.data,
    metadata: metadata as EventMetadata,
    streamName: event.streamId,
    streamRevision: event.revision,
    position: toGlobalPosition(event.position),
    recordedAt: event.created,
  };
}
