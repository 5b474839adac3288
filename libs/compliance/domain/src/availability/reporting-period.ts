import { Temporal } from 'temporal-polyfill';
import type { Instant } from '@sla/sla-clock';

export type ReportingRange = { readonly from: Instant; readonly to: Instant; readonly label: string };

/**
 * A calendar month (2026-03), quarter (2026-Q1), half (2026-H2) or year
 * (2026) as the instants it spans on the wall clock of a time zone.
 */
export function reportingRange(period: string, timeZone: string): ReportingRange | null {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  const half = /^(\d{4})-H([12])$/.exec(period);
  const year = /^(\d{4})$/.exec(period);
  let start: Temporal.PlainDate;
  let months: number;
  if (month) [start, months] = [Temporal.PlainDate.from({ year: +month[1], month: +month[2], day: 1 }), 1];
  else if (quarter) [start, months] = [Temporal.PlainDate.from({ year: +quarter[1], month: (+quarter[2] - 1) * 3 + 1, day: 1 }), 3];
  else if (half) [start, months] = [Temporal.PlainDate.from({ year: +half[1], month: (+half[2] - 1) * 6 + 1, day: 1 }), 6];
  else if (year) [start, months] = [Temporal.PlainDate.from({ year: +year[1], month: 1, day: 1 }), 12];
  else return null;
  const instant = (date: Temporal.PlainDate) => date.toZonedDateTime({ timeZone }).epochMilliseconds;
  return { from: instant(start), to: instant(start.add({ months })), label: period };
}
