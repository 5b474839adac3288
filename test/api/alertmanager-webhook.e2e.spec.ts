import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient, type openApiConformance } from '@sla/test-support';

/** Alertmanager's version-4 webhook, as it sends it: repeats, retries and resolutions. */
describe('Alertmanager webhook (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  let operator: ReturnType<typeof httpClient>;
  let conformance: ReturnType<typeof openApiConformance>;
  let databaseUrl: string;

  beforeAll(async () => {
    const mapping = path.join(mkdtempSync(path.join(tmpdir(), 'sla-alert-mapping-')), 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify([
        { match: { job: 'mail', severity: 'critical' }, serviceId: 'email', impact: 'full' },
        { match: { job: 'mail' }, serviceId: 'email', impact: 'partial', weight: 0.5 },
      ]),
    );
    api = await startTestApi('api_alertmanager', { ALERTMANAGER_MAPPING_FILE: mapping });
    ({ databaseUrl, conformance } = api);
    const base = api.baseUrl;
    http = httpClient(base, {}, conformance);
    // Webhooks record their sender; every other write names its actor.
    operator = httpClient(base, { 'x-actor': 'ops-lead' }, conformance);
  });
  afterAll(() => api?.close());

  const alert = (
    status: 'firing' | 'resolved',
    labels: Record<string, string>,
    fingerprint: string,
    endsAt = '0001-01-01T00:00:00Z',
  ) => ({
    status,
    labels: { alertname: 'MailDown', ...labels },
    annotations: { summary: 'mail is down' },
    startsAt: '2026-03-09T09:00:00.123456789Z',
    endsAt,
    generatorURL: 'http://prometheus.local/graph',
    fingerprint,
  });
  const notification = (...alerts: ReturnType<typeof alert>[]) => ({
    version: '4',
    groupKey: '{}:{alertname="MailDown"}',
    truncatedAlerts: 0,
    status: alerts.every((entry) => entry.status === 'resolved') ? 'resolved' : 'firing',
    receiver: 'sla-engine',
    groupLabels: { alertname: 'MailDown' },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager.local',
    alerts,
  });

  async function outages() {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query('select * from outage order by outage_id');
    const { rows: events } = await client.query<{ count: string }>(
      `select count(*) from event_store.events where stream_name like 'outage-%'`,
    );
    await client.end();
    return { rows, events: Number(events[0].count) };
  }

  it('starts an outage for a firing alert of a mapped service; repeated notifications are no-ops', async () => {
    const firing = notification(alert('firing', { job: 'mail', severity: 'critical' }, 'a1b2c3'));
    expect((await http.post('/webhooks/alertmanager', firing)).body.outcomes).toEqual([
      { fingerprint: 'a1b2c3', outageId: 'alertmanager-a1b2c3-1773046800123', outcome: 'started' },
    ]);
    for (let repeat = 0; repeat < 3; repeat += 1) {
      expect((await http.post('/webhooks/alertmanager', firing)).body.outcomes[0].outcome).toBe('duplicate');
    }
    expect((await outages()).events).toBe(1);
  });

  it('ends it when the alert resolves, at the alert end time', async () => {
    const resolved = notification(
      alert('resolved', { job: 'mail', severity: 'critical' }, 'a1b2c3', '2026-03-09T09:42:00Z'),
    );
    expect((await http.post('/webhooks/alertmanager', resolved)).body.outcomes[0].outcome).toBe('ended');
    expect((await http.post('/webhooks/alertmanager', resolved)).body.outcomes[0].outcome).toBe('duplicate');
    const stored = await eventually(async () => {
      const current = await outages();
      return current.rows[0]?.ended_at ? current : undefined;
    });
    expect(stored.rows[0]).toMatchObject({ service_id: 'email', impact: 'full', source: 'alertmanager' });
    expect(stored.rows[0].started_at.toISOString()).toBe('2026-03-09T09:00:00.123Z');
    expect(stored.rows[0].ended_at.toISOString()).toBe('2026-03-09T09:42:00.000Z');
    expect(stored.events).toBe(2);
  });

  it('maps labels to impact, records a resolution seen without its firing, and ignores unmapped alerts', async () => {
    const response = await http.post(
      '/webhooks/alertmanager',
      notification(
        alert('resolved', { job: 'mail' }, 'd4e5', '2026-03-09T10:00:00Z'),
        alert('firing', { job: 'web' }, 'f6a7'),
      ),
    );
    expect(response.body.outcomes.map((outcome: { outcome: string }) => outcome.outcome)).toEqual([
      'ended',
      'unmapped',
    ]);
    const stored = await eventually(async () => {
      const current = await outages();
      return current.rows.length === 2 ? current : undefined;
    });
    expect(stored.rows.find((row) => row.outage_id.includes('d4e5'))).toMatchObject({ impact: 'partial', weight: 0.5 });
  });

  it('refuses a payload that is not Alertmanager version 4, storing nothing', async () => {
    const before = (await outages()).events;
    const response = await http.post('/webhooks/alertmanager', {
      ...notification(alert('firing', { job: 'mail' }, 'zz')),
      version: '3',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['version']);
    expect((await outages()).events).toBe(before);
  });

  it('records outages reported over REST: each delivery once, end after start, known services only', async () => {
    await operator.post('/services', { serviceId: 'vpn', name: 'VPN', owner: { name: 'Ops' }, changeRequest: 'CR-5' });
    await eventually(async () => ((await http.get('/services')).body?.items?.length === 1 ? true : undefined));
    const start = {
      source: 'statuspage',
      externalId: 'inc-77-start',
      type: 'OutageStarted',
      data: { serviceId: 'vpn', impact: 'partial', weight: 0.25, occurredAt: '2026-03-10T08:00:00+01:00' },
    };
    expect(await operator.post('/outages/vpn-2026-03-10/facts', start)).toMatchObject({
      status: 201,
      body: { duplicate: false },
    });
    expect(await operator.post('/outages/vpn-2026-03-10/facts', start)).toMatchObject({
      status: 200,
      body: { duplicate: true },
    });
    const early = await operator.post('/outages/vpn-2026-03-10/facts', {
      source: 'statuspage',
      externalId: 'inc-77-end-typo',
      type: 'OutageEnded',
      data: { occurredAt: '2026-03-10T06:00:00+01:00' },
    });
    expect(early).toMatchObject({ status: 422, body: { error: { code: 'END_BEFORE_START' } } });
    expect(
      (
        await operator.post('/outages/vpn-2026-03-10/facts', {
          source: 'statuspage',
          externalId: 'inc-77-end',
          type: 'OutageEnded',
          data: { occurredAt: '2026-03-10T08:30:00+01:00' },
        })
      ).status,
    ).toBe(201);
    const listed = await eventually(async () => {
      const response = await http.get('/outages?serviceId=vpn');
      return response.body?.items?.[0]?.endedAt ? response.body.items : undefined;
    });
    expect(listed).toEqual([
      {
        outageId: 'vpn-2026-03-10',
        serviceId: 'vpn',
        impact: 'partial',
        weight: 0.25,
        ticketId: null,
        startedAt: '2026-03-10T07:00:00.000Z',
        endedAt: '2026-03-10T07:30:00.000Z',
        source: 'statuspage',
      },
    ]);
    const unknown = await operator.post('/outages/x-1/facts', {
      ...start,
      externalId: 'x',
      data: { ...start.data, serviceId: 'nope' },
    });
    expect(unknown).toMatchObject({ status: 422, body: { error: { code: 'UNKNOWN_SERVICE' } } });
    const noWeight = await operator.post('/outages/x-2/facts', {
      ...start,
      externalId: 'y',
      data: { serviceId: 'vpn', impact: 'partial', occurredAt: '2026-03-10T08:00:00Z' },
    });
    expect(noWeight.status).toBe(400);
    expect(noWeight.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['data.weight']);
  });

  it('sent and received only what the OpenAPI document describes', () => {
    expect(conformance.checked).toBeGreaterThanOrEqual(16);
  });
});
