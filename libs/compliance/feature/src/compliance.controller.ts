import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { reportingRange } from '@sla/compliance-domain';
import type { EventMetadata } from '@sla/event-sourcing';
import {
  Endpoint,
  ValidBody,
  ValidParam,
  ValidQuery,
  RequestMetadata,
  RequestValidationError,
  ZodValidationPipe,
} from '@sla/nest-platform';
import { ListFollowUpsQuery, RecordBreachFollowUpCommand } from './breach-follow-up/breach-follow-up.handlers';
import { GetKpiSummaryQuery } from './kpis/kpi-summary.query';
import { EvaluateWhatIfQuery } from './what-if/what-if.query';
import { GetRestatementQuery } from './as-of/as-of.query';
import { GetAgreementAvailabilityQuery, GetServiceAvailabilityQuery } from './availability/availability.queries';
import {
  GetResponseResolutionComplianceQuery,
  GetTicketClocksQuery,
  ListBreachesQuery,
} from './ticket-sla/ticket-sla.queries';
import {
  agreementAvailabilityRoute,
  breachQuery,
  breachesRoute,
  followUpBody,
  followUpQuery,
  followUpsRoute,
  id,
  knownAtQuery,
  kpisRoute,
  rangeQuery,
  recordFollowUpRoute,
  responseResolutionRoute,
  restatementQuery,
  restatementRoute,
  serviceAvailabilityQuery,
  serviceAvailabilityRoute,
  ticketClocksRoute,
  whatIfBody,
  whatIfRoute,
} from './compliance.routes';

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
@Controller()
export class ComplianceController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Endpoint(recordFollowUpRoute)
  recordFollowUp(
    @Param('breachEventId', new ZodValidationPipe(z.uuid(), 'path')) breachEventId: string,
    @Body(new ZodValidationPipe(followUpBody)) body: z.infer<typeof followUpBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.commands.execute(new RecordBreachFollowUpCommand(breachEventId, body.type, body.data, metadata));
  }

  @Endpoint(whatIfRoute)
  whatIf(
    @ValidParam(whatIfRoute, 'agreementId', id) agreementId: string,
    @ValidBody(whatIfRoute) body: z.infer<typeof whatIfBody>,
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

  @Endpoint(followUpsRoute)
  followUps(@ValidQuery(followUpsRoute) query: z.infer<typeof followUpQuery>) {
    const { limit, cursor, ...filter } = query;
    return this.queries.execute(new ListFollowUpsQuery(filter, { limit, cursor }));
  }

  @Endpoint(ticketClocksRoute)
  ticketClocks(@ValidParam(ticketClocksRoute, 'ticketId', id) ticketId: string) {
    return this.queries.execute(new GetTicketClocksQuery(ticketId));
  }

  @Endpoint(breachesRoute)
  breaches(@ValidQuery(breachesRoute) query: z.infer<typeof breachQuery>) {
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

  @Endpoint(responseResolutionRoute)
  responseResolution(
    @ValidParam(responseResolutionRoute, 'agreementId', id) agreementId: string,
    @ValidQuery(responseResolutionRoute) query: z.infer<typeof rangeQuery>,
  ) {
    const { from, to } = rangeOf(query);
    return this.queries.execute(new GetResponseResolutionComplianceQuery(agreementId, from, to));
  }

  @Endpoint(restatementRoute)
  restatement(
    @ValidParam(restatementRoute, 'agreementId', id) agreementId: string,
    @ValidQuery(restatementRoute) query: z.infer<typeof restatementQuery>,
  ) {
    const { from, to } = rangeOf(query);
    return this.queries.execute(new GetRestatementQuery(agreementId, from, to, new Date(query.reportedAt)));
  }

  @Endpoint(kpisRoute)
  kpis(
    @ValidParam(kpisRoute, 'agreementId', id) agreementId: string,
    @ValidQuery(kpisRoute) query: z.infer<typeof rangeQuery>,
  ) {
    const { from, to } = rangeOf(query);
    return this.queries.execute(new GetKpiSummaryQuery(agreementId, from, to, query.timeZone));
  }

  @Endpoint(agreementAvailabilityRoute)
  agreementAvailability(
    @ValidParam(agreementAvailabilityRoute, 'agreementId', id) agreementId: string,
    @ValidQuery(agreementAvailabilityRoute) query: z.infer<typeof knownAtQuery>,
  ) {
    const { from, to } = rangeOf(query);
    return this.queries.execute(new GetAgreementAvailabilityQuery(agreementId, from, to, optionalDate(query.knownAt)));
  }

  @Endpoint(serviceAvailabilityRoute)
  serviceAvailability(
    @ValidParam(serviceAvailabilityRoute, 'serviceId', id) serviceId: string,
    @ValidQuery(serviceAvailabilityRoute)
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
