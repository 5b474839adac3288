import { readFileSync } from 'node:fs';
import path from 'node:path';
import { calendarFromJson } from '@sla/sla-clock';
import { generateDemoScenario } from '../demo-scenario';
import { demoAlertMapping } from './operations';

const chinaBusinessHours = calendarFromJson(
  readFileSync(path.join(__dirname, '../../../sla-clock/data/cn-2026-business-hours.calendar.json'), 'utf8'),
);
const DAY = 86_400_000;

describe('operations scenario', () => {
  const small = generateDemoScenario({ seed: 20260101, size: 'small', chinaBusinessHours });

  it('is the same for the same seed', () => {
    const again = generateDemoScenario({ seed: 20260101, size: 'small', chinaBusinessHours });
    expect(again.maintenance).toEqual(small.maintenance);
    expect(again.outages).toEqual(small.outages);
    expect(again.expectations.operations).toEqual(small.expectations.operations);
  });

  it('redelivers facts with the same source, external id and content as their first delivery, later', () => {
    const deliveries = small.outages.flatMap(({ outageId, facts }) => facts.map((fact) => ({ outageId, ...fact })));
    const byKey = new Map<string, typeof deliveries>();
    for (const delivery of deliveries) {
      const key = `${delivery.source}/${delivery.externalId}`;
      byKey.set(key, [...(byKey.get(key) ?? []), delivery]);
    }
    const repeated = [...byKey.values()].filter((group) => group.length > 1);
    expect(repeated).toHaveLength(small.expectations.operations.redeliveries.outages);
    for (const [first, second] of repeated) {
      expect({ ...second!, deliveredAt: undefined }).toEqual({ ...first!, deliveredAt: undefined });
      expect(Date.parse(second!.deliveredAt!)).toBeGreaterThan(Date.parse(String(first!.data.occurredAt)));
    }
    const alertBodies = small.steps.filter(({ phase }) => phase === 'alerts').map(({ body }) => JSON.stringify(body));
    expect(alertBodies.length - new Set(alertBodies).size).toBe(small.expectations.operations.redeliveries.alerts);
  });

  it('has every kind in the small size: late facts, partial outages, maintenance, a mapped alert per service', () => {
    const { lateOutageIds, alertOutages } = small.expectations.operations;
    expect(lateOutageIds.length).toBeGreaterThan(0);
    for (const outageId of lateOutageIds) {
      const facts = small.outages.find((outage) => outage.outageId === outageId)!.facts;
      expect(
        facts.some(
          ({ deliveredAt, data }) => Date.parse(deliveredAt ?? '') - Date.parse(String(data.occurredAt)) >= 14 * DAY,
        ),
      ).toBe(true);
    }
    const partial = small.outages.filter(({ facts }) => facts[0]!.data.impact === 'partial');
    expect(partial.length).toBeGreaterThan(0);
    expect(small.maintenance).toHaveLength(small.services.length);
    const mapping = demoAlertMapping(small.services.map(({ serviceId }) => serviceId));
    for (const { serviceId } of alertOutages) expect(mapping.some((rule) => rule.serviceId === serviceId)).toBe(true);
    expect(new Set(alertOutages.map(({ period }) => period))).toEqual(new Set(['2026-01', '2026-02']));
  });

  it('builds the missed month from more than half a per cent of downtime, and keeps the base expectations in step', () => {
    const { missedTarget, availability } = small.expectations.operations;
    const missed = availability.find(
      ({ serviceId, period }) => serviceId === missedTarget.serviceId && period === missedTarget.period,
    )!;
    expect(missed.downtimeMilliseconds / missed.agreedMilliseconds).toBeGreaterThan(0.005);
    for (const each of availability) {
      const base = small.expectations.availability.find(
        ({ serviceId, period }) => serviceId === each.serviceId && period === each.period,
      )!;
      expect(base.downtimeMilliseconds).toBe(each.downtimeMilliseconds);
    }
  });
});
