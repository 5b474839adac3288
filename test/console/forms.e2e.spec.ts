import type { Page } from 'playwright-core';
import {
  expectAccessible,
  openConsoleBrowser,
  openInLanguage,
  screenshot,
  type ConsoleBrowser,
} from '../support/console-browser';
import { loadSmallDemo, type LoadedDemo } from '../support/demo';
import { eventually } from '../support/http';

type Content = {
  services: string[];
  serviceTargets: { serviceId: string; priority: string; response: { calendarId: string } }[];
  availabilityTargets: { calendarId: string }[];
};
type Version = {
  version: number;
  status: string;
  content: Content & { title: string };
  signatures: { party: string; signatory: { name: string }; actor: string }[];
  underpinningGaps: unknown[];
};
type Agreement = {
  agreementId: string;
  kind: string;
  title: string;
  status: string;
  approvedVersion: number | null;
  revision: number;
  versions: Version[];
};
type FollowUp = { breachEventId: string; agreementId: string; rootCause: string | null; status: string };

/**
 * The service level manager's forms in real Chromium against the real API with the small demo loaded (access control
 * off, so each form names who acts). Every action is taken by keyboard: fields typed into, choices made with the arrow
 * keys, forms sent with Enter; what the page shows afterwards is checked against the API's own answer.
 */
