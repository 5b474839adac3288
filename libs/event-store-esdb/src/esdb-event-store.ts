import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type Filter,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
  comparePositions,
  matchesFilter,
  type AllPage,
  type AppendResult,
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

export type EsdbEventStoreOptions = {
  readonly connectionString: string;
  /** Start-up and health checks give up after this long: a silent peer can otherwise hang for minutes. */
  readonly startupTimeoutMilliseconds?: number;
};

type StoredMetadata = EventMetadata & {
  schemaVersion: number;
  // Recognised by EventStoreDB's own projections.
  $correlationId: string;
  $causationId?: string;
};

const SCAN_CHUNK = 1_000;

/**
 * EventStoreDB behind the EventStore port. The only place that imports
 * `@eventstore/db-client`, so a switch to its KurrentDB successor touches
 * one folder.
 */
export class EsdbEventStore implements EventStore {
  readonly adapterName = 'eventstoredb';

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbEventStoreOptions,
  ) {}

  async appendToStream(streamName: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const before = await this.lastEvent(streamName);
    if (events.length === 0) {
      this.checkExpectation(streamName, expected, before?.streamRevision);
      return { streamRevision: before?.streamRevision ?? -1n, position: before?.position ?? null, duplicate: false };
    }
    try {
      const result = await this.client.appendToStream(
        streamName,
        events.map((event) =>
          jsonEvent({
            id: event.id,
            type: event.type,
            data: event.data as Record<string, unknown>,
            metadata: toStoredMetadata(event),
          }),
        ),
        { expectedRevision: toEsdbExpectation(expected) },
      );
      // The server answers a repeated event id (within its window) with success but writes nothing.
      if (before && result.nextExpectedRevision <= before.streamRevision) {
        const original = await this.findStored(streamName, events);
        if (original) return { ...original, duplicate: true };
      }
      return {
        streamRevision: result.nextExpectedRevision,
        position: result.position ? { commit: result.position.commit, prepare: result.position.prepare } : null,
        duplicate: false,
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const original = await this.findStored(streamName, events);
        if (original) return { ...original, duplicate: true };
        const actual = error.actualVersion;
        throw new WrongExpectedRevisionError(streamName, expected, typeof actual === 'bigint' ? actual : 'no_stream');
      }
      throw this.translate(error);
    }
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
        const event = toRecordedEvent(resolved);
        if (event) read.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw this.translate(error);
    }
    return read;
  }

  async readAll(options: ReadAllOptions = {}): Promise<AllPage> {
    const maxCount = options.maxCount ?? 1_000;
    const events: RecordedEvent[] = [];
    let scanned: GlobalPosition | undefined = options.after;
    // $all holds system events too; scan in chunks and keep ours that match.
    for (;;) {
      let seenInChunk = 0;
      try {
        for await (const resolved of this.client.readAll({
          fromPosition: scanned ?? START,
          maxCount: SCAN_CHUNK,
          direction: FORWARDS,
        })) {
          seenInChunk += 1;
          const position = resolved.event?.position;
          if (!position) continue;
          if (scanned && comparePositions(position, scanned) <= 0) continue;
          scanned = { commit: position.commit, prepare: position.prepare };
          const event = toRecordedEvent(resolved);
          if (event && matchesFilter(event, options.filter)) {
            events.push(event);
            if (events.length === maxCount) return { events, checkpoint: scanned, isEnd: false };
          }
        }
      } catch (error) {
        throw this.translate(error);
      }
      if (seenInChunk < SCAN_CHUNK) return { events, checkpoint: scanned, isEnd: true };
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    const subscription = this.client.subscribeToAll({
      fromPosition: options.after ?? START,
      filter: serverFilter(options),
    });
    const after = options.after;
    async function* iterate(): AsyncGenerator<RecordedEvent> {
      for await (const resolved of subscription) {
        const position = resolved.event?.position;
        if (!position || (after && comparePositions(position, after) <= 0)) continue;
        const event = toRecordedEvent(resolved);
        if (event && matchesFilter(event, options.filter)) yield event;
      }
    }
    const iterator = iterate();
    return {
      async close() {
        await subscription.unsubscribe();
        await iterator.return(undefined);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
  }

  async checkHealth(): Promise<void> {
    await verifyReachable(this.client, this.options);
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private async lastEvent(streamName: string): Promise<RecordedEvent | undefined> {
    const [last] = await this.readStream(streamName, { direction: 'backwards', maxCount: 1 });
    return last;
  }

  private checkExpectation(streamName: string, expected: ExpectedRevision, current: bigint | undefined): void {
    const refused =
      (expected === 'no_stream' && current !== undefined) ||
      (expected === 'stream_exists' && current === undefined) ||
      (typeof expected === 'bigint' && current !== expected);
    if (refused) throw new WrongExpectedRevisionError(streamName, expected, current ?? 'no_stream');
  }

  /** Where the given events already sit in the stream, if all of them do. */
  private async findStored(streamName: string, events: readonly NewEvent[]) {
    const ids = new Set(events.map((event) => event.id));
    const stored = (await this.readStream(streamName)).filter((event) => ids.has(event.id));
    if (stored.length !== ids.size) return undefined;
    const last = stored[stored.length - 1];
    return { streamRevision: last.streamRevision, position: last.position };
  }

  private translate(error: unknown): unknown {
    const code = (error as { code?: number; type?: string }).code;
    const type = (error as { type?: string }).type;
    if (code === 14 || type === 'unavailable' || type === 'deadline-exceeded') {
      return unavailable(this.options.connectionString, error);
    }
    return error;
  }
}

/** Connects and proves that the server answers, within the start-up timeout. */
export async function connectEsdbEventStore(options: EsdbEventStoreOptions): Promise<EsdbEventStore> {
  let client: EventStoreDBClient;
  try {
    client = EventStoreDBClient.connectionString(options.connectionString);
  } catch (error) {
    throw new EventStoreUnavailableError(
      `ESDB_CONNECTION_STRING is not a valid EventStoreDB connection string (${(error as Error).message})`,
      { cause: error },
    );
  }
  try {
    await verifyReachable(client, options);
  } catch (error) {
    await Promise.race([client.dispose().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 500).unref())]);
    throw error;
  }
  return new EsdbEventStore(client, options);
}

async function verifyReachable(client: EventStoreDBClient, options: EsdbEventStoreOptions): Promise<void> {
  const timeout = options.startupTimeoutMilliseconds ?? 5_000;
  let timer: NodeJS.Timeout | undefined;
  const probe = (async () => {
    for await (const _ of client.readAll({ maxCount: 1, fromPosition: START, deadline: timeout })) break;
  })();
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeout} ms`)), timeout);
  });
  try {
    await Promise.race([probe, expired]);
  } catch (error) {
    probe.catch(() => undefined);
    throw unavailable(options.connectionString, error);
  } finally {
    clearTimeout(timer);
  }
}

function unavailable(connectionString: string, cause: unknown): EventStoreUnavailableError {
  return new EventStoreUnavailableError(
    `EventStoreDB at ${describeAddresses(connectionString)} did not answer (${cause instanceof Error ? cause.message : String(cause)}). ` +
      'Check that the server is running and reachable from here, that the connection string matches its TLS mode ' +
      '(tls=false for an insecure node), and that no firewall or proxy swallows the connection.',
    { cause },
  );
}

export function describeAddresses(connectionString: string): string {
  const match = /^[a-z+]+:\/\/(?:[^@/]*@)?([^/?]+)/i.exec(connectionString);
  return match ? match[1].split(',').join(', ') : connectionString;
}

function toEsdbExpectation(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return expected;
}

function serverFilter(options: SubscribeOptions): Filter | undefined {
  // The server takes one filter; the other is applied here.
  if (options.filter?.streamCategories) {
    return streamNameFilter({ prefixes: options.filter.streamCategories.map((category) => `${category}-`) });
  }
  if (options.filter?.eventTypes) return eventTypeFilter({ prefixes: [...options.filter.eventTypes] });
  return eventTypeFilter({ regex: '^[^$]' });
}

function toStoredMetadata(event: NewEvent): StoredMetadata {
  return {
    ...event.metadata,
    schemaVersion: event.schemaVersion,
    $correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId ? { $causationId: event.metadata.causationId } : {}),
  };
}

function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson || event.type.startsWith('$') || event.streamId.startsWith('$') || !event.position) {
    return undefined;
  }
  const { schemaVersion, $correlationId: _correlation, $causationId: _causation, ...metadata } =
    (event.metadata ?? {}) as StoredMetadata;
  return {
    id: event.id,
    type: event.type,
    schemaVersion: schemaVersion ?? 1,
    data: event.data,
    metadata: metadata as EventMetadata,
    streamName: event.streamId,
    streamRevision: event.revision,
    position: { commit: event.position.commit, prepare: event.position.prepare },
    recordedAt: event.created,
  };
}
