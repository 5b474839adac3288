import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';

/**
 * A recurring maintenance window: an RFC 5545 RRULE evaluated on the wall
 * clock of an IANA time zone, each occurrence lasting `durationMinutes`.
 *
 * The rule is expanded on floating (zone-less) date-times and each result is
 * then placed in the zone with RFC 5545 §3.3.5 semantics: a wall time that
 * does not exist (the spring-forward gap) moves forward by the gap, an
 * ambiguous one takes the earlier offset. Expanding directly in the zone would
 * silently drop occurrences that fall into a gap. UNTIL is taken out of the
 * rule and compared as the instant it names, for the same reason.
 */
export type Recurrence = {
  readonly rule: string;
  readonly timeZone: string;
  /** Local wall-clock start of the first occurrence, ISO without offset: 2026-01-04T02:00 */
  readonly firstStart: string;
  readonly durationMinutes: number;
};

export type Occurrence = { readonly start: number; readonly end: number };

export class RecurrenceRuleError extends Error {
  constructor(
    message: string,
    /** The recurrence field at fault. */
    readonly field: 'rule' | 'firstStart' = 'rule',
  ) {
    super(message);
    this.name = 'RecurrenceRuleError';
  }
}

// RFC 5545 3.3.10 value ranges; the library accepts some values outside them.
const NUMERIC_RANGES: Record<string, { min: number; max: number; signed: boolean }> = {
  COUNT: { min: 1, max: 100_000, signed: false },
  INTERVAL: { min: 1, max: 10_000, signed: false },
  BYSECOND: { min: 0, max: 60, signed: false },
  BYMINUTE: { min: 0, max: 59, signed: false },
  BYHOUR: { min: 0, max: 23, signed: false },
  BYMONTHDAY: { min: 1, max: 31, signed: true },
  BYYEARDAY: { min: 1, max: 366, signed: true },
  BYWEEKNO: { min: 1, max: 53, signed: true },
  BYMONTH: { min: 1, max: 12, signed: false },
  BYSETPOS: { min: 1, max: 366, signed: true },
};

function checkNumericPart(name: string, value: string): void {
  if (!Object.hasOwn(NUMERIC_RANGES, name)) return;
  const range = NUMERIC_RANGES[name];
  for (const item of value.split(',')) {
    const number = /^[+-]?\d+$/.test(item) ? Number(item) : NaN;
    const magnitude = range.signed ? Math.abs(number) : number;
    if (
      !Number.isInteger(number) ||
      (!range.signed && item.startsWith('-')) ||
      magnitude < range.min ||
      magnitude > range.max
    ) {
      throw new RecurrenceRuleError(
        `${name}=${value}: each value must be ${range.signed ? '±' : ''}${range.min}..${range.max}`,
      );
    }
  }
}

type PreparedRecurrence = {
  readonly floating: RRuleTemporal;
  readonly until: number | null;
  readonly recurrence: Recurrence;
};

const floatingZone = 'UTC';
// Widest offset from UTC of any zone is 14 h; a day on each side covers it.
const dayMs = 86_400_000;

function parseUntil(value: string, timeZone: string): number {
  const utc = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (utc) return Date.UTC(+utc[1], +utc[2] - 1, +utc[3], +utc[4], +utc[5], +utc[6]);
  const local = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?$/.exec(value);
  if (!local)
    throw new RecurrenceRuleError(`UNTIL=${value} is neither a date (YYYYMMDD) nor a date-time (YYYYMMDDTHHMMSSZ)`);
  const plain = Temporal.PlainDateTime.from({
    year: +local[1],
    month: +local[2],
    day: +local[3],
    hour: local[4] === undefined ? 23 : +local[4],
    minute: local[5] === undefined ? 59 : +local[5],
    second: local[6] === undefined ? 59 : +local[6],
  });
  return plain.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** Checks a recurrence and prepares it for expansion; the error names what is wrong. */
export function prepareRecurrence(recurrence: Recurrence): PreparedRecurrence {
  const parts = recurrence.rule
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter((part) => part.length > 0);
  let until: number | null = null;
  const kept: string[] = [];
  for (const part of parts) {
    const [name, value] = part.split('=', 2);
    if (!value) throw new RecurrenceRuleError(`'${part}' is not NAME=VALUE`);
    const upper = name.toUpperCase();
    if (upper === 'DTSTART' || upper === 'TZID')
      throw new RecurrenceRuleError(`${upper} belongs in firstStart and timeZone, not in the rule`);
    if (upper === 'UNTIL') until = parseUntil(value, recurrence.timeZone);
    else {
      checkNumericPart(upper, value);
      kept.push(`${upper}=${value}`);
    }
  }
  if (!kept.some((part) => part.startsWith('FREQ='))) throw new RecurrenceRuleError('the rule needs FREQ');
  let firstStart: Temporal.PlainDateTime;
  try {
    firstStart = Temporal.PlainDateTime.from(recurrence.firstStart, { overflow: 'reject' });
  } catch {
    throw new RecurrenceRuleError(
      `'${recurrence.firstStart}' is not a local date-time like 2026-01-04T02:00`,
      'firstStart',
    );
  }
  try {
    const floating = new RRuleTemporal({
      rruleString: kept.join(';'),
      dtstart: firstStart.toZonedDateTime(floatingZone),
    });
    // Some rule errors only show when the rule is expanded.
    floating.all((_, index) => index < 1);
    return { floating, until, recurrence };
  } catch (error) {
    throw new RecurrenceRuleError(error instanceof Error ? error.message : String(error));
  }
}

/** Occurrences overlapping [from, to), in start order, at most `limit`. */
export function occurrencesBetween(
  prepared: PreparedRecurrence,
  from: number,
  to: number,
  limit = 10_000,
): Occurrence[] {
  const { floating, until, recurrence } = prepared;
  const durationMs = recurrence.durationMinutes * 60_000;
  const windowStart = new Date(from - durationMs - dayMs);
  const windowEnd = new Date(to + dayMs);
  const occurrences: Occurrence[] = [];
  for (const candidate of floating.between(windowStart, windowEnd, true)) {
    const start = candidate
      .toPlainDateTime()
      .toZonedDateTime(recurrence.timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
    if (until !== null && start > until) break;
    const end = start + durationMs;
    if (end <= from || start >= to) continue;
    occurrences.push({ start, end });
    if (occurrences.length >= limit) break;
  }
  return occurrences;
}
