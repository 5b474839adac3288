import { deciderSpec } from '@sla/event-sourcing/testing';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import {
  MaintenanceWindowScheduled,
  maintenanceOccurrences,
  maintenanceWindowDecider,
  type MaintenanceSchedule,
  type MaintenanceWindowEvent,
} from './maintenance-window.decider';

const at = (iso: string) => Date.parse(iso);
const iso = (epoch: number) => new Date(epoch).toISOString();
const scheduled = (schedule: MaintenanceSchedule): MaintenanceWindowEvent => ({
  type: 'MaintenanceWindowScheduled',
  data: {
    windowId: 'mw-1',
    serviceId: 'email',
    changeReference: 'CHG-42',
    title: 'Mail relay patching',
    schedule,
    occurredAt: '2026-01-02T10:00:00Z',
  },
});
const cancelled = (effectiveFrom: string, occurredAt = '2026-02-01T10:00:00Z'): MaintenanceWindowEvent => ({
  type: 'MaintenanceWindowCancelled',
  data: { windowId: 'mw-1', reason: 'relay replaced', effectiveFrom, occurredAt },
});
const { given } = deciderSpec(maintenanceWindowDecider);
const record = (fact: MaintenanceWindowEvent) => ({ type: 'RecordMaintenanceWindowFact' as const, fact });
const weeklyBerlin: MaintenanceSchedule = {
  kind: 'recurring',
  rule: 'FREQ=WEEKLY;BYDAY=SU',
  timeZone: 'Europe/Berlin',
  firstStart: '2026-01-04T02:30:00',
  durationMinutes: 120,
};

