import { eventually, givenVpnServiceUnderSla, httpClient } from '@sla/test-support';
import { startTestApi, type TestApi } from '../support/test-api';

type Item = { ticketId: string; metric: string; state: string; next: { kind: string; businessMsLeft: number } | null };

/**
 * The live queue over HTTP: open clocks most urgent first as the API's clock moves, and a fact posted takes its
 * clock out. 24x7 UTC; response 1 h, resolution 4 h, at risk at 75 %. The clock starts at 08:50 on 2 March 2026.
 */
describe('live SLA queue (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  const at = (time: string) => new Date(`2026-03-02T${time}:00Z`);
  let now = at('08:50');
  const minutes = (amount: number) => amount * 60_000;
  const post = async (ticketId: string, type: string, time: string, data: Record<string, unknown> = {}) => {
    const fact = {
      source: 'jira',
      externalId: `${ticketId}-${type}`,
      type,
      data: { ...data, occurredAt: at(time).toISOString() },
    };
    expect((await http.post(`/tickets/${ticketId}/facts`, fact)).status).toBe(201);
  };
  const open = (ticketId: string, time: string) =>
    post(ticketId, 'TicketOpened', time, {
      ticketType: 'incident',
      serviceId: 'vpn',
      priority: 'P2',
      impact: 'medium',
      major: false,
      title: `${ticketId} VPN`,
    });
  const queue = async (query = '') => {
    const response = await http.get(`/compliance/queue${query}`);
    expect(response.status).toBe(200);
    return response.body as { total: number; counts: Record<string, number>; items: Item[]; nextCursor: string | null };
  };
  const order = (items: Item[]) => items.map((item) => `${item.ticketId}/${item.metric}/${item.state}`);

  beforeAll(async () => {
    api = await startTestApi('live_queue', {}, { now: () => now });
    http = httpClient(api.baseUrl, { 'x-actor': 'desk.omar' }, api.conformance);
    await givenVpnServiceUnderSla(http, { hours: () => ({ response: 1, resolution: 4 }) });
    await open('C', '06:00'); // response breached at 07:00; resolution at risk 09:00
    await open('A', '08:00'); // response at risk 08:45, breach 09:00
    await open('B', '08:30');
    await post('B', 'TicketAcknowledged', '08:35'); // resolution at risk 11:30
    await open('D', '08:00');
    await post('D', 'TicketAcknowledged', '08:05');
    await post('D', 'TicketPausedAwaitingCustomer', '08:10', { reason: 'waiting for the customer' });
    // Every fact projected: B's response stopped, D's resolution paused.
    await eventually(async () => {
      const listed = order((await queue()).items);
      return listed.includes('D/resolution/paused') && !listed.some((item) => item.startsWith('B/response'))
        ? true
        : undefined;
    });
  }, 60_000);
  afterAll(() => api?.close());

  it('lists open clocks most urgent first: breached, then by business time to the next instant, paused last', async () => {
    const { items, counts, total } = await queue();
    expect(total).toBe(6);
    expect(order(items)).toEqual([
      'C/response/breached',
      'A/response/at-risk',
      'C/resolution/running',
      'A/resolution/running',
      'B/resolution/running',
      'D/resolution/paused',
    ]);
    expect(counts).toEqual({ running: 3, atRisk: 1, breached: 1, paused: 1 });
    expect(items[1]!.next).toMatchObject({ kind: 'breach', businessMsLeft: minutes(10) });
    expect(items[2]!.next).toMatchObject({ kind: 'at-risk', businessMsLeft: minutes(10) });
    expect(items[4]!.next).toMatchObject({ kind: 'at-risk', businessMsLeft: minutes(160) });
    expect(items[0]!.next).toBeNull();
  });

  it('moves with the clock and drops a clock a fact stopped', async () => {
    now = at('09:05');
    expect(order((await queue()).items).slice(0, 2)).toEqual(['C/response/breached', 'A/response/breached']);
    await post('A', 'TicketAcknowledged', '09:06');
    now = at('09:07');
    const after = await eventually(async () => {
      const current = await queue();
      return current.total === 5 ? current : undefined;
    });
    expect(order(after.items)).not.toContain('A/response/breached');
    expect((await queue('?metric=resolution&limit=2')).items).toHaveLength(2);
  });

  it('pages in urgency order with a cursor', async () => {
    const whole = order((await queue()).items);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Item[]; nextCursor: string | null } = await queue(
        `?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...order(page.items));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole);
    const refused = await http.get('/compliance/queue?cursor=not-a-cursor');
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0].path).toBe('cursor');
  });

  it("names each clock's customer, agreement and calendar time zone, and filters by customer", async () => {
    const agreement = (await http.get('/agreements/vpn-sla')).body as { title: string; counterparty: { name: string } };
    const { items, total } = await queue();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items as unknown as Record<string, unknown>[])
      expect(item).toMatchObject({
        agreementTitle: agreement.title,
        customer: agreement.counterparty.name,
        timeZone: 'UTC',
      });
    const own = await queue(`?customer=${encodeURIComponent(agreement.counterparty.name)}`);
    expect(own.total).toBe(total);
    const none = await queue('?customer=Nobody%20Ltd');
    expect(none).toMatchObject({ total: 0, items: [] });
  });

  it('refuses a bad filter, naming it', async () => {
    const refused = await http.get('/compliance/queue?priority=P9');
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['priority']);
  });
});
