import { streamCategory } from './stream-name';

/**
 * The event store port: the only contract the rest of the product knows.
 * Adapters (PostgreSQL, EventStoreDB) must pass the conformance suite in
 * `testing/event-store.conformance.ts`.
 */

/** A stream's revision is the zero-based index of its last event. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/**
 * A position in the global log. Two numbers, like EventStoreDB's
 * commit/prepare pair: the PostgreSQL adapter uses (writing transaction id,
 * sequence number) so that the order is the commit-safe one (see
 * docs/event-store-postgres.md). Compare only with `comparePositions`.
 */
export type GlobalPosition = { readonly commit: bigint; readonly prepare: bigint };

export type EventMetadata = {
  /** Who caused the fact: a user id, a service account, a webhook source. */
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId?: string;
  /** The channel the fact came in by: api, cli, alertmanager, import:<file>. */
  readonly source: string;
};

export type NewEvent = {
  /** UUID; appending an id that is already stored is a no-op (idempotency). */
  readonly id: string;
  /** Permanent, past-tense name. Never derived from a class name. */
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
};

export type RecordedEvent = NewEvent & {
  readonly streamName: string;
  readonly streamRevision: bigint;
  readonly position: GlobalPosition;
  readonly recordedAt: Date;
};

export type AppendResult = {
  /** Revision of the stream's last event after the append; -1n for a stream still empty. */
  readonly streamRevision: bigint;
  /** Position of the last event appended (or, for a no-op, of the stored original). */
  readonly position: GlobalPosition | null;
  /** True when every event id was already stored: nothing new was written. */
  readonly duplicate: boolean;
};

export type ReadStreamOptions = {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the first (forwards) or last (backwards) event. */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
};

export type EventFilter = {
  /** Stream categories: the part of the stream name before the first '-' (see `streamName`). */
  readonly streamCategories?: readonly string[];
  readonly eventTypes?: readonly string[];
};

export type ReadAllOptions = {
  /** Exclusive: read events after this position. Omit to read from the start. */
  readonly after?: GlobalPosition;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
};

export type AllPage = {
  readonly events: readonly RecordedEvent[];
  /**
   * Where the next page starts (pass as `after`). May lie beyond the last
   * event returned when the adapter knows that nothing before it can still
   * appear (filtered reads skip ahead this way).
   */
  readonly checkpoint: GlobalPosition | undefined;
  /** True when the read reached the end of what is safely readable now. */
  readonly isEnd: boolean;
};

export type SubscribeOptions = {
  readonly after?: GlobalPosition;
  readonly filter?: EventFilter;
};

export type EventSubscription = AsyncIterable<RecordedEvent> & {
  close(): Promise<void>;
};

export type EventStore = {
  readonly adapterName: string;
  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<AllPage>;
  /** Catches up from `after`, then follows the log live until closed. */
  subscribeToAll(options?: SubscribeOptions): EventSubscription;
  /** Throws a clear error when the backing store cannot be reached. */
  checkHealth(): Promise<void>;
  close(): Promise<void>;
};

export const START_POSITION: GlobalPosition = Object.freeze({ commit: 0n, prepare: 0n });

export function comparePositions(a: GlobalPosition, b: GlobalPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function formatPosition(position: GlobalPosition): string {
  return `${position.commit}/${position.prepare}`;
}

export function parsePosition(text: string): GlobalPosition {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new Error(`not a global position: '${text}' (expected '<commit>/<prepare>')`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

export function matchesFilter(event: RecordedEvent, filter: EventFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  if (filter.streamCategories && !filter.streamCategories.includes(streamCategory(event.streamName))) {
    return false;
  }
  return true;
}
