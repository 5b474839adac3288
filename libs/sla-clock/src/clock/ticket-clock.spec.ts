import { hours, minutes } from '../calendar/business-calendar';
import { at, businessHours, calendar, local, targetTable, weekdays } from '../testing/calendar-builders';
import { evaluateTicketClocks, type TicketFact } from './ticket-clock';

/** The clock rules of the README, each with its example. Calendar: Mon-Fri 09:00-17:00 UTC. */
describe('ticket clock rules', () => {
  const office = calendar(weekdays('09:00-17:00'), 'UTC', {}, 'office');
  const targets = targetTable(
    'office',
    { response: businessHours(2), resolution: businessHours(8) },
    {
      P1: { response: businessHours(1), resolution: businessHours(2) },
    },
  );
  const evaluate = (facts: TicketFact[], asOf: string) =>
    evaluateTicketClocks({ facts, targets, calendars: new Map([['office', office]]), asOf: at(asOf) });
  const opened = (when: string, priority: 'P1' | 'P2' = 'P2'): TicketFact => ({
    type: 'opened',
    at: at(when),
    priority,
  });

  it('the response clock runs from opened to the first response', () => {
    const { response } = evaluate(
      [
        opened('2026-03-09T10:00'),
        { type: 'responded', at: at('2026-03-09T11:30') },
        { type: 'responded', at: at('2026-03-09T15:00') },
      ],
      '2026-03-10T12:00',
    );
    expect(response).toMatchObject({ state: 'met', elapsed: minutes(90), stoppedAt: at('2026-03-09T11:30') });
  });

  it('a resolution also stops a response clock that is still running', () => {
    const { response } = evaluate(
      [opened('2026-03-09T10:00'), { type: 'resolved', at: at('2026-03-09T11:00') }],
      '2026-03-09T12:00',
    );
    expect(response).toMatchObject({ state: 'met', elapsed: hours(1) });
  });

  it('the resolution clock pauses while waiting on the customer; paused time never counts, inside or outside hours', () => {
    // Mon 10:00-12:00 runs (2 h), paused over the night until Tue 11:00, then runs to Tue 14:00 (3 h).
    const { resolution } = evaluate(
      [
        opened('2026-03-09T10:00'),
        { type: 'paused', at: at('2026-03-09T12:00') },
        { type: 'resumed', at: at('2026-03-10T11:00') },
      ],
      '2026-03-10T14:00',
    );
    expect(resolution).toMatchObject({ state: 'running', elapsed: hours(5), remaining: hours(3) });
    // Used up at Tuesday 17:00 exactly, so the breach would come with the next window.
    expect([local(resolution.dueAt), local(resolution.breachAt)]).toEqual(['2026-03-10T17:00', '2026-03-11T09:00']);
  });

  it('a paused clock has no planned breach; it resumes where it stopped', () => {
    const { resolution } = evaluate(
      [opened('2026-03-09T10:00'), { type: 'paused', at: at('2026-03-09T12:00') }],
      '2026-03-12T12:00',
    );
    expect(resolution).toMatchObject({ state: 'paused', elapsed: hours(2), breachAt: null, breachedAt: null });
  });

  it('reopening continues the same resolution clock; the first resolution is kept separately', () => {
    const { resolution } = evaluate(
      [
        opened('2026-03-09T09:00'),
        { type: 'resolved', at: at('2026-03-09T15:00') },
        { type: 'reopened', at: at('2026-03-10T09:00') },
      ],
      '2026-03-10T13:00',
    );
    expect(resolution.firstResolution).toEqual({
      resolvedAt: at('2026-03-09T15:00'),
      elapsed: hours(6),
      state: 'met',
      breachedAt: null,
    });
    // 6 h before the resolution + 4 h since the reopening: the 8 h target was exceeded at Tue 11:00.
    expect(resolution).toMatchObject({ state: 'breached', elapsed: hours(10), breachedAt: at('2026-03-10T11:00') });
  });

  it('a priority change keeps elapsed time and re-targets; if the new target is already exceeded, the breach is when it was reached', () => {
    // P2 (8 h) opened Mon 09:00; at Mon 13:00 (4 h elapsed) raised to P1 (2 h): already exceeded since Mon 11:00.
    const { resolution } = evaluate(
      [opened('2026-03-09T09:00'), { type: 'priority-changed', at: at('2026-03-09T13:00'), priority: 'P1' }],
      '2026-03-09T14:00',
    );
    expect(resolution).toMatchObject({
      state: 'breached',
      priority: 'P1',
      elapsed: hours(5),
      breachedAt: at('2026-03-09T11:00'),
    });
    expect(resolution.retargets).toEqual([{ at: at('2026-03-09T13:00'), from: 'P2', to: 'P1' }]);
  });

  it('a breach under the target in force stays a breach after a later downgrade', () => {
    // P1 (2 h) opened Mon 09:00 breaches at 11:00; lowered to P2 (8 h) at 12:00.
    const { resolution } = evaluate(
      [opened('2026-03-09T09:00', 'P1'), { type: 'priority-changed', at: at('2026-03-09T12:00'), priority: 'P2' }],
      '2026-03-09T13:00',
    );
    expect(resolution).toMatchObject({ state: 'breached', priority: 'P2', breachedAt: at('2026-03-09T11:00') });
    expect(local(resolution.dueAt)).toBe('2026-03-09T17:00');
  });

  it('stopping at the breach instant is met; stopping after it is breached', () => {
    const stopAt = (when: string) =>
      evaluate([opened('2026-03-09T09:00'), { type: 'resolved', at: at(when) }], '2026-03-11T09:00').resolution;
    expect(stopAt('2026-03-09T17:00').state).toBe('met');
    // Budget used up exactly at 17:00 Monday: the clock is still met overnight, breached from Tue 09:00.
    expect(stopAt('2026-03-10T08:59').state).toBe('met');
    expect(stopAt('2026-03-10T09:01')).toMatchObject({ state: 'breached', breachedAt: at('2026-03-10T09:00') });
  });

  it('ignores facts after the evaluation instant: a report as of Monday noon does not know about Tuesday', () => {
    const facts: TicketFact[] = [opened('2026-03-09T09:00'), { type: 'resolved', at: at('2026-03-10T10:00') }];
    expect(evaluate(facts, '2026-03-09T12:00').resolution).toMatchObject({ state: 'running', elapsed: hours(3) });
  });

  it('a ticket not yet opened has clocks that have not started', () => {
    expect(evaluate([{ type: 'responded', at: at('2026-03-09T10:00') }], '2026-03-09T12:00').response.state).toBe(
      'not-started',
    );
  });
});
