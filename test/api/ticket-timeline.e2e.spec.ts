import { eventually, givenVpnServiceUnderSla, httpClient } from '@sla/test-support';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * A ticket's SLA timeline over HTTP: the facts, the clocks explained step by step in English and Chinese, the
 * service hours to shade. Calendar Mon-Fri 09:00-17:00 Europe/Berlin; P3 resolves in 3 business hours, P1 in 1.
 * Opened P3 Monday 9 March 09:00, acknowledged 09:30, paused awaiting the customer 10:00-12:10, raised to P1 at
 * 12:30: the P1 hour was already used (breached at 12:10, known at 12:30). The API's clock reads 15:00.
 */
describe('ticket SLA timeline (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  const berlin = (time: string) => new Date(`2026-03-09T${time}:00+01:00`).toISOString();
  const now = new Date(berlin('15:00'));

  beforeAll(async () => {
    api = await startTestApi('ticket_timeline', {}, { now: () => now });
    http = httpClient(api.baseUrl, { 'x-actor': 'slm.alice' }, api.conformance);
    const office = {
      id: 'office',
      name: 'Berlin office',
      timeZone: 'Europe/Berlin',
      versions: [
        { weeklyWindows: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ['09:00-17:00']])) },
      ],
    };
    await givenVpnServiceUnderSla(http, {
      calendar: office,
      hours: (priority) => ({ response: 1, resolution: priority === 'P1' ? 1 : 3 }),
    });
    const facts: [string, Record<string, unknown>, string][] = [
      [
        'TicketOpened',
        { ticketType: 'incident', serviceId: 'vpn', priority: 'P3', impact: 'low', major: false, title: 'VPN slow' },
        '09:00',
      ],
      ['TicketAcknowledged', {}, '09:30'],
      ['TicketPausedAwaitingCustomer', { reason: 'waiting for the log files' }, '10:00'],
      ['TicketResumed', {}, '12:10'],
      ['TicketPriorityChanged', { priority: 'P1' }, '12:30'],
    ];
    for (const [index, [type, data, time]] of facts.entries()) {
      const fact = { source: 'jira', externalId: `f-${index}`, type, data: { ...data, occurredAt: berlin(time) } };
      expect((await http.post('/tickets/INC-1/facts', fact)).status).toBe(201);
    }
    // The covering agreement reaches compliance's copy (the timeline reads the ticket's own stream).
    await eventually(async () => ((await http.get('/compliance/tickets/INC-1')).body?.length === 2 ? true : undefined));
  }, 60_000);
  afterAll(() => api?.close());

  it('explains the resolution clock: the pause, the re-target keeping the time used, the breach it revealed', async () => {
    const response = await http.get('/compliance/tickets/INC-1/timeline');
    expect(response.status).toBe(200);
    const timeline = response.body;
    expect(timeline.facts.map((fact: { type: string }) => fact.type)).toEqual([
      'TicketOpened',
      'TicketAcknowledged',
      'TicketPausedAwaitingCustomer',
      'TicketResumed',
      'TicketPriorityChanged',
    ]);
    const resolution = timeline.clocks.find((clock: { metric: string }) => clock.metric === 'resolution');
    expect(resolution).toMatchObject({
      agreementId: 'vpn-sla',
      version: 1,
      state: 'breached',
      priority: 'P1',
      timeZone: 'Europe/Berlin',
      breachedAt: berlin('12:10'),
      pausedMs: (2 * 60 + 10) * 60_000,
      // 09:00-10:00, 12:10-15:00: 3 h 50 min of business time.
      elapsedMs: (3 * 60 + 50) * 60_000,
    });
    expect(resolution.steps.map((step: { kind: string }) => step.kind)).toEqual([
      'started',
      'counted',
      'paused',
      'counted',
      'breached',
      'retargeted',
      'counted',
    ]);
    const texts = resolution.steps.map((step: { text: string }) => step.text);
    expect(texts).toContain(
      'Paused 2 h 10 min awaiting the customer from 9 Mar 2026, 10:00 to 9 Mar 2026, 12:10; no time counted, 1 h so far.',
    );
    expect(texts).toContain(
      'Re-targeted from P3 to P1 at 9 Mar 2026, 12:30, keeping 1 h 20 min elapsed; the P1 target is 1 business hour.',
    );
    expect(resolution.summary).toBe(
      'Result: breached at 9 Mar 2026, 12:10; 3 h 50 min of business time against a 1 h target (P1), paused 2 h 10 min not counted.',
    );
    // The office hours of that Monday, to shade on the axis.
    expect(resolution.serviceHours).toEqual([{ from: berlin('09:00'), to: berlin('15:00') }]);
    const responseClock = timeline.clocks.find((clock: { metric: string }) => clock.metric === 'response');
    expect(responseClock.steps.find((step: { kind: string }) => step.kind === 'stopped')).toMatchObject({
      at: berlin('09:30'),
      by: 'responded',
      totalMs: 30 * 60_000,
    });
    expect(responseClock.state).toBe('met');
  });

  it('speaks Chinese, on the wall clock asked for, and as the clock stood at an earlier instant', async () => {
    const zh = (await http.get('/compliance/tickets/INC-1/timeline?language=zh&timeZone=Asia/Shanghai')).body;
    const resolution = zh.clocks.find((clock: { metric: string }) => clock.metric === 'resolution');
    expect(resolution.timeZone).toBe('Asia/Shanghai');
    expect(resolution.steps[0].text).toBe('2026/3/9 16:00 开始计时：P3，目标 3个工作小时（日历 office）。');
    const earlier = (await http.get(`/compliance/tickets/INC-1/timeline?asOf=${berlin('11:00')}`)).body;
    const paused = earlier.clocks.find((clock: { metric: string }) => clock.metric === 'resolution');
    expect(paused).toMatchObject({ state: 'paused', priority: 'P3', elapsedMs: 60 * 60_000, breachedAt: null });
    expect(paused.summary).toBe(
      'Paused, not yet decided: 1 h of business time against a 3 h target (P3), paused 1 h not counted.',
    );
  });

  it('answers 404 for an unknown ticket and 400 naming a bad parameter', async () => {
    const unknown = await http.get('/compliance/tickets/NOPE-1/timeline');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('TICKET_NOT_FOUND');
    const zone = await http.get('/compliance/tickets/INC-1/timeline?timeZone=Mars/Olympus');
    expect(zone.status).toBe(400);
    expect(zone.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['timeZone']);
  });
});
