import { deciderSpec } from '@sla/event-sourcing/testing';
import fc from 'fast-check';
import { BusinessCalendar, evaluateTicketClocks, parseCalendarDefinition, referenceTargetTable } from '@sla/sla-clock';
import { ticketDecider, toClockFacts } from './ticket.decider';
import type { TicketEvent } from './ticket.events';

const opened: TicketEvent = {
  type: 'TicketOpened',
  data: {
    ticketId: 'INC-1',
    ticketType: 'incident',
    serviceId: 'email',
    priority: 'P2',
    impact: 'high',
    major: false,
    title: 'Mail down',
    occurredAt: '2026-03-09T09:00:00Z',
  },
};
const fact = (
  type: Exclude<TicketEvent['type'], 'TicketOpened'>,
  occurredAt: string,
  extra: Record<string, unknown> = {},
) => ({ type, data: { ticketId: 'INC-1', occurredAt, ...extra } }) as TicketEvent;

const { given } = deciderSpec(ticketDecider);
const record = (fact: TicketEvent) => ({ type: 'RecordTicketFact' as const, fact });

describe('ticket facts', () => {
  it('opens a ticket once', () => {
    given([]).when(record(opened)).then([opened]);
    given([opened]).when(record(opened)).thenFails('TICKET_ALREADY_OPENED', { kind: 'conflict' });
  });

  it('accepts a resolution that arrives before the acknowledgement, and the clock orders them by event time', () => {
    const resolved = fact('TicketResolved', '2026-03-09T12:00:00Z', { resolution: 'restarted relay' });
    const acknowledged = fact('TicketAcknowledged', '2026-03-09T09:20:00Z');
    given([opened]).when(record(resolved)).then([resolved]);
    given([opened, resolved]).when(record(acknowledged)).then([acknowledged]);
    const calendar = new BusinessCalendar(
      parseCalendarDefinition({ id: '24x7', name: '24x7', timeZone: 'UTC', versions: [{ weeklyWindows: '24x7' }] }),
    );
    const result = evaluateTicketClocks({
      facts: toClockFacts([opened, resolved, acknowledged]),
      targets: referenceTargetTable({ roundTheClock: '24x7', businessHours: '24x7' }),
      calendars: new Map([['24x7', calendar]]),
      asOf: Date.parse('2026-03-10T00:00:00Z'),
    });
    expect(result.response).toMatchObject({ state: 'met', elapsed: 20 * 60_000 });
    expect(result.resolution).toMatchObject({ state: 'met', elapsed: 3 * 3_600_000 });
  });

  it('refuses facts that contradict the stream, naming the reason', () => {
    given([])
      .when(record(fact('TicketResolved', '2026-03-09T12:00:00Z', { resolution: 'x' })))
      .thenFails('TICKET_NOT_FOUND', { kind: 'not_found' });
    given([opened])
      .when(record(fact('TicketAcknowledged', '2026-03-09T08:59:59Z')))
      .thenFails('FACT_BEFORE_OPENING', { kind: 'rule_violated' });
    const closed = fact('TicketClosed', '2026-03-10T09:00:00Z');
    given([opened, closed])
      .when(record(fact('TicketClosed', '2026-03-11T09:00:00Z')))
      .thenFails('TICKET_ALREADY_CLOSED', { kind: 'conflict' });
    given([opened, closed])
      .when(record(fact('TicketReopened', '2026-03-10T10:00:00Z', { reason: 'x' })))
      .thenFails('FACT_AFTER_CLOSING');
  });

  it('accepts a late fact dated before the closure', () => {
    const closed = fact('TicketClosed', '2026-03-10T09:00:00Z');
    const lateAcknowledgement = fact('TicketAcknowledged', '2026-03-09T09:30:00Z');
    given([opened, closed]).when(record(lateAcknowledgement)).then([lateAcknowledgement]);
  });

  it('gives the same clock result for every arrival order of the same facts', () => {
    const calendar = new BusinessCalendar(
      parseCalendarDefinition({
        id: 'office',
        name: 'office',
        timeZone: 'Europe/Berlin',
        versions: [
          {
            weeklyWindows: {
              mon: ['08:00-18:00'],
              tue: ['08:00-18:00'],
              wed: ['08:00-18:00'],
              thu: ['08:00-18:00'],
              fri: ['08:00-18:00'],
            },
          },
        ],
      }),
    );
    const calendars = new Map([['office', calendar]]);
    const targets = referenceTargetTable({ roundTheClock: 'office', businessHours: 'office' });
    const later = fc.array(
      fc.record({
        type: fc.constantFrom(
          'TicketAcknowledged',
          'TicketPausedAwaitingCustomer',
          'TicketResumed',
          'TicketResolved',
          'TicketReopened',
          'TicketPriorityChanged',
        ) as fc.Arbitrary<Exclude<TicketEvent['type'], 'TicketOpened' | 'TicketClosed'>>,
        minutes: fc.integer({ min: 0, max: 10_000 }),
        priority: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(later, fc.integer(), (entries, seed) => {
        const facts = entries.map((entry) =>
          fact(entry.type, new Date(Date.parse('2026-03-09T09:00:00Z') + entry.minutes * 60_000).toISOString(), {
            reason: 'r',
            resolution: 'r',
            priority: entry.priority,
          }),
        );
        const shuffled = [...facts];
        let state = seed >>> 0 || 1;
        for (let index = shuffled.length - 1; index > 0; index -= 1) {
          state = (state * 1103515245 + 12345) >>> 0;
          const other = state % (index + 1);
          [shuffled[index], shuffled[other]] = [shuffled[other], shuffled[index]];
        }
        // Every arrival order is accepted...
        const accepted: TicketEvent[] = [opened];
        for (const next of shuffled) accepted.push(...given(accepted).when(record(next)).thenEvents());
        // ...and evaluated the same.
        const evaluate = (events: TicketEvent[]) =>
          evaluateTicketClocks({
            facts: toClockFacts(events),
            targets,
            calendars,
            asOf: Date.parse('2026-03-20T00:00:00Z'),
          });
        expect(evaluate(accepted)).toEqual(evaluate([opened, ...facts]));
      }),
      { numRuns: 200 },
    );
  });
});
