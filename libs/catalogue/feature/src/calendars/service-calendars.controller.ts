import { slugSchema } from '@sla/event-sourcing';
import { Controller, Headers, Inject, NotFoundException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { EventMetadata } from '@sla/event-sourcing';
import {
  Endpoint,
  ValidBody,
  ValidParam,
  ValidQuery,
  CLOCK,
  READ_STORE,
  RequestMetadata,
  keysetAfter,
  pageOf,
  parseIfMatch,
  type Clock,
  type KeysetColumn,
} from '@sla/nest-platform';
import { DefineServiceCalendarCommand } from './define-service-calendar.command';
import type { ServiceCalendarTables } from '@sla/catalogue-read-models';
import {
  defineCalendarBody,
  defineCalendarRoute,
  getCalendarRoute,
  listCalendarsQuery,
  listCalendarsRoute,
} from './service-calendars.routes';

const CALENDAR_ORDER: KeysetColumn[] = [{ column: 'calendar_id', direction: 'asc' }];

/** Service-hours calendars (JSON definitions; see libs/sla-clock/README.md for the format). */
@Controller()
export class ServiceCalendarsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_STORE) private readonly db: Kysely<ServiceCalendarTables>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Endpoint(defineCalendarRoute)
  async define(
    @ValidBody(defineCalendarRoute) body: z.infer<typeof defineCalendarBody>,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    const occurredAt = body.occurredAt ?? this.clock.now().toISOString();
    const accepted = await this.commands.execute(
      new DefineServiceCalendarCommand(
        { calendarId: body.definition.id, definition: body.definition, changeRequest: body.changeRequest, occurredAt },
        metadata,
        parseIfMatch(ifMatch),
      ),
    );
    return { calendarId: body.definition.id, ...accepted };
  }

  @Endpoint(listCalendarsRoute)
  async list(@ValidQuery(listCalendarsRoute) query: z.infer<typeof listCalendarsQuery>) {
    let select = this.db
      .selectFrom('service_calendar')
      .select(['calendar_id', 'name', 'time_zone'])
      .orderBy('calendar_id')
      .limit(query.limit + 1);
    if (query.timeZone) select = select.where('time_zone', '=', query.timeZone);
    const after = keysetAfter(CALENDAR_ORDER, query.cursor);
    if (after) select = select.where(after);
    return pageOf(
      await select.execute(),
      query.limit,
      (row) => [row.calendar_id],
      (row) => ({ calendarId: row.calendar_id, name: row.name, timeZone: row.time_zone }),
    );
  }

  @Endpoint(getCalendarRoute)
  async get(@ValidParam(getCalendarRoute, 'calendarId', slugSchema) calendarId: string) {
    const row = await this.db
      .selectFrom('service_calendar')
      .selectAll()
      .where('calendar_id', '=', calendarId)
      .executeTakeFirst();
    if (!row) throw new NotFoundException(`no calendar '${calendarId}'`);
    return {
      calendarId: row.calendar_id,
      definition: row.definition,
      lastChangeRequest: row.last_change_request,
      streamRevision: Number(row.stream_revision),
    };
  }
}
