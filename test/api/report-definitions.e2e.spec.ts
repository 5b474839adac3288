import { Client } from 'pg';
import { DefinedReportDrafting } from '@sla/reports-feature';
import { countStoredEvents, eventually, givenShanghaiEmailAgreement, httpClient } from '@sla/test-support';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * Report definitions of an agreement, and the reports they promise drafted
 * by the API itself once each period closes: exactly once, only the defined
 * sections, never before the first period, never after retirement.
 */
describe('report definitions and automatic drafts (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  let now = new Date('2026-02-15T12:00:00Z');

  const terms = {
    agreementId: 'email-sla',
    frequency: 'monthly',
    audience: 'customer',
    sections: ['targets', 'availability', 'trend', 'kpis'],
    language: 'zh',
    timeZone: 'Asia/Shanghai',
    calendarId: 'office-shanghai',
    firstPeriod: '2026-01',
    trendPeriods: 3,
  };
  const eventCount = () => countStoredEvents(api.databaseUrl);
  const reportIds = async () =>
    ((await http.get('/reports')).body.items as { reportId: string }[]).map((report) => report.reportId);

  beforeAll(async () => {
    api = await startTestApi('report_definitions', { REPORT_DRAFT_INTERVAL_SECONDS: '1' }, { now: () => now });
    http = httpClient(api.baseUrl, { 'x-actor': 'slm.alice' }, api.conformance);
    await givenShanghaiEmailAgreement(http);
  }, 60_000);

  afterAll(() => api?.close());

  it('refuses bad definitions naming the field, and unknown agreements or calendars, storing nothing', async () => {
    const before = await eventCount();
    const bad = await http.put('/report-definitions/email-monthly', {
      ...terms,
      sections: ['targets', 'gossip'],
      timeZone: 'Mars/Olympus',
      trendPeriods: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'sections.1',
      'timeZone',
      'trendPeriods',
    ]);
    expect(
      (await http.put('/report-definitions/email-monthly', { ...terms, firstPeriod: '2026-Q1' })).body.error.code,
    ).toBe('FIRST_PERIOD_MISMATCH');
    expect(
      (await http.put('/report-definitions/email-monthly', { ...terms, agreementId: 'nope-sla' })).body.error.code,
    ).toBe('UNKNOWN_AGREEMENT');
    expect(
      (await http.put('/report-definitions/email-monthly', { ...terms, calendarId: 'nope' })).body.error.code,
    ).toBe('UNKNOWN_CALENDAR');
    expect((await http.put('/report-definitions/Bad_Id', terms)).status).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  it('drafts each closed period once, with the defined sections, then nothing after retirement', async () => {
    const recorded = await http.put('/report-definitions/email-monthly', terms);
    expect(recorded).toMatchObject({ status: 200, body: { events: ['ReportDefinitionRecorded'] } });
    expect((await http.put('/report-definitions/email-monthly', terms)).body.events).toEqual([]);
    const definition = await eventually(async () => {
      const response = await http.get('/report-definitions/email-monthly');
      return response.status === 200 ? response.body : undefined;
    });
    expect(definition).toMatchObject({ ...terms, recordedBy: 'slm.alice', retiredAt: null });

    // On 15 February only January has closed.
    expect(await eventually(async () => ((await reportIds()).length === 1 ? reportIds() : undefined))).toEqual([
      'email-sla-2026-01-customer',
    ]);
    const january = (await http.get('/reports/email-sla-2026-01-customer/revisions/1')).body;
    expect(january).toMatchObject({
      status: 'draft',
      draftedBy: 'report-drafting',
      content: {
        agreementId: 'email-sla',
        period: '2026-01',
        timeZone: 'Asia/Shanghai',
        language: 'zh',
        sections: terms.sections,
        definitionId: 'email-monthly',
      },
    });
    expect(Object.keys(january.content)).toEqual(
      expect.arrayContaining(['responseResolution', 'availability', 'trend', 'kpis']),
    );
    expect(january.content.breaches).toBeUndefined();
    expect(january.content.improvementPlans).toBeUndefined();
    // Three trend periods asked for, but the agreement (and the definition) begin in January: no rows before it.
    expect(january.content.trendFrom).toBe('2026-01');
    expect(january.content.trend.map((point: { period: string }) => point.period)).toEqual(['2026-01']);

    // March closes at midnight Shanghai time: 31 March 16:00 UTC. A second before, February only.
    now = new Date('2026-03-31T15:59:59Z');
    await eventually(async () => ((await reportIds()).length === 2 ? true : undefined));
    now = new Date('2026-03-31T16:00:00Z');
    await eventually(async () => ((await reportIds()).length === 3 ? true : undefined));
    expect(await reportIds()).toEqual([
      'email-sla-2026-01-customer',
      'email-sla-2026-02-customer',
      'email-sla-2026-03-customer',
    ]);

    // However many passes run at once (two API processes, a restart mid-pass), each report is drafted once.
    now = new Date('2026-04-30T16:00:00Z');
    const drafting = api.app.get(DefinedReportDrafting);
    await Promise.all([drafting.draftDue(), drafting.draftDue(), drafting.draftDue()]);
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const drafts = await client.query(
        "select stream_name, count(*)::int as count from event_store.events where event_type = 'ServiceReportDrafted' group by stream_name order by stream_name",
      );
      expect(drafts.rows).toEqual(
        ['01', '02', '03', '04'].map((month) => ({
          stream_name: `service_report-email-sla-2026-${month}-customer`,
          count: 1,
        })),
      );
    } finally {
      await client.end();
    }

    // An auto-drafted report goes through review, four-eyes approval and publication like any other.
    const id = 'email-sla-2026-01-customer';
    expect((await http.post(`/reports/${id}/review`, { notes: 'checked' })).status).toBe(200);
    expect((await http.post(`/reports/${id}/approval`, {})).status).toBe(200);
    expect((await http.post(`/reports/${id}/publication`, {})).status).toBe(200);

    expect(
      (await http.post('/report-definitions/email-monthly/retirement', { reason: 'agreement terminated' })).status,
    ).toBe(200);
    expect((await http.put('/report-definitions/email-monthly', terms)).body.error.code).toBe('DEFINITION_RETIRED');
    await eventually(async () => ((await http.get('/report-definitions')).body.items.length === 0 ? true : undefined));
    now = new Date('2026-07-15T00:00:00Z');
    expect(await drafting.draftDue()).toEqual([]);
    expect(await eventually(async () => ((await reportIds()).length === 4 ? reportIds() : undefined))).toHaveLength(4);
    expect((await http.get('/report-definitions?includeRetired=true')).body.items[0]).toMatchObject({
      definitionId: 'email-monthly',
      retirementReason: 'agreement terminated',
    });
  }, 60_000);
});
