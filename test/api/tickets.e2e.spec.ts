import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient, type openApiConformance } from '@sla/test-support';

/** Ticket facts over REST: stored once however often delivered, in any order, contradictions refused. */
describe('ticket facts over HTTP (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let app: INestApplication;
  let http: ReturnType<typeof httpClient>;
  let conformance: ReturnType<typeof openApiConformance>;
  let databaseUrl: string;

  beforeAll(async () => {
    api = await startTestApi('api_tickets', {});
    ({ app, databaseUrl, conformance } = api);
    const base = api.baseUrl;
    http = httpClient(base, { 'x-actor': 'servicenow-connector' }, conformance);
    await http.post('/services', {
      serviceId: 'email',
      name: 'Corporate e-mail',
      owner: { name: 'Li Wei' },
      changeRequest: 'CR-1',
    });
    await eventually(async () => ((await http.get('/services/email')).status === 200 ? true : undefined));
  });
  afterAll(() => api?.close());

  async function storedEvents(stream: string): Promise<number> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ count: string }>(
      'select count(*) from event_store.events where stream_name = $1',
      [stream],
    );
    await client.end();
    return Number(rows[0].count);
  }

  const open = {
    source: 'servicenow',
    externalId: 'evt-1',
    type: 'TicketOpened',
    data: {
      ticketType: 'incident',
      serviceId: 'email',
      priority: 'P2',
      impact: 'high',
      major: false,
      title: 'Mail down',
      occurredAt: '2026-03-09T09:00:00+01:00',
    },
  };

  it('stores a fact once and answers a redelivery as a duplicate', async () => {
    expect(await http.post('/tickets/INC-1/facts', open)).toMatchObject({
      status: 201,
      body: { ticketId: 'INC-1', duplicate: false, streamRevision: '0' },
    });
    expect(await http.post('/tickets/INC-1/facts', open)).toMatchObject({
      status: 200,
      body: { duplicate: true, streamRevision: '0' },
    });
    expect(await storedEvents('ticket-INC-1')).toBe(1);
  });

  it('accepts a resolution that arrives before its acknowledgement', async () => {
    expect(
      (
        await http.post('/tickets/INC-1/facts', {
          source: 'servicenow',
          externalId: 'evt-3',
          type: 'TicketResolved',
          data: { resolution: 'relay restarted', occurredAt: '2026-03-09T11:00:00+01:00' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await http.post('/tickets/INC-1/facts', {
          source: 'servicenow',
          externalId: 'evt-2',
          type: 'TicketAcknowledged',
          data: { occurredAt: '2026-03-09T09:10:00+01:00' },
        })
      ).status,
    ).toBe(201);
    const ticket = await eventually(async () => {
      const response = await http.get('/tickets/INC-1');
      return response.body?.facts === 3 ? response.body : undefined;
    });
    expect(ticket).toMatchObject({ serviceId: 'email', priority: 'P2', openedAt: '2026-03-09T08:00:00.000Z' });
  });

  it('refuses facts that contradict the stream, with the reason, storing nothing', async () => {
    const before = await storedEvents('ticket-INC-1');
    const unknown = await http.post('/tickets/INC-404/facts', {
      source: 'servicenow',
      externalId: 'evt-9',
      type: 'TicketResolved',
      data: { resolution: 'x', occurredAt: '2026-03-09T11:00:00Z' },
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'TICKET_NOT_FOUND' } } });
    const early = await http.post('/tickets/INC-1/facts', {
      source: 'servicenow',
      externalId: 'evt-10',
      type: 'TicketAcknowledged',
      data: { occurredAt: '2026-03-09T07:00:00Z' },
    });
    expect(early).toMatchObject({ status: 422, body: { error: { code: 'FACT_BEFORE_OPENING' } } });
    expect(
      (
        await http.post('/tickets/INC-1/facts', {
          source: 'servicenow',
          externalId: 'evt-11',
          type: 'TicketClosed',
          data: { occurredAt: '2026-03-10T09:00:00Z' },
        })
      ).status,
    ).toBe(201);
    const twice = await http.post('/tickets/INC-1/facts', {
      source: 'servicenow',
      externalId: 'evt-12',
      type: 'TicketClosed',
      data: { occurredAt: '2026-03-11T09:00:00Z' },
    });
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'TICKET_ALREADY_CLOSED' } } });
    expect(await storedEvents('ticket-INC-1')).toBe(before + 1);
  });

  it('refuses bad input naming the problem: unknown service, missing offset, wrong types', async () => {
    const unknownService = await http.post('/tickets/INC-2/facts', {
      ...open,
      externalId: 'evt-20',
      data: { ...open.data, serviceId: 'nope' },
    });
    expect(unknownService).toMatchObject({ status: 422, body: { error: { code: 'UNKNOWN_SERVICE' } } });
    const noOffset = await http.post('/tickets/INC-2/facts', {
      ...open,
      externalId: 'evt-21',
      data: { ...open.data, occurredAt: '2026-03-09T09:00:00' },
    });
    expect(noOffset.status).toBe(400);
    expect(noOffset.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['data.occurredAt']);
    const wrongTypes = await http.post('/tickets/INC-2/facts', {
      source: 'servicenow',
      externalId: 'evt-22',
      type: 'TicketOpened',
      data: { ...open.data, priority: 'P9', major: 'yes' },
    });
    expect(wrongTypes.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'data.major',
      'data.priority',
    ]);
    expect((await http.post('/tickets/INC-2/facts', { ...open, type: 'TicketTeleported' })).status).toBe(400);
    expect(await storedEvents('ticket-INC-2')).toBe(0);
  });

  it('refuses a payload over the size limit with 413, storing nothing', async () => {
    const huge = JSON.stringify({
      ...open,
      externalId: 'evt-huge',
      data: { ...open.data, title: 'x'.repeat(200_000) },
    });
    const response = await fetch(`http://127.0.0.1:${app.getHttpServer().address().port}/tickets/INC-3/facts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: huge,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await storedEvents('ticket-INC-3')).toBe(0);
  });

  it('sent and received only what the OpenAPI document describes', () => {
    expect(conformance.checked).toBeGreaterThan(12);
  });
});
