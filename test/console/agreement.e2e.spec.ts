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
  activeElement: { id: string; textContent: string | null } | null;
  querySelectorAll(selector: string): { length: number };
};

type Signature = { party: string; signatory: { name: string; title: string } };
type Version = {
  version: number;
  status: string;
  changeRequest: string | null;
  signatures: Signature[];
  content: { services: string[]; availabilityTargets: { calendarId: string }[] };
};
type Agreement = { agreementId: string; kind: string; title: string; latestVersion: number; versions: Version[] };
type Change = { path: string; change: string };
type PriorityRow = {
  serviceId: string;
  priority: string;
  metric: string;
  tickets: number;
  met: number;
  breached: number;
  open: number;
  percentWithinTarget: string | null;
};
type Term = {
  serviceId: string;
  version: number;
  from: string;
  availabilityPercent: string | null;
  downtime: number;
  failures: number;
};
type Breach = { eventId: string; ticketId: string; breachedAt: string };
type FollowUp = { breachEventId: string; status: string };

const PERIOD = '2026-02';

/** The page's figures as the browser's own Intl writes them (the ICU data the page formats with), not console code. */
function formats(page: Page, locale: string, timeZone: string) {
  return {
    count: (value: number) => page.evaluate(([v, l]) => new Intl.NumberFormat(l).format(v), [value, locale] as const),
    percent: (value: string) =>
      page.evaluate(
        ([v, l]) => {
          const [whole, fraction = ''] = v.split('.');
          const cut = Number(`${whole}.${fraction.padEnd(2, '0').slice(0, 2)}`);
          return `${new Intl.NumberFormat(l, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cut)} %`;
        },
        [value, locale] as const,
      ),
    minutes: (ms: number) =>
      page.evaluate(
        ([v, l]) => {
          const total = Math.floor(v / 60_000);
          const unit = (value: number, name: string) =>
            new Intl.NumberFormat(l, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
          return total >= 60
            ? `${unit(Math.floor(total / 60), 'hour')} ${unit(total % 60, 'minute')}`
            : unit(total, 'minute');
        },
        [ms, locale] as const,
      ),
    at: (instant: string) =>
      page.evaluate(
        ([v, l, zone]) =>
          new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(v)),
        [instant, locale, timeZone] as const,
      ),
  };
}

