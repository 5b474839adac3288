import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ServiceCatalogueReader } from '@sla/catalogue-read-models';
import {
  DomainError,
  PartialDuplicateError,
  deterministicUuid,
  checkOccurredAt,
  handleCommand,
  inAnyOrder,
  toDomainEvent,
  toSchemaIssues,
  type Decider,
  type DomainEvent,
  type EventDefinition,
  type EventMetadata,
  type EventStore,
  type NewEvent,
} from '@sla/event-sourcing';
import {
  maintenanceWindowDecider,
  maintenanceWindowEventDefinitions,
  maintenanceWindowStreamName,
  outageDecider,
  outageEventDefinitions,
  outageStreamName,
  ticketDecider,
  ticketEventDefinitions,
  ticketStreamName,
} from '@sla/operations-domain';
import { factBodyDocumentation, pathOfNulCharacter, RequestValidationError, type Clock } from '@sla/nest-platform';
import { DeliveryConflictError, deliveryDifferences, requireSameDelivery } from './delivery-conflict';

/**
 * One delivery of one operational fact, from whatever path it came (REST,
 * webhook, file import): `source` + `externalId` identify the delivery, so a
 * redelivery is stored once, and must carry the same fact (type, data, the
 * record's id) or is refused as a DELIVERY_CONFLICT; `data` is validated
 * against the fact type's event schema, with the record's id taken from the
 * path or row.
 */
export const factDeliverySchema = z.strictObject({
  source: z.string().trim().min(1).max(100),
  externalId: z.string().trim().min(1).max(200),
  type: z.string().min(1).max(100),
  data: z.record(z.string(), z.unknown()),
});
export type FactDelivery = z.infer<typeof factDeliverySchema>;

export type FactKind = 'ticket' | 'outage' | 'maintenance';
export type RecordedFact = { readonly streamRevision: bigint; readonly duplicate: boolean };
/** One fact's outcome in `recordAll`: what `record` would have returned, or the error it would have thrown. */
export type SettledFact = { readonly recorded: RecordedFact } | { readonly error: unknown };

type KindRules = {
  readonly idField: string;
  readonly definitions: readonly EventDefinition[];
  readonly streamName: (id: string) => string;
  readonly decider: Decider<{ type: string; fact: DomainEvent }, DomainEvent, unknown>;
  readonly commandType: string;
  /** The fact type that names a service, which must be in the catalogue. */
  readonly opening: string;
};

const kinds: Record<FactKind, KindRules> = {
  ticket: {
    idField: 'ticketId',
    definitions: ticketEventDefinitions,
    streamName: ticketStreamName,
    decider: ticketDecider as never,
    commandType: 'RecordTicketFact',
    opening: 'TicketOpened',
  },
  outage: {
    idField: 'outageId',
    definitions: outageEventDefinitions,
    streamName: outageStreamName,
    decider: outageDecider as never,
    commandType: 'RecordOutageFact',
    opening: 'OutageStarted',
  },
  maintenance: {
    idField: 'windowId',
    definitions: maintenanceWindowEventDefinitions,
    streamName: maintenanceWindowStreamName,
    decider: maintenanceWindowDecider as never,
    commandType: 'RecordMaintenanceWindowFact',
    opening: 'MaintenanceWindowScheduled',
  },
};

export const factTypesOf = (kind: FactKind) =>
  kinds[kind].definitions.map((definition) => definition.type) as [string, ...string[]];

/** The OpenAPI body of a kind's fact endpoint: one variant per fact type, each with its own `data` schema. */
export const factDeliveryDocumentation = (kind: FactKind) =>
  factBodyDocumentation(kinds[kind].definitions, {
    pathField: kinds[kind].idField,
    envelope: { source: factDeliverySchema.shape.source, externalId: factDeliverySchema.shape.externalId },
  });

export class UnknownServiceError extends DomainError {
  readonly code = 'UNKNOWN_SERVICE';
  readonly kind = 'rule_violated' as const;
}

export class FactIntake {
  private readonly services: ServiceCatalogueReader;

