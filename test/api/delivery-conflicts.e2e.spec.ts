import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { FactIntake, importFactsFile } from '@sla/operations-feature';
import { systemClock } from '@sla/nest-platform';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient } from '@sla/test-support';

/**
 * A delivery (source + externalId) is stored once; sent again it must carry
 * the same fact. Other content under the same delivery is refused as
 * DELIVERY_CONFLICT naming the delivery and what differs, on every intake
 * path, and nothing is stored.
 */
describe('redeliveries with other content (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  const folder = mkdtempSync(path.join(tmpdir(), 'sla-delivery-conflicts-'));

  beforeAll(async () => {
    const sources = path.join(folder, 'sources.json');
    writeFileSync(
      sources,
      JSON.stringify({
        helpdesk: {
          rules: [
            {
              when: { event: 'ticket.created' },
              fact: 'TicketOpened',
              ticketId: 'ticket.number',
              externalId: 'delivery',
              data: {
                ticketType: '=incident',
                serviceId: '=email',
                priority: 'ticket.priority',
                impact: '=medium',
                major: '=false',
                title: 'ticket.subject',
                occurredAt: 'ticket.createdAt',
              },
            },
          ],
        },
      }),
    );
    const mapping = path.join(folder, 'mapping.json');
    writeFileSync(mapping, JSON.stringify([{ match: { job: 'mail' }, serviceId: 'email', impact: 'full' }]));
    api = await startTestApi('api_delivery_conflicts', {
      JSON_WEBHOOK_SOURCES_FILE: sources,
      ALERTMANAGER_MAPPING_FILE: mapping,
    });
    http = httpClient(api.baseUrl, { 'x-actor': 'servicenow-connector' }, api.conformance);
    await http.post('/services', {
      serviceId: 'email',
      name: 'Corporate e-mail',
      owner: { name: 'Li Wei' },
      changeRequest: 'CR-1',
    });
    await eventually(async () => ((await http.get('/services/email')).status === 200 ? true : undefined));
  });
  afterAll(() => api?.close());

  async function storedEvents(): Promise<number> {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ count: string }>('select count(*) from event_store.events');
    await client.end();
    return Number(rows[0].count);
  }

  const opened = {
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

  it('answers an exact redelivery as a duplicate, the same instant written in another offset included', async () => {
    expect(await http.post('/tickets/INC-1/facts', opened)).toMatchObject({ status: 201, body: { duplicate: false } });
    expect(await http.post('/tickets/INC-1/facts', opened)).toMatchObject({ status: 200, body: { duplicate: true } });
    const sameInstant = { ...opened, data: { ...opened.data, occurredAt: '2026-03-09T08:00:00.000Z' } };
    expect(await http.post('/tickets/INC-1/facts', sameInstant)).toMatchObject({
      status: 200,
      body: { duplicate: true },
    });
  });

  it('refuses a ticket fact redelivered with other data, naming the delivery and each difference', async () => {
    const before = await storedEvents();
    const changed = await http.post('/tickets/INC-1/facts', {
      ...opened,
      data: { ...opened.data, priority: 'P1', occurredAt: '2026-03-09T09:30:00+01:00' },
    });
    expect(changed.status).toBe(409);
    expect(changed.body.error).toMatchObject({
      code: 'DELIVERY_CONFLICT',
      message: expect.stringContaining('delivery servicenow/evt-1'),
      details: {
        delivery: 'servicenow/evt-1',
        differences: [
          { path: 'data.occurredAt', stored: '2026-03-09T09:00:00+01:00', sent: '2026-03-09T09:30:00+01:00' },
          { path: 'data.priority', stored: 'P2', sent: 'P1' },
        ],
      },
    });
    expect(changed.body.error.message).toContain('data.priority: stored "P2", sent "P1"');
    const otherType = await http.post('/tickets/INC-1/facts', {
      ...opened,
      type: 'TicketAcknowledged',
      data: { occurredAt: '2026-03-09T09:05:00+01:00' },
    });
    expect(otherType).toMatchObject({
      status: 409,
      body: {
        error: {
          code: 'DELIVERY_CONFLICT',
          details: { differences: [{ path: 'type', stored: 'TicketOpened', sent: 'TicketAcknowledged' }] },
        },
      },
    });
    const otherTicket = await http.post('/tickets/INC-2/facts', opened);
    expect(otherTicket).toMatchObject({
      status: 409,
      body: {
        error: {
          code: 'DELIVERY_CONFLICT',
          message: expect.stringContaining('another ticket, not of ticket INC-2'),
          details: { delivery: 'servicenow/evt-1', differences: [{ path: 'data.ticketId', sent: 'INC-2' }] },
        },
      },
    });
    expect(await storedEvents()).toBe(before);
  });

  it('refuses conflicting redeliveries of outage and maintenance facts', async () => {
    const started = {
      source: 'nagios',
      externalId: 'n-1',
      type: 'OutageStarted',
      data: { serviceId: 'email', impact: 'full', occurredAt: '2026-03-09T10:00:00Z' },
    };
    expect((await http.post('/outages/out-1/facts', started)).status).toBe(201);
    const before = await storedEvents();
    const outage = await http.post('/outages/out-1/facts', {
      ...started,
      data: { ...started.data, impact: 'partial', weight: 0.5 },
    });
    expect(outage).toMatchObject({
      status: 409,
      body: {
        error: {
          code: 'DELIVERY_CONFLICT',
          details: {
            delivery: 'nagios/n-1',
            differences: [{ path: 'data.impact' }, { path: 'data.weight', sent: 0.5 }],
          },
        },
      },
    });

    const scheduled = {
      source: 'change-calendar',
      externalId: 'CHG-1/scheduled',
      type: 'MaintenanceWindowScheduled',
      data: {
        serviceId: 'email',
        changeReference: 'CHG-1',
        title: 'Relay patching',
        schedule: { kind: 'once', start: '2026-03-14T22:00:00Z', end: '2026-03-15T01:00:00Z' },
        occurredAt: '2026-03-02T10:00:00Z',
      },
    };
    expect((await http.post('/maintenance-windows/mw-1/facts', scheduled)).status).toBe(201);
    const afterWindow = await storedEvents();
    const moved = await http.post('/maintenance-windows/mw-1/facts', {
      ...scheduled,
      data: { ...scheduled.data, schedule: { ...scheduled.data.schedule, end: '2026-03-15T03:00:00Z' } },
    });
    expect(moved).toMatchObject({
      status: 409,
      body: {
        error: {
          code: 'DELIVERY_CONFLICT',
          details: {
            differences: [{ path: 'data.schedule.end', stored: '2026-03-15T01:00:00Z', sent: '2026-03-15T03:00:00Z' }],
          },
        },
      },
    });
    expect(await storedEvents()).toBe(afterWindow);
    expect(afterWindow).toBe(before + 1);
  });

  it('refuses a JSON webhook delivery sent again with other content', async () => {
    const created = {
      event: 'ticket.created',
      delivery: 'd-1',
      ticket: { number: 'HD-1', priority: 'P3', subject: 'Cannot send mail', createdAt: '2026-03-09T09:00:00+01:00' },
    };
    expect((await http.post('/webhooks/json/helpdesk', created)).status).toBe(201);
    expect(await http.post('/webhooks/json/helpdesk', created)).toMatchObject({
      status: 200,
      body: { outcome: 'duplicate' },
    });
    const before = await storedEvents();
    const edited = await http.post('/webhooks/json/helpdesk', {
      ...created,
      ticket: { ...created.ticket, subject: 'Cannot receive mail' },
    });
    expect(edited).toMatchObject({
      status: 409,
      body: {
        error: {
          code: 'DELIVERY_CONFLICT',
          details: { delivery: 'helpdesk/d-1', differences: [{ path: 'data.title', sent: 'Cannot receive mail' }] },
        },
      },
    });
    expect(await storedEvents()).toBe(before);
  });

  describe('Alertmanager', () => {
    const alert = (status: 'firing' | 'resolved', endsAt: string, annotations: Record<string, string>) => ({
      status,
      labels: { alertname: 'MailDown', job: 'mail' },
      annotations,
      startsAt: '2026-03-10T09:00:00Z',
      endsAt,
      fingerprint: 'f00d',
    });
    const notify = (entry: ReturnType<typeof alert>) =>
      http.post('/webhooks/alertmanager', { version: '4', status: entry.status, receiver: 'sla', alerts: [entry] });

    it('takes repeats with changed annotations as duplicates: they never enter a fact', async () => {
      expect(
        (await notify(alert('firing', '0001-01-01T00:00:00Z', { summary: 'mail is down' }))).body.outcomes[0].outcome,
      ).toBe('started');
      expect(
        (await notify(alert('firing', '0001-01-01T00:00:00Z', { summary: 'mail is still down', runbook: 'r-1' }))).body
          .outcomes[0].outcome,
      ).toBe('duplicate');
      expect(
        (await notify(alert('resolved', '2026-03-10T10:00:00Z', { summary: 'mail is down' }))).body.outcomes[0].outcome,
      ).toBe('ended');
      expect(
        (await notify(alert('resolved', '2026-03-10T10:00:00Z', { summary: 'resolved' }))).body.outcomes[0].outcome,
      ).toBe('duplicate');
    });

    it('reports a resolved repeat with another endsAt as a conflict, keeping the stored end', async () => {
      const before = await storedEvents();
      const answer = await notify(alert('resolved', '2026-03-10T11:00:00Z', { summary: 'mail is down' }));
      expect(answer.status).toBe(200);
      expect(answer.body.outcomes).toEqual([
        {
          fingerprint: 'f00d',
          outageId: 'alertmanager-f00d-1773133200000',
          outcome: 'conflict',
          reason: expect.stringContaining(
            'delivery alertmanager/f00d/2026-03-10T09:00:00.000Z/ended is already stored with other content ' +
              '(data.occurredAt: stored "2026-03-10T10:00:00.000Z", sent "2026-03-10T11:00:00.000Z")',
          ),
        },
      ]);
      expect(await storedEvents()).toBe(before);
    });
  });

  it('puts a conflicting row of a bulk import in the rejects report and stores the rest', async () => {
    const file = path.join(folder, 'facts.ndjson');
    const row = (externalId: string, ticket: string, data: Record<string, unknown>) =>
      JSON.stringify({ record: 'ticket', id: ticket, source: 'servicenow', externalId, type: 'TicketOpened', data });
    writeFileSync(
      file,
      [
        row('evt-1', 'INC-1', opened.data),
        row('evt-1', 'INC-1', { ...opened.data, title: 'Mail slow' }),
        row('evt-50', 'INC-50', opened.data),
      ].join('\n') + '\n',
    );
    const before = await storedEvents();
    const summary = await importFactsFile(
      new FactIntake(api.infrastructure.eventStore, api.infrastructure.readStore, systemClock),
      {
        file,
      },
    );
    expect(summary).toMatchObject({ outcome: 'completed', rows: 3, stored: 1, duplicates: 1, rejected: 1 });
    const rejects = readFileSync(summary.rejectsPath, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rejects).toEqual([
      {
        line: 2,
        record: 'ticket',
        id: 'INC-1',
        externalId: 'evt-1',
        code: 'DELIVERY_CONFLICT',
        reason: expect.stringContaining('data.title: stored "Mail down", sent "Mail slow"'),
      },
    ]);
    expect(await storedEvents()).toBe(before + 1);
  });
});
