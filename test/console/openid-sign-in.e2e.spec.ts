import type { Page } from 'playwright-core';
import { freePort, httpClient } from '../support';
import {
  expectAccessible,
  openConsoleBrowser,
  openInLanguage,
  screenshot,
  type ConsoleBrowser,
} from '../support/console-browser';
import { signingKey, startOidcProvider, TEST_AUDIENCE, type OidcTestProvider } from '../support/oidc-provider';
import { startTestApi, type TestApi } from '../support/test-api';

// The functions given to page.evaluate run in the browser, where these exist; the test program has no DOM types.
declare const document: { cookie: string };
declare const window: {
  localStorage: { length: number };
  sessionStorage: { length: number };
};

type SessionAnswer = { session: { csrfToken: string } | null };
const BERLIN = 'Spree Logistik GmbH (Berlin)';
const password = (login: string) => `${login}-password-${Math.random()}`;
const users = [
  { login: 'ana.slm', password: password('ana'), claims: { roles: ['slm'] } },
  { login: 'berlin.buyer', password: password('berlin'), claims: { roles: ['customer'], customer: BERLIN } },
  // Signs in at the provider, but holds no product role: the API refuses the token.
  { login: 'visitor', password: password('visitor'), claims: {} },
];

/**
 * The console signs people in at a real OpenID provider (oidc-provider in a child process) with the authorization
 * code flow and PKCE, which the API runs as the console's back end; real Chromium drives the provider's login page.
 */
