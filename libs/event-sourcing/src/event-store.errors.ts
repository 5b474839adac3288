import type { ExpectedRevision } from './event-store.port';

export type EventStoreErrorCode =
  | 'WRONG_EXPECTED_REVISION'
  | 'PARTIAL_DUPLICATE'
  | 'EVENT_SCHEMA_VIOLATION'
  | 'UNKNOWN_EVENT_TYPE'
  | 'EVENT_STORE_UNAVAILABLE';

export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;
}

/** Another writer changed the stream since it was read: reload and decide again. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION' as const;
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's revision when the append was refused; 'no_stream' if it does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`stream '${streamName}' is at revision ${String(actual)}, the append expected ${String(expected)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Some, not all, of an append's event ids are already stored (or stored in another stream). */
export class PartialDuplicateError extends EventStoreError {
  readonly code = 'PARTIAL_DUPLICATE' as const;
  constructor(
    readonly streamName: string,
    readonly duplicateIds: readonly string[],
  ) {
    super(
      `append to '${streamName}' repeats event ids already stored elsewhere or only in part: ${duplicateIds.join(', ')}`,
    );
    this.name = 'PartialDuplicateError';
  }
}

export type SchemaIssue = { readonly path: string; readonly message: string };

export class EventSchemaViolationError extends EventStoreError {
  readonly code = 'EVENT_SCHEMA_VIOLATION' as const;
  constructor(
    readonly eventType: string,
    readonly issues: readonly SchemaIssue[],
  ) {
    super(
      `event ${eventType} is invalid: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
    );
    this.name = 'EventSchemaViolationError';
  }
}

export class UnknownEventTypeError extends EventStoreError {
  readonly code = 'UNKNOWN_EVENT_TYPE' as const;
  constructor(readonly eventType: string) {
    super(`event type '${eventType}' has no registered schema`);
    this.name = 'UnknownEventTypeError';
  }
}

export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE_UNAVAILABLE' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}
