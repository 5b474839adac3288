import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { EventMetadata } from '@sla/event-sourcing';
import {
  READ_STORE,
  RequestMetadata,
  ZodValidationPipe,
  keysetAfter,
  pageOf,
  pageQueryShape,
  pageSchema,
  writeErrors,
  type KeysetColumn,
  type RouteDocumentation,
} from '@sla/nest-platform';
import { factDeliveryDocumentation, factDeliverySchema, factTypesOf } from '../intake/fact-intake';
import { RecordFactCommand } from '../intake/record-fact.command';
import type { TicketTables } from './tickets.projection';

const ticketIdParameter = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'not a ticket id');

/**
 * One fact from a tool: `source` + `externalId` identify the delivery, so a
 * retried delivery is stored once. `data` is validated against the fact
 * type's event schema (without the ticket id, which is in the path).
 */
const recordFactBody = factDeliverySchema.extend({ type: z.enum(factTypesOf('ticket')) });

const instant = z.iso.datetime({ offset: true });
const listQuery = z.strictObject({
  serviceId: z.string().min(1).max(200).optional(),
  status: z.enum(['open', 'closed']).optional(),
  priority: z.enum(['P1', 'P2', 'P3', 'P4']).optional(),
  ticketType: z.enum(['incident', 'service-request', 'complaint']).optional(),
  openedFrom: instant.optional(),
  openedTo: instant.optional(),
  ...pageQueryShape,
});
const TICKET_ORDER: KeysetColumn[] = [
  { column: 'opened_at', direction: 'asc' },
  { column: 'ticket_id', direction: 'asc' },
];

/** Ticket facts from ticketing tools and people: never lost, never doubled. */
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_STORE) private readonly db: Kysely<TicketTables>,
  ) {}

  @Post(':ticketId/facts')
  async record(
    @Param('ticketId', new ZodValidationPipe(ticketIdParameter, 'path')) ticketId: string,
    @Body(new ZodValidationPipe(recordFactBody)) body: z.infer<typeof recordFactBody>,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) response: { status(code: number): void },
  ) {
    const result = await this.commands.execute(new RecordFactCommand('ticket', ticketId, body, metadata));
    // 201 for a new fact, 200 for a redelivery of one already stored.
    response.status(result.duplicate ? 200 : 201);
    return { ticketId, streamRevision: result.streamRevision.toString(), duplicate: result.duplicate };
  }

  @Get()
  async list(@Query(new ZodValidationPipe(listQuery, 'query')) query: z.infer<typeof listQuery>) {
    let select = this.db
      .selectFrom('ticket')
      .selectAll()
      .orderBy('opened_at')
      .orderBy('ticket_id')
      .limit(query.limit + 1);
    if (query.serviceId) select = select.where('service_id', '=', query.serviceId);
    if (query.status) select = select.where('closed_at', query.status === 'open' ? 'is' : 'is not', null);
    if (query.priority) select = select.where('priority', '=', query.priority);
    if (query.ticketType) select = select.where('ticket_type', '=', query.ticketType);
    if (query.openedFrom) select = select.where('opened_at', '>=', new Date(query.openedFrom));
    if (query.openedTo) select = select.where('opened_at', '<', new Date(query.openedTo));
    const after = keysetAfter(TICKET_ORDER, query.cursor);
    if (after) select = select.where(after);
    return pageOf(
      await select.execute(),
      query.limit,
      (row) => [row.opened_at.toISOString(), row.ticket_id],
      toTicketView,
    );
  }

  @Get(':ticketId')
  async get(@Param('ticketId', new ZodValidationPipe(ticketIdParameter, 'path')) ticketId: string) {
    const row = await this.db.selectFrom('ticket').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
    if (!row) throw new NotFoundException(`no ticket '${ticketId}'`);
    return toTicketView(row);
  }
}

const toTicketView = (row: Selectable<TicketTables['ticket']>) => ({
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
});

const recorded = z.object({ ticketId: z.string(), streamRevision: z.string(), duplicate: z.boolean() });
const ticketView = z.object({
  ticketId: z.string(),
  ticketType: z.string(),
  serviceId: z.string(),
  priority: z.string(),
  major: z.boolean(),
  title: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  facts: z.number(),
  revision: z.number(),
});

export const ticketRoutes: RouteDocumentation[] = [
  {
    method: 'post',
    path: '/tickets/{ticketId}/facts',
    tag: 'operations',
    summary: 'Record one ticket fact (opened, acknowledged, …); source + externalId make redelivery idempotent',
    body: factDeliveryDocumentation('ticket'),
    responses: {
      201: { description: 'stored', schema: recorded },
      200: { description: 'a redelivery: already stored, nothing written', schema: recorded },
      ...writeErrors,
    },
  },
  {
    method: 'get',
    path: '/tickets',
    tag: 'operations',
    summary: 'Tickets by opening time, optionally of one service, status, priority or type, opened in a range',
    query: listQuery,
    responses: { 200: { description: 'a page of tickets', schema: pageSchema(ticketView) }, 400: writeErrors[400] },
  },
  {
    method: 'get',
    path: '/tickets/{ticketId}',
    tag: 'operations',
    summary: 'One ticket',
    responses: {
      200: { description: 'the ticket', schema: ticketView },
      400: writeErrors[400],
      404: writeErrors[404],
    },
  },
];
