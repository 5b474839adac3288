import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import { WEEKDAYS, type CalendarDefinition, type CalendarVersion, type LocalDate } from './calendar-definition';

/** Milliseconds since the Unix epoch. */
export type Instant = number;
/** A length of business time in milliseconds. */
export type Duration = number;

type DayPlan = { readonly working: boolean; readonly windows: readonly (readonly [number, number])[] };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MAX_YEARS_SEARCHED = 50;

/**
 * A calendar compiled into an index of business intervals (epoch ms) with
 * running totals, built year by year on demand. Every query is a binary
 * search; time zones and DST are resolved once, by Temporal, when a year
 * is built.
 */
export class BusinessCalendar {
  readonly id: string;
  readonly timeZone: string;
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  /** Business time before interval i, from the start of the indexed range. */
  private before = new Float64Array(0);
  private firstYear = 0;
  private lastYear = -1;
  private rangeStart = 0;
  private rangeEnd = 0;
  /** Local midnight of each day of the range (one more at the end), for working-day arithmetic. */
  private midnights = new Float64Array(0);
  /** Indexes (into `midnights`) of the working days, ascending. */
  private workingDays = new Int32Array(0);
  private readonly nationalSets = new Map<string, Set<LocalDate>>();

  constructor(readonly definition: CalendarDefinition) {
    this.id = definition.id;
    this.timeZone = definition.timeZone;
  }

  /** Business time between two instants (negative if `to` is before `from`). */
  businessDuration(from: Instant, to: Instant): Duration {
    this.cover(from);
    this.cover(to);
    return this.cumulative(to) - this.cumulative(from);
  }

  /**
   * The instant at which `duration` of business time has elapsed since
   * `start`: the "due by" time. At the end of a window it is that end.
   */
  instantWhenElapsed(start: Instant, duration: Duration): Instant | null {
    if (duration <= 0) return start;
    return this.search(start, duration, false);
  }

  /**
   * The first instant at which elapsed business time exceeds `duration`:
   * the breach instant. When the budget runs out exactly at the end of a
   * window, that is the start of the next window.
   */
  instantWhenExceeded(start: Instant, duration: Duration): Instant | null {
    if (duration < 0) return start;
    return this.search(start, duration, true);
  }

  /** `instant` itself when inside service hours, else the start of the next window. */
  nextBusinessInstant(instant: Instant): Instant | null {
    for (let years = 0; years < MAX_YEARS_SEARCHED; years += 1) {
      this.cover(instant);
      const index = this.firstEndingAfter(instant);
      if (index < this.ends.length) return Math.max(instant, this.starts[index]);
      if (!this.extendForward()) return null;
    }
    return null;
  }

  /** Whether service windows start on this local date (after holidays and extra working days). */
  isWorkingDay(date: LocalDate): boolean {
    return this.planFor(Temporal.PlainDate.from(date)).working;
  }

  /**
   * N working days later at the same local clock time ("7 business days").
   * A start outside service hours counts from the next service instant.
   */
  addWorkingDays(start: Instant, days: number): Instant | null {
    const from = this.nextBusinessInstant(start);
    if (from === null) return null;
    this.cover(from);
    for (let years = 0; years < MAX_YEARS_SEARCHED; years += 1) {
      const day = this.dayIndexOf(from);
      // Days of 23 or 25 hours (DST changes) go through Temporal; others are plain arithmetic.
      if (day < 0 || this.midnights[day + 1] - this.midnights[day] !== DAY) break;
      const first = this.firstWorkingDayAfter(day);
      const target = first + days - 1;
      if (target >= this.workingDays.length) {
        if (!this.extendForward()) return null;
        continue;
      }
      const targetDay = days === 0 ? day : this.workingDays[target];
      if (this.midnights[targetDay + 1] - this.midnights[targetDay] !== DAY) break;
      return this.midnights[targetDay] + (from - this.midnights[day]);
    }
    return this.addWorkingDaysByCalendar(from, days);
  }

