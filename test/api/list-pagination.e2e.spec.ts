import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient } from '@sla/test-support';

type Page<Item> = { items: Item[]; nextCursor: string | null };
type Ticket = { ticketId: string; serviceId: string; openedAt: string; closedAt: string | null };
type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: { name: string; in: string; schema: Record<string, unknown> }[]; responses: Record<string, any> }
    >
  >;
};

const TICKETS = 105;
const openedAt = (index: number) => new Date(Date.UTC(2026, 2, 1, 8) + index * 60_000).toISOString();
const ticketId = (index: number) => `INC-${String(index).padStart(4, '0')}`;

/**
 * Every list answers a page { items, nextCursor } in a stable order: keyset cursors, limit 1..500 (100 by default),
 * filters.
 */
describe('list pagination and filters (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;

  async function allPages<Item>(path: string, limit: number): Promise<{ pages: number; items: Item[] }> {
    const items: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const response: { status: number; body: Page<Item> } = await http.get(
        `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...response.body.items);
      cursor = response.body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    return { pages, items };
  }

  beforeAll(async () => {
    api = await startTestApi('list_pagination');
    http = httpClient(api.baseUrl, { 'x-actor': 'ops.lin' }, api.conformance);
    for (const serviceId of ['email', 'vpn']) {
      expect(
        (await http.post('/services', { serviceId, name: serviceId, owner: { name: 'Li Wei' }, changeRequest: 'CR-1' }))
          .status,
      ).toBe(201);
    }
    await eventually(async () => ((await http.get('/services/vpn')).status === 200 ? true : undefined));
    const indexes = Array.from({ length: TICKETS }, (_, index) => index);
    for (let start = 0; start < TICKETS; start += 15) {
      await Promise.all(
        indexes.slice(start, start + 15).map(async (index) => {
          const data = {
            ticketType: 'incident',
            serviceId: index % 3 === 0 ? 'vpn' : 'email',
            priority: 'P3',
            impact: 'low',
            major: false,
            title: `ticket ${index}`,
            occurredAt: openedAt(index),
          };
          expect(
            (
              await http.post(`/tickets/${ticketId(index)}/facts`, {
                source: 'jira',
                externalId: `${index}/open`,
                type: 'TicketOpened',
                data,
              })
            ).status,
          ).toBe(201);
        }),
      );
    }
    for (const index of [1, 2, 4]) {
      expect(
        (
          await http.post(`/tickets/${ticketId(index)}/facts`, {
            source: 'jira',
            externalId: `${index}/close`,
            type: 'TicketClosed',
            data: { occurredAt: openedAt(index + 200) },
          })
        ).status,
      ).toBe(201);
    }
    await eventually(async () => ((await http.get(`/tickets/${ticketId(4)}`)).body?.closedAt ? true : undefined));
    await eventually(async () =>
      (await http.get(`/tickets/${ticketId(TICKETS - 1)}`)).status === 200 ? true : undefined,
    );
  }, 120_000);
  afterAll(() => api?.close());

  it('answers 100 rows by default and walks every row once, in order, page by page', async () => {
    const first = (await http.get('/tickets')).body as Page<Ticket>;
    expect(first.items).toHaveLength(100);
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = (await http.get(`/tickets?cursor=${encodeURIComponent(first.nextCursor!)}`)).body as Page<Ticket>;
    expect(rest).toEqual({ items: expect.any(Array), nextCursor: null });
    expect([...first.items, ...rest.items].map((ticket) => ticket.ticketId)).toEqual(
      Array.from({ length: TICKETS }, (_, index) => ticketId(index)),
    );

    const walked = await allPages<Ticket>('/tickets', 7);
    expect(walked.pages).toBe(Math.ceil(TICKETS / 7));
    expect(walked.items.map((ticket) => ticket.ticketId)).toEqual(
      Array.from({ length: TICKETS }, (_, index) => ticketId(index)),
    );
  });

  it('keeps later pages stable when rows are added before the cursor (keyset, not offset)', async () => {
    const first = (await http.get('/tickets?limit=10')).body as Page<Ticket>;
    const early = {
      ticketType: 'incident',
      serviceId: 'email',
      priority: 'P3',
      impact: 'low',
      major: false,
      title: 'back-filled',
      occurredAt: '2026-02-01T00:00:00Z',
    };
    expect(
      (
        await http.post('/tickets/INC-EARLY/facts', {
          source: 'jira',
          externalId: 'early/open',
          type: 'TicketOpened',
          data: early,
        })
      ).status,
    ).toBe(201);
    await eventually(async () => ((await http.get('/tickets/INC-EARLY')).status === 200 ? true : undefined));
    const second = (await http.get(`/tickets?limit=10&cursor=${encodeURIComponent(first.nextCursor!)}`))
      .body as Page<Ticket>;
    expect(second.items.map((ticket) => ticket.ticketId)).toEqual(
      Array.from({ length: 10 }, (_, index) => ticketId(index + 10)),
    );
  });

  it('filters, and pages within the filter', async () => {
    const vpn = await allPages<Ticket>('/tickets?serviceId=vpn', 4);
    expect(vpn.items.map((ticket) => ticket.ticketId)).toEqual(
      Array.from({ length: TICKETS }, (_, index) => index)
        .filter((index) => index % 3 === 0)
        .map(ticketId),
    );
    expect(
      ((await http.get('/tickets?status=closed')).body as Page<Ticket>).items.map((ticket) => ticket.ticketId),
    ).toEqual([1, 2, 4].map(ticketId));
    const window = (
      await http.get(
        `/tickets?openedFrom=${encodeURIComponent(openedAt(3))}&openedTo=${encodeURIComponent(openedAt(6))}`,
      )
    ).body as Page<Ticket>;
    expect(window.items.map((ticket) => ticket.ticketId)).toEqual([3, 4, 5].map(ticketId));
    const services = (await http.get('/services?limit=1')).body as Page<{ serviceId: string }>;
    expect(services.items.map((service) => service.serviceId)).toEqual(['email']);
    expect(
      (await http.get(`/services?limit=1&cursor=${encodeURIComponent(services.nextCursor!)}`)).body as Page<{
        serviceId: string;
      }>,
    ).toEqual({ items: [expect.objectContaining({ serviceId: 'vpn' })], nextCursor: null });
  });

  it('refuses a limit outside 1..500 and a cursor it did not issue, naming the parameter', async () => {
    for (const limit of ['0', '501', '2.5', 'many']) {
      const response = await http.get(`/tickets?limit=${limit}`);
      expect(response).toMatchObject({
        status: 400,
        body: { error: { issues: [expect.objectContaining({ path: 'limit' })] } },
      });
    }
    expect((await http.get('/tickets?limit=500')).status).toBe(200);
    for (const cursor of [
      'not-a-cursor',
      Buffer.from('["x"]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
    ]) {
      const response = await http.get(`/compliance/breaches?period=2026-03&cursor=${cursor}`);
      expect(response).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'cursor', message: expect.stringContaining('nextCursor') }] } },
      });
    }
  });

  it('gives every list of the API the same page shape, limit and cursor', async () => {
    const document = (await http.get('/openapi.json')).body as OpenApi;
    const lists = Object.entries(document.paths).flatMap(([path, operations]) => {
      const schema = operations.get?.responses['200']?.content?.['application/json']?.schema;
      // A collection: a path without parameters whose GET answers rows (an entity's own history is bounded by it).
      const rows = schema?.properties?.items?.type === 'array' || schema?.type === 'array';
      return rows && !path.includes('{') ? [{ path, schema, parameters: operations.get.parameters ?? [] }] : [];
    });
    const expected = [
      '/agreements',
      '/annual-reviews-due',
      '/audit/access-events',
      '/audit/tree-heads',
      '/calendars',
      '/compliance/breaches',
      '/compliance/follow-ups',
      '/compliance/queue',
      '/improvement-plans',
      '/maintenance-windows',
      '/outages',
      '/report-definitions',
      '/reports',
      '/reviews',
      '/services',
      '/tickets',
    ];
    expect(lists.map((list) => list.path).sort()).toEqual(expected);
    for (const list of lists) {
      expect([list.path, list.schema.required]).toEqual([list.path, expect.arrayContaining(['items', 'nextCursor'])]);
      const limit = list.parameters.find((parameter) => parameter.name === 'limit');
      expect([list.path, limit?.schema]).toEqual([
        list.path,
        expect.objectContaining({ default: 100, minimum: 1, maximum: 500 }),
      ]);
      expect(list.parameters.some((parameter) => parameter.name === 'cursor' && parameter.in === 'query')).toBe(true);
    }
  });
});
