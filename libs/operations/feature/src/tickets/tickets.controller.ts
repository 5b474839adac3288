import { ticketIdSchema } from '@sla/operations-domain';
import { Controller, Inject, NotFoundException, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { EventMetadata } from '@sla/event-sourcing';
import {
  Endpoint,
  ValidBody,
  ValidParam,
  ValidQuery,
  READ_STORE,
  RequestMetadata,
  keysetAfter,
  pageOf,
  type KeysetColumn,
} from '@sla/nest-platform';
import { RecordFactCommand } from '../intake/record-fact.command';
import type { TicketTables } from './tickets.projection';
import { getRoute, listQuery, listRoute, recordFactBody, recordRoute } from './tickets.routes';

const TICKET_ORDER: KeysetColumn[] = [
  { column: 'opened_at', direction: 'asc' },
  { column: 'ticket_id', direction: 'asc' },
];

/** Ticket facts from ticketing tools and people: never lost, never doubled. */
@Controller()
export class TicketsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_STORE) private readonly db: Kysely<TicketTables>,
  ) {}

  @Endpoint(recordRoute)
  async record(
    @ValidParam(recordRoute, 'ticketId', ticketIdSchema) ticketId: string,
    @ValidBody(recordRoute) body: z.infer<typeof recordFactBody>,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) response: { status(code: number): void },
  ) {
    const result = await this.commands.execute(new RecordFactCommand('ticket', ticketId, body, metadata));
    // 201 for a new fact, 200 for a redelivery of one already stored.
    response.status(result.duplicate ? 200 : 201);
    return { ticketId, streamRevision: result.streamRevision.toString(), duplicate: result.duplicate };
  }

  @Endpoint(listRoute)
  async list(@ValidQuery(listRoute) query: z.infer<typeof listQuery>) {
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

  @Endpoint(getRoute)
  async get(@ValidParam(getRoute, 'ticketId', ticketIdSchema) ticketId: string) {
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
