import { outageIdSchema } from '@sla/operations-domain';
import { Controller, Inject, Res } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CommandBus } from '@nestjs/cqrs';
import type { EventMetadata } from '@sla/event-sourcing';
import { RecordFactCommand } from '../intake/record-fact.command';
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
import type { OutageTables } from './outages.projection';
import { listQuery, listRoute, recordFactBody, recordRoute } from './outages.routes';

const OUTAGE_ORDER: KeysetColumn[] = [
  { column: 'started_at', direction: 'asc' },
  { column: 'outage_id', direction: 'asc' },
];

/** Outages reported by monitoring or people: start and end facts, each delivery stored once. */
@Controller()
export class OutagesController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_STORE) private readonly db: Kysely<OutageTables>,
  ) {}

  @Endpoint(recordRoute)
  async record(
    @ValidParam(recordRoute, 'outageId', outageIdSchema) outageId: string,
    @ValidBody(recordRoute) body: z.infer<typeof recordFactBody>,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) response: { status(code: number): void },
  ) {
    const result = await this.commands.execute(new RecordFactCommand('outage', outageId, body, metadata));
    response.status(result.duplicate ? 200 : 201);
    return { outageId, streamRevision: result.streamRevision.toString(), duplicate: result.duplicate };
  }

  @Endpoint(listRoute)
  async list(@ValidQuery(listRoute) query: z.infer<typeof listQuery>) {
    let select = this.db
      .selectFrom('outage')
      .selectAll()
      .orderBy('started_at')
      .orderBy('outage_id')
      .limit(query.limit + 1);
    if (query.serviceId) select = select.where('service_id', '=', query.serviceId);
    if (query.open) select = select.where('ended_at', query.open === 'true' ? 'is' : 'is not', null);
    if (query.ticketId) select = select.where('ticket_id', '=', query.ticketId);
    if (query.startedFrom) select = select.where('started_at', '>=', new Date(query.startedFrom));
    if (query.startedTo) select = select.where('started_at', '<', new Date(query.startedTo));
    const after = keysetAfter(OUTAGE_ORDER, query.cursor);
    if (after) select = select.where(after);
    return pageOf(
      await select.execute(),
      query.limit,
      (row) => [row.started_at.toISOString(), row.outage_id],
      (row) => ({
        outageId: row.outage_id,
        serviceId: row.service_id,
        impact: row.impact,
        weight: row.weight,
        ticketId: row.ticket_id,
        startedAt: row.started_at.toISOString(),
        endedAt: row.ended_at?.toISOString() ?? null,
        source: row.source,
      }),
    );
  }
}
