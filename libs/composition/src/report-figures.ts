import { QueryBus } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { AgreementContent } from '@sla/agreements-domain';
import type { AgreementTables, ReviewTables } from '@sla/agreements-feature';
import {
  parseReportingPeriod,
  periodContaining,
  reportingRange,
  shiftPeriod,
  truncatedDecimal,
} from '@sla/compliance-domain';
import {
  GetAgreementAvailabilityQuery,
  GetKpiSummaryQuery,
  GetResponseResolutionComplianceQuery,
  GetVersionsInForceQuery,
  ListBreachesQuery,
  ListFollowUpsQuery,
  type MetricCompliance,
} from '@sla/compliance-feature';
import { READ_STORE } from '@sla/nest-platform';
import type {
  FiguresRequest,
  ReportFiguresSource,
  ReportSubjectRequest,
  ServiceReportTables,
} from '@sla/reports-feature';
import {
  KPI_SECTIONS,
  type CreditAssessment,
  type ReportKpi,
  type ReportAgreement,
  type ReportSection,
} from '@sla/reports-domain';

/** % of stopped clocks within target over every service and priority, truncated like every other percentage. */
function withinTarget(rows: MetricCompliance[], metric: string): string | null {
  const [met, stopped] = rows
    .filter((row) => row.metric === metric)
    .reduce(([sum, all], row) => [sum + row.met, all + row.met + row.breached], [0, 0]);
  return stopped === 0 ? null : truncatedDecimal({ numerator: BigInt(met) * 100n, denominator: BigInt(stopped) }, 2);
}

type AgreementFacts = {
  agreement: ReportAgreement;
  /** The version in force at the period's end (else the latest approved one): its names, targets and credit terms. */
  version: { version: number; content: AgreementContent } | undefined;
  /**
   * When the agreement first came into force: the later of its first approved version's effective date and approval.
   */
  inForceFrom: number | null;
};

/** The agreement as its own read model has it, for the report's title, targets, credit terms and first period. */
async function agreementFacts(
  db: Kysely<AgreementTables>,
  agreementId: string,
  periodEnd: Date,
): Promise<AgreementFacts | undefined> {
  const agreement = await db
    .selectFrom('agreement')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
  if (!agreement) return undefined;
  const approved = await db
    .selectFrom('agreement_version')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .where('approved_at', 'is not', null)
    .orderBy('version')
    .execute();
  const inForceSince = (version: (typeof approved)[number]) =>
    Math.max(version.approved_at!.getTime(), Date.parse(version.content.effectiveFrom));
  const version =
    approved.filter((candidate) => inForceSince(candidate) < periodEnd.getTime()).at(-1) ?? approved.at(-1);
  return {
    agreement: {
      title: version?.content.title ?? agreement.title,
      customer: agreement.counterparty.name,
      provider: agreement.provider.name,
      kind: agreement.kind,
      effectiveFrom: version?.content.effectiveFrom ?? null,
    },
    version,
    inForceFrom: approved.length === 0 ? null : Math.min(...approved.map(inForceSince)),
  };
}

/**
 * The first period the trend shows: the agreement's first period in force, or the definition's first period if later.
 */
function trendStart(
  period: string,
  timeZone: string,
  inForceFrom: number | null,
  firstPeriod: string | undefined,
): string | undefined {
  const frequency = parseReportingPeriod(period)?.frequency;
  if (!frequency) return firstPeriod;
  const agreementFirst =
    inForceFrom === null
      ? undefined
      : periodContaining(
          frequency,
          Temporal.Instant.fromEpochMilliseconds(inForceFrom).toZonedDateTimeISO(timeZone).toPlainDate(),
        );
  const candidates = [agreementFirst, firstPeriod].filter(
    (candidate): candidate is string => candidate !== undefined && parseReportingPeriod(candidate) !== null,
  );
  return candidates
    .sort((a, b) => (parseReportingPeriod(a)!.start.toString() < parseReportingPeriod(b)!.start.toString() ? -1 : 1))
    .at(-1);
}

const creditOf = (credit: unknown): CreditAssessment | null => {
  if (!credit || typeof credit !== 'object') return null;
  const { termIndex = null, condition = null, credit: text = null } = credit as Partial<CreditAssessment>;
  return { termIndex, condition, credit: text };
};

/**
 * Report content from the compliance views, through the same queries the API
 * serves: each section a report definition asks for, and nothing else.
 */
