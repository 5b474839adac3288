import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { WEEKDAYS, type CalendarDefinitionInput } from '../calendar/calendar-definition';

type VersionInput = CalendarDefinitionInput['versions'][number];

/** Every date a generated calendar names lies in these years; after them only weekly windows can be worked. */
export const FIRST_GENERATED_YEAR = 2024;
export const LAST_GENERATED_YEAR = 2030;

export const GENERATED_ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Shanghai',
  'Asia/Kolkata',
  'America/Sao_Paulo',
] as const;

/** National sets that date-holidays computes in a few milliseconds a year (lunisolar ones take 10-30 ms). */
export const NATIONAL_SETS = [
  { country: 'DE', subdivision: 'BE' },
  { country: 'US' },
  { country: 'GB' },
  { country: 'FR' },
  { country: 'AU', subdivision: 'NSW' },
];

const FIRST_DAY = Temporal.PlainDate.from({ year: FIRST_GENERATED_YEAR, month: 1, day: 1 });
const DAYS = FIRST_DAY.until(Temporal.PlainDate.from({ year: LAST_GENERATED_YEAR, month: 12, day: 31 })).days;

export const aLocalDate = fc.integer({ min: 0, max: DAYS }).map((offset) => FIRST_DAY.add({ days: offset }).toString());

const twoDigits = (value: number) => String(value).padStart(2, '0');
const clock = (minute: number) => `${twoDigits(Math.floor(minute / 60))}:${twoDigits(minute % 60)}`;
/** Half-hour grid; `24:00` ends at midnight, an end at or before the start crosses it. */
const aWindow = fc
  .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 0, max: 48 }))
  .map(([start, end]) => `${clock(start * 30)}-${end === 48 ? '24:00' : clock(end * 30)}`);
const someWindows = fc.array(aWindow, { maxLength: 2 });

const aWeek = fc.oneof(
  { weight: 1, arbitrary: fc.constant('24x7' as const) },
  // Often empty: a version without weekly windows is the case that used to search for 50 years.
  { weight: 2, arbitrary: fc.constant({}) },
  {
    weight: 4,
    arbitrary: fc.record(Object.fromEntries(WEEKDAYS.map((day) => [day, someWindows])), { requiredKeys: [] }),
  },
);

const aVersion: fc.Arbitrary<Omit<VersionInput, 'effectiveFrom'>> = fc.record(
  {
    weeklyWindows: aWeek,
    holidays: fc.record(
      {
        national: fc.constantFrom(...NATIONAL_SETS),
        dates: fc.array(
          aLocalDate.map((date) => ({ date })),
          { maxLength: 6 },
        ),
      },
      { requiredKeys: ['dates'] },
    ),
    extraWorkingDays: fc.array(fc.record({ date: aLocalDate, windows: someWindows }, { requiredKeys: ['date'] }), {
      maxLength: 5,
    }),
    workingDayWindows: someWindows,
  },
  { requiredKeys: ['weeklyWindows'] },
);

/**
 * Random calendars: 1-3 versions with effective dates, weekly windows (empty included),
 * holidays, extra working days, time zones.
 */
export const aCalendarDefinition: fc.Arbitrary<CalendarDefinitionInput> = fc
  .record({
    timeZone: fc.constantFrom(...GENERATED_ZONES),
    first: aVersion,
    later: fc.array(fc.tuple(aLocalDate, aVersion), { maxLength: 2 }),
  })
  .map(({ timeZone, first, later }) => {
    // One version per effective date, in date order, as the schema requires.
    const byDate = new Map(later.map(([date, version]) => [date, version]));
    const dated = [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    return {
      id: 'random',
      name: 'random',
      timeZone,
      versions: [first, ...dated.map(([effectiveFrom, version]) => ({ effectiveFrom, ...version }))],
    };
  });

/** Whether weekly windows apply for ever (the last version has some): else service ends with the generated years. */
export function servesForever(definition: CalendarDefinitionInput): boolean {
  const last = definition.versions[definition.versions.length - 1].weeklyWindows;
  return last === '24x7' || Object.values(last).some((windows) => windows !== undefined && windows.length > 0);
}
