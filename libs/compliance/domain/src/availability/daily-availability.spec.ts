import fc from 'fast-check';
import { at, calendar, weekdays } from '@sla/sla-clock/testing';
import { measureAvailability, type OutageInterval } from './availability';
import { dailyAvailability } from './daily-availability';

const HOUR = 3_600_000;
const officeHours = calendar(weekdays('09:00-17:00'), 'Europe/Berlin');
const outage = (outageId: string, start: string, end: string | null): OutageInterval => ({
  outageId,
  start: at(start, 'Europe/Berlin'),
  end: end === null ? null : at(end, 'Europe/Berlin'),
  impact: 'full',
  weight: null,
});

describe('daily availability', () => {
  it('cuts a range into the days of its time zone, DST days included, and measures each on its own', () => {
    // 29 March 2026 is 23 hours long in Berlin; an outage from Friday 16:00 to Monday 10:00 costs 1 h on each side.
    const days = dailyAvailability({
      from: at('2026-03-27T00:00', 'Europe/Berlin'),
      to: at('2026-03-31T00:00', 'Europe/Berlin'),
      asOf: at('2026-05-01T00:00'),
      timeZone: 'Europe/Berlin',
      calendar: officeHours,
      outages: [outage('o1', '2026-03-27T16:00', '2026-03-30T10:00')],
      maintenance: [{ start: at('2026-03-30T09:00', 'Europe/Berlin'), end: at('2026-03-30T09:30', 'Europe/Berlin') }],
    });
    expect(days.map(({ date, from, to }) => [date, (to - from) / HOUR])).toEqual([
      ['2026-03-27', 24],
      ['2026-03-28', 24],
      ['2026-03-29', 23],
      ['2026-03-30', 24],
    ]);
    expect(days.map(({ figures }) => [figures.agreedServiceTime / HOUR, figures.downtime / HOUR])).toEqual([
      [8, 1],
      [0, 0],
      [0, 0],
      [8, 0.5],
    ]);
    expect(days[3]!.figures).toMatchObject({ excludedMaintenanceDowntime: HOUR / 2, maintenanceTime: HOUR / 2 });
    expect(days[1]!.figures.availabilityPercent).toBeNull();
  });

  it('stops at asOf: days not yet begun are not measured', () => {
    const days = dailyAvailability({
      from: at('2026-03-01T00:00'),
      to: at('2026-04-01T00:00'),
      asOf: at('2026-03-03T12:00'),
      timeZone: 'UTC',
      calendar: officeHours,
      outages: [],
      maintenance: [],
    });
    expect(days.map(({ date }) => date)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
  });

  it('adds up to the whole range: downtime, maintenance and service time summed over the days', () => {
    const instant = fc.integer({ min: at('2026-03-01T00:00'), max: at('2026-04-10T00:00') });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(instant, fc.integer({ min: 1, max: 60 * HOUR })), { maxLength: 5 }),
        fc.array(fc.tuple(instant, fc.integer({ min: 1, max: 6 * HOUR })), { maxLength: 3 }),
        fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Shanghai', 'America/New_York'),
        (outages, windows, timeZone) => {
          const input = {
            from: at('2026-03-05T07:00'),
            to: at('2026-04-02T13:00'),
            asOf: at('2026-05-01T00:00'),
            calendar: officeHours,
            outages: outages.map(([start, length], index) => ({
              outageId: `o${index}`,
              start,
              end: start + length,
              impact: 'full' as const,
              weight: null,
            })),
            maintenance: windows.map(([start, length]) => ({ start, end: start + length })),
          };
          const whole = measureAvailability(input);
          const days = dailyAvailability({ ...input, timeZone });
          const sum = (pick: (day: (typeof days)[number]) => number) =>
            days.reduce((total, day) => total + pick(day), 0);
          expect(days[0]!.from).toBe(input.from);
          expect(days.at(-1)!.to).toBe(input.to);
          expect(sum((day) => day.figures.agreedServiceTime)).toBe(whole.agreedServiceTime);
          expect(sum((day) => day.figures.maintenanceTime)).toBe(whole.maintenanceTime);
          // Each day's downtime is cut to whole milliseconds, so the sum may fall short by under 1 ms a day.
          expect(whole.downtime - sum((day) => day.figures.downtime)).toBeGreaterThanOrEqual(0);
          expect(whole.downtime - sum((day) => day.figures.downtime)).toBeLessThan(days.length);
        },
      ),
    );
  });
});