describe('the console: agreements desk and agreement actions (Chromium, real API, small demo)', () => {
  let demo: LoadedDemo;
  let browser: ConsoleBrowser;
  let page: Page;
  let problems: string[];
  let base: string;
  // Taken from an SLA of the demo: a service and the two calendars its customer's agreements use.
  let service: string;
  let roundTheClock: string;
  let businessHours: string;

  beforeAll(async () => {
    demo = await loadSmallDemo('console_forms');
    base = demo.api.baseUrl;
    browser = await openConsoleBrowser();
    ({ page, problems } = browser);
    const listed: { agreementId: string; kind: string; status: string }[] = (
      await demo.http.get('/agreements?kind=SLA&status=in-effect&limit=500')
    ).body.items;
    const sla: Agreement = (await demo.http.get(`/agreements/${listed[0]!.agreementId}`)).body;
    const content = sla.versions.find((version) => version.version === sla.approvedVersion)!.content;
    service = content.services[0]!;
    roundTheClock = content.availabilityTargets[0]!.calendarId;
    businessHours = content.serviceTargets.find((target) => target.priority === 'P4')!.response.calendarId;
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.api.close();
  });

  const agreement = async (agreementId: string): Promise<Agreement> =>
    (await demo.http.get(`/agreements/${agreementId}`)).body;
  const agreementCount = async (): Promise<number> => (await demo.http.get('/agreements?limit=500')).body.items.length;

  /** Types into the field with the given id, from the keyboard. */
  async function type(id: string, text: string) {
    await page.focus(`#${id}`);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(text);
  }
  /** Chooses in an antd select by typing the option's text and Enter, as a keyboard user does. */
  async function choose(id: string, text: string) {
    await page.focus(`#${id}`);
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
  }
  /** Moves down a select's options with the arrow key and takes the one reached. */
  async function chooseDown(id: string, steps: number) {
    await page.focus(`#${id}`);
    await page.keyboard.press('ArrowDown');
    for (let step = 0; step < steps; step += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  }
  /** Sends a form with Enter on its button. */
  async function send(testId: string) {
    await page.getByTestId(testId).focus();
    await page.keyboard.press('Enter');
  }

  async function fillDraft(agreementId: string) {
    await type('draft-X-Actor', 'slm.wang');
    await type('draft-agreementId', agreementId);
    await type('draft-provider-name', 'Northwind IT Services');
    await type('draft-counterparty-name', 'Contoso Retail');
    await type('draft-template-title', 'Point of sale support');
    await choose('draft-template-services', service);
    await choose('draft-template-calendars-roundTheClock', roundTheClock);
    await choose('draft-template-calendars-businessHours', businessHours);
    await page.fill('#draft-template-effectiveFrom', '2026-12-15T09:00');
  }

  it('drafts an SLA from a template, submits it, and two parties sign it: the API then has it in force', async () => {
    await openInLanguage(page, `${base}/portfolio`, 'en');
    // The header links to the desk.
    await page.getByRole('link', { name: 'Agreements desk' }).first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/agreements-desk$/);
    await page.getByRole('heading', { level: 1, name: 'Agreements desk' }).waitFor();
    await fillDraft('pos-support-sla');
    await expectAccessible(page, 'agreements desk (en)');
    await screenshot(page, 'forms-en');
    await send('draft-submit');
    await page.waitForURL(/\/agreement-actions\/pos-support-sla$/, { timeout: 30_000 });

    const drafted = await agreement('pos-support-sla');
    expect(drafted).toMatchObject({ kind: 'SLA', title: 'Point of sale support', status: 'drafting' });
    expect(drafted.versions.map((version) => version.status)).toEqual(['draft']);
    // The template's content: every priority of the service, its tier's availability in the round-the-clock calendar.
    expect(drafted.versions[0]!.content.services).toEqual([service]);
    expect(drafted.versions[0]!.content.serviceTargets.map((target) => target.priority)).toEqual([
      'P1',
      'P2',
      'P3',
      'P4',
    ]);
    expect(drafted.versions[0]!.content.availabilityTargets[0]!.calendarId).toBe(roundTheClock);
    await page.getByTestId('version-status').getByText('draft', { exact: true }).waitFor();
    // Before submitting, the draft's gaps as a submission would find them now (read-only: nothing is recorded).
    await page.getByTestId('gaps-preview').waitFor({ timeout: 30_000 });
    const previewed = await page.getByTestId('gaps-preview').locator('li').allInnerTexts();
    const preview = (await demo.http.get('/agreements/pos-support-sla/versions/1/underpinning-gaps')).body;
    expect(preview).toMatchObject({ agreementId: 'pos-support-sla', version: 1, versionStatus: 'draft' });
    expect(previewed).toHaveLength(preview.underpinningGaps.length);
    expect(previewed[0]).toMatch(/^No supporting OLA or UC: /);
    expect((await agreement('pos-support-sla')).revision).toBe(drafted.revision);

    await type('actions-X-Actor', 'slm.wang');
    await send('submit-version');
    await page.getByTestId('version-status').getByText('submitted for approval').waitFor({ timeout: 30_000 });
    const submitted = await agreement('pos-support-sla');
    expect(submitted.versions[0]!.status).toBe('submitted');
    // The gaps the API recorded at submission are listed before anyone signs (a template SLA has no OLA or UC yet).
    const gaps = submitted.versions[0]!.underpinningGaps.length;
    expect(gaps).toBeGreaterThan(0);
    expect(await page.getByTestId('gaps').locator('li').allInnerTexts()).toEqual(previewed);

    // Each party signs under its own name; the SLA's gaps need a risk acceptance.
    await type('actions-X-Actor', 'provider.lead');
    await type('sign-signatory-name', 'Li Na');
    await type('sign-signatory-title', 'Head of Service Delivery');
    await type('sign-riskAcceptance-reason', 'OLAs with the network team are being negotiated this quarter');
    await send('sign-version');
    await page.getByTestId('signatures').getByText(/Li Na/).waitFor({ timeout: 30_000 });
    await page.getByTestId('sign-version').getByText('Sign for the counterparty').waitFor();

    await type('actions-X-Actor', 'contoso.cio');
    await type('sign-signatory-name', 'Chen Wei');
    await type('sign-signatory-title', 'CIO');
    await type('sign-riskAcceptance-reason', 'Accepted until the OLAs are signed');
    await send('sign-version');
    await page
      .getByTestId('version-status')
      .getByText('approved (signed by both parties)')
      .waitFor({ timeout: 30_000 });

    const signed = await agreement('pos-support-sla');
    expect(signed).toMatchObject({ status: 'in-effect', approvedVersion: 1 });
    expect(
      signed.versions[0]!.signatures.map(({ party, signatory, actor }) => ({ party, name: signatory.name, actor })),
    ).toEqual([
      { party: 'provider', name: 'Li Na', actor: 'provider.lead' },
      { party: 'counterparty', name: 'Chen Wei', actor: 'contoso.cio' },
    ]);
    const inForce = (await demo.http.get('/agreements/pos-support-sla/in-force?at=2026-12-16T00:00:00Z')).body;
    expect(inForce.inForce.version).toBe(1);
    expect(await page.getByTestId('signatures').innerText()).toContain('Chen Wei');

    // In force, it can be amended under a change reference: a new draft version based on it.
    await type('amend-changeRequest', 'CHG-2026-118');
    await page.fill('#amend-content-effectiveFrom', '2027-01-01T00:00');
    await send('amend-submit');
    await page.getByTestId('version-status').getByText('draft', { exact: true }).waitFor({ timeout: 30_000 });
    const amended = await agreement('pos-support-sla');
    expect(amended.versions.map((version) => version.status)).toEqual(['approved', 'draft']);
    expect(await page.getByText('CHG-2026-118').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'agreement actions (en)');
    await screenshot(page, 'forms-actions-en');
    expect(problems).toEqual([]);
  }, 180_000);

  it('shows a bad field in place, from the schema in the browser and from the API, and stores nothing', async () => {
    const before = await agreementCount();
    await openInLanguage(page, `${base}/agreements-desk`, 'en');
    await page.getByRole('heading', { level: 1, name: 'Agreements desk' }).waitFor();
    await fillDraft('Bad Id!');
    await type('draft-template-title', ' ');
    await send('draft-submit');
    // The API's own schema, run in the browser: the messages the API would answer, on their fields.
    const idError = page.getByTestId('draft-agreementId-error');
    await idError.waitFor();
    expect(await idError.innerText()).toBe('lower-case letters, digits and dashes, 2-63 characters');
    expect(await page.locator('#draft-agreementId').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('draft-template-title-error').waitFor();
    await expectAccessible(page, 'agreements desk with errors (en)');
    expect(await agreementCount()).toBe(before);

    // A rule only the API can check (the id is taken): its refusal shows on the field it is about.
    const existing = await agreement('pos-support-sla');
    await type('draft-agreementId', 'pos-support-sla');
    await type('draft-template-title', 'Another title');
    await send('draft-submit');
    await page
      .getByTestId('draft-agreementId-error')
      .getByText(/already exists/)
      .waitFor({ timeout: 30_000 });
    expect(await agreementCount()).toBe(before);
    const after = await agreement('pos-support-sla');
    expect({ revision: after.revision, title: after.title }).toEqual({
      revision: existing.revision,
      title: existing.title,
    });
    expect(problems).toEqual([`409 ${base}/agreements`]);
    problems.length = 0;
  }, 120_000);

  it('refuses a write on a stale page with a clear message and no lost update', async () => {
    const draftAnswer = await demo.http.post(
      '/agreements',
      {
        agreementId: 'stale-page-sla',
        kind: 'SLA',
        provider: { name: 'Northwind IT Services' },
        counterparty: { name: 'Contoso Retail' },
        template: {
          title: 'Stale page check',
          services: [service],
          tier: 'basic',
          calendars: { roundTheClock, businessHours },
          effectiveFrom: '2026-12-20T00:00:00Z',
        },
      },
      { 'X-Actor': 'slm.wang' },
    );
    expect(draftAnswer.status).toBe(201);
    const drafted = await eventually(async () => {
      const history: unknown[] = (await demo.http.get('/agreements/stale-page-sla/history')).body;
      return history.length > 0 ? agreement('stale-page-sla') : undefined;
    });
    await openInLanguage(page, `${base}/agreement-actions/stale-page-sla`, 'en');
    await page.getByTestId('submit-version').waitFor();
    // Someone else submits it meanwhile, through the API.
    const submission = await demo.http.post(
      '/agreements/stale-page-sla/versions/1/submission',
      {},
      { 'X-Actor': 'slm.zhao', 'If-Match': `"${drafted.revision}"` },
    );
    expect(submission.status).toBe(200);
    await type('actions-X-Actor', 'slm.wang');
    await send('submit-version');
    await page
      .getByTestId('conflict')
      .getByText(/Someone else changed this meanwhile/)
      .waitFor({ timeout: 30_000 });
    // The history is a view: on a loaded machine it may not show the other submission yet.
    const submitters = await eventually(async () => {
      const history: { event: string; actor: string }[] = (await demo.http.get('/agreements/stale-page-sla/history'))
        .body;
      const found = history.filter((entry) => entry.event === 'AgreementVersionSubmitted').map((entry) => entry.actor);
      return found.length > 0 ? found : undefined;
    }, 30_000);
    // Cleared before the checks, so a failure here is not counted again by the next test.
    const seen = problems.splice(0);
    expect(submitters).toEqual(['slm.zhao']);
    expect(seen).toEqual([`409 ${base}/agreements/stale-page-sla/versions/1/submission`]);
  }, 180_000);

  it('records a breach follow-up step, a review with its decisions and an improvement plan step, in Chinese', async () => {
    const open: FollowUp[] = (await demo.http.get('/compliance/follow-ups?status=open&limit=500')).body.items;
    const breach = open.find((followUp) => followUp.rootCause === null)!;
    expect(breach).toBeDefined();
    const agreementId = breach.agreementId;
    await openInLanguage(page, `${base}/agreement-actions/${agreementId}?breach=${breach.breachEventId}`, 'zh-CN');
    await page
      .getByRole('heading', { level: 1 })
      .getByText(/的操作$/)
      .waitFor();
    await type('actions-X-Actor', 'slm.wang');

    // The second step (root cause found), reached with the arrow keys.
    await chooseDown('follow-up-type', 1);
    await type('follow-up-rootCause', 'A certificate expired on the payment gateway');
    await send('follow-up-submit');
    await page.getByText('已记录。').waitFor({ timeout: 30_000 });
    // The follow-up list is a view: the step is recorded before the view shows it.
    const rootCause = await eventually(async () => {
      const recorded: FollowUp[] = (
        await demo.http.get(`/compliance/follow-ups?status=all&agreementId=${agreementId}&limit=500`)
      ).body.items;
      return recorded.find((followUp) => followUp.breachEventId === breach.breachEventId)?.rootCause ?? undefined;
    }, 30_000);
    expect(rootCause).toBe('A certificate expired on the payment gateway');

    // A review: scheduled, then held with two decisions, one of which opens an improvement plan.
    await type('schedule-reviewId', 'console-review-2026');
    await page.fill('#schedule-periodFrom', '2026-01-01T00:00');
    await page.fill('#schedule-periodTo', '2026-12-01T00:00');
    await page.fill('#schedule-scheduledFor', '2026-12-02T10:00');
    await send('schedule-submit');
    await page.locator('tr[data-row-key="console-review-2026"]').waitFor({ timeout: 30_000 });
    await page.fill('#hold-heldAt', '2026-12-02T10:00');
    await type('hold-attendees-0-name', 'Wang Fang');
    await type('hold-attendees-0-role', 'Service level manager');
    await type('hold-minutes', 'Targets reviewed; resolution of P2 tickets must improve.');
    await chooseDown('hold-decisions-0-outcome', 1);
    await type('hold-decisions-0-rationale', 'P2 resolution fell short twice');
    await type('hold-decisions-0-improvement-planId', 'console-plan-p2');
    await type('hold-decisions-0-improvement-item', 'P2 resolution');
    await type('hold-decisions-0-improvement-requirement', 'Resolve 95 % of P2 tickets within target');
    await send('add-decision');
    await type('hold-decisions-1-rationale', 'Availability targets still fit the business');
    await send('hold-submit');
    await page.waitForSelector('tr[data-row-key="console-plan-p2"], [data-testid="hold-error"]', { timeout: 60_000 });
    expect(await page.getByTestId('hold-error').allInnerTexts()).toEqual([]);
    const review = await eventually(async () => {
      const shown = (await demo.http.get('/reviews/console-review-2026')).body;
      return shown.status === 'held' ? shown : undefined;
    }, 30_000);
    expect(review.status).toBe('held');
    expect((review.decisions as { outcome: string }[]).map((decision) => decision.outcome)).toEqual([
      'improvement-required',
      'accept',
    ]);
    expect(await page.locator('tr[data-row-key="console-review-2026"]').innerText()).toContain('需要改进');

    // The plan it opened, moved to its next step (Plan: approach, owner, due date).
    await page.goto(`${base}/agreement-actions/${agreementId}?plan=console-plan-p2`);
    await page.getByTestId('plan-phase-console-plan-p2').getByText('已开立').waitFor({ timeout: 30_000 });
    await type('actions-X-Actor', 'slm.wang');
    await type('plan-approach', 'Add a second-line queue for P2 tickets');
    await type('plan-owner', 'Wang Fang');
    await page.fill('#plan-dueAt', '2027-03-01T00:00');
    await send('plan-submit');
    await page.getByTestId('plan-phase-console-plan-p2').getByText('已计划').waitFor({ timeout: 30_000 });
    const plan = await eventually(async () => {
      const shown = (await demo.http.get('/improvement-plans/console-plan-p2')).body;
      return shown.phase === 'planned' ? shown : undefined;
    }, 30_000);
    expect(plan).toMatchObject({
      phase: 'planned',
      owner: 'Wang Fang',
      approach: 'Add a second-line queue for P2 tickets',
    });
    // No enum value of the API is shown raw.
    const text = await page.locator('main main').innerText();
    expect(text).not.toMatch(/\b(in-effect|improvement-required|annual-agreement|BreachRootCauseRecorded)\b/);
    await expectAccessible(page, 'agreement actions (zh-CN)');
    await screenshot(page, 'forms-zh-CN');
    await openInLanguage(page, `${base}/agreements-desk`, 'zh-CN');
    await page.getByRole('heading', { level: 1, name: '协议工作台' }).waitFor();
    await screenshot(page, 'forms-desk-zh-CN');
    await page.evaluate(() => window.localStorage.setItem('sla-console.language', 'en'));
    expect(problems).toEqual([]);
  }, 180_000);
});

declare const window: { localStorage: { setItem(key: string, value: string): void } };
