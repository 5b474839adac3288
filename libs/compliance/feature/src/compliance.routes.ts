import { z } from 'zod';
import { isTimeZone } from '@sla/sla-clock';
import { breachFollowUpEventDefinitions } from '@sla/compliance-domain';
import { defineRoute, factBodyDocumentation, pageQueryShape, pageSchema, writeErrors } from '@sla/nest-platform';
import { agreementContentSchema } from '@sla/agreements-domain';
import { access } from '@sla/access-control';

export const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/, 'not an id');

/** A period (2026-03, 2026-Q1, 2026-H2, 2026) in a time zone, or an explicit [from, to). */
export const rangeQuery = z.strictObject({
  period: z.string().optional(),
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone').default('UTC'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** "As known at recorded time T": only what had been recorded before T (what a report made then could say). */
export const knownAt = z.iso.datetime({ offset: true }).optional();

export const knownAtQuery = rangeQuery.extend({ knownAt });

export const metric = z.enum(['response', 'resolution']);

export const breachQuery = rangeQuery.extend({
  agreementId: id.optional(),
  serviceId: id.optional(),
  ticketId: id.optional(),
  priority: z.string().min(1).max(20).optional(),
  metric: metric.optional(),
  knownAt,
  ...pageQueryShape,
});

export const followUpBody = z.strictObject({
  type: z.enum(breachFollowUpEventDefinitions.map((definition) => definition.type) as [string, ...string[]]),
  data: z.record(z.string(), z.unknown()),
});

export const whatIfBody = z
  .strictObject({
    period: z.string().optional(),
    timeZone: z.string().refine(isTimeZone, 'not an IANA time zone').default('UTC'),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    version: z.number().int().positive().optional(),
    content: agreementContentSchema.optional(),
  })
  .refine((body) => (body.version === undefined) !== (body.content === undefined), {
    message: 'give either a version of the agreement or content to evaluate',
    path: ['version'],
  });

export const restatementQuery = rangeQuery.extend({ reportedAt: z.iso.datetime({ offset: true }) });

export const followUpQuery = z.strictObject({
  status: z.enum(['open', 'all']).default('open'),
  agreementId: id.optional(),
  ticketId: id.optional(),
  metric: metric.optional(),
  ...pageQueryShape,
});

export const serviceAvailabilityQuery = rangeQuery.extend({
  knownAt,
  calendarId: z.string().min(1),
  targetPercentage: z.coerce.number().gt(0).lte(100).optional(),
});

export const clock = z.object({
  ticketId: z.string(),
  agreementId: z.string(),
  agreementKind: z.string(),
  version: z.number(),
  metric: z.string(),
  serviceId: z.string(),
  priority: z.string().nullable(),
  state: z.enum(['not-started', 'running', 'paused', 'met', 'breached', 'not-covered', 'at-risk']),
  recordedState: z.string(),
  reason: z.string().nullable(),
  targetMs: z.number().nullable(),
  calendarId: z.string().nullable(),
  elapsedMs: z.number(),
  remainingMs: z.number().nullable(),
  dueAt: z.string().nullable(),
  breachAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  atRiskAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  openedAt: z.string(),
  evaluatedAt: z.string(),
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

export const queryErrors = { 400: writeErrors[400], 404: writeErrors[404], 422: writeErrors[422] };

export const judgedBy = z
  .number()
  .nullable()
  .describe('the agreement version the clock was judged by; null for candidate content');

export const outcome = z
  .object({ version: judgedBy, state: z.string(), elapsedMs: z.number(), targetMs: z.number().nullable() })
  .nullable();

export const whatIfTotals = z.object({
  met: z.number(),
  breached: z.number(),
  percentWithinTarget: z.string().nullable(),
});

export const periodFigures = z.array(
  z.object({
    serviceId: z.string(),
    priority: z.string(),
    metric: z.string(),
    tickets: z.number(),
    met: z.number(),
    breached: z.number(),
    open: z.number(),
    percentWithinTarget: z.string().nullable(),
  }),
);

export const restatementRoute = defineRoute({
  method: 'get',
  path: '/compliance/agreements/{agreementId}/restatement',
  tag: 'compliance',
  access: access.agreementRead,
  status: 200,
  summary:
    "A period's response/resolution figures as known when reported (facts recorded before reportedAt) beside what is known now, with the late facts behind each change",
  query: restatementQuery,
  responses: {
    200: {
      description: 'as reported, as corrected, and the changes',
      schema: z.object({
        agreementId: z.string(),
        from: z.string(),
        to: z.string(),
        reportedAt: z.string(),
        correctedAt: z.string(),
        asReported: periodFigures,
        asCorrected: periodFigures,
        changes: z.array(
          z.object({
            ticketId: z.string(),
            metric: z.string(),
            reported: z.string(),
            corrected: z.string(),
            causedBy: z.array(z.object({ type: z.string(), occurredAt: z.string(), recordedAt: z.string() })),
          }),
        ),
      }),
    },
    ...queryErrors,
  },
});

export const whatIfRoute = defineRoute({
  method: 'post',
  path: '/compliance/agreements/{agreementId}/what-if',
  tag: 'compliance',
  access: access.whatIf,
  status: 200,
  summary:
    "A past period's tickets evaluated under a draft version (or any content) beside the version in force at each ticket's opening; nothing is stored",
  body: whatIfBody,
  responses: {
    200: {
      description: 'per ticket and metric, and in total',
      schema: z.object({
        agreementId: z.string(),
        from: z.string(),
        to: z.string(),
        candidate: z.string(),
        tickets: z.array(
          z.object({
            ticketId: z.string(),
            serviceId: z.string(),
            metric: z.string(),
            priority: z.string().nullable(),
            inForce: outcome,
            candidate: outcome,
            changed: z.boolean(),
          }),
        ),
        totals: z.array(z.object({ metric: z.string(), inForce: whatIfTotals, candidate: whatIfTotals })),
      }),
    },
    ...queryErrors,
  },
});

export const recordFollowUpRoute = defineRoute({
  method: 'post',
  path: '/compliance/breaches/{breachEventId}/follow-up',
  tag: 'compliance',
  access: access.change,
  status: 201,
  summary:
    "A step of a breach's follow-up: customer notified (due within 24 h), root cause, service credit assessed by the agreement's credit terms, remediation reported (closes it), customer-approved waiver",
  // Each step's own data schema; occurredAt defaults to the time it is recorded.
  body: factBodyDocumentation(breachFollowUpEventDefinitions, {
    pathField: 'breachEventId',
    defaulted: ['occurredAt'],
  }),
  responses: {
    201: {
      description: 'recorded',
      schema: z.object({ breachEventId: z.string(), streamRevision: z.string(), events: z.array(z.string()) }),
    },
    ...writeErrors,
  },
});

export const followUpsRoute = defineRoute({
  method: 'get',
  path: '/compliance/follow-ups',
  tag: 'compliance',
  access: access.agreementQueryRead,
  status: 200,
  summary: 'Breach follow-ups with their due times (open ones by default)',
  query: followUpQuery,
  responses: {
    200: {
      description: 'a page of follow-ups, by notification due time',
      schema: pageSchema(
        z.object({
          breachEventId: z.string(),
          ticketId: z.string(),
          agreementId: z.string(),
          version: z.number(),
          metric: z.string(),
          breachedAt: z.string(),
          detectedAt: z.string(),
          notificationDueAt: z.string(),
          notifiedAt: z.string().nullable(),
          notificationOnTime: z.boolean().nullable(),
          notification: z.unknown(),
          rootCause: z.string().nullable(),
          credit: z.unknown(),
          remediation: z.string().nullable(),
          remediatedAt: z.string().nullable(),
          waiver: z.unknown(),
          retractedAt: z.string().nullable(),
          status: z.enum(['open', 'closed', 'retracted']),
        }),
      ),
    },
    400: writeErrors[400],
  },
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

export const kpisRoute = defineRoute({
  method: 'get',
  path: '/compliance/agreements/{agreementId}/kpis',
  tag: 'compliance',
  access: access.agreementRead,
  status: 200,
  summary: 'Process KPIs for an agreement and period, each against its goal',
  query: rangeQuery,
  responses: {
    200: {
      description: 'the KPIs',
      schema: z.array(
        z.object({
          kpi: z.enum([
            'all-targets-met',
            'incidents-within-response-target',
            'customer-satisfaction',
            'complaints-handled',
            'major-incidents-per-year',
          ]),
          description: z.string(),
          value: z.string().nullable(),
          numerator: z.number(),
          denominator: z.number().nullable(),
          goal: z.string(),
          met: z.boolean().nullable(),
        }),
      ),
    },
    ...queryErrors,
  },
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

export const complianceRoutes = [
  restatementRoute,
  whatIfRoute,
  recordFollowUpRoute,
  followUpsRoute,
  breachesRoute,
  ticketClocksRoute,
  responseResolutionRoute,
  kpisRoute,
  agreementAvailabilityRoute,
  serviceAvailabilityRoute,
];
