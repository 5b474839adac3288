import { Temporal } from 'temporal-polyfill';
import { httpClient } from '../support';
import { loadSmallDemo } from '../support/demo';
import type { TestApi } from '../support/test-api';

type Row = {
  agreementId: string;
  customer: string;
  services: string[];
  timeZone: string;
  from: string;
  to: string;
  compliance: 'met' | 'at-risk' | 'breached';
  availability: { targetMet: boolean | null }[];
  response: { tickets: number; met: number; breached: number; open: number; percentWithinTarget: string | null };
  resolution: Row['response'];
  atRiskClocks: number;
  openFollowUps: number;
};

/** GET /compliance/portfolio over the `small` demo: each row is what the per-agreement endpoints answer. */
describe('the compliance portfolio (real app, real PostgreSQL, small demo)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    ({ api } = await loadSmallDemo('compliance_portfolio'));
    http = httpClient(api.baseUrl, {}, api.conformance);
  }, 600_000);
  afterAll(async () => api?.close());

  const portfolio = async (query: string) => {
    const response = await http.get(`/compliance/portfolio?${query}`);
    expect(response.status).toBe(200);
    return response.body as { period: string; asOf: string; agreements: Row[] };
  };

  it.each(['2026-01', '2026-02'])(
    'lists for %s every agreement in force, each measured in its own zone, with the figures of its own endpoints',
    async (period) => {
      const { agreements: rows } = await portfolio(`period=${period}`);
      const listed = (await http.get('/agreements?limit=500')).body.items as { agreementId: string }[];
      // The demo's three customer SLAs, its OLAs and UCs: all in force from January 2026.
      expect(rows.map((row) => row.agreementId)).toEqual(listed.map((agreement) => agreement.agreementId));
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(new Set(rows.map((row) => row.timeZone)).size).toBeGreaterThan(1);
      for (const row of rows) {
        const start = Temporal.PlainDate.from(`${period}-01`);
        const instant = (date: Temporal.PlainDate) =>
          new Date(date.toZonedDateTime({ timeZone: row.timeZone }).epochMilliseconds).toISOString();
        expect({ id: row.agreementId, from: row.from, to: row.to }).toEqual({
          id: row.agreementId,
          from: instant(start),
          to: instant(start.add({ months: 1 })),
        });
        const range = `period=${period}&timeZone=${encodeURIComponent(row.timeZone)}`;
        const availability = (await http.get(`/compliance/agreements/${row.agreementId}/availability?${range}`)).body;
        expect(row.availability).toEqual(availability.terms);
        const figures: { metric: string; tickets: number; met: number; breached: number; open: number }[] = (
          await http.get(`/compliance/agreements/${row.agreementId}/response-resolution?${range}`)
        ).body;
        for (const metric of ['response', 'resolution'] as const) {
          const of = figures.filter((figure) => figure.metric === metric);
          const sum = (key: 'tickets' | 'met' | 'breached' | 'open') => of.reduce((total, f) => total + f[key], 0);
          expect({ id: row.agreementId, metric, ...row[metric], percentWithinTarget: undefined }).toEqual({
            id: row.agreementId,
            metric,
            tickets: sum('tickets'),
            met: sum('met'),
            breached: sum('breached'),
            open: sum('open'),
            percentWithinTarget: undefined,
          });
        }
        const followUps = (
          await http.get(`/compliance/follow-ups?agreementId=${row.agreementId}&status=open&limit=500`)
        ).body.items.filter((item: { breachedAt: string }) => item.breachedAt >= row.from && item.breachedAt < row.to);
        expect({ id: row.agreementId, open: row.openFollowUps }).toEqual({
          id: row.agreementId,
          open: followUps.length,
        });
        const breached =
          row.response.breached + row.resolution.breached > 0 ||
          row.availability.some((term) => term.targetMet === false);
        expect({ id: row.agreementId, compliance: row.compliance }).toEqual({
          id: row.agreementId,
          compliance: breached ? 'breached' : row.atRiskClocks > 0 ? 'at-risk' : 'met',
        });
      }
      // The small set has tickets, availability targets and breached tickets every month (a few per cent).
      expect(rows.filter((row) => row.response.tickets > 0).length).toBeGreaterThanOrEqual(3);
      expect(rows.filter((row) => row.availability.length > 0).length).toBeGreaterThanOrEqual(3);
      expect(rows.some((row) => row.compliance === 'breached')).toBe(true);
      // New York's point of sale misses its February availability target.
      const missed = rows.some((row) => row.availability.some((term) => term.targetMet === false));
      if (period === '2026-02') expect(missed).toBe(true);
    },
    120_000,
  );

  it('gives the percentage within target over all priorities, truncated, never rounded up', async () => {
    const { agreements } = await portfolio('period=2026-01');
    const measured = agreements.filter((row) => row.response.met + row.response.breached > 0);
    expect(measured.length).toBeGreaterThan(0);
    for (const { response } of measured) {
      const exact = (response.met * 100) / (response.met + response.breached);
      expect(Number(response.percentWithinTarget)).toBeLessThanOrEqual(exact);
      expect(exact - Number(response.percentWithinTarget)).toBeLessThan(0.0001);
    }
  });

  it('filters by customer and by service', async () => {
    const { agreements: all } = await portfolio('period=2026-02');
    const customer = all[0]!.customer;
    const byCustomer = await portfolio(`period=2026-02&customer=${encodeURIComponent(customer)}`);
    expect(byCustomer.agreements.map((row) => row.agreementId)).toEqual(
      all.filter((row) => row.customer === customer).map((row) => row.agreementId),
    );
    const service = all.at(-1)!.services[0]!;
    const byService = await portfolio(`period=2026-02&service=${service}`);
    expect(byService.agreements.length).toBeGreaterThan(0);
    expect(byService.agreements.map((row) => row.agreementId)).toEqual(
      all.filter((row) => row.services.includes(service)).map((row) => row.agreementId),
    );
    expect((await portfolio('period=2026-02&customer=Nobody%20Ltd')).agreements).toEqual([]);
  });

  it('lists nothing for a period before any agreement was in force', async () => {
    expect((await portfolio('period=2025-06')).agreements).toEqual([]);
  });

  it('refuses a missing or malformed period with 400 naming it', async () => {
    for (const query of ['', 'period=2026-13', 'period=last-month', 'period=2026-02&colour=red']) {
      const response = await http.get(`/compliance/portfolio?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(response.body)).toMatch(query.includes('colour') ? /colour/ : /period/);
    }
  });
});
