import { Body, Controller, Get, Headers, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { EventMetadata } from '@sla/event-sourcing';
import {
  CLOCK,
  READ_STORE,
  RequestMetadata,
  ZodValidationPipe,
  keysetAfter,
  pageOf,
  pageQueryShape,
  pageSchema,
  parseIfMatch,
  writeErrors,
  type Clock,
  type KeysetColumn,
  type RouteDocumentation,
} from '@sla/nest-platform';
import { calendarDefinitionSchema } from '@sla/sla-clock';
import { DefineServiceCalendarCommand } from './define-service-calendar.command';
import type { ServiceCalendarTables } from '@sla/catalogue-read-models';

const defineCalendarBody = z.strictObject({
  definition: calendarDefinitionSchema,
  changeRequest: z.string().trim().min(1).max(100).nullable().default(null),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});

const listCalendarsQuery = z.strictObject({ timeZone: z.string().min(1).max(100).optional(), ...pageQueryShape });
const CALENDAR_ORDER: KeysetColumn[] = [{ column: 'calendar_id', direction: 'asc' }];
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
  async list(@Query(new ZodValidationPipe(listCalendarsQuery, 'query')) query: z.infer<typeof listCalendarsQuery>) {
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

  @Get(':calendarId')
  async get(@Param('calendarId', new ZodValidationPipe(calendarIdParameter, 'path')) calendarId: string) {
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

export const serviceCalendarRoutes: RouteDocumentation[] = [
  {
    method: 'post',
    path: '/calendars',
    tag: 'catalogue',
    summary: 'Define or replace a service-hours calendar',
    body: defineCalendarBody,
    ifMatch: true,
    responses: {
      201: { description: 'defined', schema: z.object({ calendarId: z.string(), streamRevision: z.string() }) },
      ...writeErrors,
    },
  },
  {
    method: 'get',
    path: '/calendars',
    tag: 'catalogue',
    summary: 'List calendars by id, optionally in one time zone',
    query: listCalendarsQuery,
    responses: {
      200: {
        description: 'a page of calendars',
        schema: pageSchema(z.object({ calendarId: z.string(), name: z.string(), timeZone: z.string() })),
      },
      400: writeErrors[400],
    },
  },
  {
    method: 'get',
    path: '/calendars/{calendarId}',
    tag: 'catalogue',
    summary: 'One calendar definition',
    responses: {
      200: {
        description: 'the calendar',
        schema: z.object({
          calendarId: z.string(),
          definition: calendarDefinitionSchema,
          lastChangeRequest: z.string().nullable(),
          streamRevision: z.number(),
        }),
      },
      400: writeErrors[400],
      404: writeErrors[404],
    },
  },
];
