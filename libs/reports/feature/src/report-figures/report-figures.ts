import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { AgreementContent } from '@sla/agreements-domain';
import {
  parseReportingPeriod,
  periodContaining,
  reportingRange,
  shiftPeriod,
  truncatedDecimal,
} from '@sla/compliance-domain';
import {
  BreachWaiver,
  KPI_SECTIONS,
  type AvailabilityLine,
  type BreachLine,
  type ComplianceLine,
  type CreditAssessment,
  type KpiLine,
  type ReportAgreement,
  type ReportFigures,
  type ReportKpi,
  type ReportSection,
  type TrendPoint,
} from '@sla/reports-domain';
import type { ServiceReportTables } from '../service-reports.projection';
import type { FiguresRequest, ReportFiguresSource, ReportSubjectRequest } from '../service-reports.service';

type AgreementPeriodQuery<Row> = (agreementId: string, from: Date, to: Date) => Promise<Row>;
/** Every field, present: the rows the compliance views answer with, before reports picks what it records. */
type ViewRow<Line> = { [Field in keyof Line]-?: Exclude<Line[Field], undefined> };
type AvailabilityRow = ViewRow<Omit<AvailabilityLine, 'contributions'>> & {
  contributions: readonly { outageId: string; downtime: number; excluded: number }[];
};
type ComplianceRow = ViewRow<Omit<ComplianceLine, 'target'>>;

/**
 * What the figures read of other contexts, each through the reader its owner exports (compliance:
 * agreementComplianceReader, agreements: approvedAgreementReader and improvementPlansReader); the composition root
 * hands them in, and the compiler checks there that the owners' rows have the shapes declared here.
 */
export type ReportReaders = {
  compliance: {
    versionsInForce: AgreementPeriodQuery<number[]>;
    responseResolution: AgreementPeriodQuery<ComplianceRow[]>;
    availability: AgreementPeriodQuery<readonly AvailabilityRow[]>;
    breaches: AgreementPeriodQuery<(Omit<BreachLine, 'waiver' | 'followUp'> & { waiver: unknown })[]>;
    followUps(
      agreementId: string,
    ): Promise<(Omit<NonNullable<BreachLine['followUp']>, 'credit'> & { breachEventId: string; credit: unknown })[]>;
    /** Checked by the compiler: every KPI the summary can answer has a name in every report language. */
    kpiSummary(
      agreementId: string,
      from: Date,
      to: Date,
      timeZone: string,
    ): Promise<(Omit<KpiLine, 'kpi'> & { kpi: ReportKpi })[]>;
  };
  agreements: {
    approvedAgreement(agreementId: string): Promise<
      | (Omit<ReportAgreement, 'effectiveFrom'> & {
          approvedVersions: { version: number; approvedAt: Date; content: AgreementContent }[];
        })
      | undefined
    >;
  };
  improvementPlans: {
    plansOf(agreementId: string): Promise<
      {
        planId: string;
        item: string;
        phase: string;
        percentComplete: number;
        dueAt: Date | null;
        owner: string | null;
      }[]
    >;
  };
};

