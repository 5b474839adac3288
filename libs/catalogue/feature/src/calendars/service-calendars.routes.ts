import { z } from 'zod';
import { instantSchema } from '@sla/event-sourcing';
import { defineRoute, pageQueryShape, pageSchema, writeErrors } from '@sla/nest-platform';
import { calendarDefinitionSchema } from '@sla/sla-clock';
import { access } from '@sla/access-control';

export const defineCalendarBody = z.strictObject({
  definition: calendarDefinitionSchema,
  changeRequest: z.string().trim().min(1).max(100).nullable().default(null),
  occurredAt: instantSchema.optional(),
});

export const listCalendarsQuery = z.strictObject({
  timeZone: z.string().min(1).max(100).optional(),
  ...pageQueryShape,
});

export const defineCalendarRoute = defineRoute({
  method: 'post',
  path: '/calendars',
  tag: 'catalogue',
  access: access.change,
  status: 201,
  summary: 'Define or replace a service-hours calendar',
  body: defineCalendarBody,
  ifMatch: true,
  responses: {
    201: { description: 'defined', schema: z.object({ calendarId: z.string(), streamRevision: z.string() }) },
    ...writeErrors,
  },
});

export const listCalendarsRoute = defineRoute({
  method: 'get',
  path: '/calendars',
  tag: 'catalogue',
  access: access.staffRead,
  status: 200,
  summary: 'List calendars by id, optionally in one time zone',
  query: listCalendarsQuery,
  responses: {
    200: {
      description: 'a page of calendars',
      schema: pageSchema(z.object({ calendarId: z.string(), name: z.string(), timeZone: z.string() })),
    },
    400: writeErrors[400],
  },
});

export const getCalendarRoute = defineRoute({
  method: 'get',
  path: '/calendars/{calendarId}',
  tag: 'catalogue',
  access: access.staffRead,
  status: 200,
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
});

export const serviceCalendarRoutes = [defineCalendarRoute, listCalendarsRoute, getCalendarRoute];
