import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError, deterministicUuid, handleCommand, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import { ticketDecider, ticketEventDefinitions, ticketStreamName, type TicketEvent } from '@sla/operations-domain';
import { EVENT_STORE, READ_STORE, RequestMetadata, ZodValidationPipe, writeErrors, type RouteDocumentation } from '@sla/nest-platform';
import type { TicketTables } from './tickets.projection';

const ticketIdParameter = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'not a ticket id');
const FACT_TYPES = ticketEventDefinitions.map((definition) => definition.type) as [string, ...string[]];

/**
 * One fact from a tool: `source` + `externalId` identify the delivery, so a
 * retried delivery is stored once. `data` is validated against the fact
 * type's event schema (without the ticket id, which is in the path).
 */
const recordFactBody = z.strictObject({
  source: z.string().trim().min(1).max(100),
  externalId: z.string().trim().min(1).max(200),
  type: z.enum(FACT_TYPES),
  data: z.record(z.string(), z.unknown()),
});

export class RecordTicketFactCommand extends Command<{ ticketId: string; streamRevision: string; duplicate: boolean }> {
  constructor(
    readonly fact: TicketEvent,
    readonly deliveryId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

@CommandHandler(RecordTicketFactCommand)
export class RecordTicketFactHandler implements ICommandHandler<RecordTicketFactCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ fact, deliveryId, metadata }: RecordTicketFactCommand) {
    const outcome = await handleCommand(this.store, ticketStreamName(fact.data.ticketId), ticketDecider, { type: 'RecordTicketFact', fact }, { metadata, eventIds: [deliveryId] });
    return { ticketId: fact.data.ticketId, streamRevision: outcome.streamRevision.toString(), duplicate: outcome.duplicate };
  }
}

class UnknownServiceError extends DomainError {
  readonly code = 'UNKNOWN_SERVICE';
  readonly kind = 'rule_violated' as const;
}

/** Ticket facts from ticketing tools and people: never lost, never doubled. */
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_STORE) private readonly db: Kysely<TicketTables & { service_catalogue: { service_id: string; status: string } }>,
  ) {}

  @Post(':ticketId/facts')
  async record(
    @Param('ticketId', new ZodValidationPipe(ticketIdParameter, 'path')) ticketId: string,
    @Body(new ZodValidationPipe(recordFactBody)) body: z.infer<typeof recordFactBody>,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) response: { status(code: number): void },
  ) {
    const definition = ticketEventDefinitions.find((candidate) => candidate.type === body.type)!;
    const parsed = new ZodValidationPipe(definition.schema, 'body').transform({ ...body.data, ticketId });
    if (body.type === 'TicketOpened') {
      const serviceId = (parsed as unknown as { serviceId: string }).serviceId;
      const service = await this.db.selectFrom('service_catalogue').select('status').where('service_id', '=', serviceId).executeTakeFirst();
      if (!service || service.status === 'retired') throw new UnknownServiceError(`service '${serviceId}' is not in the catalogue (or retired)`);
    }
    const result = await this.commands.execute(
      new RecordTicketFactCommand({ type: body.type, data: parsed } as TicketEvent, deterministicUuid(`${body.source}/${body.externalId}`), { ...metadata, source: body.source }),
    );
    // 201 for a new fact, 200 for a redelivery of one already stored.
    response.status(result.duplicate ? 200 : 201);
    return result;
  }

  @Get(':ticketId')
  async get(@Param('ticketId', new ZodValidationPipe(ticketIdParameter, 'path')) ticketId: string) {
    const row = await this.db.selectFrom('ticket').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
    if (!row) throw new NotFoundException(`no ticket '${ticketId}'`);
    return {
      ticketId: row.ticket_id,
      ticketType: row.ticket_type,
      serviceId: row.service_id,
      priority: row.priority,
      major: row.major,
      title: row.title,
      openedAt: row.opened_at.toISOString(),
      closedAt: row.closed_at?.toISOString() ?? null,
      facts: row.facts,
      revision: Number(row.stream_revision),
    };
  }
}

const recorded = z.object({ ticketId: z.string(), streamRevision: z.string(), duplicate: z.boolean() });

export const ticketRoutes: RouteDocumentation[] = [
  {
    method: 'post',
    path: '/tickets/{ticketId}/facts',
    tag: 'operations',
    summary: 'Record one ticket fact (opened, acknowledged, …); source + externalId make redelivery idempotent',
    body: recordFactBody,
    responses: { 201: { description: 'stored', schema: recorded }, 200: { description: 'a redelivery: already stored, nothing written', schema: recorded }, ...writeErrors },
  },
  {
    method: 'get',
    path: '/tickets/{ticketId}',
    tag: 'operations',
    summary: 'One ticket',
    responses: {
      200: {
        description: 'the ticket',
        schema: z.object({ ticketId: z.string(), ticketType: z.string(), serviceId: z.string(), priority: z.string(), major: z.boolean(), title: z.string(), openedAt: z.string(), closedAt: z.string().nullable(), facts: z.number(), revision: z.number() }),
      },
      400: writeErrors[400],
      404: writeErrors[404],
    },
  },
];
