import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient } from '@sla/test-support';

/** The injected clock of these tests: every "now" of the API. */
const NOW = new Date('2026-06-01T12:00:00Z');
const minutesFromNow = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
const alice = { name: 'Alice Chen', title: 'Service level manager' };
const bob = { name: 'Bob Meyer', title: 'Head of Finance' };

/** Sends headers exactly as given: an array value becomes repeated header lines (fetch would join them). */
function rawPost(
  baseUrl: string,
  route: string,
  headers: Record<string, string | string[]>,
  body: unknown,
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const url = new URL(route, baseUrl);
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }),
        );
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

async function givenCatalogue(http: ReturnType<typeof httpClient>) {
  expect(
    (
      await http.post('/calendars', {
        definition: { id: 'round-the-clock', name: '24x7', timeZone: 'UTC', versions: [{ weeklyWindows: '24x7' }] },
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await http.post('/services', {
        serviceId: 'email',
        name: 'E-mail',
        owner: { name: 'Li Wei' },
        calendarId: 'round-the-clock',
        changeRequest: 'CR-1',
        occurredAt: '2025-01-01T00:00:00Z',
      })
    ).status,
  ).toBe(201);
  await eventually(async () => ((await http.get('/services/email')).status === 200 ? true : undefined));
}

const draft = (agreementId: string, occurredAt?: string) => ({
  agreementId,
  kind: 'SLA',
  provider: { name: 'IT Services' },
  counterparty: { name: 'Finance' },
  content: { title: agreementId, services: ['email'], effectiveFrom: '2025-11-01T00:00:00Z' },
  ...(occurredAt ? { occurredAt } : {}),
});

describe('actor integrity and occurred-at bounds, access control off (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let slm: ReturnType<typeof httpClient>;
  let finance: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    api = await startTestApi('governance_integrity', {}, { now: () => NOW });
    slm = httpClient(api.baseUrl, { 'x-actor': 'slm.alice' }, api.conformance);
    finance = httpClient(api.baseUrl, { 'x-actor': 'finance.bob' }, api.conformance);
    await givenCatalogue(slm);
  });
  afterAll(() => api?.close());

  it('refuses two X-Actor headers (Express would join them into "slm.alice, bob"), naming the header; nothing is stored', async () => {
    const repeated = await rawPost(
      api.baseUrl,
      '/agreements',
      { 'x-actor': ['slm.alice', 'bob'] },
      draft('two-actors'),
    );
    expect(repeated.status).toBe(400);
    expect(repeated.body.error.issues).toEqual([{ path: 'X-Actor', message: expect.stringMatching(/more than once/) }]);
    expect((await slm.get('/agreements/two-actors')).status).toBe(404);
    expect((await slm.get('/agreements/two-actors/history')).body).toEqual([]);
  });

  it('refuses an X-Actor naming several actors or of a strange shape, naming the header', async () => {
    const joined = await rawPost(api.baseUrl, '/agreements', { 'x-actor': 'slm.alice, bob' }, draft('joined-actors'));
    expect(joined.status).toBe(400);
    expect(joined.body.error.issues[0]).toEqual({ path: 'X-Actor', message: expect.stringMatching(/comma/) });
    for (const actor of ['alice smith', 'x'.repeat(101), '-leading-dash']) {
      const strange = await rawPost(api.baseUrl, '/agreements', { 'x-actor': actor }, draft('strange-actor'));
      expect(strange.status).toBe(400);
      expect(strange.body.error.issues[0].path).toBe('X-Actor');
    }
  });

  it('refuses a write that names no actor (instead of storing "anonymous"); reads stay open', async () => {
    const anonymous = httpClient(api.baseUrl, {}, api.conformance);
    const refused = await anonymous.post('/agreements', draft('nobody-sla'));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'X-Actor', message: expect.stringMatching(/required for every write/) }],
    });
    const ticket = await anonymous.post('/tickets/INC-NOBODY/facts', {
      source: 'servicenow',
      externalId: 'nobody-1',
      type: 'TicketOpened',
      data: {
        ticketType: 'incident',
        serviceId: 'email',
        priority: 'P2',
        impact: 'high',
        major: false,
        title: 't',
        occurredAt: '2026-05-01T09:00:00Z',
      },
    });
    expect(ticket.status).toBe(400);
    expect(ticket.body.error.issues[0].path).toBe('X-Actor');
    expect((await anonymous.get('/services/email')).status).toBe(200);
    expect((await anonymous.get('/agreements/nobody-sla/history')).body).toEqual([]);
  });

  it('refuses the counterparty signature from the actor who signed for the provider; another actor approves the version', async () => {
    expect((await slm.post('/agreements', draft('four-eyes-sla'))).status).toBe(201);
    expect((await slm.post('/agreements/four-eyes-sla/versions/1/submission', {})).status).toBe(200);
    expect(
      (await slm.post('/agreements/four-eyes-sla/versions/1/signatures', { party: 'provider', signatory: alice }))
        .status,
    ).toBe(200);
    const same = await slm.post('/agreements/four-eyes-sla/versions/1/signatures', {
      party: 'counterparty',
      signatory: bob,
    });
    expect(same.status).toBe(422);
    expect(same.body.error.code).toBe('SAME_ACTOR_FOR_BOTH_PARTIES');
    const approved = await finance.post('/agreements/four-eyes-sla/versions/1/signatures', {
      party: 'counterparty',
      signatory: bob,
    });
    expect(approved.body.events).toEqual(['AgreementVersionSigned', 'AgreementVersionApproved']);
  });

  it('refuses a signature back-dated before the facts already on the stream (approvedAt before draftedAt), naming occurredAt', async () => {
    expect((await slm.post('/agreements', draft('backdated-sla', '2026-05-01T09:00:00Z'))).status).toBe(201);
    expect(
      (await slm.post('/agreements/backdated-sla/versions/1/submission', { occurredAt: '2026-05-02T09:00:00Z' }))
        .status,
    ).toBe(200);
    const sevenMonthsEarlier = await slm.post('/agreements/backdated-sla/versions/1/signatures', {
      party: 'provider',
      signatory: alice,
      occurredAt: '2025-10-01T09:00:00Z',
    });
    expect(sevenMonthsEarlier.status).toBe(422);
    expect(sevenMonthsEarlier.body.error.code).toBe('OCCURRED_AT_BEFORE_EARLIER_FACT');
    expect(sevenMonthsEarlier.body.error.message).toMatch(
      /^occurredAt 2025-10-01T09:00:00Z precedes the stream's last fact \(AgreementVersionSubmitted at 2026-05-02T09:00:00Z\)/,
    );
    const history = await eventually(async () => {
      const response = await slm.get('/agreements/backdated-sla/history');
      return response.body.length === 2 ? response.body : undefined;
    });
    expect(history.map((entry: { event: string }) => entry.event)).toEqual([
      'AgreementDrafted',
      'AgreementVersionSubmitted',
    ]);
  });

  it('refuses facts from the future beyond five minutes of the clock, on governance and operations streams alike', async () => {
    const future = await slm.post('/agreements', draft('future-sla', minutesFromNow(6)));
    expect(future.status).toBe(422);
    expect(future.body.error).toMatchObject({
      code: 'OCCURRED_AT_IN_FUTURE',
      message: expect.stringMatching(/^occurredAt .* lies in the future/),
    });
    expect((await slm.post('/agreements', draft('skewed-sla', minutesFromNow(4)))).status).toBe(201);
    const ticket = (externalId: string, occurredAt: string) =>
      slm.post('/tickets/INC-FUTURE/facts', {
        source: 'servicenow',
        externalId,
        type: 'TicketOpened',
        data: {
          ticketType: 'incident',
          serviceId: 'email',
          priority: 'P2',
          impact: 'high',
          major: false,
          title: 't',
          occurredAt,
        },
      });
    const fromTheFuture = await ticket('future-1', minutesFromNow(60));
    expect(fromTheFuture.status).toBe(422);
    expect(fromTheFuture.body.error.code).toBe('OCCURRED_AT_IN_FUTURE');
    expect((await ticket('future-2', '2026-05-01T09:00:00Z')).status).toBe(201);
  });

  it('still takes operations facts out of order: a late acknowledgement before a later resolution', async () => {
    const fact = (externalId: string, type: string, data: Record<string, unknown>) =>
      slm.post('/tickets/INC-ORDER/facts', { source: 'servicenow', externalId, type, data });
    expect(
      (
        await fact('o-1', 'TicketOpened', {
          ticketType: 'incident',
          serviceId: 'email',
          priority: 'P2',
          impact: 'high',
          major: false,
          title: 't',
          occurredAt: '2026-05-01T09:00:00Z',
        })
      ).status,
    ).toBe(201);
    expect(
      (await fact('o-2', 'TicketResolved', { resolution: 'fixed', occurredAt: '2026-05-01T11:00:00Z' })).status,
    ).toBe(201);
    expect((await fact('o-3', 'TicketAcknowledged', { occurredAt: '2026-05-01T09:10:00Z' })).status).toBe(201);
  });

  it('refuses a back-dated catalogue change before the service registration', async () => {
    const activation = await slm.post('/services/email/activation', {
      changeRequest: 'CR-1',
      occurredAt: '2024-12-31T00:00:00Z',
    });
    expect(activation.status).toBe(422);
    expect(activation.body.error.code).toBe('OCCURRED_AT_BEFORE_EARLIER_FACT');
  });

  it('enters a historical agreement in order and shows recorded-at beside occurred-at in the version view and the history', async () => {
    expect((await slm.post('/agreements', draft('migrated-sla', '2025-10-01T09:00:00Z'))).status).toBe(201);
    expect(
      (await slm.post('/agreements/migrated-sla/versions/1/submission', { occurredAt: '2025-10-02T09:00:00Z' })).status,
    ).toBe(200);
    expect(
      (
        await slm.post('/agreements/migrated-sla/versions/1/signatures', {
          party: 'provider',
          signatory: alice,
          occurredAt: '2025-10-03T09:00:00Z',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await finance.post('/agreements/migrated-sla/versions/1/signatures', {
          party: 'counterparty',
          signatory: bob,
          occurredAt: '2025-10-04T09:00:00Z',
        })
      ).status,
    ).toBe(200);
    const view = await eventually(async () => {
      const response = await slm.get('/agreements/migrated-sla');
      return response.status === 200 && response.body.status === 'in-effect' ? response.body : undefined;
    });
    const recorded = (value: string) => Date.parse(value) > Date.parse('2026-01-01T00:00:00Z');
    const [version] = view.versions;
    expect(version).toMatchObject({ draftedAt: '2025-10-01T09:00:00.000Z', approvedAt: '2025-10-04T09:00:00.000Z' });
    expect(recorded(version.draftedRecordedAt) && recorded(version.approvedRecordedAt)).toBe(true);
    expect(
      version.signatures.map((signature: { party: string; signedAt: string; recordedAt: string; actor: string }) => [
        signature.party,
        signature.signedAt,
        recorded(signature.recordedAt),
        signature.actor,
      ]),
    ).toEqual([
      ['provider', '2025-10-03T09:00:00Z', true, 'slm.alice'],
      ['counterparty', '2025-10-04T09:00:00Z', true, 'finance.bob'],
    ]);
    const history = (await slm.get('/agreements/migrated-sla/history')).body;
    expect(
      history.map((entry: { occurredAt: string; recordedAt: string }) => [
        entry.occurredAt.slice(0, 10),
        recorded(entry.recordedAt),
      ]),
    ).toEqual([
      ['2025-10-01', true],
      ['2025-10-02', true],
      ['2025-10-03', true],
      ['2025-10-04', true],
      ['2025-10-04', true],
    ]);
  });

  it('shows each review and improvement-plan fact with occurred-at and recorded-at, and refuses one back-dated before the last', async () => {
    const scheduled = await slm.post('/reviews', {
      reviewId: 'monthly-2026-04',
      kind: 'monthly-internal',
      agreementIds: ['migrated-sla'],
      periodFrom: '2026-04-01T00:00:00Z',
      periodTo: '2026-05-01T00:00:00Z',
      scheduledFor: '2026-05-05T09:00:00Z',
      occurredAt: '2026-05-02T09:00:00Z',
    });
    expect(scheduled.status).toBe(201);
    const minutes = (occurredAt: string) =>
      slm.post('/reviews/monthly-2026-04/minutes', {
        heldAt: '2026-05-05T09:00:00Z',
        attendees: [{ name: 'Alice Chen', role: 'SLM', party: 'provider' }],
        minutes: 'response times reviewed',
        decisions: [
          {
            decisionId: 'd1',
            agreementId: 'migrated-sla',
            outcome: 'improvement-required',
            rationale: 'P2 late',
            improvement: { planId: 'p2-speed', item: 'P2 response', requirement: 'faster triage' },
          },
        ],
        occurredAt,
      });
    const backdated = await minutes('2026-05-01T09:00:00Z');
    expect(backdated.status).toBe(422);
    expect(backdated.body.error.code).toBe('OCCURRED_AT_BEFORE_EARLIER_FACT');
    expect((await minutes('2026-05-05T11:00:00Z')).status).toBe(200);
    const review = await eventually(async () => {
      const response = await slm.get('/reviews?agreementId=migrated-sla');
      return response.body.items[0]?.status === 'held' ? response.body.items[0] : undefined;
    });
    expect(review.facts).toEqual([
      {
        event: 'ReviewScheduled',
        actor: 'slm.alice',
        occurredAt: '2026-05-02T09:00:00Z',
        recordedAt: expect.any(String),
      },
      { event: 'ReviewHeld', actor: 'slm.alice', occurredAt: '2026-05-05T11:00:00Z', recordedAt: expect.any(String) },
    ]);
    const plan = await eventually(async () => {
      const response = await slm.get('/improvement-plans/p2-speed');
      return response.status === 200 ? response.body : undefined;
    });
    expect(plan.facts).toEqual([
      {
        event: 'ImprovementPlanOpened',
        actor: 'slm.alice',
        occurredAt: '2026-05-05T11:00:00Z',
        recordedAt: expect.any(String),
      },
    ]);
    expect(Date.parse(plan.facts[0].recordedAt)).toBeGreaterThan(Date.parse(plan.facts[0].occurredAt));
  });
});

