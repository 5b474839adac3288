import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import {
  parseCalendarDefinition,
  type CalendarDefinition,
  type CalendarVersion,
  type LocalDate,
} from './calendar-definition';

/**
 * Calendar data files. JSON is our own format (the zod schema in
 * calendar-definition.ts, documented in the README); iCalendar (RFC 5545)
 * carries what other tools publish: holidays as all-day events, make-up
 * working days as events with CATEGORIES:WORKDAY, the zone in
 * X-WR-TIMEZONE, and our weekly windows in X-SLA-WEEKLY-WINDOWS.
 */
export function calendarFromJson(text: string): CalendarDefinition {
  return parseCalendarDefinition(JSON.parse(text));
}

export function calendarToJson(definition: CalendarDefinition): string {
  return `${JSON.stringify(definition, null, 2)}\n`;
}

export type ICalendarDays = {
  readonly timeZone: string | undefined;
  readonly name: string | undefined;
  readonly weeklyWindows: CalendarVersion['weeklyWindows'] | undefined;
  readonly holidays: { date: LocalDate; name?: string }[];
  readonly extraWorkingDays: { date: LocalDate; name?: string }[];
};

export type ICalendarImportOptions = {
  /** Recurring events (RRULE) are expanded over these years. */
  readonly years?: { readonly from: number; readonly to: number };
};

/** Reads holidays and working days from an iCalendar file. */
export function daysFromICalendar(text: string, options: ICalendarImportOptions = {}): ICalendarDays {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const holidays: { date: LocalDate; name?: string }[] = [];
  const extraWorkingDays: { date: LocalDate; name?: string }[] = [];
  const years = options.years ?? { from: 2000, to: 2100 };
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    const categories = component
      .getAllProperties('categories')
      .flatMap((property) => property.getValues().map((value) => String(value).toUpperCase()));
    const target = categories.includes('WORKDAY') ? extraWorkingDays : holidays;
    const name = event.summary || undefined;
    const starts: Temporal.PlainDate[] = [];
    if (event.isRecurring()) {
      const iterator = event.iterator();
      for (let next = iterator.next(); next && next.year <= years.to; next = iterator.next()) {
        if (next.year >= years.from) starts.push(toPlainDate(next));
      }
    } else {
      starts.push(toPlainDate(event.startDate));
    }
    // All-day events: DTEND is exclusive; without one the event is a single day.
    const days = event.endDate ? Math.max(1, toPlainDate(event.startDate).until(toPlainDate(event.endDate)).days) : 1;
    for (const start of starts) {
      for (let offset = 0; offset < days; offset += 1)
        target.push({ date: start.add({ days: offset }).toString(), name });
    }
  }
  const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
  const windows = calendar.getFirstPropertyValue('x-sla-weekly-windows');
  return {
    timeZone: stringValue(calendar.getFirstPropertyValue('x-wr-timezone')),
    name: stringValue(calendar.getFirstPropertyValue('x-wr-calname')),
    weeklyWindows: windows ? JSON.parse(String(windows)) : undefined,
    holidays: holidays.sort(byDate),
    extraWorkingDays: extraWorkingDays.sort(byDate),
  };
}

/**
 * A calendar from an iCalendar file. Zone and windows come from the file
 * when it has them, otherwise from `base`.
 */
export function calendarFromICalendar(
  text: string,
  base: { id: string; name?: string; timeZone?: string; weeklyWindows?: CalendarVersion['weeklyWindows'] },
  options: ICalendarImportOptions = {},
): CalendarDefinition {
  const days = daysFromICalendar(text, options);
  return parseCalendarDefinition({
    id: base.id,
    name: base.name ?? days.name ?? base.id,
    timeZone: days.timeZone ?? base.timeZone,
    versions: [
      {
        weeklyWindows: days.weeklyWindows ?? base.weeklyWindows,
        holidays: { dates: days.holidays },
        extraWorkingDays: days.extraWorkingDays,
      },
    ],
  });
}

/** Writes one calendar version as iCalendar (the version in force on `on`, default the first). */
export function calendarToICalendar(definition: CalendarDefinition, versionIndex = 0): string {
  const version = definition.versions[versionIndex];
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('prodid', '-//sla-compliance-engine//calendar export//EN');
  calendar.updatePropertyWithValue('x-wr-calname', definition.name);
  calendar.updatePropertyWithValue('x-wr-timezone', definition.timeZone);
  calendar.updatePropertyWithValue('x-sla-weekly-windows', JSON.stringify(version.weeklyWindows));
  const add = (day: { date: LocalDate; name?: string }, kind: 'holiday' | 'workday') => {
    const component = new ICAL.Component('vevent');
    const event = new ICAL.Event(component);
    event.uid = `${definition.id}-${kind}-${day.date}`;
    event.summary = day.name ?? (kind === 'holiday' ? 'Holiday' : 'Working day');
    event.startDate = ICAL.Time.fromDateString(day.date);
    event.endDate = ICAL.Time.fromDateString(Temporal.PlainDate.from(day.date).add({ days: 1 }).toString());
    component.updatePropertyWithValue('dtstamp', ICAL.Time.fromDateTimeString('2026-01-01T00:00:00Z'));
    if (kind === 'workday') component.updatePropertyWithValue('categories', 'WORKDAY');
    calendar.addSubcomponent(component);
  };
  for (const holiday of version.holidays?.dates ?? []) add(holiday, 'holiday');
  for (const day of version.extraWorkingDays) add(day, 'workday');
  return calendar.toString();
}

function toPlainDate(time: { year: number; month: number; day: number }): Temporal.PlainDate {
  return Temporal.PlainDate.from({ year: time.year, month: time.month, day: time.day });
}

function stringValue(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}
