import { Body, Controller, Get, HttpCode, Param, Post, Query as QueryParameters } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { isTimeZone } from '@sla/sla-clock';
import { reportingRange } from '@sla/compliance-domain';
import type { EventMetadata } from '@sla/event-sourcing';
import { breachFollowUpEventDefinitions } from '@sla/compliance-domain';
import {
  factBodyDocumentation,
  pageQueryShape,
  pageSchema,
  RequestMetadata,
  RequestValidationError,
  ZodValidationPipe,
  writeErrors,
  type RouteDocumentation,
} from '@sla/nest-platform';
import { ListFollowUpsQuery, RecordBreachFollowUpCommand } from './breach-follow-up/breach-follow-up.handlers';
import { GetKpiSummaryQuery } from './kpis/kpi-summary.query';
import { EvaluateWhatIfQuery } from './what-if/what-if.query';
import { GetRestatementQuery } from './as-of/as-of.query';
import { agreementContentSchema } from '@sla/agreements-domain';
import { GetAgreementAvailabilityQuery, GetServiceAvailabilityQuery } from './availability/availability.queries';
import {
  GetResponseResolutionComplianceQuery,
  GetTicketClocksQuery,
  ListBreachesQuery,
} from './ticket-sla/ticket-sla.queries';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/, 'not an id');

