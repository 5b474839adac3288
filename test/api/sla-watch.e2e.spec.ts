import { Client } from 'pg';
import { SlaWatch } from '@sla/compliance-feature';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient } from '@sla/test-support';

const MINUTE = 60_000;

/**
 * Live breach detection with a clock the test moves: at-risk and breach
 * events recorded once the instant passes, exactly once with a second
 * watcher racing the first and after a restart, and a correction (never a
 * deletion) when a late fact shows the breach did not happen.
 */
describe('SLA watch: live breach detection (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  let now = new Date('2026-03-02T08:00:00Z');
  // The wall-clock time when the breach had been reported and the late response was not yet recorded.
  let reportedAt: Date;
  const clock = { now: () => now };

  beforeAll(async () => {
    api = await startTestApi('sla_watch', {}, clock);
    http = httpClient(api.baseUrl, { 'x-actor': 'slm.alice' }, api.conformance);
    await http.post('/calendars', {
      definition: { id: 'round-the-clock', name: '24x7', timeZone: 'UTC', versions: [{ weeklyWindows: '24x7' }] },
    });
    await eventually(async () => ((await http.get('/calendars/round-the-clock')).status === 200 ? true : undefined));
    await http.post('/services', {
      serviceId: 'vpn',
      name: 'VPN',
      owner: { name: 'Li Wei' },
      calendarId: 'round-the-clock',
      changeRequest: 'CR-1',
    });
    await eventually(async () => ((await http.get('/services/vpn')).status === 200 ? true : undefined));
    const targets = ['P1', 'P2', 'P3', 'P4'].map((priority) => ({
      serviceId: 'vpn',
      priority,
      response: { duration: { unit: 'business-minutes', amount: 30 }, calendarId: 'round-the-clock' },
      resolution: { duration: { unit: 'business-hours', amount: 4 }, calendarId: 'round-the-clock' },
    }));
    await http.post('/agreements', {
      agreementId: 'vpn-sla',
      kind: 'SLA',
      provider: { name: 'IT' },
      counterparty: { name: 'Sales' },
      content: { title: 'VPN SLA', services: ['vpn'], serviceTargets: targets, effectiveFrom: '2026-03-01T00:00:00Z' },
      occurredAt: '2026-02-01T00:00:00Z',
    });
    await http.post('/agreements/vpn-sla/versions/1/submission', { occurredAt: '2026-02-02T00:00:00Z' });
    const riskAcceptance = { reason: 'pilot' };
    await http.post('/agreements/vpn-sla/versions/1/signatures', {
      party: 'provider',
      signatory: { name: 'A', title: 'SLM' },
      riskAcceptance,
      occurredAt: '2026-02-03T00:00:00Z',
    });
    await httpClient(api.baseUrl, { 'x-actor': 'sales.bea' }, api.conformance).post(
      '/agreements/vpn-sla/versions/1/signatures',
      {
        party: 'counterparty',
        signatory: { name: 'B', title: 'Sales' },
        riskAcceptance,
        occurredAt: '2026-02-03T00:00:00Z',
      },
    );
    // Opened 09:00: at risk at 09:22:30 (75 % of 30 min), breached at 09:30 unless responded.
    // Reported as it happens: a fact more than five minutes ahead of the clock would be refused.
    now = new Date('2026-03-02T09:00:00Z');
    expect(
      (
        await http.post('/tickets/INC-1/facts', {
          source: 'jira',
          externalId: 'o-1',
          type: 'TicketOpened',
          data: {
            ticketType: 'incident',
            serviceId: 'vpn',
            priority: 'P2',
            impact: 'high',
            major: false,
            title: 'VPN down',
            occurredAt: '2026-03-02T09:00:00Z',
          },
        })
      ).status,
    ).toBe(201);
    await eventually(
      async () => ((await http.get('/compliance/tickets/INC-1')).body?.length === 2 ? true : undefined),
      20_000,
    );
  }, 60_000);
  afterAll(() => api?.close());

  async function watchEvents(): Promise<{ type: string; data: Record<string, string> }[]> {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ type: string; data: Record<string, string> }>(
      `select event_type as type, data from event_store.events where stream_name like 'sla\\_watch-%' order by global_position`,
    );
    await client.end();
    return rows;
  }
  const responseEvents = async () =>
    (await watchEvents()).filter((event) => event.data.metric === 'response').map((event) => event.type);

  it('records nothing before the instants, then the at-risk warning and the breach once each, with two watchers racing', async () => {
    const second = new SlaWatch(api.infrastructure.eventStore, api.infrastructure.readStore, clock);
    now = new Date('2026-03-02T09:22:00Z');
    await Promise.all([second.tick(), second.tick()]);
    expect(await responseEvents()).toEqual([]);

    now = new Date('2026-03-02T09:25:00Z');
    await Promise.all([second.tick(), second.tick(), second.tick()]);
    await eventually(async () => ((await responseEvents()).length === 1 ? true : undefined));

    now = new Date('2026-03-02T09:30:00.001Z');
    await Promise.all([second.tick(), second.tick(), second.tick()]);
    const breaches = await eventually(async () => {
      const breached = (await http.get('/compliance/breaches?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z')).body
        .items;
      return breached.length === 1 ? breached : undefined;
    });
    expect(breaches[0]).toMatchObject({
      ticketId: 'INC-1',
      metric: 'response',
      breachedAt: '2026-03-02T09:30:00.000Z',
      targetMs: 30 * MINUTE,
      version: 1,
      retractedAt: null,
    });
    // The app's own watcher keeps ticking meanwhile; a fresh watcher is a restart. Nothing more is recorded.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await new SlaWatch(api.infrastructure.eventStore, api.infrastructure.readStore, clock).tick();
    expect(await responseEvents()).toEqual(['TicketSlaAtRisk', 'TicketSlaBreached']);
    reportedAt = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it('records a correction beside the breach when a late response with an earlier event time arrives', async () => {
    // The response happened at 09:20 but reaches the system only now.
    expect(
      (
        await http.post('/tickets/INC-1/facts', {
          source: 'jira',
          externalId: 'a-1',
          type: 'TicketAcknowledged',
          data: { occurredAt: '2026-03-02T09:20:00Z' },
        })
      ).status,
    ).toBe(201);
    now = new Date('2026-03-02T10:00:00Z');
    const breaches = await eventually(async () => {
      const breached = (await http.get('/compliance/breaches?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z')).body
        .items;
      return breached[0]?.retractedAt ? breached : undefined;
    });
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatchObject({
      retractedAt: '2026-03-02T10:00:00.000Z',
      retractionReason: 'the response clock is met after later facts',
    });
    const clocks = (await http.get('/compliance/tickets/INC-1')).body;
    expect(clocks[0]).toMatchObject({ metric: 'response', state: 'met', elapsedMs: 20 * MINUTE });
    await new SlaWatch(api.infrastructure.eventStore, api.infrastructure.readStore, clock).tick();
    expect(await responseEvents()).toEqual(['TicketSlaAtRisk', 'TicketSlaBreached', 'TicketSlaBreachRetracted']);
    const figures = (await http.get('/compliance/agreements/vpn-sla/response-resolution?period=2026-03')).body;
    expect(figures.find((row: { metric: string }) => row.metric === 'response')).toMatchObject({
      met: 1,
      breached: 0,
      percentWithinTarget: '100.0000',
    });

    // What was reported then, what is known now, and the late fact that made the difference.
    const restatement = (
      await http.get(`/compliance/agreements/vpn-sla/restatement?period=2026-03&reportedAt=${reportedAt.toISOString()}`)
    ).body;
    expect(restatement.asReported.find((row: { metric: string }) => row.metric === 'response')).toMatchObject({
      met: 0,
      breached: 1,
      percentWithinTarget: '0.0000',
    });
    expect(restatement.asCorrected.find((row: { metric: string }) => row.metric === 'response')).toMatchObject({
      met: 1,
      breached: 0,
      percentWithinTarget: '100.0000',
    });
    expect(restatement.changes).toEqual([
      {
        ticketId: 'INC-1',
        metric: 'response',
        reported: 'breached',
        corrected: 'met',
        causedBy: [{ type: 'responded', occurredAt: '2026-03-02T09:20:00.000Z', recordedAt: expect.any(String) }],
      },
    ]);
    expect(Date.parse(restatement.changes[0].causedBy[0].recordedAt)).toBeGreaterThanOrEqual(reportedAt.getTime());
  });
});
