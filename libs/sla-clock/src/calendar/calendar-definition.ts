import { z } from 'zod';

/** A local date, `YYYY-MM-DD`, in the calendar's time zone. */
export type LocalDate = string;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const localDate = z.iso.date();
/**
 * `HH:MM-HH:MM` in local time. `24:00` ends a window at midnight; an end at or
 * before the start crosses midnight (`22:00-06:00`); `00:00-24:00` is a whole day.
 */
const window = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected HH:MM-HH:MM');
const windows = z.array(window);

export const calendarVersionSchema = z.strictObject({
  /** First local date on which this version applies; omit on the first version. */
  effectiveFrom: localDate.optional(),
  /** Service windows per weekday, or `24x7`. */
  weeklyWindows: z.union([
    z.literal('24x7'),
    z.strictObject(
      Object.fromEntries(WEEKDAYS.map((day) => [day, windows.optional()])) as Record<
        Weekday,
        z.ZodOptional<typeof windows>
      >,
    ),
  ]),
  holidays: z
    .strictObject({
      /** A national (and optionally regional) public-holiday set from the date-holidays library. */
      national: z
        .strictObject({
          country: z.string().length(2),
          subdivision: z.string().optional(),
          region: z.string().optional(),
        })
        .optional(),
      dates: z.array(z.strictObject({ date: localDate, name: z.string().optional() })).default([]),
    })
    .optional(),
  /** Days worked although they would not be (weekend days moved around public holidays). */
  extraWorkingDays: z
    .array(z.strictObject({ date: localDate, name: z.string().optional(), windows: windows.optional() }))
    .default([]),
  /** Windows of an extra working day that names none; defaults to the first of Mon-Fri that has windows. */
  workingDayWindows: windows.optional(),
});

export const calendarDefinitionSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  /** IANA time zone name, e.g. Europe/Berlin. */
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone'),
  versions: z
    .array(calendarVersionSchema)
    .min(1)
    .refine(
      (versions) =>
        versions
          .slice(1)
          .every(
            (version, index) =>
              version.effectiveFrom !== undefined &&
              (index === 0 ? true : version.effectiveFrom > versions[index].effectiveFrom!),
          ),
      'every version after the first needs an effectiveFrom date, in increasing order',
    ),
});

export type CalendarVersion = z.infer<typeof calendarVersionSchema>;
export type CalendarDefinition = z.infer<typeof calendarDefinitionSchema>;
export type CalendarDefinitionInput = z.input<typeof calendarDefinitionSchema>;

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Validates a definition (e.g. parsed from a JSON file); throws a ZodError naming each bad field. */
export function parseCalendarDefinition(input: unknown): CalendarDefinition {
  return calendarDefinitionSchema.parse(input);
}
