import { Temporal } from 'temporal-polyfill';
import type { Instant } from '@sla/sla-clock';
import { measureAvailability, type AvailabilityFigures, type AvailabilityInput } from './availability';

export type DailyAvailability = {
  /** The calendar day in the time zone asked for (2026-03-04). */
  readonly date: string;
  readonly from: Instant;
  readonly to: Instant;
  readonly figures: AvailabilityFigures;
};

/**
 * Availability of [from, to) day by day in a time zone: each day (cut to the range at its ends) measured on its own
 * by the same rule as the whole range, so a day's downtime and maintenance are exactly what the range counts on it.
 * Days wholly after `asOf` are left out: nothing has been measured there yet.
 */
export function dailyAvailability(input: AvailabilityInput & { readonly timeZone: string }): DailyAvailability[] {
  const { from, to, timeZone } = input;
  const days: DailyAvailability[] = [];
  let date = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(timeZone).toPlainDate();
  for (;;) {
    const start = Math.max(from, date.toZonedDateTime({ timeZone }).epochMilliseconds);
    if (start >= to || start >= input.asOf) break;
    const next = date.add({ days: 1 });
    const end = Math.min(to, next.toZonedDateTime({ timeZone }).epochMilliseconds);
    days.push({
      date: date.toString(),
      from: start,
      to: end,
      figures: measureAvailability({ ...input, from: start, to: end }),
    });
    date = next;
  }
  return days;
}
