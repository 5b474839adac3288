import fc from 'fast-check';
import {
  diffFigures,
  figureKey,
  instantOf,
  periodViewOf,
  termKey,
} from '../../apps/console/src/audit-trail/audit-diff';

type Figure = { serviceId: string; priority: string; metric: string; met: number; breached: number };
const fields = ['met', 'breached'] as const;
const figure = (priority: string, met: number, breached: number): Figure => ({
  serviceId: 'email',
  priority,
  metric: 'response',
  met,
  breached,
});

describe('the Audit page: as reported against as known now', () => {
  it('marks the cells that differ, the rows only one side has, and nothing else', () => {
    const reported = [figure('P1', 3, 1), figure('P2', 5, 0)];
    const now = [figure('P1', 2, 2), figure('P2', 5, 0), figure('P3', 1, 0)];
    const diff = diffFigures(now, reported, figureKey, fields);
    expect(diff.rows.map((row) => [row.key, [...row.changed]])).toEqual([
      ['email/P1/response', ['met', 'breached']],
      ['email/P2/response', []],
      ['email/P3/response', ['met', 'breached']],
    ]);
    expect(diff.rows[2]!.other).toBeNull();
    expect(diffFigures(reported, now, figureKey, fields).onlyOther).toEqual([figure('P3', 1, 0)]);
    expect(diff.changedCells).toBe(4);
  });

  it('finds no difference between a set of figures and itself, in any order (property)', () => {
    const figures = fc.uniqueArray(
      fc.record({
        serviceId: fc.constantFrom('email', 'vpn'),
        priority: fc.constantFrom('P1', 'P2', 'P3'),
        metric: fc.constantFrom('response', 'resolution'),
        met: fc.nat(50),
        breached: fc.nat(50),
      }),
      { selector: figureKey },
    );
    fc.assert(
      fc.property(figures, (rows) => {
        const diff = diffFigures(rows, [...rows].reverse(), figureKey, fields);
        return diff.changedCells === 0 && diff.onlyOther.length === 0;
      }),
    );
  });

  it('counts a changed cell once per field whichever side is shown (property)', () => {
    fc.assert(
      fc.property(fc.nat(9), fc.nat(9), fc.nat(9), fc.nat(9), (a, b, c, d) => {
        const left = [figure('P1', a, b)];
        const right = [figure('P1', c, d)];
        return (
          diffFigures(left, right, figureKey, fields).changedCells ===
          diffFigures(right, left, figureKey, fields).changedCells
        );
      }),
    );
  });

  it('keys availability terms by service, version and start', () => {
    expect(termKey({ serviceId: 'vpn', version: 2, from: '2026-03-01T00:00:00.000Z' })).toBe(
      'vpn/v2/2026-03-01T00:00:00.000Z',
    );
  });

  it('reads the view and the instants of the URL, refusing what is not an instant', () => {
    expect(periodViewOf('now')).toBe('now');
    expect(periodViewOf(null)).toBe('reported');
    expect(periodViewOf('whatever')).toBe('reported');
    expect(instantOf('2026-03-05T10:00:00+08:00')).toBe('2026-03-05T02:00:00.000Z');
    expect(instantOf('2026-03-05T10:00Z')).toBe('2026-03-05T10:00:00.000Z');
    expect(instantOf('2026-03-05')).toBeNull();
    expect(instantOf('yesterday')).toBeNull();
    expect(instantOf(undefined)).toBeNull();
  });
});