  private addWorkingDaysByCalendar(from: Instant, days: number): Instant | null {
    const zoned = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(this.timeZone);
    let date = zoned.toPlainDate();
    let counted = 0;
    for (let guard = 0; counted < days; guard += 1) {
      if (guard > MAX_YEARS_SEARCHED * 366) return null;
      date = date.add({ days: 1 });
      if (this.planFor(date).working) counted += 1;
    }
    return date
      .toZonedDateTime({ timeZone: this.timeZone, plainTime: zoned.toPlainTime() })
      .toInstant().epochMilliseconds;
  }

  private dayIndexOf(instant: Instant): number {
    return firstGreater(this.midnights, instant) - 1;
  }

  private firstWorkingDayAfter(day: number): number {
    return firstGreater(this.workingDays, day);
  }

  /** The business intervals overlapping [from, to), clipped: for reports and tests. */
  intervals(from: Instant, to: Instant): [Instant, Instant][] {
    this.cover(from);
    this.cover(to);
    const result: [Instant, Instant][] = [];
    for (let index = this.firstEndingAfter(from); index < this.starts.length && this.starts[index] < to; index += 1) {
      result.push([Math.max(from, this.starts[index]), Math.min(to, this.ends[index])]);
    }
    return result;
  }

  private search(start: Instant, duration: Duration, strictlyAfter: boolean): Instant | null {
    this.cover(start);
    const target = this.cumulative(start) + duration;
    for (let years = 0; years < MAX_YEARS_SEARCHED; years += 1) {
      // First interval whose running total at its end reaches (or passes) the target.
      let low = 0;
      let high = this.starts.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        const after = this.before[middle] + (this.ends[middle] - this.starts[middle]);
        if (strictlyAfter ? after > target : after >= target) high = middle;
        else low = middle + 1;
      }
      if (low < this.starts.length) {
        return this.starts[low] + Math.max(0, target - this.before[low]);
      }
      if (!this.extendForward()) return null;
    }
    return null;
  }

  private cumulative(instant: Instant): number {
    // Last interval starting at or before the instant.
    const index = firstGreater(this.starts, instant) - 1;
    if (index < 0) return 0;
    return this.before[index] + Math.min(instant, this.ends[index]) - this.starts[index];
  }

  private firstEndingAfter(instant: Instant): number {
    return firstGreater(this.ends, instant);
  }

  /** Makes sure the index covers the instant (and a year either side). */
  private cover(instant: Instant): void {
    if (instant >= this.rangeStart && instant < this.rangeEnd) return;
    const year = Temporal.Instant.fromEpochMilliseconds(Math.floor(instant)).toZonedDateTimeISO(this.timeZone).year;
    if (this.lastYear < this.firstYear) this.build(year - 1, year + 1);
    else this.build(Math.min(this.firstYear, year - 1), Math.max(this.lastYear, year + 1));
  }

  private extendForward(): boolean {
    if (this.lastYear - this.firstYear > MAX_YEARS_SEARCHED * 2) return false;
    this.build(this.firstYear, this.lastYear + 5);
    return true;
  }

  private build(firstYear: number, lastYear: number): void {
    const rangeStart = this.localInstant(Temporal.PlainDate.from({ year: firstYear, month: 1, day: 1 }), 0);
    const rangeEnd = this.localInstant(Temporal.PlainDate.from({ year: lastYear + 1, month: 1, day: 1 }), 0);
    const raw: [number, number][] = [];
    const midnights: number[] = [];
    const workingDays: number[] = [];
    // Start a day early: a window crossing midnight on 31 December reaches into the range.
    let date = Temporal.PlainDate.from({ year: firstYear - 1, month: 12, day: 31 });
    const stop = Temporal.PlainDate.from({ year: lastYear, month: 12, day: 31 });
    while (Temporal.PlainDate.compare(date, stop) <= 0) {
      const plan = this.planFor(date);
      if (date.year >= firstYear) {
        if (plan.working) workingDays.push(midnights.length);
        midnights.push(this.localInstant(date, 0));
      }
      for (const [startMinute, endMinute] of plan.windows) {
        const start = Math.max(rangeStart, this.localInstant(date, startMinute));
        const end = Math.min(rangeEnd, this.localInstant(date, endMinute));
        if (end > start) raw.push([start, end]);
      }
      date = date.add({ days: 1 });
    }
    raw.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const interval of raw) {
      const last = merged[merged.length - 1];
      if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
      else merged.push([interval[0], interval[1]]);
    }
    this.starts = Float64Array.from(merged, (interval) => interval[0]);
    this.ends = Float64Array.from(merged, (interval) => interval[1]);
    this.before = new Float64Array(merged.length);
    let total = 0;
    for (let index = 0; index < merged.length; index += 1) {
      this.before[index] = total;
      total += merged[index][1] - merged[index][0];
    }
    midnights.push(rangeEnd);
    this.midnights = Float64Array.from(midnights);
    this.workingDays = Int32Array.from(workingDays);
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.rangeStart = rangeStart;
    this.rangeEnd = rangeEnd;
  }

  /** Local date + minutes after its midnight (may exceed 1440) as an instant; DST gaps move forward. */
  private localInstant(date: Temporal.PlainDate, minutes: number): Instant {
    const day = Math.floor(minutes / 1440);
    const rest = minutes - day * 1440;
    const target = day === 0 ? date : date.add({ days: day });
    return target
      .toZonedDateTime({
        timeZone: this.timeZone,
        plainTime: Temporal.PlainTime.from({ hour: Math.floor(rest / 60), minute: rest % 60 }),
      })
      .toInstant().epochMilliseconds;
  }

  private planFor(date: Temporal.PlainDate): DayPlan {
    const key = date.toString();
    const version = this.versionOn(key);
    const extra = version.extraWorkingDays.find((day) => day.date === key);
    if (extra) return { working: true, windows: parseWindows(extra.windows ?? workingDayWindows(version)) };
    if (this.isHoliday(version, key, date.year)) return { working: false, windows: [] };
    const windows = version.weeklyWindows === '24x7' ? [[0, 1440] as const] : parseWindows(version.weeklyWindows[WEEKDAYS[date.dayOfWeek - 1]] ?? []);
    return { working: windows.length > 0, windows };
  }

  private versionOn(date: LocalDate): CalendarVersion {
    const versions = this.definition.versions;
    for (let index = versions.length - 1; index > 0; index -= 1) {
      if (versions[index].effectiveFrom! <= date) return versions[index];
    }
    return versions[0];
  }

  private isHoliday(version: CalendarVersion, date: LocalDate, year: number): boolean {
    if (version.holidays?.dates.some((holiday) => holiday.date === date)) return true;
    const national = version.holidays?.national;
    if (!national) return false;
    const key = `${national.country}/${national.subdivision ?? ''}/${national.region ?? ''}/${year}`;
    let dates = this.nationalSets.get(key);
    if (!dates) {
      const holidays = new Holidays(national.country, national.subdivision ?? '', national.region ?? '');
      dates = new Set(
        (holidays.getHolidays(year) || []).filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)),
      );
      this.nationalSets.set(key, dates);
    }
    return dates.has(date);
  }
}

