import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { calendarFromJson } from '@sla/sla-clock';
import { countDeliveries, generateDemoScenario } from './demo-scenario';

const chinaBusinessHours = calendarFromJson(
  readFileSync(path.join(__dirname, '../../sla-clock/data/cn-2026-business-hours.calendar.json'), 'utf8'),
);

describe('generateDemoScenario', () => {
  it('gives identical output for the same seed and size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const first = generateDemoScenario({ seed, size: 'small', chinaBusinessHours });
        const second = generateDemoScenario({ seed, size: 'small', chinaBusinessHours });
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      }),
      { numRuns: 5 },
    );
  });

  it('gives different tickets for different seeds', () => {
    const first = generateDemoScenario({ seed: 1, size: 'small', chinaBusinessHours });
    const second = generateDemoScenario({ seed: 2, size: 'small', chinaBusinessHours });
    expect(JSON.stringify(second.tickets)).not.toBe(JSON.stringify(first.tickets));
  });

  it('sets up three customers in their zones, twelve services, six calendars and one SLA each', () => {
    const scenario = generateDemoScenario({ seed: 7, size: 'small', chinaBusinessHours });
    expect(scenario.calendars.map(({ definition }) => definition.timeZone)).toEqual([
      'Asia/Shanghai',
      'Asia/Shanghai',
      'Europe/Berlin',
      'Europe/Berlin',
      'America/New_York',
      'America/New_York',
    ]);
    // The shipped Chinese schedule, make-up working days included.
    const shanghai = scenario.calendars.find(({ definition }) => definition.id === 'shanghai-business-hours')!;
    expect(shanghai.definition.versions[0]!.extraWorkingDays.map(({ date }) => date)).toContain('2026-02-14');
    expect(scenario.services).toHaveLength(12);
    expect(scenario.agreements.map(({ template }) => template.tier)).toEqual(['standard', 'advanced', 'basic']);
  });

  it('makes the small size a few hundred tickets, with Monday peaks and a Spring Festival trough', () => {
    const scenario = generateDemoScenario({ seed: 20260101, size: 'small', chinaBusinessHours });
    expect(scenario.tickets.length).toBeGreaterThan(200);
    expect(scenario.tickets.length).toBeLessThan(600);
    const months = scenario.expectations.ticketsPerMonth;
    expect(Object.keys(months).sort()).toEqual(['2026-01', '2026-02']);
    expect(months['2026-01']! + months['2026-02']!).toBe(scenario.tickets.length);
    const openedIn = (prefix: string, predicate: (date: Temporal.PlainDate) => boolean) =>
      scenario.tickets.filter(({ ticketId, facts }) => {
        if (!ticketId.startsWith(prefix)) return false;
        const zone = prefix.includes('SHANGHAI') ? 'Asia/Shanghai' : 'Europe/Berlin';
        return predicate(
          Temporal.Instant.from(String(facts[0]!.data.occurredAt)).toZonedDateTimeISO(zone).toPlainDate(),
        );
      }).length;
    const springFestival = openedIn('DEMO-SHANGHAI', (date) => date.month === 2 && date.day >= 16 && date.day <= 20);
    const weekBefore = openedIn('DEMO-SHANGHAI', (date) => date.month === 2 && date.day >= 9 && date.day <= 13);
    expect(springFestival * 3).toBeLessThan(weekBefore);
    const mondays = openedIn('DEMO-BERLIN', (date) => date.dayOfWeek === 1);
    const thursdays = openedIn('DEMO-BERLIN', (date) => date.dayOfWeek === 4);
    expect(mondays).toBeGreaterThan(thursdays);
  });

  it('delivers each ticket facts in time order, with stable external ids, and breaches a few per cent', () => {
    const scenario = generateDemoScenario({ seed: 3, size: 'small', chinaBusinessHours });
    for (const { facts } of scenario.tickets) {
      const instants = facts.map(({ data }) => Date.parse(String(data.occurredAt)));
      expect([...instants].sort((left, right) => left - right)).toEqual(instants);
    }
    const externalIds = scenario.tickets.flatMap(({ facts }) => facts.map(({ externalId }) => externalId));
    expect(new Set(externalIds).size).toBe(externalIds.length);
    const breached = scenario.expectations.tickets.filter(({ response }) => response === 'breached').length;
    expect(breached).toBeGreaterThan(0);
    expect(breached / scenario.tickets.length).toBeLessThan(0.1);
    // An outage is a start and an end, but a redelivery record carries only the fact sent again; a window one fact.
    const { redeliveries } = scenario.expectations.operations;
    expect(countDeliveries(scenario)).toBe(
      externalIds.length +
        (scenario.outages.length - redeliveries.outages) * 2 +
        redeliveries.outages +
        scenario.maintenance.length,
    );
  });

  it('makes the year size about 50,000 tickets', () => {
    const scenario = generateDemoScenario({ seed: 20260101, size: 'year', chinaBusinessHours });
    expect(scenario.tickets.length).toBeGreaterThan(45_000);
    expect(scenario.tickets.length).toBeLessThan(55_000);
    expect(Object.keys(scenario.expectations.ticketsPerMonth)).toHaveLength(12);
  });
});
