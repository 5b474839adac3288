import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient } from '@sla/test-support';

const keys = { slm: 'k-slm-trail-1', auditor: 'k-audit-trail-2', operations: 'k-ops-trail-3' } as const;
type Caller = keyof typeof keys;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const keyId = (caller: Caller) => `sha256:${sha256(keys[caller]).slice(0, 16)}`;

/**
 * The access trail through the real app: denials (401, 403), sign-ins and hourly key use recorded as events, and
 * the auditor's query that lists them by period.
 */
describe('access trail (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let now = new Date('2026-03-02T09:10:00Z');
  const as = (caller: Caller | null) =>
    httpClient(api.baseUrl, caller ? { authorization: `Bearer ${keys[caller]}` } : {}, api.conformance);
  const day = 'from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z';
  const trail = async (query: string) => {
    const answer = await as('auditor').get(`/audit/access-events?${query}`);
    expect(answer.status).toBe(200);
    return answer.body.items as { eventId: string; type: string; recordedAt: string; data: any }[];
  };
  /** The trail once it holds at least `count` events matching the filter (appends do not hold up requests). */
  const trailWith = (query: string, keep: (event: { type: string; data: any }) => boolean, count: number) =>
    eventually(async () => {
      const events = (await trail(query)).filter(keep);
      return events.length >= count ? events : undefined;
    });

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sla-trail-keys-')), 'keys.json');
    writeFileSync(
      file,
      JSON.stringify([
        { keySha256: sha256(keys.slm), actor: 'alice.slm', role: 'slm' },
        { keySha256: sha256(keys.auditor), actor: 'carol.auditor', role: 'auditor' },
        { keySha256: sha256(keys.operations), actor: 'servicenow-connector', role: 'operations' },
      ]),
    );
    api = await startTestApi('access_trail', { AUTH_API_KEYS_FILE: file }, { now: () => now });
  });
  afterAll(() => api.close());

  it('given a request without a key, then a 401 AccessDenied with path, method, address and reason', async () => {
    expect((await as(null).get('/services')).status).toBe(401);
    const [denied] = await trailWith(`${day}&type=AccessDenied`, (event) => event.data.status === 401, 1);
    expect(denied.data).toEqual({
      occurredAt: '2026-03-02T09:10:00.000Z',
      method: 'GET',
      path: '/services',
      sourceAddress: '127.0.0.1',
      status: 401,
      reason: 'send an API key or an access token: Authorization: Bearer <key or token> (or X-Api-Key: <key>)',
      credential: null,
      actor: null,
      presentedFingerprint: null,
      suppressedBefore: 0,
    });
  });

  it('given a key outside its role, then a 403 AccessDenied naming the credential and its actor', async () => {
    expect((await as('slm').get(`/audit/access-events?${day}`)).status).toBe(403);
    const [denied] = await trailWith(`${day}&type=AccessDenied`, (event) => event.data.status === 403, 1);
    expect(denied.data).toMatchObject({
      status: 403,
      method: 'GET',
      path: '/audit/access-events',
      credential: { kind: 'api-key', id: keyId('slm') },
      actor: 'alice.slm',
      presentedFingerprint: null,
      reason: expect.stringMatching(/^the slm role may not GET \/audit\/access-events/),
    });
  });

  it('given many requests with one key in an hour, then one sign-in and one key use; the next hour one more use', async () => {
    for (let request = 0; request < 5; request += 1) expect((await as('operations').get('/services')).status).toBe(200);
    const ofConnector = (event: { data: any }) => event.data.actor === 'servicenow-connector';
    await trailWith(day, ofConnector, 2);
    now = new Date('2026-03-02T10:05:00Z');
    expect((await as('operations').get('/services')).status).toBe(200);
    const events = await trailWith(day, ofConnector, 3);
    expect(events.map((event) => [event.type, event.data.hour ?? null])).toEqual([
      ['PrincipalSignedIn', null],
      ['CredentialUsed', '2026-03-02T09:00:00.000Z'],
      ['CredentialUsed', '2026-03-02T10:00:00.000Z'],
    ]);
    expect(events[0].data).toEqual({
      occurredAt: '2026-03-02T09:10:00.000Z',
      method: 'GET',
      path: '/services',
      sourceAddress: '127.0.0.1',
      credential: { kind: 'api-key', id: keyId('operations') },
      actor: 'servicenow-connector',
      role: 'operations',
      customer: null,
    });
  });

  it('lists a period only, a page at a time, and filters by type', async () => {
    expect(await trail('from=2026-03-01T00:00:00Z&to=2026-03-02T09:00:00Z')).toEqual([]);
    const all = await trail(day);
    const first = await as('auditor').get(`/audit/access-events?${day}&limit=2`);
    expect(first.body.items).toEqual(all.slice(0, 2));
    const second = await as('auditor').get(
      `/audit/access-events?${day}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body.items).toEqual(all.slice(2, 4));
    const signIns = await trail(`${day}&type=PrincipalSignedIn`);
    expect(signIns.length).toBeGreaterThanOrEqual(2);
    expect(signIns.every((event) => event.type === 'PrincipalSignedIn')).toBe(true);
  });

  it('given a credential used again on a later day, then a key use there and no second sign-in', async () => {
    now = new Date('2026-03-03T08:00:00Z');
    expect((await as('operations').get('/services')).status).toBe(200);
    const nextDay = 'from=2026-03-03T00:00:00Z&to=2026-03-04T00:00:00Z';
    const [used] = await trailWith(nextDay, (event) => event.data.actor === 'servicenow-connector', 1);
    expect([used.type, used.data.hour]).toEqual(['CredentialUsed', '2026-03-03T08:00:00.000Z']);
    // Let a sign-in that must not exist reach the store.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      (await trail(`${nextDay}&type=PrincipalSignedIn`)).filter((event) => event.data.actor === 'servicenow-connector'),
    ).toEqual([]);
  });

  it('given the access trail, then the log sealer signs it like every other event (inclusion proof)', async () => {
    const [denied] = await trail(`${day}&type=AccessDenied`);
    const sealed = await api.infrastructure.logSealer.seal(true);
    // The background sealer may have signed the head over it already (then this pass signs none).
    expect(sealed.refused).toBeFalsy();
    const proof = await as('auditor').get(`/audit/events/${denied.eventId}/inclusion-proof`);
    expect(proof.status).toBe(200);
  });

  it('refuses a period that ends before it starts or is longer than 32 days, naming the field', async () => {
    const backwards = await as('auditor').get('/audit/access-events?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.issues).toEqual([{ path: 'to', message: 'must lie after from' }]);
    const long = await as('auditor').get('/audit/access-events?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z');
    expect(long.status).toBe(400);
    expect(long.body.error.issues).toEqual([{ path: 'to', message: 'a period of at most 32 days' }]);
    const missing = await as('auditor').get('/audit/access-events?from=2026-01-01T00:00:00Z');
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['to']);
  });
});
