import Holidays from 'date-holidays';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { BusinessCalendar, hours, type Instant } from './business-calendar';
import {
  parseCalendarDefinition,
  WEEKDAYS,
  type CalendarDefinition,
  type CalendarVersion,
} from './calendar-definition';
import {
  aCalendarDefinition,
  GENERATED_ZONES,
  LAST_GENERATED_YEAR,
  NATIONAL_SETS,
  servesForever,
} from '../testing/calendar-arbitraries';

const FROM = Date.parse('2023-06-01T00:00:00Z');
const TO = Date.parse(`${LAST_GENERATED_YEAR + 1}-06-01T00:00:00Z`);
/** After this no generated calendar without weekly windows in its last version serves (windows end within 2 days). */
const AFTER_ALL_GENERATED_DATES = Date.parse(`${LAST_GENERATED_YEAR + 1}-01-10T00:00:00Z`);
const LAST_DATE_THAT_CAN_WORK = Temporal.PlainDate.from(`${LAST_GENERATED_YEAR}-12-31`);
/**
 * The one timing the issue asks for: no call may block the event loop for
 * long, on any calendar. Measured as CPU time of this process, not wall time:
 * the machine running the suite is shared, and wall time would measure the
 * neighbours. Before the fix a calendar that stops serving took seconds.
 */
const MAX_CPU_MS_PER_CALL = 50;

function timed<T>(call: () => T): T {
  const before = process.cpuUsage();
  const result = call();
  const used = process.cpuUsage(before);
  expect((used.user + used.system) / 1000).toBeLessThan(MAX_CPU_MS_PER_CALL);
  return result;
}

/**
 * The calendar rules applied the slow, obvious way: every local date walked
 * with Temporal, each window converted by Temporal, the intervals merged.
 * Independent of the index, its day numbers and its zone-offset table.
 */
function referenceDuration(definition: CalendarDefinition, from: Instant, to: Instant): number {
  const zone = definition.timeZone;
  const dateOf = (instant: Instant) =>
    Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone).toPlainDate();
  const at = (date: Temporal.PlainDate, time: string) =>
    date.toZonedDateTime({ timeZone: zone, plainTime: time }).epochMilliseconds;
  const lastDate = dateOf(to);
  const intervals: [number, number][] = [];
  let date = dateOf(from).subtract({ days: 1 });
  for (; Temporal.PlainDate.compare(date, lastDate) <= 0; date = date.add({ days: 1 })) {
    for (const window of windowsOn(definition, date)) {
      const [start, end] = window.split('-');
      const endsNextDay = end === '24:00' || end <= start;
      const endDate = endsNextDay ? date.add({ days: 1 }) : date;
      intervals.push([at(date, start), at(endDate, end === '24:00' ? '00:00' : end)]);
    }
  }
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = from;
  for (const [start, end] of intervals) {
    const clippedStart = Math.max(start, reached);
    const clippedEnd = Math.min(end, to);
    if (clippedEnd > clippedStart) total += clippedEnd - clippedStart;
    reached = Math.max(reached, Math.min(end, to));
  }
  return total;
}

function windowsOn(definition: CalendarDefinition, date: Temporal.PlainDate): readonly string[] {
  const key = date.toString();
  const inForce = definition.versions.filter((candidate, index) => index === 0 || candidate.effectiveFrom! <= key);
  const version = inForce[inForce.length - 1];
  const extra = version.extraWorkingDays.find((day) => day.date === key);
  if (extra) return extra.windows ?? defaultWorkingDayWindows(version);
  if (version.holidays?.dates.some((holiday) => holiday.date === key)) return [];
  const national = version.holidays?.national;
  if (national && publicHolidays(national.country, national.subdivision, date.year).has(key)) return [];
  if (version.weeklyWindows === '24x7') return ['00:00-24:00'];
  return version.weeklyWindows[WEEKDAYS[date.dayOfWeek - 1]] ?? [];
}

const publicHolidaySets = new Map<string, Set<string>>();

/** Every type of holiday computed, the public ones kept: as the calendar did before it asked for public ones only. */
function publicHolidays(country: string, subdivision: string | undefined, year: number): Set<string> {
  const key = `${country}/${subdivision ?? ''}/${year}`;
  let dates = publicHolidaySets.get(key);
  if (!dates) {
    const all = new Holidays(country, subdivision ?? '').getHolidays(year) || [];
    dates = new Set(all.filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)));
    publicHolidaySets.set(key, dates);
  }
  return dates;
}

function defaultWorkingDayWindows(version: CalendarVersion): readonly string[] {
  if (version.workingDayWindows) return version.workingDayWindows;
  if (version.weeklyWindows === '24x7') return ['00:00-24:00'];
  const week = version.weeklyWindows;
  return (
    WEEKDAYS.slice(0, 5)
      .map((day) => week[day] ?? [])
      .find((windows) => windows.length > 0) ?? []
  );
}

/** All the business time a calendar has after `start`: unbounded when weekly windows go on for ever. */
function businessTimeLeft(definition: CalendarDefinition, calendar: BusinessCalendar, start: Instant): number {
  if (servesForever(definition)) return Infinity;
  return timed(() => calendar.businessDuration(start, AFTER_ALL_GENERATED_DATES));
}

