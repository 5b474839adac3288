import { Controller, Inject, Res } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CommandBus } from '@nestjs/cqrs';
import type { EventMetadata } from '@sla/event-sourcing';
import { maintenanceOccurrences, maintenanceWindowIdSchema } from '@sla/operations-domain';
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
import type { MaintenanceWindowTables } from './maintenance-windows.projection';
import { listQuery, listRoute, recordFactBody, recordRoute } from './maintenance-windows.routes';

const WINDOW_ORDER: KeysetColumn[] = [{ column: 'window_id', direction: 'asc' }];

/** Planned maintenance under an approved change: one-off or recurring windows, each delivery stored once. */
@Controller()
export class MaintenanceWindowsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_STORE) private readonly db: Kysely<MaintenanceWindowTables>,
  ) {}

  @Endpoint(recordRoute)
  async record(
    @ValidParam(recordRoute, 'windowId', maintenanceWindowIdSchema) windowId: string,
    @ValidBody(recordRoute) body: z.infer<typeof recordFactBody>,
    @RequestMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) response: { status(code: number): void },
  ) {
    const result = await this.commands.execute(new RecordFactCommand('maintenance', windowId, body, metadata));
    response.status(result.duplicate ? 200 : 201);
    return { windowId, streamRevision: result.streamRevision.toString(), duplicate: result.duplicate };
  }

  @Endpoint(listRoute)
  async list(@ValidQuery(listRoute) query: z.infer<typeof listQuery>) {
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
