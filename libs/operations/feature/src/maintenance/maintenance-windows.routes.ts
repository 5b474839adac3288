import { z } from 'zod';
import { instantSchema } from '@sla/event-sourcing';
import { factDeliveryDocumentation, factDeliverySchema, factTypesOf } from '../intake/fact-intake';
import { defineRoute, pageQueryShape, pageSchema, writeErrors } from '@sla/nest-platform';
import { access } from '@sla/access-control';

export const recordFactBody = factDeliverySchema.extend({ type: z.enum(factTypesOf('maintenance')) });

// Occurrences are expanded on request; the range is bounded so one request stays cheap.
const maximumRangeDays = 5 * 366;

export const listQuery = z
  .strictObject({
    serviceId: z.string().min(1).optional(),
    from: instantSchema,
    to: instantSchema,
    ...pageQueryShape,
  })
  .refine((query) => Date.parse(query.to) > Date.parse(query.from), { message: 'must be after from', path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= maximumRangeDays * 86_400_000, {
    message: `the range may span at most ${maximumRangeDays} days`,
    path: ['to'],
  });

export const recorded = z.object({ windowId: z.string(), streamRevision: z.string(), duplicate: z.boolean() });

export const window = z.object({
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

export const recordRoute = defineRoute({
  method: 'post',
  path: '/maintenance-windows/{windowId}/facts',
  tag: 'operations',
  access: access.intake,
  status: 201,
  summary:
    'Schedule (once or by RRULE in a time zone) or cancel a maintenance window; source + externalId make redelivery idempotent',
  body: factDeliveryDocumentation('maintenance'),
  bodyValidation: recordFactBody,
  responses: {
    201: { description: 'stored', schema: recorded },
    200: { description: 'a redelivery: already stored', schema: recorded },
    ...writeErrors,
  },
});

export const listRoute = defineRoute({
  method: 'get',
  path: '/maintenance-windows',
  tag: 'operations',
  access: access.staffRead,
  status: 200,
  summary: 'Maintenance windows with their occurrences in [from, to), optionally of one service',
  query: listQuery,
  responses: { 200: { description: 'a page of windows, by id', schema: pageSchema(window) }, 400: writeErrors[400] },
});

export const maintenanceWindowRoutes = [recordRoute, listRoute];
