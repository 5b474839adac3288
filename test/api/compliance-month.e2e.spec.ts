import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/test-api';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtEntryPoint, eventually, httpClient, pdfPageCount, pdfText, startNodeProcess } from '@sla/test-support';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const weekdays = (window: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [window]]));
const target = (
  priority: string,
  response: [number, string],
  resolution: [number, string],
  unit: 'business-hours' | 'working-days' = 'business-hours',
) => ({
  serviceId: 'email',
  priority,
  response: { duration: { unit: 'business-hours', amount: response[0] }, calendarId: response[1] },
  resolution: { duration: { unit, amount: resolution[0] }, calendarId: resolution[1] },
});

/** Runs the built CLI to its end. */
const cli = async (args: string[], environment: Record<string, string> = {}) => {
  const process = startNodeProcess(builtEntryPoint('cli'), args, environment);
  const exit = await process.exited;
  return { code: exit.code, output: process.output() };
};
const jsonOutput = (output: string) => JSON.parse(output.slice(output.search(/^[[{]/m)));

/**
 * March 2026 for one SLA, end to end through HTTP: P1–P4 targets (P1 round
 * the clock, the rest in Berlin office hours Mon–Fri 09:00–17:00), eight
 * tickets, four outages and one maintenance window. Every expected figure is
 * worked out by hand in the comments.
 */
describe('compliance for a month of operations (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  let fact = 0;
  let now = new Date('2026-03-01T00:00:00Z');
  /** Wall-clock time just before the report test records T10's late resolution. */
  let beforeLateResolution: Date;

  beforeAll(async () => {
    // The clock stands at 1 March while the catalogue and the agreement are set up; the month's facts
    // are fed with the SLA watch paused; then the clock moves to mid-April, after the month closed.
    api = await startTestApi('compliance_month', {}, { now: () => now });
    http = httpClient(api.baseUrl, { 'x-actor': 'slm.alice' }, api.conformance);
    await http.post('/calendars', {
      definition: {
        id: 'office-berlin',
        name: 'Office hours Berlin',
        timeZone: 'Europe/Berlin',
        versions: [{ weeklyWindows: weekdays('09:00-17:00') }],
      },
    });
    await http.post('/calendars', {
      definition: {
        id: 'round-the-clock',
        name: '24x7',
        timeZone: 'Europe/Berlin',
        versions: [{ weeklyWindows: '24x7' }],
      },
    });
    await eventually(async () => ((await http.get('/calendars/round-the-clock')).status === 200 ? true : undefined));
    await http.post('/services', {
      serviceId: 'email',
      name: 'Corporate e-mail',
      owner: { name: 'Li Wei' },
      calendarId: 'office-berlin',
      changeRequest: 'CR-1',
    });
    await eventually(async () => ((await http.get('/services/email')).status === 200 ? true : undefined));
    const drafted = await http.post('/agreements', {
      agreementId: 'email-sla',
      kind: 'SLA',
      provider: { name: 'IT Services' },
      counterparty: { name: 'Finance' },
      content: {
        title: 'E-mail SLA',
        services: ['email'],
        serviceTargets: [
          target('P1', [0.5, 'round-the-clock'], [2, 'round-the-clock']),
          target('P2', [4, 'office-berlin'], [12, 'office-berlin']),
          target('P3', [8, 'office-berlin'], [5, 'office-berlin'], 'working-days'),
          target('P4', [16, 'office-berlin'], [40, 'office-berlin']),
        ],
        availabilityTargets: [{ serviceId: 'email', percentage: 99.5, period: 'month', calendarId: 'office-berlin' }],
        serviceCredits: [
          { condition: 'a P1 or P2 resolution target missed', credit: '2 % of the monthly fee per breach' },
        ],
        effectiveFrom: '2026-03-01T00:00:00+01:00',
      },
      occurredAt: '2026-02-10T10:00:00+01:00',
    });
    expect(drafted.status).toBe(201);
    expect(
      (await http.post('/agreements/email-sla/versions/1/submission', { occurredAt: '2026-02-11T10:00:00+01:00' }))
        .status,
    ).toBe(200);
    const riskAcceptance = { reason: 'no supplier contract yet; accepted for the pilot' };
    expect(
      (
        await http.post('/agreements/email-sla/versions/1/signatures', {
          party: 'provider',
          signatory: { name: 'Alice Chen', title: 'SLM' },
          riskAcceptance,
          occurredAt: '2026-02-12T10:00:00+01:00',
        })
      ).status,
    ).toBe(200);
    const finance = httpClient(api.baseUrl, { 'x-actor': 'finance.bob' }, api.conformance);
    expect(
      (
        await finance.post('/agreements/email-sla/versions/1/signatures', {
          party: 'counterparty',
          signatory: { name: 'Bob Meyer', title: 'Head of Finance' },
          riskAcceptance,
          occurredAt: '2026-02-13T10:00:00+01:00',
        })
      ).status,
    ).toBe(200);

    // The month is fed with the SLA watch paused and the clock after the month (no fact may come
    // from the future), so the watch sees each ticket only with all its facts.
    await api.infrastructure.slaWatch.stop();
    now = new Date('2026-04-01T00:00:00Z');
    const ticket = async (ticketId: string, type: string, occurredAt: string, data: Record<string, unknown> = {}) => {
      fact += 1;
      const response = await http.post(`/tickets/${ticketId}/facts`, {
        source: 'servicenow',
        externalId: `f-${fact}`,
        type,
        data: { ...data, occurredAt },
      });
      expect(response.status).toBe(201);
    };
    const open = (ticketId: string, priority: string, occurredAt: string, ticketType = 'incident') =>
      ticket(ticketId, 'TicketOpened', occurredAt, {
        ticketType,
        serviceId: 'email',
        priority,
        impact: 'medium',
        major: priority === 'P1',
        title: ticketId,
      });
    // T1 P1: responded after 20 min, resolved after 1.5 h: both met.
    await open('T1', 'P1', '2026-03-03T10:00:00+01:00');
    await ticket('T1', 'TicketAcknowledged', '2026-03-03T10:20:00+01:00');
    await ticket('T1', 'TicketResolved', '2026-03-03T11:30:00+01:00', { resolution: 'restarted' });
    // T2 P1 on a Saturday night (24x7): 45 min to respond (breached at 22:30), 3 h to resolve (breached at 00:00).
    await open('T2', 'P1', '2026-03-07T22:00:00+01:00');
    await ticket('T2', 'TicketResolved', '2026-03-08T01:00:00+01:00', { resolution: 'failover' });
    await ticket('T2', 'TicketAcknowledged', '2026-03-07T22:45:00+01:00');
    // T3 P2 Monday 16:00: response Mon 1 h + Tue 2 h = 3 h (met); resolution 1 + 8 + 3 = 12 h exactly (met).
    await open('T3', 'P2', '2026-03-09T16:00:00+01:00');
    await ticket('T3', 'TicketAcknowledged', '2026-03-10T11:00:00+01:00');
    await ticket('T3', 'TicketResolved', '2026-03-11T12:00:00+01:00', { resolution: 'quota raised' });
    // T4 P2: response 30 min (met); paused Thu 12:00 awaiting the customer until Mon 09:00;
    // resolution 3 h + 8 h + 6 h = 17 h > 12 h: breached Tue 17 March 10:00.
    await open('T4', 'P2', '2026-03-12T09:00:00+01:00');
    await ticket('T4', 'TicketAcknowledged', '2026-03-12T09:30:00+01:00');
    await ticket('T4', 'TicketPausedAwaitingCustomer', '2026-03-12T12:00:00+01:00', { reason: 'log files requested' });
    await ticket('T4', 'TicketResumed', '2026-03-16T09:00:00+01:00');
    await ticket('T4', 'TicketResolved', '2026-03-17T15:00:00+01:00', { resolution: 'client reconfigured' });
    // T5 P3: response Wed 3 h + Thu 6 h = 9 h > 8 h (breached Thu 14:00); resolution due in 5 working days (Wed 25
    // March 14:00), resolved Tue 24: met.
    await open('T5', 'P3', '2026-03-18T14:00:00+01:00');
    await ticket('T5', 'TicketAcknowledged', '2026-03-19T15:00:00+01:00');
    await ticket('T5', 'TicketResolved', '2026-03-24T10:00:00+01:00', { resolution: 'mailbox moved' });
    // T6 P4: response Fri 8 h + Mon 7 h = 15 h (met); resolution 8 + 8 + 8 + 8 + 7 = 39 h (met).
    await open('T6', 'P4', '2026-03-20T09:00:00+01:00');
    await ticket('T6', 'TicketAcknowledged', '2026-03-23T16:00:00+01:00');
    await ticket('T6', 'TicketResolved', '2026-03-26T16:00:00+01:00', { resolution: 'signature updated' });
    // T7 P2 after the DST change: responded in 10 min; still unresolved, due Tue 31 March 13:00 CEST (8 h + 4 h).
    await open('T7', 'P2', '2026-03-30T09:00:00+02:00');
    await ticket('T7', 'TicketAcknowledged', '2026-03-30T09:10:00+02:00');
    // T8 opened before the SLA took effect: no clock under it.
    await open('T8', 'P3', '2026-02-27T10:00:00+01:00');
    // Two complaints (P4): T9 handled (response 1 h, resolution 7 h + 1 h = 8 h); T10 never resolved,
    // its resolution due after 40 office hours: Fri 7 h, then 30, 31 March, 1, 2 April 32 h, Fri 3 April 09:00–10:00.
    await open('T9', 'P4', '2026-03-23T10:00:00+01:00', 'complaint');
    await ticket('T9', 'TicketAcknowledged', '2026-03-23T11:00:00+01:00');
    await ticket('T9', 'TicketResolved', '2026-03-24T10:00:00+01:00', { resolution: 'apology and fix' });
    await open('T10', 'P4', '2026-03-27T10:00:00+01:00', 'complaint');
    await ticket('T10', 'TicketAcknowledged', '2026-03-27T10:30:00+01:00');
    // Ratings: 4, 3 and 5 of 5.
    await ticket('T1', 'CustomerSatisfactionRecorded', '2026-03-04T10:00:00+01:00', { score: 4 });
    await ticket('T3', 'CustomerSatisfactionRecorded', '2026-03-12T10:00:00+01:00', { score: 3 });
    await ticket('T6', 'CustomerSatisfactionRecorded', '2026-03-27T10:00:00+01:00', { score: 5 });

    const outage = async (outageId: string, start: string, end: string, impact = 'full', weight?: number) => {
      expect(
        (
          await http.post(`/outages/${outageId}/facts`, {
            source: 'statuspage',
            externalId: `${outageId}/start`,
            type: 'OutageStarted',
            data: { serviceId: 'email', impact, ...(weight ? { weight } : {}), occurredAt: start },
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await http.post(`/outages/${outageId}/facts`, {
            source: 'statuspage',
            externalId: `${outageId}/end`,
            type: 'OutageEnded',
            data: { occurredAt: end },
          })
        ).status,
      ).toBe(201);
    };
    // O1: 1.5 h in service hours. O2: partial 0.5, 1 h in service hours → 0.5 h. O3: a weekend, no service hours.
    // O4: 2 h, of which 1 h falls into the approved maintenance window 12:00–14:00 and is excluded.
    await outage('O1', '2026-03-03T10:00:00+01:00', '2026-03-03T11:30:00+01:00');
    await outage('O2', '2026-03-12T16:00:00+01:00', '2026-03-12T18:00:00+01:00', 'partial', 0.5);
    await outage('O3', '2026-03-21T08:00:00+01:00', '2026-03-22T12:00:00+01:00');
    await outage('O4', '2026-03-25T13:00:00+01:00', '2026-03-25T15:00:00+01:00');
    expect(
      (
        await http.post('/maintenance-windows/MW-1/facts', {
          source: 'change-calendar',
          externalId: 'CHG-7',
          type: 'MaintenanceWindowScheduled',
          data: {
            serviceId: 'email',
            changeReference: 'CHG-7',
            title: 'Relay upgrade',
            schedule: { kind: 'once', start: '2026-03-25T12:00:00+01:00', end: '2026-03-25T14:00:00+01:00' },
            occurredAt: '2026-03-20T10:00:00+01:00',
          },
        })
      ).status,
    ).toBe(201);

    // Everything projected: T10's response (the last clock fact) is in and the maintenance window is listed.
    await eventually(
      async () => ((await http.get('/compliance/tickets/T10')).body?.[0]?.recordedState === 'met' ? true : undefined),
      20_000,
    );
    await eventually(async () =>
      (await http.get('/maintenance-windows?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z')).body?.items?.length ===
      1
        ? true
        : undefined,
    );
    await eventually(async () =>
      (await http.get('/outages?serviceId=email')).body?.items?.filter((row: { endedAt: string | null }) => row.endedAt)
        .length === 4
        ? true
        : undefined,
    );
    now = new Date('2026-04-15T12:00:00Z');
    api.infrastructure.slaWatch.start();
    // The SLA watch (every second) records the five breaches, T7's included: its clock ran past its due time.
    await eventually(
      async () =>
        (await http.get('/compliance/breaches?period=2026-03&timeZone=Europe/Berlin')).body?.items?.length === 5
          ? true
          : undefined,
      20_000,
    );
  }, 60_000);
  afterAll(() => api?.close());

  it("shows each ticket's clocks under the version in force when it opened", async () => {
    const t4 = (await http.get('/compliance/tickets/T4')).body;
    expect(
      t4.map((row: { metric: string; state: string; elapsedMs: number; breachedAt: string | null }) => [
        row.metric,
        row.state,
        row.elapsedMs,
        row.breachedAt,
      ]),
    ).toEqual([
      ['response', 'met', 30 * MINUTE, null],
      ['resolution', 'breached', 17 * HOUR, '2026-03-17T09:00:00.000Z'],
    ]);
    expect(t4[0]).toMatchObject({
      agreementId: 'email-sla',
      agreementKind: 'SLA',
      version: 1,
      priority: 'P2',
      targetMs: 4 * HOUR,
      calendarId: 'office-berlin',
    });
    // T7 was still running at its last fact; its resolution breach is on record (the SLA watch's), as in the breach
    // log.
    const t7 = (await http.get('/compliance/tickets/T7')).body;
    const due = '2026-03-31T11:00:00.000Z';
    expect(t7[1]).toMatchObject({
      metric: 'resolution',
      recordedState: 'breached',
      state: 'breached',
      dueAt: due,
      breachAt: due,
      breachedAt: due,
    });
    // Breached by: 31 March 13:00–17:00 (4 h) + 1–14 April (10 working days × 8 h) + 15 April 09:00–14:00 CEST (5 h) =
    // 89 h.
    expect(t7[1].remainingMs).toBe(-89 * HOUR);
    expect((await http.get('/compliance/tickets/T8')).body).toEqual([]);
  });

  it('reports response and resolution compliance per priority for March (hand-computed)', async () => {
    const figures = (
      await http.get('/compliance/agreements/email-sla/response-resolution?period=2026-03&timeZone=Europe/Berlin')
    ).body;
    const summary = figures.map(
      (row: {
        priority: string;
        metric: string;
        met: number;
        breached: number;
        open: number;
        percentWithinTarget: string | null;
      }) => [row.priority, row.metric, row.met, row.breached, row.open, row.percentWithinTarget],
    );
    expect(summary).toEqual([
      ['P1', 'response', 1, 1, 0, '50.0000'],
      ['P1', 'resolution', 1, 1, 0, '50.0000'],
      ['P2', 'response', 3, 0, 0, '100.0000'],
      // T7's running clock counts as breached once the watch has recorded its breach.
      ['P2', 'resolution', 1, 2, 0, '33.3333'],
      ['P3', 'response', 0, 1, 0, '0.0000'],
      ['P3', 'resolution', 1, 0, 0, '100.0000'],
      ['P4', 'response', 3, 0, 0, '100.0000'],
      // T10's breach (3 April) is on record: it counts, though it happened after the month.
      ['P4', 'resolution', 2, 1, 0, '66.6666'],
    ]);
    // P2 response times 3 h, 30 min, 10 min: median 30 min; 90th percentile 30 min + 0.8 × (3 h − 30 min) = 2 h 30 min.
    const p2Response = figures.find(
      (row: { priority: string; metric: string }) => row.priority === 'P2' && row.metric === 'response',
    );
    expect(p2Response).toMatchObject({ tickets: 3, medianElapsedMs: 30 * MINUTE, p90ElapsedMs: 150 * MINUTE });
  });

  it('logs every breach with its version, target and the facts behind it', async () => {
    const breaches = (await http.get('/compliance/breaches?period=2026-03&timeZone=Europe/Berlin')).body.items;
    expect(
      breaches.map((row: { ticketId: string; metric: string; breachedAt: string }) => [
        row.ticketId,
        row.metric,
        row.breachedAt,
      ]),
    ).toEqual([
      ['T2', 'response', '2026-03-07T21:30:00.000Z'],
      ['T2', 'resolution', '2026-03-07T23:00:00.000Z'],
      ['T4', 'resolution', '2026-03-17T09:00:00.000Z'],
      ['T5', 'response', '2026-03-19T13:00:00.000Z'],
      ['T7', 'resolution', '2026-03-31T11:00:00.000Z'],
    ]);
    const t4 = breaches[2];
    expect(t4).toMatchObject({
      agreementId: 'email-sla',
      version: 1,
      priority: 'P2',
      targetMs: 12 * HOUR,
      calendarId: 'office-berlin',
      detectedAt: '2026-04-15T12:00:00.000Z',
      customerNotificationDueAt: '2026-04-16T12:00:00.000Z',
      retractedAt: null,
    });
    expect(t4.facts.map((entry: { type: string }) => entry.type)).toEqual([
      'opened',
      'responded',
      'paused',
      'resumed',
      'resolved',
    ]);
  });

  it("follows each breach up: notification within 24 hours, root cause, credit by the agreement's terms, remediation; a waiver beside another", async () => {
    const breaches = (await http.get('/compliance/breaches?period=2026-03&timeZone=Europe/Berlin')).body.items;
    const t4 = breaches.find((row: { ticketId: string }) => row.ticketId === 'T4').eventId;
    const t5 = breaches.find((row: { ticketId: string }) => row.ticketId === 'T5').eventId;
    // Each step is recorded when it happens (the clock stands at its occurredAt: none may come from the future).
    const step = (breachEventId: string, type: string, data: Record<string, unknown>) => {
      if (typeof data.occurredAt === 'string') now = new Date(data.occurredAt);
      return http.post(`/compliance/breaches/${breachEventId}/follow-up`, { type, data });
    };
    expect(
      (await step(t4, 'BreachRemediationReported', { report: 'x', occurredAt: '2026-04-15T13:00:00Z' })).body.error
        .code,
    ).toBe('ROOT_CAUSE_FIRST');
    expect(
      (
        await step(t4, 'BreachCustomerNotified', {
          channel: 'e-mail',
          recipient: 'bob.meyer@finance',
          occurredAt: '2026-04-15T15:00:00Z',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await step(t4, 'BreachRootCauseRecorded', {
          rootCause: 'mail client profile corrupted by an update',
          occurredAt: '2026-04-16T09:00:00Z',
        })
      ).status,
    ).toBe(201);
    const credit = await step(t4, 'BreachServiceCreditAssessed', {
      termIndex: 0,
      rationale: 'P2 resolution missed by 5 h',
      occurredAt: '2026-04-16T10:00:00Z',
    });
    expect(credit).toMatchObject({ status: 201, body: { events: ['BreachServiceCreditAssessed'] } });
    expect((await step(t4, 'BreachServiceCreditAssessed', { termIndex: 3, rationale: 'x' })).body.error.code).toBe(
      'ALREADY_ASSESSED',
    );
    expect(
      (
        await step(t4, 'BreachRemediationReported', {
          report: 'client update pipeline now tests profiles',
          occurredAt: '2026-04-20T09:00:00Z',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await step(t5, 'BreachWaiverRecorded', {
          approvedBy: 'Bob Meyer (Finance)',
          reason: 'customer asked to hold the mailbox move',
          occurredAt: '2026-04-15T16:00:00Z',
        })
      ).status,
    ).toBe(201);
    expect(
      (await step('00000000-0000-4000-8000-000000000000', 'BreachRootCauseRecorded', { rootCause: 'x' })).body.error
        .code,
    ).toBe('BREACH_NOT_FOUND');
    // Back to mid-April for the views below and the tests that follow.
    now = new Date('2026-04-15T12:00:00Z');

    const all = await eventually(async () => {
      const followUps = (await http.get('/compliance/follow-ups?status=all')).body.items;
      return followUps.find((row: { breachEventId: string; status: string }) => row.breachEventId === t4)?.status ===
        'closed' &&
        followUps.find((row: { breachEventId: string; waiver: unknown }) => row.breachEventId === t5)?.waiver
        ? followUps
        : undefined;
    });
    expect(all.find((row: { breachEventId: string }) => row.breachEventId === t4)).toMatchObject({
      notificationDueAt: '2026-04-16T12:00:00.000Z',
      notifiedAt: '2026-04-15T15:00:00.000Z',
      notificationOnTime: true,
      rootCause: 'mail client profile corrupted by an update',
      credit: {
        termIndex: 0,
        condition: 'a P1 or P2 resolution target missed',
        credit: '2 % of the monthly fee per breach',
      },
      remediatedAt: '2026-04-20T09:00:00.000Z',
      status: 'closed',
    });
    // The waived breach is still a breach, and still open for its other steps.
    expect(all.find((row: { breachEventId: string }) => row.breachEventId === t5)).toMatchObject({
      status: 'open',
      waiver: { approvedBy: 'Bob Meyer (Finance)' },
    });
    const open = (await http.get('/compliance/follow-ups')).body.items;
    expect(open.map((row: { ticketId: string }) => row.ticketId).sort()).toEqual(['T10', 'T2', 'T2', 'T5', 'T7']);
    expect(open.every((row: { notificationOnTime: boolean | null }) => row.notificationOnTime === null)).toBe(true);
    // The breach log shows the waiver beside the breach.
    const log = (await http.get('/compliance/breaches?period=2026-03&timeZone=Europe/Berlin')).body.items;
    expect(log.find((row: { eventId: string }) => row.eventId === t5)).toMatchObject({
      retractedAt: null,
      waiver: { approvedBy: 'Bob Meyer (Finance)', reason: 'customer asked to hold the mailbox move' },
    });
  });

  it('reports the process KPIs against their goals (hand-computed)', async () => {
    const kpis = (await http.get('/compliance/agreements/email-sla/kpis?period=2026-03&timeZone=Europe/Berlin')).body;
    expect(
      kpis.map((row: { kpi: string; value: string; numerator: number; denominator: number | null; met: boolean }) => [
        row.kpi,
        row.value,
        row.numerator,
        row.denominator,
        row.met,
      ]),
    ).toEqual([
      // Ticket targets with tickets: P2 response, P3 resolution, P4 response met; P1 ×2, P2 resolution, P3 response, P4
      // resolution and availability not.
      ['all-targets-met', '33.33', 3, 9, false],
      // Incident responses T1, T3, T4, T6, T7 met; T2, T5 breached.
      ['incidents-within-response-target', '71.42', 5, 7, false],
      // Rated 4, 3, 5: two of three satisfied.
      ['customer-satisfaction', '66.66', 2, 3, false],
      ['complaints-handled', '50.00', 1, 2, false],
      // T1 and T2 were major incidents.
      ['major-incidents-per-year', '2', 2, null, false],
    ]);
  });

  it('measures availability for March against the 99.5 % target (hand-computed)', async () => {
    const body = (await http.get('/compliance/agreements/email-sla/availability?period=2026-03&timeZone=Europe/Berlin'))
      .body;
    expect(body.terms).toHaveLength(1);
    // 22 working days × 8 h = 176 h agreed; downtime O1 1.5 h + O2 0.5 h + O4 1 h = 3 h; 173 / 176 = 98.295454…%.
    expect(body.terms[0]).toMatchObject({
      serviceId: 'email',
      version: 1,
      agreedServiceTime: 176 * HOUR,
      downtime: 3 * HOUR,
      excludedMaintenanceDowntime: 1 * HOUR,
      maintenanceTime: 2 * HOUR,
      availabilityPercent: '98.295454',
      targetPercentage: 99.5,
      targetMet: false,
      // 0.5 % of 176 h = 52.8 min allowed.
      remainingDowntimeBudget: 52.8 * MINUTE - 3 * HOUR,
      failures: 3,
      // O1 1.5 h, O2 2 h, O4 2 h of wall-clock time to restore.
      meanTimeToRestore: (5.5 * HOUR) / 3,
      meanTimeBetweenFailures: (173 * HOUR) / 3,
    });
    expect(body.allTargetsMet).toBe(false);
    const service = (
      await http.get(
        '/compliance/services/email/availability?calendarId=round-the-clock&from=2026-03-01T00:00:00%2B01:00&to=2026-04-01T00:00:00%2B02:00',
      )
    ).body;
    // Round the clock: 31 days − 1 h (DST) = 743 h; downtime 1.5 + 1 + 28 (O3) + 1 = 31.5 h.
    expect(service).toMatchObject({ agreedServiceTime: 743 * HOUR, downtime: 31.5 * HOUR, targetMet: null });
  });

  it('gives availability per day with by=day: the outages, maintenance and version of each day (hand-computed)', async () => {
    const body = (
      await http.get('/compliance/agreements/email-sla/availability?period=2026-03&timeZone=Europe/Berlin&by=day')
    ).body;
    const days = body.terms[0].days as { date: string; downtime: number; agreedServiceTime: number }[];
    // Every day of March in Berlin, the 29th 23 h long (DST); the days add up to the month's figures.
    expect(days.map((day) => day.date)).toEqual(
      Array.from({ length: 31 }, (_, index) => `2026-03-${String(index + 1).padStart(2, '0')}`),
    );
    expect(days.reduce((sum, day) => sum + day.agreedServiceTime, 0)).toBe(176 * HOUR);
    expect(days.reduce((sum, day) => sum + day.downtime, 0)).toBe(3 * HOUR);
    const day = (date: string) => days.find((entry) => entry.date === date);
    // 3 March: O1 1.5 h of 8 h → 81.25 %. 25 March: O4 13:00–15:00, its first hour inside MW-1 12:00–14:00.
    expect(day('2026-03-03')).toMatchObject({
      from: '2026-03-02T23:00:00.000Z',
      to: '2026-03-03T23:00:00.000Z',
      agreedServiceTime: 8 * HOUR,
      downtime: 1.5 * HOUR,
      availabilityPercent: '81.250000',
      failures: 1,
      outages: [
        {
          outageId: 'O1',
          start: '2026-03-03T09:00:00.000Z',
          end: '2026-03-03T10:30:00.000Z',
          impact: 'full',
          downtime: 1.5 * HOUR,
          excluded: 0,
        },
      ],
      maintenance: [],
    });
    expect(day('2026-03-25')).toMatchObject({
      downtime: HOUR,
      excludedMaintenanceDowntime: HOUR,
      maintenanceTime: 2 * HOUR,
      availabilityPercent: '87.500000',
      outages: [{ outageId: 'O4', downtime: HOUR, excluded: HOUR }],
      maintenance: [{ start: '2026-03-25T11:00:00.000Z', end: '2026-03-25T13:00:00.000Z' }],
    });
    // O3 fell on a weekend: no service time, nothing lost, no availability figure for the day.
    expect(day('2026-03-21')).toMatchObject({
      agreedServiceTime: 0,
      downtime: 0,
      availabilityPercent: null,
      outages: [],
    });
    // Without by=day the answer is as before.
    expect(
      (await http.get('/compliance/agreements/email-sla/availability?period=2026-03&timeZone=Europe/Berlin')).body
        .terms[0].days,
    ).toBeUndefined();
    const service = (
      await http.get(
        '/compliance/services/email/availability?calendarId=round-the-clock&period=2026-03&timeZone=Europe/Berlin&by=day',
      )
    ).body;
    expect(service.days).toHaveLength(31);
    // Round the clock, O3 from Saturday 08:00 to Sunday 12:00: 16 h of the 21st, 12 h of the 22nd (DST is the 29th).
    expect(service.days[20]).toMatchObject({ date: '2026-03-21', agreedServiceTime: 24 * HOUR, downtime: 16 * HOUR });
    expect(service.days[21]).toMatchObject({ date: '2026-03-22', agreedServiceTime: 24 * HOUR, downtime: 12 * HOUR });
    expect(
      (await http.get('/compliance/services/email/availability?calendarId=round-the-clock&period=2026-03&by=week'))
        .status,
    ).toBe(400);
  });

  it('gives the same rows when the compliance projection is rebuilt from position zero', async () => {
    const snapshot = async () => {
      const client = new Client({ connectionString: api.databaseUrl });
      await client.connect();
      const tables: Record<string, unknown[]> = {};
      for (const [table, order] of [
        ['ticket_sla_status', 'ticket_id, agreement_id, metric'],
        ['sla_detection', 'event_id'],
        ['compliance_ticket', 'ticket_id'],
        ['compliance_agreement', 'agreement_id'],
        ['compliance_calendar', 'calendar_id'],
        ['breach_follow_up', 'breach_event_id'],
        ['kpi_ticket', 'ticket_id'],
      ]) {
        tables[table] = (await client.query(`select * from ${table} order by ${order}`)).rows;
      }
      await client.end();
      return tables;
    };
    const live = await snapshot();
    expect(live.ticket_sla_status).toHaveLength(18);
    await api.infrastructure.projections.rebuild('ticket-sla');
    await api.infrastructure.projections.rebuild('breach-follow-ups');
    await api.infrastructure.projections.rebuild('kpi-tickets');
    expect(await snapshot()).toEqual(live);
  });

  it("replays the agreement event by event and T4's clocks fact by fact (why it breached)", async () => {
    const agreement = (await http.get('/audit/agreements/email-sla/replay')).body;
    expect(agreement.map((step: { type: string; actor: string }) => [step.type, step.actor])).toEqual([
      ['AgreementDrafted', 'slm.alice'],
      ['AgreementVersionSubmitted', 'slm.alice'],
      ['AgreementVersionSigned', 'slm.alice'],
      ['AgreementVersionSigned', 'finance.bob'],
      ['AgreementVersionApproved', 'finance.bob'],
    ]);
    expect(agreement[2].state.versions[0]).toMatchObject({ status: 'submitted', signedBy: ['provider: Alice Chen'] });
    expect(agreement[4].state.versions[0]).toMatchObject({
      status: 'approved',
      approvedAt: '2026-02-13T10:00:00+01:00',
      signedBy: ['provider: Alice Chen', 'counterparty: Bob Meyer'],
    });

    const steps = (await http.get('/audit/tickets/T4/clock-replay')).body;
    const resolution = (step: {
      clocks: { metric: string; state: string; elapsedMs: number; breachedAt: string | null }[];
    }) => {
      const clock = step.clocks.find((entry) => entry.metric === 'resolution')!;
      return [clock.state, clock.elapsedMs / HOUR, clock.breachedAt];
    };
    expect(steps.map((step: { type: string; occurredAt: string }) => [step.type, step.occurredAt])).toEqual([
      ['TicketOpened', '2026-03-12T09:00:00+01:00'],
      ['TicketAcknowledged', '2026-03-12T09:30:00+01:00'],
      ['TicketPausedAwaitingCustomer', '2026-03-12T12:00:00+01:00'],
      ['TicketResumed', '2026-03-16T09:00:00+01:00'],
      ['TicketResolved', '2026-03-17T15:00:00+01:00'],
    ]);
    // Running 3 h, paused for the customer, resumed with 9 h left, breached on Tuesday 10:00 after 12 h, resolved at 17
    // h.
    expect(steps.map(resolution)).toEqual([
      ['running', 0, null],
      ['running', 0.5, null],
      ['paused', 3, null],
      ['running', 3, null],
      ['breached', 17, '2026-03-17T09:00:00.000Z'],
    ]);
  });

  it('evaluates March under candidate targets beside the version in force (what-if), storing nothing', async () => {
    const candidate = {
      title: 'E-mail SLA, proposal',
      services: ['email'],
      serviceTargets: [
        target('P1', [0.5, 'round-the-clock'], [2, 'round-the-clock']),
        target('P2', [4, 'office-berlin'], [20, 'office-berlin']),
        target('P3', [10, 'office-berlin'], [5, 'office-berlin'], 'working-days'),
        target('P4', [16, 'office-berlin'], [40, 'office-berlin']),
      ],
      effectiveFrom: '2026-05-01T00:00:00+02:00',
    };
    const events = async () => {
      const client = new Client({ connectionString: api.databaseUrl });
      await client.connect();
      const { rows } = await client.query<{ count: string }>('select count(*) from event_store.events');
      await client.end();
      return Number(rows[0].count);
    };
    const before = await events();
    const response = await http.post('/compliance/agreements/email-sla/what-if', {
      period: '2026-03',
      timeZone: 'Europe/Berlin',
      content: candidate,
    });
    expect(response.status).toBe(200);
    const changed = response.body.tickets
      .filter((row: { changed: boolean }) => row.changed)
      .map((row: { ticketId: string; metric: string; inForce: { state: string }; candidate: { state: string } }) => [
        row.ticketId,
        row.metric,
        row.inForce.state,
        row.candidate.state,
      ]);
    // By opening time. T5 answered in 9 h (10 h allowed now); T4 resolved in 17 h (20 h allowed); T10 and T7 are judged
    // as of their last fact, still running.
    expect(changed).toEqual([
      ['T4', 'resolution', 'breached', 'met'],
      ['T5', 'response', 'breached', 'met'],
      ['T10', 'resolution', 'breached', 'running'],
      ['T7', 'resolution', 'breached', 'running'],
    ]);
    expect(response.body.totals).toEqual([
      {
        metric: 'response',
        inForce: { met: 7, breached: 2, percentWithinTarget: '77.7777' },
        candidate: { met: 8, breached: 1, percentWithinTarget: '88.8888' },
      },
      {
        metric: 'resolution',
        inForce: { met: 5, breached: 4, percentWithinTarget: '55.5555' },
        candidate: { met: 6, breached: 1, percentWithinTarget: '85.7142' },
      },
    ]);
    // Content given is judged by no version; a version named is, on every row.
    const candidateVersions = (rows: { candidate: { version: number | null } | null }[]) =>
      rows.map((row) => row.candidate?.version);
    expect(candidateVersions(response.body.tickets)).toEqual(response.body.tickets.map(() => null));
    const byVersion = await http.post('/compliance/agreements/email-sla/what-if', {
      period: '2026-03',
      timeZone: 'Europe/Berlin',
      version: 1,
    });
    expect(byVersion.body.tickets).toHaveLength(response.body.tickets.length);
    expect(candidateVersions(byVersion.body.tickets)).toEqual(byVersion.body.tickets.map(() => 1));
    expect(
      (await http.post('/compliance/agreements/email-sla/what-if', { period: '2026-03', version: 7 })).body.error.code,
    ).toBe('VERSION_NOT_FOUND');
    expect(
      (await http.post('/compliance/agreements/email-sla/what-if', { period: '2026-03' })).body.error.issues[0].path,
    ).toBe('version');
    expect(await events()).toBe(before);
  });

  it('exports an evidence bundle with the built CLI and verifies it offline; an edited bundle fails', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'sla-evidence-'));
    const out = path.join(directory, 'email-sla-2026-03.json');
    const exported = await cli(
      [
        'audit',
        'export',
        '--agreement',
        'email-sla',
        '--period',
        '2026-03',
        '--time-zone',
        'Europe/Berlin',
        '--out',
        out,
      ],
      {
        DATABASE_URL: api.databaseUrl,
        AUDIT_SIGNING_KEY_FILE: path.join(directory, 'key.pem'),
      },
    );
    expect(exported).toMatchObject({ code: 0, output: expect.stringMatching(/wrote .* \(\d+ events with proofs/) });
    const bundle = JSON.parse(readFileSync(out, 'utf8'));
    expect(bundle.figures.kpis.map((row: { kpi: string; value: string }) => [row.kpi, row.value])).toContainEqual([
      'incidents-within-response-target',
      '71.42',
    ]);
    expect(bundle.figures.availability.terms[0].availabilityPercent).toBe('98.295454');
    expect(
      bundle.events
        .filter((event: { streamName: string }) => event.streamName === 'ticket-T4')
        .map((event: { type: string }) => event.type),
    ).toEqual([
      'TicketOpened',
      'TicketAcknowledged',
      'TicketPausedAwaitingCustomer',
      'TicketResumed',
      'TicketResolved',
    ]);
    expect(readFileSync(out.replace('.json', '.html'), 'utf8')).toContain('98.295454');

    // Offline: no database in the environment.
    const verified = await cli(['audit', 'verify-bundle', out]);
    expect(verified).toMatchObject({ code: 0, output: expect.stringMatching(/^VERIFIED: \d+ events proven/m) });
    const edited = structuredClone(bundle);
    const resolved = edited.events.find(
      (event: { streamName: string; type: string }) =>
        event.streamName === 'ticket-T4' && event.type === 'TicketResolved',
    );
    resolved.data.occurredAt = '2026-03-16T15:00:00+01:00';
    writeFileSync(path.join(directory, 'edited.json'), JSON.stringify(edited));
    const refused = await cli(['audit', 'verify-bundle', path.join(directory, 'edited.json')]);
    expect(refused.code).toBe(3);
    expect(refused.output).toMatch(
      new RegExp(`event ${resolved.id} \\(TicketResolved\\) does not hash to its stated leaf`),
    );

    // Relabelled to another period, and with the period's breaches taken out: both named, by the built CLI.
    const relabelled = { ...structuredClone(bundle), period: { ...bundle.period, label: '2026-02' } };
    relabelled.events = relabelled.events.filter((event: { type: string }) => event.type !== 'TicketSlaBreached');
    writeFileSync(path.join(directory, 'relabelled.json'), JSON.stringify(relabelled));
    const relabelledResult = await cli(['audit', 'verify-bundle', path.join(directory, 'relabelled.json')]);
    expect(relabelledResult.code).toBe(3);
    expect(relabelledResult.output).toContain(
      "the bundle is labelled period '2026-02', but its logged manifest is for period '2026-03'",
    );
    expect(relabelledResult.output).toMatch(/figure breaches: the stated figures list breach [0-9a-f-]{36}, which no/);

    // Availability is measured again from the bundled outages and maintenance: without the maintenance window, O4's
    // excluded hour counts, and the stated 98.295454 % no longer follows from the events.
    const bundledStreams = new Set(bundle.events.map((event: { streamName: string }) => event.streamName));
    for (const stream of ['outage-O1', 'outage-O2', 'outage-O4', 'maintenance-MW-1'])
      expect(bundledStreams).toContain(stream);
    const withoutMaintenance = structuredClone(bundle);
    withoutMaintenance.events = withoutMaintenance.events.filter(
      (event: { streamName: string }) => event.streamName !== 'maintenance-MW-1',
    );
    writeFileSync(path.join(directory, 'without-maintenance.json'), JSON.stringify(withoutMaintenance));
    const withoutMaintenanceResult = await cli([
      'audit',
      'verify-bundle',
      path.join(directory, 'without-maintenance.json'),
    ]);
    expect(withoutMaintenanceResult.code).toBe(3);
    expect(withoutMaintenanceResult.output).toMatch(
      /figure availability: term email version 1 from \S+ downtime is stated as 10800000, the bundle's events give 14400000/,
    );

    // The same questions from the command line.
    const database = {
      DATABASE_URL: api.databaseUrl,
      AUDIT_SIGNING_KEY_FILE: path.join(directory, 'key.pem'),
      LOG_LEVEL: 'error',
    };
    const json = (output: string) => JSON.parse(output.slice(output.search(/^[[{]/m)));
    const replay = await cli(['audit', 'replay', '--ticket', 'T4'], database);
    expect(replay.code).toBe(0);
    expect(json(replay.output).map((step: { type: string }) => step.type)).toEqual([
      'TicketOpened',
      'TicketAcknowledged',
      'TicketPausedAwaitingCustomer',
      'TicketResumed',
      'TicketResolved',
    ]);
    const whatIf = await cli(
      [
        'audit',
        'what-if',
        '--agreement',
        'email-sla',
        '--period',
        '2026-03',
        '--time-zone',
        'Europe/Berlin',
        '--version',
        '1',
      ],
      database,
    );
    expect(whatIf.code).toBe(0);
    expect(json(whatIf.output).totals[0]).toMatchObject({ metric: 'response', inForce: { met: 7, breached: 2 } });
    expect(json(whatIf.output).tickets[0].candidate.version).toBe(1);
  }, 60_000);

  it('refuses a malformed period naming the parameter', async () => {
    expect(await http.get('/compliance/agreements/email-sla/availability?period=March')).toMatchObject({
      status: 400,
      body: { error: { issues: [{ path: 'period' }] } },
    });
    expect(await http.get('/compliance/agreements/nope/availability?period=2026-03')).toMatchObject({
      status: 404,
      body: { error: { code: 'AGREEMENT_NOT_FOUND' } },
    });
  });

  // Last: it adds a late fact to March.
  it('generates, reviews, approves (four eyes) and publishes the March report late, then restates it as revision 2 after a late fact', async () => {
    const generated = await http.post('/reports', {
      agreementId: 'email-sla',
      period: '2026-03',
      timeZone: 'Europe/Berlin',
      audience: 'customer',
      calendarId: 'office-berlin',
    });
    expect(generated).toMatchObject({
      status: 201,
      body: { reportId: 'email-sla-2026-03-customer', events: ['ServiceReportDrafted'] },
    });
    const id = 'email-sla-2026-03-customer';
    expect((await http.post(`/reports/${id}/approval`, {})).body.error.code).toBe('WRONG_STATUS');
    expect((await http.post(`/reports/${id}/review`, { notes: 'figures checked against the breach log' })).status).toBe(
      200,
    );
    expect((await http.post(`/reports/${id}/approval`, {})).body.error.code).toBe('APPROVER_IS_AUTHOR');
    expect((await http.post(`/reports/${id}/approval`, {}, { 'x-actor': 'bob.approver' })).status).toBe(200);
    expect((await http.post(`/reports/${id}/publication`, {})).status).toBe(200);

    // Due by 10 April (a working day in this calendar), published on 15 April 12:00 UTC: late by 4 days 14 hours.
    const listed = await eventually(async () => {
      const reports = (await http.get('/reports')).body.items;
      return reports[0]?.publishedAt ? reports : undefined;
    });
    expect(listed[0]).toMatchObject({
      reportId: id,
      dueDate: '2026-04-10',
      deadline: '2026-04-10T22:00:00.000Z',
      onTime: false,
      lateByMs: (4 * 24 + 14) * HOUR,
      overdue: false,
    });
    const first = (await http.get(`/reports/${id}/revisions/1`)).body;
    expect(first).toMatchObject({
      status: 'published',
      draftedBy: 'slm.alice',
      approvedBy: 'bob.approver',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(
      first.content.kpis.find((row: { kpi: string }) => row.kpi === 'incidents-within-response-target').value,
    ).toBe('71.42');
    expect((await http.post(`/reports/${id}/revisions`, { reason: 'check' })).body.error.code).toBe(
      'NOTHING_TO_RESTATE',
    );

    // The published report as a PDF, read back with poppler's pdftotext: the hand-computed March figures,
    // and on every page the agreement, period, version in force, revision and page number.
    const pdfFolder = mkdtempSync(path.join(tmpdir(), 'march-report-'));
    const download = async (revision: number) => {
      const response = await fetch(`${api.baseUrl}/reports/${id}/revisions/${revision}/pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await response.arrayBuffer());
      const file = path.join(pdfFolder, `revision-${revision}-${Date.now()}.pdf`);
      writeFileSync(file, bytes);
      return { bytes, file, etag: response.headers.get('etag') };
    };
    const publishedPdf = await download(1);
    const pdf = pdfText(publishedPdf.file);
    // The content keeps the exact figures; tables show them cut (never rounded) to two places.
    expect(first.content.availability[0]).toMatchObject({
      availabilityPercent: '98.295454',
      targetPercentage: 99.5,
      targetMet: false,
    });
    // Availability 98.295454 % against 99.5 %; P1 50 %, P2 resolution 33.33 %, P4 resolution 66.66 % within target;
    // KPIs.
    for (const figure of [
      '98.29 %',
      '99.50 %',
      '50.00 %',
      '33.33 %',
      '66.66 %',
      '71.42 %',
      'mail client profile',
      'Drafted by: slm.alice',
      'Approved by: bob.approver',
    ])
      expect(pdf).toContain(figure);
    for (const exact of ['98.295454', '50.0000', '33.3333']) expect(pdf).not.toContain(exact);
    for (const ticket of ['T2', 'T4', 'T5', 'T7']) expect(pdf).toMatch(new RegExp(`\\b${ticket}\\b`));
    expect(pdf).toContain('Service report: E-mail SLA — Finance — March 2026');
    // T4's resolution breach, 09:00 UTC, on the Berlin wall clock; the agreed time beside the actual.
    expect(pdf).toContain('17 Mar 2026 10:00');
    expect(pdf).toMatch(/email\s+P2\s+resolution\s+12 business hours\s+1\s+2\s+0\s+33\.33 %\s+no/);
    // The executive summary, from the same figures: 3 of 9 targets met, as the all-targets-met KPI (33.33 %) counts
    // them.
    const summary = pdfText(publishedPdf.file, 1).replace(/\s+/g, ' ');
    expect(summary).toContain(
      '3 of 9 targets met; missed: Availability email, email P1 response, email P1 resolution, email P2 resolution, email P3 response, email P4 resolution',
    );
    expect(summary).toContain('Availability of email: 98.29 % against a target of 99.50 % (missed)');
    expect(summary).toContain('Breaches: 5 (P1: 2, P2: 2, P3: 1)');
    expect(summary).toContain('Service credits triggered: 1 (T4 resolution: 2 % of the monthly fee per breach)');
    // The agreement took effect on 1 March: no trend rows for the months before it.
    expect(first.content.trendFrom).toBe('2026-03');
    expect(first.content.trend.map((point: { period: string }) => point.period)).toEqual(['2026-03']);
    expect(pdf).not.toMatch(/(January|February) 2026/);
    const pages = pdfPageCount(publishedPdf.file);
    expect(pdf.match(/Page \d+ of \d+/g)).toEqual(
      Array.from({ length: pages }, (_, index) => `Page ${index + 1} of ${pages}`),
    );
    for (let page = 1; page <= pages; page += 1) {
      const pageText = pdfText(publishedPdf.file, page);
      expect(pageText).toContain(
        'Agreement: E-mail SLA (email-sla) · Customer: Finance · Period: March 2026 (Europe/Berlin)',
      );
      expect(pageText).toContain('Version in force: 1 · Revision 1 · Status: published');
    }
    // Published: no draft mark on any page.
    expect(execFileSync('pdftotext', ['-raw', publishedPdf.file, '-'], { encoding: 'utf8' })).not.toMatch(/DRAFT/);

    // Every breach as CSV, most severe first: P1 (T2's two), then P2 by time (T4, T7), then P3 (T5).
    const csvResponse = await fetch(`${api.baseUrl}/reports/${id}/revisions/1/breaches.csv`);
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csvResponse.headers.get('content-disposition')).toBe(`attachment; filename="${id}-r1-breaches.csv"`);
    const csvRows = (await csvResponse.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(csvRows[0]).toMatch(/^ticket_id,metric,priority,agreement_version,breached_at,/);
    expect(csvRows.slice(1).map((row) => row.split(',').slice(0, 3).join(' '))).toEqual([
      'T2 response P1',
      'T2 resolution P1',
      'T4 resolution P2',
      'T7 resolution P2',
      'T5 response P3',
    ]);
    expect(csvRows[3]).toContain(',2026-03-17T09:00:00.000Z,');
    expect(csvRows[3]).toContain(',mail client profile corrupted by an update,');
    expect((await fetch(`${api.baseUrl}/reports/${id}/revisions/9/breaches.csv`)).status).toBe(404);

    // T10 was in fact resolved on 31 March, before its breach instant; the record arrives only now.
    beforeLateResolution = new Date();
    expect(
      (
        await http.post('/tickets/T10/facts', {
          source: 'servicenow',
          externalId: 'late-1',
          type: 'TicketResolved',
          data: { resolution: 'refund issued', occurredAt: '2026-03-31T10:00:00+02:00' },
        })
      ).status,
    ).toBe(201);
    await eventually(async () => {
      const figures = (
        await http.get('/compliance/agreements/email-sla/response-resolution?period=2026-03&timeZone=Europe/Berlin')
      ).body;
      return figures.find(
        (row: { priority: string; metric: string }) => row.priority === 'P4' && row.metric === 'resolution',
      )?.breached === 0
        ? true
        : undefined;
    }, 20_000);
    const revised = await http.post(`/reports/${id}/revisions`, {
      reason: 'T10 resolution recorded late: March restated',
    });
    expect(revised).toMatchObject({ status: 201, body: { events: ['ServiceReportDrafted'] } });
    const second = await eventually(async () => {
      const response = await http.get(`/reports/${id}/revisions/2`);
      return response.status === 200 ? response.body : undefined;
    });
    expect(second).toMatchObject({
      revision: 2,
      status: 'draft',
      reason: 'T10 resolution recorded late: March restated',
    });
    expect(second.contentHash).not.toBe(first.contentHash);
    // Changes keyed by what they are about: T10's P4 resolution no longer breached; no row is "changed" by a shift of
    // position.
    const p4Resolution = {
      section: 'responseResolution',
      key: { serviceId: 'email', priority: 'P4', metric: 'resolution' },
      change: 'changed',
    };
    expect(second.changesFromPrevious).toContainEqual({
      ...p4Resolution,
      fields: expect.arrayContaining([
        { field: 'breached', before: 1, after: 0 },
        { field: 'percentWithinTarget', before: '66.6666', after: '100.0000' },
      ]),
    });
    expect(second.changesFromPrevious.filter((change: { section: string }) => change.section === 'breaches')).toEqual(
      [],
    );
    // Revision 1 is unchanged: the same content and hash as published.
    expect((await http.get(`/reports/${id}/revisions/1`)).body).toMatchObject({
      contentHash: first.contentHash,
      content: first.content,
    });
    // Its PDF too: the same bytes as on the day of publication. Revision 2 shows the restated figure and why.
    const againPdf = await download(1);
    expect(againPdf.bytes.equals(publishedPdf.bytes)).toBe(true);
    expect(againPdf.etag).toBe(publishedPdf.etag);
    const restatedPdf = await download(2);
    const restated = pdfText(restatedPdf.file);
    expect(restated).toContain('T10 resolution recorded late: March restated');
    expect(restated).toMatch(/Revision 2 · Status: draft/);
    expect(restated.replace(/\s+/g, ' ')).toContain('4 of 9 targets met');
    // Not yet published: every page carries the draft mark (drawn on a slant, so read in content order).
    for (let page = 1; page <= pdfPageCount(restatedPdf.file); page += 1) {
      expect(
        execFileSync('pdftotext', ['-raw', '-f', String(page), '-l', String(page), restatedPdf.file, '-'], {
          encoding: 'utf8',
        }),
      ).toMatch(/^DRAFT$/m);
    }
    const comparison = (await http.get(`/reports/${id}/comparison?from=1&to=2`)).body;
    expect(comparison).toMatchObject({
      from: { revision: 1, contentHash: first.contentHash },
      to: { revision: 2, reason: 'T10 resolution recorded late: March restated' },
    });
    expect(comparison.changes).toEqual(second.changesFromPrevious);
    expect(comparison.changes.map((change: { section: string }) => change.section)).toContain('kpis');

    // The internal process-KPI report for April counts the customer reports due in April: March's, published late.
    const internal = await http.post('/reports', {
      agreementId: 'email-sla',
      period: '2026-04',
      timeZone: 'Europe/Berlin',
      audience: 'internal',
      calendarId: 'office-berlin',
      sections: ['kpis'],
    });
    expect(internal).toMatchObject({ status: 201, body: { reportId: 'email-sla-2026-04-internal' } });
    const internalContent = await eventually(async () => {
      const response = await http.get('/reports/email-sla-2026-04-internal/revisions/1');
      return response.status === 200 ? response.body.content : undefined;
    });
    expect(internalContent.kpis.find((kpi: { kpi: string }) => kpi.kpi === 'reports-published-on-time')).toMatchObject({
      value: '0.00',
      numerator: 0,
      denominator: 1,
      goal: '100 %',
      met: false,
    });
    expect(internalContent.availability).toBeUndefined();

    // Printable pages, English and Chinese, with the figures, charts and the version on top.
    const page = async (language: string) => {
      const response = await fetch(`${api.baseUrl}/reports/${id}/revisions/1/html?language=${language}`);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      return response.text();
    };
    const english = await page('en');
    expect(english).toContain('98.29 %');
    expect(english).toContain(first.contentHash);
    expect(english).toMatch(/Version in force: 1/);
    expect(english).not.toContain('class="watermark"');
    // Charts: availability, compliance, breaches per priority; a trend of one period (March) has none.
    expect(english.match(/<svg /g)).toHaveLength(3);
    expect((await http.get(`/reports/email-sla-2026-04-internal/revisions/1/breaches.csv`)).status).toBe(404);
    expect(english).toContain('Trend over the last periods');
    const chinese = await page('zh');
    // README's sample output is this scenario's report: SAMPLE_OUTPUT_DIR=docs/samples writes it there.
    const samples = process.env.SAMPLE_OUTPUT_DIR;
    if (samples) {
      const chinesePdf = Buffer.from(
        await (await fetch(`${api.baseUrl}/reports/${id}/revisions/1/pdf?language=zh`)).arrayBuffer(),
      );
      writeFileSync(path.join(samples, 'service-report-email-sla-2026-03-r1.pdf'), publishedPdf.bytes);
      writeFileSync(path.join(samples, 'service-report-email-sla-2026-03-r1-zh.pdf'), chinesePdf);
      writeFileSync(
        path.join(samples, 'service-report-email-sla-2026-03-r2.pdf'),
        readFileSync((await download(2)).file),
      );
      writeFileSync(path.join(samples, 'service-report-email-sla-2026-03-r1.html'), english);
    }
    for (const words of [
      '服务报告：E-mail SLA — Finance — 2026年3月',
      '可用性',
      '71.42 %',
      '状态：已发布',
      '全部目标达成',
      '2026年3月17日 10:00',
      '12 个工作小时',
      '执行摘要',
    ])
      expect(chinese).toContain(words);
    for (const english of ['>published<', 'all-targets-met', '>open<', '>closed<'])
      expect(chinese).not.toContain(english);
  }, 60_000);
  // After the report: late facts change the closed month; what was known at any recorded time stays answerable.
  it('answers availability and the breach log as known at a recorded time beside what is known now', async () => {
    const availability = async (knownAt?: Date) =>
      (
        await http.get(
          `/compliance/agreements/email-sla/availability?period=2026-03&timeZone=Europe/Berlin${knownAt ? `&knownAt=${encodeURIComponent(knownAt.toISOString())}` : ''}`,
        )
      ).body.terms[0].availabilityPercent;
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    const beforeStart = new Date();
    await tick();
    // O5 on Tuesday 31 March from 16:00 (summer time): while only its start is known it runs to the
    // end of the month's service hours, 1 h: 176 − 3 − 1 = 172 h, 97.727272…%.
    expect(
      (
        await http.post('/outages/O5/facts', {
          source: 'statuspage',
          externalId: 'O5/start',
          type: 'OutageStarted',
          data: { serviceId: 'email', impact: 'full', occurredAt: '2026-03-31T16:00:00+02:00' },
        })
      ).status,
    ).toBe(201);
    await eventually(async () => ((await availability()) === '97.727272' ? true : undefined));
    await tick();
    const beforeEnd = new Date();
    await tick();
    // Its end, 16:30, arrives later: 176 − 3.5 = 172.5 h, 98.011363…%.
    expect(
      (
        await http.post('/outages/O5/facts', {
          source: 'statuspage',
          externalId: 'O5/end',
          type: 'OutageEnded',
          data: { occurredAt: '2026-03-31T16:30:00+02:00' },
        })
      ).status,
    ).toBe(201);
    await eventually(async () => ((await availability()) === '98.011363' ? true : undefined));
    expect(await availability(beforeStart)).toBe('98.295454');
    expect(await availability(beforeEnd)).toBe('97.727272');
    expect(
      (await http.get('/compliance/agreements/email-sla/availability?period=2026-03&knownAt=yesterday')).body.error
        .issues[0].path,
    ).toBe('knownAt');

    // T10's breach (3 April) as the log stood before its late resolution, and as it stands now.
    const t10 = async (knownAt?: Date) =>
      (
        (
          await http.get(
            `/compliance/breaches?from=2026-04-01T00:00:00Z&to=2026-05-01T00:00:00Z${knownAt ? `&knownAt=${encodeURIComponent(knownAt.toISOString())}` : ''}`,
          )
        ).body.items as { ticketId: string; retractedAt: string | null; facts: { type: string }[] }[]
      ).find((breach) => breach.ticketId === 'T10');
    const then = await t10(beforeLateResolution);
    expect(then).toMatchObject({ retractedAt: null });
    expect(then!.facts.map((fact) => fact.type)).not.toContain('resolved');
    // The SLA watch records the correction on its next pass.
    const known = await eventually(async () => {
      const breach = await t10();
      return breach?.retractedAt ? breach : undefined;
    });
    expect(known.facts.map((fact) => fact.type)).toContain('resolved');

    // Every view as known before the late resolution, rebuilt by replaying only what had been recorded:
    // it reproduces what the published March report said.
    const publishedRevision = (await http.get('/reports/email-sla-2026-03-customer/revisions/1')).body;
    const reported = publishedRevision.content;
    const asKnown = await cli(
      [
        'audit',
        'as-known',
        '--agreement',
        'email-sla',
        '--period',
        '2026-03',
        '--time-zone',
        'Europe/Berlin',
        '--known-at',
        beforeLateResolution.toISOString(),
      ],
      { DATABASE_URL: api.databaseUrl, LOG_LEVEL: 'error' },
    );
    expect(asKnown.code === 0 ? 'exit 0' : asKnown.output).toBe('exit 0'); // the output tells why otherwise
    const asReported = jsonOutput(asKnown.output);
    const rows = (
      figures: {
        priority: string;
        metric: string;
        met: number;
        breached: number;
        open: number;
        percentWithinTarget: string | null;
      }[],
    ) => figures.map((row) => [row.priority, row.metric, row.met, row.breached, row.open, row.percentWithinTarget]);
    expect(rows(asReported.responseResolution)).toEqual(rows(reported.responseResolution));
    expect(asReported.kpis.map((kpi: { kpi: string; value: string }) => [kpi.kpi, kpi.value])).toEqual(
      reported.kpis.map((kpi: { kpi: string; value: string }) => [kpi.kpi, kpi.value]),
    );
    expect(asReported.availability.terms[0].availabilityPercent).toBe('98.295454');
    const breachRows = (breaches: { ticketId: string; metric: string; retractedAt: string | null }[]) =>
      breaches.map((breach) => [breach.ticketId, breach.metric, breach.retractedAt]);
    expect(breachRows(asReported.breaches)).toEqual(breachRows(reported.breaches));

    // The March review decides on an improvement plan; the evidence bundle now carries the review, the plan,
    // what was reported (both revisions with their hashes) beside what is known now, and the events behind them.
    expect(
      (
        await http.post('/reviews', {
          reviewId: 'march-2026-email',
          kind: 'monthly-internal',
          agreementIds: ['email-sla'],
          periodFrom: '2026-03-01T00:00:00+01:00',
          periodTo: '2026-04-01T00:00:00+02:00',
          scheduledFor: '2026-04-16T09:00:00Z',
        })
      ).status,
    ).toBe(201);
    const minutes = {
      heldAt: '2026-04-16T09:00:00Z',
      attendees: [{ name: 'Alice Chen', role: 'Service level manager', party: 'provider' }],
      minutes: 'P2 resolution missed twice in March.',
      decisions: [
        {
          decisionId: 'improve-p2',
          agreementId: 'email-sla',
          outcome: 'improvement-required',
          rationale: 'P2 resolution 33 %',
          improvement: {
            planId: 'sip-p2-resolution',
            item: 'P2 resolution',
            requirement: 'resolve P2 within 12 business hours',
          },
        },
      ],
    };
    expect((await http.post('/reviews/march-2026-email/minutes', minutes)).status).toBe(200);
    await eventually(async () =>
      (await http.get('/improvement-plans/sip-p2-resolution')).status === 200 ? true : undefined,
    );
    const directory = mkdtempSync(path.join(tmpdir(), 'sla-evidence-after-report-'));
    const out = path.join(directory, 'email-sla-2026-03.json');
    const exported = await cli(
      [
        'audit',
        'export',
        '--agreement',
        'email-sla',
        '--period',
        '2026-03',
        '--time-zone',
        'Europe/Berlin',
        '--out',
        out,
      ],
      { DATABASE_URL: api.databaseUrl, AUDIT_SIGNING_KEY_FILE: path.join(directory, 'key.pem') },
    );
    expect(exported.code === 0 ? 'exit 0' : exported.output).toBe('exit 0');
    const bundle = JSON.parse(readFileSync(out, 'utf8'));
    expect(bundle.figures.reviews).toEqual([
      expect.objectContaining({
        reviewId: 'march-2026-email',
        status: 'held',
        decisions: [expect.objectContaining({ decisionId: 'improve-p2', outcome: 'improvement-required' })],
      }),
    ]);
    expect(bundle.figures.improvementPlans).toEqual([
      expect.objectContaining({ planId: 'sip-p2-resolution', item: 'P2 resolution' }),
    ]);
    const bundledReports = bundle.figures.serviceReports.filter(
      (revision: { reportId: string }) => revision.reportId === 'email-sla-2026-03-customer',
    );
    expect(
      bundledReports.map((revision: { revision: number; status: string; contentHash: string }) => [
        revision.revision,
        revision.status,
        revision.contentHash,
      ]),
    ).toEqual([
      [1, 'published', publishedRevision.contentHash],
      [2, 'draft', expect.any(String)],
    ]);
    expect(bundle.figures.asReportedAndAsCorrected.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ticketId: 'T10', metric: 'resolution', reported: 'breached', corrected: 'met' }),
      ]),
    );
    const bundledTypes = new Set(bundle.events.map((event: { type: string }) => event.type));
    for (const type of ['ServiceReportPublished', 'ReviewHeld', 'ImprovementPlanOpened'])
      expect(bundledTypes).toContain(type);
    expect(await cli(['audit', 'verify-bundle', out])).toMatchObject({
      code: 0,
      output: expect.stringMatching(/^VERIFIED: /m),
    });
    expect(readFileSync(out.replace('.json', '.html'), 'utf8')).toContain('sip-p2-resolution');

    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    // The throw-away schema of the replay is gone.
    expect(
      (await client.query("select schema_name from information_schema.schemata where schema_name like 'known_at_%'"))
        .rows,
    ).toEqual([]);
    await client.end();
    // Now: T10 met its resolution target and O5 is counted.
    const current = (
      await http.get('/compliance/agreements/email-sla/response-resolution?period=2026-03&timeZone=Europe/Berlin')
    ).body;
    expect(rows(current).find((row) => row[0] === 'P4' && row[1] === 'resolution')).toEqual([
      'P4',
      'resolution',
      3,
      0,
      0,
      '100.0000',
    ]);
    expect(
      (
        await cli(['audit', 'as-known', '--agreement', 'email-sla', '--period', '2026-03', '--known-at', 'last week'], {
          DATABASE_URL: api.databaseUrl,
        })
      ).code,
    ).not.toBe(0);
  });
});
