import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CommandBus } from '@nestjs/cqrs';
import type { EventMetadata } from '@sla/event-sourcing';
import { maintenanceOccurrences, maintenanceWindowIdSchema } from '@sla/operations-domain';
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
import type { MaintenanceWindowTables } from './maintenance-windows.projection';

const recordFactBody = factDeliverySchema.extend({ type: z.enum(factTypesOf('maintenance')) });

// Occurrences are expanded on request; the range is bounded so one request stays cheap.
const maximumRangeDays = 5 * 366;
const listQuery = z
  .strictObject({
    serviceId: z.string().min(1).optional(),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    ...pageQueryShape,
  })
  .refine((query) => Date.parse(query.to) > Date.parse(query.from), { message: 'must be after from', path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= maximumRangeDays * 86_400_000, {
    message: `the range may span at most ${maximumRangeDays} days`,
    path: ['to'],
  });

const WINDOW_ORDER: KeysetColumn[] = [{ column: 'window_id', direction: 'asc' }];

/** Planned maintenance under an approved change: one-off or recurring windows, each delivery stored once. */
@Controller('maintenance-windows')
export class MaintenanceWindowsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_STORE) private readonly db: Kysely<MaintenanceWindowTables>,
  ) {}

  @Post(':windowId/facts')
  async record(
    @Param('windowId', new ZodValidationPipe(maintenanceWindowIdSchema, 'path')) windowId: string,
    @Body(new ZodValidationPipe(recordFactBody)) body: z.infer<typeof recordFactBody>,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) response: { status(code: number): void },
  ) {
    const result = await this.commands.execute(new RecordFactCommand('maintenance', windowId, body, metadata));
    response.status(result.duplicate ? 200 : 201);
    return { windowId, streamRevision: result.streamRevision.toString(), duplicate: result.duplicate };
  }

  @Get()
  async list(@Query(new ZodValidationPipe(listQuery, 'query')) query: z.infer<typeof listQuery>) {
    let select = this.db
      .selectFrom('maintenance_window')
      .selectAll()
      .orderBy('window_id')
      .limit(query.limit + 1);
    if (query.serviceId) select = select.where('service_id', '=', query.serviceId);
    const after = keysetAfter(WINDOW_ORDER, query.cursor);
    if (after) select = select.where(after);
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    return pageOf(
      await select.execute(),
      query.limit,
      (row) => [row.window_id],
      (row) => ({
        windowId: row.window_id,
        serviceId: row.service_id,
        changeReference: row.change_reference,
        title: row.title,
        schedule: row.schedule,
        scheduledAt: row.scheduled_at.toISOString(),
        cancelledFrom: row.cancelled_from?.toISOString() ?? null,
        cancellationReason: row.cancellation_reason,
        source: row.source,
        occurrences: maintenanceOccurrences(row.schedule, row.cancelled_from?.getTime() ?? null, from, to).map(
          (occurrence) => ({
            start: new Date(occurrence.start).toISOString(),
            end: new Date(occurrence.end).toISOString(),
          }),
        ),
      }),
    );
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
    z.object({
      kind: z.literal('recurring'),
      rule: z.string(),
      timeZone: z.string(),
      firstStart: z.string(),
      durationMinutes: z.number(),
    }),
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
    summary:
      'Schedule (once or by RRULE in a time zone) or cancel a maintenance window; source + externalId make redelivery idempotent',
    body: factDeliveryDocumentation('maintenance'),
    responses: {
      201: { description: 'stored', schema: recorded },
      200: { description: 'a redelivery: already stored', schema: recorded },
      ...writeErrors,
    },
  },
  {
    method: 'get',
    path: '/maintenance-windows',
    tag: 'operations',
    summary: 'Maintenance windows with their occurrences in [from, to), optionally of one service',
    query: listQuery,
    responses: { 200: { description: 'a page of windows, by id', schema: pageSchema(window) }, 400: writeErrors[400] },
  },
];
