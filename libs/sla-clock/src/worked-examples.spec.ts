import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BusinessCalendar, hours, minutes } from './calendar/business-calendar';
import { parseCalendarDefinition } from './calendar/calendar-definition';
import { evaluateTicketClocks, type TicketFact } from './clock/ticket-clock';
import { at, businessHours, calendar, local, targetTable, weekdays, workingDays } from './testing/calendar-builders';

/** The worked examples of shared/sla-examples.md, one test each. */
describe('worked SLA examples', () => {
  const evaluate = (
    cal: BusinessCalendar,
    facts: TicketFact[],
    asOf: number,
    targets = targetTable(cal.id, { response: businessHours(8), resolution: businessHours(8) }),
  ) => evaluateTicketClocks({ facts, targets, calendars: new Map([[cal.id, cal]]), asOf });

  it('E1: opened Friday night, observed Monday 09:30 → 1 h 30 min business, 60 h 30 min wall clock, 18.75 % of 8 h', () => {
    const cal = calendar(weekdays('08:00-17:00'));
    const opened = at('2014-12-12T21:00');
    const observed = at('2014-12-15T09:30');
    expect(cal.businessDuration(opened, observed)).toBe(hours(1.5));
    expect(observed - opened).toBe(hours(60.5));
    const { resolution } = evaluate(cal, [{ type: 'opened', at: opened, priority: 'P3' }], observed);
    expect(resolution.elapsed).toBe(hours(1.5));
    expect(resolution.elapsed / resolution.targetDuration!).toBe(0.1875);
    expect(resolution.state).toBe('running');
  });

  it('E2: started Tuesday 14:00, observed Wednesday 09:00 → 3 h business, 19 h wall clock', () => {
    const cal = calendar(weekdays('09:00-17:00'));
    const started = at('2026-03-10T14:00');
    const observed = at('2026-03-11T09:00');
    expect(cal.businessDuration(started, observed)).toBe(hours(3));
    expect(observed - started).toBe(hours(19));
  });

  it('E3: 24 business hours from Monday 09:00 are used up Wednesday 17:00; breach only at Thursday 09:00', () => {
    const cal = calendar(weekdays('09:00-17:00'));
    const targets = targetTable(cal.id, { response: businessHours(24), resolution: businessHours(24) });
    const opened: TicketFact = { type: 'opened', at: at('2026-03-09T09:00'), priority: 'P2' };
    const running = evaluate(cal, [opened], at('2026-03-09T12:00'), targets).resolution;
    expect(local(running.dueAt)).toBe('2026-03-11T17:00');
    expect(local(running.breachAt)).toBe('2026-03-12T09:00');
    const stoppedThatEvening = evaluate(
      cal,
      [opened, { type: 'resolved', at: at('2026-03-11T20:00') }],
      at('2026-03-12T12:00'),
      targets,
    ).resolution;
    expect(stoppedThatEvening).toMatchObject({ state: 'met', elapsed: hours(24), remaining: 0, breachedAt: null });
    const stillOpen = evaluate(cal, [opened], at('2026-03-12T09:00:00.001'), targets).resolution;
    expect(stillOpen).toMatchObject({ state: 'breached', breachedAt: at('2026-03-12T09:00') });
  });

  it('E4: 8 business hours opened Monday 07:00 with thresholds 50 % and 75 % → 12:00, 14:00, breach 16:00', () => {
    const cal = calendar(weekdays('08:00-17:00'));
    const targets = targetTable(cal.id, {
      response: businessHours(8),
      resolution: businessHours(8),
      atRiskFractions: [0.5, 0.75],
    });
    const { resolution } = evaluate(
      cal,
      [{ type: 'opened', at: at('2026-03-09T07:00'), priority: 'P2' }],
      at('2026-03-09T07:30'),
      targets,
    );
    expect(resolution.atRisk.map((risk) => [risk.fraction, local(risk.at)])).toEqual([
      [0.5, '2026-03-09T12:00'],
      [0.75, '2026-03-09T14:00'],
    ]);
    expect(local(resolution.breachAt)).toBe('2026-03-09T16:00');
  });

  it('E5: uneven week (Wednesday closed) → 16 business hours from Monday 11:00 breach Thursday 11:00', () => {
    const cal = calendar({ mon: ['09:00-17:00'], tue: ['09:00-16:00'], thu: ['08:00-17:00'] });
    expect(local(cal.instantWhenExceeded(at('2026-03-09T11:00'), hours(16)))).toBe('2026-03-12T11:00');
  });

  it('E6: 2 h opened Friday 16:00 → due Friday 18:00 on 24x7, Monday 10:00 on business hours', () => {
    const roundTheClock = calendar('24x7');
    const office = calendar(weekdays('09:00-17:00'));
    const opened = at('2026-03-13T16:00');
    expect(local(roundTheClock.instantWhenElapsed(opened, hours(2)))).toBe('2026-03-13T18:00');
    expect(local(office.instantWhenElapsed(opened, hours(2)))).toBe('2026-03-16T10:00');
  });

  it('E7: response 4 h, at risk at 75 %: opened Mon 10:00 → 13:00 / 14:00; opened Mon 17:00 → Tue 10:00 / Tue 11:00', () => {
    const cal = calendar(weekdays('08:00-18:00'));
    const targets = targetTable(cal.id, {
      response: businessHours(4),
      resolution: businessHours(40),
      atRiskFractions: [0.75],
    });
    const first = evaluate(
      cal,
      [{ type: 'opened', at: at('2026-03-09T10:00'), priority: 'P2' }],
      at('2026-03-09T10:01'),
      targets,
    ).response;
    expect([local(first.atRisk[0].at), local(first.breachAt)]).toEqual(['2026-03-09T13:00', '2026-03-09T14:00']);
    const second = evaluate(
      cal,
      [{ type: 'opened', at: at('2026-03-09T17:00'), priority: 'P2' }],
      at('2026-03-09T17:01'),
      targets,
    ).response;
    expect([local(second.atRisk[0].at), local(second.breachAt)]).toEqual(['2026-03-10T10:00', '2026-03-10T11:00']);
  });

  it('E8: 7 working days from Monday 2018-11-19 10:00 → Wednesday 2018-11-28 10:00', () => {
    const cal = calendar(weekdays('08:00-20:00'));
    expect(local(cal.addWorkingDays(at('2018-11-19T10:00'), 7))).toBe('2018-11-28T10:00');
    const targets = targetTable(cal.id, { response: workingDays(7), resolution: workingDays(7) });
    const { resolution } = evaluate(
      cal,
      [{ type: 'opened', at: at('2018-11-19T10:00'), priority: 'P4' }],
      at('2018-11-20T10:00'),
      targets,
    );
    expect(local(resolution.breachAt)).toBe('2018-11-28T10:00');
  });

  it('E9: started Friday 16:00, stopped Monday 10:00 → 2 business hours', () => {
    const cal = calendar(weekdays('09:00-17:00'));
    expect(cal.businessDuration(at('2026-03-13T16:00'), at('2026-03-16T10:00'))).toBe(hours(2));
  });

  it('E10: P3 (3 h) opened 10:00 raised to P2 (2 h) at 11:00 → breach moves from 13:00 to 12:00, elapsed hour kept', () => {
    const cal = calendar('24x7');
    const targets = targetTable(
      cal.id,
      { response: businessHours(1), resolution: businessHours(3) },
      { P2: { resolution: businessHours(2) } },
    );
    const opened: TicketFact = { type: 'opened', at: at('2026-03-10T10:00'), priority: 'P3' };
    const before = evaluate(cal, [opened], at('2026-03-10T10:30'), targets).resolution;
    expect(local(before.breachAt)).toBe('2026-03-10T13:00');
    const after = evaluate(
      cal,
      [opened, { type: 'priority-changed', at: at('2026-03-10T11:00'), priority: 'P2' }],
      at('2026-03-10T11:00'),
      targets,
    ).resolution;
    expect(local(after.breachAt)).toBe('2026-03-10T12:00');
    expect(after).toMatchObject({ elapsed: hours(1), remaining: hours(1), priority: 'P2' });
    expect(after.retargets).toEqual([{ at: at('2026-03-10T11:00'), from: 'P3', to: 'P2' }]);
  });

  it('E11: 8 h opened Friday 2026-03-06 16:00 → Monday 15:00; Tuesday 15:00 if Monday is a holiday; Monday 16:00 with a lunch break', () => {
    const opened = at('2026-03-06T16:00');
    expect(local(calendar(weekdays('08:00-17:00')).instantWhenExceeded(opened, hours(8)))).toBe('2026-03-09T15:00');
    const holiday = calendar(weekdays('08:00-17:00'), 'UTC', { holidays: { dates: [{ date: '2026-03-09' }] } });
    expect(local(holiday.instantWhenExceeded(opened, hours(8)))).toBe('2026-03-10T15:00');
    const withBreak = calendar({
      mon: ['08:00-12:00', '13:00-17:00'],
      tue: ['08:00-12:00', '13:00-17:00'],
      wed: ['08:00-12:00', '13:00-17:00'],
      thu: ['08:00-12:00', '13:00-17:00'],
      fri: ['08:00-12:00', '13:00-17:00'],
    });
    expect(local(withBreak.instantWhenExceeded(opened, hours(8)))).toBe('2026-03-09T16:00');
  });

  it('E12: 24x7 Europe/Berlin, 4 h from 23:00 local the night clocks go forward → 04:00 local, four real hours', () => {
    const cal = calendar('24x7', 'Europe/Berlin');
    const opened = at('2026-03-28T23:00', 'Europe/Berlin');
    expect(opened).toBe(Date.parse('2026-03-28T22:00:00Z'));
    const due = cal.instantWhenElapsed(opened, hours(4));
    expect(due).toBe(Date.parse('2026-03-29T02:00:00Z'));
    expect(local(due, 'Europe/Berlin')).toBe('2026-03-29T04:00');
  });

  it('E13: met when elapsed equals the target exactly; 99.995 % of a budget is not 100 %; breached one millisecond past it', () => {
    const cal = calendar('24x7');
    const targets = targetTable(cal.id, { response: businessHours(8), resolution: businessHours(8) });
    const opened = at('2026-03-10T00:00');
    const stopAfter = (elapsed: number) =>
      evaluate(
        cal,
        [
          { type: 'opened', at: opened, priority: 'P2' },
          { type: 'resolved', at: opened + elapsed },
        ],
        opened + hours(24),
        targets,
      ).resolution;
    const almost = stopAfter(Math.round(hours(8) * 0.99995));
    expect(almost).toMatchObject({ state: 'met', remaining: hours(8) - Math.round(hours(8) * 0.99995) });
    expect(almost.remaining).toBeGreaterThan(0);
    expect(stopAfter(hours(8))).toMatchObject({ state: 'met', remaining: 0 });
    expect(stopAfter(hours(8) + 1)).toMatchObject({ state: 'breached', breachedAt: opened + hours(8) });
    expect(stopAfter(hours(8) - minutes(1))).toMatchObject({ state: 'met', remaining: minutes(1) });
  });

  it('E14: China 2026 schedule → 3 working days from Thursday 2026-02-12 10:00 breach Tuesday 2026-02-24 10:00', () => {
    const definition = parseCalendarDefinition(
      JSON.parse(readFileSync(path.join(__dirname, '../data/cn-2026-business-hours.calendar.json'), 'utf8')),
    );
    const cal = new BusinessCalendar(definition);
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-23')).toBe(false);
    const opened = at('2026-02-12T10:00', 'Asia/Shanghai');
    expect(local(cal.addWorkingDays(opened, 3), 'Asia/Shanghai')).toBe('2026-02-24T10:00');
    const targets = targetTable(cal.id, { response: workingDays(1), resolution: workingDays(3) });
    const { resolution } = evaluateTicketClocks({
      facts: [{ type: 'opened', at: opened, priority: 'P3' }],
      targets,
      calendars: new Map([[cal.id, cal]]),
      asOf: opened + hours(1),
    });
    expect(local(resolution.breachAt, 'Asia/Shanghai')).toBe('2026-02-24T10:00');
  });
});