/** The Agreement page in real Chromium against the real API with the small demo loaded. */
describe('the console: Agreement page (Chromium, real API, small demo)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;
  let browser: ConsoleBrowser;
  let page: Page;
  let problems: string[];
  let agreement: Agreement;
  let timeZone: string;

  beforeAll(async () => {
    ({ api } = await loadSmallDemo('console_agreement'));
    http = httpClient(api.baseUrl, {}, api.conformance);
    browser = await openConsoleBrowser();
    ({ page, problems } = browser);
    // An SLA of the demo that was amended: more than one version.
    const list: { agreementId: string; kind: string; latestVersion: number }[] = (
      await http.get('/agreements?limit=500')
    ).body.items;
    const amended = list.find((row) => row.kind === 'SLA' && row.latestVersion > 1)!;
    expect(amended).toBeDefined();
    agreement = (await http.get(`/agreements/${amended.agreementId}`)).body;
    const calendarId = agreement.versions.at(-1)!.content.availabilityTargets[0]!.calendarId;
    timeZone = (await http.get(`/calendars/${calendarId}`)).body.definition.timeZone;
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const url = (query = `period=${PERIOD}`) => `${api.baseUrl}/agreement/${agreement.agreementId}?${query}`;
  const rowKeys = (testId: string) =>
    page
      .getByTestId(testId)
      .locator('tr[data-row-key]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')));
  const waitForRows = (testId: string, count: number) =>
    page.waitForFunction(
      ([id, n]) => document.querySelectorAll(`[data-testid="${id}"] tr[data-row-key]`).length === n,
      [testId, count] as const,
    );

  async function expectVersions(locale: string) {
    const format = formats(page, locale, timeZone);
    for (const version of agreement.versions) {
      const heading = await page.getByTestId(`version-${version.version}`).innerText();
      expect(heading).toContain(locale === 'en' ? `Version ${version.version}` : `第 ${version.version} 版`);
      const steps = await page.getByTestId(`version-${version.version}-steps`).innerText();
      if (version.changeRequest) expect(steps).toContain(version.changeRequest);
      for (const signature of version.signatures) expect(steps).toContain(signature.signatory.name);
      for (const signature of version.signatures) {
        const signedAt = (signature as Signature & { signedAt: string }).signedAt;
        expect(steps).toContain(await format.at(signedAt));
      }
    }
  }

  async function expectDiff(from: number, to: number) {
    const diff: { changes: Change[] } = (
      await http.get(`/agreements/${agreement.agreementId}/diff?from=${from}&to=${to}`)
    ).body;
    expect(diff.changes.length).toBeGreaterThan(0);
    await waitForRows('diff-table', diff.changes.length);
    expect(await rowKeys('diff-table')).toEqual(diff.changes.map((change) => change.path));
    const changeRequest = agreement.versions.find((version) => version.version === to)!.changeRequest;
    if (changeRequest) expect(await page.getByTestId('diff-change-request').innerText()).toContain(changeRequest);
  }

  async function expectPriorityFigures(period: string, locale: string) {
    const format = formats(page, locale, timeZone);
    const rows: PriorityRow[] = (
      await http.get(`/compliance/agreements/${agreement.agreementId}/response-resolution?period=${period}`)
    ).body;
    expect(rows.length).toBeGreaterThan(0);
    await waitForRows('priority-table', rows.length);
    expect(await rowKeys('priority-table')).toEqual(
      rows.map((row) => `${row.serviceId}/${row.priority}/${row.metric}`),
    );
    for (const row of rows) {
      const tr = page
        .getByTestId('priority-table')
        .locator(`tr[data-row-key="${row.serviceId}/${row.priority}/${row.metric}"]`);
      for (const figure of ['tickets', 'met', 'breached', 'open'] as const)
        expect(await tr.getByTestId(figure).innerText()).toBe(await format.count(row[figure]));
      expect(await tr.getByTestId('percent').innerText()).toBe(
        row.percentWithinTarget === null ? '—' : await format.percent(row.percentWithinTarget),
      );
    }
  }

  async function expectAvailability(period: string, locale: string) {
    const format = formats(page, locale, timeZone);
    const terms: Term[] = (
      await http.get(`/compliance/agreements/${agreement.agreementId}/availability?period=${period}`)
    ).body.terms;
    expect(terms.length).toBeGreaterThan(0);
    await waitForRows('availability-table', terms.length);
    for (const term of terms) {
      const tr = page
        .getByTestId('availability-table')
        .locator(`tr[data-row-key="${term.serviceId}/${term.version}/${term.from}"]`);
      if (term.availabilityPercent !== null)
        expect(await tr.getByTestId('actual').innerText()).toBe(await format.percent(term.availabilityPercent));
      expect(await tr.getByTestId('downtime').innerText()).toBe(await format.minutes(term.downtime));
      expect(await tr.getByTestId('failures').innerText()).toBe(await format.count(term.failures));
    }
  }

  /** The outages and maintenance of the period, as the API lists them per service, first page of the table. */
  async function expectServiceEvents(period: string) {
    const availability: { from: string; to: string } = (
      await http.get(`/compliance/agreements/${agreement.agreementId}/availability?period=${period}`)
    ).body;
    const from = Date.parse(availability.from);
    const to = Date.parse(availability.to);
    const startedFrom = new Date(from - 7 * 86_400_000).toISOString();
    const overlaps = (start: string, end: string | null) =>
      Date.parse(start) < to && (end === null || Date.parse(end) > from);
    const services = [...new Set(agreement.versions.flatMap((version) => version.content.services))];
    const outages: { key: string; start: string }[] = [];
    const maintenance: { key: string; start: string }[] = [];
    for (const serviceId of services) {
      const listed: { outageId: string; startedAt: string; endedAt: string | null }[] = (
        await http.get(
          `/outages?serviceId=${serviceId}&startedFrom=${startedFrom}&startedTo=${availability.to}&limit=500`,
        )
      ).body.items;
      for (const outage of listed)
        if (overlaps(outage.startedAt, outage.endedAt))
          outages.push({ key: `outage/${outage.outageId}`, start: outage.startedAt });
      const windows: { windowId: string; occurrences: { start: string; end: string }[] }[] = (
        await http.get(
          `/maintenance-windows?serviceId=${serviceId}&from=${availability.from}&to=${availability.to}&limit=500`,
        )
      ).body.items;
      for (const window of windows)
        for (const occurrence of window.occurrences)
          if (overlaps(occurrence.start, occurrence.end))
            maintenance.push({ key: `maintenance/${window.windowId}/${occurrence.start}`, start: occurrence.start });
    }
    const expected = [...outages, ...maintenance].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    expect(outages.length).toBeGreaterThan(0);
    expect(maintenance.length).toBeGreaterThan(0);
    // Ten a page.
    await waitForRows('events-table', Math.min(expected.length, 10));
    expect(await rowKeys('events-table')).toEqual(expected.slice(0, 10).map((event) => event.key));
  }

  async function expectBreaches(period: string, locale: string) {
    const format = formats(page, locale, timeZone);
    const breaches: Breach[] = (
      await http.get(`/compliance/breaches?agreementId=${agreement.agreementId}&period=${period}&limit=500`)
    ).body.items;
    const followUps: FollowUp[] = (
      await http.get(`/compliance/follow-ups?agreementId=${agreement.agreementId}&status=all&limit=500`)
    ).body.items;
    expect(breaches.length).toBeGreaterThan(0);
    // The table shows twenty a page.
    const shown = breaches.slice(0, 20);
    await waitForRows('breaches-table', shown.length);
    expect(await rowKeys('breaches-table')).toEqual(shown.map((breach) => breach.eventId));
    for (const breach of shown) {
      const tr = page.getByTestId('breaches-table').locator(`tr[data-row-key="${breach.eventId}"]`);
      expect(await tr.getByTestId('ticket').innerText()).toBe(breach.ticketId);
      expect(await tr.getByTestId('breached-at').innerText()).toBe(await format.at(breach.breachedAt));
      const status = followUps.find((followUp) => followUp.breachEventId === breach.eventId)?.status ?? 'none';
      expect(await tr.getByTestId('follow-up').getAttribute('data-status')).toBe(status);
    }
  }

  async function openInEnglish(address: string) {
    await openInLanguage(page, address, 'en');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(agreement.title);
  }

  it('shows the versions, the diff, the per-priority figures, availability and breaches the API gives, in English', async () => {
    await openInEnglish(url());
    expect(agreement.latestVersion).toBeGreaterThan(1);
    await expectVersions('en');
    await expectDiff(agreement.latestVersion - 1, agreement.latestVersion);
    await expectPriorityFigures(PERIOD, 'en');
    await expectAvailability(PERIOD, 'en');
    await expectServiceEvents(PERIOD);
    await expectBreaches(PERIOD, 'en');
    expect(await page.getByTestId('agreement-intro').innerText()).toContain(timeZone);
    expect(await page.getByTestId('agreement-intro').innerText()).toContain('Service level agreement (SLA)');
    // The underpinning OLAs/UCs link to their own agreement pages.
    const links = await page
      .getByTestId('underpinning-table')
      .locator('a')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(new RegExp(`^/agreement/(ola|uc)-[^?]+\\?period=${PERIOD}$`));
    await expectAccessible(page, 'agreement (en)');
    await screenshot(page, 'agreement-en');
    expect(problems).toEqual([]);
  }, 180_000);

  it('switches the two diff versions by keyboard; the URL keeps them and Back restores them', async () => {
    await openInEnglish(url());
    await expectDiff(agreement.latestVersion - 1, agreement.latestVersion);
    // From: one version earlier (the option above the selected one).
    await page.focus('#diff-from');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const from = agreement.latestVersion - 2;
    await page.waitForURL(new RegExp(`from=${from}`));
    await expectDiff(from, agreement.latestVersion);
    // To: one version earlier.
    await page.focus('#diff-to');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`to=${agreement.latestVersion - 1}`));
    await expectDiff(from, agreement.latestVersion - 1);
    // A shared link opens the same comparison; Back returns to the one before.
    await page.goBack();
    await page.waitForURL(new RegExp(`to=${agreement.latestVersion}`));
    await expectDiff(from, agreement.latestVersion);
    expect(problems).toEqual([]);
  }, 120_000);

  it('switches the period by keyboard and shows that month', async () => {
    await openInEnglish(url());
    await page.focus('#period-select');
    await page.keyboard.press('Enter');
    // The list is newest first: the option below is the month before.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/period=2026-01/);
    await expectPriorityFigures('2026-01', 'en');
    await expectAvailability('2026-01', 'en');
    expect(problems).toEqual([]);
  }, 120_000);

  it('is reached from the Portfolio: the agreement title links to it, by keyboard', async () => {
    await openInLanguage(page, `${api.baseUrl}/portfolio?period=${PERIOD}`, 'en');
    const link = page.getByRole('link', { name: agreement.title });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((current) => current.pathname === `/agreement/${agreement.agreementId}`);
    expect(new URL(page.url()).searchParams.get('period')).toBe(PERIOD);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(agreement.title);
    await expectPriorityFigures(PERIOD, 'en');
    expect(problems).toEqual([]);
  }, 120_000);

  it('renders in Chinese with the same figures', async () => {
    await openInLanguage(page, url(), 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(agreement.title);
    expect(await page.getByRole('heading', { level: 2, name: '版本', exact: true }).count()).toBe(1);
    expect(await page.getByTestId('agreement-intro').innerText()).toContain('服务级别协议（SLA）');
    await expectVersions('zh-CN');
    await expectDiff(agreement.latestVersion - 1, agreement.latestVersion);
    await expectPriorityFigures(PERIOD, 'zh-CN');
    await expectAvailability(PERIOD, 'zh-CN');
    await expectBreaches(PERIOD, 'zh-CN');
    await expectAccessible(page, 'agreement (zh-CN)');
    await screenshot(page, 'agreement-zh-CN');
    expect(problems).toEqual([]);
  }, 180_000);
});
