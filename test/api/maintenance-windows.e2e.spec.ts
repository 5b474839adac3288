import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient } from '@sla/test-support';

/** Planned maintenance over REST: one-off and recurring windows, each delivery once, bad schedules refused. */
describe('maintenance windows over HTTP (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    api = await startTestApi('api_maintenance_windows');
    http = httpClient(api.baseUrl, { 'x-actor': 'change-manager' }, api.conformance);
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
    const { rows } = await client.query<{ count: string }>(
      `select count(*) from event_store.events where stream_name like 'maintenance-%'`,
    );
    await client.end();
    return Number(rows[0].count);
  }

  const weekly = {
    source: 'change-calendar',
    externalId: 'CHG-42/scheduled',
    type: 'MaintenanceWindowScheduled',
    data: {
      serviceId: 'email',
      changeReference: 'CHG-42',
      title: 'Mail relay patching, Sundays 02:30 Berlin time',
      schedule: {
        kind: 'recurring',
        rule: 'FREQ=WEEKLY;BYDAY=SU',
        timeZone: 'Europe/Berlin',
        firstStart: '2026-01-04T02:30:00',
        durationMinutes: 120,
      },
      occurredAt: '2026-01-02T10:00:00+01:00',
    },
  };

  it('schedules a recurring window once however often delivered, and expands it on the wall clock across DST', async () => {
    expect(await http.post('/maintenance-windows/mw-relay/facts', weekly)).toMatchObject({
      status: 201,
      body: { windowId: 'mw-relay', duplicate: false },
    });
    expect(await http.post('/maintenance-windows/mw-relay/facts', weekly)).toMatchObject({
      status: 200,
      body: { duplicate: true },
    });
    expect(await storedEvents()).toBe(1);
    const windows = await eventually(async () => {
      const response = await http.get(
        '/maintenance-windows?serviceId=email&from=2026-03-21T00:00:00Z&to=2026-04-06T00:00:00Z',
      );
      return response.body.items.length === 1 ? response.body.items : undefined;
    });
    expect(windows[0]).toMatchObject({ changeReference: 'CHG-42', cancelledFrom: null, source: 'change-calendar' });
    expect(windows[0].occurrences).toEqual([
      { start: '2026-03-22T01:30:00.000Z', end: '2026-03-22T03:30:00.000Z' },
      { start: '2026-03-29T01:30:00.000Z', end: '2026-03-29T03:30:00.000Z' },
      { start: '2026-04-05T00:30:00.000Z', end: '2026-04-05T02:30:00.000Z' },
    ]);
  });

  it('records a one-off window and a cancellation that keeps the occurrences already past', async () => {
    const once = {
      source: 'change-calendar',
      externalId: 'CHG-43/scheduled',
      type: 'MaintenanceWindowScheduled',
      data: {
        ...weekly.data,
        changeReference: 'CHG-43',
        title: 'Storage firmware',
        schedule: { kind: 'once', start: '2026-02-14T22:00:00+01:00', end: '2026-02-15T01:00:00+01:00' },
      },
    };
    expect((await http.post('/maintenance-windows/mw-storage/facts', once)).status).toBe(201);
    const cancel = {
      source: 'change-calendar',
      externalId: 'CHG-42/cancelled',
      type: 'MaintenanceWindowCancelled',
      data: {
        reason: 'relay replaced by managed service',
        effectiveFrom: '2026-03-25T00:00:00Z',
        occurredAt: '2026-03-20T12:00:00+01:00',
      },
    };
    expect((await http.post('/maintenance-windows/mw-relay/facts', cancel)).status).toBe(201);
    const windows = await eventually(async () => {
      const response = await http.get('/maintenance-windows?from=2026-02-01T00:00:00Z&to=2026-04-06T00:00:00Z');
      return response.body.items.length === 2 && response.body.items[0].cancelledFrom ? response.body.items : undefined;
    });
    expect(windows[0]).toMatchObject({
      windowId: 'mw-relay',
      cancelledFrom: '2026-03-25T00:00:00.000Z',
      cancellationReason: 'relay replaced by managed service',
    });
    expect(windows[0].occurrences.at(-1)).toEqual({
      start: '2026-03-22T01:30:00.000Z',
      end: '2026-03-22T03:30:00.000Z',
    });
    expect(windows[1]).toMatchObject({
      windowId: 'mw-storage',
      occurrences: [{ start: '2026-02-14T21:00:00.000Z', end: '2026-02-15T00:00:00.000Z' }],
    });
  });

  it('refuses bad input and contradictions with the field or reason, storing nothing', async () => {
    const before = await storedEvents();
    const schedule = (value: unknown) => ({
      ...weekly,
      externalId: `bad-${Math.random()}`,
      data: { ...weekly.data, schedule: value },
    });
    const endBeforeStart = await http.post(
      '/maintenance-windows/mw-bad/facts',
      schedule({ kind: 'once', start: '2026-02-14T22:00:00Z', end: '2026-02-14T21:00:00Z' }),
    );
    expect(endBeforeStart).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          issues: [{ path: 'data.schedule.end', message: 'the window must end after it starts' }],
        },
      },
    });
    const brokenRule = await http.post(
      '/maintenance-windows/mw-bad/facts',
      schedule({ ...weekly.data.schedule, rule: 'FREQ=WEEKLY;BYDAY=XX' }),
    );
    expect(brokenRule).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'data.schedule.rule' }] } } });
    const noOffset = await http.post(
      '/maintenance-windows/mw-bad/facts',
      schedule({ kind: 'once', start: '2026-02-14T22:00:00', end: '2026-02-14T23:00:00Z' }),
    );
    expect(noOffset).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'data.schedule.start' }] } } });
    const badZone = await http.post(
      '/maintenance-windows/mw-bad/facts',
      schedule({ ...weekly.data.schedule, timeZone: 'Mars/Olympus' }),
    );
    expect(badZone).toMatchObject({
      status: 400,
      body: { error: { issues: [{ path: 'data.schedule.timeZone', message: 'not an IANA time zone' }] } },
    });
    const unknownService = await http.post('/maintenance-windows/mw-bad/facts', {
      ...weekly,
      externalId: 'x-1',
      data: { ...weekly.data, serviceId: 'payroll' },
    });
    expect(unknownService).toMatchObject({ status: 422, body: { error: { code: 'UNKNOWN_SERVICE' } } });
    const cancelUnknown = await http.post('/maintenance-windows/mw-nowhere/facts', {
      source: 'change-calendar',
      externalId: 'x-2',
      type: 'MaintenanceWindowCancelled',
      data: { reason: 'x', effectiveFrom: '2026-03-25T00:00:00Z', occurredAt: '2026-03-20T12:00:00Z' },
    });
    expect(cancelUnknown).toMatchObject({ status: 404, body: { error: { code: 'MAINTENANCE_WINDOW_NOT_FOUND' } } });
    const cancelTwice = await http.post('/maintenance-windows/mw-relay/facts', {
      source: 'change-calendar',
      externalId: 'x-3',
      type: 'MaintenanceWindowCancelled',
      data: { reason: 'x', effectiveFrom: '2026-03-26T00:00:00Z', occurredAt: '2026-03-21T12:00:00Z' },
    });
    expect(cancelTwice).toMatchObject({
      status: 409,
      body: { error: { code: 'MAINTENANCE_WINDOW_ALREADY_CANCELLED' } },
    });
    const badRange = await http.get('/maintenance-windows?from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z');
    expect(badRange).toMatchObject({
      status: 400,
      body: { error: { issues: [{ path: 'to', message: 'must be after from' }] } },
    });
    expect(await storedEvents()).toBe(before);
  });
});