  constructor(
    private readonly store: EventStore,
    readStore: Kysely<any>,
    private readonly clock: Clock,
  ) {
    this.services = new ServiceCatalogueReader(readStore);
  }

  /** Validates, checks the service, decides and appends; throws RequestValidationError or a DomainError. */
  async record(kind: FactKind, id: string, delivery: FactDelivery, metadata: EventMetadata): Promise<RecordedFact> {
    const rules = kinds[kind];
    const { fact, eventId, deliveryName } = await this.prepare(kind, id, delivery);
    const streamName = rules.streamName(id);
    let outcome: { streamRevision: bigint; duplicate: boolean };
    try {
      outcome = await handleCommand(
        this.store,
        streamName,
        rules.decider,
        { type: rules.commandType, fact },
        {
          metadata: { ...metadata, source: delivery.source },
          eventIds: [eventId],
          // Operations facts arrive in any order by design: only a fact from the future is refused.
          occurredAt: inAnyOrder(this.clock),
        },
      );
    } catch (error) {
      throw this.conflictOfOtherRecord(kind, id, eventId, deliveryName, error);
    }
    if (outcome.duplicate) await requireSameDelivery(this.store, streamName, eventId, fact, deliveryName);
    return { streamRevision: outcome.streamRevision, duplicate: outcome.duplicate };
  }

  /**
   * Records several facts of one record, in the given order, with the outcome `record` would give each one called
   * after the other: the stream is read once, each fact is decided on the state the facts before it left, and all
   * new events are appended in one transaction (at the revision read). When that append is refused (another writer
   * moved the stream, an id stored in another stream, a schema violation), the facts are recorded one by one instead,
   * so each gets exactly `record`'s answer. A refused fact settles with its error; the others go on.
   */
  async recordAll(
    kind: FactKind,
    id: string,
    deliveries: readonly FactDelivery[],
    metadata: EventMetadata,
  ): Promise<SettledFact[]> {
    const rules = kinds[kind];
    const streamName = rules.streamName(id);
    const settled: SettledFact[] = new Array(deliveries.length);
    const prepared: { index: number; fact: DomainEvent; eventId: string; deliveryName: string }[] = [];
    const invalid = new Map<number, SettledFact>();
    for (const [index, delivery] of deliveries.entries()) {
      try {
        prepared.push({ index, ...(await this.prepare(kind, id, delivery)) });
      } catch (error) {
        invalid.set(index, { error });
        settled[index] = { error };
      }
    }
    const history = await this.store.readStream(streamName);
    const stored = new Map(history.map((event) => [event.id, event]));
    const decider = rules.decider;
    let state = history.reduce(
      (current, event) => decider.evolve(current, toDomainEvent(event)),
      decider.initialState(),
    );
    const revision = history.length === 0 ? -1n : history[history.length - 1]!.streamRevision;
    const earlier: DomainEvent[] = history.map(toDomainEvent);
    const pending: NewEvent[] = [];
    const pendingIds = new Set<string>();
    const bounds = inAnyOrder(this.clock);
    for (const [position, { index, fact, eventId, deliveryName }] of prepared.entries()) {
      const delivery = deliveries[index]!;
      if (pendingIds.has(eventId)) {
        // A redelivery of a fact of this very batch: store the batch, then take the rest one by one.
        if (!(await this.appendPending(streamName, pending, revision)))
          return this.oneByOne(kind, id, deliveries, metadata, invalid);
        for (const rest of prepared.slice(position)) {
          settled[rest.index] = await this.settle(() => this.record(kind, id, deliveries[rest.index]!, metadata));
        }
        return settled;
      }
      const original = stored.get(eventId);
      if (original) {
        const differences = deliveryDifferences({ type: original.type, data: original.data }, fact);
        settled[index] =
          differences.length > 0
            ? { error: new DeliveryConflictError(deliveryName, differences) }
            : { recorded: { streamRevision: revision + BigInt(pending.length), duplicate: true } };
        continue;
      }
      try {
        const newEvents = decider.decide({ type: rules.commandType, fact }, state);
        if (newEvents.length > 0) checkOccurredAt(earlier, newEvents, bounds);
        for (const [eventIndex, event] of newEvents.entries()) {
          pending.push({
            id: eventIndex === 0 ? eventId : randomUUID(),
            type: event.type,
            schemaVersion: 0,
            data: event.data,
            metadata: { ...metadata, source: delivery.source },
          });
          earlier.push(event);
          state = decider.evolve(state, event);
        }
        pendingIds.add(eventId);
        settled[index] = { recorded: { streamRevision: revision + BigInt(pending.length), duplicate: false } };
      } catch (error) {
        settled[index] = { error };
      }
    }
    if (!(await this.appendPending(streamName, pending, revision)))
      return this.oneByOne(kind, id, deliveries, metadata, invalid);
    return settled;
  }

