import type { Decider, DomainEvent } from '../decider';
import { deciderSpec } from './decider-spec';

type CounterEvent = DomainEvent<'Counted', { by: number }>;
type Count = { type: 'Count'; by: number };
class CountRefused extends Error {
  readonly code = 'NOT_POSITIVE';
  readonly kind = 'rule_violated';
}
const counter: Decider<Count, CounterEvent, number> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.by,
  decide: (command) => {
    if (command.by <= 0) throw new CountRefused('count up only');
    return [{ type: 'Counted', data: { by: command.by } }];
  },
};
const { given } = deciderSpec(counter);
const counted = (by: number): CounterEvent => ({ type: 'Counted', data: { by } });

describe('decider specification helper', () => {
  it('folds the history with evolve and compares the decided events', () => {
    expect(given([counted(1), counted(2)]).state).toBe(3);
    given([counted(1)])
      .when({ type: 'Count', by: 2 })
      .then([counted(2)]);
    expect(() =>
      given([])
        .when({ type: 'Count', by: 2 })
        .then([counted(3)]),
    ).toThrow();
    expect(() => given([]).when({ type: 'Count', by: 0 }).then([])).toThrow();
  });

  it('expects a refusal with its code and the given fields, and fails when the command is accepted', () => {
    given([]).when({ type: 'Count', by: 0 }).thenFails('NOT_POSITIVE', { kind: 'rule_violated' });
    expect(() => given([]).when({ type: 'Count', by: 0 }).thenFails('OTHER_CODE')).toThrow();
    expect(() => given([]).when({ type: 'Count', by: 0 }).thenFails('NOT_POSITIVE', { kind: 'conflict' })).toThrow();
    expect(() => given([]).when({ type: 'Count', by: 1 }).thenFails('NOT_POSITIVE')).toThrow();
    expect(given([]).when({ type: 'Count', by: 4 }).thenEvents()).toEqual([counted(4)]);
  });
});
