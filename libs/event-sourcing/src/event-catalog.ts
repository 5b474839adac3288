import { z } from 'zod';
import { EventSchemaViolationError, UnknownEventTypeError, type SchemaIssue } from './event-store.errors';
import type { EventMetadata, NewEvent, RecordedEvent } from './event-store.port';

/**
 * Turns the stored shape of version N into the shape of version N + 1. It
 * may use the envelope (e.g. recordedAt) for facts the old shape lacked.
 */
export type Upcaster = (data: unknown, envelope: RecordedEvent) => unknown;

export type EventDefinition<Type extends string = string, Data = unknown> = {
  readonly type: Type;
  /** The version written by this code. Older stored versions are upcast on read. */
  readonly schemaVersion: number;
  readonly schema: z.ZodType<Data>;
  /** `upcasters[n]` turns version n into version n + 1. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
};

/** The data type of an event definition: `EventDataOf<typeof AgreementDrafted>`. */
export type EventDataOf<Definition> = Definition extends { schema: z.ZodType<infer Data> } ? Data : never;

export function defineEvent<Type extends string, Data>(
  definition: EventDefinition<Type, Data>,
): EventDefinition<Type, Data> {
  for (let version = 1; version < definition.schemaVersion; version += 1) {
    if (!definition.upcasters?.[version]) {
      throw new Error(`${definition.type} v${definition.schemaVersion} has no upcaster from v${version}`);
    }
  }
  return definition;
}

export const eventMetadataSchema = z.object({
  actor: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).optional(),
  source: z.string().min(1),
});

export function toSchemaIssues(error: z.ZodError, prefix = ''): SchemaIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

/**
 * Every event type the product writes, with its zod schema. Appends are
 * validated against it; reads are upcast through it.
 */
export class EventCatalog {
  private readonly definitions = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[] = []) {
    for (const definition of definitions) this.register(definition);
  }

  register(definition: EventDefinition): void {
    const known = this.definitions.get(definition.type);
    if (known && known !== definition) throw new Error(`event type ${definition.type} registered twice`);
    this.definitions.set(definition.type, definition);
  }

  has(type: string): boolean {
    return this.definitions.has(type);
  }

  types(): string[] {
    return [...this.definitions.keys()];
  }

  /** Returns the event as it must be stored: data parsed, current schema version. */
  prepareForAppend(event: NewEvent): NewEvent {
    const definition = this.definitionOf(event.type);
    const issues: SchemaIssue[] = [];
    if (typeof event.id !== 'string' || !z.uuid().safeParse(event.id).success) {
      issues.push({ path: 'id', message: 'must be a UUID' });
    }
    const metadata = eventMetadataSchema.safeParse(event.metadata);
    if (!metadata.success) issues.push(...toSchemaIssues(metadata.error, 'metadata'));
    const data = definition.schema.safeParse(event.data);
    if (!data.success) issues.push(...toSchemaIssues(data.error, 'data'));
    if (issues.length > 0 || !data.success || !metadata.success) {
      throw new EventSchemaViolationError(event.type, issues);
    }
    return {
      id: event.id,
      type: event.type,
      schemaVersion: definition.schemaVersion,
      data: data.data,
      metadata: metadata.data as EventMetadata,
    };
  }

  /**
   * What is wrong with a stored event by this catalog, empty when nothing:
   * its type unknown, its metadata or id malformed, its data not parsed by
   * its schema (after upcasting an older version). The log sealer asks this
   * of every event before it signs a head over it.
   */
  storedEventIssues(event: RecordedEvent): SchemaIssue[] {
    if (!this.definitions.has(event.type)) return [{ path: 'type', message: `unknown event type ${event.type}` }];
    const issues: SchemaIssue[] = [];
    if (!z.uuid().safeParse(event.id).success) issues.push({ path: 'id', message: 'must be a UUID' });
    const metadata = eventMetadataSchema.safeParse(event.metadata);
    if (!metadata.success) issues.push(...toSchemaIssues(metadata.error, 'metadata'));
    const definition = this.definitionOf(event.type);
    try {
      const upcast = this.upcast(event);
      // upcast returns an event already at the current version unparsed.
      const data = definition.schema.safeParse(upcast.data);
      if (!data.success) issues.push(...toSchemaIssues(data.error, 'data'));
    } catch (error) {
      if (error instanceof EventSchemaViolationError) issues.push(...error.issues);
      else issues.push({ path: 'schemaVersion', message: error instanceof Error ? error.message : String(error) });
    }
    return issues;
  }

  /** Brings a stored event up to the current schema version of its type. */
  upcast(event: RecordedEvent): RecordedEvent {
    const definition = this.definitions.get(event.type);
    if (!definition || event.schemaVersion === definition.schemaVersion) return event;
    if (event.schemaVersion > definition.schemaVersion) {
      throw new Error(
        `${event.type} at ${event.streamName}@${event.streamRevision} has schema v${event.schemaVersion}, newer than this code (v${definition.schemaVersion})`,
      );
    }
    let data = event.data;
    for (let version = event.schemaVersion; version < definition.schemaVersion; version += 1) {
      data = definition.upcasters![version](data, event);
    }
    const parsed = definition.schema.safeParse(data);
    if (!parsed.success) throw new EventSchemaViolationError(event.type, toSchemaIssues(parsed.error, 'data'));
    return { ...event, schemaVersion: definition.schemaVersion, data: parsed.data };
  }

  private definitionOf(type: string): EventDefinition {
    const definition = this.definitions.get(type);
    if (!definition) throw new UnknownEventTypeError(type);
    return definition;
  }
}
