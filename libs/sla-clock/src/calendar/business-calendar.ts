import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import { WEEKDAYS, type CalendarDefinition, type CalendarVersion, type LocalDate } from './calendar-definition';
import { dateOfDayNumber, dayNumberOf, parseLocalDate, weekdayIndex, type DayNumber } from './local-days';
import { firstGreater, ZoneOffsets } from './zone-offsets';

/** Milliseconds since the Unix epoch. */
export type Instant = number;
/** A length of business time in milliseconds. */
export type Duration = number;

type Windows = readonly (readonly [number, number])[];
type DayPlan = { readonly working: boolean; readonly windows: Windows };

/** A version prepared for the day-by-day walk: day numbers, sets and maps instead of lists. */
type CompiledVersion = {
  readonly source: CalendarVersion;
  /** First day the version applies (-Infinity for the first version). */
  readonly from: DayNumber;
  /** First day of the next version (Infinity for the last). */
  readonly until: DayNumber;
  /** Plan of an ordinary day, per weekday (0 = Monday). */
  readonly weekly: readonly DayPlan[];
  /** Whether any weekday has windows: without, only extra working days can be worked. */
  readonly hasWeeklyWindows: boolean;
  readonly holidays: ReadonlySet<DayNumber>;
  readonly extra: ReadonlyMap<DayNumber, DayPlan>;
  /** The extra working days inside [from, until), ascending. */
  readonly extraDays: readonly DayNumber[];
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MAX_YEARS_SEARCHED = 50;
/**
 * How far a search looks past its start: a budget not used up within 50 years
 * is never used up. This bounds the work of a search on any calendar.
 */
const SEARCH_HORIZON_DAYS = MAX_YEARS_SEARCHED * 366;
/** The index grows forward in chunks of at most this many days while a search walks on. */
const MAX_CHUNK_DAYS = 732;
const NOT_WORKING: DayPlan = { working: false, windows: [] };

/**
 * A calendar compiled into an index of business intervals (epoch ms) with
 * running totals, built on demand over a contiguous range of local days.
 * Every query is a binary search. Days are walked as integers; the zone's
 * offsets come from Temporal once per range (`ZoneOffsets`), so building a
 * year costs well under a millisecond. Stretches in which a version has no
 * weekly windows are not walked day by day: only their extra working days
 * can be worked. After the calendar's last possible working day (`lastActiveDay`)
 * nothing is ever worked, so searches past it answer "never" (null) at once.
 */
export class BusinessCalendar {
  readonly id: string;
  readonly timeZone: string;
  private readonly zone: ZoneOffsets;
  private readonly versions: readonly CompiledVersion[];
  /** The last local day on which windows may start or that counts as a working day (±Infinity). */
  private readonly lastActiveDay: DayNumber;
  /** No business time at or after this instant (Infinity when service never ends). */
  private readonly serviceEnd: Instant;
  private starts: number[] = [];
  private ends: number[] = [];
  /** Business time before interval i, from the start of the indexed range. */
  private before: number[] = [];
  /** The indexed local days: [firstDay, endDay); none while endDay <= firstDay. */
  private firstDay = 0;
  private endDay = 0;
  private rangeStart = 0;
  private rangeEnd = 0;
  /** The working days of the indexed range, ascending, for working-day arithmetic. */
  private workingDays: DayNumber[] = [];

  constructor(readonly definition: CalendarDefinition) {
    this.id = definition.id;
    this.timeZone = definition.timeZone;
    this.zone = ZoneOffsets.of(definition.timeZone);
    this.versions = compileVersions(definition.versions);
    this.lastActiveDay = lastActiveDayOf(this.versions);
    // Windows starting on a day end before the local midnight two days later; one more day of margin.
    const lastDay = this.lastActiveDay;
    this.serviceEnd = Number.isFinite(lastDay) ? this.midnightOf(lastDay + 3) : lastDay;
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
   * Null ("never") when the calendar has less business time than that left.
   */
  instantWhenElapsed(start: Instant, duration: Duration): Instant | null {
    if (duration <= 0) return start;
    return this.search(start, duration, false);
  }

  /**
   * The first instant at which elapsed business time exceeds `duration`:
   * the breach instant. When the budget runs out exactly at the end of a
   * window, that is the start of the next window. Null ("never") when the
   * calendar has no more than `duration` of business time left.
   */
  instantWhenExceeded(start: Instant, duration: Duration): Instant | null {
    if (duration < 0) return start;
    return this.search(start, duration, true);
  }

  /** `instant` itself when inside service hours, else the start of the next window; null if none follows. */
  nextBusinessInstant(instant: Instant): Instant | null {
    if (instant >= this.serviceEnd) return null;
    this.cover(instant);
    const limit = this.searchLimit(instant);
    for (;;) {
      const index = firstGreater(this.ends, instant);
      if (index < this.ends.length) return Math.max(instant, this.starts[index]);
      if (!this.extendForward(limit)) return null;
    }
  }

  /** Whether service windows start on this local date (after holidays and extra working days). */
  isWorkingDay(date: LocalDate): boolean {
    return this.planFor(parseLocalDate(date)).working;
  }

  /**
   * N working days later at the same local clock time ("7 business days").
   * A start outside service hours counts from the next service instant.
   * Null when the calendar has fewer working days than that left.
   */
  addWorkingDays(start: Instant, days: number): Instant | null {
    const from = this.nextBusinessInstant(start);
    if (from === null) return null;
    this.cover(from);
    const local = this.zone.toLocal(from);
    const day = Math.floor(local / DAY);
    let targetDay = day;
    if (days > 0) {
      const limit = this.searchLimit(from);
      for (;;) {
        const target = firstGreater(this.workingDays, day) + days - 1;
        if (target < this.workingDays.length) {
          targetDay = this.workingDays[target];
          break;
        }
        if (!this.extendForward(limit)) return null;
      }
    }
    // The same local clock time on the target day; a time the clocks skip moves forward (Temporal's rule).
    return this.zone.toInstant(targetDay * DAY + (local - day * DAY));
  }

  /** The same rule walked date by date with Temporal: the reference the index is tested against. */
  private addWorkingDaysByCalendar(from: Instant, days: number): Instant | null {
    const zoned = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(this.timeZone);
    let date = zoned.toPlainDate();
    let counted = 0;
    for (let guard = 0; counted < days; guard += 1) {
      if (guard > SEARCH_HORIZON_DAYS) return null;
      date = date.add({ days: 1 });
      if (this.planFor(dayNumberOf(date.year, date.month, date.day)).working) counted += 1;
    }
    return date.toZonedDateTime({ timeZone: this.timeZone, plainTime: zoned.toPlainTime() }).toInstant()
      .epochMilliseconds;
  }

  /** The business intervals overlapping [from, to), clipped: for reports and tests. */
  intervals(from: Instant, to: Instant): [Instant, Instant][] {
    this.cover(from);
    this.cover(to);
    const result: [Instant, Instant][] = [];
    for (let index = firstGreater(this.ends, from); index < this.starts.length && this.starts[index] < to; index += 1) {
      result.push([Math.max(from, this.starts[index]), Math.min(to, this.ends[index])]);
    }
    return result;
  }

  private search(start: Instant, duration: Duration, strictlyAfter: boolean): Instant | null {
    if (start >= this.serviceEnd) return null;
    this.cover(start);
    const target = this.cumulative(start) + duration;
    const limit = this.searchLimit(start);
    for (;;) {
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
      if (!this.extendForward(limit)) return null;
    }
  }

  /** The day after which a search from `instant` gives up: the horizon, or the end of all service. */
  private searchLimit(instant: Instant): DayNumber {
    const day = Math.floor(this.zone.toLocal(instant) / DAY);
    return Math.min(day + SEARCH_HORIZON_DAYS, this.lastActiveDay + 3);
  }

  private cumulative(instant: Instant): number {
    // Last interval starting at or before the instant.
    const index = firstGreater(this.starts, instant) - 1;
    if (index < 0) return 0;
    return this.before[index] + Math.min(instant, this.ends[index]) - this.starts[index];
  }

  /** Makes sure the index covers the instant (and a day either side). */
  private cover(instant: Instant): void {
    if (this.endDay > this.firstDay && instant >= this.rangeStart && instant < this.rangeEnd) return;
    const day = Math.floor(this.zone.toLocal(Math.floor(instant)) / DAY);
    if (this.endDay <= this.firstDay) {
      this.firstDay = day - 1;
      this.endDay = day - 1;
      this.rangeStart = this.midnightOf(this.firstDay);
      this.rangeEnd = this.rangeStart;
    }
    if (day - 1 < this.firstDay) this.extendBackward(day - 1);
    if (day + 2 > this.endDay) this.append(day + 2);
  }

  /** Grows the index forward by a chunk, up to `limit`; false when it already reaches it. */
  private extendForward(limit: DayNumber): boolean {
    if (this.endDay >= limit) return false;
    const chunk = Math.min(MAX_CHUNK_DAYS, Math.max(64, this.endDay - this.firstDay));
    this.append(Math.min(limit, this.endDay + chunk));
    return true;
  }

  private append(endDay: DayNumber): void {
    const built = this.buildDays(this.endDay, endDay);
    const count = this.starts.length;
    let total = count === 0 ? 0 : this.before[count - 1] + this.ends[count - 1] - this.starts[count - 1];
    for (let index = 0; index < built.starts.length; index += 1) {
      const last = this.ends.length - 1;
      if (last >= 0 && built.starts[index] <= this.ends[last]) {
        total += built.ends[index] - this.ends[last];
        this.ends[last] = built.ends[index];
        continue;
      }
      this.starts.push(built.starts[index]);
      this.ends.push(built.ends[index]);
      this.before.push(total);
      total += built.ends[index] - built.starts[index];
    }
    for (const day of built.workingDays) this.workingDays.push(day);
    this.endDay = endDay;
    this.rangeEnd = built.rangeEnd;
  }

  private extendBackward(firstDay: DayNumber): void {
    const built = this.buildDays(firstDay, this.firstDay);
    const starts = built.starts;
    const ends = built.ends;
    for (let index = 0; index < this.starts.length; index += 1) {
      const last = ends.length - 1;
      if (index === 0 && last >= 0 && this.starts[0] <= ends[last]) ends[last] = this.ends[0];
      else {
        starts.push(this.starts[index]);
        ends.push(this.ends[index]);
      }
    }
    this.starts = starts;
    this.ends = ends;
    this.before = new Array<number>(starts.length);
    let total = 0;
    for (let index = 0; index < starts.length; index += 1) {
      this.before[index] = total;
      total += ends[index] - starts[index];
    }
    this.workingDays = [...built.workingDays, ...this.workingDays];
    this.firstDay = firstDay;
    this.rangeStart = built.rangeStart;
  }

  /** The merged intervals and working days of local days [firstDay, endDay), clipped to that range. */
  private buildDays(firstDay: DayNumber, endDay: DayNumber) {
    const rangeStart = this.midnightOf(firstDay);
    const rangeEnd = this.midnightOf(endDay);
    const raw: [number, number][] = [];
    const workingDays: DayNumber[] = [];
    const addDay = (day: DayNumber) => {
      const plan = this.planFor(day);
      if (plan.working && day >= firstDay) workingDays.push(day);
      for (const [startMinute, endMinute] of plan.windows) {
        const start = Math.max(rangeStart, this.zone.toInstant(day * DAY + startMinute * MINUTE));
        const end = Math.min(rangeEnd, this.zone.toInstant(day * DAY + endMinute * MINUTE));
        if (end > start) raw.push([start, end]);
      }
    };
    // Start a day early: a window crossing midnight reaches into the range.
    for (const version of this.versions) {
      const from = Math.max(firstDay - 1, version.from);
      const until = Math.min(endDay, version.until);
      if (from >= until) continue;
      if (version.hasWeeklyWindows) {
        this.zone.prepare((from - 1) * DAY, (until + 2) * DAY);
        for (let day = from; day < until; day += 1) addDay(day);
      } else {
        const days = version.extraDays;
        for (let index = firstGreater(days, from - 1); index < days.length && days[index] < until; index += 1) {
          addDay(days[index]);
        }
      }
    }
    raw.sort((a, b) => a[0] - b[0]);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const [start, end] of raw) {
      const last = ends.length - 1;
      if (last >= 0 && start <= ends[last]) ends[last] = Math.max(ends[last], end);
      else {
        starts.push(start);
        ends.push(end);
      }
    }
    return { starts, ends, workingDays, rangeStart, rangeEnd };
  }

  /** Local midnight of a day; a midnight the clocks skip moves forward. */
  private midnightOf(day: DayNumber): Instant {
    return this.zone.toInstant(day * DAY);
  }

  private planFor(day: DayNumber): DayPlan {
    const version = this.versionOn(day);
    const extra = version.extra.get(day);
    if (extra) return extra;
    if (this.isHoliday(version, day)) return NOT_WORKING;
    return version.weekly[weekdayIndex(day)];
  }

  private versionOn(day: DayNumber): CompiledVersion {
    const versions = this.versions;
    for (let index = versions.length - 1; index > 0; index -= 1) {
      if (versions[index].from <= day) return versions[index];
    }
    return versions[0];
  }

  private isHoliday(version: CompiledVersion, day: DayNumber): boolean {
    if (version.holidays.has(day)) return true;
    const national = version.source.holidays?.national;
    return national !== undefined && nationalHolidays(national, dateOfDayNumber(day).year).has(day);
  }
}

type NationalHolidays = NonNullable<NonNullable<CalendarVersion['holidays']>['national']>;

/**
 * Public holidays of a country (and subdivision) in a year. date-holidays
 * takes 1-3 ms per year for most countries and 10-30 ms where holidays follow
 * a lunisolar calendar (CN, KR, SG), so each year is computed once per
 * process and shared by every calendar (the API builds calendars per request).
 * Asking only for public holidays skips the rules of every other type.
 */
function nationalHolidays(national: NationalHolidays, year: number): ReadonlySet<DayNumber> {
  const area = `${national.country}/${national.subdivision ?? ''}/${national.region ?? ''}`;
  const key = `${area}/${year}`;
  let days = nationalHolidaySets.get(key);
  if (!days) {
    let holidays = nationalHolidayRules.get(area);
    if (!holidays) {
      const { country, subdivision = '', region = '' } = national;
      holidays = new Holidays(country, subdivision, region, { types: ['public'] });
      nationalHolidayRules.set(area, holidays);
    }
    days = new Set(
      (holidays.getHolidays(year) || [])
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => parseLocalDate(holiday.date.slice(0, 10))),
    );
    // A bound on memory for long-running processes; recomputing is only slower.
    if (nationalHolidaySets.size >= 10_000) nationalHolidaySets.clear();
    nationalHolidaySets.set(key, days);
  }
  return days;
}

