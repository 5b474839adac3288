import { parseReportingPeriod } from '@sla/compliance-domain';
import type { BusinessCalendar, Instant, LocalDate } from '@sla/sla-clock';

export type ReportDue = {
  readonly period: string;
  /** The day the rules name: the 10th, 15th or 20th. */
  readonly nominalDate: LocalDate;
  /** The first working day on or after it in the provider's calendar. */
  readonly dueDate: LocalDate;
  /** A report is on time when published before this instant: the end of the due day in the calendar's zone. */
  readonly deadline: Instant;
};

// A holiday stretch never lasts this long; a calendar without working days is an error, not a loop.
const MAX_DAYS_MOVED = 60;

/**
 * When a service report for a period is due, by the rules of the service
 * reporting procedure: a month by the 10th of the next month; a quarter by
 * the 10th of the first month of the next quarter; a half-year by the 15th of
 * the first month of the next half; a year by 20 January. A due day that is
 * not a working day of the provider's calendar moves to the next working day
 * (so a make-up working Saturday in China stays the due day).
 *
 * Periods are written 2026-09, 2026-Q3, 2026-H2 or 2026.
 */
export function reportDue(period: string, calendar: BusinessCalendar): ReportDue {
  const parsed = parseReportingPeriod(period);
  if (!parsed) throw new RangeError(`'${period}' is not a reporting period: 2026-09, 2026-Q3, 2026-H2 or 2026`);
  const next = parsed.start.add({ months: parsed.months });
  // The 10th (month, quarter), 15th (half) of the next period's first month; 20 January after a year.
  const nominal = next.with({ day: parsed.frequency === 'yearly' ? 20 : parsed.frequency === 'half-yearly' ? 15 : 10 });
  let due = nominal;
  for (let moved = 0; !calendar.isWorkingDay(due.toString()); moved += 1) {
    if (moved >= MAX_DAYS_MOVED)
      throw new RangeError(
        `calendar '${calendar.id}' has no working day within ${MAX_DAYS_MOVED} days of ${nominal.toString()}`,
      );
    due = due.add({ days: 1 });
  }
  return {
    period,
    nominalDate: nominal.toString(),
    dueDate: due.toString(),
    deadline: due.add({ days: 1 }).toZonedDateTime({ timeZone: calendar.timeZone }).epochMilliseconds,
  };
}

/** Published on time, or late and by how much (ms). */
export function timeliness(due: ReportDue, publishedAt: Instant): { onTime: boolean; lateByMs: number } {
  return { onTime: publishedAt < due.deadline, lateByMs: Math.max(0, publishedAt - due.deadline) };
}
