import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient, type openApiConformance } from '@sla/test-support';

/** A ticketing tool's own JSON, mapped by configuration, signed with HMAC-SHA256. */
describe('generic JSON webhook (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  let operator: ReturnType<typeof httpClient>;
  let conformance: ReturnType<typeof openApiConformance>;
  let databaseUrl: string;
  const secret = 'a-shared-secret-of-the-helpdesk';

  beforeAll(async () => {
    const sources = path.join(mkdtempSync(path.join(tmpdir(), 'sla-json-webhook-')), 'sources.json');
    writeFileSync(
      sources,
      JSON.stringify({
        helpdesk: {
          secret,
          signatureHeader: 'x-helpdesk-signature',
          rules: [
            {
              when: { event: 'ticket.created' },
              fact: 'TicketOpened',
              ticketId: 'ticket.number',
              externalId: 'delivery',
              data: {
                ticketType: '=incident',
                serviceId: 'ticket.service',
                priority: 'ticket.priority',
                impact: '=medium',
                major: '=false',
                title: 'ticket.subject',
                occurredAt: 'ticket.createdAt',
              },
            },
            {
              when: { event: 'ticket.answered' },
              fact: 'TicketAcknowledged',
              ticketId: 'ticket.number',
              externalId: 'delivery',
              data: { occurredAt: 'at' },
            },
          ],
        },
      }),
    );
    api = await startTestApi('api_json_webhook', { JSON_WEBHOOK_SOURCES_FILE: sources });
    ({ databaseUrl, conformance } = api);
    const base = api.baseUrl;
    http = httpClient(base, {}, conformance);
    // Webhooks record their sender; every other write names its actor.
    operator = httpClient(base, { 'x-actor': 'ops-lead' }, conformance);
    await operator.post('/services', {
      serviceId: 'email',
      name: 'E-mail',
      owner: { name: 'Li Wei' },
      changeRequest: 'CR-1',
    });
    await eventually(async () => ((await http.get('/services/email')).status === 200 ? true : undefined));
  });
  afterAll(() => api?.close());

  const sign = (body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const send = (payload: unknown, signature?: string) => {
    const body = JSON.stringify(payload);
    return http.post('/webhooks/json/helpdesk', body, { 'x-helpdesk-signature': signature ?? sign(body) });
  };
  async function stored(): Promise<number> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ count: string }>(
      `select count(*) from event_store.events where stream_name like 'ticket-%'`,
    );
    await client.end();
    return Number(rows[0].count);
  }

  const created = {
    event: 'ticket.created',
    delivery: 'd-1',
    ticket: {
      number: 'HD-100',
      service: 'email',
      priority: 'P3',
      subject: 'Cannot send mail',
      createdAt: '2026-03-09T09:00:00+01:00',
    },
  };

  it('maps a signed payload to a ticket fact and stores a redelivery once', async () => {
    expect(await send(created)).toMatchObject({
      status: 201,
      body: { outcome: 'recorded', fact: 'TicketOpened', ticketId: 'HD-100' },
    });
    expect(await send(created)).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    expect(
      await send({
        event: 'ticket.answered',
        delivery: 'd-2',
        at: '2026-03-09T09:05:00+01:00',
        ticket: { number: 'HD-100' },
      }),
    ).toMatchObject({ status: 201 });
    const ticket = await eventually(async () => {
      const response = await http.get('/tickets/HD-100');
      return response.body?.facts === 2 ? response.body : undefined;
    });
    expect(ticket).toMatchObject({
      serviceId: 'email',
      priority: 'P3',
      title: 'Cannot send mail',
      ticketType: 'incident',
      major: false,
    });
  });

  it('refuses a missing or wrong signature, storing nothing', async () => {
    const before = await stored();
    const tampered = await send(
      { ...created, delivery: 'd-9', ticket: { ...created.ticket, number: 'HD-101' } },
      sign('{"something":"else"}'),
    );
    expect(tampered.status).toBe(401);
    const unsigned = await http.post('/webhooks/json/helpdesk', JSON.stringify({ ...created, delivery: 'd-10' }));
    expect(unsigned.status).toBe(401);
    expect(await stored()).toBe(before);
  });

  it('ignores payloads no rule maps, names fields the mapping leaves invalid, and knows only configured sources', async () => {
    expect(await send({ event: 'ticket.viewed', delivery: 'd-20' })).toMatchObject({
      status: 200,
      body: { outcome: 'ignored' },
    });
    const invalid = await send({
      ...created,
      delivery: 'd-21',
      ticket: { ...created.ticket, number: 'HD-102', priority: 'urgent', createdAt: 'yesterday' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'data.occurredAt',
      'data.priority',
    ]);
    expect((await http.post('/webhooks/json/unknown-tool', '{}')).status).toBe(404);
  });

  it('sent and received only what the OpenAPI document describes', () => {
    expect(conformance.checked).toBeGreaterThanOrEqual(10);
  });
});
