import { Temporal } from 'temporal-polyfill';
import type { Instant } from '@sla/sla-clock';

export type ReportingRange = { readonly from: Instant; readonly to: Instant; readonly label: string };

export type PeriodFrequency = 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';

/** A reporting period as a span of calendar months starting on a first day. */
export type ReportingPeriod = {
  readonly label: string;
  readonly frequency: PeriodFrequency;
  readonly start: Temporal.PlainDate;
  readonly months: number;
};

const MONTHS: Record<PeriodFrequency, number> = { monthly: 1, quarterly: 3, 'half-yearly': 6, yearly: 12 };

/** Reads 2026-03 (month), 2026-Q1 (quarter), 2026-H2 (half) or 2026 (year); null for anything else. */
export function parseReportingPeriod(label: string): ReportingPeriod | null {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  const half = /^(\d{4})-H([12])$/.exec(label);
  const year = /^(\d{4})$/.exec(label);
  const period = (frequency: PeriodFrequency, year: string, month: number) => ({
    label,
    frequency,
    start: Temporal.PlainDate.from({ year: +year, month, day: 1 }),
    months: MONTHS[frequency],
  });
  if (month) return period('monthly', month[1], +month[2]);
  if (quarter) return period('quarterly', quarter[1], (+quarter[2] - 1) * 3 + 1);
  if (half) return period('half-yearly', half[1], (+half[2] - 1) * 6 + 1);
  if (year) return period('yearly', year[1], 1);
  return null;
}

/** The label of the period of a frequency that contains a calendar day. */
export function periodContaining(frequency: PeriodFrequency, date: Temporal.PlainDate): string {
  const index = Math.floor((date.month - 1) / MONTHS[frequency]) + 1;
  switch (frequency) {
    case 'monthly':
      return `${date.year}-${String(date.month).padStart(2, '0')}`;
    case 'quarterly':
      return `${date.year}-Q${index}`;
    case 'half-yearly':
      return `${date.year}-H${index}`;
    case 'yearly':
      return String(date.year);
  }
}

/** The period right after (offset 1) or before (offset -1) a period, of the same frequency. */
export function shiftPeriod(label: string, offset: number): string {
  const period = parseReportingPeriod(label);
  if (!period) throw new RangeError(`'${label}' is not a reporting period`);
  return periodContaining(period.frequency, period.start.add({ months: period.months * offset }));
}

/**
 * A calendar month (2026-03), quarter (2026-Q1), half (2026-H2) or year
 * (2026) as the instants it spans on the wall clock of a time zone.
 */
export function reportingRange(label: string, timeZone: string): ReportingRange | null {
  const period = parseReportingPeriod(label);
  if (!period) return null;
  const instant = (date: Temporal.PlainDate) => date.toZonedDateTime({ timeZone }).epochMilliseconds;
  return { from: instant(period.start), to: instant(period.start.add({ months: period.months })), label };
}
