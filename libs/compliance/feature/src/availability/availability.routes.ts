import { z } from 'zod';
import { defineRoute } from '@sla/nest-platform';
import { access } from '@sla/access-control';
import { rangeQuery, knownAt, knownAtQuery, queryErrors } from '../compliance.schemas';

export const serviceAvailabilityQuery = rangeQuery.extend({
  knownAt,
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

export const agreementAvailabilityRoute = defineRoute({
  method: 'get',
  path: '/compliance/agreements/{agreementId}/availability',
  tag: 'compliance',
  access: access.agreementRead,
  status: 200,
  summary:
    "Availability against the agreement's targets, each version for the part of the period it was in force; with knownAt, as known at that recorded time (versions, outages, ends and maintenance recorded before it)",
  query: knownAtQuery,
  responses: {
    200: {
      description: 'one term per service target and version',
      schema: z.object({
        agreementId: z.string(),
        from: z.string(),
        to: z.string(),
        terms: z.array(availability.extend({ version: z.number(), period: z.string() })),
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
  summary: "Availability of a service over any period in a calendar's service hours, optionally against a target",
  query: serviceAvailabilityQuery,
  responses: { 200: { description: 'the figures', schema: availability }, ...queryErrors },
});
