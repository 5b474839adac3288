import { Temporal } from 'temporal-polyfill';
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
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  const half = /^(\d{4})-H([12])$/.exec(period);
  const year = /^(\d{4})$/.exec(period);
  let nominal: Temporal.PlainDate;
  if (month) nominal = Temporal.PlainDate.from({ year: +month[1], month: +month[2], day: 10 }).add({ months: 1 });
  else if (quarter) nominal = Temporal.PlainDate.from({ year: +quarter[1], month: (+quarter[2] - 1) * 3 + 1, day: 10 }).add({ months: 3 });
  else if (half) nominal = Temporal.PlainDate.from({ year: +half[1], month: (+half[2] - 1) * 6 + 1, day: 15 }).add({ months: 6 });
  else if (year) nominal = Temporal.PlainDate.from({ year: +year[1] + 1, month: 1, day: 20 });
  else throw new RangeError(`'${period}' is not a reporting period: 2026-09, 2026-Q3, 2026-H2 or 2026`);
  let due = nominal;
  for (let moved = 0; !calendar.isWorkingDay(due.toString()); moved += 1) {
    if (moved >= MAX_DAYS_MOVED) throw new RangeError(`calendar '${calendar.id}' has no working day within ${MAX_DAYS_MOVED} days of ${nominal.toString()}`);
    due = due.add({ days: 1 });
  }
  return { period, nominalDate: nominal.toString(), dueDate: due.toString(), deadline: due.add({ days: 1 }).toZonedDateTime({ timeZone: calendar.timeZone }).epochMilliseconds };
}

/** Published on time, or late and by how much (ms). */
export function timeliness(due: ReportDue, publishedAt: Instant): { onTime: boolean; lateByMs: number } {
  return { onTime: publishedAt < due.deadline, lateByMs: Math.max(0, publishedAt - due.deadline) };
}
