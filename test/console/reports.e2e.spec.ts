import type { Page } from 'playwright-core';
import {
  expectAccessible,
  openConsoleBrowser,
  openInLanguage,
  screenshot,
  type ConsoleBrowser,
} from '../support/console-browser';
import { httpClient } from '../support';
import { loadSmallDemo, type LoadedDemo } from '../support/demo';

// The functions given to page.evaluate run in the browser, where this exists; the test program has no DOM types.
declare const document: { querySelectorAll(selector: string): { length: number } };

type ListedReport = { reportId: string; agreementId: string; status: string; latestRevision: number };

/** The Reports list and one report in real Chromium against the real API with the small demo loaded. */
describe('the console: Reports pages (Chromium, real API, small demo)', () => {
  let demo: LoadedDemo;
  let browser: ConsoleBrowser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    demo = await loadSmallDemo('console_reports');
    browser = await openConsoleBrowser();
    ({ page, problems } = browser);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.api.close();
  });

  const listed = async (period: string): Promise<ListedReport[]> =>
    (await demo.http.get(`/reports?period=${period}&limit=500`)).body.items;

  async function expectList(reports: ListedReport[]) {
    await page.waitForFunction(
      (count) => document.querySelectorAll('tr[data-row-key]').length === count,
      reports.length,
    );
    const rows = page.locator('tr[data-row-key]');
    expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')))).sort()).toEqual(
      reports.map((report) => report.reportId).sort(),
    );
    for (const report of reports) {
      const row = page.locator(`tr[data-row-key="${report.reportId}"]`);
      expect(await row.getByTestId('status').getAttribute('data-status')).toBe(report.status);
      expect(await row.getByTestId('revision').innerText()).toContain(String(report.latestRevision));
      expect(await row.innerText()).toContain(report.agreementId);
    }
  }

  it("lists the month's reports with the API's newest revision and status, in English and Chinese", async () => {
    const reports = await listed('2026-02');
    expect(reports.length).toBeGreaterThan(0);
    await openInLanguage(page, `${demo.api.baseUrl}/service-reports?period=2026-02`, 'en');
    await page.getByRole('heading', { level: 1, name: 'Reports', exact: true }).waitFor();
    await expectList(reports);
    await expectAccessible(page, 'reports (en)');
    await screenshot(page, 'reports-en');

    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '报告', exact: true }).waitFor();
    await expectList(reports);
    // Statuses are translated, never the API's raw value.
    const shown = await page.getByTestId('status').allInnerTexts();
    expect(shown.some((text) => /^(draft|reviewed|approved|published)$/.test(text.trim()))).toBe(false);
    await expectAccessible(page, 'reports (zh-CN)');
    await screenshot(page, 'reports-zh-CN');
    await page.getByText('English', { exact: true }).click();
    expect(problems).toEqual([]);
  }, 240_000);

  it('opens a report from the list by keyboard: its HTML in the page and a PDF link that answers a PDF', async () => {
    const [report] = await listed('2026-02');
    await openInLanguage(page, `${demo.api.baseUrl}/service-reports?period=2026-02`, 'en');
    const link = page.locator(`tr[data-row-key="${report!.reportId}"]`).getByTestId('report-link');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/report/${report!.reportId}`));
    await page.getByTestId('report-html').waitFor({ timeout: 30_000 });
    const pdf = await page.getByTestId('pdf-link').getAttribute('href');
    const answer = await page.request.get(new URL(pdf!, demo.api.baseUrl).toString());
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toContain('application/pdf');
    expect(problems).toEqual([]);
    await expectAccessible(page, 'report (en)', { exclude: 'iframe' });
    await screenshot(page, 'report-en');
    // axe injects its script into every frame; the report's frame is sandboxed without scripts, which refuses it.
    // That refusal is the sandbox working, and the only thing allowed to show after the check.
    expect(problems.filter((problem) => !/^Blocked script execution in 'about:srcdoc'/.test(problem))).toEqual([]);
    problems.length = 0;
  }, 300_000);

  it('takes a draft through review, approval and publication by keyboard; four eyes refused in place', async () => {
    problems.length = 0;
    // An internal report drafted now for a month the demo left without one.
    const [definition] = (await demo.http.get('/report-definitions')).body.items;
    const drafter = httpClient(demo.api.baseUrl, { 'x-actor': 'dora.drafter' }, demo.api.conformance);
    const drafted = await drafter.post('/reports', {
      agreementId: definition.agreementId,
      period: '2026-11',
      timeZone: definition.timeZone,
      audience: 'internal',
      calendarId: definition.calendarId,
    });
    expect(drafted.status).toBe(201);
    const reportId: string = drafted.body.reportId;
    const latestRevision = 1;
    const revision = async () => (await demo.http.get(`/reports/${reportId}/revisions/${latestRevision}`)).body;
    const author = 'dora.drafter';
    await openInLanguage(page, `${demo.api.baseUrl}/report/${reportId}`, 'en');

    /** Names the actor (access control is off) and presses the step's button from the keyboard. */
    async function takeStep(step: string, actor: string) {
      await page.locator('#report-actor').fill(actor);
      await page.getByTestId(`step-${step}`).focus();
      await page.keyboard.press('Enter');
    }
    await page.getByTestId('step-review').waitFor({ timeout: 30_000 });
    await page.locator('#report-notes').fill('Figures checked against the ticket export.');
    await takeStep('review', 'rita.reviewer');
    await page.getByTestId('step-approval').waitFor({ timeout: 30_000 });
    expect((await revision()).status).toBe('reviewed');

    // The author may not approve their own report: the API's refusal shows in place and nothing changes.
    await takeStep('approval', author);
    await page.getByTestId('step-error').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('step-error').innerText()).toMatch(/approve/i);
    expect((await revision()).status).toBe('reviewed');
    const shown = problems.filter((problem) => !/^Blocked script execution in 'about:srcdoc'/.test(problem));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(new RegExp(`^4\\d\\d .*/reports/${reportId}/approval$`));
    problems.length = 0;

    await takeStep('approval', 'olga.approver');
    await page.getByTestId('step-publication').waitFor({ timeout: 30_000 });
    expect(await revision()).toMatchObject({ status: 'approved', approvedBy: 'olga.approver' });
    await takeStep('publication', 'pat.publisher');
    await page.getByText('This revision is published; a correction is a new revision.').waitFor({ timeout: 30_000 });
    expect((await revision()).status).toBe('published');
    await expectAccessible(page, 'report steps (en)', { exclude: 'iframe' });
    // As above: axe's script refused by the report's script-less frame is the sandbox working.
    expect(problems.filter((problem) => !/^Blocked script execution in 'about:srcdoc'/.test(problem))).toEqual([]);
  }, 300_000);
});
