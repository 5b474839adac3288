import { QueryBus } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { ReviewTables } from '@sla/agreements-feature';
import { reportingRange, shiftPeriod, truncatedDecimal } from '@sla/compliance-domain';
import { GetAgreementAvailabilityQuery, GetKpiSummaryQuery, GetResponseResolutionComplianceQuery, ListBreachesQuery, ListFollowUpsQuery, type MetricCompliance } from '@sla/compliance-feature';
import { READ_STORE } from '@sla/nest-platform';
import type { FiguresRequest, ReportFiguresSource, ServiceReportTables } from '@sla/reports-feature';
import { KPI_SECTIONS, type ReportSection } from '@sla/reports-domain';

/** % of stopped clocks within target over every service and priority, truncated like every other percentage. */
function withinTarget(rows: MetricCompliance[], metric: string): string | null {
  const [met, stopped] = rows.filter((row) => row.metric === metric).reduce(([sum, all], row) => [sum + row.met, all + row.met + row.breached], [0, 0]);
  return stopped === 0 ? null : truncatedDecimal({ numerator: BigInt(met) * 100n, denominator: BigInt(stopped) }, 2);
}

/**
 * Report content from the compliance views, through the same queries the API
 * serves: each section a report definition asks for, and nothing else.
 */
export const reportFigures = {
  inject: [QueryBus, READ_STORE],
  useFactory: (queries: QueryBus, db: Kysely<ReviewTables & ServiceReportTables>): ReportFiguresSource => {
    const rangeOf = (period: string, timeZone: string) => {
      const range = reportingRange(period, timeZone);
      if (!range) throw new RangeError(`'${period}' is not a reporting period`);
      return [new Date(range.from), new Date(range.to)] as const;
    };
    const unretractedBreaches = async (agreementId: string, from: Date, to: Date) => (await queries.execute(new ListBreachesQuery({ agreementId }, from, to))).items.filter((breach) => !breach.retractedAt);

    return {
      async figuresFor({ agreementId, period, timeZone, audience, sections, trendPeriods }: FiguresRequest) {
        const wanted = (section: ReportSection) => !sections || sections.includes(section);
        const [from, to] = rangeOf(period, timeZone);
        const figures: Record<string, unknown> = { from: from.toISOString(), to: to.toISOString() };
        if (wanted('targets')) figures.responseResolution = await queries.execute(new GetResponseResolutionComplianceQuery(agreementId, from, to));
        if (wanted('availability')) figures.availability = (await queries.execute(new GetAgreementAvailabilityQuery(agreementId, from, to))).terms;
        if (wanted('breaches')) {
          const followUps = new Map((await queries.execute(new ListFollowUpsQuery({ status: 'all', agreementId }))).items.map((followUp) => [followUp.breachEventId, followUp]));
          figures.breaches = (await queries.execute(new ListBreachesQuery({ agreementId }, from, to))).items.map(({ eventId, ticketId, metric, priority, version, breachedAt, retractedAt, waiver }) => {
            const followUp = followUps.get(eventId);
            return {
              eventId,
              ticketId,
              metric,
              priority,
              version,
              breachedAt,
              retractedAt,
              waiver,
              followUp: followUp ? { status: followUp.status, notificationDueAt: followUp.notificationDueAt, notifiedAt: followUp.notifiedAt, rootCause: followUp.rootCause, remediatedAt: followUp.remediatedAt } : null,
            };
          });
        }
        const kpiIds = sections && !sections.includes('kpis') ? Object.keys(KPI_SECTIONS).filter((kpi) => sections.includes(KPI_SECTIONS[kpi])) : undefined;
        if (!kpiIds || kpiIds.length > 0) {
          const kpis: Record<string, unknown>[] = (await queries.execute(new GetKpiSummaryQuery(agreementId, from, to, timeZone))).filter((kpi) => !kpiIds || kpiIds.includes(kpi.kpi));
          // Process managers also see whether the customer reports due in this period went out on time.
          if (audience === 'internal' && !kpiIds) {
            const due = await db.selectFrom('service_report').select(['on_time', 'first_published_at']).where('agreement_id', '=', agreementId).where('audience', '=', 'customer').where('deadline', '>=', from).where('deadline', '<', to).execute();
            const onTime = due.filter((report) => report.on_time === true).length;
            kpis.push({
              kpi: 'reports-published-on-time',
              description: 'customer service reports due in the period and published before their deadline',
              value: due.length === 0 ? null : truncatedDecimal({ numerator: BigInt(onTime) * 100n, denominator: BigInt(due.length) }, 2),
              numerator: onTime,
              denominator: due.length,
              goal: '100 %',
              met: due.length === 0 ? null : onTime === due.length,
            });
          }
          figures.kpis = kpis;
        }
        if (wanted('trend')) {
          const periods = Array.from({ length: trendPeriods }, (_, index) => shiftPeriod(period, index - trendPeriods + 1));
          figures.trend = [];
          for (const label of periods) {
            const [start, end] = rangeOf(label, timeZone);
            const compliance = await queries.execute(new GetResponseResolutionComplianceQuery(agreementId, start, end));
            (figures.trend as unknown[]).push({
              period: label,
              availability: (await queries.execute(new GetAgreementAvailabilityQuery(agreementId, start, end))).terms.map(({ serviceId, availabilityPercent }) => ({ serviceId, availabilityPercent })),
              responseWithinTarget: withinTarget(compliance, 'response'),
              resolutionWithinTarget: withinTarget(compliance, 'resolution'),
              breaches: (await unretractedBreaches(agreementId, start, end)).length,
            });
          }
        }
        if (wanted('improvement-plans')) {
          figures.improvementPlans = (await db.selectFrom('improvement_plan').select(['plan_id', 'item', 'phase', 'percent_complete', 'due_at', 'owner']).where('agreement_id', '=', agreementId).orderBy('plan_id').execute()).map((plan) => ({
            planId: plan.plan_id,
            item: plan.item,
            phase: plan.phase,
            percentComplete: plan.percent_complete,
            dueAt: plan.due_at?.toISOString() ?? null,
            owner: plan.owner,
          }));
        }
        return figures;
      },
    };
  },
};
