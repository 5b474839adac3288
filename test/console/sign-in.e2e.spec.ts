import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { httpClient } from '../support';
import {
  expectAccessible,
  openConsoleBrowser,
  openInLanguage,
  screenshot,
  type ConsoleBrowser,
} from '../support/console-browser';
import { loadSmallDemo } from '../support/demo';
import { startTestApi, type TestApi } from '../support/test-api';

// The functions given to page.evaluate run in the browser, where these exist; the test program has no DOM types.
declare const document: { cookie: string; querySelectorAll(selector: string): { length: number } };
declare const window: {
  localStorage: { length: number; key(index: number): string | null; getItem(key: string): string | null };
};

const BERLIN = 'Spree Logistik GmbH (Berlin)';
const keys = {
  berlin: `sign-in-berlin-${Math.random()}`,
  slm: `sign-in-slm-${Math.random()}`,
  auditor: `sign-in-auditor-${Math.random()}`,
};
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * The console with access control on (real API, small demo, real Chromium): sign-in with an API key, a customer sees
 * only its own agreements and is refused another's, the key is kept nowhere the page can read, sign-out.
 */
describe('the console: sign-in and what each principal sees (Chromium, access control on)', () => {
  let api: TestApi;
  let browser: ConsoleBrowser;
  let page: Page;
  let problems: string[];
  const as = (key: string) => httpClient(api.baseUrl, { authorization: `Bearer ${key}` }, api.conformance);

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sla-console-keys-')), 'keys.json');
    writeFileSync(
      file,
      JSON.stringify([
        { keySha256: sha256(keys.berlin), actor: 'berlin-portal', role: 'customer', customer: BERLIN },
        { keySha256: sha256(keys.slm), actor: 'alice.slm', role: 'slm' },
        { keySha256: sha256(keys.auditor), actor: 'audrey.auditor', role: 'auditor' },
      ]),
    );
    // The demo is loaded with access control off (it records each party's signature as a different actor, which one
    // key cannot); then an API with access control on serves the same database, as after a restart with keys set.
    const loaded = await loadSmallDemo('console_sign_in');
    await loaded.api.close();
    api = await startTestApi('console_sign_in_keys', {
      DATABASE_URL: loaded.api.databaseUrl,
      AUTH_API_KEYS_FILE: file,
    });
    browser = await openConsoleBrowser();
    ({ page, problems } = browser);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** Waits for the page's title (a sign-in or sign-out answers after a round trip). */
  const expectHeading = (name: string) =>
    page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 30_000 });
  const shownAgreements = () =>
    page.locator('tr[data-row-key]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row-key')));

  async function signIn(key: string) {
    await page.locator('#credential').fill(key);
    await page.keyboard.press('Enter');
  }

  it('asks for a key before anything else, says why a key is refused, in English and Chinese', async () => {
    await openInLanguage(page, `${api.baseUrl}/portfolio?period=2026-02`, 'zh-CN');
    await expectHeading('登录');
    await expectAccessible(page, 'sign-in (zh-CN)');
    await screenshot(page, 'sign-in-zh-CN');
    await openInLanguage(page, `${api.baseUrl}/portfolio?period=2026-02`, 'en');
    await expectHeading('Sign in');
    expect(await page.locator('nav a').count()).toBe(0);
    await signIn('not-a-key');
    await page.getByTestId('sign-in-error').waitFor();
    await expect(page.getByTestId('sign-in-error').innerText()).resolves.toContain('the API key is not known');
    await expectAccessible(page, 'sign-in (en)');
    await screenshot(page, 'sign-in-en');
    expect(problems).toEqual([`401 ${api.baseUrl}/session`]);
    problems.length = 0;
  }, 120_000);

  it("signs a customer in: only its own agreements, another's refused, the key kept nowhere the page reads", async () => {
    await signIn(keys.berlin);
    await expectHeading('Portfolio');
    await page.getByTestId('signed-in-as').waitFor();
    await expect(page.getByTestId('signed-in-as').innerText()).resolves.toBe('berlin-portal (customer)');
    // The live queue is staff-only at the API: a customer is not offered it.
    expect(await page.locator('nav a', { hasText: 'Live queue' }).count()).toBe(0);
    const own = (await as(keys.berlin).get('/compliance/portfolio?period=2026-02')).body.agreements;
    const all = (await as(keys.slm).get('/compliance/portfolio?period=2026-02')).body.agreements;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((row: { customer: string }) => row.customer === BERLIN)).toBe(true);
    expect(all.length).toBeGreaterThan(own.length);
    await page.waitForFunction((count) => document.querySelectorAll('tr[data-row-key]').length === count, own.length);
    expect(await shownAgreements()).toEqual(own.map((row: { agreementId: string }) => row.agreementId));

    // The session is an HttpOnly cookie: no script sees it, and nothing of the key is in local storage.
    expect(await page.evaluate(() => document.cookie)).not.toContain('sla_session');
    const stored = await page.evaluate(() =>
      Array.from({ length: window.localStorage.length }, (_, index) =>
        window.localStorage.getItem(window.localStorage.key(index)!),
      ),
    );
    expect(stored.join()).not.toContain(keys.berlin);
    const cookies = await browser.context.cookies(api.baseUrl);
    expect(cookies.find((cookie) => cookie.name === 'sla_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });

    // Another customer's agreement: the API refuses it and the page says so.
    const other = all.find((row: { customer: string }) => row.customer !== BERLIN)!;
    await page.goto(`${api.baseUrl}/agreement/${other.agreementId}?period=2026-02`);
    await page.getByText(/403/).first().waitFor({ timeout: 30_000 });
    await expect(page.getByRole('alert').first().innerText()).resolves.toContain('403');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.startsWith('403 '))).toBe(true);
    problems.length = 0;
  }, 120_000);

  it('signs out by keyboard: the session ends at the API too; a service level manager then sees every agreement', async () => {
    await page.goto(`${api.baseUrl}/portfolio?period=2026-02`);
    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('Enter');
    await expectHeading('Sign in');
    const session = await page.evaluate(async () => (await fetch('/session')).json());
    expect(session).toEqual({ accessControl: 'on', session: null, openIdSignIn: null });
    await signIn(keys.slm);
    await page.getByTestId('signed-in-as').waitFor();
    await expect(page.getByTestId('signed-in-as').innerText()).resolves.toBe('alice.slm (service level manager)');
    expect(await page.locator('nav a', { hasText: 'Live queue' }).count()).toBe(1);
    const all = (await as(keys.slm).get('/compliance/portfolio?period=2026-02')).body.agreements;
    await page.waitForFunction((count) => document.querySelectorAll('tr[data-row-key]').length === count, all.length);
    expect(await shownAgreements()).toEqual(all.map((row: { agreementId: string }) => row.agreementId));
    expect(problems).toEqual([]);
  }, 120_000);

  it("offers a report's next step to the roles that may take it only", async () => {
    // An internal report drafted now for a month the demo left without one: it awaits its review.
    const [definition] = (await as(keys.slm).get('/report-definitions')).body.items;
    const drafted = await as(keys.slm).post('/reports', {
      agreementId: definition.agreementId,
      period: '2026-11',
      timeZone: definition.timeZone,
      audience: 'internal',
      calendarId: definition.calendarId,
    });
    expect(drafted.status).toBe(201);
    const report = `${api.baseUrl}/report/${drafted.body.reportId}`;
    await page.goto(report);
    await page.getByTestId(/^step-(review|approval|publication)$/).waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectHeading('Sign in');
    await signIn(keys.auditor);
    await page.getByTestId('signed-in-as').waitFor();
    await page.getByTestId('steps-not-yours').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('steps-not-yours').innerText()).resolves.toContain(
      'A service level manager or an administrator takes this step.',
    );
    expect(await page.getByTestId(/^step-(review|approval|publication)$/).count()).toBe(0);
    const session = (await page.evaluate(async () => (await fetch('/session')).json())) as {
      session: { may: string[] };
    };
    expect(session.session.may).toContain('audit');
    expect(session.session.may).not.toContain('change');
    expect(problems).toEqual([]);
  }, 120_000);
});
