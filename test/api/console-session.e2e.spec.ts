import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/test-api';

const keys = { slm: 'session-key-slm-0001', finance: 'session-key-finance-0002' } as const;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** One HTTP exchange with the headers the browser would send and the answer's Set-Cookie lines. */
async function exchange(
  api: TestApi,
  method: string,
  url: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${api.baseUrl}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    cookies: response.headers.getSetCookie(),
  };
}

/**
 * The console's sign-in over HTTP (real app, real PostgreSQL): an API key exchanged for an HttpOnly, SameSite=Strict
 * session cookie; the session is the key's principal; writes through it need the CSRF token; signing out ends it.
 */
describe('console sessions: API key → session cookie, CSRF on writes, sign-out (real app)', () => {
  let api: TestApi;

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sla-session-keys-')), 'keys.json');
    writeFileSync(
      file,
      JSON.stringify([
        { keySha256: sha256(keys.slm), actor: 'alice.slm', role: 'slm' },
        { keySha256: sha256(keys.finance), actor: 'finance-portal', role: 'customer', customer: 'Finance' },
      ]),
    );
    api = await startTestApi('console_session', { AUTH_API_KEYS_FILE: file });
  }, 120_000);
  afterAll(() => api?.close());

  async function signIn(credential: string) {
    const answer = await exchange(api, 'POST', '/session', { body: { credential } });
    expect(answer.status).toBe(200);
    const cookie = answer.cookies.find((line) => line.startsWith('sla_session='))!;
    return { answer, cookie, header: cookie.split(';')[0]! };
  }

  it('refuses an unknown key with 401 and sets no cookie; answers "no session" without one', async () => {
    const refused = await exchange(api, 'POST', '/session', { body: { credential: 'not-a-key' } });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toMatch(/not known/);
    expect(refused.cookies).toEqual([]);
    const empty = await exchange(api, 'POST', '/session', { body: { credential: '  ' } });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('credential');
    expect(await exchange(api, 'GET', '/session')).toMatchObject({
      status: 200,
      body: { accessControl: 'on', session: null },
    });
  });

  it('sets an HttpOnly, SameSite=Strict cookie holding a random token; the database holds neither it nor the key', async () => {
    const { answer, cookie, header } = await signIn(keys.slm);
    expect(answer.body).toMatchObject({ actor: 'alice.slm', role: 'slm', customer: null });
    expect(answer.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(answer.body.expiresAt) - Date.parse(answer.body.startedAt)).toBe(8 * 3_600_000);
    const attributes = cookie.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    // The API listens on 127.0.0.1: the development cookie is not Secure (CONSOLE_SESSION_COOKIE_SECURE=auto).
    expect(attributes).not.toContain('secure');
    const token = header.slice('sla_session='.length);
    expect(token).not.toContain(keys.slm);

    const database = new Client({ connectionString: api.databaseUrl });
    await database.connect();
    try {
      const rows = await database.query('select * from console_session');
      const stored =
        JSON.stringify(rows.rows) + rows.rows.map((row) => row.sealed_credential.toString('latin1')).join();
      expect(rows.rows.length).toBeGreaterThanOrEqual(1);
      expect(stored).not.toContain(keys.slm);
      expect(stored).not.toContain(token);
    } finally {
      await database.end();
    }

    expect(await exchange(api, 'GET', '/session', { headers: { cookie: header } })).toMatchObject({
      status: 200,
      body: { accessControl: 'on', session: { actor: 'alice.slm', role: 'slm', csrfToken: answer.body.csrfToken } },
    });
  });

  it('reads through the session cookie; a write needs the CSRF token, and is recorded as the key holder', async () => {
    const { answer, header } = await signIn(keys.slm);
    expect((await exchange(api, 'GET', '/services', { headers: { cookie: header } })).status).toBe(200);
    const calendar = {
      definition: { id: 'session-24x7', name: '24x7', timeZone: 'UTC', versions: [{ weeklyWindows: '24x7' }] },
    };
    const withoutToken = await exchange(api, 'POST', '/calendars', { body: calendar, headers: { cookie: header } });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.error.message).toMatch(/CSRF token in X-CSRF-Token/);
    const wrongToken = await exchange(api, 'POST', '/calendars', {
      body: calendar,
      headers: { cookie: header, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrongToken.status).toBe(403);
    const written = await exchange(api, 'POST', '/calendars', {
      body: calendar,
      headers: { cookie: header, 'x-csrf-token': answer.body.csrfToken, 'x-actor': 'mallory' },
    });
    expect(written.status).toBe(201);
    // One calendar event, written as the key's actor whatever X-Actor says: the refused writes stored nothing.
    const database = new Client({ connectionString: api.databaseUrl });
    await database.connect();
    try {
      const { rows } = await database.query(
        "select metadata->>'actor' as actor from event_store.events where stream_name = 'calendar-session-24x7'",
      );
      expect(rows).toEqual([{ actor: 'alice.slm' }]);
    } finally {
      await database.end();
    }
  });

  it("keeps a customer's session to the customer's role: staff lists are 403", async () => {
    const { answer, header } = await signIn(keys.finance);
    expect(answer.body).toMatchObject({ actor: 'finance-portal', role: 'customer', customer: 'Finance' });
    expect((await exchange(api, 'GET', '/services', { headers: { cookie: header } })).status).toBe(403);
    const portfolio = await exchange(api, 'GET', '/compliance/portfolio?period=2026-02', {
      headers: { cookie: header },
    });
    expect(portfolio).toMatchObject({ status: 200, body: { agreements: [] } });
  });

  it('signs out only with the CSRF token; the session then ends for every request', async () => {
    const { answer, header } = await signIn(keys.slm);
    expect((await exchange(api, 'POST', '/session/sign-out', { headers: { cookie: header } })).status).toBe(403);
    expect((await exchange(api, 'GET', '/services', { headers: { cookie: header } })).status).toBe(200);
    const out = await exchange(api, 'POST', '/session/sign-out', {
      headers: { cookie: header, 'x-csrf-token': answer.body.csrfToken },
    });
    expect(out.status).toBe(204);
    expect(out.cookies.find((line) => line.startsWith('sla_session=;'))).toBeDefined();
    const after = await exchange(api, 'GET', '/services', { headers: { cookie: header } });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/session has ended or expired/);
    expect((await exchange(api, 'GET', '/session', { headers: { cookie: header } })).body.session).toBeNull();
  });
});
