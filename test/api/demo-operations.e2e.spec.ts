import { loadSmallDemo, smallDemoScenario } from '../support/demo';
import type { TestApi } from '../support/test-api';
import type { httpClient } from '../support';
import type { DemoLoadSummary } from '../../apps/demo/src/load-demo';

/**
 * The `small` demo's operations content through the HTTP API: maintenance windows excluded from availability,
 * Alertmanager outages, partial weights, late and redelivered facts, and the month built to miss its target.
 */
describe('npm run demo (small): operations', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  let summary: DemoLoadSummary;
  const scenario = smallDemoScenario();
  const expected = scenario.expectations.operations;

  beforeAll(async () => {
    ({ api, http, summary } = await loadSmallDemo('demo_operations', scenario));
  }, 600_000);
  afterAll(async () => api?.close());

  it('measures every service and month as built: partial weights, maintenance excluded, all figures different', async () => {
    // Every service in both months of the small size.
    expect(expected.availability).toHaveLength(scenario.services.length * 2);
    const measured: { serviceId: string; period: string; downtime: number; excluded: number; maintenance: number }[] =
      [];
    for (const { serviceId, period, timeZone, calendarId } of expected.availability) {
      const query = new URLSearchParams({ period, timeZone, calendarId });
      const figures = (await http.get(`/compliance/services/${serviceId}/availability?${query}`)).body;
      measured.push({
        serviceId,
        period,
        downtime: figures.downtime,
        excluded: figures.excludedMaintenanceDowntime,
        maintenance: figures.maintenanceTime,
      });
    }
    expect(measured).toEqual(
      expected.availability.map((each) => ({
        serviceId: each.serviceId,
        period: each.period,
        downtime: each.downtimeMilliseconds,
        excluded: each.excludedMaintenanceMilliseconds,
        maintenance: each.maintenanceMilliseconds,
      })),
    );
    // Maintenance took outage time out of the count at least once, and every window occurred in every month.
    expect(measured.some(({ excluded }) => excluded > 0)).toBe(true);
    expect(measured.every(({ maintenance }) => maintenance > 0)).toBe(true);
    expect(new Set(measured.map(({ downtime }) => downtime)).size).toBe(measured.length);
  });

  it('shows the month that misses its availability target, in the agreement view', async () => {
    const { agreementId, serviceId, period } = expected.missedTarget;
    expect(period).toBe('2026-02');
    const timeZone = expected.availability.find((each) => each.serviceId === serviceId)!.timeZone;
    const february = (
      await http.get(`/compliance/agreements/${agreementId}/availability?period=${period}&timeZone=${timeZone}`)
    ).body;
    const terms = february.terms.filter((term: { serviceId: string }) => term.serviceId === serviceId);
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.map((term: { targetMet: boolean }) => term.targetMet)).toContain(false);
    expect(february.allTargetsMet).toBe(false);
    const built = expected.availability.find((each) => each.serviceId === serviceId && each.period === period)!;
    // More than 0.5 % of the month down: below even the basic tier.
    expect(built.downtimeMilliseconds).toBeGreaterThan(built.agreedMilliseconds * 0.005);
    expect(terms.reduce((sum: number, term: { downtime: number }) => sum + term.downtime, 0)).toBe(
      built.downtimeMilliseconds,
    );
  });

  it('records the Alertmanager outages once each, the degraded one with its weight', async () => {
    expect(expected.alertOutages.length).toBeGreaterThanOrEqual(3);
    for (const { outageId, serviceId } of expected.alertOutages) {
      const listed = (await http.get(`/outages?serviceId=${serviceId}&limit=200`)).body.items.filter(
        (outage: { outageId: string }) => outage.outageId === outageId,
      );
      expect(listed).toHaveLength(1);
      expect(listed[0].source).toBe('alertmanager');
      expect(listed[0].endedAt).not.toBeNull();
    }
    const { serviceId } = expected.missedTarget;
    const alertmanagerOutages = (await http.get(`/outages?serviceId=${serviceId}&limit=200`)).body.items.filter(
      (outage: { source: string }) => outage.source === 'alertmanager',
    );
    expect(
      alertmanagerOutages.map(({ impact, weight }: { impact: string; weight: number | null }) => [impact, weight]),
    ).toEqual(
      expect.arrayContaining([
        ['full', null],
        ['partial', 0.5],
      ]),
    );
  });

  it('stores a redelivery once and counts it as already present; late facts end their outages', async () => {
    expect(summary.phases.outages.alreadyPresent).toBe(expected.redeliveries.outages);
    expect(summary.phases.alerts.alreadyPresent).toBe(expected.redeliveries.alerts);
    const redelivered = scenario.outages.filter((outage) => outage.facts.length === 1);
    expect(redelivered).toHaveLength(expected.redeliveries.outages);
    for (const { outageId, facts } of redelivered) {
      const serviceId = String(
        scenario.outages.find((each) => each.outageId === outageId && each.facts.length === 2)!.facts[0]!.data
          .serviceId,
      );
      expect(facts[0]!.deliveredAt).toBeDefined();
      const listed = (await http.get(`/outages?serviceId=${serviceId}&limit=200`)).body.items.filter(
        (outage: { outageId: string }) => outage.outageId === outageId,
      );
      expect(listed).toHaveLength(1);
    }
    for (const outageId of expected.lateOutageIds) {
      const outage = scenario.outages.find((each) => each.outageId === outageId)!;
      const sentWeeksLater = outage.facts.some(
        ({ deliveredAt, data }) =>
          deliveredAt !== undefined && Date.parse(deliveredAt) - Date.parse(String(data.occurredAt)) >= 14 * 86_400_000,
      );
      expect(sentWeeksLater).toBe(true);
      const listed = (
        await http.get(`/outages?serviceId=${String(outage.facts[0]!.data.serviceId)}&limit=200`)
      ).body.items.find((each: { outageId: string }) => each.outageId === outageId);
      expect(listed.endedAt).toBe(String(outage.facts[1]!.data.occurredAt));
    }
  });

  it('lists the recurring maintenance windows with an occurrence in each month', async () => {
    const windows = (
      await http.get('/maintenance-windows?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&limit=200')
    ).body.items.filter((window: { windowId: string }) => expected.maintenanceWindowIds.includes(window.windowId));
    expect(windows).toHaveLength(scenario.services.length);
    for (const window of windows) {
      expect(window.schedule.kind).toBe('recurring');
      expect(window.occurrences).toHaveLength(2);
    }
  });
});
