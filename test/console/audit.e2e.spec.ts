import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { verifyEvidenceBundle, type EvidenceBundle } from '@sla/audit-domain';
import { eventually, httpClient } from '../support';
import {
  expectAccessible,
  openConsoleBrowser,
  openInLanguage,
  screenshot,
  type ConsoleBrowser,
} from '../support/console-browser';
import { loadSmallDemo } from '../support/demo';
import type { TestApi } from '../support/test-api';

// The functions given to page.evaluate run in the browser, where this exists; the test's own program has no DOM types.
declare const document: {
  activeElement: { getAttribute(name: string): string | null } | null;
  querySelectorAll(selector: string): { length: number };
};

type Step = { eventId: string; revision: number; type: string; actor: string; recordedAt: string };
type Figure = {
  serviceId: string;
  priority: string;
  metric: string;
  tickets: number;
  met: number;
  breached: number;
  open: number;
  percentWithinTarget: string | null;
};
type Head = { treeSize: number; rootHash: string; signedAt: string; keyId: string };
type Listed = { reportId: string; agreementId: string; period: string; publishedRecordedAt: string | null };

const FIELDS = ['tickets', 'met', 'breached', 'open', 'percentWithinTarget'] as const;
const figureKey = (row: Figure) => `${row.serviceId}/${row.priority}/${row.metric}`;

/** The text the page must show for a figure, with the browser's own Intl and none of the console's code. */
function expectedFigureTexts(page: Page, rows: Figure[], locale: string) {
  return page.evaluate(
    ({ rows, locale, fields }) => {
      const cut = (value: string) => {
        const [whole, fraction = ''] = value.split('.');
        return Number(`${whole}.${fraction.padEnd(2, '0').slice(0, 2)}`);
      };
      const percent = (value: string) =>
        `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cut(value))} %`;
      const count = (value: number) => new Intl.NumberFormat(locale).format(value);
      return rows.map((row) =>
        fields.map((field) => {
          const value = row[field];
          if (value === null) return '—';
          return field === 'percentWithinTarget' ? percent(String(value)) : count(Number(value));
        }),
      );
    },
    { rows, locale, fields: [...FIELDS] },
  );
}

const instantText = (page: Page, instant: string, locale: string, timeZone?: string) =>
  page.evaluate(
    ({ instant, locale, timeZone }) =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        ...(timeZone ? { timeZone } : {}),
      }).format(new Date(instant)),
    { instant, locale, timeZone },
  );

