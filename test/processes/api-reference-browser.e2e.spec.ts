import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eventually, givenApprovedVpnAgreement, httpClient } from '@sla/test-support';
import { startTestApi, type TestApi } from '../support/test-api';

const run = promisify(execFile);
// Installed by scripts/install-test-tools.sh (Debian's chromium); no browser is downloaded.
const CHROMIUM = '/usr/bin/chromium';

/**
 * /docs in a real headless Chromium: Swagger UI renders every operation from assets the API serves itself; it and
 * the HTML report pages work under the API's Content-Security-Policy, which the browser reports no refusal of.
 */
describe('API reference in a browser (real Chromium, real app)', () => {
  let api: TestApi;
  const profile = mkdtempSync(path.join(tmpdir(), 'sla-docs-chromium-'));
  const chromium = (...args: string[]) =>
    run(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        // The page's console on stderr: a Content-Security-Policy refusal is reported there.
        '--enable-logging=stderr',
        '--v=0',
        // Lets the page's scripts fetch /openapi.json and render before the DOM or screenshot is taken.
        '--virtual-time-budget=15000',
        ...args,
      ],
      { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
    );

  beforeAll(async () => {
    api = await startTestApi('api_reference_browser');
  });
  afterAll(() => api?.close());

  it('renders one entry per documented operation, with no dialect warning, and takes a screenshot', async () => {
    const document = (await (await fetch(`${api.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.values(document.paths).reduce((count, methods) => count + Object.keys(methods).length, 0);
    const { stdout: dom, stderr } = await chromium('--dump-dom', `${api.baseUrl}/docs`);
    expect(stderr).not.toMatch(/Content Security Policy/i);
    expect(dom).toContain('SLA compliance engine');
    expect((dom.match(/class="opblock-summary-path"/g) ?? []).length).toBe(operations);
    expect(dom).toContain('data-path="/compliance/breaches"');
    expect(dom).not.toContain('jsonSchemaDialect');

    const screenshot = path.join(profile, 'docs.png');
    await chromium('--window-size=1280,1600', `--screenshot=${screenshot}`, `${api.baseUrl}/docs`);
    const image = readFileSync(screenshot);
    expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
    // A blank page of this size compresses to a few kilobytes; the rendered reference is far larger.
    expect(image.length).toBeGreaterThan(50_000);
  }, 120_000);

  it('shows a report page, its inline style sheet and SVG charts, with no Content-Security-Policy refusal', async () => {
    const http = httpClient(api.baseUrl, { 'x-actor': 'slm.alice' });
    const readable = (path: string, until: (body: any) => boolean = () => true) =>
      eventually(async () => {
        const response = await http.get(path);
        return response.status === 200 && until(response.body) ? response.body : undefined;
      });
    const calendar = { id: 'round-the-clock', name: '24x7', timeZone: 'UTC', versions: [{ weeklyWindows: '24x7' }] };
    expect((await http.post('/calendars', { definition: calendar })).status).toBe(201);
    await readable('/calendars/round-the-clock');
    const service = { serviceId: 'vpn', name: 'VPN', owner: { name: 'Li Wei' }, calendarId: 'round-the-clock' };
    expect((await http.post('/services', { ...service, changeRequest: 'CR-1' })).status).toBe(201);
    await readable('/services/vpn');
    const serviceTargets = ['P1', 'P2', 'P3', 'P4'].map((priority) => ({
      serviceId: 'vpn',
      priority,
      response: { duration: { unit: 'business-hours', amount: 1 }, calendarId: 'round-the-clock' },
      resolution: { duration: { unit: 'business-hours', amount: 8 }, calendarId: 'round-the-clock' },
    }));
    await givenApprovedVpnAgreement(http, serviceTargets);
    await readable('/agreements/vpn-sla', (body) => body.status === 'in-effect');
    await readable('/compliance/agreements/vpn-sla/kpis?period=2026-03');
    const report = { agreementId: 'vpn-sla', audience: 'customer', calendarId: 'round-the-clock', period: '2026-03' };
    expect((await http.post('/reports', report)).status).toBe(201);
    await readable('/reports/vpn-sla-2026-03-customer/revisions/1');

    const page = `${api.baseUrl}/reports/vpn-sla-2026-03-customer/revisions/1/html?language=en`;
    const { stdout: dom, stderr } = await chromium('--dump-dom', page);
    expect(stderr).not.toMatch(/Content Security Policy/i);
    expect(dom).toContain('<style>');
    expect(dom).toContain('VPN SLA');
    expect(dom.match(/<svg /g)?.length).toBeGreaterThan(0);
  }, 120_000);
});
