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
import type { TestApi } from '../support/test-api';

// The functions given to page.evaluate run in the browser, where this exists; the test's own program has no DOM types.
declare const document: {
  activeElement: { id: string } | null;
  querySelectorAll(selector: string): { length: number };
};

type Metric = { tickets: number; met: number; breached: number; open: number; percentWithinTarget: string | null };
type Row = {
  agreementId: string;
  title: string;
  customer: string;
  services: string[];
  timeZone: string;
  from: string;
  to: string;
  compliance: 'met' | 'at-risk' | 'breached';
  availability: {
    serviceId: string;
    availabilityPercent: string | null;
    targetPercentage: number | null;
    remainingDowntimeBudget: number | null;
  }[];
  response: Metric;
  resolution: Metric;
  openFollowUps: number;
};
type Report = { agreementId: string; publishedAt: string | null; overdue: boolean; onTime: boolean | null };

/**
 * The text the page must show for the API's answer, computed with the browser's own Intl (the same ICU data the page
 * formats with) but none of the console's code: percentages cut to two places, never rounded.
 */
function expectedTexts(page: Page, row: Row, reports: Report[], locale: string) {
  const own = reports.filter((report) => report.agreementId === row.agreementId);
  const due = own.filter((report) => report.publishedAt === null && !report.overdue).length;
  const late = own.filter((report) => report.overdue || report.onTime === false).length;
  return page.evaluate(
    ({ row, locale, due, late }) => {
      const cut = (value: string) => {
        const [whole, fraction = ''] = value.split('.');
        return Number(`${whole}.${fraction.padEnd(2, '0').slice(0, 2)}`);
      };
      const percent = (value: string) =>
        `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cut(value))} %`;
      const minutes = (ms: number) => {
        const total = Math.floor(ms / 60_000);
        const unit = (value: number, name: string) =>
          new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
        return total >= 60
          ? `${unit(Math.floor(total / 60), 'hour')} ${unit(total % 60, 'minute')}`
          : unit(total, 'minute');
      };
      const count = (value: number) => new Intl.NumberFormat(locale).format(value);
      const metric = (figures: typeof row.response) =>
        figures.tickets === 0
          ? null
          : {
              percent: figures.percentWithinTarget === null ? '—' : percent(figures.percentWithinTarget),
              counts: [figures.met, figures.breached, figures.open].map(count),
            };
      return {
        period: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: row.timeZone }).formatRange(
          new Date(row.from),
          new Date(Date.parse(row.to) - 1),
        ),
        availability: row.availability.map((term) => ({
          actual: term.availabilityPercent === null ? null : percent(term.availabilityPercent),
          target:
            term.targetPercentage === null
              ? null
              : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(term.targetPercentage)} %`,
          budget:
            term.remainingDowntimeBudget !== null && term.remainingDowntimeBudget > 0
              ? minutes(term.remainingDowntimeBudget)
              : null,
        })),
        response: metric(row.response),
        resolution: metric(row.resolution),
        followUps: count(row.openFollowUps),
        reports: [count(due), count(late)],
      };
    },
    { row, locale, due, late },
  );
}

/** The Portfolio page in real Chromium against the real API with the small demo loaded. */
describe('the console: Portfolio page (Chromium, real API, small demo)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  let browser: ConsoleBrowser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    ({ api } = await loadSmallDemo('console_portfolio'));
    http = httpClient(api.baseUrl, {}, api.conformance);
    browser = await openConsoleBrowser();
    ({ page, problems } = browser);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const apiRows = async (query: string): Promise<Row[]> =>
    (await http.get(`/compliance/portfolio?${query}`)).body.agreements;
  const apiReports = async (period: string): Promise<Report[]> =>
    (await http.get(`/reports?period=${period}&limit=500`)).body.items;
  const shownRows = () => page.locator('tr[data-row-key]');

  async function expectFigures(rows: Row[], period: string, locale: string) {
    await page.waitForFunction((count) => document.querySelectorAll('tr[data-row-key]').length === count, rows.length);
    const reports = await apiReports(period);
    expect(await shownRows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')))).toEqual(
      rows.map((row) => row.agreementId),
    );
    for (const row of rows) {
      const expected = await expectedTexts(page, row, reports, locale);
      const tr = page.locator(`tr[data-row-key="${row.agreementId}"]`);
      const text = async (testId: string) => (await tr.getByTestId(testId).innerText()).replace(/\s+/g, ' ');
      expect(await tr.getByTestId('compliance').getAttribute('data-compliance')).toBe(row.compliance);
      expect(await text('period')).toBe(`${expected.period} ${row.timeZone}`);
      expect(await tr.innerText()).toContain(row.title);
      expect(await tr.innerText()).toContain(row.customer);
      const terms = await tr.getByTestId('availability-term').allInnerTexts();
      expect(terms).toHaveLength(row.availability.length);
      row.availability.forEach((term, index) => {
        const shown = terms[index]!;
        const want = expected.availability[index]!;
        expect(shown).toContain(term.serviceId);
        if (want.actual) expect(shown).toContain(want.actual);
        if (want.target) expect(shown).toContain(want.target);
        if (want.budget) expect(shown).toContain(want.budget);
      });
      for (const metric of ['response', 'resolution'] as const) {
        const want = expected[metric];
        const shown = await text(metric);
        if (want === null) continue;
        expect({ id: row.agreementId, metric, percent: shown.startsWith(want.percent) }).toEqual({
          id: row.agreementId,
          metric,
          percent: true,
        });
        for (const figure of want.counts) expect(shown).toContain(figure);
      }
      expect(await text('follow-ups')).toBe(expected.followUps);
      const reportText = await text('reports');
      for (const figure of expected.reports) expect(reportText).toContain(figure);
    }
    for (const compliance of ['met', 'at-risk', 'breached'] as const) {
      const count = rows.filter((row) => row.compliance === compliance).length;
      expect(await page.getByTestId(`count-${compliance}`).innerText()).toBe(String(count));
    }
  }

  /** Later tests start in English whatever an earlier one left in the remembered language. */
  async function openInEnglish(url: string) {
    await openInLanguage(page, url, 'en');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Portfolio');
  }

  it('shows every agreement of the period with the figures the API gives, in English', async () => {
    await page.goto(`${api.baseUrl}/portfolio?period=2026-02`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Portfolio');
    const rows = await apiRows('period=2026-02');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    await expectFigures(rows, '2026-02', 'en');
    expect(await page.getByTestId('access-control-off').isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page, 'portfolio (en)');
    await screenshot(page, 'portfolio-en');
    expect(problems).toEqual([]);
  }, 60_000);

  it('switches to Chinese in the header, keeps the figures, and remembers the language', async () => {
    await page.getByText('中文', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('组合总览');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expectFigures(await apiRows('period=2026-02'), '2026-02', 'zh-CN');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('组合总览');
    await expectFigures(await apiRows('period=2026-02'), '2026-02', 'zh-CN');
    await expectAccessible(page, 'portfolio (zh-CN)');
    await screenshot(page, 'portfolio-zh-CN');
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Portfolio');
    expect(problems).toEqual([]);
  }, 60_000);

  it('reaches the filters by keyboard; a filter changes the URL and the rows, and Back restores them', async () => {
    await openInEnglish(`${api.baseUrl}/portfolio?period=2026-01`);
    await expectFigures(await apiRows('period=2026-01'), '2026-01', 'en');
    const reached: string[] = [];
    for (let press = 0; press < 30 && reached.length < 3; press += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (id.endsWith('-filter') && !reached.includes(id)) reached.push(id);
    }
    expect(reached).toEqual(['period-filter', 'customer-filter', 'service-filter']);

    // The customer filter, by keyboard alone: focus it, open it, take the first customer.
    await page.focus('#customer-filter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/customer=/);
    const url = new URL(page.url());
    const customer = url.searchParams.get('customer')!;
    expect(url.pathname).toBe('/portfolio');
    expect(url.searchParams.get('period')).toBe('2026-01');
    const customerQuery = `period=2026-01&customer=${encodeURIComponent(customer)}`;
    const filtered = await apiRows(customerQuery);
    const all = await apiRows('period=2026-01');
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all.length);
    await expectFigures(filtered, '2026-01', 'en');

    // The period, by keyboard: the next option down the list is the month before.
    await page.focus('#period-filter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForURL(/period=2026-02/);
    expect(new URL(page.url()).searchParams.get('customer')).toBe(customer);
    await expectFigures(await apiRows(`period=2026-02&customer=${encodeURIComponent(customer)}`), '2026-02', 'en');

    // A shared link opens the same view; Back returns to the unfiltered list.
    await page.goBack();
    await page.goBack();
    await page.waitForURL((current) => !current.searchParams.has('customer'));
    await expectFigures(all, '2026-01', 'en');
    expect(problems).toEqual([]);
  }, 60_000);

  it('opens / on the current month of the browser clock', async () => {
    await openInEnglish(`${api.baseUrl}/`);
    const month = await page.evaluate(() =>
      new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long' }).format(new Date()),
    );
    await expect(page.locator('#period-filter').locator('xpath=../..').innerText()).resolves.toContain(month);
    const now = new Date();
    const period = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    await expectFigures(await apiRows(`period=${period}`), period, 'en');
    expect(problems).toEqual([]);
  }, 60_000);
});
