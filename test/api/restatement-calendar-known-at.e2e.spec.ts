import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, givenApprovedVpnAgreement, httpClient } from '@sla/test-support';

/**
 * The restatement's "as reported" side is what the report could have said: the service hours are those of the
 * calendar as it was defined when the report was made. A calendar replaced afterwards changes only "as corrected".
 */
describe('restatement: calendars as known when reported (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  let now = new Date('2026-03-02T16:30:00Z');
  const office = {
    id: 'office',
    name: 'Office',
    timeZone: 'UTC',
    versions: [
      { weeklyWindows: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, ['09:00-17:00']])) },
    ],
  };

  beforeAll(async () => {
    api = await startTestApi('restatement_calendar', {}, { now: () => now });
    http = httpClient(api.baseUrl, { 'x-actor': 'slm.alice' }, api.conformance);
    expect((await http.post('/calendars', { definition: office })).status).toBe(201);
    await eventually(async () => ((await http.get('/calendars/office')).status === 200 ? true : undefined));
    await http.post('/services', {
      serviceId: 'vpn',
      name: 'VPN',
      owner: { name: 'Li Wei' },
      calendarId: 'office',
      changeRequest: 'CR-1',
    });
    await eventually(async () => ((await http.get('/services/vpn')).status === 200 ? true : undefined));
    await givenApprovedVpnAgreement(http, [
      {
        serviceId: 'vpn',
        priority: 'P2',
        response: { duration: { unit: 'business-hours', amount: 1 }, calendarId: 'office' },
        resolution: { duration: { unit: 'business-hours', amount: 8 }, calendarId: 'office' },
      },
    ]);
  }, 60_000);
  afterAll(() => api?.close());

  it('reports the response met under office hours although the calendar became 24x7 after the report', async () => {
    const opened = await http.post('/tickets/INC-1/facts', {
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
        occurredAt: '2026-03-02T16:30:00Z',
      },
    });
    expect(opened.status).toBe(201);
    // Monday 16:30 to Tuesday 09:20: 50 office minutes (met within 1 business hour), 16 h 50 min round the clock.
    now = new Date('2026-03-03T09:20:00Z');
    const responded = await http.post('/tickets/INC-1/facts', {
      source: 'jira',
      externalId: 'a-1',
      type: 'TicketAcknowledged',
      data: { occurredAt: '2026-03-03T09:20:00Z' },
    });
    expect(responded.status).toBe(201);
    await eventually(async () => {
      const clocks = (await http.get('/compliance/tickets/INC-1')).body;
      return clocks?.find?.((clock: { metric: string; state: string }) => clock.metric === 'response')?.state === 'met'
        ? true
        : undefined;
    }, 20_000);

    // Recording times are the database's: the report is made between the facts and the calendar change.
    const reportedAt = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const roundTheClock = { ...office, versions: [{ weeklyWindows: '24x7' }] };
    expect((await http.post('/calendars', { definition: roundTheClock, changeRequest: 'CR-2' })).status).toBe(201);
    await eventually(async () => ((await http.get('/calendars/office')).body?.streamRevision === 1 ? true : undefined));

    const restatement = (
      await http.get(`/compliance/agreements/vpn-sla/restatement?period=2026-03&reportedAt=${reportedAt.toISOString()}`)
    ).body;
    const response = (figures: { metric: string }[]) => figures.find((row) => row.metric === 'response');
    expect(response(restatement.asReported)).toMatchObject({ met: 1, breached: 0, percentWithinTarget: '100.0000' });
    expect(response(restatement.asCorrected)).toMatchObject({ met: 0, breached: 1, percentWithinTarget: '0.0000' });
    expect(restatement.changes).toEqual([
      { ticketId: 'INC-1', metric: 'response', reported: 'met', corrected: 'breached', causedBy: [] },
      // 8 business hours: still running by office hours then, long past round the clock.
      { ticketId: 'INC-1', metric: 'resolution', reported: 'running', corrected: 'breached', causedBy: [] },
    ]);
  });
});
