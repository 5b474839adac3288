import fc from 'fast-check';
import { hours, minutes } from '../calendar/business-calendar';
import { at, businessHours, calendar, targetTable, weekdays } from '../testing/calendar-builders';
import { explainMetricClock, type ClockStep } from './clock-explanation';
import type { Priority } from './sla-targets';
import { evaluateTicketClocks, type TicketClockInput, type TicketFact } from './ticket-clock';

/** Calendar: Mon-Fri 09:00-17:00 UTC. P3 resolves in 3 business hours, P2 in 2, P1 in 1 (E10 of sla-examples.md). */
describe('a clock explained step by step', () => {
  const office = calendar(weekdays('09:00-17:00'), 'UTC', {}, 'office');
  const targets = targetTable(
    'office',
    { response: businessHours(1), resolution: businessHours(3) },
    {
      P1: { response: businessHours(1), resolution: businessHours(1) },
      P2: { response: businessHours(1), resolution: businessHours(2) },
    },
  );
  const calendars = new Map([['office', office]]);
  const input = (facts: TicketFact[], asOf: string): TicketClockInput => ({
    facts,
    targets,
    calendars,
    asOf: at(asOf),
  });
  const kinds = (steps: readonly ClockStep[]) => steps.map((step) => step.kind);

  it('a re-target keeps the hour already elapsed (E10): breach moves from 13:00 to 12:00', () => {
    const facts: TicketFact[] = [
      { type: 'opened', at: at('2026-03-09T10:00'), priority: 'P3' },
      { type: 'priority-changed', at: at('2026-03-09T11:00'), priority: 'P2' },
    ];
    const explained = explainMetricClock('resolution', input(facts, '2026-03-09T12:30'));
    expect(kinds(explained.steps)).toEqual(['started', 'counted', 'retargeted', 'counted', 'breached']);
    expect(explained.steps[2]).toMatchObject({ from: 'P3', to: 'P2', total: hours(1), budget: hours(2) });
    expect(explained.steps[4]).toMatchObject({ at: at('2026-03-09T12:00'), priority: 'P2', budget: hours(2) });
  });

  it('a pause awaiting the customer is told with its length; business time in it is not counted', () => {
    const facts: TicketFact[] = [
      { type: 'opened', at: at('2026-03-09T09:00'), priority: 'P3' },
      { type: 'paused', at: at('2026-03-09T10:00') },
      { type: 'resumed', at: at('2026-03-09T12:10') },
      { type: 'resolved', at: at('2026-03-09T13:00') },
    ];
    const explained = explainMetricClock('resolution', input(facts, '2026-03-09T14:00'));
    expect(kinds(explained.steps)).toEqual(['started', 'counted', 'paused', 'counted', 'stopped']);
    expect(explained.steps[2]).toMatchObject({ length: hours(2) + minutes(10), total: hours(1) });
    expect(explained.steps[4]).toMatchObject({ by: 'resolved', total: hours(1) + minutes(50) });
    expect(explained.paused).toBe(hours(2) + minutes(10));
    expect(explained.evaluation.state).toBe('met');
  });

  it('a running clock shows when it will be at risk and due; a reopened one where it stopped and ran again', () => {
    const running = explainMetricClock(
      'resolution',
      input([{ type: 'opened', at: at('2026-03-09T09:00'), priority: 'P3' }], '2026-03-09T10:00'),
    );
    expect(kinds(running.steps)).toEqual(['started', 'counted', 'at-risk', 'due']);
    expect(running.steps[3]).toMatchObject({ at: at('2026-03-09T12:00') });
    const reopened = explainMetricClock(
      'resolution',
      input(
        [
          { type: 'opened', at: at('2026-03-09T09:00'), priority: 'P3' },
          { type: 'resolved', at: at('2026-03-09T10:00') },
          { type: 'reopened', at: at('2026-03-09T15:00') },
          { type: 'resolved', at: at('2026-03-09T16:00') },
        ],
        '2026-03-09T17:00',
      ),
    );
    expect(kinds(reopened.steps)).toEqual(['started', 'counted', 'stopped', 'reopened', 'counted', 'stopped']);
    expect(reopened.steps.at(-1)).toMatchObject({ total: hours(2) });
  });

  it('adds up to the evaluation, for any facts: counted time, breach, order of steps', () => {
    const day = at('2026-03-09T00:00');
    const aFact = fc.oneof(
      fc.record({ type: fc.constant('responded' as const) }),
      fc.record({ type: fc.constant('paused' as const) }),
      fc.record({ type: fc.constant('resumed' as const) }),
      fc.record({ type: fc.constant('resolved' as const) }),
      fc.record({ type: fc.constant('reopened' as const) }),
      fc.record({
        type: fc.constant('priority-changed' as const),
        priority: fc.constantFrom<Priority>('P1', 'P2', 'P3'),
      }),
    );
    const timed = fc.tuple(aFact, fc.integer({ min: 0, max: 5 * 24 * 60 }));
    fc.assert(
      fc.property(
        fc.constantFrom<Priority>('P1', 'P2', 'P3', 'P4'),
        fc.array(timed, { maxLength: 12 }),
        fc.integer({ min: 0, max: 6 * 24 * 60 }),
        fc.constantFrom('response' as const, 'resolution' as const),
        (priority, later, asOfMinutes, metric) => {
          const facts: TicketFact[] = [
            { type: 'opened', at: day + minutes(30), priority },
            ...later.map(([fact, offset]) => ({ ...fact, at: day + minutes(30 + offset) }) as TicketFact),
          ];
          const clockInput: TicketClockInput = { facts, targets, calendars, asOf: day + minutes(30 + asOfMinutes) };
          const explained = explainMetricClock(metric, clockInput);
          const evaluation = evaluateTicketClocks(clockInput)[metric];
          const counted = explained.steps.flatMap((step) => (step.kind === 'counted' ? [step.counted] : []));
          expect(counted.reduce((sum, each) => sum + each, 0)).toBe(evaluation.elapsed);
          const breaches = explained.steps.filter((step) => step.kind === 'breached');
          expect(breaches.map((step) => step.at)).toEqual(
            evaluation.breachedAt === null ? [] : [evaluation.breachedAt],
          );
          const instants = explained.steps.map((step) => ('at' in step ? step.at : step.from));
          expect(instants).toEqual([...instants].sort((left, right) => left - right));
          expect(explained.steps.filter((step) => step.kind === 'retargeted')).toHaveLength(
            evaluation.retargets.length,
          );
          if (evaluation.state !== 'not-started') expect(explained.steps[0]!.kind).toBe('started');
          // Every stop the evaluation knows is told, with the elapsed time at that instant.
          if (evaluation.stoppedAt !== null) {
            expect(explained.steps.filter((step) => step.kind === 'stopped').at(-1)).toMatchObject({
              at: evaluation.stoppedAt,
              total: evaluation.elapsed,
            });
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
