import fc from 'fast-check';
import { deliveryMonth, matchesPattern, substitute, type JsonPattern } from './demo-step';

describe('matchesPattern', () => {
  it('matches objects by the keys the pattern names, arrays when each wanted element is somewhere', () => {
    const agreement = { status: 'in-effect', versions: [{ version: 1 }, { version: 2, changeRequest: 'CR-7' }] };
    expect(matchesPattern(agreement, { status: 'in-effect' })).toBe(true);
    expect(matchesPattern(agreement, { versions: [{ version: 2, changeRequest: 'CR-7' }] })).toBe(true);
    expect(matchesPattern(agreement, { versions: [{ version: 3 }] })).toBe(false);
    expect(matchesPattern(agreement, { status: 'terminated' })).toBe(false);
    expect(matchesPattern(agreement, { missing: null })).toBe(false);
    expect(matchesPattern([1, 2], { 0: 1 })).toBe(false);
    expect(matchesPattern('2', 2)).toBe(false);
  });

  it('holds for any JSON value matched against itself, and against the empty object when it is an object', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(matchesPattern(value, value as JsonPattern)).toBe(true);
        const isRecord = value !== null && typeof value === 'object' && !Array.isArray(value);
        expect(matchesPattern(value, {})).toBe(isRecord);
      }),
    );
  });
});

describe('substitute', () => {
  it('fills every {name} in nested strings and leaves unknown names as they are', () => {
    const step = { path: '/compliance/breaches/{breach}/follow-up', body: { notes: ['{breach} of {ticket}', 3] } };
    expect(substitute(step, { breach: 'b-1' })).toEqual({
      path: '/compliance/breaches/b-1/follow-up',
      body: { notes: ['b-1 of {ticket}', 3] },
    });
  });
});

describe('deliveryMonth', () => {
  it('is the UTC month, whatever the offset written', () => {
    expect(deliveryMonth('2026-04-01T07:00:00+08:00')).toBe('2026-03');
    expect(deliveryMonth('2026-03-31T20:00:00-04:00')).toBe('2026-04');
  });
});
