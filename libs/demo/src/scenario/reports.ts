import { Temporal } from 'temporal-polyfill';
import { REPORT_SECTIONS, reportDue } from '@sla/reports-domain';
import type { DemoContext, DemoContribution, DemoCustomer } from '../demo-scenario';
import type { DemoStep, JsonPattern } from '../demo-step';
import { restatedLateOutage } from './operations';

/** What the reports module built on purpose: definitions, each report's fate, the late one, the restatement. */
export type ReportsExpectations = {
  readonly definitions: readonly {
    readonly definitionId: string;
    readonly agreementId: string;
    readonly audience: 'customer' | 'internal';
    readonly frequency: 'monthly' | 'quarterly';
  }[];
  /** Every report the scenario drafts, with when it is published (steps after now are held back by the loader). */
  readonly reports: readonly {
    readonly reportId: string;
    readonly agreementId: string;
    readonly period: string;
    readonly audience: 'customer' | 'internal';
    readonly publishedAt: string;
    readonly onTime: boolean;
    readonly revisions: 1 | 2;
  }[];
  /** The customer report published after its deadline. */
  readonly late: { readonly reportId: string; readonly dueDate: string };
  /** The month restated after the late outage arrived: revision 2 differs from what was reported. */
  readonly restated: { readonly reportId: string; readonly reason: string; readonly lateOutageId: string };
  /** The internal report whose timeliness KPI counts the late report: 1 of 2 customer reports on time. */
  readonly timeliness: { readonly reportId: string; readonly onTime: number; readonly due: number };
};

const SERVICE_LEVEL_MANAGER = 'slm.alice';
/** Four eyes: the approver is never the author. */
const APPROVER = 'it.director.maria';
/** The customer whose February report goes out late (ny-pos missed its target that month; the analysis took long). */
const LATE_CUSTOMER = 'newyork';
const LATE_MONTH = 2;
const LATE_BY_WORKING_DAYS = 4;
const TREND_PERIODS = 6;
/** The customer whose quarterly internal report shows the timeliness KPI below 100 %. */
const INTERNAL_CUSTOMER = LATE_CUSTOMER;

const iso = (epochMilliseconds: number) => new Date(epochMilliseconds).toISOString();
const pad = (value: number) => String(value).padStart(2, '0');
const reportIdOf = (agreementId: string, period: string, audience: string) =>
  `${agreementId}-${period.toLowerCase()}-${audience}`;

/**
 * Service reports, as the service level manager runs them through the API: a monthly customer report definition
 * per agreement (Chinese for Shanghai) and a quarterly internal one for New York; each report drafted after its
 * period closed (once the views show every fact delivered so far), reviewed, approved by someone else and published
 * by its due date, except New York's February report, published four working days late; the month whose late
 * outage arrived after publication is restated as revision 2. Definitions start with the year: an API's own
 * drafting finds every report the demo entered and drafts only the periods after them.
 */
