import { reportingRange } from './reporting-period';

const iso = (range: ReturnType<typeof reportingRange>) => range && [new Date(range.from).toISOString(), new Date(range.to).toISOString()];

describe('reporting periods', () => {
  it('spans months, quarters, halves and years on the wall clock of the zone, across DST', () => {
    expect(iso(reportingRange('2026-03', 'Europe/Berlin'))).toEqual(['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z']);
    expect(iso(reportingRange('2026-Q1', 'UTC'))).toEqual(['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
    expect(iso(reportingRange('2026-H2', 'Asia/Shanghai'))).toEqual(['2026-06-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
    expect(iso(reportingRange('2026', 'UTC'))).toEqual(['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(reportingRange('2026-13', 'UTC')).toBeNull();
    expect(reportingRange('March', 'UTC')).toBeNull();
  });
});
