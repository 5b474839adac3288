import { randomUUID } from 'node:crypto';
import { DefinedReportDrafting } from '@sla/reports-feature';
import { reportContentHash, serviceReportStreamName } from '@sla/reports-domain';
import { countStoredEvents, eventually, givenVpnServiceUnderSla, httpClient } from '@sla/test-support';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * A service report on a period in which no version of the agreement was in
 * force has nothing to measure against: refused (422 NO_VERSION_IN_FORCE)
 * unless acknowledged, the acknowledgement recorded in the report and shown
 * on it; automatic drafting skips such periods instead of failing each pass.
 * The SLA (response/resolution targets only) is in force from 1 March 2026.
 */
describe('service reports without a version in force (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  const now = new Date('2026-04-05T12:00:00Z');
  const report = { agreementId: 'vpn-sla', audience: 'customer', calendarId: 'round-the-clock' };
  const acknowledgeNoVersionInForce = { reason: 'hand-over month: the SLA starts in March' };

  const eventCount = () => countStoredEvents(api.databaseUrl);
  const revision = (id: string) =>
    eventually(async () => {
      const response = await http.get(`/reports/${id}/revisions/1`);
      return response.status === 200 ? response.body : undefined;
    });
  const html = async (id: string, language: 'en' | 'zh' = 'en') =>
    (await fetch(`${api.baseUrl}/reports/${id}/revisions/1/html?language=${language}`)).text();
  type Answer = { status: number; body: any };
  const readable = (path: string, until: (response: Answer) => boolean = (response) => response.status === 200) =>
    eventually(async () => (until(await http.get(path)) ? true : undefined));
  const approveAndPublish = async (id: string) => {
    expect((await http.post(`/reports/${id}/review`, { notes: 'checked' })).status).toBe(200);
    expect((await http.post(`/reports/${id}/approval`, {}, { 'x-actor': 'bob.approver' })).status).toBe(200);
    return http.post(`/reports/${id}/publication`, {});
  };

  beforeAll(async () => {
    api = await startTestApi('report_no_version_in_force', {}, { now: () => now });
    http = httpClient(api.baseUrl, { 'x-actor': 'slm.alice' }, api.conformance);
    await givenVpnServiceUnderSla(http);
  }, 60_000);
  afterAll(() => api?.close());

  it('refuses a report on a period before the SLA was in force, naming the reason, and stores nothing', async () => {
    const before = await eventCount();
    const refused = await http.post('/reports', { ...report, period: '2026-02' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('NO_VERSION_IN_FORCE');
    expect(refused.body.error.message).toMatch(/no version of agreement 'vpn-sla' was in force in 2026-02/);
    expect(refused.body.error.message).toContain('acknowledgeNoVersionInForce');
    const blankReason = { ...report, period: '2026-02', acknowledgeNoVersionInForce: { reason: ' ' } };
    const blank = await http.post('/reports', blankReason);
    expect(blank.status).toBe(400);
    const paths = blank.body.error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(['acknowledgeNoVersionInForce.reason']);
    expect(await eventCount()).toBe(before);
  });

  it('drafts it with an acknowledgement, recorded with who gave it, shown on the report; publishes it', async () => {
    const acknowledged = await http.post('/reports', { ...report, period: '2026-02', acknowledgeNoVersionInForce });
    expect(acknowledged.status).toBe(201);
    const id = 'vpn-sla-2026-02-customer';
    const drafted = await revision(id);
    const noVersionInForce = { acknowledgedBy: 'slm.alice', ...acknowledgeNoVersionInForce };
    expect(drafted.content).toMatchObject({ versionsInForce: [], noVersionInForce });
    const page = await html(id);
    expect(page).toContain('No agreement version was in force in this period; reported as acknowledged by</strong>');
    expect(page).toContain('</strong> slm.alice: hand-over month');
    expect(page).toContain('hand-over month: the SLA starts in March');
    expect(await html(id, 'zh')).toContain('本报告期间没有生效的协议版本');
    expect((await approveAndPublish(id)).status).toBe(200);
  });

  it('records the versions in force of a period that has one, shown even without availability terms', async () => {
    const generated = await http.post('/reports', { ...report, period: '2026-03', acknowledgeNoVersionInForce });
    expect(generated.status).toBe(201);
    const id = 'vpn-sla-2026-03-customer';
    const drafted = await revision(id);
    expect(drafted.content.versionsInForce).toEqual([1]);
    // Nothing to acknowledge: not kept.
    expect(drafted.content.noVersionInForce).toBeUndefined();
    expect(await html(id)).toContain('Version in force: 1 ·');
  });

  it('refuses to publish a draft made before the versions in force were recorded when none was', async () => {
    // A revision as drafted before versions in force were recorded in the content: January, no version in force.
    const id = 'vpn-sla-2026-01-customer';
    const period = '2026-01';
    const content = { agreementId: 'vpn-sla', period, timeZone: 'UTC', audience: 'customer', responseResolution: [] };
    const data = {
      reportId: id,
      agreementId: 'vpn-sla',
      period,
      audience: 'customer',
      dueDate: '2026-02-10',
      deadline: '2026-02-11T00:00:00.000Z',
      revision: 1,
      content,
      contentHash: reportContentHash(content),
      reason: null,
      draftedBy: 'slm.alice',
      occurredAt: '2026-02-02T09:00:00Z',
    };
    const metadata = { actor: 'slm.alice', correlationId: randomUUID(), source: 'test' };
    const event = { id: randomUUID(), type: 'ServiceReportDrafted', schemaVersion: 1, data, metadata };
    await api.infrastructure.eventStore.appendToStream(serviceReportStreamName(id), [event], 'no_stream');
    await revision(id);
    const refused = await approveAndPublish(id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('NO_VERSION_IN_FORCE');
  });

  it('skips periods without a version in force when drafting defined reports, pass after pass', async () => {
    const definition = {
      agreementId: 'vpn-sla',
      frequency: 'monthly',
      audience: 'internal',
      sections: ['targets'],
      language: 'en',
      timeZone: 'UTC',
      calendarId: 'round-the-clock',
      firstPeriod: '2026-01',
    };
    expect((await http.put('/report-definitions/vpn-internal', definition)).status).toBe(200);
    await readable('/report-definitions/vpn-internal');
    const drafting = api.app.get(DefinedReportDrafting);
    // January and February closed without a version in force; March had one.
    expect(await drafting.draftDue()).toEqual(['vpn-sla-2026-03-internal']);
    const before = await eventCount();
    expect(await drafting.draftDue()).toEqual([]);
    expect(await drafting.draftDue()).toEqual([]);
    expect(await eventCount()).toBe(before);
    expect((await revision('vpn-sla-2026-03-internal')).content.versionsInForce).toEqual([1]);
  });
});
