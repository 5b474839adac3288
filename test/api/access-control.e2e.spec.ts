import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient } from '@sla/test-support';

const keys = {
  admin: 'k-admin-0001',
  slm: 'k-slm-0002',
  operations: 'k-ops-0003',
  auditor: 'k-audit-0004',
  finance: 'k-cust-0005',
  sales: 'k-cust-0006',
} as const;
type Caller = keyof typeof keys;
const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * API keys and roles through the real app: 401 without a known key, 403 outside the role, customers kept to their own
 * agreements, the key's actor on every event.
 */
describe('access control (real app, real PostgreSQL)', () => {
  let api: TestApi;
  const as = (caller: Caller | null) =>
    httpClient(
      api.baseUrl,
      caller ? { authorization: `Bearer ${keys[caller]}`, 'x-actor': 'mallory' } : {},
      api.conformance,
    );

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sla-keys-')), 'keys.json');
    writeFileSync(
      file,
      JSON.stringify([
        { keySha256: sha256(keys.admin), actor: 'root', role: 'admin' },
        { keySha256: sha256(keys.slm), actor: 'alice.slm', role: 'slm' },
        { keySha256: sha256(keys.operations), actor: 'servicenow-connector', role: 'operations' },
        { keySha256: sha256(keys.auditor), actor: 'carol.auditor', role: 'auditor' },
        { keySha256: sha256(keys.finance), actor: 'finance-portal', role: 'customer', customer: 'Finance' },
        { keySha256: sha256(keys.sales), actor: 'sales-portal', role: 'customer', customer: 'Sales' },
      ]),
    );
    api = await startTestApi('access_control', { AUTH_API_KEYS_FILE: file });
    const slm = as('slm');
    expect(
      (
        await slm.post('/calendars', {
          definition: { id: 'round-the-clock', name: '24x7', timeZone: 'UTC', versions: [{ weeklyWindows: '24x7' }] },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await slm.post('/services', {
          serviceId: 'email',
          name: 'E-mail',
          owner: { name: 'Li Wei' },
          changeRequest: 'CR-1',
        })
      ).status,
    ).toBe(201);
    await eventually(async () => ((await slm.get('/services/email')).status === 200 ? true : undefined));
    for (const [agreementId, counterparty] of [
      ['email-sla', 'Finance'],
      ['sales-sla', 'Sales'],
    ]) {
      expect(
        (
          await slm.post('/agreements', {
            agreementId,
            kind: 'SLA',
            provider: { name: 'IT' },
            counterparty: { name: counterparty },
            content: { title: agreementId, services: ['email'], effectiveFrom: '2026-03-01T00:00:00Z' },
          })
        ).status,
      ).toBe(201);
    }
    await eventually(async () => ((await slm.get('/agreements/sales-sla')).status === 200 ? true : undefined));
  });
  afterAll(() => api?.close());

  it('leaves health and the API description open, and answers 401 without a known key', async () => {
    expect((await as(null).get('/health')).status).toBe(200);
    expect((await as(null).get('/openapi.json')).status).toBe(200);
    const reference = await fetch(`${api.baseUrl}/docs`);
    expect(reference.status).toBe(200);
    expect((await fetch(`${api.baseUrl}/docs/swagger-ui-bundle.js`)).status).toBe(200);
    expect(await as(null).get('/services')).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHORIZED', message: expect.stringMatching(/API key/) } },
    });
    const unknown = await httpClient(api.baseUrl, { 'x-api-key': 'guess' }).get('/services');
    expect(unknown).toMatchObject({ status: 401, body: { error: { message: 'the API key is not known' } } });
  });

  it('lets each role do its part of the work and nothing else (403 naming the role and the allowed ones)', async () => {
    const fact = (externalId: string) => ({
      source: 'servicenow',
      externalId,
      type: 'TicketOpened',
      data: {
        ticketType: 'incident',
        serviceId: 'email',
        priority: 'P2',
        impact: 'low',
        major: false,
        title: 't',
        occurredAt: '2026-03-02T09:00:00Z',
      },
    });
    const cases: [string, () => Promise<{ status: number }>, number][] = [
      ['intake by operations', () => as('operations').post('/tickets/INC-1/facts', fact('e-1')), 201],
      ['intake by an SLM', () => as('slm').post('/tickets/INC-2/facts', fact('e-2')), 403],
      ['intake by an auditor', () => as('auditor').post('/tickets/INC-3/facts', fact('e-3')), 403],
      [
        'webhook by an SLM',
        () => as('slm').post('/webhooks/alertmanager', { version: '4', status: 'firing', receiver: 'x', alerts: [] }),
        403,
      ],
      [
        'catalogue change by operations',
        () =>
          as('operations').post('/services', {
            serviceId: 'vpn',
            name: 'VPN',
            owner: { name: 'x' },
            changeRequest: 'CR-2',
          }),
        403,
      ],
      [
        'catalogue change by an SLM',
        () =>
          as('slm').post('/services', { serviceId: 'vpn', name: 'VPN', owner: { name: 'x' }, changeRequest: 'CR-2' }),
        201,
      ],
      [
        'agreement change by an auditor',
        () => as('auditor').post('/agreements/email-sla/versions/1/submission', {}),
        403,
      ],
      [
        'agreement change by a customer',
        () => as('finance').post('/agreements/email-sla/versions/1/submission', {}),
        403,
      ],
      ['audit evidence for an auditor', () => as('auditor').get('/audit/tree-heads'), 200],
      ['audit evidence for operations', () => as('operations').get('/audit/tree-heads'), 403],
      [
        'what-if by an auditor',
        () => as('auditor').post('/compliance/agreements/email-sla/what-if', { period: '2026-03', version: 1 }),
        200,
      ],
      [
        'what-if by operations',
        () => as('operations').post('/compliance/agreements/email-sla/what-if', { period: '2026-03', version: 1 }),
        403,
      ],
      [
        'follow-up by operations',
        () =>
          as('operations').post('/compliance/breaches/00000000-0000-4000-8000-000000000000/follow-up', {
            type: 'BreachRootCauseRecorded',
            data: { rootCause: 'x' },
          }),
        403,
      ],
      [
        'report definition by operations',
        () =>
          as('operations').put('/report-definitions/email-monthly', {
            agreementId: 'email-sla',
            frequency: 'monthly',
            audience: 'customer',
            sections: ['kpis'],
            language: 'en',
            timeZone: 'UTC',
            calendarId: 'x',
            firstPeriod: '2026-03',
          }),
        403,
      ],
      [
        'report approval by an auditor',
        () => as('auditor').post('/reports/email-sla-2026-03-customer/approval', {}),
        403,
      ],
      ['reports and their timeliness for an auditor', () => as('auditor').get('/reports?status=overdue'), 200],
      ['report definitions for operations', () => as('operations').get('/report-definitions'), 200],
      ['admin does anything', () => as('admin').get('/audit/tree-heads'), 200],
    ];
    for (const [name, call, expected] of cases) {
      const response = (await call()) as { status: number; body: { error?: { code: string; message: string } } };
      expect([name, response.status]).toEqual([name, expected]);
      if (expected === 403)
        expect(response.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(`allowed:`) });
    }
  });

  it('keeps a customer to its own agreements and their figures', async () => {
    const finance = as('finance');
    expect((await finance.get('/agreements/email-sla')).status).toBe(200);
    expect(await finance.get('/agreements/sales-sla')).toMatchObject({
      status: 403,
      body: { error: { message: "agreement 'sales-sla' is not one of Finance's agreements" } },
    });
    expect((await finance.get('/compliance/agreements/email-sla/response-resolution?period=2026-03')).status).toBe(200);
    expect((await finance.get('/compliance/agreements/sales-sla/response-resolution?period=2026-03')).status).toBe(403);
    expect((await finance.get('/compliance/breaches?agreementId=email-sla&period=2026-03')).status).toBe(200);
    expect((await finance.get('/compliance/breaches?period=2026-03')).status).toBe(403);
    expect((await finance.get('/compliance/tickets/INC-1')).status).toBe(403);
    expect((await as('sales').get('/agreements/sales-sla')).status).toBe(200);
  });

  it('lets a customer read and list the published revisions of its own customer reports, and nothing else of reports', async () => {
    const slm = as('slm');
    // The agreements here are drafted only: reporting on them is acknowledged as such.
    const acknowledgeNoVersionInForce = { reason: 'access rules under test, not figures' };
    const report = (audience: string) =>
      slm.post('/reports', {
        agreementId: 'email-sla',
        period: '2026-03',
        audience,
        calendarId: 'round-the-clock',
        sections: ['kpis'],
        acknowledgeNoVersionInForce,
      });
    expect((await report('customer')).status).toBe(201);
    expect((await report('internal')).status).toBe(201);
    const id = 'email-sla-2026-03-customer';
    // Both drafts projected (the list reads the read model), not only the customer one.
    const listedToSlm = async () =>
      ((await slm.get('/reports')).body.items as { reportId: string }[]).map((row) => row.reportId).sort();
    await eventually(async () => ((await listedToSlm()).length === 2 ? true : undefined));
    const finance = as('finance');
    expect(await finance.get(`/reports/${id}/revisions/1`)).toMatchObject({
      status: 403,
      body: { error: { message: `customers see published revisions only (report '${id}')` } },
    });
    // Listed to the customer only once published; the internal report and drafts never.
    expect(await finance.get('/reports')).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });
    expect(await listedToSlm()).toEqual([id, 'email-sla-2026-03-internal']);
    expect((await slm.post(`/reports/${id}/review`, {})).status).toBe(200);
    expect((await as('admin').post(`/reports/${id}/approval`, {})).status).toBe(200);
    expect((await slm.post(`/reports/${id}/publication`, {})).status).toBe(200);
    await eventually(async () => ((await finance.get(`/reports/${id}/revisions/1`)).status === 200 ? true : undefined));
    const pdf = await fetch(`${api.baseUrl}/reports/${id}/revisions/1/pdf`, {
      headers: { authorization: `Bearer ${keys.finance}` },
    });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect((await as('sales').get(`/reports/${id}/revisions/1`)).status).toBe(403);
    expect(await finance.get('/reports/email-sla-2026-03-internal/revisions/1')).toMatchObject({
      status: 403,
      body: { error: { message: "report 'email-sla-2026-03-internal' is not a customer report" } },
    });
    const listed = await eventually(async () => {
      const response = await finance.get('/reports');
      return response.body?.items?.length ? response.body : undefined;
    });
    expect(listed).toEqual({
      items: [
        expect.objectContaining({
          reportId: id,
          agreementId: 'email-sla',
          audience: 'customer',
          latestPublishedRevision: 1,
          latestRevision: 1,
          status: 'published',
        }),
      ],
      nextCursor: null,
    });
    expect((await finance.get('/reports?agreementId=email-sla&status=published')).body.items).toHaveLength(1);
    expect((await finance.get('/reports?status=unpublished')).body.items).toEqual([]);
    expect((await as('sales').get('/reports')).body).toEqual({ items: [], nextCursor: null });
    expect(await finance.get('/reports?agreementId=sales-sla')).toMatchObject({
      status: 403,
      body: { error: { message: "agreement 'sales-sla' is not one of Finance's agreements" } },
    });
    expect((await finance.post(`/reports/${id}/revisions`, { reason: 'x' })).status).toBe(403);
  });

  it('names a malformed revision a customer asks for (400), never a 500 from the database', async () => {
    const finance = as('finance');
    const id = 'email-sla-2026-03-customer';
    for (const [url, parameter] of [
      [`/reports/${id}/revisions/99999999999999999999`, 'revision'],
      [`/reports/${id}/revisions/1.5`, 'revision'],
      [`/reports/${id}/comparison?from=1&to=1e3`, 'to'],
    ]) {
      const answer = await finance.get(url);
      expect([answer.status, answer.body.error.issues]).toEqual([
        400,
        [{ path: parameter, message: expect.any(String) }],
      ]);
    }
  });

  it("records the key's actor on every event, whatever X-Actor says", async () => {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ stream_name: string; actor: string }>(
      `select stream_name, metadata->>'actor' as actor from event_store.events where stream_name in ('ticket-INC-1', 'service-vpn', 'agreement-email-sla') order by global_position`,
    );
    await client.end();
    expect(rows).toEqual([
      { stream_name: 'agreement-email-sla', actor: 'alice.slm' },
      { stream_name: 'ticket-INC-1', actor: 'servicenow-connector' },
      { stream_name: 'service-vpn', actor: 'alice.slm' },
    ]);
  });
});
