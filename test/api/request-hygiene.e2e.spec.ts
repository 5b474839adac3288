import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually } from '@sla/test-support';

/**
 * What arrives around a body: names in the path, parameters, entity tags,
 * media types and correlation ids. Each bad one is refused with a 400 (or
 * 404/415) that names it, never a 500, and nothing is stored.
 */
describe('request hygiene: names, parameters and headers (real app, real PostgreSQL)', () => {
  let api: TestApi;

  type Answer = { status: number; body: any };
  async function send(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await fetch(`${api.baseUrl}${url}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-actor': 'slm.alice', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async function query<Row extends Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<Row[]> {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      return (await client.query<Row>(sql, parameters)).rows;
    } finally {
      await client.end();
    }
  }
  const storedEvents = async () =>
    Number((await query<{ count: string }>('select count(*) from event_store.events'))[0].count);

  const issuesOf = (answer: Answer) => (answer.body?.error?.issues ?? []).map((issue: { path: string }) => issue.path);
  const service = (serviceId: string) => ({
    serviceId,
    name: `Service ${serviceId}`,
    owner: { name: 'Li Wei' },
    changeRequest: 'CR-1',
  });

  beforeAll(async () => {
    const sources = path.join(mkdtempSync(path.join(tmpdir(), 'sla-request-hygiene-')), 'sources.json');
    writeFileSync(
      sources,
      JSON.stringify({
        helpdesk: {
          rules: [
            {
              when: { event: 'ticket.answered' },
              fact: 'TicketAcknowledged',
              ticketId: 'ticket',
              externalId: 'delivery',
              data: { occurredAt: 'at' },
            },
          ],
        },
      }),
    );
    api = await startTestApi('api_request_hygiene', { JSON_WEBHOOK_SOURCES_FILE: sources });
    expect((await send('POST', '/services', service('email'))).status).toBe(201);
    await eventually(async () => ((await send('GET', '/services/email')).status === 200 ? true : undefined));
  });
  afterAll(() => api?.close());

  describe('names looked up by what the request says (#13)', () => {
    const builtIns = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

    it.each(builtIns)(
      'POST /webhooks/json/%s is an unknown source (404) or not a source name (400), never a 500',
      async (name) => {
        const answer = await send('POST', `/webhooks/json/${name}`, {
          event: 'ticket.answered',
          delivery: 'd-1',
          ticket: 'HD-1',
          at: '2026-03-09T09:00:00Z',
        });
        expect([400, 404]).toContain(answer.status);
        if (answer.status === 400) expect(issuesOf(answer)).toEqual(['source']);
        else expect(answer.body.error.message).toContain(`no JSON webhook source '${name}'`);
      },
    );

    it.each(builtIns)(
      'a fact type, report language or service called %s is refused by name, never a 500',
      async (name) => {
        const fact = await send('POST', '/tickets/INC-1/facts', {
          source: 'x',
          externalId: 'e-1',
          type: name,
          data: {},
        });
        expect(fact.status).toBe(400);
        expect(issuesOf(fact)).toContain('type');
        const html = await send(
          'GET',
          `/reports/email-sla-2026-03/revisions/1/html?language=${encodeURIComponent(name)}`,
        );
        expect(html.status).toBe(400);
        expect(issuesOf(html)).toEqual(['language']);
        expect([400, 404]).toContain((await send('GET', `/services/${encodeURIComponent(name)}`)).status);
      },
    );
  });

  describe('If-Match (#15)', () => {
    let revision: string;
    beforeAll(async () => {
      expect((await send('POST', '/services/email/activation', { changeRequest: 'CR-2' })).status).toBe(200);
      const active = await eventually(async () => {
        const answer = await send('GET', '/services/email');
        return answer.body?.status === 'active' ? answer.body : undefined;
      });
      revision = String(active.streamRevision);
    });
    const change = (ifMatch: string, title: string) =>
      send(
        'PATCH',
        '/services/email',
        { changes: { description: title }, changeRequest: 'CR-3' },
        { 'if-match': ifMatch },
      );

    it.each([
      ['an unclosed quote', () => `"${revision}`],
      ['a bare revision', () => revision],
      ['a tag that is no revision', () => '"abc"'],
      ['a list', () => `"${revision}", "9"`],
      ['an empty value', () => ''],
    ])('refuses %s with 400 naming the header, storing nothing', async (_, header) => {
      const before = await storedEvents();
      const answer = await change(header(), 'guarded badly');
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'If-Match', message: expect.stringContaining('entity tag') }],
      });
      expect(await storedEvents()).toBe(before);
    });

    it('accepts the ETag as sent, its weak form and *', async () => {
      expect((await change(`"${revision}"`, 'strong')).status).toBe(200);
      expect((await change(`W/"${Number(revision) + 1}"`, 'weak')).status).toBe(200);
      expect((await change('*', 'any')).status).toBe(200);
      expect((await change(`"${revision}"`, 'stale')).status).toBe(409);
    });
  });

  describe('path and query parameters name themselves (#16)', () => {
    it.each([
      ['a fraction', '1.5'],
      ['a number too large to be exact', '99999999999999999999'],
      ['zero', '0'],
      ['an exponent', '1e3'],
      ['above a million', '1000001'],
    ])('an agreement version that is %s is refused naming `version`', async (_, version) => {
      const before = await storedEvents();
      const signature = { party: 'provider', signatory: { name: 'Alice', title: 'Service level manager' } };
      for (const [step, body] of [
        ['submission', {}],
        ['signatures', signature],
      ] as const) {
        const answer = await send('POST', `/agreements/email-sla/versions/${version}/${step}`, body);
        expect(answer.status).toBe(400);
        expect(answer.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
        expect(issuesOf(answer)).toEqual(['version']);
        expect(answer.body.error.message).toMatch(/^invalid request path: version: /);
      }
      expect(await storedEvents()).toBe(before);
    });

    it('names the report revision, the query parameter and the identifier that is wrong', async () => {
      const revision = await send('GET', '/reports/email-sla-2026-03/revisions/1.5');
      expect([revision.status, issuesOf(revision)]).toEqual([400, ['revision']]);
      const comparison = await send('GET', '/reports/email-sla-2026-03/comparison?from=1&to=2.5');
      expect([comparison.status, issuesOf(comparison)]).toEqual([400, ['to']]);
      const diff = await send('GET', '/agreements/email-sla/diff?from=0x1&to=2');
      expect([diff.status, issuesOf(diff)]).toEqual([400, ['from']]);
      const serviceId = await send('GET', '/services/Not_A_Service');
      expect([serviceId.status, issuesOf(serviceId)]).toEqual([400, ['serviceId']]);
      const ticketId = await send('POST', '/tickets/-bad/facts', {
        source: 'x',
        externalId: 'e',
        type: 'TicketClosed',
        data: { occurredAt: '2026-03-09T09:00:00Z' },
      });
      expect([ticketId.status, issuesOf(ticketId)]).toEqual([400, ['ticketId']]);
    });
  });

  describe('media types (#17)', () => {
    it.each([
      'application/merge-patch+json',
      'application/vnd.api+json',
      'text/plain',
      'application/x-www-form-urlencoded',
    ])('refuses a body sent as %s with 415, storing nothing', async (contentType) => {
      const before = await storedEvents();
      const answer = await send('POST', '/services', service('vpn'), { 'content-type': contentType });
      expect(answer.status).toBe(415);
      expect(answer.body.error).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringContaining('application/json'),
      });
      expect(await storedEvents()).toBe(before);
    });

    it('reads application/json with a charset parameter', async () => {
      expect(
        (await send('POST', '/services', service('vpn'), { 'content-type': 'application/json; charset=utf-8' })).status,
      ).toBe(201);
    });
  });

  describe('X-Correlation-Id (#18)', () => {
    it.each([
      ['15,000 characters', 'a'.repeat(15_000)],
      ['129 characters', 'a'.repeat(129)],
      ['spaces and markup', 'ab <script>'],
      ['two ids joined by a repeated header', 'one, two'],
    ])('refuses %s with 400 naming the header, storing nothing', async (_, correlationId) => {
      const before = await storedEvents();
      const answer = await send('POST', '/services', service('chat'), { 'x-correlation-id': correlationId });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'X-Correlation-Id', message: expect.stringContaining('128') }],
      });
      expect(answer.body.error.message.length).toBeLessThan(300);
      expect(await storedEvents()).toBe(before);
    });

    it('stores a well-formed id as sent, and a fresh one when none is sent', async () => {
      const correlationId = `trace:${'f'.repeat(32)}.span-1_a`;
      expect((await send('POST', '/services', service('chat'), { 'x-correlation-id': correlationId })).status).toBe(
        201,
      );
      expect((await send('POST', '/services', service('wiki'))).status).toBe(201);
      const rows = await query<{ stream_name: string; correlation: string }>(
        `select stream_name, metadata->>'correlationId' as correlation from event_store.events
          where stream_name in ('service-chat', 'service-wiki') order by stream_name`,
      );
      expect(rows).toEqual([
        { stream_name: 'service-chat', correlation: correlationId },
        { stream_name: 'service-wiki', correlation: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      ]);
    });
  });
});
