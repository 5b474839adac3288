import { z } from 'zod';
import { defineRoute } from '@sla/nest-platform';
import { access } from '@sla/access-control';
import { rangeQuery, knownAt, knownAtQuery, queryErrors } from '../compliance.schemas';

/** `by=day` adds the figures of each day of the range, in the query's time zone (a calendar heat map draws them). */
const by = z.enum(['period', 'day']).default('period');

export const agreementAvailabilityQuery = knownAtQuery.extend({ by });

export const serviceAvailabilityQuery = rangeQuery.extend({
  knownAt,
  by,
  calendarId: z.string().min(1),
  targetPercentage: z.coerce.number().gt(0).lte(100).optional(),
});

export const availability = z.object({
  serviceId: z.string(),
  calendarId: z.string(),
  from: z.string(),
  to: z.string(),
  measuredUntil: z.string(),
  agreedServiceTime: z.number(),
  downtime: z.number(),
  excludedMaintenanceDowntime: z.number(),
  maintenanceTime: z.number(),
  availabilityPercent: z.string().nullable(),
  targetPercentage: z.number().nullable(),
  targetMet: z.boolean().nullable(),
  remainingDowntimeBudget: z.number().nullable(),
  failures: z.number(),
  meanTimeToRestore: z.number().nullable(),
  meanTimeBetweenFailures: z.number().nullable(),
  contributions: z.array(z.object({ outageId: z.string(), downtime: z.number(), excluded: z.number() })),
});

export const dayFigures = z.object({
  date: z.string().describe('the calendar day in the time zone of the query'),
  from: z.string(),
  to: z.string(),
  agreedServiceTime: z.number(),
  downtime: z.number(),
  excludedMaintenanceDowntime: z.number(),
  maintenanceTime: z.number(),
  availabilityPercent: z.string().nullable(),
  failures: z.number(),
  outages: z
    .array(
      z.object({
        outageId: z.string(),
        start: z.string(),
        end: z.string().nullable(),
        impact: z.enum(['full', 'partial', 'degraded']),
        downtime: z.number(),
        excluded: z.number(),
      }),
    )
    .describe('the outages with service time lost (or excluded) that day'),
  maintenance: z
    .array(z.object({ start: z.string(), end: z.string() }))
    .describe('approved maintenance overlapping the day'),
});

/** The figures, and with `by=day` each day's. */
const withDays = <Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) =>
  schema.extend({ days: z.array(dayFigures).optional().describe('with by=day: the figures of each day measured') });

export const agreementAvailabilityRoute = defineRoute({
  method: 'get',
  path: '/compliance/agreements/{agreementId}/availability',
  tag: 'compliance',
  access: access.agreementRead,
  status: 200,
  summary:
    "Availability against the agreement's targets, each version for the part of the period it was in force; with knownAt, as known at that recorded time (versions, outages, ends and maintenance recorded before it); with by=day, each term's figures per day in the query's time zone",
  query: agreementAvailabilityQuery,
  responses: {
    200: {
      description: 'one term per service target and version',
      schema: z.object({
        agreementId: z.string(),
        from: z.string(),
        to: z.string(),
        terms: z.array(withDays(availability).extend({ version: z.number(), period: z.string() })),
        allTargetsMet: z.boolean().nullable(),
      }),
    },
    ...queryErrors,
  },
});

export const serviceAvailabilityRoute = defineRoute({
  method: 'get',
  path: '/compliance/services/{serviceId}/availability',
  tag: 'compliance',
  access: access.staffRead,
  status: 200,
  summary:
    "Availability of a service over any period in a calendar's service hours, optionally against a target; with by=day, the figures per day in the query's time zone",
  query: serviceAvailabilityQuery,
  responses: { 200: { description: 'the figures', schema: withDays(availability) }, ...queryErrors },
});
