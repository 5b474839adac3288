import { Client } from 'pg';
import { DEMO_PHASES, type DemoPhase } from '@sla/demo';
import { loadDemo } from '../../apps/demo/src/load-demo';
import { httpClient } from '../support';
import type { TestApi } from '../support/test-api';
import { SMALL_DEMO_NOW, smallDemoScenario, startDemoApi } from '../support/demo';

/** The `small` demo loaded into the real API twice: the second run stores nothing, the figures are the generator's. */
describe('npm run demo (small)', () => {
  let api: TestApi;
  const scenario = smallDemoScenario();
  const now = SMALL_DEMO_NOW;

  beforeAll(async () => {
    api = await startDemoApi('demo_load', scenario);
  });
  afterAll(async () => api?.close());

  it('loads every record, then a second run adds nothing and says so', async () => {
    const first = await loadDemo({ baseUrl: api.baseUrl, scenario, now });
    const facts = (records: readonly { facts: readonly unknown[] }[]) =>
      records.reduce((sum, record) => sum + record.facts.length, 0);
    const items: Record<DemoPhase, number> = {
      ...(Object.fromEntries(DEMO_PHASES.map((phase) => [phase, 0])) as Record<DemoPhase, number>),
      calendars: 6,
      services: 12,
      agreements: 3,
      tickets: facts(scenario.tickets),
      outages: facts(scenario.outages),
      maintenance: facts(scenario.maintenance),
    };
    for (const step of scenario.steps) items[step.phase] += 1;
    // Sent twice on purpose (same source + externalId, or the same alert notification): stored once.
    const { redeliveries } = scenario.expectations.operations;
    const redelivered: Partial<Record<DemoPhase, number>> = {
      outages: redeliveries.outages,
      alerts: redeliveries.alerts,
    };
    expect(redeliveries.outages).toBeGreaterThan(0);
    expect(redeliveries.alerts).toBeGreaterThan(0);
    expect(first.phases).toEqual(
      Object.fromEntries(
        DEMO_PHASES.map((phase) => {
          const again = redelivered[phase] ?? 0;
          return [phase, { added: items[phase] - again, alreadyPresent: again, notYetDue: 0 }];
        }),
      ),
    );
    const eventsAfterFirst = await logSize();

    const second = await loadDemo({ baseUrl: api.baseUrl, scenario, now });
    expect(second.added).toBe(0);
    expect(second.alreadyPresent).toBe(first.added + first.alreadyPresent);
    expect(await logSize()).toBe(eventsAfterFirst);
  }, 600_000);

  it('shows the figures the generator built: tickets per month, a breached and a met ticket, availability', async () => {
    const http = httpClient(api.baseUrl, {}, api.conformance);
    const januaryBerlin = await countTickets(http, 'be-', '2026-01-01T00:00:00+01:00', '2026-02-01T00:00:00+01:00');
    const expectedJanuaryBerlin = scenario.expectations.tickets.filter(
      ({ ticketId }) =>
        ticketId.startsWith('DEMO-BERLIN') &&
        openedAt(ticketId) >= Date.parse('2026-01-01T00:00:00+01:00') &&
        openedAt(ticketId) < Date.parse('2026-02-01T00:00:00+01:00'),
    ).length;
    expect(januaryBerlin).toBe(expectedJanuaryBerlin);

    const breached = scenario.expectations.tickets.find(({ response }) => response === 'breached')!;
    const breachedClocks = (await http.get(`/compliance/tickets/${breached.ticketId}`)).body;
    const responseClock = breachedClocks.find(
      (clock: any) => clock.agreementId === breached.agreementId && clock.metric === 'response',
    );
    expect(responseClock.state).toBe('breached');

    const met = scenario.expectations.tickets.find(
      ({ response, resolution }) => response === 'met' && resolution === 'met',
    )!;
    const metClocks = (await http.get(`/compliance/tickets/${met.ticketId}`)).body;
    expect(
      metClocks.filter((clock: any) => clock.agreementId === met.agreementId).map((clock: any) => clock.state),
    ).toEqual(['met', 'met']);

    const expected = scenario.expectations.availability.find(
      ({ serviceId, period }) => serviceId === 'sh-erp' && period === '2026-02',
    )!;
    const figures = (
      await http.get(
        `/compliance/agreements/${expected.agreementId}/availability?period=${expected.period}&timeZone=${expected.timeZone}`,
      )
    ).body;
    const term = figures.terms.find(({ serviceId }: { serviceId: string }) => serviceId === 'sh-erp');
    expect(term.agreedServiceTime).toBe(expected.agreedMilliseconds);
    expect(term.downtime).toBe(expected.downtimeMilliseconds);
  });

  it('counts per agreement, month and metric the tickets and breaches the generator put there', async () => {
    const http = httpClient(api.baseUrl, {}, api.conformance);
    for (const agreement of scenario.agreements) {
      const timeZone = scenario.calendars.find(
        ({ definition }) => definition.id === agreement.template.calendars.roundTheClock,
      )!.definition.timeZone;
      for (const period of ['2026-01', '2026-02']) {
        const expected = scenario.expectations.tickets.filter(
          (ticket) => ticket.agreementId === agreement.agreementId && ticket.period === period,
        );
        const rows: { metric: string; tickets: number; breached: number; open: number }[] = (
          await http.get(
            `/compliance/agreements/${agreement.agreementId}/response-resolution?period=${period}&timeZone=${timeZone}`,
          )
        ).body;
        const sum = (metric: string, key: 'tickets' | 'breached' | 'open') =>
          rows.filter((row) => row.metric === metric).reduce((total, row) => total + row[key], 0);
        for (const metric of ['response', 'resolution'] as const) {
          const figures = {
            tickets: sum(metric, 'tickets'),
            breached: sum(metric, 'breached'),
            open: sum(metric, 'open'),
          };
          expect({ agreement: agreement.agreementId, period, metric, ...figures }).toEqual({
            agreement: agreement.agreementId,
            period,
            metric,
            tickets: expected.length,
            breached: expected.filter((ticket) => ticket[metric] === 'breached').length,
            open: 0,
          });
        }
      }
    }
  });

  function openedAt(ticketId: string): number {
    const ticket = scenario.tickets.find((candidate) => candidate.ticketId === ticketId)!;
    return Date.parse(String(ticket.facts[0]!.data.occurredAt));
  }

  async function countTickets(
    http: ReturnType<typeof httpClient>,
    servicePrefix: string,
    from: string,
    to: string,
  ): Promise<number> {
    let count = 0;
    for (const service of scenario.services.filter(({ serviceId }) => serviceId.startsWith(servicePrefix))) {
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({
          serviceId: service.serviceId,
          openedFrom: from,
          openedTo: to,
          limit: '200',
        });
        if (cursor) query.set('cursor', cursor);
        const page = (await http.get(`/tickets?${query}`)).body;
        count += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
    }
    return count;
  }

  /**
   * Events in the streams the demo feeds (calendars, services, agreements, tickets, outages, maintenance windows):
   * the SLA watch and the other background work keep appending their own findings while the product runs.
   */
  async function logSize(): Promise<number> {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const fed = `select count(*)::int as count from event_store.events
        where split_part(stream_name, '-', 1) in ('calendar', 'service', 'agreement', 'ticket', 'outage', 'maintenance')`;
      return (await client.query(fed)).rows[0].count;
    } finally {
      await client.end();
    }
  }
});
