import { Body, Controller, Get, Headers, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { EventMetadata } from '@sla/event-sourcing';
import { CLOCK, READ_STORE, RequestMetadata, ZodValidationPipe, parseIfMatch, type Clock } from '@sla/nest-platform';
import { calendarDefinitionSchema } from '@sla/sla-clock';
import { DefineServiceCalendarCommand } from './define-service-calendar.command';
import type { ServiceCalendarTables } from '@sla/catalogue-read-models';

const defineCalendarBody = z.strictObject({
  definition: calendarDefinitionSchema,
  changeRequest: z.string().trim().min(1).max(100).nullable().default(null),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});

const calendarIdParameter = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'not a calendar id');

/** Service-hours calendars (JSON definitions; see libs/sla-clock/README.md for the format). */
@Controller('calendars')
export class ServiceCalendarsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_STORE) private readonly db: Kysely<ServiceCalendarTables>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  async define(
    @Body(new ZodValidationPipe(defineCalendarBody)) body: z.infer<typeof defineCalendarBody>,
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

  @Get()
  async list() {
    const rows = await this.db.selectFrom('service_calendar').select(['calendar_id', 'name', 'time_zone']).orderBy('calendar_id').execute();
    return rows.map((row) => ({ calendarId: row.calendar_id, name: row.name, timeZone: row.time_zone }));
  }

  @Get(':calendarId')
  async get(@Param('calendarId', new ZodValidationPipe(calendarIdParameter, 'path')) calendarId: string) {
    const row = await this.db.selectFrom('service_calendar').selectAll().where('calendar_id', '=', calendarId).executeTakeFirst();
    if (!row) throw new NotFoundException(`no calendar '${calendarId}'`);
    return { calendarId: row.calendar_id, definition: row.definition, lastChangeRequest: row.last_change_request, streamRevision: Number(row.stream_revision) };
  }
}