export const reportFigures = {
  inject: [QueryBus, READ_STORE],
  useFactory: (
    queries: QueryBus,
    db: Kysely<ReviewTables & ServiceReportTables & AgreementTables>,
  ): ReportFiguresSource => {
    const rangeOf = (period: string, timeZone: string) => {
      const range = reportingRange(period, timeZone);
      if (!range) throw new RangeError(`'${period}' is not a reporting period`);
      return [new Date(range.from), new Date(range.to)] as const;
    };
    const unretractedBreaches = async (agreementId: string, from: Date, to: Date) =>
      (await queries.execute(new ListBreachesQuery({ agreementId }, from, to))).items.filter(
        (breach) => !breach.retractedAt,
      );

    return {
      async versionsInForce({ agreementId, period, timeZone }: ReportSubjectRequest) {
        const [from, to] = rangeOf(period, timeZone);
        return queries.execute(new GetVersionsInForceQuery(agreementId, from, to));
      },
      async figuresFor({
        agreementId,
        period,
        timeZone,
        audience,
        sections,
        trendPeriods,
        firstPeriod,
      }: FiguresRequest) {
        const wanted = (section: ReportSection) => !sections || sections.includes(section);
        const [from, to] = rangeOf(period, timeZone);
        const facts = await agreementFacts(db, agreementId, to);
        const figures: Record<string, unknown> = {
          from: from.toISOString(),
          to: to.toISOString(),
          ...(facts ? { agreement: facts.agreement } : {}),
        };
        const content = facts?.version?.content;
        if (wanted('targets')) {
          const rows = await queries.execute(new GetResponseResolutionComplianceQuery(agreementId, from, to));
          // The agreed time beside each actual, as the version in force at the period's end agrees it.
          const targetOf = (row: MetricCompliance) => {
            const target = content?.serviceTargets.find(
              (candidate) => candidate.serviceId === row.serviceId && candidate.priority === row.priority,
            );
            return row.metric === 'response' || row.metric === 'resolution'
              ? (target?.[row.metric].duration ?? null)
              : null;
          };
          figures.responseResolution = rows.map((row) => ({ ...row, target: targetOf(row) }));
        }
        if (wanted('breaches') && facts?.version) {
          figures.serviceCredits = facts.version.content.serviceCredits.map((term) => ({
            version: facts.version!.version,
            ...term,
          }));
        }
        if (wanted('availability'))
          figures.availability = (
            await queries.execute(new GetAgreementAvailabilityQuery(agreementId, from, to))
          ).terms;
        if (wanted('breaches')) {
          const followUps = new Map(
            (await queries.execute(new ListFollowUpsQuery({ status: 'all', agreementId }))).items.map((followUp) => [
              followUp.breachEventId,
              followUp,
            ]),
          );
          figures.breaches = (await queries.execute(new ListBreachesQuery({ agreementId }, from, to))).items.map(
            ({ eventId, ticketId, metric, priority, version, breachedAt, retractedAt, waiver }) => {
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
                followUp: followUp
                  ? {
                      status: followUp.status,
                      notificationDueAt: followUp.notificationDueAt,
                      notifiedAt: followUp.notifiedAt,
                      rootCause: followUp.rootCause,
                      remediatedAt: followUp.remediatedAt,
                      credit: creditOf(followUp.credit),
                    }
                  : null,
              };
            },
          );
        }
        const kpiIds =
          sections && !sections.includes('kpis')
            ? Object.keys(KPI_SECTIONS).filter((kpi) => sections.includes(KPI_SECTIONS[kpi]))
            : undefined;
        if (!kpiIds || kpiIds.length > 0) {
          const summary = await queries.execute(new GetKpiSummaryQuery(agreementId, from, to, timeZone));
          // Checked by the compiler: every KPI the summary can answer has a name in every report language.
          void (summary.map((kpi) => kpi.kpi) satisfies ReportKpi[]);
          const kpis: Record<string, unknown>[] = summary.filter((kpi) => !kpiIds || kpiIds.includes(kpi.kpi));
          // Process managers also see whether the customer reports due in this period went out on time.
          if (audience === 'internal' && !kpiIds) {
            const due = await db
              .selectFrom('service_report')
              .select(['on_time', 'first_published_at'])
              .where('agreement_id', '=', agreementId)
              .where('audience', '=', 'customer')
              .where('deadline', '>=', from)
              .where('deadline', '<', to)
              .execute();
            const onTime = due.filter((report) => report.on_time === true).length;
            kpis.push({
              kpi: 'reports-published-on-time',
              description: 'customer service reports due in the period and published before their deadline',
              value:
                due.length === 0
                  ? null
                  : truncatedDecimal({ numerator: BigInt(onTime) * 100n, denominator: BigInt(due.length) }, 2),
              numerator: onTime,
              denominator: due.length,
              goal: '100 %',
              met: due.length === 0 ? null : onTime === due.length,
            });
          }
          figures.kpis = kpis;
        }
        if (wanted('trend')) {
          // No rows for periods before the agreement (or the report definition) began: they have no figures to show.
          const trendFrom = trendStart(period, timeZone, facts?.inForceFrom ?? null, firstPeriod);
          const startsBefore = (label: string) =>
            trendFrom !== undefined &&
            parseReportingPeriod(label)!.start.toString() < parseReportingPeriod(trendFrom)!.start.toString();
          const periods = Array.from({ length: trendPeriods }, (_, index) =>
            shiftPeriod(period, index - trendPeriods + 1),
          ).filter((label) => !startsBefore(label));
          if (trendFrom !== undefined) figures.trendFrom = trendFrom;
          figures.trend = [];
          for (const label of periods) {
            const [start, end] = rangeOf(label, timeZone);
            const compliance = await queries.execute(new GetResponseResolutionComplianceQuery(agreementId, start, end));
            (figures.trend as unknown[]).push({
              period: label,
              availability: (
                await queries.execute(new GetAgreementAvailabilityQuery(agreementId, start, end))
              ).terms.map(({ serviceId, availabilityPercent }) => ({ serviceId, availabilityPercent })),
              responseWithinTarget: withinTarget(compliance, 'response'),
              resolutionWithinTarget: withinTarget(compliance, 'resolution'),
              breaches: (await unretractedBreaches(agreementId, start, end)).length,
            });
          }
        }
        if (wanted('improvement-plans')) {
          figures.improvementPlans = (
            await db
              .selectFrom('improvement_plan')
              .select(['plan_id', 'item', 'phase', 'percent_complete', 'due_at', 'owner'])
              .where('agreement_id', '=', agreementId)
              .orderBy('plan_id')
              .execute()
          ).map((plan) => ({
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
