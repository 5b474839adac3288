import type { Decider, DomainEvent } from '../decider';

/**
 * Given/when/then for deciders, shared by every decider test:
 *
 *   const { given } = deciderSpec(outageDecider);
 *   given([started]).when(recordEnd).then([ended]);
 *   given([]).when(recordEnd).thenFails('OUTAGE_NOT_FOUND');
 *
 * `given` folds the history with the decider's own `evolve`, as handleCommand does, so a test states facts that
 * happened, never a hand-built state.
 */
export function deciderSpec<Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>) {
  return {
    given(history: readonly Event[]) {
      const state = history.reduce(decider.evolve, decider.initialState());
      return {
        /** The state the history folds into, for tests of `evolve` itself. */
        state,
        when(command: Command) {
          const decide = () => decider.decide(command, state);
          return {
            /** The command is accepted and records exactly these events (none: it changes nothing). */
            then(expected: readonly Event[]): void {
              expect(decide()).toEqual(expected);
            },
            /** The command is refused with this domain error code (and these fields of the error, if given). */
            thenFails(code: string, fields: Record<string, unknown> = {}): void {
              expect(decide).toThrow(expect.objectContaining({ ...fields, code }));
            },
            /** The recorded events, for a test that asserts something other than equality. */
            thenEvents(): readonly Event[] {
              return decide();
            },
          };
        },
      };
    },
  };
}