const aCase = fc.record({
  definition: aCalendarDefinition.map((input) => parseCalendarDefinition(input)),
  start: fc.integer({ min: FROM, max: TO }),
  duration: fc.oneof(fc.integer({ min: 0, max: hours(200) }), fc.integer({ min: 0, max: hours(4) })),
  span: fc.integer({ min: 0, max: hours(24 * 10) }),
  workingDays: fc.integer({ min: 0, max: 60 }),
});

describe('business-time arithmetic on random calendars (properties)', () => {
  beforeAll(() => {
    // Once per process: compile the code paths (JIT) and load each country's holiday rules, in the year
    // 2000, which no case touches, so that measured calls pay for their own calendar's work only.
    const warmUpStart = Date.parse('2000-01-03T00:00:00Z');
    for (const timeZone of GENERATED_ZONES) {
      for (const national of NATIONAL_SETS) {
        const weeklyWindows = { mon: ['09:00-17:00'], sat: ['22:00-06:00'] };
        const versions = [
          { weeklyWindows, holidays: { national } },
          { effectiveFrom: '2000-03-01', weeklyWindows: {} },
        ];
        const warm = new BusinessCalendar(parseCalendarDefinition({ id: 'warm', name: 'warm', timeZone, versions }));
        warm.instantWhenExceeded(warmUpStart, hours(60));
        warm.addWorkingDays(warmUpStart, 20);
        warm.nextBusinessInstant(warmUpStart);
      }
    }
    // date-holidays takes 1-3 ms to compute a country's public holidays for a year; the calendar keeps each
    // year for the process. A case measuring 8 years in two countries would spend ~50 ms in date-holidays
    // alone, so those years are computed here, for every year a case can reach: the bound is for the
    // calendar's own work (which stays under 5 ms for such a case).
    for (const national of NATIONAL_SETS) {
      const versions = [{ weeklyWindows: { mon: ['09:00-17:00'] }, holidays: { national } }];
      const definition = parseCalendarDefinition({ id: 'years', name: 'years', timeZone: 'UTC', versions });
      const warm = new BusinessCalendar(definition);
      warm.businessDuration(Date.parse('2022-01-01T00:00:00Z'), Date.parse('2042-01-01T00:00:00Z'));
    }
  });

  it('a budget is never used up (null) exactly when less business time than it is left; else it round-trips', () => {
    fc.assert(
      fc.property(aCase, ({ definition, start, duration }) => {
        const calendar = new BusinessCalendar(definition);
        const due = timed(() => calendar.instantWhenElapsed(start, duration));
        const breach = timed(() => calendar.instantWhenExceeded(start, duration));
        const left = businessTimeLeft(definition, calendar, start);
        expect(due === null).toBe(left < duration);
        expect(breach === null).toBe(left <= duration);
        if (due !== null) expect(timed(() => calendar.businessDuration(start, due))).toBe(duration);
        if (breach !== null) {
          expect(breach).toBeGreaterThanOrEqual(due!);
          expect(timed(() => calendar.businessDuration(start, breach))).toBe(duration);
          expect(timed(() => calendar.businessDuration(start, breach + 1))).toBe(duration + 1);
        }
        if (!servesForever(definition)) {
          // Nothing at all is served after the last date the calendar names.
          const sixtyYearsLater = AFTER_ALL_GENERATED_DATES + hours(24 * 365 * 60);
          expect(timed(() => calendar.businessDuration(AFTER_ALL_GENERATED_DATES, sixtyYearsLater))).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('measures the same business time as the rules walked date by date with Temporal', () => {
    fc.assert(
      fc.property(aCase, ({ definition, start, span }) => {
        const calendar = new BusinessCalendar(definition);
        const measured = timed(() => calendar.businessDuration(start, start + span));
        expect(measured).toBe(referenceDuration(definition, start, start + span));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the next business instant, or none exactly when no business time is left', () => {
    fc.assert(
      fc.property(aCase, ({ definition, start }) => {
        const calendar = new BusinessCalendar(definition);
        const next = timed(() => calendar.nextBusinessInstant(start));
        const left = businessTimeLeft(definition, calendar, start);
        expect(next === null).toBe(left === 0);
        if (next !== null) {
          expect(next).toBeGreaterThanOrEqual(start);
          expect(timed(() => calendar.businessDuration(start, next))).toBe(0);
          expect(timed(() => calendar.businessDuration(next, next + 1))).toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adds working days as a walk through the dates does, and answers null when too few are left', () => {
    fc.assert(
      fc.property(aCase, ({ definition, start, workingDays }) => {
        const calendar = new BusinessCalendar(definition);
        const result = timed(() => calendar.addWorkingDays(start, workingDays));
        const from = timed(() => calendar.nextBusinessInstant(start));
        if (from === null) {
          expect(result).toBeNull();
          return;
        }
        const zoned = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(definition.timeZone);
        let date = zoned.toPlainDate();
        const forever = servesForever(definition);
        for (let counted = 0; counted < workingDays;) {
          date = date.add({ days: 1 });
          if (!forever && Temporal.PlainDate.compare(date, LAST_DATE_THAT_CAN_WORK) > 0) {
            expect(result).toBeNull();
            return;
          }
          if (calendar.isWorkingDay(date.toString())) counted += 1;
        }
        const sameClockTime = date.toZonedDateTime({ timeZone: definition.timeZone, plainTime: zoned.toPlainTime() });
        expect(result).toBe(sameClockTime.epochMilliseconds);
      }),
      { numRuns: 300 },
    );
  });
});
