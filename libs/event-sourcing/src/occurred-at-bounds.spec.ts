import fc from 'fast-check';
import { checkOccurredAt, DEFAULT_FUTURE_SKEW_MILLISECONDS, OccurredAtOutOfBoundsError } from './occurred-at-bounds';

const now = new Date('2026-06-01T12:00:00Z');
const at = (milliseconds: number) => ({ type: 'Happened', data: { occurredAt: new Date(milliseconds).toISOString() } });
const codeOf = (run: () => void): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof OccurredAtOutOfBoundsError) return error.code;
    throw error;
  }
};

describe('checkOccurredAt', () => {
  const base = now.getTime();

  it('given a stream whose last fact is at T, when a governance fact is back-dated before T, then it is refused naming occurredAt', () => {
    const run = () =>
      checkOccurredAt([at(base - 1_000), at(base - 500)], [at(base - 501)], { now, order: 'in-stream-order' });
    expect(run).toThrow(/occurredAt .* precedes the stream's last fact \(Happened at /);
    expect(codeOf(run)).toBe('OCCURRED_AT_BEFORE_EARLIER_FACT');
  });

  it('accepts a fact at the same instant as the last one and historical entry in order (migration)', () => {
    const lastYear = Date.parse('2025-03-01T00:00:00Z');
    expect(
      codeOf(() =>
        checkOccurredAt([at(lastYear)], [at(lastYear), at(lastYear + 60_000)], { now, order: 'in-stream-order' }),
      ),
    ).toBeNull();
  });

  it('checks the new events among themselves too', () => {
    expect(codeOf(() => checkOccurredAt([], [at(base - 10), at(base - 20)], { now, order: 'in-stream-order' }))).toBe(
      'OCCURRED_AT_BEFORE_EARLIER_FACT',
    );
  });

  it('allows any order for operations facts, but not a fact from beyond the skew', () => {
    expect(codeOf(() => checkOccurredAt([at(base)], [at(base - 86_400_000)], { now, order: 'any-order' }))).toBeNull();
    expect(
      codeOf(() => checkOccurredAt([], [at(base + DEFAULT_FUTURE_SKEW_MILLISECONDS)], { now, order: 'any-order' })),
    ).toBeNull();
    const tooLate = () =>
      checkOccurredAt([], [at(base + DEFAULT_FUTURE_SKEW_MILLISECONDS + 1)], { now, order: 'any-order' });
    expect(tooLate).toThrow(/occurredAt .* lies in the future/);
    expect(codeOf(tooLate)).toBe('OCCURRED_AT_IN_FUTURE');
  });

  it('ignores events without an occurredAt', () => {
    expect(
      codeOf(() => checkOccurredAt([at(base)], [{ type: 'Other', data: {} }], { now, order: 'in-stream-order' })),
    ).toBeNull();
  });

  it('property: in stream order, a proposal is accepted exactly when it is non-decreasing from the last fact and not beyond the skew', () => {
    const offset = fc.integer({ min: -10 * 86_400_000, max: 86_400_000 });
    fc.assert(
      fc.property(
        fc.array(offset, { maxLength: 5 }),
        fc.array(offset, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 3_600_000 }),
        (earlier, proposed, skew) => {
          const times = proposed.map((milliseconds) => base + milliseconds);
          let previous = earlier.length > 0 ? base + earlier[earlier.length - 1] : -Infinity;
          let expected: string | null = null;
          for (const time of times) {
            if (time > base + skew) {
              expected = 'OCCURRED_AT_IN_FUTURE';
              break;
            }
            if (time < previous) {
              expected = 'OCCURRED_AT_BEFORE_EARLIER_FACT';
              break;
            }
            previous = time;
          }
          const bounds = { now, order: 'in-stream-order', futureSkewMilliseconds: skew } as const;
          expect(
            codeOf(() =>
              checkOccurredAt(
                earlier.map((milliseconds) => at(base + milliseconds)),
                times.map(at),
                bounds,
              ),
            ),
          ).toBe(expected);
        },
      ),
    );
  });
});
