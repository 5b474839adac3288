import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CommandBus } from '@nestjs/cqrs';
import type { EventMetadata } from '@sla/event-sourcing';
import { factDeliveryDocumentation, factDeliverySchema, factTypesOf } from '../intake/fact-intake';
import { RecordFactCommand } from '../intake/record-fact.command';
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
import type { OutageTables } from './outages.projection';

const outageIdParameter = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/, 'not an outage id');
const recordFactBody = factDeliverySchema.extend({ type: z.enum(factTypesOf('outage')) });
const instant = z.iso.datetime({ offset: true });
const listQuery = z.strictObject({
  serviceId: z.string().min(1).optional(),
  open: z.enum(['true', 'false']).optional().describe('true: outages without an end; false: ended ones'),
  ticketId: z.string().min(1).optional(),
  startedFrom: instant.optional(),
  startedTo: instant.optional(),
  ...pageQueryShape,
});
const OUTAGE_ORDER: KeysetColumn[] = [
  { column: 'started_at', direction: 'asc' },
  { column: 'outage_id', direction: 'asc' },
];

/** Outages reported by monitoring or people: start and end facts, each delivery stored once. */
@Controller('outages')
export class OutagesController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_STORE) private readonly db: Kysely<OutageTables>,
  ) {}

  @Post(':outageId/facts')
  async record(
    @Param('outageId', new ZodValidationPipe(outageIdParameter, 'path')) outageId: string,
    @Body(new ZodValidationPipe(recordFactBody)) body: z.infer<typeof recordFactBody>,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) response: { status(code: number): void },
  ) {
    const result = await this.commands.execute(new RecordFactCommand('outage', outageId, body, metadata));
    response.status(result.duplicate ? 200 : 201);
    return { outageId, streamRevision: result.streamRevision.toString(), duplicate: result.duplicate };
  }

  @Get()
  async list(@Query(new ZodValidationPipe(listQuery, 'query')) query: z.infer<typeof listQuery>) {
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

const recorded = z.object({ outageId: z.string(), streamRevision: z.string(), duplicate: z.boolean() });

export const outageRoutes: RouteDocumentation[] = [
  {
    method: 'post',
    path: '/outages/{outageId}/facts',
    tag: 'operations',
    summary: 'Record an outage start or end; source + externalId make redelivery idempotent',
    body: factDeliveryDocumentation('outage'),
    responses: {
      201: { description: 'stored', schema: recorded },
      200: { description: 'a redelivery: already stored', schema: recorded },
      ...writeErrors,
    },
  },
  {
    method: 'get',
    path: '/outages',
    tag: 'operations',
    summary: 'Outages by start, optionally of one service or ticket, open or ended, started in a range',
    query: listQuery,
    responses: {
      200: {
        description: 'a page of outages',
        schema: pageSchema(
          z.object({
            outageId: z.string(),
            serviceId: z.string(),
            impact: z.string(),
            weight: z.number().nullable(),
            ticketId: z.string().nullable(),
            startedAt: z.string(),
            endedAt: z.string().nullable(),
            source: z.string(),
          }),
        ),
      },
      400: writeErrors[400],
    },
  },
];