describe('the console: Audit page (Chromium, real API, small demo)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  let browser: ConsoleBrowser;
  let page: Page;
  let problems: string[];
  let report: Listed & { publishedRecordedAt: string };
  let timeZone: string;
  let lateFigure: Figure;

  const base = () => `/compliance/agreements/${report.agreementId}`;
  const periodQuery = () => `period=${report.period}&timeZone=${encodeURIComponent(timeZone)}`;
  const apiNow = async (): Promise<Figure[]> => (await http.get(`${base()}/response-resolution?${periodQuery()}`)).body;
  const apiReported = async (): Promise<Figure[]> =>
    (
      await http.get(
        `${base()}/restatement?${periodQuery()}&reportedAt=${encodeURIComponent(report.publishedRecordedAt)}`,
      )
    ).body.asReported;
  const pageUrl = (extra = '') =>
    `${api.baseUrl}/audit-trail?agreement=${encodeURIComponent(report.agreementId)}&period=${report.period}${extra}`;

  beforeAll(async () => {
    ({ api } = await loadSmallDemo('console_audit'));
    http = httpClient(api.baseUrl, {}, api.conformance);
    // A published report of the demo: its first publication's recorded time is what "as reported" was known at.
    const listed: Listed[] = (await http.get('/reports?status=published&limit=500')).body.items;
    report = listed.find((item) => item.publishedRecordedAt !== null) as typeof report;
    expect(report).toBeDefined();
    const portfolio = (await http.get(`/compliance/portfolio?period=${report.period}`)).body.agreements;
    timeZone = portfolio.find((row: { agreementId: string }) => row.agreementId === report.agreementId).timeZone;

    // A late fact: a ticket of the period opened only now, after the report was published, so the figures known now
    // differ from those reported.
    const [measured] = await apiNow();
    expect(measured).toBeDefined();
    const before = measured!.tickets;
    const periodStart = (await http.get(`${base()}/availability?${periodQuery()}`)).body.from as string;
    const writer = httpClient(api.baseUrl, { 'x-actor': 'ops.late' }, api.conformance);
    const opened = await writer.post('/tickets/INC-LATE-1/facts', {
      source: 'servicenow',
      externalId: 'inc-late-1-open',
      type: 'TicketOpened',
      data: {
        ticketType: 'incident',
        serviceId: measured!.serviceId,
        priority: measured!.priority,
        impact: 'high',
        major: false,
        title: 'Found late in the archive',
        occurredAt: new Date(Date.parse(periodStart) + 5 * 86_400_000).toISOString(),
      },
    });
    expect(opened.status).toBe(201);
    lateFigure = await eventually(async () => {
      const row = (await apiNow()).find((candidate) => figureKey(candidate) === figureKey(measured!));
      return row && row.tickets === before + 1 ? row : undefined;
    }, 60_000);
    browser = await openConsoleBrowser();
    ({ page, problems } = browser);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function openInEnglish(url: string) {
    await openInLanguage(page, url, 'en');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Audit trail');
  }

  async function expectReplay(locale: string) {
    const steps: Step[] = (await http.get(`/audit/agreements/${report.agreementId}/replay`)).body;
    const history: { revision: number; version: number | null }[] = (
      await http.get(`/agreements/${report.agreementId}/history`)
    ).body;
    const table = page.getByTestId('replay');
    await table.locator(`tr[data-row-key="${steps.at(-1)!.eventId}"]`).waitFor();
    const rows = table.locator('tr[data-row-key]');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')))).toEqual(
      steps.map((step) => step.eventId),
    );
    for (const step of steps) {
      const tr = table.locator(`tr[data-row-key="${step.eventId}"]`);
      expect(await tr.getByTestId('fact').getAttribute('data-type')).toBe(step.type);
      expect(await tr.getByTestId('actor').innerText()).toBe(step.actor);
      expect(await tr.getByTestId('recorded-at').innerText()).toBe(
        await instantText(page, step.recordedAt, locale, timeZone),
      );
      const version = history.find((entry) => entry.revision === step.revision)?.version;
      if (version != null) expect(await tr.getByTestId('version').innerText()).toContain(String(version));
    }
    // Every fact type is translated, never the API's raw name.
    for (const text of await table.getByTestId('fact').allInnerTexts()) expect(text).not.toMatch(/^Agreement[A-Z]/);
  }

  /** The figures table shows exactly the given rows with the API's values. */
  async function expectFigures(rows: Figure[], locale: string) {
    const table = page.getByTestId('figures');
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="figures"] tr[data-row-key]').length === count,
      rows.length,
      { timeout: 30_000 },
    );
    const expected = await expectedFigureTexts(page, rows, locale);
    for (const [index, row] of rows.entries()) {
      const tr = table.locator(`tr[data-row-key="${figureKey(row)}"]`);
      const shown = [];
      for (const field of FIELDS) shown.push(await tr.getByTestId(field).getByTestId('value').innerText());
      expect({ key: figureKey(row), shown }).toEqual({ key: figureKey(row), shown: expected[index] });
    }
  }

  it('replays the agreement fact by fact and shows the period as reported, with the API figures, in English', async () => {
    await openInEnglish(pageUrl());
    await expectReplay('en');
    const reported = await apiReported();
    const now = await apiNow();
    await expectFigures(reported, 'en');
    expect(await page.getByTestId('figures').getAttribute('data-view')).toBe('reported');
    // The late ticket's cell differs from what is known now, and says so.
    const cell = page
      .getByTestId('figures')
      .locator(`tr[data-row-key="${figureKey(lateFigure)}"]`)
      .getByTestId('tickets');
    const shownReported = reported.find((row) => figureKey(row) === figureKey(lateFigure));
    expect(await cell.getByTestId('other').innerText()).toContain(String(lateFigure.tickets));
    if (shownReported) expect(await cell.getByTestId('value').innerText()).toBe(String(shownReported.tickets));
    expect(Number(await page.getByTestId('differences').getAttribute('data-count'))).toBeGreaterThan(0);
    expect(now.length).toBeGreaterThan(0);
    expect(await page.getByTestId('known-at-source').innerText()).toContain(report.reportId);
    await expectAccessible(page, 'audit (en)');
    await screenshot(page, 'audit-en');
    expect(problems).toEqual([]);
  }, 120_000);

  it('switches to as known now: the URL changes, the figures are the API’s of now, Back returns', async () => {
    await openInEnglish(pageUrl());
    await page.getByText('As known now', { exact: true }).click();
    await page.waitForURL(/view=now/);
    await expectFigures(await apiNow(), 'en');
    expect(await page.getByTestId('figures').getAttribute('data-view')).toBe('now');
    const cell = page
      .getByTestId('figures')
      .locator(`tr[data-row-key="${figureKey(lateFigure)}"]`)
      .getByTestId('tickets');
    expect(await cell.getByTestId('value').innerText()).toBe(String(lateFigure.tickets));
    expect(await cell.getByTestId('other').isVisible()).toBe(true);
    // A chosen knownAt replaces the publication's time, in the URL.
    await page.fill('#audit-known-at', '2026-01-01T00:00:00Z');
    await page.press('#audit-known-at', 'Enter');
    await page.waitForURL(/knownAt=2026-01-01T00%3A00%3A00.000Z/);
    expect(await page.getByTestId('known-at-source').innerText()).toContain('the time chosen');
    await page.goBack();
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('view'));
    await expectFigures(await apiReported(), 'en');
    expect(problems).toEqual([]);
  }, 120_000);

  it('renders in Chinese with the same figures', async () => {
    await openInLanguage(page, pageUrl(), 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('审计追踪');
    await expectReplay('zh-CN');
    await expectFigures(await apiReported(), 'zh-CN');
    await expectAccessible(page, 'audit (zh-CN)');
    await screenshot(page, 'audit-zh-CN');
    await page.getByText('English', { exact: true }).click();
    expect(problems).toEqual([]);
  }, 120_000);

  it('downloads the evidence bundle by keyboard, and it verifies; the tree head is the API’s', async () => {
    await openInEnglish(pageUrl());
    await page.getByTestId('download-bundle').waitFor();
    let reached = false;
    for (let press = 0; press < 60 && !reached; press += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'download-bundle');
    }
    expect(reached).toBe(true);
    // The API catches the projections up and seals the log before it answers: slow on a loaded machine.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 180_000 }),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toBe(`evidence-${report.agreementId}-${report.period}.json`);
    const bundle = JSON.parse(readFileSync(await download.path(), 'utf8')) as EvidenceBundle;
    expect(verifyEvidenceBundle(bundle)).toMatchObject({ ok: true, problems: [] });
    expect(bundle).toMatchObject({ agreementId: report.agreementId, period: { label: report.period, timeZone } });

    // The log grows while the page is open (the bundle's manifest, the SLA watch): the page shows the API's latest
    // head once both have settled.
    const shownHead = async () => ({
      treeSize: await page.getByTestId('tree-size').innerText(),
      rootHash: await page.getByTestId('root-hash').innerText(),
      signedAt: await page.getByTestId('signed-at').innerText(),
      keyId: await page.getByTestId('key-id').innerText(),
    });
    const matched = await eventually(async () => {
      const [head] = (await http.get('/audit/tree-heads?limit=1')).body.items as Head[];
      await page.reload();
      await page.getByTestId('tree-size').waitFor();
      const shown = await shownHead();
      const [after] = (await http.get('/audit/tree-heads?limit=1')).body.items as Head[];
      if (!head || head.treeSize !== after!.treeSize) return undefined;
      const want = {
        treeSize: new Intl.NumberFormat('en').format(head.treeSize),
        rootHash: head.rootHash,
        signedAt: await instantText(page, head.signedAt, 'en'),
        keyId: head.keyId,
      };
      return JSON.stringify(shown) === JSON.stringify(want) ? shown : undefined;
    }, 60_000);
    expect(matched.rootHash).toMatch(/^[0-9a-f]{64}$/);
    // No verification run is recorded anywhere: the page shows the sealer's state from /health and says so.
    const health = (await http.get('/health')).body;
    expect(await page.getByTestId('seal-state').locator('[data-status]').getAttribute('data-status')).toBe(
      health.auditSeal.status,
    );
    expect(problems).toEqual([]);
  }, 360_000);
});