/** Index of the first element greater than `value` in an ascending array (its length if none). */
function firstGreater(values: Float64Array | Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] > value) high = middle;
    else low = middle + 1;
  }
  return low;
}

function workingDayWindows(version: CalendarVersion): readonly string[] {
  if (version.workingDayWindows) return version.workingDayWindows;
  if (version.weeklyWindows === '24x7') return ['00:00-24:00'];
  for (const day of WEEKDAYS.slice(0, 5)) {
    const windows = version.weeklyWindows[day];
    if (windows && windows.length > 0) return windows;
  }
  return [];
}

const parsedWindows = new Map<string, [number, number]>();

/** `HH:MM-HH:MM` to minutes after the day's midnight; the end may pass 1440 (crossing midnight). */
function parseWindows(windows: readonly string[]): (readonly [number, number])[] {
  return windows.map((text) => {
    let parsed = parsedWindows.get(text);
    if (!parsed) {
      const [start, end] = text.split('-').map((part) => {
        const [hours, minutes] = part.split(':').map(Number);
        return hours * 60 + minutes;
      });
      parsed = [start, end <= start ? end + 1440 : end];
      parsedWindows.set(text, parsed);
    }
    return parsed;
  });
}

export const minutes = (count: number): Duration => count * MINUTE;
export const hours = (count: number): Duration => count * 60 * MINUTE;
