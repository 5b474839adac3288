import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { hours } from './calendar/business-calendar';
import { evaluateTicketClocks, type TicketFact } from './clock/ticket-clock';
import { PRIORITIES } from './clock/sla-targets';
import { businessHours, calendar, targetTable, weekdays } from './testing/calendar-builders';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Shanghai'] as const;
const FROM = Date.parse('2025-01-01T00:00:00Z');
const TO = Date.parse('2027-12-31T00:00:00Z');

const calendars = [
  ...ZONES.map((zone) => calendar(weekdays('09:00-17:00'), zone, {}, `office-${zone}`)),
  ...ZONES.map((zone) => calendar('24x7', zone, {}, `round-the-clock-${zone}`)),
  calendar(
    { mon: ['22:00-06:00'], tue: ['22:00-06:00'], wed: ['08:00-12:00', '13:00-17:00'], sat: ['00:00-24:00'] },
    'Europe/Berlin',
    { holidays: { dates: [{ date: '2026-03-25' }] } },
    'irregular',
  ),
];
// Counterexamples name the calendar instead of printing its whole index.
for (const cal of calendars) Object.defineProperty(cal, fc.toStringMethod, { value: () => `calendar ${cal.id}` });
const roundTheClock = calendars.filter((candidate) => candidate.id.startsWith('round-the-clock'));

const anInstant = fc.integer({ min: FROM, max: TO });
const aDuration = fc.integer({ min: 0, max: hours(2_000) });
const aCalendar = fc.constantFrom(...calendars);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

