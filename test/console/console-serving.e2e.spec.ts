import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { apiDocument } from '../../apps/api/src/openapi/openapi.controller';
import { startTestApi, type TestApi } from '../support/test-api';

const builtConsole = path.join(__dirname, '../../dist/console');
const page = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** The console served by the API itself (npm run build made dist/console), beside every API path as it was. */
describe('the console served by the API (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let bare: TestApi;
  const index = readFileSync(path.join(builtConsole, 'index.html'), 'utf8');

  beforeAll(async () => {
    api = await startTestApi('console_serving');
    bare = await startTestApi('console_not_built', {}, undefined, { consoleFolder: null });
  });
  afterAll(async () => {
    await api?.close();
    await bare?.close();
  });

  it('answers / and a deep console URL with index.html, revalidated on every visit', async () => {
    for (const url of ['/', '/portfolio?period=2026-01&customer=Acme', '/portfolio/some/deeper/page']) {
      const response = await fetch(`${api.baseUrl}${url}`, { headers: page });
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(index);
    }
  });

  it('serves the hashed assets for a year, immutable, with the same CSP as every answer', async () => {
    // The entry script index.html loads (lazy pages are further chunks beside it).
    const assets = readdirSync(path.join(builtConsole, 'assets'));
    const script = assets.find((file) => file.endsWith('.js') && index.includes(`/assets/${file}`))!;
    expect(script).toMatch(/^index-.*\.js$/);
    const response = await fetch(`${api.baseUrl}/assets/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect((await response.text()).length).toBeGreaterThan(1000);
    const missing = await fetch(`${api.baseUrl}/assets/index-00000000.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/json');
  });

  it('keeps API paths the API’s: an unknown one is a JSON 404 even for a browser, a known one answers JSON', async () => {
    for (const url of ['/agreements/no-such-agreement', '/compliance/nothing-here', '/no-such-endpoint']) {
      const response = await fetch(`${api.baseUrl}${url}`);
      expect({ url, status: response.status }).toEqual({ url, status: 404 });
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(((await response.json()) as { statusCode?: number }).statusCode ?? 404).toBe(404);
    }
    const browser = await fetch(`${api.baseUrl}/compliance/nothing-here`, { headers: page });
    expect(browser.status).toBe(404);
    expect(browser.headers.get('content-type')).toContain('application/json');
    const health = await fetch(`${api.baseUrl}/health`, { headers: page });
    expect(health.headers.get('content-type')).toContain('application/json');
    expect(((await health.json()) as { accessControl: string }).accessControl).toBe('off');
  });

  it('leaves /openapi.json as the API builds it', async () => {
    const response = await fetch(`${api.baseUrl}/openapi.json`, { headers: page });
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(apiDocument)));
  });

  it('still starts without a built console, and / says how to build it', async () => {
    const response = await fetch(`${bare.baseUrl}/`, { headers: page });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('npm run build');
    const deep = await fetch(`${bare.baseUrl}/portfolio`);
    expect(deep.status).toBe(404);
    expect(deep.headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${bare.baseUrl}/health`)).status).toBe(200);
  });
});