/** A period (2026-03, 2026-Q1, 2026-H2, 2026) in a time zone, or an explicit [from, to). */
const rangeQuery = z.strictObject({
  period: z.string().optional(),
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone').default('UTC'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
/** "As known at recorded time T": only what had been recorded before T (what a report made then could say). */
const knownAt = z.iso.datetime({ offset: true }).optional();
const knownAtQuery = rangeQuery.extend({ knownAt });
const metric = z.enum(['response', 'resolution']);
const breachQuery = rangeQuery.extend({
  agreementId: id.optional(),
  serviceId: id.optional(),
  ticketId: id.optional(),
  priority: z.string().min(1).max(20).optional(),
  metric: metric.optional(),
  knownAt,
  ...pageQueryShape,
});
const followUpBody = z.strictObject({
  type: z.enum(breachFollowUpEventDefinitions.map((definition) => definition.type) as [string, ...string[]]),
  data: z.record(z.string(), z.unknown()),
});
const whatIfBody = z
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
const restatementQuery = rangeQuery.extend({ reportedAt: z.iso.datetime({ offset: true }) });
const followUpQuery = z.strictObject({
  status: z.enum(['open', 'all']).default('open'),
  agreementId: id.optional(),
  ticketId: id.optional(),
  metric: metric.optional(),
  ...pageQueryShape,
});
const serviceAvailabilityQuery = rangeQuery.extend({
  knownAt,
  calendarId: z.string().min(1),
  targetPercentage: z.coerce.number().gt(0).lte(100).optional(),
});

function rangeOf(query: z.infer<typeof rangeQuery>): { from: Date; to: Date } {
  if (query.period !== undefined) {
    if (query.from || query.to)
      throw new RequestValidationError('query', [
        { path: 'period', message: 'give a period or from and to, not both' },
      ]);
    const range = reportingRange(query.period, query.timeZone);
    if (!range)
      throw new RequestValidationError('query', [
        { path: 'period', message: 'a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)' },
      ]);
    return { from: new Date(range.from), to: new Date(range.to) };
  }
  if (!query.from || !query.to)
    throw new RequestValidationError('query', [
      { path: query.from ? 'to' : 'from', message: 'required without a period' },
    ]);
  const [from, to] = [new Date(query.from), new Date(query.to)];
  if (to <= from) throw new RequestValidationError('query', [{ path: 'to', message: 'must be after from' }]);
  return { from, to };
}

const optionalDate = (value: string | undefined) => (value === undefined ? undefined : new Date(value));

/** Compliance views for managers: read models only, never a replay on the request path. */
@Controller('compliance')
export class ComplianceController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Post('breaches/:breachEventId/follow-up')
  @HttpCode(201)
  recordFollowUp(
    @Param('breachEventId', new ZodValidationPipe(z.uuid(), 'path')) breachEventId: string,
    @Body(new ZodValidationPipe(followUpBody)) body: z.infer<typeof followUpBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.commands.execute(new RecordBreachFollowUpCommand(breachEventId, body.type, body.data, metadata));
  }

  @Post('agreements/:agreementId/what-if')
  @HttpCode(200)
  whatIf(
    @Param('agreementId', new ZodValidationPipe(id, 'path')) agreementId: string,
    @Body(new ZodValidationPipe(whatIfBody)) body: z.infer<typeof whatIfBody>,
  ) {
    const { from, to } = rangeOf(body);
    return this.queries.execute(
      new EvaluateWhatIfQuery(
        agreementId,
        from,
        to,
        body.version !== undefined ? { version: body.version } : { content: body.content! },
      ),
    );
  }

  @Get('follow-ups')
  followUps(@QueryParameters(new ZodValidationPipe(followUpQuery, 'query')) query: z.infer<typeof followUpQuery>) {
    const { limit, cursor, ...filter } = query;
    return this.queries.execute(new ListFollowUpsQuery(filter, { limit, cursor }));
  }

  @Get('tickets/:ticketId')
  ticketClocks(@Param('ticketId', new ZodValidationPipe(id, 'path')) ticketId: string) {
    return this.queries.execute(new GetTicketClocksQuery(ticketId));
  }

  @Get('breaches')
  breaches(@QueryParameters(new ZodValidationPipe(breachQuery, 'query')) query: z.infer<typeof breachQuery>) {
    const { from, to } = rangeOf(query);
    const filter = {
      agreementId: query.agreementId,
      serviceId: query.serviceId,
      ticketId: query.ticketId,
      priority: query.priority,
      metric: query.metric,
    };
    return this.queries.execute(
      new ListBreachesQuery(filter, from, to, optionalDate(query.knownAt), {
        limit: query.limit,
        cursor: query.cursor,
      }),
    );
  }

  @Get('agreements/:agreementId/response-resolution')
  responseResolution(
    @Param('agreementId', new ZodValidationPipe(id, 'path')) agreementId: string,
    @QueryParameters(new ZodValidationPipe(rangeQuery, 'query')) query: z.infer<typeof rangeQuery>,
  ) {
    const { from, to } = rangeOf(query);
    return this.queries.execute(new GetResponseResolutionComplianceQuery(agreementId, from, to));
  }

  @Get('agreements/:agreementId/restatement')
  restatement(
    @Param('agreementId', new ZodValidationPipe(id, 'path')) agreementId: string,
    @QueryParameters(new ZodValidationPipe(restatementQuery, 'query')) query: z.infer<typeof restatementQuery>,
  ) {
    const { from, to } = rangeOf(query);
    return this.queries.execute(new GetRestatementQuery(agreementId, from, to, new Date(query.reportedAt)));
  }

  @Get('agreements/:agreementId/kpis')
  kpis(
    @Param('agreementId', new ZodValidationPipe(id, 'path')) agreementId: string,
    @QueryParameters(new ZodValidationPipe(rangeQuery, 'query')) query: z.infer<typeof rangeQuery>,
  ) {
    const { from, to } = rangeOf(query);
    return this.queries.execute(new GetKpiSummaryQuery(agreementId, from, to, query.timeZone));
  }

  @Get('agreements/:agreementId/availability')
  agreementAvailability(
    @Param('agreementId', new ZodValidationPipe(id, 'path')) agreementId: string,
    @QueryParameters(new ZodValidationPipe(knownAtQuery, 'query')) query: z.infer<typeof knownAtQuery>,
  ) {
    const { from, to } = rangeOf(query);
    return this.queries.execute(new GetAgreementAvailabilityQuery(agreementId, from, to, optionalDate(query.knownAt)));
  }

  @Get('services/:serviceId/availability')
  serviceAvailability(
    @Param('serviceId', new ZodValidationPipe(id, 'path')) serviceId: string,
    @QueryParameters(new ZodValidationPipe(serviceAvailabilityQuery, 'query'))
    query: z.infer<typeof serviceAvailabilityQuery>,
  ) {
    const { from, to } = rangeOf(query);
    return this.queries.execute(
      new GetServiceAvailabilityQuery(
        serviceId,
        query.calendarId,
        from,
        to,
        query.targetPercentage,
        optionalDate(query.knownAt),
      ),
    );
  }
}

const clock = z.object({
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
const availability = z.object({
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
const queryErrors = { 400: writeErrors[400], 404: writeErrors[404], 422: writeErrors[422] };

const judgedBy = z
  .number()
  .nullable()
  .describe('the agreement version the clock was judged by; null for candidate content');
const outcome = z
  .object({ version: judgedBy, state: z.string(), elapsedMs: z.number(), targetMs: z.number().nullable() })
  .nullable();
const whatIfTotals = z.object({ met: z.number(), breached: z.number(), percentWithinTarget: z.string().nullable() });

const periodFigures = z.array(
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

export const complianceRoutes: RouteDocumentation[] = [
  {
    method: 'get',
    path: '/compliance/agreements/{agreementId}/restatement',
    tag: 'compliance',
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
  },
  {
    method: 'post',
    path: '/compliance/agreements/{agreementId}/what-if',
    tag: 'compliance',
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
  },
  {
    method: 'post',
    path: '/compliance/breaches/{breachEventId}/follow-up',
    tag: 'compliance',
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
  },
  {
    method: 'get',
    path: '/compliance/follow-ups',
    tag: 'compliance',
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
  },
  {
    method: 'get',
    path: '/compliance/breaches',
    tag: 'compliance',
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
  },
  {
    method: 'get',
    path: '/compliance/tickets/{ticketId}',
    tag: 'compliance',
    summary: "A ticket's response and resolution clocks under every agreement covering its service, as of now",
    responses: {
      200: { description: 'one row per agreement and metric', schema: z.array(clock) },
      400: writeErrors[400],
    },
  },
  {
    method: 'get',
    path: '/compliance/agreements/{agreementId}/response-resolution',
    tag: 'compliance',
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
  },
  {
    method: 'get',
    path: '/compliance/agreements/{agreementId}/kpis',
    tag: 'compliance',
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
  },
  {
    method: 'get',
    path: '/compliance/agreements/{agreementId}/availability',
    tag: 'compliance',
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
  },
  {
    method: 'get',
    path: '/compliance/services/{serviceId}/availability',
    tag: 'compliance',
    summary: "Availability of a service over any period in a calendar's service hours, optionally against a target",
    query: serviceAvailabilityQuery,
    responses: { 200: { description: 'the figures', schema: availability }, ...queryErrors },
  },
];