  /** Appends the batch at the revision it was decided on; false when the store refused it (nothing was written). */
  private async appendPending(streamName: string, pending: NewEvent[], revision: bigint): Promise<boolean> {
    if (pending.length === 0) return true;
    try {
      await this.store.appendToStream(streamName, pending, revision === -1n ? 'no_stream' : revision);
    } catch {
      return false;
    }
    pending.length = 0;
    return true;
  }

  /** `record` for each delivery that passed the checks that need no stream (the others keep their error). */
  private async oneByOne(
    kind: FactKind,
    id: string,
    deliveries: readonly FactDelivery[],
    metadata: EventMetadata,
    invalid: ReadonlyMap<number, SettledFact>,
  ): Promise<SettledFact[]> {
    const result: SettledFact[] = [];
    for (const [index, delivery] of deliveries.entries()) {
      result.push(invalid.get(index) ?? (await this.settle(() => this.record(kind, id, delivery, metadata))));
    }
    return result;
  }

  private async settle(work: () => Promise<RecordedFact>): Promise<SettledFact> {
    try {
      return { recorded: await work() };
    } catch (error) {
      return { error };
    }
  }

  /** The checks that need no stream: a known fact type, storable text, the schema, a service in the catalogue. */
  private async prepare(kind: FactKind, id: string, delivery: FactDelivery) {
    const rules = kinds[kind];
    const definition = rules.definitions.find((candidate) => candidate.type === delivery.type);
    if (!definition) {
      throw new RequestValidationError('body', [
        { path: 'type', message: `not a ${kind} fact: expected one of ${factTypesOf(kind).join(', ')}` },
      ]);
    }
    // File imports do not pass the HTTP checks: PostgreSQL cannot store U+0000.
    const nulAt = pathOfNulCharacter({ id, ...delivery });
    if (nulAt !== undefined)
      throw new RequestValidationError('body', [
        { path: nulAt, message: 'contains the character U+0000, which cannot be stored' },
      ]);
    const parsed = definition.schema.safeParse({ ...delivery.data, [rules.idField]: id });
    if (!parsed.success) throw new RequestValidationError('body', toSchemaIssues(parsed.error, 'data'));
    const fact = { type: delivery.type, data: parsed.data } as DomainEvent;
    if (fact.type === rules.opening) await this.requireService((fact.data as { serviceId: string }).serviceId);
    const deliveryName = `${delivery.source}/${delivery.externalId}`;
    return { fact, eventId: deterministicUuid(deliveryName), deliveryName };
  }

  /** The id is stored in another stream: the same delivery was a fact of another record. */
  private conflictOfOtherRecord(kind: FactKind, id: string, eventId: string, deliveryName: string, error: unknown) {
    if (error instanceof PartialDuplicateError && error.duplicateIds.includes(eventId)) {
      const differences = [{ path: `data.${kinds[kind].idField}`, stored: undefined, sent: id }];
      const explanation = `it is a fact of another ${kind}, not of ${kind} ${id}`;
      return new DeliveryConflictError(deliveryName, differences, explanation);
    }
    return error;
  }

  private async requireService(serviceId: string): Promise<void> {
    if (!(await this.services.isNotRetired(serviceId)))
      throw new UnknownServiceError(`service '${serviceId}' is not in the catalogue (or retired)`);
  }
}
