import { loadDemo } from '../../apps/demo/src/load-demo';
import { loadSmallDemo, SMALL_DEMO_NOW, smallDemoScenario, type LoadedDemo } from '../support/demo';

/**
 * The `small` demo's service reports, read back over HTTP: a definition per agreement, every month's report drafted,
 * reviewed, approved and published (New York's February late), January of Shanghai restated as revision 2 after its
 * late outage, and New York's internal Q1 report counting the late one in its timeliness KPI.
 */
describe('npm run demo (small): service reports', () => {
  let demo: LoadedDemo;
  const scenario = smallDemoScenario();
  const expected = scenario.expectations.reports;
  const get = async (path: string) => {
    const response = await demo.http.get(path);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return response.body;
  };

  beforeAll(async () => {
    demo = await loadSmallDemo('demo_reports', scenario);
    const steps = scenario.steps.filter((step) => step.phase === 'reports').length;
    expect(demo.summary.phases.reports).toEqual({ added: steps, alreadyPresent: 0, notYetDue: 0 });
  }, 600_000);
  afterAll(async () => demo?.api.close());

  it('holds a report definition per agreement, and the internal one', async () => {
    const page = await get('/report-definitions?limit=100');
    const listed = page.items.map(({ definitionId, agreementId, audience, frequency }: any) => ({
      definitionId,
      agreementId,
      audience,
      frequency,
    }));
    const byId = (left: { definitionId: string }, right: { definitionId: string }) =>
      left.definitionId < right.definitionId ? -1 : 1;
    expect(listed.sort(byId)).toEqual([...expected.definitions].sort(byId));
  });

  it('published every report of the scenario at its time, on time but for the late one', async () => {
    const listed = new Map<string, any>();
    for (const agreementId of new Set(expected.reports.map((report) => report.agreementId))) {
      const page = await get(`/reports?status=all&agreementId=${agreementId}&limit=100`);
      for (const item of page.items) listed.set(item.reportId, item);
    }
    expect([...listed.keys()].sort()).toEqual(expected.reports.map((report) => report.reportId).sort());
    for (const report of expected.reports) {
      const item = listed.get(report.reportId);
      const revision = await get(`/reports/${report.reportId}/revisions/1`);
      expect({
        reportId: report.reportId,
        publishedAt: item.publishedAt,
        onTime: item.onTime,
        status: revision.status,
        approvedBy: revision.approvedBy,
        draftedBy: revision.draftedBy,
      }).toEqual({
        reportId: report.reportId,
        publishedAt: new Date(report.publishedAt).toISOString(),
        onTime: report.onTime,
        status: 'published',
        approvedBy: 'it.director.maria',
        draftedBy: 'slm.alice',
      });
    }
    const late = listed.get(expected.late.reportId);
    expect(late).toMatchObject({ onTime: false, dueDate: expected.late.dueDate });
    expect(late.lateByMs).toBeGreaterThan(0);
  });

  it('restated the month whose outage arrived late: revision 2 differs from what was reported', async () => {
    const { reportId, reason, lateOutageId } = expected.restated;
    const first = await get(`/reports/${reportId}/revisions/1`);
    const second = await get(`/reports/${reportId}/revisions/2`);
    expect(second).toMatchObject({ status: 'published', reason });
    expect(second.contentHash).not.toBe(first.contentHash);
    expect(second.changesFromPrevious.some((change: { section: string }) => change.section === 'availability')).toBe(
      true,
    );
    const comparison = await get(`/reports/${reportId}/comparison?from=1&to=2`);
    expect(comparison.changes).toEqual(second.changesFromPrevious);
    // "As known now" (revision 2) counts the late outage's downtime; "as reported" (revision 1) did not.
    const { serviceId } = scenario.outages.find((outage) => outage.outageId === lateOutageId)!.facts[0]!.data as {
      serviceId: string;
    };
    const downtimeOf = (revision: any) =>
      revision.content.availability.find((row: { serviceId: string }) => row.serviceId === serviceId).downtime;
    expect(downtimeOf(second)).toBeGreaterThan(downtimeOf(first));
  });

  it("counts the late customer report in the internal report's timeliness KPI", async () => {
    const { reportId, onTime, due } = expected.timeliness;
    const revision = await get(`/reports/${reportId}/revisions/1`);
    const kpi = revision.content.kpis.find((line: { kpi: string }) => line.kpi === 'reports-published-on-time');
    expect(kpi).toMatchObject({ numerator: onTime, denominator: due, met: false });
    expect(Number(kpi.value)).toBeLessThan(100);
  });

  it('downloads a published report as a PDF', async () => {
    const reportId = expected.reports[0]!.reportId;
    const response = await fetch(`${demo.api.baseUrl}/reports/${reportId}/revisions/1/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('a second run sends no report step again', async () => {
    const second = await loadDemo({ baseUrl: demo.api.baseUrl, scenario, now: SMALL_DEMO_NOW });
    const steps = scenario.steps.filter((step) => step.phase === 'reports').length;
    expect(second.phases.reports).toEqual({ added: 0, alreadyPresent: steps, notYetDue: 0 });
  }, 300_000);
});
