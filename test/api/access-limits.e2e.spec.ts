import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { accessStreamName } from '@sla/access-control';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually } from '@sla/test-support';

const keys = {
  admin: 'k-admin-lim-1',
  slm: 'k-slm-lim-2',
  operations: 'k-ops-lim-3',
  auditor: 'k-audit-lim-4',
} as const;
type Caller = keyof typeof keys;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const keyId = (caller: Caller) => `sha256:${sha256(keys[caller]).slice(0, 16)}`;

function keyFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sla-limit-keys-')), 'keys.json');
  writeFileSync(
    file,
    JSON.stringify([
      { keySha256: sha256(keys.admin), actor: 'root', role: 'admin' },
      { keySha256: sha256(keys.slm), actor: 'alice.slm', role: 'slm' },
      { keySha256: sha256(keys.operations), actor: 'servicenow-connector', role: 'operations' },
      { keySha256: sha256(keys.auditor), actor: 'carol.auditor', role: 'auditor' },
    ]),
  );
  return file;
}

type Exchange = { status: number; headers: Headers; body: any };

/** One request with its headers kept (Retry-After, RateLimit-*), checked against /openapi.json like every other. */
async function exchange(api: TestApi, requestPath: string, credential?: string): Promise<Exchange> {
  const response = await fetch(`${api.baseUrl}${requestPath}`, {
    headers: credential ? { authorization: `Bearer ${credential}` } : {},
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  api.conformance.check('GET', requestPath, undefined, response.status, body);
  return { status: response.status, headers: response.headers, body };
}

const burst = (api: TestApi, requestPath: string, count: number, credential?: string) =>
  Promise.all(Array.from({ length: count }, () => exchange(api, requestPath, credential)));

/** The access trail as stored: the day streams of the days given. */
async function storedAccessEvents(api: TestApi, days: readonly string[]) {
  const events = [];
  for (const day of days) events.push(...(await api.infrastructure.eventStore.readStream(accessStreamName(day))));
  return events;
}
const today = () => new Date().toISOString().slice(0, 10);

describe('rate limits (real app, real PostgreSQL)', () => {
  describe('per principal', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi('rate_limit_principal', {
        AUTH_API_KEYS_FILE: keyFile(),
        RATE_LIMIT_PRINCIPAL_PER_SECOND: '3',
        ACCESS_AUDIT_DENIALS_PER_ADDRESS_PER_MINUTE: '100',
      });
    });
    afterAll(() => api.close());

    it('given a principal over its requests per second, then 429 with Retry-After and RateLimit headers', async () => {
      // However slowly a loaded machine answers, 30 requests sent at once do not all fit in 3 per second.
      const answers = await burst(api, '/services', 30, keys.slm);
      const refused = answers.filter((answer) => answer.status === 429);
      expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(1);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(refused.length + answers.filter((answer) => answer.status === 200).length).toBe(30);
      expect(Number(refused[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused[0].headers.get('ratelimit-limit')).toBe('3');
      expect(refused[0].headers.get('ratelimit-remaining')).toBe('0');
      expect(refused[0].body.error).toEqual({
        code: 'TOO_MANY_REQUESTS',
        message: 'more than 3 requests per second for alice.slm (role slm)',
      });
      // The limit is the principal's: another key from the same address is not held back by alice's burst.
      expect((await exchange(api, '/services', keys.auditor)).status).toBe(200);
    });

    it('given the operations role, then its own higher limit applies (connectors feed facts at volume)', async () => {
      const answers = await burst(api, '/services', 20, keys.operations);
      expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    });

    it('given 429s of a principal, then the trail records them with the credential and the reason', async () => {
      const denials = await eventually(async () => {
        const events = (await storedAccessEvents(api, [today()])).filter(
          (event) => event.type === 'AccessDenied' && (event.data as any).status === 429,
        );
        return events.length >= 1 ? events : undefined;
      });
      expect(denials[0].data).toMatchObject({
        status: 429,
        method: 'GET',
        path: '/services',
        sourceAddress: '127.0.0.1',
        credential: { kind: 'api-key', id: keyId('slm') },
        actor: 'alice.slm',
        reason: 'more than 3 requests per second for alice.slm (role slm)',
      });
    });
  });

  describe('failed authentication', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi('rate_limit_failed_auth', {
        AUTH_API_KEYS_FILE: keyFile(),
        RATE_LIMIT_FAILED_AUTH_PER_MINUTE: '3',
        ACCESS_AUDIT_DENIALS_PER_ADDRESS_PER_MINUTE: '2',
      });
    });
    afterAll(() => api.close());

    it('given a few failed attempts from an address, then even a valid key from it gets 429 for a minute', async () => {
      for (let attempt = 0; attempt < 4; attempt += 1) {
        expect((await exchange(api, '/services', `guess-${attempt}`)).status).toBe(401);
      }
      const blocked = await exchange(api, '/services', keys.admin);
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('TOO_MANY_REQUESTS');
      expect(blocked.body.error.message).toMatch(/^too many failed authentications from 127\.0\.0\.1/);
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    });

    it('given denials beyond the trail’s budget per address, then only the budget is recorded (no flooding)', async () => {
      await burst(api, '/services', 10, keys.admin);
      const denials = await eventually(async () => {
        const events = await storedAccessEvents(api, [today()]);
        return events.length >= 2 ? events : undefined;
      });
      // Give appends that should not exist a moment to show.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await storedAccessEvents(api, [today()])).length).toBe(2);
      expect(denials.map((event) => [event.type, (event.data as any).status])).toEqual([
        ['AccessDenied', 401],
        ['AccessDenied', 401],
      ]);
      // The first two guesses, in whichever order their appends committed.
      expect(denials.map((event) => (event.data as any).presentedFingerprint).sort()).toEqual(
        [sha256('guess-0').slice(0, 12), sha256('guess-1').slice(0, 12)].sort(),
      );
      expect(denials[0].data).toMatchObject({
        credential: null,
        actor: null,
        reason: 'the API key is not known',
        suppressedBefore: 0,
      });
    });
  });

  describe('a refusal after the access guard', () => {
    let api: TestApi;
    beforeAll(async () => {
      const sources = path.join(mkdtempSync(path.join(tmpdir(), 'sla-limit-webhook-')), 'sources.json');
      writeFileSync(
        sources,
        JSON.stringify({
          helpdesk: {
            secret: 'a-shared-secret-of-the-helpdesk',
            signatureHeader: 'x-helpdesk-signature',
            rules: [
              {
                when: { event: 'ticket.answered' },
                fact: 'TicketAcknowledged',
                ticketId: 'ticket.number',
                externalId: 'delivery',
                data: { occurredAt: 'at' },
              },
            ],
          },
        }),
      );
      api = await startTestApi('rate_limit_after_guard', {
        AUTH_API_KEYS_FILE: keyFile(),
        JSON_WEBHOOK_SOURCES_FILE: sources,
        RATE_LIMIT_FAILED_AUTH_PER_MINUTE: '2',
      });
    });
    afterAll(() => api.close());

    it('given webhook bodies with a wrong signature under a valid key, then 401s that block nobody, recorded', async () => {
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const response = await fetch(`${api.baseUrl}/webhooks/json/helpdesk`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${keys.operations}`,
            'content-type': 'application/json',
            'x-helpdesk-signature': 'sha256=00',
          },
          body: JSON.stringify({ event: 'ticket.answered', delivery: `d-${attempt}` }),
        });
        expect(response.status).toBe(401);
      }
      expect((await exchange(api, '/services', keys.operations)).status).toBe(200);
      const [denied] = await eventually(async () => {
        const events = (await storedAccessEvents(api, [today()])).filter((event) => event.type === 'AccessDenied');
        return events.length >= 4 ? events : undefined;
      });
      expect(denied.data).toMatchObject({
        status: 401,
        path: '/webhooks/json/helpdesk',
        credential: { kind: 'api-key', id: keyId('operations') },
        actor: 'servicenow-connector',
        reason: 'the x-helpdesk-signature signature does not match the body',
      });
    });
  });

  describe('per source address', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi('rate_limit_address', { RATE_LIMIT_ADDRESS_PER_SECOND: '5' });
    });
    afterAll(() => api.close());

    it('given an address over its requests per second, then 429 with Retry-After, public routes included', async () => {
      const answers = await burst(api, '/health', 30);
      const refused = answers.filter((answer) => answer.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(Number(refused[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused[0].headers.get('ratelimit-limit')).toBe('5');
      expect(refused[0].body.error.message).toBe('more than 5 requests per second from 127.0.0.1');
    });
  });
});
