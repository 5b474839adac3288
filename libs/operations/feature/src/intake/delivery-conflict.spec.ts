import fc from 'fast-check';
import { deliveryDifferences } from './delivery-conflict';

describe('what a redelivery changes', () => {
  const fact = (data: Record<string, unknown>) => ({ type: 'TicketOpened', data });
  const json = fc.jsonValue({ maxDepth: 3 });
  const instants = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  });

  const reorder = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(reorder);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, child]) => [key, reorder(child)]),
    );
  };

  it('finds nothing between a fact and itself, key order aside at any depth', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (data) => {
        expect(deliveryDifferences(fact(data), fact(reorder(data) as Record<string, unknown>))).toEqual([]);
      }),
    );
  });

  it('compares instants as instants, whatever offset they are written in', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: -12, max: 14 }), (instant, hours) => {
        const local = new Date(instant.getTime() + hours * 3_600_000).toISOString().slice(0, 23);
        const offset = `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
        const stored = fact({ occurredAt: instant.toISOString() });
        expect(deliveryDifferences(stored, fact({ occurredAt: `${local}${offset}` }))).toEqual([]);
        const aMillisecondLater = fact({ occurredAt: new Date(instant.getTime() + 1).toISOString() });
        expect(deliveryDifferences(stored, aMillisecondLater)).toHaveLength(1);
      }),
    );
  });

  it('names each changed, added and removed field by its path, and a changed type alone', () => {
    const stored = fact({ priority: 'P2', schedule: { kind: 'once', end: '2026-03-15T01:00:00Z' }, weight: 0.5 });
    const sent = fact({ priority: 'P1', schedule: { kind: 'once', end: '2026-03-15T03:00:00Z' }, major: false });
    expect(deliveryDifferences(stored, sent)).toEqual([
      { path: 'data.major', stored: undefined, sent: false },
      { path: 'data.priority', stored: 'P2', sent: 'P1' },
      { path: 'data.schedule.end', stored: '2026-03-15T01:00:00Z', sent: '2026-03-15T03:00:00Z' },
      { path: 'data.weight', stored: 0.5, sent: undefined },
    ]);
    expect(deliveryDifferences(stored, { ...sent, type: 'TicketClosed' })).toEqual([
      { path: 'type', stored: 'TicketOpened', sent: 'TicketClosed' },
    ]);
  });
});
