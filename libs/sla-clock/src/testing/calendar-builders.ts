import { Temporal } from 'temporal-polyfill';
import { BusinessCalendar, type Instant } from '../calendar/business-calendar';
import { parseCalendarDefinition, type CalendarDefinitionInput, type Weekday } from '../calendar/calendar-definition';
import type { Priority, TargetDuration, TargetTable } from '../clock/sla-targets';

type Windows = Partial<Record<Weekday, string[]>> | '24x7';
type Extras = Partial<CalendarDefinitionInput['versions'][number]>;

/** A one-version calendar for tests: `calendar({ mon: ['09:00-17:00'] }, 'Europe/Berlin')`. */
export function calendar(weeklyWindows: Windows, timeZone = 'UTC', extras: Extras = {}, id = 'test'): BusinessCalendar {
  return new BusinessCalendar(
    parseCalendarDefinition({ id, name: id, timeZone, versions: [{ weeklyWindows, ...extras }] }),
  );
}

export const weekdays = (window: string): Windows => ({
  mon: [window],
  tue: [window],
  wed: [window],
  thu: [window],
  fri: [window],
});

/** A local date-time in a zone as epoch milliseconds. */
export function at(local: string, timeZone = 'UTC'): Instant {
  return Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone).epochMilliseconds;
}

/** An instant shown as local `YYYY-MM-DDTHH:MM` in a zone. */
export function local(instant: Instant | null, timeZone = 'UTC'): string | null {
  if (instant === null) return null;
  return Temporal.Instant.fromEpochMilliseconds(instant)
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

/** The same targets for every priority, except those given. */
export function targetTable(
  calendarId: string,
  base: { response: TargetDuration; resolution: TargetDuration; atRiskFractions?: number[] },
  overrides: Partial<Record<Priority, { response?: TargetDuration; resolution?: TargetDuration }>> = {},
): TargetTable {
  const row = (priority: Priority) => ({
    response: {
      duration: overrides[priority]?.response ?? base.response,
      calendarId,
      atRiskFractions: base.atRiskFractions,
    },
    resolution: {
      duration: overrides[priority]?.resolution ?? base.resolution,
      calendarId,
      atRiskFractions: base.atRiskFractions,
    },
  });
  return { P1: row('P1'), P2: row('P2'), P3: row('P3'), P4: row('P4') };
}

export const businessHours = (amount: number): TargetDuration => ({ unit: 'business-hours', amount });
export const workingDays = (amount: number): TargetDuration => ({ unit: 'working-days', amount });