export function reportsScenario(context: DemoContext): DemoContribution {
  const steps: DemoStep[] = [];
  const definitions: ReportsExpectations['definitions'][number][] = [];
  const reports: ReportsExpectations['reports'][number][] = [];
  const restatedOutage = restatedLateOutage(context);
  let late: ReportsExpectations['late'] | undefined;
  let restated: ReportsExpectations['restated'] | undefined;
  let timeliness: ReportsExpectations['timeliness'] | undefined;

  for (const customer of context.customers) {
    const language = customer.timeZone === 'Asia/Shanghai' ? 'zh' : 'en';
    const terms = (frequency: 'monthly' | 'quarterly', audience: 'customer' | 'internal', firstPeriod: string) => ({
      agreementId: customer.agreementId,
      frequency,
      audience,
      sections: [...REPORT_SECTIONS],
      language,
      timeZone: customer.timeZone,
      calendarId: customer.calendars.businessHours,
      firstPeriod,
      trendPeriods: TREND_PERIODS,
    });
    const define = (definitionId: string, body: ReturnType<typeof terms>) => {
      const { agreementId, audience, frequency } = body;
      definitions.push({ definitionId, agreementId, audience, frequency });
      steps.push({
        phase: 'reports',
        // Agreed with the SLA, before its first period closed.
        occurredAt: localIso(customer, Temporal.PlainDate.from({ year: context.year, month: 1, day: 5 }), 10),
        method: 'PUT',
        path: `/report-definitions/${definitionId}`,
        body,
        actor: SERVICE_LEVEL_MANAGER,
        doneWhen: {
          path: `/report-definitions/${definitionId}`,
          matches: { agreementId: body.agreementId, audience: body.audience, frequency: body.frequency },
        },
      });
    };
    const monthly = terms('monthly', 'customer', `${context.year}-01`);
    define(`${customer.key}-customer-monthly`, monthly);
    const quarterly = terms('quarterly', 'internal', `${context.year}-Q1`);
    if (customer.key === INTERNAL_CUSTOMER) define(`${customer.key}-internal-quarterly`, quarterly);

    for (let month = 1; month <= context.months; month += 1) {
      const period = `${context.year}-${pad(month)}`;
      const isLate = customer.key === LATE_CUSTOMER && month === LATE_MONTH;
      const report = runReport(context, customer, monthly, period, isLate, steps);
      reports.push({ ...report, revisions: 1 });
      if (isLate) late = { reportId: report.reportId, dueDate: report.dueDate };
      if (customer.key === restatedOutage.customerKey && period === restatedOutage.period) {
        const reason = `late outage ${restatedOutage.outageId} from the monitoring team changed the availability`;
        restate(customer, report.reportId, reason, Date.parse(restatedOutage.deliveredAt), steps);
        restated = { reportId: report.reportId, reason, lateOutageId: restatedOutage.outageId };
        reports[reports.length - 1] = { ...reports[reports.length - 1]!, revisions: 2 };
      }
    }
    if (customer.key === INTERNAL_CUSTOMER) {
      for (let quarter = 1; quarter <= Math.ceil(context.months / 3); quarter += 1) {
        const report = runReport(context, customer, quarterly, `${context.year}-Q${quarter}`, false, steps);
        reports.push({ ...report, revisions: 1 });
        if (quarter === Math.ceil(LATE_MONTH / 3)) {
          // Customer reports due in the quarter: January's and February's (March's is due in April); one late.
          timeliness = { reportId: report.reportId, onTime: 1, due: 2 };
        }
      }
    }
  }
  if (!late || !restated || !timeliness) throw new Error('the reports scenario needs New York and the restated month');
  const expectations: ReportsExpectations = { definitions, reports, late, restated, timeliness };
  return { steps, expectations: { reports: expectations } };
}

type ReportTerms = {
  readonly agreementId: string;
  readonly audience: 'customer' | 'internal';
  readonly language: string;
  readonly timeZone: string;
  readonly calendarId: string;
  readonly trendPeriods: number;
};

/**
 * Revision 1 of one report: drafted on the second working day after its period, reviewed, approved and published
 * on the working days after, by the due date (or, when `late`, some working days after it).
 */
function runReport(
  context: DemoContext,
  customer: DemoCustomer,
  terms: ReportTerms,
  period: string,
  late: boolean,
  steps: DemoStep[],
) {
  const reportId = reportIdOf(terms.agreementId, period, terms.audience);
  const due = reportDue(period, customer.businessCalendar);
  const dueDate = Temporal.PlainDate.from(due.dueDate);
  const periodEnd = periodEndOf(period);
  const working = workingDaysFrom(customer, periodEnd.add({ days: 1 }), 40);
  const beforeDue = working.filter((day) => Temporal.PlainDate.compare(day, dueDate) <= 0);
  // Four working days before the due date when there are; otherwise (a holiday week) all on the first working day.
  const days =
    beforeDue.length >= 5 ? beforeDue.slice(1, 5) : [beforeDue[0]!, beforeDue[0]!, beforeDue[0]!, beforeDue[0]!];
  const afterDue = working.filter((day) => Temporal.PlainDate.compare(day, dueDate) > 0);
  const publishedOn = late ? afterDue[LATE_BY_WORKING_DAYS - 1]! : days[3]!;
  const at = (day: Temporal.PlainDate, hour: number) => localIso(customer, day, hour);
  const draftedAt = at(days[0]!, 9);
  const publishedAt = at(publishedOn, 16);
  const { agreementId, audience, language, timeZone, calendarId, trendPeriods } = terms;
  const revision = `/reports/${reportId}/revisions/1`;
  steps.push(
    {
      phase: 'reports',
      occurredAt: draftedAt,
      method: 'POST',
      path: '/reports',
      body: { agreementId, period, audience, language, timeZone, calendarId, trendPeriods, occurredAt: draftedAt },
      actor: SERVICE_LEVEL_MANAGER,
      readsViews: true,
      // Drafted, by the demo or by an API's own drafting: either way the next steps go on from it.
      doneWhen: { path: revision, matches: { reportId } },
    },
    ...reviewApprovePublish(reportId, 1, at(days[1]!, 11), at(days[2]!, 15), publishedAt),
  );
  return {
    reportId,
    agreementId,
    period,
    audience,
    publishedAt,
    onTime: !late,
    dueDate: dueDate.toString(),
  };
}

