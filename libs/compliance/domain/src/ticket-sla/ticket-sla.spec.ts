import { agreementContentSchema, type AgreementContentInput, type AgreementEvent } from '@sla/agreements-domain';
import { at, calendar, weekdays } from '@sla/sla-clock/testing';
import { BusinessCalendar, parseCalendarDefinition, type TicketFact } from '@sla/sla-clock';
import { evaluateTicketSla, type AgreementHistory } from './ticket-sla';
import { liveClock, recordedClock } from './live-state';

const HOUR = 3_600_000;
const calendars = new Map([
  ['24x7', calendar('24x7', 'UTC', {}, '24x7')],
  ['office', calendar(weekdays('09:00-17:00'), 'UTC', {}, 'office')],
]);
const targets = (p2ResponseHours: number) =>
  (['P1', 'P2', 'P3', 'P4'] as const).map((priority) => ({
    serviceId: 'email',
    priority,
    response: {
      duration: { unit: 'business-hours' as const, amount: priority === 'P2' ? p2ResponseHours : 8 },
      calendarId: 'office',
    },
    resolution: {
      duration: { unit: 'business-hours' as const, amount: 16 },
      calendarId: priority === 'P1' ? '24x7' : 'office',
    },
  }));
const content = (overrides: Partial<AgreementContentInput>) =>
  agreementContentSchema.parse({
    title: 'Mail SLA',
    services: ['email'],
    serviceTargets: targets(4),
    effectiveFrom: '2026-03-01T00:00:00Z',
    ...overrides,
  });

const party = { name: 'x', contacts: [] };
/** v1 (P2 response 4 h) in force from 1 March; v2 (P2 response 2 h) from 10 March. */
const sla: AgreementHistory = {
  agreementId: 'sla-mail',
  kind: 'SLA',
  events: [
    {
      type: 'AgreementDrafted',
      data: {
        agreementId: 'sla-mail',
        kind: 'SLA',
        provider: party,
        counterparty: party,
        version: 1,
        content: content({}),
        occurredAt: '2026-02-01T00:00:00Z',
      },
    },
    {
      type: 'AgreementVersionApproved',
      data: {
        agreementId: 'sla-mail',
        version: 1,
        effectiveFrom: '2026-03-01T00:00:00Z',
        occurredAt: '2026-02-20T00:00:00Z',
      },
    },
    {
      type: 'AgreementAmendmentDrafted',
      data: {
        agreementId: 'sla-mail',
        version: 2,
        basedOnVersion: 1,
        changeRequest: 'CR-9',
        content: content({ serviceTargets: targets(2), effectiveFrom: '2026-03-10T00:00:00Z' }),
        occurredAt: '2026-03-05T00:00:00Z',
      },
    },
    {
      type: 'AgreementVersionApproved',
      data: {
        agreementId: 'sla-mail',
        version: 2,
        effectiveFrom: '2026-03-10T00:00:00Z',
        occurredAt: '2026-03-06T00:00:00Z',
      },
    },
  ] as AgreementEvent[],
};

describe('ticket SLA evaluation', () => {
  it('pins a ticket to the version in force when it opened, also after a later amendment and a priority change', () => {
    // Tue 3 March 09:00, P2: v1 gives 4 business hours to respond.
    const facts: TicketFact[] = [
      { type: 'opened', at: at('2026-03-03T09:00'), priority: 'P2' },
      { type: 'priority-changed', at: at('2026-03-12T09:00'), priority: 'P3' },
      { type: 'responded', at: at('2026-03-03T12:00') },
    ];
    const rows = evaluateTicketSla({ serviceId: 'email', facts, agreements: [sla], calendars });
    const response = rows.find((row) => row.metric === 'response')!;
    expect(response).toMatchObject({
      agreementId: 'sla-mail',
      version: 1,
      state: 'met',
      elapsedMs: 3 * HOUR,
      stoppedAt: at('2026-03-03T12:00'),
    });
    // Opened on 10 March: v2's 2 hours apply, and 3 hours breach it.
    const later = evaluateTicketSla({
      serviceId: 'email',
      facts: facts.map((fact) => ({ ...fact, at: fact.at + 7 * 24 * HOUR })),
      agreements: [sla],
      calendars,
    });
    expect(later.find((row) => row.metric === 'response')).toMatchObject({
      version: 2,
      state: 'breached',
      breachedAt: at('2026-03-10T11:00'),
    });
  });

  it('plans the breach and at-risk instants of a running clock from the calendar', () => {
    // Friday 16:00, P2 v2 (2 business hours): 1 h on Friday, 1 h on Monday → due Monday 10:00.
    const rows = evaluateTicketSla({
      serviceId: 'email',
      facts: [{ type: 'opened', at: at('2026-03-13T16:00'), priority: 'P2' }],
      agreements: [sla],
      calendars,
    });
    expect(rows.find((row) => row.metric === 'response')).toMatchObject({
      state: 'running',
      version: 2,
      dueAt: at('2026-03-16T10:00'),
      breachAt: at('2026-03-16T10:00'),
      // 75 % of 2 h = 90 min: Monday 09:30.
      atRiskAt: at('2026-03-16T09:30'),
      evaluatedAt: at('2026-03-13T16:00'),
    });
  });

  it('gives no rows before any agreement is in force, and a not-covered row when a priority has no target', () => {
    expect(
      evaluateTicketSla({
        serviceId: 'email',
        facts: [{ type: 'opened', at: at('2026-02-25T09:00'), priority: 'P2' }],
        agreements: [sla],
        calendars,
      }),
    ).toEqual([]);
    expect(
      evaluateTicketSla({
        serviceId: 'vpn',
        facts: [{ type: 'opened', at: at('2026-03-03T09:00'), priority: 'P2' }],
        agreements: [sla],
        calendars,
      }),
    ).toEqual([]);
    const onlyP1 = {
      ...sla,
      events: sla.events.map((event) =>
        event.type === 'AgreementDrafted'
          ? { ...event, data: { ...event.data, content: content({ serviceTargets: targets(4).slice(0, 1) }) } }
          : event,
      ) as AgreementEvent[],
    };
    const rows = evaluateTicketSla({
      serviceId: 'email',
      facts: [{ type: 'opened', at: at('2026-03-03T09:00'), priority: 'P2' }],
      agreements: [onlyP1],
      calendars,
    });
    expect(rows.map((row) => [row.metric, row.state, row.reason])).toEqual([
      ['response', 'not-covered', 'version 1 has no P2 target for email'],
      ['resolution', 'not-covered', 'version 1 has no P2 target for email'],
    ]);
  });
});

