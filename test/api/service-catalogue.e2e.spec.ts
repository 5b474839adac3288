import { Client } from 'pg';
import type { Infrastructure } from '@sla/composition';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient, type openApiConformance } from '@sla/test-support';

describe('service catalogue over HTTP (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let infrastructure: Infrastructure;
  let http: ReturnType<typeof httpClient>;
  let conformance: ReturnType<typeof openApiConformance>;
  let databaseUrl: string;
  const fixedNow = new Date('2026-03-03T10:15:00.000Z');

  beforeAll(async () => {
    api = await startTestApi('api_catalogue', {}, { now: () => fixedNow });
    ({ infrastructure, databaseUrl, conformance } = api);
    const base = api.baseUrl;
    http = httpClient(base, { 'x-actor': 'slm.alice' }, conformance);
  });
  afterAll(() => api?.close());

  async function storedEventCount(): Promise<number> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ count: string }>('select count(*) from event_store.events');
    await client.end();
    return Number(rows[0].count);
  }

  const email = {
    serviceId: 'email',
    name: 'Corporate e-mail',
    description: 'Mailboxes and calendars',
    owner: { name: 'Li Wei', email: 'li.wei@example.com' },
    changeRequest: 'CR-2026-001',
  };

  it('registers a service and serves it from the read model', async () => {
    const created = await http.post('/services', email);
    expect(created).toEqual({ status: 201, body: { serviceId: 'email', streamRevision: '0' } });
    const shown = await eventually(async () => {
      const response = await http.get('/services/email');
      return response.status === 200 ? response.body : undefined;
    });
    expect(shown).toMatchObject({
      serviceId: 'email',
      owner: { name: 'Li Wei', email: 'li.wei@example.com' },
      status: 'proposed',
      // No occurredAt in the request: the injected clock supplies it.
      registeredAt: fixedNow.toISOString(),
      lastChangeRequest: 'CR-2026-001',
    });
  });

  it('activates a proposed service and revises its details under change control, guarded by If-Match', async () => {
    expect((await http.post('/services/email/activation', { changeRequest: 'CR-2026-002' })).status).toBe(200);
    const active = await eventually(async () => {
      const response = await http.get('/services/email');
      return response.body?.status === 'active' ? response : undefined;
    });
    const stale = await http.patch(
      '/services/email',
      { changes: { calendarId: 'office' }, changeRequest: 'CR-2026-003' },
      { 'if-match': '"0"' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONCURRENT_MODIFICATION');
    const revised = await http.patch(
      '/services/email',
      {
        changes: { calendarId: 'office', securityConsiderations: 'Mailboxes hold personal data' },
        changeRequest: 'CR-2026-003',
      },
      { 'if-match': `"${active.body.streamRevision}"` },
    );
    expect(revised.status).toBe(200);
    const shown = await eventually(async () => {
      const response = await http.get('/services/email');
      return response.body?.calendarId === 'office' ? response.body : undefined;
    });
    expect(shown).toMatchObject({
      status: 'active',
      securityConsiderations: 'Mailboxes hold personal data',
      lastChangeRequest: 'CR-2026-003',
    });
    const empty = await http.patch('/services/email', { changes: {}, changeRequest: 'CR-2026-004' });
    expect(empty.body.error.code).toBe('NOTHING_TO_CHANGE');
  });

  it('refuses a registration without a change request', async () => {
    const response = await http.post('/services', { serviceId: 'no-cr', name: 'No CR', owner: { name: 'x' } });
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['changeRequest']);
  });

  it('refuses bad input with a 400 naming each field and reason, and stores nothing', async () => {
    const before = await storedEventCount();
    const response = await http.post('/services', {
      serviceId: 'Not Valid',
      name: '',
      owner: { name: 'x', email: 'nope' },
      surprise: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const fields = response.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(fields).toEqual(expect.arrayContaining(['serviceId', 'name', 'owner.email', '']));
    expect(response.body.error.message).toMatch(/serviceId: lower-case letters/);
    expect(await storedEventCount()).toBe(before);
  });

  it('answers malformed JSON with a 400', async () => {
    const response = await http.post('/services', '{"serviceId": ');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('MALFORMED_JSON');
    expect(response.body.error.message).toMatch(/^the request body is not valid JSON: /);
  });

  it('refuses to register the same service twice with a 409 and a stable code', async () => {
    const response = await http.post('/services', email);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('SERVICE_ALREADY_REGISTERED');
  });

  it('lets exactly one of two concurrent retirements win; the other gets a clean conflict', async () => {
    await http.post('/services', { ...email, serviceId: 'vpn', name: 'VPN' });
    const retire = { reason: 'replaced by zero-trust access', changeRequest: 'CR-2026-044' };
    const responses = await Promise.all([
      http.post('/services/vpn/retire', retire),
      http.post('/services/vpn/retire', retire),
    ]);
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409]);
    const refused = responses.find((response) => response.status === 409)!;
    expect(['CONCURRENT_MODIFICATION', 'SERVICE_ALREADY_RETIRED']).toContain(refused.body.error.code);
    const shown = await eventually(async () => {
      const response = await http.get('/services/vpn');
      return response.body?.status === 'retired' ? response.body : undefined;
    });
    expect(shown).toMatchObject({ retirementReason: 'replaced by zero-trust access', streamRevision: 1 });
  });

  it('answers 404 for an unknown service and for retiring one', async () => {
    expect((await http.get('/services/nothing-here')).status).toBe(404);
    const response = await http.post('/services/nothing-here/retire', { reason: 'x', changeRequest: 'CR-1' });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('SERVICE_NOT_FOUND');
  });

  it('records who acted and under which correlation id', async () => {
    await http.post('/services', { ...email, serviceId: 'wiki', name: 'Wiki' }, { 'x-correlation-id': 'corr-42' });
    const [event] = await infrastructure.eventStore.readStream('service-wiki');
    expect(event.metadata).toEqual({ actor: 'slm.alice', correlationId: 'corr-42', source: 'api' });
  });

  it('reports health with every projection caught up', async () => {
    const health = await eventually(async () => {
      const response = await http.get('/health');
      return response.body.projections.every((projection: { lag: number }) => projection.lag === 0)
        ? response
        : undefined;
    });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      eventStore: { adapter: 'postgres', status: 'up' },
      readStore: { status: 'up', database: 'external' },
    });
    expect(health.body.projections.map((projection: { name: string }) => projection.name).sort()).toEqual([
      'agreements',
      'api-keys',
      'breach-follow-ups',
      'kpi-tickets',
      'maintenance-windows',
      'outages',
      'report-definitions',
      'reviews',
      'service-calendars',
      'service-catalogue',
      'service-reports',
      'stream-activity',
      'ticket-sla',
      'tickets',
    ]);
  });

  it('sent and received only what the OpenAPI document describes', () => {
    // Every exchange above went through the document's schemas; a mismatch fails the test that made it.
    expect(conformance.checked).toBeGreaterThan(15);
  });
});
