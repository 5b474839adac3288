import { readFileSync } from 'node:fs';
import path from 'node:path';
import { calendarFromJson } from '@sla/sla-clock';
import { generateDemoScenario, type DemoSize } from '../demo-scenario';

const chinaBusinessHours = calendarFromJson(
  readFileSync(path.join(__dirname, '../../../sla-clock/data/cn-2026-business-hours.calendar.json'), 'utf8'),
);

describe('reports scenario', () => {
  it.each<DemoSize>(['small', 'year'])('reports every agreement month, one late, one restated, in %s', (size) => {
    const scenario = generateDemoScenario({ seed: 20260101, size, chinaBusinessHours });
    const { definitions, reports, late, restated, timeliness } = scenario.expectations.reports;
    const months = size === 'small' ? 2 : 12;
    expect(definitions.filter((each) => each.audience === 'customer')).toHaveLength(3);
    const customerReports = reports.filter((report) => report.audience === 'customer');
    expect(customerReports).toHaveLength(3 * months);
    expect(customerReports.filter((report) => !report.onTime).map((report) => report.reportId)).toEqual([
      late.reportId,
    ]);
    expect(reports.filter((report) => report.revisions === 2).map((report) => report.reportId)).toEqual([
      restated.reportId,
    ]);
    expect(timeliness.onTime).toBeLessThan(timeliness.due);

    const reportSteps = scenario.steps.filter((step) => step.phase === 'reports');
    for (const report of reports) {
      const ofReport = reportSteps.filter(
        (step) => step.path.startsWith(`/reports/${report.reportId}/`) || step.body?.period === report.period,
      );
      // Drafted after its period closed, published by (or, for the late one, after) the due date.
      const drafted = reportSteps.find(
        (step) =>
          step.path === '/reports' &&
          step.body?.agreementId === report.agreementId &&
          step.body?.period === report.period &&
          step.body?.audience === report.audience,
      )!;
      expect(drafted.readsViews).toBe(true);
      expect(ofReport.length).toBeGreaterThanOrEqual(4);
    }
    // The late outage reaches the product after the restated report's first publication, before its revision.
    const lateOutage = scenario.outages.find((outage) => outage.outageId === restated.lateOutageId)!;
    const arrivedAt = lateOutage.facts[0]!.deliveredAt!;
    const restatedReport = reports.find((report) => report.reportId === restated.reportId)!;
    expect(arrivedAt > restatedReport.publishedAt).toBe(true);
    const revision = reportSteps.find((step) => step.path === `/reports/${restated.reportId}/revisions`)!;
    expect(revision.occurredAt > arrivedAt).toBe(true);
    // Steps of one report are in order (the API refuses them otherwise), each body dated as its step.
    for (const step of reportSteps)
      expect((step.body as { occurredAt?: string }).occurredAt ?? step.occurredAt).toBe(step.occurredAt);
  });
});
