import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, givenApprovedVpnAgreement, httpClient } from '@sla/test-support';

type Clock = { metric: string; state: string; recordedState: string; breachedAt: string | null; atRiskAt: string };
type Breach = { ticketId: string; metric: string; breachedAt: string; retractedAt: string | null };

/**
 * The ticket view and the breach log tell one story: what the SLA watch has
 * recorded about a clock (at risk, breached, the correction of a breach) is
 * the clock's recorded state in `GET /compliance/tickets/{id}` as well.
 * 24x7, 2 h resolution; the test moves the clock the API and its watch share.
 */
describe('ticket view shows what the SLA watch recorded (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  let now = new Date('2026-03-02T08:00:00Z');

  beforeAll(async () => {
    api = await startTestApi('ticket_clock_recorded_state', {}, { now: () => now });
    http = httpClient(api.baseUrl, { 'x-actor': 'slm.alice' }, api.conformance);
    const calendar = { id: 'round-the-clock', name: '24x7', timeZone: 'UTC', versions: [{ weeklyWindows: '24x7' }] };
    await http.post('/calendars', { definition: calendar });
    await eventually(async () => ((await http.get('/calendars/round-the-clock')).status === 200 ? true : undefined));
    const service = { serviceId: 'vpn', name: 'VPN', owner: { name: 'Li Wei' }, calendarId: 'round-the-clock' };
    await http.post('/services', { ...service, changeRequest: 'CR-1' });
    await eventually(async () => ((await http.get('/services/vpn')).status === 200 ? true : undefined));
    const targets = ['P1', 'P2', 'P3', 'P4'].map((priority) => ({
      serviceId: 'vpn',
      priority,
      response: { duration: { unit: 'business-minutes', amount: 30 }, calendarId: 'round-the-clock' },
      resolution: { duration: { unit: 'business-hours', amount: 2 }, calendarId: 'round-the-clock' },
    }));
    await givenApprovedVpnAgreement(http, targets);
    // Opened 08:00 and acknowledged 08:10; never resolved: at risk at 09:30 (75 % of 2 h), breached at 10:00.
    const opened = {
      source: 'jira',
      externalId: 'o-7',
      type: 'TicketOpened',
      data: {
        ticketType: 'incident',
        serviceId: 'vpn',
        priority: 'P2',
        impact: 'high',
        major: false,
        title: 'VPN down',
        occurredAt: '2026-03-02T08:00:00Z',
      },
    };
    expect((await http.post('/tickets/INC-7/facts', opened)).status).toBe(201);
    now = new Date('2026-03-02T08:10:00Z');
    const acknowledged = {
      source: 'jira',
      externalId: 'a-7',
      type: 'TicketAcknowledged',
      data: { occurredAt: now.toISOString() },
    };
    expect((await http.post('/tickets/INC-7/facts', acknowledged)).status).toBe(201);
    // The response is projected before the clock moves on: else the watch would see it running past 08:30.
    await clockOf('response', (clock) => clock.recordedState === 'met');
    await clockOf('resolution', (clock) => clock.recordedState === 'running');
  }, 60_000);
  afterAll(() => api?.close());

  /** A clock of INC-7 once it satisfies the condition (the read models and the watch catch up). */
  const clockOf = (metric: string, condition: (clock: Clock) => boolean) =>
    eventually(async () => {
      const clocks: Clock[] = (await http.get('/compliance/tickets/INC-7')).body ?? [];
      const clock = clocks.find((row) => row.metric === metric);
      return clock && condition(clock) ? clock : undefined;
    }, 20_000);
  const resolutionClock = (condition: (clock: Clock) => boolean) => clockOf('resolution', condition);
  const breaches = async (): Promise<Breach[]> => (await http.get('/compliance/breaches?period=2026-03')).body.items;

  it('shows the at-risk warning once the watch has recorded it', async () => {
    now = new Date('2026-03-02T09:40:00Z');
    const clock = await resolutionClock((row) => row.recordedState !== 'running');
    expect(clock).toMatchObject({ state: 'at-risk', recordedState: 'at-risk', atRiskAt: '2026-03-02T09:30:00.000Z' });
    expect(clock.breachedAt).toBeNull();
  });

  it('shows the breach the breach log holds: recorded state breached, breached at 10:00', async () => {
    now = new Date('2026-03-02T10:00:00.001Z');
    const logged = await eventually(async () => ((await breaches()).length === 1 ? breaches() : undefined), 20_000);
    expect(logged[0]).toMatchObject({ ticketId: 'INC-7', metric: 'resolution' });
    expect(logged[0].breachedAt).toBe('2026-03-02T10:00:00.000Z');
    expect(logged[0].retractedAt).toBeNull();
    const clock = await resolutionClock((row) => row.recordedState !== 'at-risk');
    expect(clock).toMatchObject({ state: 'breached', recordedState: 'breached', breachedAt: logged[0].breachedAt });
  });

  it('shows the clock met again once a late resolution has the breach corrected', async () => {
    now = new Date('2026-03-02T10:30:00Z');
    // Resolved at 09:50, reported only now: the watch records a correction beside the breach.
    const data = { resolution: 'tunnel restarted', occurredAt: '2026-03-02T09:50:00Z' };
    const resolved = { source: 'jira', externalId: 'r-7', type: 'TicketResolved', data };
    expect((await http.post('/tickets/INC-7/facts', resolved)).status).toBe(201);
    await eventually(async () => ((await breaches())[0]?.retractedAt ? true : undefined), 20_000);
    const clock = await resolutionClock((row) => row.recordedState === 'met');
    expect(clock).toMatchObject({ state: 'met', breachedAt: null });
  });
});