describe('a stored clock seen later', () => {
  const office = calendars.get('office')!;
  const stored = {
    state: 'running' as const,
    targetMs: 2 * HOUR,
    elapsedMs: HOUR,
    dueAt: at('2026-03-16T10:00'),
    breachAt: at('2026-03-16T10:00'),
    atRiskAt: at('2026-03-16T09:30'),
  };

  it('keeps running in business time: at risk, then breached, with remaining time from the calendar', () => {
    // Saturday: no business time passes.
    expect(liveClock(stored, at('2026-03-14T12:00'), office)).toEqual({
      state: 'running',
      elapsedMs: HOUR,
      remainingMs: HOUR,
    });
    expect(liveClock(stored, at('2026-03-16T09:40'), office)).toEqual({
      state: 'at-risk',
      elapsedMs: HOUR + 40 * 60_000,
      remainingMs: 20 * 60_000,
    });
    expect(liveClock(stored, at('2026-03-16T11:00'), office)).toEqual({
      state: 'breached',
      elapsedMs: 3 * HOUR,
      remainingMs: -HOUR,
    });
  });

  it('keeps counting the service time left when the target can never be reached', () => {
    const ending = new BusinessCalendar(
      parseCalendarDefinition({
        id: 'until-june',
        name: '24x7 until June',
        timeZone: 'UTC',
        versions: [{ weeklyWindows: '24x7' }, { effectiveFrom: '2026-06-01', weeklyWindows: {} }],
      }),
    );
    const neverDue = {
      state: 'running' as const,
      targetMs: 4 * HOUR,
      elapsedMs: 0,
      dueAt: null,
      breachAt: null,
      atRiskAt: null,
    };
    const opened = { ...neverDue, evaluatedAt: Date.parse('2026-05-31T22:00:00Z') };
    // Two hours of service were left before 1 June; none after.
    const live = { state: 'running', elapsedMs: 2 * HOUR, remainingMs: 2 * HOUR };
    expect(liveClock(opened, Date.parse('2026-06-02T00:00:00Z'), ending)).toEqual(live);
    expect(liveClock(opened, Date.parse('2026-05-31T23:00:00Z'), ending)).toEqual({
      ...live,
      elapsedMs: HOUR,
      remainingMs: 3 * HOUR,
    });
  });

  it('leaves stopped and paused clocks as they were stored', () => {
    expect(liveClock({ ...stored, state: 'met' }, at('2026-03-20T11:00'), office)).toEqual({
      state: 'met',
      elapsedMs: HOUR,
      remainingMs: HOUR,
    });
    expect(liveClock({ ...stored, state: 'paused', breachAt: null }, at('2026-03-20T11:00'), office).state).toBe(
      'paused',
    );
  });
});

describe("a clock's recorded state: the ticket's facts, then the SLA watch's findings", () => {
  const none = { breachedAt: null, atRiskRecorded: false };
  const atRisk = { breachedAt: null, atRiskRecorded: true };
  const breach = { breachedAt: at('2026-03-16T10:00'), atRiskRecorded: true };
  const running = { state: 'running' as const, breachedAt: null };
  const paused = { state: 'paused' as const, breachedAt: null };

  it('is breached at the recorded instant while the facts leave the clock running or paused', () => {
    expect(recordedClock(running, breach)).toEqual({ state: 'breached', breachedAt: at('2026-03-16T10:00') });
    expect(recordedClock(paused, breach)).toEqual({ state: 'breached', breachedAt: at('2026-03-16T10:00') });
  });

  it('is at risk once the warning is recorded and no breach is, while the clock runs', () => {
    expect(recordedClock(running, atRisk)).toEqual({ state: 'at-risk', breachedAt: null });
    expect(recordedClock(paused, atRisk)).toEqual(paused);
    expect(recordedClock(running, none)).toEqual(running);
  });

  it('is what the facts say once they stopped the clock (a contradicted breach is corrected beside it)', () => {
    expect(recordedClock({ state: 'met', breachedAt: null }, breach)).toEqual({ state: 'met', breachedAt: null });
    const late = { state: 'breached' as const, breachedAt: at('2026-03-16T10:00') };
    expect(recordedClock(late, breach)).toEqual(late);
  });
});