/** Revision 2 after the late facts arrived, reviewed, approved and published within the week. */
function restate(customer: DemoCustomer, reportId: string, reason: string, arrivedAt: number, steps: DemoStep[]) {
  const arrival = Temporal.Instant.fromEpochMilliseconds(arrivedAt).toZonedDateTimeISO(customer.timeZone).toPlainDate();
  const days = workingDaysFrom(customer, arrival.add({ days: 1 }), 4);
  const at = (day: Temporal.PlainDate, hour: number) => localIso(customer, day, hour);
  const draftedAt = at(days[0]!, 9);
  steps.push(
    {
      phase: 'reports',
      occurredAt: draftedAt,
      method: 'POST',
      path: `/reports/${reportId}/revisions`,
      body: { reason, occurredAt: draftedAt },
      actor: SERVICE_LEVEL_MANAGER,
      readsViews: true,
      doneWhen: { path: `/reports/${reportId}/revisions/2`, matches: { reportId, reason } },
    },
    ...reviewApprovePublish(reportId, 2, at(days[1]!, 11), at(days[2]!, 15), at(days[3]!, 16)),
  );
}

function reviewApprovePublish(
  reportId: string,
  revision: number,
  reviewedAt: string,
  approvedAt: string,
  publishedAt: string,
): DemoStep[] {
  const step = (occurredAt: string, path: string, body: object, actor: string, shows: JsonPattern): DemoStep => ({
    phase: 'reports',
    occurredAt,
    method: 'POST',
    path: `/reports/${reportId}/${path}`,
    body: { ...body, occurredAt },
    actor,
    // Each shows on the revision for good (a later step does not undo it), so a second run skips it.
    doneWhen: { path: `/reports/${reportId}/revisions/${revision}`, matches: shows },
  });
  return [
    step(
      reviewedAt,
      'review',
      { notes: 'figures checked against the ticket and monitoring tools' },
      SERVICE_LEVEL_MANAGER,
      {
        reviewedAt,
      },
    ),
    step(approvedAt, 'approval', {}, APPROVER, { approvedBy: APPROVER, approvedAt }),
    step(publishedAt, 'publication', {}, SERVICE_LEVEL_MANAGER, { publishedAt }),
  ];
}

/** The last day of a period (`2026-03`, `2026-Q1`). */
function periodEndOf(period: string): Temporal.PlainDate {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  const first = quarter
    ? Temporal.PlainDate.from({ year: Number(quarter[1]), month: (Number(quarter[2]) - 1) * 3 + 1, day: 1 })
    : Temporal.PlainDate.from(`${period}-01`);
  return first.add({ months: quarter ? 3 : 1 }).subtract({ days: 1 });
}

/** `count` working days of the customer's business calendar, from `first` on. */
function workingDaysFrom(customer: DemoCustomer, first: Temporal.PlainDate, count: number): Temporal.PlainDate[] {
  const days: Temporal.PlainDate[] = [];
  for (let day = first; days.length < count; day = day.add({ days: 1 })) {
    if (customer.businessCalendar.isWorkingDay(day.toString())) days.push(day);
  }
  return days;
}

const localIso = (customer: DemoCustomer, day: Temporal.PlainDate, hour: number) =>
  iso(day.toPlainDateTime({ hour }).toZonedDateTime(customer.timeZone).epochMilliseconds);
