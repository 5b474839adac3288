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
  activeElement: { id: string; getAttribute(name: string): string | null } | null;
  querySelectorAll(selector: string): { length: number };
};

type Day = {
  date: string;
  agreedServiceTime: number;
  downtime: number;
  excludedMaintenanceDowntime: number;
  availabilityPercent: string | null;
  outages: { outageId: string }[];
  maintenance: { start: string; end: string }[];
};
type Term = {
  serviceId: string;
  version: number;
  availabilityPercent: string | null;
  downtime: number;
  days: Day[];
};
type Agreement = { agreementId: string; title: string; timeZone: string; availability: { serviceId: string }[] };
type Kpi = { kpi: string; value: string | null; numerator: number; denominator: number | null; met: boolean | null };
type Report = { dueDate: string; onTime: boolean | null; overdue: boolean };

/**
 * The texts the pages must show for the API's figures, with the browser's own Intl (the same ICU data the pages format
 * with) and none of the console's code: percentages cut to two places, never rounded; durations in whole minutes.
 */
const formatters = (page: Page, locale: string) => ({
  percent: (values: (string | null)[]) =>
    page.evaluate(
      ({ values, locale }) =>
        values.map((value) => {
          if (value === null) return null;
          const [whole, fraction = ''] = value.split('.');
          const cut = Number(`${whole}.${fraction.padEnd(2, '0').slice(0, 2)}`);
          return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cut)} %`;
        }),
      { values, locale },
    ),
  duration: (values: number[]) =>
    page.evaluate(
      ({ values, locale }) =>
        values.map((ms) => {
          if (ms > 0 && ms < 60_000)
            return locale === 'en'
              ? `under ${new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(1)}`
              : `不足 ${new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(1)}`;
          const total = Math.floor(ms / 60_000);
          const unit = (value: number, name: string) =>
            new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
          return total >= 60
            ? `${unit(Math.floor(total / 60), 'hour')} ${unit(total % 60, 'minute')}`
            : unit(total, 'minute');
        }),
      { values, locale },
    ),
  date: (values: string[]) =>
    page.evaluate(
      ({ values, locale }) =>
        values.map((date) =>
          new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
            new Date(`${date}T00:00:00Z`),
          ),
        ),
      { values, locale },
    ),
  count: (values: number[]) =>
    page.evaluate(({ values, locale }) => values.map((value) => new Intl.NumberFormat(locale).format(value)), {
      values,
      locale,
    }),
});

const text = (value: string) => value.replace(/\s+/g, ' ').trim();

/** The Availability calendar and KPI pages in real Chromium against the real API with the small demo loaded. */
describe('the console: Availability calendar and KPIs (Chromium, real API, small demo)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  let browser: ConsoleBrowser;
  let page: Page;
  let problems: string[];
  let agreement: Agreement;
  let serviceId: string;

  beforeAll(async () => {
    ({ api } = await loadSmallDemo('console_measures'));
    http = httpClient(api.baseUrl, {}, api.conformance);
    browser = await openConsoleBrowser();
    ({ page, problems } = browser);
    const agreements: Agreement[] = (await http.get('/compliance/portfolio?period=2026')).body.agreements;
    agreement = agreements.find((entry) => entry.availability.length > 0)!;
    serviceId = agreement.availability[0]!.serviceId;
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const apiTerms = async (agreementId: string, timeZone: string, year: string): Promise<Term[]> =>
    (
      await http.get(
        `/compliance/agreements/${agreementId}/availability?period=${year}&timeZone=${encodeURIComponent(timeZone)}&by=day`,
      )
    ).body.terms.filter((term: Term) => term.serviceId === serviceId);

  /** The month's rows of the day table equal the API's days (one version a day in the demo). */
  async function expectDayTable(terms: Term[], month: string, locale: string) {
    const days = terms.flatMap((term) => term.days.map((day) => ({ ...day, version: term.version })));
    const monthDays = days.filter((day) => day.date.startsWith(month));
    const format = formatters(page, locale);
    await page.waitForFunction(
      (count) => document.querySelectorAll('tr[data-row-key^="20"]').length === count,
      monthDays.length,
    );
    const rows = page.locator('tr[data-row-key^="20"]');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')))).toEqual(
      monthDays.map((day) => day.date),
    );
    const percents = await format.percent(monthDays.map((day) => day.availabilityPercent));
    const downtimes = await format.duration(monthDays.map((day) => day.downtime));
    const dates = await format.date(monthDays.map((day) => day.date));
    const shownAvailability = (await rows.getByTestId('day-availability').allInnerTexts()).map(text);
    const shownDowntime = (await rows.getByTestId('day-downtime').allInnerTexts()).map(text);
    const shownDates = (await rows.getByTestId('day-button').allInnerTexts()).map(text);
    monthDays.forEach((day, index) => {
      if (percents[index] !== null)
        expect({ day: day.date, shown: shownAvailability[index] }).toEqual({ day: day.date, shown: percents[index] });
      expect({ day: day.date, shown: shownDowntime[index] }).toEqual({ day: day.date, shown: downtimes[index] });
      expect(shownDates[index]).toBe(dates[index]);
    });
  }

  async function expectDayDetails(day: Day, locale: string) {
    const details = page.getByTestId('day-details');
    await page.waitForSelector(`[data-testid="day-details"][data-date="${day.date}"]`);
    const format = formatters(page, locale);
    const [percent] = await format.percent([day.availabilityPercent]);
    const [downtime] = await format.duration([day.downtime]);
    if (percent) expect(text(await details.getByTestId('detail-availability').innerText())).toBe(percent);
    expect(text(await details.getByTestId('detail-downtime').innerText())).toBe(downtime);
    const shown = await details.innerText();
    for (const outage of day.outages) expect(shown).toContain(outage.outageId);
  }

  it('draws the availability of a service per day with the figures of the API, and a day on click (en)', async () => {
    const terms = await apiTerms(agreement.agreementId, agreement.timeZone, '2026');
    expect(terms.length).toBeGreaterThan(0);
    const days = terms.flatMap((term) => term.days);
    // The worst day of the year: it has an outage to show.
    const worst = [...days].sort((a, b) => b.downtime - a.downtime)[0]!;
    expect(worst.downtime).toBeGreaterThan(0);
    const url = `${api.baseUrl}/availability?service=${serviceId}&year=2026&agreement=${agreement.agreementId}`;
    await openInLanguage(page, `${url}&day=${worst.date}`, 'en');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Availability calendar');
    await page.getByTestId('heat-map').locator('svg').waitFor();
    expect(await page.getByTestId('time-zone').innerText()).toContain(agreement.timeZone);
    await page.getByTestId('term-availability').first().waitFor();
    const termTexts = (await page.getByTestId('term-availability').allInnerTexts()).map(text);
    expect(termTexts).toEqual(
      (await formatters(page, 'en').percent(terms.map((term) => term.availabilityPercent))).map(
        (value) => value ?? '—',
      ),
    );
    await expectDayDetails(worst, 'en');
    await expectDayTable(terms, worst.date.slice(0, 7), 'en');

    // A click on another day of the table shows it, and adds a step Back undoes.
    const other = terms[0]!.days.find((day) => day.date.startsWith(worst.date.slice(0, 7)) && day.date !== worst.date)!;
    await page.locator(`tr[data-row-key="${other.date}"]`).getByTestId('day-button').click();
    await page.waitForURL((current) => current.searchParams.get('day') === other.date);
    await expectDayDetails(other, 'en');
    await page.goBack();
    await page.waitForURL((current) => current.searchParams.get('day') === worst.date);
    await expectDayDetails(worst, 'en');

    await expectAccessible(page, 'availability (en)');
    await screenshot(page, 'availability-en');
    expect(problems).toEqual([]);
  }, 180_000);

  it('walks the heat map by keyboard, changes the year in the URL, and Back restores it', async () => {
    const terms = await apiTerms(agreement.agreementId, agreement.timeZone, '2026');
    const days = terms.flatMap((term) => term.days);
    const first = days[0]!;
    await openInLanguage(
      page,
      `${api.baseUrl}/availability?service=${serviceId}&year=2026&agreement=${agreement.agreementId}&day=${first.date}`,
      'en',
    );
    await expectDayDetails(first, 'en');
    // Tab reaches the filters and the heat map.
    const reached: string[] = [];
    for (let press = 0; press < 40 && !reached.includes('heat-map-keys'); press += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(
        () => document.activeElement?.id || document.activeElement?.getAttribute('data-testid') || '',
      );
      if (id && !reached.includes(id)) reached.push(id);
    }
    expect(reached).toEqual(
      expect.arrayContaining(['availability-service', 'availability-year', 'availability-agreement', 'heat-map-keys']),
    );
    // Right: the next day; Down: a week later.
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((current) => current.searchParams.get('day') === days[1]!.date);
    await expectDayDetails(days[1]!, 'en');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL((current) => current.searchParams.get('day') === days[8]!.date);
    await expectDayDetails(days[8]!, 'en');

    // The year by keyboard: the next option down is the year before, which the demo did not reach.
    await page.focus('#availability-year');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((current) => current.searchParams.get('year') === '2025');
    expect(new URL(page.url()).searchParams.get('service')).toBe(serviceId);
    expect(new URL(page.url()).searchParams.has('day')).toBe(false);
    await page.goBack();
    await page.waitForURL((current) => current.searchParams.get('year') === '2026');
    await expectDayDetails(days[8]!, 'en');
    await expectDayTable(terms, days[8]!.date.slice(0, 7), 'en');
    expect(problems).toEqual([]);
  }, 180_000);

  it('renders the calendar in Chinese with the same figures', async () => {
    const terms = await apiTerms(agreement.agreementId, agreement.timeZone, '2026');
    const worst = [...terms.flatMap((term) => term.days)].sort((a, b) => b.downtime - a.downtime)[0]!;
    await openInLanguage(
      page,
      `${api.baseUrl}/availability?service=${serviceId}&year=2026&agreement=${agreement.agreementId}&day=${worst.date}`,
      'zh-CN',
    );
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('可用性日历');
    await page.getByTestId('heat-map').locator('svg').waitFor();
    await expectDayDetails(worst, 'zh-CN');
    await expectDayTable(terms, worst.date.slice(0, 7), 'zh-CN');
    await expectAccessible(page, 'availability (zh-CN)');
    await screenshot(page, 'availability-zh-CN');
    expect(problems).toEqual([]);
  }, 180_000);

  const months = Array.from({ length: 12 }, (_, index) => `2026-${String(index + 1).padStart(2, '0')}`);
  const kpiNames = [
    'all-targets-met',
    'incidents-within-response-target',
    'customer-satisfaction',
    'complaints-handled',
    'major-incidents-per-year',
  ];

  async function expectKpis(subject: Agreement, locale: string) {
    const format = formatters(page, locale);
    const reports: Report[] = (await http.get(`/reports?agreementId=${subject.agreementId}&limit=500`)).body.items;
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="kpi-value"]').length > 0);
    // The browser's clock is past 2026 in these tests' eyes only up to now: every month up to the current one.
    const shownMonths = await page
      .locator('tr[data-row-key^="2026-"]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')));
    expect(shownMonths).toEqual(months.slice(0, shownMonths.length));
    expect(shownMonths.length).toBeGreaterThanOrEqual(4);
    for (const month of shownMonths as string[]) {
      const kpis: Kpi[] = (
        await http.get(
          `/compliance/agreements/${subject.agreementId}/kpis?period=${month}&timeZone=${encodeURIComponent(subject.timeZone)}`,
        )
      ).body;
      const row = page.locator(`tr[data-row-key="${month}"]`);
      await row.getByTestId('kpi-value').first().waitFor();
      for (const name of kpiNames) {
        const kpi = kpis.find((entry) => entry.kpi === name)!;
        const cell = row.getByTestId(`kpi-${name}`);
        const shown = text(await cell.getByTestId('kpi-value').innerText());
        if (name === 'major-incidents-per-year') expect(shown).toBe((await format.count([Number(kpi.value)]))[0]);
        else if (kpi.value !== null)
          expect({ month, name, shown }).toEqual({ month, name, shown: (await format.percent([kpi.value]))[0] });
        expect(await cell.locator('[data-met]').getAttribute('data-met')).toBe(String(kpi.met));
        if (kpi.denominator)
          for (const figure of await format.count([kpi.numerator, kpi.denominator]))
            expect(await cell.getByTestId('kpi-figures').innerText()).toContain(figure);
      }
      const due = reports.filter((report) => report.dueDate.startsWith(month));
      const shownReports = text(await row.getByTestId('kpi-reports').innerText());
      if (due.length > 0) {
        const onTime = due.filter((report) => report.onTime === true).length;
        for (const figure of await format.count([onTime, due.length])) expect(shownReports).toContain(figure);
      }
    }
  }

  it('shows the process KPIs of an agreement per month as the API measures them (en), keyboard and Back', async () => {
    await openInLanguage(page, `${api.baseUrl}/kpis?agreement=${agreement.agreementId}&year=2026`, 'en');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Process KPIs');
    await page.getByTestId('kpi-chart').locator('svg').waitFor();
    expect(await page.getByTestId('kpis-intro').innerText()).toContain(agreement.timeZone);
    await expectKpis(agreement, 'en');
    await expectAccessible(page, 'kpis (en)');
    await screenshot(page, 'kpis-en');

    const reached: string[] = [];
    for (let press = 0; press < 30 && reached.length < 2; press += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (id.startsWith('kpis-') && !reached.includes(id)) reached.push(id);
    }
    expect(reached).toEqual(['kpis-agreement', 'kpis-year']);
    // Another agreement, by keyboard: the URL names it and its figures show; Back returns to the first.
    await page.focus('#kpis-agreement');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((current) => current.searchParams.get('agreement') !== agreement.agreementId);
    const otherId = new URL(page.url()).searchParams.get('agreement')!;
    const agreements: Agreement[] = (await http.get('/compliance/portfolio?period=2026')).body.agreements;
    await expectKpis(
      agreements.find((entry) => entry.agreementId === otherId)!,
      'en',
    );
    await page.goBack();
    await page.waitForURL((current) => current.searchParams.get('agreement') === agreement.agreementId);
    await expectKpis(agreement, 'en');
    expect(problems).toEqual([]);
  }, 180_000);

  it('renders the KPIs in Chinese with the same figures', async () => {
    await openInLanguage(page, `${api.baseUrl}/kpis?agreement=${agreement.agreementId}&year=2026`, 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('流程 KPI');
    await page.getByTestId('kpi-chart').locator('svg').waitFor();
    await expectKpis(agreement, 'zh-CN');
    await expectAccessible(page, 'kpis (zh-CN)');
    await screenshot(page, 'kpis-zh-CN');
    expect(problems).toEqual([]);
  }, 180_000);
});
