import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { parseReportingPeriod, periodContaining, reportingRange, shiftPeriod } from './reporting-period';

const iso = (range: ReturnType<typeof reportingRange>) =>
  range && [new Date(range.from).toISOString(), new Date(range.to).toISOString()];

describe('reporting periods', () => {
  it('spans months, quarters, halves and years on the wall clock of the zone, across DST', () => {
    expect(iso(reportingRange('2026-03', 'Europe/Berlin'))).toEqual([
      '2026-02-28T23:00:00.000Z',
      '2026-03-31T22:00:00.000Z',
    ]);
    expect(iso(reportingRange('2026-Q1', 'UTC'))).toEqual(['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
    expect(iso(reportingRange('2026-H2', 'Asia/Shanghai'))).toEqual([
      '2026-06-30T16:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
    ]);
    expect(iso(reportingRange('2026', 'UTC'))).toEqual(['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(reportingRange('2026-13', 'UTC')).toBeNull();
    expect(reportingRange('March', 'UTC')).toBeNull();
  });
});

describe('period arithmetic', () => {
  const frequencies = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const;

  it('names the period containing a day and steps across year ends', () => {
    const day = Temporal.PlainDate.from('2026-12-31');
    expect(frequencies.map((frequency) => periodContaining(frequency, day))).toEqual([
      '2026-12',
      '2026-Q4',
      '2026-H2',
      '2026',
    ]);
    expect(['2026-12', '2026-Q4', '2026-H2', '2026'].map((label) => shiftPeriod(label, 1))).toEqual([
      '2027-01',
      '2027-Q1',
      '2027-H1',
      '2027',
    ]);
    expect(shiftPeriod('2026-01', -3)).toBe('2025-10');
    expect(() => shiftPeriod('2026-Q5', 1)).toThrow(RangeError);
  });

  it('periods tile the calendar: a day lies in its period, and the next period starts where it ends', () => {
    fc.assert(
      fc.property(fc.constantFrom(...frequencies), fc.integer({ min: 0, max: 365 * 40 }), (frequency, offset) => {
        const day = Temporal.PlainDate.from('2000-01-01').add({ days: offset });
        const period = parseReportingPeriod(periodContaining(frequency, day))!;
        const end = period.start.add({ months: period.months });
        expect(Temporal.PlainDate.compare(period.start, day) <= 0 && Temporal.PlainDate.compare(day, end) < 0).toBe(
          true,
        );
        expect(parseReportingPeriod(shiftPeriod(period.label, 1))!.start.equals(end)).toBe(true);
        expect(shiftPeriod(shiftPeriod(period.label, 5), -5)).toBe(period.label);
      }),
    );
  });
});
