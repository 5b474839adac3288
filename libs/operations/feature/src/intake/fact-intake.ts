import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ServiceCatalogueReader } from '@sla/catalogue-read-models';
import {
  DomainError,
  PartialDuplicateError,
  deterministicUuid,
  handleCommand,
  inAnyOrder,
  toSchemaIssues,
  type Decider,
  type DomainEvent,
  type EventDefinition,
  type EventMetadata,
  type EventStore,
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
import { DeliveryConflictError, requireSameDelivery } from './delivery-conflict';

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
    const streamName = rules.streamName(id);
    const deliveryName = `${delivery.source}/${delivery.externalId}`;
    const eventId = deterministicUuid(deliveryName);
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
      // The id is stored in another stream: the same delivery was a fact of another record.
      if (error instanceof PartialDuplicateError && error.duplicateIds.includes(eventId)) {
        const differences = [{ path: `data.${rules.idField}`, stored: undefined, sent: id }];
        const explanation = `it is a fact of another ${kind}, not of ${kind} ${id}`;
        throw new DeliveryConflictError(deliveryName, differences, explanation);
      }
      throw error;
    }
    if (outcome.duplicate) await requireSameDelivery(this.store, streamName, eventId, fact, deliveryName);
    return { streamRevision: outcome.streamRevision, duplicate: outcome.duplicate };
  }

  private async requireService(serviceId: string): Promise<void> {
    if (!(await this.services.isNotRetired(serviceId)))
      throw new UnknownServiceError(`service '${serviceId}' is not in the catalogue (or retired)`);
  }
}
