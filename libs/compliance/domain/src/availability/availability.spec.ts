import fc from 'fast-check';
import { at, calendar, weekdays } from '@sla/sla-clock/testing';
import { measureAvailability, type OutageInterval } from './availability';
import { decimalRatio, truncatedDecimal } from './exact-ratio';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const roundTheClock = calendar('24x7', 'UTC');
// Mon–Fri 09:00–17:00 Berlin.
const officeHours = calendar(weekdays('09:00-17:00'), 'Europe/Berlin');
const march = { from: at('2026-03-01T00:00'), to: at('2026-04-01T00:00'), asOf: at('2026-05-01T00:00') };
const outage = (
  outageId: string,
  start: string,
  end: string | null,
  impact: OutageInterval['impact'] = 'full',
  weight: number | null = null,
  zone = 'UTC',
): OutageInterval => ({
  outageId,
  start: at(start, zone),
  end: end === null ? null : at(end, zone),
  impact,
  weight,
});

describe('availability', () => {
  it('meets 99.9 % of a 30-day 24x7 month with exactly 43.2 minutes down, and fails it with one millisecond more', () => {
    const april = {
      from: at('2026-04-01T00:00'),
      to: at('2026-05-01T00:00'),
      asOf: at('2026-06-01T00:00'),
      calendar: roundTheClock,
      maintenance: [],
      targetPercentage: 99.9,
    };
    const exact = measureAvailability({
      ...april,
      outages: [
        {
          outageId: 'o',
          start: at('2026-04-10T10:00'),
          end: at('2026-04-10T10:00') + 43.2 * MINUTE,
          impact: 'full',
          weight: null,
        },
      ],
    });
    expect(exact).toMatchObject({
      agreedServiceTime: 30 * 24 * HOUR,
      downtime: 43.2 * MINUTE,
      availabilityPercent: '99.900000',
      targetMet: true,
      remainingDowntimeBudget: 0,
      failures: 1,
    });
    const over = measureAvailability({
      ...april,
      outages: [
        {
          outageId: 'o',
          start: at('2026-04-10T10:00'),
          end: at('2026-04-10T10:00') + 43.2 * MINUTE + 1,
          impact: 'full',
          weight: null,
        },
      ],
    });
    expect(over).toMatchObject({ availabilityPercent: '99.899999', targetMet: false, remainingDowntimeBudget: -1 });
  });

  it('counts only service hours, overlapping outages once at the heaviest impact, and partial outages by weight (hand-computed)', () => {
    // March 2026 in Berlin: 22 working days × 8 h = 176 h of service time (DST on 29 March changes nothing in office
    // hours).
    const figures = measureAvailability({
      ...march,
      calendar: officeHours,
      outages: [
        // Tue 3 March 16:00–19:00 local: 1 h inside service hours.
        outage('a', '2026-03-03T16:00', '2026-03-03T19:00', 'full', null, 'Europe/Berlin'),
        // Wed 4 March 10:00–12:00 full, and 11:00–13:00 partial 0.5 overlapping: 2 h full + 1 h × 0.5.
        outage('b', '2026-03-04T10:00', '2026-03-04T12:00', 'full', null, 'Europe/Berlin'),
        outage('c', '2026-03-04T11:00', '2026-03-04T13:00', 'partial', 0.5, 'Europe/Berlin'),
        // Degraded service is recorded, not counted.
        outage('d', '2026-03-05T09:00', '2026-03-05T17:00', 'degraded', null, 'Europe/Berlin'),
        // Saturday: no service hours, no failure.
        outage('e', '2026-03-07T10:00', '2026-03-07T12:00', 'full', null, 'Europe/Berlin'),
      ],
      maintenance: [],
      targetPercentage: 99.5,
    });
    expect(figures.agreedServiceTime).toBe(176 * HOUR);
    expect(figures.downtime).toBe(3.5 * HOUR);
    // (176 − 3.5) / 176 = 98.011363…%
    expect(figures.availabilityPercent).toBe('98.011363');
    expect(figures.targetMet).toBe(false);
    // 0.5 % of 176 h = 52.8 min allowed; 210 min used.
    expect(figures.remainingDowntimeBudget).toBe(52.8 * MINUTE - 3.5 * HOUR);
    expect(figures.failures).toBe(3);
    // Wall-clock restore times: 3 h, 2 h, 2 h.
    expect(figures.meanTimeToRestore).toBe((7 * HOUR) / 3);
    expect(figures.meanTimeBetweenFailures).toBe((176 * HOUR - 3.5 * HOUR) / 3);
    expect(figures.contributions).toEqual(
      expect.arrayContaining([
        { outageId: 'a', downtime: 1 * HOUR, excluded: 0 },
        { outageId: 'b', downtime: 2 * HOUR, excluded: 0 },
        { outageId: 'c', downtime: 0.5 * HOUR, excluded: 0 },
      ]),
    );
  });

  it('excludes approved maintenance from downtime, and counts an open outage up to asOf', () => {
    const figures = measureAvailability({
      from: at('2026-03-01T00:00'),
      to: at('2026-04-01T00:00'),
      asOf: at('2026-03-20T12:00'),
      calendar: roundTheClock,
      outages: [
        outage('planned-overrun', '2026-03-08T01:00', '2026-03-08T04:00'),
        outage('still-open', '2026-03-20T11:00', null),
      ],
      maintenance: [{ start: at('2026-03-08T00:00'), end: at('2026-03-08T03:00') }],
      targetPercentage: 99.9,
    });
    expect(figures).toMatchObject({
      measuredUntil: at('2026-03-20T12:00'),
      agreedServiceTime: (19 * 24 + 12) * HOUR,
      downtime: 2 * HOUR,
      excludedMaintenanceDowntime: 2 * HOUR,
      maintenanceTime: 3 * HOUR,
      failures: 2,
      // Only the overrun has been restored.
      meanTimeToRestore: 3 * HOUR,
    });
  });

  it('property: downtime never exceeds agreed time, is order-independent, and never double-counts overlaps', () => {
    const day = at('2026-03-02T00:00');
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 7 * 24 * 60 }), fc.integer({ min: 1, max: 48 * 60 }))
      .map(([start, length]) => [day + start * MINUTE, day + (start + length) * MINUTE] as const);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(interval, fc.constantFrom<OutageInterval['impact']>('full', 'partial', 'degraded')), {
          maxLength: 12,
        }),
        fc.array(interval, { maxLength: 3 }),
        (raw, windows) => {
          const outages = raw.map(([[start, end], impact], index): OutageInterval => ({
            outageId: `o${index}`,
            start,
            end,
            impact,
            weight: impact === 'partial' ? 0.25 : null,
          }));
          const input = {
            from: day,
            to: day + 7 * 24 * HOUR,
            asOf: day + 30 * 24 * HOUR,
            calendar: officeHours,
            maintenance: windows.map(([start, end]) => ({ start, end })),
            targetPercentage: 99,
          };
          const figures = measureAvailability({ ...input, outages });
          expect(figures.downtime + figures.excludedMaintenanceDowntime).toBeLessThanOrEqual(figures.agreedServiceTime);
          expect(measureAvailability({ ...input, outages: [...outages].reverse() }).downtime).toBe(figures.downtime);
          // Duplicating every outage changes nothing: overlaps count once.
          expect(
            measureAvailability({
              ...input,
              outages: [...outages, ...outages.map((entry) => ({ ...entry, outageId: `${entry.outageId}-copy` }))],
            }).downtime,
          ).toBe(figures.downtime);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('exact ratios', () => {
  it('reads decimals exactly and truncates, never rounds up', () => {
    expect(decimalRatio(99.9)).toEqual({ numerator: 999n, denominator: 10n });
    expect(decimalRatio(0.999)).toEqual({ numerator: 999n, denominator: 1000n });
    expect(decimalRatio(100)).toEqual({ numerator: 100n, denominator: 1n });
    expect(decimalRatio(99.999)).toEqual({ numerator: 99999n, denominator: 1000n });
    expect(truncatedDecimal({ numerator: 2n, denominator: 3n }, 4)).toBe('0.6666');
    expect(truncatedDecimal({ numerator: 99999999n, denominator: 1000000n }, 2)).toBe('99.99');
  });
});