describe('the console: sign-in at the OpenID provider (authorization code + PKCE)', () => {
  let provider: OidcTestProvider;
  let api: TestApi;
  let browser: ConsoleBrowser;
  let page: Page;
  let callbackUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    callbackUrl = `http://127.0.0.1:${port}/session/oidc/callback`;
    provider = await startOidcProvider({
      keys: [await signingKey('console-sign-in')],
      clients: [{ clientId: 'auditor-robot', claims: { roles: ['auditor'] } }],
      users,
      consoleClients: [{ clientId: 'sla-console', redirectUri: callbackUrl }],
    });
    api = await startTestApi(
      'console_openid_sign_in',
      {
        OIDC_ISSUER: provider.issuer,
        OIDC_AUDIENCE: TEST_AUDIENCE,
        OIDC_CONSOLE_CLIENT_ID: 'sla-console',
        OIDC_CONSOLE_REDIRECT_URL: callbackUrl,
        OIDC_CONSOLE_SCOPES: 'openid api',
        OIDC_CONSOLE_REQUEST_PARAMETERS: `resource=${TEST_AUDIENCE}`,
        OIDC_CONSOLE_PROVIDER_NAME: 'Example SSO',
        // The refused sign-ins below are failed authentications from one address: not what is under test.
        RATE_LIMIT_FAILED_AUTH_PER_MINUTE: '1000',
      },
      undefined,
      { port },
    );
    browser = await openConsoleBrowser();
    page = browser.page;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await provider?.stop();
  });

  /** What went wrong on the console's own pages (the provider's pages are not ours). */
  const consoleProblems = () => browser.problems.filter((problem) => !problem.includes(provider.issuer));
  // Cookies are kept per host, not per port: the provider's own (on 127.0.0.1 too) are left out.
  const productCookies = async () =>
    (await browser.context.cookies(api.baseUrl)).filter((cookie) => cookie.name.startsWith('sla_'));
  const expectHeading = (name: string) =>
    page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 30_000 });

  async function signInAtProvider(login: string) {
    await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/interaction/`), { timeout: 30_000 });
    await page.getByLabel('Username').fill(login);
    await page.getByLabel('Password').fill(users.find((user) => user.login === login)!.password);
    await page.keyboard.press('Enter');
  }

  async function pressProviderButton(name: string) {
    const button = page.getByRole('link', { name });
    await button.waitFor({ timeout: 30_000 });
    await button.focus();
    await page.keyboard.press('Enter');
  }

  it('signs a service level manager in by keyboard and comes back to the page the sign-in started from', async () => {
    await openInLanguage(page, `${api.baseUrl}/service-reports?period=2026-02`, 'en');
    await expectHeading('Sign in');
    await expectAccessible(page, 'sign-in with a provider (en)');
    await screenshot(page, 'sign-in-provider-en');
    await pressProviderButton('Sign in with Example SSO');
    await signInAtProvider('ana.slm');

    await page.waitForURL(`${api.baseUrl}/service-reports?period=2026-02`, { timeout: 30_000 });
    await page.getByTestId('signed-in-as').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('signed-in-as').innerText()).resolves.toBe('ana.slm (service level manager)');
    const session = (await page.evaluate(async () => (await fetch('/session')).json())) as SessionAnswer;
    expect(session).toMatchObject({
      accessControl: 'on',
      session: { actor: 'ana.slm', role: 'slm', customer: null },
      openIdSignIn: { provider: 'Example SSO' },
    });

    // The browser holds the session cookie only: HttpOnly and Strict; the attempt's cookie is gone; no token in
    // any storage a script reads.
    const cookies = await productCookies();
    expect(cookies.map((cookie) => cookie.name)).toEqual(['sla_session']);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => document.cookie)).not.toMatch(/sla_/);
    expect(await page.evaluate(() => window.sessionStorage.length)).toBe(0);

    // A write through the session carries the CSRF token and is recorded as the provider's user.
    const written = await page.evaluate(async (csrfToken) => {
      const response = await fetch('/calendars', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({
          definition: { id: 'sso-24x7', name: '24x7', timeZone: 'UTC', versions: [{ weeklyWindows: '24x7' }] },
        }),
      });
      return response.status;
    }, session.session!.csrfToken);
    expect(written).toBe(201);

    // The access trail records the sign-in of the provider's user.
    const auditor = httpClient(api.baseUrl, { authorization: `Bearer ${await provider.tokenFor('auditor-robot')}` });
    const day = 86_400_000;
    const period = `from=${new Date(Date.now() - day).toISOString()}&to=${new Date(Date.now() + day).toISOString()}`;
    const trail = await auditor.get(`/audit/access-events?type=PrincipalSignedIn&${period}`);
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((event: { data: { actor: string } }) => event.data.actor)).toContain('ana.slm');
    expect(consoleProblems()).toEqual([]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectHeading('Sign in');
  }, 180_000);

  it('says in place, in Chinese, that a sign-in was cancelled at the provider, and signs a customer in after', async () => {
    // Another person at another browser: the provider's single sign-on session of the last test is not theirs
    // (signing out of the console leaves the provider's session, as single sign-on does).
    await browser.context.clearCookies();
    await openInLanguage(page, `${api.baseUrl}/portfolio?period=2026-02`, 'zh-CN');
    await expectHeading('登录');
    await pressProviderButton('通过 Example SSO 登录');
    await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/interaction/`), { timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.waitForURL(`${api.baseUrl}/portfolio?period=2026-02&signInError=access_denied`, { timeout: 30_000 });
    await page.getByTestId('provider-sign-in-error').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('provider-sign-in-error').innerText()).resolves.toBe(
      '登录已取消，或登录服务不允许此次登录。',
    );
    await expectAccessible(page, 'sign-in cancelled (zh-CN)');
    await screenshot(page, 'sign-in-provider-zh-CN');
    expect(await productCookies()).toEqual([]);

    // The next attempt starts from the page itself (the error is not carried along) and keeps the customer to its own.
    await pressProviderButton('通过 Example SSO 登录');
    await signInAtProvider('berlin.buyer');
    await page.waitForURL(`${api.baseUrl}/portfolio?period=2026-02`, { timeout: 30_000 });
    await page.getByTestId('signed-in-as').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('signed-in-as').innerText()).resolves.toBe('berlin.buyer（客户）');
    const session = (await page.evaluate(async () => (await fetch('/session')).json())) as SessionAnswer;
    expect(session.session).toMatchObject({ actor: 'berlin.buyer', role: 'customer', customer: BERLIN });
    await page.getByRole('button', { name: /^退 ?出$/ }).click();
    await expectHeading('登录');
    expect(consoleProblems()).toEqual([]);
  }, 180_000);

  it('refuses a provider user who holds no product role, and says why without a session', async () => {
    await browser.context.clearCookies();
    await openInLanguage(page, `${api.baseUrl}/portfolio`, 'en');
    await pressProviderButton('Sign in with Example SSO');
    await signInAtProvider('visitor');
    await page.waitForURL(`${api.baseUrl}/portfolio?signInError=token_refused`, { timeout: 30_000 });
    await page.getByTestId('provider-sign-in-error').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('provider-sign-in-error').innerText()).resolves.toContain(
      'this console does not accept the account',
    );
    expect(await productCookies()).toEqual([]);
    expect(consoleProblems()).toEqual([]);
  }, 180_000);

  describe('over HTTP', () => {
    const noRedirect = (path: string, cookie?: string) =>
      fetch(`${api.baseUrl}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    const attemptCookieOf = (response: Response) =>
      response.headers
        .getSetCookie()
        .find((cookie) => cookie.startsWith('sla_sign_in='))!
        .split(';')[0];

    it('starts with PKCE (S256), state and nonce, in an HttpOnly Lax cookie for ten minutes, returning on-site only', async () => {
      const started = await noRedirect(`/session/oidc/start?returnTo=${encodeURIComponent('//evil.example/x')}`);
      expect(started.status).toBe(302);
      const authorization = new URL(started.headers.get('location')!);
      expect(authorization.origin).toBe(provider.issuer);
      expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
        client_id: 'sla-console',
        redirect_uri: callbackUrl,
        response_type: 'code',
        scope: 'openid api',
        code_challenge_method: 'S256',
        code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        state: expect.any(String),
        nonce: expect.any(String),
        resource: TEST_AUDIENCE,
      });
      const cookie = started.headers.getSetCookie().find((value) => value.startsWith('sla_sign_in='))!;
      expect(cookie).toMatch(/; Max-Age=600;/);
      expect(cookie).toMatch(/; Path=\/session\/oidc;/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      const attempt = JSON.parse(Buffer.from(attemptCookieOf(started).split('=')[1], 'base64url').toString());
      // The redirect after sign-in cannot leave the site.
      expect(attempt.returnTo).toBe('/');
    });

    it('refuses an answer without its attempt, or with a state of another attempt, starting no session', async () => {
      const unsolicited = await noRedirect('/session/oidc/callback?code=stolen&state=whatever');
      expect(unsolicited.status).toBe(302);
      expect(unsolicited.headers.get('location')).toBe('/?signInError=sign_in_not_started');
      expect(unsolicited.headers.getSetCookie().some((cookie) => cookie.startsWith('sla_session='))).toBe(false);

      const started = await noRedirect('/session/oidc/start?returnTo=%2Fportfolio');
      const forged = await noRedirect(
        `/session/oidc/callback?code=stolen&state=not-the-attempts&iss=${encodeURIComponent(provider.issuer)}`,
        attemptCookieOf(started),
      );
      expect(forged.status).toBe(302);
      expect(forged.headers.get('location')).toBe('/portfolio?signInError=provider_refused');
      const setCookies = forged.headers.getSetCookie();
      expect(setCookies.some((cookie) => cookie.startsWith('sla_session='))).toBe(false);
      // The attempt is spent: its cookie is cleared whatever the outcome.
      expect(setCookies.some((cookie) => /^sla_sign_in=;.*Expires=Thu, 01 Jan 1970/.test(cookie))).toBe(true);
    });

    it('names a bad query parameter', async () => {
      const refused = await noRedirect(`/session/oidc/start?returnTo=${'x'.repeat(2_001)}`);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(await refused.json())).toContain('returnTo');
    });
  });
});
