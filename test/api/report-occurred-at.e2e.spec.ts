import { serviceReportStreamName } from '@sla/reports-domain';
import { countStoredEvents, eventually, givenVpnServiceUnderSla, httpClient } from '@sla/test-support';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * Report steps entered after the fact (a past year's reports, the demo) say when they happened: `occurredAt` on
 * drafting, review, approval, publication and restatement. Publication is judged on time or late at that instant;
 * steps stay in order and never in the future. The API's clock reads 20 April 2026; March is due by 10 April.
 */
describe('service report steps with their own occurredAt (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  const now = new Date('2026-04-20T12:00:00Z');
  const march = { agreementId: 'vpn-sla', period: '2026-03', calendarId: 'round-the-clock' };

  const eventCount = () => countStoredEvents(api.databaseUrl);
  type Answer = { status: number; body: any };
  const readable = (path: string, until: (response: Answer) => boolean = (response) => response.status === 200) =>
    eventually(async () => {
      const response = await http.get(path);
      return until(response) ? response.body : undefined;
    });
  const listed = (reportId: string, until: (item: any) => boolean) =>
    readable('/reports?status=all', (response) =>
      response.body?.items?.some((item: any) => item.reportId === reportId && until(item)),
    ).then((body) => body.items.find((item: any) => item.reportId === reportId));

  beforeAll(async () => {
    api = await startTestApi('report_occurred_at', {}, { now: () => now });
    http = httpClient(api.baseUrl, { 'x-actor': 'slm.alice' }, api.conformance);
    await givenVpnServiceUnderSla(http);
  }, 60_000);
  afterAll(() => api?.close());

  it('records each step at its occurredAt and judges a publication before the deadline on time', async () => {
    const id = 'vpn-sla-2026-03-customer';
    const drafted = await http.post('/reports', { ...march, occurredAt: '2026-04-02T09:00:00Z' });
    expect(drafted.status).toBe(201);
    await readable(`/reports/${id}/revisions/1`);
    expect(await listed(id, () => true)).toMatchObject({ latestRevision: 1, status: 'draft', publishedAt: null });
    const steps: [string, Record<string, unknown>, string?][] = [
      ['review', { notes: 'checked', occurredAt: '2026-04-03T10:00:00Z' }],
      ['approval', { occurredAt: '2026-04-06T11:00:00Z' }, 'bob.approver'],
      ['publication', { occurredAt: '2026-04-08T15:30:00Z' }],
    ];
    for (const [step, body, actor] of steps) {
      const answer = await http.post(`/reports/${id}/${step}`, body, actor ? { 'x-actor': actor } : {});
      expect({ step, status: answer.status }).toEqual({ step, status: 200 });
      // The list follows the newest revision's status step by step (the console's Reports page shows it).
      const status = { review: 'reviewed', approval: 'approved', publication: 'published' }[step];
      expect(await listed(id, (item) => item.status === status)).toMatchObject({ latestRevision: 1 });
    }
    const published = await readable(`/reports/${id}/revisions/1`, (response) => response.body?.status === 'published');
    expect(published).toMatchObject({
      draftedAt: '2026-04-02T09:00:00.000Z',
      approvedBy: 'bob.approver',
      publishedAt: '2026-04-08T15:30:00.000Z',
    });
    expect(await listed(id, (item) => item.publishedAt !== null)).toMatchObject({
      publishedAt: '2026-04-08T15:30:00.000Z',
      onTime: true,
      lateByMs: 0,
      overdue: false,
    });
    // Besides the time it states, when the publication was recorded: what "as reported" was known at.
    const stored = await api.infrastructure.eventStore.readStream(serviceReportStreamName(id));
    const publication = stored.find((event) => event.type === 'ServiceReportPublished')!;
    expect((await listed(id, (item) => item.publishedAt !== null)).publishedRecordedAt).toBe(
      publication.recordedAt.toISOString(),
    );
  });

  it('judges a publication after the deadline late by the time past it, not by the clock', async () => {
    const id = 'vpn-sla-2026-03-internal';
    expect(
      (await http.post('/reports', { ...march, audience: 'internal', occurredAt: '2026-04-09T08:00:00Z' })).status,
    ).toBe(201);
    await readable(`/reports/${id}/revisions/1`);
    expect((await http.post(`/reports/${id}/review`, { occurredAt: '2026-04-10T08:00:00Z' })).status).toBe(200);
    const approval = { occurredAt: '2026-04-13T08:00:00Z' };
    expect((await http.post(`/reports/${id}/approval`, approval, { 'x-actor': 'bob.approver' })).status).toBe(200);
    expect((await http.post(`/reports/${id}/publication`, { occurredAt: '2026-04-14T08:00:00Z' })).status).toBe(200);
    const item = await listed(id, (candidate) => candidate.publishedAt !== null);
    expect(item).toMatchObject({ publishedAt: '2026-04-14T08:00:00.000Z', onTime: false });
    // Due 10 April (a Friday): the deadline is the end of that day, 11 April 00:00 UTC.
    expect(item.deadline).toBe('2026-04-11T00:00:00.000Z');
    expect(item.lateByMs).toBe(Date.parse('2026-04-14T08:00:00Z') - Date.parse(item.deadline));
  });

  it('refuses a step dated in the future, before the report s last step, or not an instant, storing nothing', async () => {
    const id = 'vpn-sla-2026-02-customer';
    const acknowledgeNoVersionInForce = { reason: 'before the SLA' };
    const draft = { ...march, period: '2026-02', acknowledgeNoVersionInForce, occurredAt: '2026-03-05T09:00:00Z' };
    expect((await http.post('/reports', draft)).status).toBe(201);
    await readable(`/reports/${id}/revisions/1`);
    const before = await eventCount();

    const future = await http.post(`/reports/${id}/review`, { occurredAt: '2026-04-21T12:00:00Z' });
    expect(future.status).toBe(422);
    expect(future.body.error.code).toBe('OCCURRED_AT_IN_FUTURE');
    const earlier = await http.post(`/reports/${id}/review`, { occurredAt: '2026-03-04T09:00:00Z' });
    expect(earlier.status).toBe(422);
    expect(earlier.body.error.code).toBe('OCCURRED_AT_BEFORE_EARLIER_FACT');
    const malformed = await http.post(`/reports/${id}/review`, { occurredAt: 'yesterday' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['occurredAt']);
    const unknown = await http.post(`/reports/${id}/approval`, { approvedAt: '2026-03-06T09:00:00Z' });
    expect(unknown.status).toBe(400);
    expect(await eventCount()).toBe(before);
  });
});
