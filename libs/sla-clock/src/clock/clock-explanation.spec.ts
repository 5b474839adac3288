import fc from 'fast-check';
import { hours, minutes } from '../calendar/business-calendar';
import { at, businessHours, calendar, targetTable, weekdays } from '../testing/calendar-builders';
import { explainMetricClock, type ClockStep } from './clock-explanation';
import { describeClockExplanation, formatDuration } from './clock-explanation-text';
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

describe('a clock explanation in words', () => {
  const office = calendar(weekdays('09:00-17:00'), 'Europe/Berlin', {}, 'office');
  const targets = targetTable(
    'office',
    { response: businessHours(1), resolution: businessHours(3) },
    {
      P1: { response: businessHours(1), resolution: businessHours(1) },
    },
  );
  const calendars = new Map([['office', office]]);
  const facts: TicketFact[] = [
    { type: 'opened', at: at('2026-03-09T09:00', 'Europe/Berlin'), priority: 'P3' },
    { type: 'paused', at: at('2026-03-09T10:00', 'Europe/Berlin') },
    { type: 'resumed', at: at('2026-03-09T12:10', 'Europe/Berlin') },
    { type: 'priority-changed', at: at('2026-03-09T12:30', 'Europe/Berlin'), priority: 'P1' },
  ];
  const explained = explainMetricClock('resolution', {
    facts,
    targets,
    calendars,
    asOf: at('2026-03-09T15:00', 'Europe/Berlin'),
  });

  it('tells each step and the result with its arithmetic, on the wall clock of the zone', () => {
    const text = describeClockExplanation(explained, { language: 'en', timeZone: 'Europe/Berlin' });
    expect(text.steps).toEqual([
      'Started at 9 Mar 2026, 09:00: P3, target 3 business hours on calendar office.',
      'Counted 1 h of business time from 9 Mar 2026, 09:00 to 9 Mar 2026, 10:00; 1 h in all.',
      'Paused 2 h 10 min awaiting the customer from 9 Mar 2026, 10:00 to 9 Mar 2026, 12:10; no time counted, 1 h so far.',
      'Counted 20 min of business time from 9 Mar 2026, 12:10 to 9 Mar 2026, 12:30; 1 h 20 min in all.',
      'Breached at 9 Mar 2026, 12:10: business time elapsed passed the P1 target of 1 h (known from the re-target at 9 Mar 2026, 12:30).',
      'Re-targeted from P3 to P1 at 9 Mar 2026, 12:30, keeping 1 h 20 min elapsed; the P1 target is 1 business hour.',
      'Counted 2 h 30 min of business time from 9 Mar 2026, 12:30 to 9 Mar 2026, 15:00 (still running); 3 h 50 min in all.',
    ]);
    expect(text.summary).toBe(
      'Result: breached at 9 Mar 2026, 12:10; 3 h 50 min of business time against a 1 h target (P1), paused 2 h 10 min not counted.',
    );
  });

  it('speaks Chinese too, with the same figures', () => {
    const text = describeClockExplanation(explained, { language: 'zh', timeZone: 'Europe/Berlin' });
    expect(text.steps[0]).toBe('2026/3/9 09:00 开始计时：P3，目标 3个工作小时（日历 office）。');
    expect(text.summary).toBe(
      '结果：违约，2026/3/9 12:10 超出目标；已用工作时间 3小时50分钟（目标 1小时，P1），暂停 2小时10分钟 不计。',
    );
  });

  it('formats business time in hours and minutes', () => {
    expect(formatDuration(hours(26) + minutes(5), 'en')).toBe('26 h 5 min');
    expect(formatDuration(minutes(45), 'zh')).toBe('45分钟');
    expect(formatDuration(0, 'en')).toBe('0 s');
  });
});
