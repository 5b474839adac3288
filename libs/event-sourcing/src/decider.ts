import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from './event-store.errors';
import type { EventMetadata, EventStore, NewEvent, RecordedEvent } from './event-store.port';
import { checkOccurredAt, type OccurredAtBounds } from './occurred-at-bounds';

/** An event as the domain sees it: a past-tense fact and its data. */
export type DomainEvent<Type extends string = string, Data = unknown> = {
  readonly type: Type;
  readonly data: Data;
};

/**
 * The decider pattern: pure functions, no I/O. `decide` may throw a domain
 * error to refuse the command.
 */
export type Decider<Command, Event extends DomainEvent, State> = {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => readonly Event[];
};

export type CommandOutcome<Event extends DomainEvent, State> = {
  readonly newEvents: readonly Event[];
  readonly newState: State;
  /** Revision of the stream after the command; -1n if it is still empty. */
  readonly streamRevision: bigint;
  /** The given event ids were all stored already: a redelivery, nothing decided or written. */
  readonly duplicate: boolean;
};

export type HandleCommandOptions = {
  readonly metadata: EventMetadata;
  /** Deterministic ids make a retried command idempotent; defaults to random UUIDs. */
  readonly eventIds?: readonly string[];
  /**
   * The revision the client last saw (HTTP If-Match). A stream that has
   * moved since is refused before deciding, so nobody acts on stale state.
   */
  readonly expectedRevision?: bigint;
  /** Bounds on the new events' `occurredAt` (see occurred-at-bounds.ts); checked before appending. */
  readonly occurredAt?: OccurredAtBounds;
};

/**
 * Loads one stream, folds it, decides, and appends with the revision that
 * was read: a concurrent writer makes the append fail with
 * WrongExpectedRevisionError instead of losing an update.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  streamName: string,
  decider: Decider<Command, Event, State>,
  /** The command, or a function that completes it from the current state (e.g. with data read elsewhere). */
  command: Command | ((state: State) => Promise<Command>),
  options: HandleCommandOptions,
): Promise<CommandOutcome<Event, State>> {
  const history = await store.readStream(streamName);
  const state = history.reduce(
    (current, recorded) => decider.evolve(current, toDomainEvent<Event>(recorded)),
    decider.initialState(),
  );
  const revision = history.length === 0 ? -1n : history[history.length - 1].streamRevision;
  if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
    throw new WrongExpectedRevisionError(
      streamName,
      options.expectedRevision,
      revision === -1n ? 'no_stream' : revision,
    );
  }
  // A redelivered command (same derived event ids) is answered before deciding:
  // deciding again could refuse it (closing twice) although it is simply a repeat.
  if (options.eventIds && options.eventIds.length > 0) {
    const stored = new Set(history.map((event) => event.id));
    if (options.eventIds.every((id) => stored.has(id))) {
      return { newEvents: [], newState: state, streamRevision: revision, duplicate: true };
    }
  }
  const complete =
    typeof command === 'function' ? await (command as (state: State) => Promise<Command>)(state) : command;
  const newEvents = decider.decide(complete, state);
  if (newEvents.length === 0) return { newEvents, newState: state, streamRevision: revision, duplicate: false };
  if (options.occurredAt) checkOccurredAt(history, newEvents, options.occurredAt);

  const toStore: NewEvent[] = newEvents.map((event, index) => ({
    id: options.eventIds?.[index] ?? randomUUID(),
    type: event.type,
    // The schema-checked store stamps the current version; 0 marks "not yet set".
    schemaVersion: 0,
    data: event.data,
    metadata: options.metadata,
  }));
  const result = await store.appendToStream(streamName, toStore, revision === -1n ? 'no_stream' : revision);
  return {
    newEvents,
    newState: newEvents.reduce(decider.evolve, state),
    streamRevision: result.streamRevision,
    duplicate: result.duplicate,
  };
}

export function toDomainEvent<Event extends DomainEvent>(recorded: RecordedEvent): Event {
  return { type: recorded.type, data: recorded.data } as Event;
}