describe('maintenance windows', () => {
  it('are scheduled once and cancelled once, not before they were scheduled', () => {
    const once = scheduled({ kind: 'once', start: '2026-01-10T22:00:00+01:00', end: '2026-01-11T02:00:00+01:00' });
    given([]).when(record(once)).then([once]);
    given([once]).when(record(once)).thenFails('MAINTENANCE_WINDOW_ALREADY_SCHEDULED', { kind: 'conflict' });
    given([])
      .when(record(cancelled('2026-02-01T00:00:00Z')))
      .thenFails('MAINTENANCE_WINDOW_NOT_FOUND', { kind: 'not_found' });
    expect(
      given([once])
        .when(record(cancelled('2026-02-01T00:00:00Z')))
        .thenEvents(),
    ).toHaveLength(1);
    given([once, cancelled('2026-02-01T00:00:00Z')])
      .when(record(cancelled('2026-03-01T00:00:00Z')))
      .thenFails('MAINTENANCE_WINDOW_ALREADY_CANCELLED');
    given([once])
      .when(record(cancelled('2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z')))
      .thenFails('FACT_BEFORE_SCHEDULING', { kind: 'rule_violated' });
  });

  it('refuses bad schedules naming the field: end before start, unknown zone, broken rule, offset-less one-off times', () => {
    const base = {
      windowId: 'mw-1',
      serviceId: 'email',
      changeReference: 'CHG-42',
      title: 'x',
      occurredAt: '2026-01-02T10:00:00Z',
    };
    const issues = (schedule: unknown) => {
      const result = MaintenanceWindowScheduled.schema.safeParse({ ...base, schedule });
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(issues({ kind: 'once', start: '2026-01-10T22:00:00Z', end: '2026-01-10T21:00:00Z' })).toEqual([
      'schedule.end: the window must end after it starts',
    ]);
    expect(issues({ kind: 'once', start: '2026-01-10T22:00:00', end: '2026-01-10T23:00:00Z' })[0]).toMatch(
      /^schedule\.start:/,
    );
    expect(issues({ ...weeklyBerlin, timeZone: 'Europe/Atlantis' })).toEqual([
      'schedule.timeZone: not an IANA time zone',
    ]);
    expect(issues({ ...weeklyBerlin, rule: 'FREQ=SOMETIMES' })[0]).toMatch(/^schedule\.rule: .*FREQ/);
    expect(issues({ ...weeklyBerlin, rule: 'BYDAY=SU' })).toEqual(['schedule.rule: the rule needs FREQ']);
    expect(issues({ ...weeklyBerlin, rule: 'FREQ=WEEKLY;UNTIL=tomorrow' })[0]).toMatch(
      /^schedule\.rule: UNTIL=tomorrow/,
    );
    expect(issues({ ...weeklyBerlin, firstStart: '2026-01-04T02:30:00+01:00' })[0]).toMatch(/^schedule\.firstStart:/);
    expect(issues({ ...weeklyBerlin, rule: 'FREQ=MONTHLY;BYMONTHDAY=40' })).toEqual([
      'schedule.rule: BYMONTHDAY=40: each value must be ±1..31',
    ]);
    expect(issues({ ...weeklyBerlin, rule: 'FREQ=DAILY;BYHOUR=-1' })[0]).toMatch(/^schedule\.rule: BYHOUR=-1/);
    expect(issues({ ...weeklyBerlin, firstStart: '2026-02-30T02:30:00' })[0]).toMatch(/^schedule\.firstStart:/);
    expect(issues({ ...weeklyBerlin, rule: 'FREQ=MONTHLY;BYMONTHDAY=-31,1,15' })).toEqual([]);
    expect(issues(weeklyBerlin)).toEqual([]);
  });

  it('keeps a weekly 02:30 window on the wall clock across both DST changes; the skipped 02:30 moves forward by the gap (RFC 5545 3.3.5)', () => {
    const occurrences = maintenanceOccurrences(
      weeklyBerlin,
      null,
      at('2026-03-20T00:00:00Z'),
      at('2026-11-02T00:00:00Z'),
    ).map((o) => [iso(o.start), iso(o.end)]);
    expect(occurrences.slice(0, 3)).toEqual([
      ['2026-03-22T01:30:00.000Z', '2026-03-22T03:30:00.000Z'], // CET
      ['2026-03-29T01:30:00.000Z', '2026-03-29T03:30:00.000Z'], // 02:30 does not exist: 03:30 CEST
      ['2026-04-05T00:30:00.000Z', '2026-04-05T02:30:00.000Z'], // CEST
    ]);
    // 25 October: 02:30 happens twice; the earlier (CEST) one is taken.
    expect(occurrences.slice(-3)).toEqual([
      ['2026-10-18T00:30:00.000Z', '2026-10-18T02:30:00.000Z'],
      ['2026-10-25T00:30:00.000Z', '2026-10-25T02:30:00.000Z'],
      ['2026-11-01T01:30:00.000Z', '2026-11-01T03:30:00.000Z'],
    ]);
  });

  it('reads UNTIL as the instant it names and COUNT as occurrences, and includes an occurrence already running at the range start', () => {
    const monthly: MaintenanceSchedule = {
      kind: 'recurring',
      rule: 'FREQ=MONTHLY;BYDAY=1SA;UNTIL=20260502T140000Z',
      timeZone: 'Asia/Shanghai',
      firstStart: '2026-01-03T22:00:00',
      durationMinutes: 240,
    };
    const all = maintenanceOccurrences(monthly, null, at('2025-12-01T00:00:00Z'), at('2027-01-01T00:00:00Z')).map((o) =>
      iso(o.start),
    );
    // 2 May 22:00 Shanghai is 14:00 UTC: UNTIL is inclusive.
    expect(all).toEqual([
      '2026-01-03T14:00:00.000Z',
      '2026-02-07T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-04-04T14:00:00.000Z',
      '2026-05-02T14:00:00.000Z',
    ]);
    expect(
      maintenanceOccurrences(
        { ...monthly, rule: 'FREQ=MONTHLY;BYDAY=1SA;COUNT=2' },
        null,
        at('2025-12-01T00:00:00Z'),
        at('2027-01-01T00:00:00Z'),
      ),
    ).toHaveLength(2);
    // 3 Jan 14:00–18:00 UTC overlaps a range that starts at 16:00.
    expect(
      maintenanceOccurrences(monthly, null, at('2026-01-03T16:00:00Z'), at('2026-01-04T00:00:00Z')).map((o) =>
        iso(o.start),
      ),
    ).toEqual(['2026-01-03T14:00:00.000Z']);
  });

  it('drops the occurrences a cancellation covers and keeps those that already happened', () => {
    const starts = maintenanceOccurrences(
      weeklyBerlin,
      at('2026-01-15T00:00:00Z'),
      at('2026-01-01T00:00:00Z'),
      at('2026-02-01T00:00:00Z'),
    ).map((o) => iso(o.start));
    expect(starts).toEqual(['2026-01-04T01:30:00.000Z', '2026-01-11T01:30:00.000Z']);
  });

  it('property: every occurrence starts at the rule wall-clock time in its zone and lasts exactly its duration, in start order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Shanghai', 'America/Sao_Paulo'),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.integer({ min: 1, max: 600 }),
        fc.constantFrom('FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=SU,WE', 'FREQ=MONTHLY;BYMONTHDAY=1,15'),
        (timeZone, hour, minute, durationMinutes, rule) => {
          const firstStart = `2026-01-01T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`;
          const occurrences = maintenanceOccurrences(
            { kind: 'recurring', rule, timeZone, firstStart, durationMinutes },
            null,
            at('2026-01-01T00:00:00Z'),
            at('2027-01-01T00:00:00Z'),
          );
          expect(occurrences.length).toBeGreaterThan(20);
          for (const [index, occurrence] of occurrences.entries()) {
            expect(occurrence.end - occurrence.start).toBe(durationMinutes * 60_000);
            if (index > 0) expect(occurrence.start).toBeGreaterThan(occurrences[index - 1].start);
            const local = Temporal.Instant.fromEpochMilliseconds(occurrence.start).toZonedDateTimeISO(timeZone);
            const wanted = Temporal.PlainDateTime.from({
              year: local.year,
              month: local.month,
              day: local.day,
              hour,
              minute,
            });
            // The wall time itself, or, in a DST gap, the wall time moved forward by the gap.
            expect(occurrence.start).toBe(
              wanted.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds,
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