const nationalHolidayRules = new Map<string, Holidays>();
const nationalHolidaySets = new Map<string, Set<DayNumber>>();

function compileVersions(versions: readonly CalendarVersion[]): CompiledVersion[] {
  const froms = versions.map((version, index) => (index === 0 ? -Infinity : parseLocalDate(version.effectiveFrom!)));
  return versions.map((version, index) => {
    const from = froms[index];
    const until = froms[index + 1] ?? Infinity;
    const weekly = WEEKDAYS.map((weekday): DayPlan => {
      const week = version.weeklyWindows;
      const windows = week === '24x7' ? [[0, 1440] as const] : parseWindows(week[weekday] ?? []);
      return windows.length > 0 ? { working: true, windows } : NOT_WORKING;
    });
    const extra = new Map<DayNumber, DayPlan>();
    // The first entry for a date wins, as a lookup in the list would find it.
    for (const day of version.extraWorkingDays) {
      const dayNumber = parseLocalDate(day.date);
      if (extra.has(dayNumber)) continue;
      extra.set(dayNumber, { working: true, windows: parseWindows(day.windows ?? workingDayWindows(version)) });
    }
    return {
      source: version,
      from,
      until,
      weekly,
      hasWeeklyWindows: weekly.some((plan) => plan.working),
      holidays: new Set((version.holidays?.dates ?? []).map((holiday) => parseLocalDate(holiday.date))),
      extra,
      extraDays: [...extra.keys()].filter((day) => day >= from && day < until).sort((a, b) => a - b),
    };
  });
}

/**
 * The last day on which anything can be worked: none after the last version
 * with weekly windows ends, except that version's successors' extra working days.
 */
function lastActiveDayOf(versions: readonly CompiledVersion[]): DayNumber {
  for (let index = versions.length - 1; index >= 0; index -= 1) {
    const version = versions[index];
    if (version.hasWeeklyWindows) return version.until - 1;
    if (version.extraDays.length > 0) return version.extraDays[version.extraDays.length - 1];
  }
  return -Infinity;
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