const keys = {
  admin: 'g-admin-0001',
  slm: 'g-slm-0002',
  finance: 'g-cust-0003',
  sales: 'g-cust-0004',
  operations: 'g-ops-0005',
} as const;
const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');

describe('who may sign for which party, access control on (real app, real PostgreSQL)', () => {
  let api: TestApi;
  const as = (caller: keyof typeof keys) =>
    httpClient(api.baseUrl, { authorization: `Bearer ${keys[caller]}` }, api.conformance);

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sla-signing-keys-')), 'keys.json');
    writeFileSync(
      file,
      JSON.stringify([
        { keySha256: sha256(keys.admin), actor: 'root', role: 'admin' },
        { keySha256: sha256(keys.slm), actor: 'alice.slm', role: 'slm' },
        { keySha256: sha256(keys.finance), actor: 'finance-portal', role: 'customer', customer: 'Finance' },
        { keySha256: sha256(keys.sales), actor: 'sales-portal', role: 'customer', customer: 'Sales' },
        { keySha256: sha256(keys.operations), actor: 'servicenow-connector', role: 'operations' },
      ]),
    );
    api = await startTestApi('governance_signing', { AUTH_API_KEYS_FILE: file }, { now: () => NOW });
    await givenCatalogue(as('slm'));
    for (const agreementId of ['signed-sla', 'admin-sla']) {
      expect((await as('slm').post('/agreements', draft(agreementId))).status).toBe(201);
      expect((await as('slm').post(`/agreements/${agreementId}/versions/1/submission`, {})).status).toBe(200);
    }
    await eventually(async () => ((await as('slm').get('/agreements/admin-sla')).status === 200 ? true : undefined));
  });
  afterAll(() => api?.close());

  it("takes the provider signature from slm, the counterparty signature only from the counterparty's own key", async () => {
    const sign = (caller: keyof typeof keys, party: string) =>
      as(caller).post('/agreements/signed-sla/versions/1/signatures', {
        party,
        signatory: party === 'provider' ? alice : bob,
      });
    const providerByCustomer = await sign('finance', 'provider');
    expect(providerByCustomer.status).toBe(403);
    expect(providerByCustomer.body.error.message).toMatch(/provider's signature is recorded by the slm or admin role/);
    expect((await sign('operations', 'provider')).status).toBe(403);
    expect((await sign('slm', 'provider')).status).toBe(200);
    const counterpartyBySlm = await sign('slm', 'counterparty');
    expect(counterpartyBySlm.status).toBe(403);
    expect(counterpartyBySlm.body.error.message).toMatch(
      /counterparty's signature is recorded by Finance's own customer key/,
    );
    expect((await sign('sales', 'counterparty')).status).toBe(403);
    const approved = await sign('finance', 'counterparty');
    expect(approved.body.events).toEqual(['AgreementVersionSigned', 'AgreementVersionApproved']);
    const history = await eventually(async () => {
      const response = await as('slm').get('/agreements/signed-sla/history');
      return response.body.length === 5 ? response.body : undefined;
    });
    expect(history.slice(2).map((entry: { event: string; actor: string }) => [entry.event, entry.actor])).toEqual([
      ['AgreementVersionSigned', 'alice.slm'],
      ['AgreementVersionSigned', 'finance-portal'],
      ['AgreementVersionApproved', 'finance-portal'],
    ]);
  });

  it('lets an admin sign for either party, but not for both', async () => {
    const sign = (party: string) =>
      as('admin').post('/agreements/admin-sla/versions/1/signatures', {
        party,
        signatory: party === 'provider' ? alice : bob,
      });
    expect((await sign('provider')).status).toBe(200);
    const both = await sign('counterparty');
    expect(both.status).toBe(422);
    expect(both.body.error.code).toBe('SAME_ACTOR_FOR_BOTH_PARTIES');
    expect(
      (
        await as('finance').post('/agreements/admin-sla/versions/1/signatures', {
          party: 'counterparty',
          signatory: bob,
        })
      ).status,
    ).toBe(200);
  });
});
