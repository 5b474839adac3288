import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// Installed by scripts/install-test-tools.sh (Debian's chromium); no browser is downloaded.
const CHROMIUM = '/usr/bin/chromium';
/** Screenshots of every page in both languages, for a reviewer to look at (not committed). */
export const SCREENSHOTS = path.join(__dirname, '../../test-output/screenshots');

// The functions given to page.evaluate run in the browser, where this exists; the test program has no DOM types.
declare const window: { localStorage: { setItem(key: string, value: string): void } };

export type ConsoleBrowser = {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, uncaught exceptions and HTTP responses ≥ 400 seen so far; a test expects it empty. */
  readonly problems: string[];
  close(): Promise<void>;
};

/**
 * Debian's Chromium, headless, on a fresh profile folder (playwright passes it as --user-data-dir), with the flags the
 * stack notes list, collecting every problem the page shows.
 */
export async function openConsoleBrowser(options: { locale?: string } = {}): Promise<ConsoleBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'sla-console-chromium-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    locale: options.locale ?? 'en-US',
    viewport: { width: 1600, height: 1000 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  // A blocked script or style (the CSP) or an uncaught error would show here.
  page.on('console', (message) => {
    // Failed requests are listed with their URL below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a URL in the given language whatever an earlier test left in the remembered language. */
export async function openInLanguage(page: Page, url: string, language: 'en' | 'zh-CN'): Promise<void> {
  await page.goto(url);
  await page.evaluate((chosen) => window.localStorage.setItem('sla-console.language', chosen), language);
  await page.reload();
}

/** axe-core on the page as it stands: no serious or critical violation. */
export async function expectAccessible(page: Page, name: string, options: { exclude?: string } = {}): Promise<void> {
  const builder = new AxeBuilder({ page });
  // A frame that runs no scripts cannot run axe either: leave it out rather than wait on it.
  if (options.exclude) builder.exclude(options.exclude);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ page: name, id: violation.id, nodes: violation.nodes.map((node) => node.target) }));
  expect(serious).toEqual([]);
}

/** A full-page screenshot into test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