/** % of stopped clocks within target over every service and priority, truncated like every other percentage. */
function withinTarget(rows: ComplianceRow[], metric: string): string | null {
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
  agreements: ReportReaders['agreements'],
  agreementId: string,
  periodEnd: Date,
): Promise<AgreementFacts | undefined> {
  const agreement = await agreements.approvedAgreement(agreementId);
  if (!agreement) return undefined;
  const approved = agreement.approvedVersions;
  const inForceSince = (version: (typeof approved)[number]) =>
    Math.max(version.approvedAt.getTime(), Date.parse(version.content.effectiveFrom));
  const version =
    approved.filter((candidate) => inForceSince(candidate) < periodEnd.getTime()).at(-1) ?? approved.at(-1);
  return {
    agreement: {
      title: version?.content.title ?? agreement.title,
      customer: agreement.customer,
      provider: agreement.provider,
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

/**
 * The fields a report records of a compliance row, named one by one: a field the view gains later does not change
 * the content of reports (which is frozen by its hash) until reports adds it to ReportContent.
 */
const complianceLine = (row: ComplianceRow, target: ComplianceLine['target']): ComplianceLine => ({
  serviceId: row.serviceId,
  priority: row.priority,
  metric: row.metric,
  tickets: row.tickets,
  met: row.met,
  breached: row.breached,
  open: row.open,
  percentWithinTarget: row.percentWithinTarget,
  medianElapsedMs: row.medianElapsedMs,
  p90ElapsedMs: row.p90ElapsedMs,
  target,
});
const availabilityLine = (term: AvailabilityRow): AvailabilityLine => ({
  serviceId: term.serviceId,
  version: term.version,
  period: term.period,
  calendarId: term.calendarId,
  from: term.from,
  to: term.to,
  measuredUntil: term.measuredUntil,
  availabilityPercent: term.availabilityPercent,
  targetPercentage: term.targetPercentage,
  targetMet: term.targetMet,
  agreedServiceTime: term.agreedServiceTime,
  downtime: term.downtime,
  excludedMaintenanceDowntime: term.excludedMaintenanceDowntime,
  maintenanceTime: term.maintenanceTime,
  remainingDowntimeBudget: term.remainingDowntimeBudget,
  failures: term.failures,
  meanTimeToRestore: term.meanTimeToRestore,
  meanTimeBetweenFailures: term.meanTimeBetweenFailures,
  contributions: term.contributions.map(({ outageId, downtime, excluded }) => ({ outageId, downtime, excluded })),
});

/** A follow-up's credit assessment as recorded; only the term, condition and credit go into a report. */
const recordedCredit = z.object({
  termIndex: z.number().int().nonnegative().nullable().optional(),
  condition: z.string().nullable().optional(),
  credit: z.string().nullable().optional(),
});
const creditOf = (credit: unknown): CreditAssessment | null => {
  const recorded = recordedCredit.safeParse(credit);
  if (!credit || !recorded.success) return null;
  const { termIndex = null, condition = null, credit: text = null } = recorded.data;
  return { termIndex, condition, credit: text };
};

/**
 * Report content from the compliance views, through the same queries the API serves: each section a report
 * definition asks for, and nothing else. The report's own table answers the timeliness KPI.
 */
export function reportFigures(readers: ReportReaders, db: Kysely<ServiceReportTables>): ReportFiguresSource {
  const { compliance } = readers;
  const rangeOf = (period: string, timeZone: string) => {
    const range = reportingRange(period, timeZone);
    if (!range) throw new RangeError(`'${period}' is not a reporting period`);
    return [new Date(range.from), new Date(range.to)] as const;
  };
  const unretractedBreaches = async (agreementId: string, from: Date, to: Date) =>
    (await compliance.breaches(agreementId, from, to)).filter((breach) => !breach.retractedAt);

  return {
    async versionsInForce({ agreementId, period, timeZone }: ReportSubjectRequest) {
      const [from, to] = rangeOf(period, timeZone);
      return compliance.versionsInForce(agreementId, from, to);
    },
    async figuresFor({
      agreementId,
      period,
      timeZone,
      audience,
      sections,
      trendPeriods,
      firstPeriod,
    }: FiguresRequest): Promise<ReportFigures> {
      const wanted = (section: ReportSection) => !sections || sections.includes(section);
      const [from, to] = rangeOf(period, timeZone);
      const facts = await agreementFacts(readers.agreements, agreementId, to);
      const figures: ReportFigures = {
        from: from.toISOString(),
        to: to.toISOString(),
        ...(facts ? { agreement: facts.agreement } : {}),
      };
      const content = facts?.version?.content;
      if (wanted('targets')) {
        const rows = await compliance.responseResolution(agreementId, from, to);
        // The agreed time beside each actual, as the version in force at the period's end agrees it.
        const targetOf = (row: ComplianceRow) => {
          const target = content?.serviceTargets.find(
            (candidate) => candidate.serviceId === row.serviceId && candidate.priority === row.priority,
          );
          return row.metric === 'response' || row.metric === 'resolution'
            ? (target?.[row.metric].duration ?? null)
            : null;
        };
        figures.responseResolution = rows.map((row) => complianceLine(row, targetOf(row)));
      }
      if (wanted('breaches') && facts?.version) {
        figures.serviceCredits = facts.version.content.serviceCredits.map((term) => ({
          version: facts.version!.version,
          ...term,
        }));
      }
      if (wanted('availability'))
        figures.availability = (await compliance.availability(agreementId, from, to)).map(availabilityLine);
      if (wanted('breaches')) {
        const followUps = new Map(
          (await compliance.followUps(agreementId)).map((followUp) => [followUp.breachEventId, followUp]),
        );
        figures.breaches = (await compliance.breaches(agreementId, from, to)).map(
          ({ eventId, ticketId, metric, priority, version, breachedAt, retractedAt, waiver }): BreachLine => {
            const followUp = followUps.get(eventId);
            return {
              eventId,
              ticketId,
              metric,
              priority,
              version,
              breachedAt,
              retractedAt,
              waiver: BreachWaiver.nullable().parse(waiver),
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
        const summary = await compliance.kpiSummary(agreementId, from, to, timeZone);
        const kpis: KpiLine[] = summary.filter((kpi) => !kpiIds || kpiIds.includes(kpi.kpi));
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
        const trend: TrendPoint[] = [];
        for (const label of periods) {
          const [start, end] = rangeOf(label, timeZone);
          const rows = await compliance.responseResolution(agreementId, start, end);
          trend.push({
            period: label,
            availability: (await compliance.availability(agreementId, start, end)).map(
              ({ serviceId, availabilityPercent }) => ({ serviceId, availabilityPercent }),
            ),
            responseWithinTarget: withinTarget(rows, 'response'),
            resolutionWithinTarget: withinTarget(rows, 'resolution'),
            breaches: (await unretractedBreaches(agreementId, start, end)).length,
          });
        }
        figures.trend = trend;
      }
      if (wanted('improvement-plans')) {
        figures.improvementPlans = (await readers.improvementPlans.plansOf(agreementId)).map((plan) => ({
          ...plan,
          dueAt: plan.dueAt?.toISOString() ?? null,
        }));
      }
      return figures;
    },
  };
}
