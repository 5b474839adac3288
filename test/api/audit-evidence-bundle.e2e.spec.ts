import { agreementStreamName } from '@sla/agreements-domain';
import { verifyEvidenceBundle } from '@sla/audit-domain';
import { ticketStreamName } from '@sla/operations-domain';
import { EvidenceBundleExporter } from '@sla/audit-feature';
import { eventually, givenShanghaiEmailAgreement, httpClient } from '@sla/test-support';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * The evidence bundle lives in audit and reaches the other contexts only through the readers their owners export; the
 * API's module list composes it (the CLI's `audit export` uses the same list).
 */
describe('evidence bundle from the audit feature (real app, real PostgreSQL)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi('evidence_bundle_home');
    const http = httpClient(api.baseUrl, { 'x-actor': 'slm.alice' }, api.conformance);
    await givenShanghaiEmailAgreement(http);
    const opened = await http.post('/tickets/INC-7/facts', {
      source: 'servicenow',
      externalId: 'inc-7-open',
      type: 'TicketOpened',
      data: {
        ticketType: 'incident',
        serviceId: 'email',
        priority: 'P1',
        impact: 'high',
        major: false,
        title: 'Mail down',
        occurredAt: '2026-03-09T10:00:00+08:00',
      },
    });
    expect(opened.status).toBe(201);
    await eventually(async () => ((await http.get('/tickets/INC-7')).status === 200 ? true : undefined));
  }, 60_000);

  afterAll(() => api?.close());

  it("exports the agreement's figures and the events behind them with proofs that verify offline", async () => {
    const exporter = api.app.get(EvidenceBundleExporter);
    const { bundle, summaryHtml } = await exporter.export(api.infrastructure, {
      agreementId: 'email-sla',
      period: '2026-03',
      timeZone: 'Asia/Shanghai',
    });

    expect(verifyEvidenceBundle(bundle)).toMatchObject({ ok: true, problems: [] });
    expect(bundle.period).toEqual({
      label: '2026-03',
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-31T16:00:00.000Z',
      timeZone: 'Asia/Shanghai',
    });
    // Read through the compliance reader: the ticket of the agreement's service opened in March, with its stream.
    const streams = new Set(bundle.events.map((event) => event.streamName));
    expect(streams).toContain(agreementStreamName('email-sla'));
    expect(streams).toContain(ticketStreamName('INC-7'));
    expect(Object.keys(bundle.figures)).toEqual([
      'agreementHistory',
      'responseResolution',
      'availability',
      'kpis',
      'breaches',
      'followUps',
      'reviews',
      'improvementPlans',
      'serviceReports',
      'asReportedAndAsCorrected',
    ]);
    expect(bundle.figures).toMatchObject({ reviews: [], improvementPlans: [], serviceReports: [] });
    expect(bundle.figures.asReportedAndAsCorrected).toBeNull();
    expect(summaryHtml).toContain('<h1>Evidence bundle: agreement email-sla, 2026-03 (Asia/Shanghai)</h1>');
  });

  it('refuses a malformed period before reading anything', async () => {
    const exporter = api.app.get(EvidenceBundleExporter);
    await expect(
      exporter.export(api.infrastructure, { agreementId: 'email-sla', period: '2026-13', timeZone: 'UTC' }),
    ).rejects.toThrow("period '2026-13': a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)");
  });
});
