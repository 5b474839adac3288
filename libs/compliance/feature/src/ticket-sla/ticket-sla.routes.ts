import { z } from 'zod';
import { defineRoute, pageQueryShape, pageSchema, writeErrors } from '@sla/nest-platform';
import { access } from '@sla/access-control';
import { opaqueIdentifier, rangeQuery, knownAt, metric, clock } from '../compliance.schemas';

export const breachQuery = rangeQuery.extend({
  agreementId: opaqueIdentifier.optional(),
  serviceId: opaqueIdentifier.optional(),
  ticketId: opaqueIdentifier.optional(),
  priority: z.string().min(1).max(20).optional(),
  metric: metric.optional(),
  knownAt,
  ...pageQueryShape,
});

export const breachesRoute = defineRoute({
  method: 'get',
  path: '/compliance/breaches',
  tag: 'compliance',
  access: access.agreementQueryRead,
  status: 200,
  summary:
    'The breach log: every recorded breach in a period with its agreement version, target, the facts behind it, when it was detected, and any correction; with knownAt, the log as it stood at that recorded time',
  query: breachQuery,
  responses: {
    200: {
      description: 'a page of breaches, by breach instant',
      schema: pageSchema(
        z.object({
          eventId: z.string(),
          ticketId: z.string(),
          agreementId: z.string(),
          version: z.number(),
          metric: z.string(),
          serviceId: z.string().nullable(),
          priority: z.string().nullable(),
          targetMs: z.number().nullable(),
          calendarId: z.string().nullable(),
          breachedAt: z.string(),
          detectedAt: z.string(),
          recordedAt: z.string(),
          customerNotificationDueAt: z.string(),
          retractedAt: z.string().nullable(),
          retractionReason: z.string().nullable(),
          waiver: z.unknown(),
          facts: z.array(z.object({ type: z.string(), at: z.string(), priority: z.string().optional() })),
        }),
      ),
    },
    400: writeErrors[400],
  },
});

export const ticketClocksRoute = defineRoute({
  method: 'get',
  path: '/compliance/tickets/{ticketId}',
  tag: 'compliance',
  access: access.staffRead,
  status: 200,
  summary: "A ticket's response and resolution clocks under every agreement covering its service, as of now",
  responses: {
    200: { description: 'one row per agreement and metric', schema: z.array(clock) },
    400: writeErrors[400],
  },
});

export const responseResolutionRoute = defineRoute({
  method: 'get',
  path: '/compliance/agreements/{agreementId}/response-resolution',
  tag: 'compliance',
  access: access.agreementRead,
  status: 200,
  summary: 'Response and resolution compliance of the tickets opened in a period, per service, priority and metric',
  query: rangeQuery,
  responses: {
    200: {
      description: 'counts, % within target (truncated), median and 90th percentile of business time',
      schema: z.array(
        z.object({
          serviceId: z.string(),
          priority: z.string(),
          metric: z.string(),
          tickets: z.number(),
          met: z.number(),
          breached: z.number(),
          open: z.number(),
          percentWithinTarget: z.string().nullable(),
          medianElapsedMs: z.number().nullable(),
          p90ElapsedMs: z.number().nullable(),
        }),
      ),
    },
    400: writeErrors[400],
  },
});
