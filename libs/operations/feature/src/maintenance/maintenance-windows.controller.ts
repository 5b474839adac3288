import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError, deterministicUuid, handleCommand, toSchemaIssues, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import {
  maintenanceOccurrences,
  maintenanceWindowDecider,
  maintenanceWindowEventDefinitions,
  maintenanceWindowIdSchema,
  maintenanceWindowStreamName,
  type MaintenanceWindowEvent,
} from '@sla/operations-domain';
import { EVENT_STORE, READ_STORE, RequestMetadata, RequestValidationError, ZodValidationPipe, writeErrors, type RouteDocumentation } from '@sla/nest-platform';
import type { MaintenanceWindowTables } from './maintenance-windows.projection';

const recordFactBody = z.strictObject({
  source: z.string().trim().min(1).max(100),
  externalId: z.string().trim().min(1).max(200),
  type: z.enum(['MaintenanceWindowScheduled', 'MaintenanceWindowCancelled']),
  data: z.record(z.string(), z.unknown()),
});

// Occurrences are expanded on request; the range is bounded so one request stays cheap.
const maximumRangeDays = 5 * 366;
const listQuery = z
  .strictObject({ serviceId: z.string().min(1).optional(), from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((query) => Date.parse(query.to) > Date.parse(query.from), { message: 'must be after from', path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= maximumRangeDays * 86_400_000, { message: `the range may span at most ${maximumRangeDays} days`, path: ['to'] });

class UnknownServiceError extends DomainError {
  readonly code = 'UNKNOWN_SERVICE';
  readonly kind = 'rule_violated' as const;
}

type Tables = MaintenanceWindowTables & { service_catalogue: { service_id: string; status: string } };

/** Planned maintenance under an approved change: one-off or recurring windows, each delivery stored once. */
@Controller('maintenance-windows')
export class MaintenanceWindowsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly db: Kysely<Tables>,
  ) {}

  @Post(':windowId/facts')
  async record(
    @Param('windowId', new ZodValidationPipe(maintenanceWindowIdSchema, 'path')) windowId: string,
    @Body(new ZodValidationPipe(recordFactBody)) body: z.infer<typeof recordFactBody>,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) response: { status(code: number): void },
  ) {
    const definition = maintenanceWindowEventDefinitions.find((candidate) => candidate.type === body.type)!;
    const parsed = definition.schema.safeParse({ ...body.data, windowId });
    if (!parsed.success) throw new RequestValidationError('body', toSchemaIssues(parsed.error, 'data'));
    const fact = { type: body.type, data: parsed.data } as MaintenanceWindowEvent;
    if (fact.type === 'MaintenanceWindowScheduled') {
      const service = await this.db.selectFrom('service_catalogue').select('status').where('service_id', '=', fact.data.serviceId).executeTakeFirst();
      if (!service || service.status === 'retired') throw new UnknownServiceError(`service '${fact.data.serviceId}' is not in the catalogue (or retired)`);
    }
    const outcome = await handleCommand(
      this.store,
      maintenanceWindowStreamName(windowId),
      maintenanceWindowDecider,
      { type: 'RecordMaintenanceWindowFact', fact },
      { metadata: { ...metadata, source: body.source }, eventIds: [deterministicUuid(`${body.source}/${body.externalId}`)] },
    );
    response.status(outcome.duplicate ? 200 : 201);
    return { windowId, streamRevision: outcome.streamRevision.toString(), duplicate: outcome.duplicate };
  }

  @Get()
  async list(@Query(new ZodValidationPipe(listQuery, 'query')) query: z.infer<typeof listQuery>) {
    let select = this.db.selectFrom('maintenance_window').selectAll().orderBy('window_id');
    if (query.serviceId) select = select.where('service_id', '=', query.serviceId);
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    return (await select.execute()).map((row) => ({
      windowId: row.window_id,
      serviceId: row.service_id,
      changeReference: row.change_reference,
      title: row.title,
      schedule: row.schedule,
      scheduledAt: row.scheduled_at.toISOString(),
      cancelledFrom: row.cancelled_from?.toISOString() ?? null,
      cancellationReason: row.cancellation_reason,
      source: row.source,
      occurrences: maintenanceOccurrences(row.schedule, row.cancelled_from?.getTime() ?? null, from, to).map((occurrence) => ({
        start: new Date(occurrence.start).toISOString(),
        end: new Date(occurrence.end).toISOString(),
      })),
    }));
  }
}

const recorded = z.object({ windowId: z.string(), streamRevision: z.string(), duplicate: z.boolean() });
const window = z.object({
  windowId: z.string(),
  serviceId: z.string(),
  changeReference: z.string(),
  title: z.string(),
  schedule: z.union([
    z.object({ kind: z.literal('once'), start: z.string(), end: z.string() }),
    z.object({ kind: z.literal('recurring'), rule: z.string(), timeZone: z.string(), firstStart: z.string(), durationMinutes: z.number() }),
  ]),
  scheduledAt: z.string(),
  cancelledFrom: z.string().nullable(),
  cancellationReason: z.string().nullable(),
  source: z.string(),
  occurrences: z.array(z.object({ start: z.string(), end: z.string() })),
});

export const maintenanceWindowRoutes: RouteDocumentation[] = [
  {
    method: 'post',
    path: '/maintenance-windows/{windowId}/facts',
    tag: 'operations',
    summary: 'Schedule (once or by RRULE in a time zone) or cancel a maintenance window; source + externalId make redelivery idempotent',
    body: recordFactBody,
    responses: { 201: { description: 'stored', schema: recorded }, 200: { description: 'a redelivery: already stored', schema: recorded }, ...writeErrors },
  },
  {
    method: 'get',
    path: '/maintenance-windows',
    tag: 'operations',
    summary: 'Maintenance windows with their occurrences in [from, to), optionally of one service',
    query: listQuery,
    responses: { 200: { description: 'windows', schema: z.array(window) }, 400: writeErrors[400] },
  },
];
