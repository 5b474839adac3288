import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError, deterministicUuid, handleCommand, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import { outageDecider, outageEventDefinitions, outageStreamName, type OutageEvent } from '@sla/operations-domain';
import { EVENT_STORE, READ_STORE, RequestMetadata, ZodValidationPipe, writeErrors, type RouteDocumentation } from '@sla/nest-platform';
import type { OutageTables } from './outages.projection';

const outageIdParameter = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/, 'not an outage id');
const recordFactBody = z.strictObject({
  source: z.string().trim().min(1).max(100),
  externalId: z.string().trim().min(1).max(200),
  type: z.enum(['OutageStarted', 'OutageEnded']),
  data: z.record(z.string(), z.unknown()),
});
const listQuery = z.strictObject({ serviceId: z.string().min(1).optional() });

class UnknownServiceError extends DomainError {
  readonly code = 'UNKNOWN_SERVICE';
  readonly kind = 'rule_violated' as const;
}

/** Outages reported by monitoring or people: start and end facts, each delivery stored once. */
@Controller('outages')
export class OutagesController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly db: Kysely<OutageTables & { service_catalogue: { service_id: string; status: string } }>,
  ) {}

  @Post(':outageId/facts')
  async record(
    @Param('outageId', new ZodValidationPipe(outageIdParameter, 'path')) outageId: string,
    @Body(new ZodValidationPipe(recordFactBody)) body: z.infer<typeof recordFactBody>,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) response: { status(code: number): void },
  ) {
    const definition = outageEventDefinitions.find((candidate) => candidate.type === body.type)!;
    const data = new ZodValidationPipe(definition.schema, 'body').transform({ ...body.data, outageId }) as OutageEvent['data'];
    if (body.type === 'OutageStarted') {
      const serviceId = (data as { serviceId: string }).serviceId;
      const service = await this.db.selectFrom('service_catalogue').select('status').where('service_id', '=', serviceId).executeTakeFirst();
      if (!service || service.status === 'retired') throw new UnknownServiceError(`service '${serviceId}' is not in the catalogue (or retired)`);
    }
    const outcome = await handleCommand(
      this.store,
      outageStreamName(outageId),
      outageDecider,
      { type: 'RecordOutageFact', fact: { type: body.type, data } as OutageEvent },
      { metadata: { ...metadata, source: body.source }, eventIds: [deterministicUuid(`${body.source}/${body.externalId}`)] },
    );
    response.status(outcome.duplicate ? 200 : 201);
    return { outageId, streamRevision: outcome.streamRevision.toString(), duplicate: outcome.duplicate };
  }

  @Get()
  async list(@Query(new ZodValidationPipe(listQuery, 'query')) query: z.infer<typeof listQuery>) {
    let select = this.db.selectFrom('outage').selectAll().orderBy('started_at');
    if (query.serviceId) select = select.where('service_id', '=', query.serviceId);
    return (await select.execute()).map((row) => ({
      outageId: row.outage_id,
      serviceId: row.service_id,
      impact: row.impact,
      weight: row.weight,
      ticketId: row.ticket_id,
      startedAt: row.started_at.toISOString(),
      endedAt: row.ended_at?.toISOString() ?? null,
      source: row.source,
    }));
  }
}

const recorded = z.object({ outageId: z.string(), streamRevision: z.string(), duplicate: z.boolean() });

export const outageRoutes: RouteDocumentation[] = [
  {
    method: 'post',
    path: '/outages/{outageId}/facts',
    tag: 'operations',
    summary: 'Record an outage start or end; source + externalId make redelivery idempotent',
    body: recordFactBody,
    responses: { 201: { description: 'stored', schema: recorded }, 200: { description: 'a redelivery: already stored', schema: recorded }, ...writeErrors },
  },
  {
    method: 'get',
    path: '/outages',
    tag: 'operations',
    summary: 'Outages, optionally of one service',
    query: listQuery,
    responses: {
      200: {
        description: 'outages',
        schema: z.array(z.object({ outageId: z.string(), serviceId: z.string(), impact: z.string(), weight: z.number().nullable(), ticketId: z.string().nullable(), startedAt: z.string(), endedAt: z.string().nullable(), source: z.string() })),
      },
      400: writeErrors[400],
    },
  },
];
