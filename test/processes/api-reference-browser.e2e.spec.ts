import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestApi, type TestApi } from '../support/test-api';

const run = promisify(execFile);
// Installed by scripts/install-test-tools.sh (Debian's chromium); no browser is downloaded.
const CHROMIUM = '/usr/bin/chromium';

/** /docs in a real headless Chromium: Swagger UI renders every operation from assets the API serves itself. */
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
    const { stdout: dom } = await chromium('--dump-dom', `${api.baseUrl}/docs`);
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
});
