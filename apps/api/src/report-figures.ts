import { QueryBus } from '@nestjs/cqrs';
import { reportingRange } from '@sla/compliance-domain';
import { GetAgreementAvailabilityQuery, GetKpiSummaryQuery, GetResponseResolutionComplianceQuery, ListBreachesQuery } from '@sla/compliance-feature';
import type { ReportFiguresSource } from '@sla/reports-feature';

/** Report content from the compliance views, through the same queries the API serves. */
export const reportFigures = {
  inject: [QueryBus],
  useFactory: (queries: QueryBus): ReportFiguresSource => ({
    async figuresFor(agreementId, period, timeZone) {
      const range = reportingRange(period, timeZone);
      if (!range) throw new RangeError(`'${period}' is not a reporting period`);
      const [from, to] = [new Date(range.from), new Date(range.to)];
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        responseResolution: await queries.execute(new GetResponseResolutionComplianceQuery(agreementId, from, to)),
        availability: (await queries.execute(new GetAgreementAvailabilityQuery(agreementId, from, to))).terms,
        kpis: await queries.execute(new GetKpiSummaryQuery(agreementId, from, to, timeZone)),
        breaches: (await queries.execute(new ListBreachesQuery(agreementId, from, to))).map(({ eventId, ticketId, metric, priority, version, breachedAt, retractedAt, waiver }) => ({ eventId, ticketId, metric, priority, version, breachedAt, retractedAt, waiver })),
      };
    },
  }),
};
