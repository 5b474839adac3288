import { deterministicUuid, type EventStore, type RecordedEvent } from '@sla/event-sourcing';

/** What a reactor may use besides the trigger: the schema-checked store, the injected clock and the log. */
export type ReactorContext = {
  readonly store: EventStore;
  readonly clock: { now(): Date };
  readonly log: (message: string) => void;
};

/**
 * Work that must follow an event, fed from the global log like a projection.
 * `react` appends the follow-up events of one trigger to the store; the
 * runner moves the reactor's checkpoint past the trigger only after `react`
 * resolved. A crash in between replays the trigger, so every follow-up must
 * carry an id derived from the trigger (`followUpEventId`): the replayed
 * append is then a no-op (handleCommand answers a stored id as a duplicate).
 * A follow-up the domain refuses is a final outcome: log it and resolve; a
 * rejection means "try again" and holds the reactor at that trigger.
 */
export type Reactor = {
  readonly name: string;
  /** Event types that trigger it. */
  readonly handles: readonly string[];
  readonly react: (trigger: RecordedEvent, context: ReactorContext) => Promise<void>;
};

/** The id of a follow-up event, derived from what triggered it and which follow-up it is. */
export function followUpEventId(triggerKey: string, followUp: string): string {
  return deterministicUuid(`${triggerKey}/${followUp}`);
}