describe('business-time arithmetic (properties)', () => {
  it('measuring after adding gives back the duration added', () => {
    fc.assert(
      fc.property(aCalendar, anInstant, aDuration, (cal, start, duration) => {
        const due = cal.instantWhenElapsed(start, duration)!;
        expect(cal.businessDuration(start, due)).toBe(duration);
        const breach = cal.instantWhenExceeded(start, duration)!;
        expect(breach).toBeGreaterThanOrEqual(due);
        expect(cal.businessDuration(start, breach)).toBe(duration);
        // One millisecond after the breach instant, elapsed exceeds the duration.
        expect(cal.businessDuration(start, breach + 1)).toBe(duration + 1);
      }),
    );
  });

  it('durations add up over split intervals', () => {
    fc.assert(
      fc.property(aCalendar, fc.tuple(anInstant, anInstant, anInstant), (cal, instants) => {
        const [a, b, c] = sorted(instants);
        expect(cal.businessDuration(a, c)).toBe(cal.businessDuration(a, b) + cal.businessDuration(b, c));
        expect(cal.businessDuration(c, a) + cal.businessDuration(a, c)).toBe(0);
      }),
    );
  });

  it('is monotonic in both the end instant and the duration added', () => {
    fc.assert(
      fc.property(
        aCalendar,
        anInstant,
        fc.tuple(anInstant, anInstant),
        fc.tuple(aDuration, aDuration),
        (cal, origin, ends, durations) => {
          const [early, late] = sorted(ends);
          expect(cal.businessDuration(origin, early)).toBeLessThanOrEqual(cal.businessDuration(origin, late));
          const [short, long] = sorted(durations);
          expect(cal.instantWhenElapsed(origin, short)!).toBeLessThanOrEqual(cal.instantWhenElapsed(origin, long)!);
          expect(cal.businessDuration(early, late)).toBeLessThanOrEqual(late - early);
        },
      ),
    );
  });

  it('working days from the index agree with a day-by-day walk through the time zone', () => {
    fc.assert(
      fc.property(aCalendar, anInstant, fc.integer({ min: 0, max: 40 }), (cal, start, days) => {
        const from = cal.nextBusinessInstant(start)!;
        const walked = (
          cal as unknown as { addWorkingDaysByCalendar(from: number, days: number): number }
        ).addWorkingDaysByCalendar(from, days);
        expect(cal.addWorkingDays(start, days)).toBe(walked);
      }),
    );
  });

  it('a 24x7 calendar measures wall-clock time, across every DST change', () => {
    fc.assert(
      fc.property(fc.constantFrom(...roundTheClock), anInstant, anInstant, aDuration, (cal, a, b, duration) => {
        expect(cal.businessDuration(a, b)).toBe(b - a);
        expect(cal.instantWhenElapsed(a, duration)).toBe(a + duration);
      }),
    );
  });

  it('never drifts across DST: a working day holds exactly its hours, from 09:00 to 17:00 local', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 3 * 365 }), (zone, dayOffset) => {
        const cal = calendars.find((candidate) => candidate.id === `office-${zone}`)!;
        const date = Temporal.PlainDate.from('2025-01-01').add({ days: dayOffset });
        const midnight = (day: Temporal.PlainDate) => day.toZonedDateTime({ timeZone: zone }).epochMilliseconds;
        const worked = cal.businessDuration(midnight(date), midnight(date.add({ days: 1 })));
        expect(worked).toBe(date.dayOfWeek <= 5 ? hours(8) : 0);
        if (date.dayOfWeek <= 5) {
          const [[start, end]] = cal.intervals(midnight(date), midnight(date.add({ days: 1 })));
          const clock = (instant: number) =>
            Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone).toPlainTime().toString();
          expect([clock(start), clock(end)]).toEqual(['09:00:00', '17:00:00']);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('ticket clock evaluation (properties)', () => {
  const office = calendars[0];
  const roundClock = calendars[4];
  const table = targetTable(
    office.id,
    { response: businessHours(4), resolution: businessHours(16), atRiskFractions: [0.5, 0.75] },
    {
      P1: { response: { unit: 'business-minutes', amount: 30 }, resolution: businessHours(2) },
      P4: { resolution: { unit: 'working-days', amount: 3 } },
    },
  );
  const targets = {
    ...table,
    P1: {
      response: { ...table.P1.response, calendarId: roundClock.id },
      resolution: { ...table.P1.resolution, calendarId: roundClock.id },
    },
  };
  const registry = new Map([office, roundClock].map((cal) => [cal.id, cal]));

  const laterFact = fc.oneof(
    fc.record({
      type: fc.constantFrom(
        'responded',
        'paused',
        'resumed',
        'resolved',
        'reopened',
        'closed',
      ) as fc.Arbitrary<'responded'>,
      offset: fc.integer({ min: 0, max: hours(200) }),
    }),
    fc.record({
      type: fc.constant('priority-changed' as const),
      offset: fc.integer({ min: 0, max: hours(200) }),
      priority: fc.constantFrom(...PRIORITIES),
    }),
  );
  const aTicket = fc
    .record({
      opened: anInstant,
      priority: fc.constantFrom(...PRIORITIES),
      later: fc.array(laterFact, { maxLength: 8 }),
      asOfOffset: fc.integer({ min: 0, max: hours(400) }),
    })
    .map(({ opened, priority, later, asOfOffset }) => ({
      facts: [
        { type: 'opened', at: opened, priority } as TicketFact,
        ...later.map(({ offset, ...fact }) => ({ ...fact, at: opened + offset }) as TicketFact),
      ],
      asOf: opened + asOfOffset,
    }));

  it('gives the same result whatever order the facts arrived in', () => {
    fc.assert(
      fc.property(aTicket, fc.integer(), ({ facts, asOf }, seed) => {
        const shuffled = [...facts];
        let state = seed >>> 0 || 1;
        for (let index = shuffled.length - 1; index > 0; index -= 1) {
          state = (state * 1103515245 + 12345) >>> 0;
          const other = state % (index + 1);
          [shuffled[index], shuffled[other]] = [shuffled[other], shuffled[index]];
        }
        const inOrder = evaluateTicketClocks({ facts, targets, calendars: registry, asOf });
        const outOfOrder = evaluateTicketClocks({ facts: shuffled, targets, calendars: registry, asOf });
        expect(outOfOrder).toEqual(inOrder);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps its invariants: elapsed never exceeds wall time, met means within target, breach implies elapsed past target', () => {
    fc.assert(
      fc.property(aTicket, ({ facts, asOf }) => {
        const result = evaluateTicketClocks({ facts, targets, calendars: registry, asOf });
        for (const metric of [result.response, result.resolution]) {
          expect(metric.elapsed).toBeGreaterThanOrEqual(0);
          expect(metric.elapsed).toBeLessThanOrEqual(asOf - facts[0].at);
          if (metric.state === 'met' && metric.retargets.length === 0)
            expect(metric.elapsed).toBeLessThanOrEqual(metric.targetDuration!);
          if (metric.breachedAt !== null) expect(metric.breachedAt).toBeLessThanOrEqual(asOf);
          if (metric.state === 'running' && metric.breachAt !== null) expect(metric.breachAt).toBeGreaterThan(asOf);
        }
      }),
      { numRuns: 300 },
    );
  });
});
