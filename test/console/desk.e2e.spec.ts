import type { Page } from 'playwright-core';
import { eventually } from '../support';
import {
  expectAccessible,
  openConsoleBrowser,
  openInLanguage,
  screenshot,
  type ConsoleBrowser,
} from '../support/console-browser';
import { loadSmallDemo, type LoadedDemo } from '../support/demo';
import type { TestApi } from '../support/test-api';

// The functions given to page.evaluate run in the browser, where this exists; the test's own program has no DOM types.
declare const document: {
  activeElement: { id: string; tagName: string; getAttribute(name: string): string | null } | null;
  querySelectorAll(selector: string): { length: number };
};
declare const window: Record<string, unknown>;

type QueueItem = {
  ticketId: string;
  agreementId: string;
  agreementTitle: string | null;
  customer: string | null;
  metric: 'response' | 'resolution';
  serviceId: string;
  priority: string | null;
  state: 'running' | 'at-risk' | 'breached' | 'paused';
  next: { kind: 'at-risk' | 'breach'; at: string; businessMsLeft: number } | null;
  remainingMs: number | null;
  breachAt: string | null;
  timeZone: string | null;
};
type Queue = {
  asOf: string;
  total: number;
  counts: { running: number; atRisk: number; breached: number; paused: number };
  items: QueueItem[];
};
type Clock = {
  agreementId: string;
  metric: string;
  state: string;
  priority: string | null;
  timeZone: string;
  elapsedMs: number;
  targetMs: number | null;
  pausedMs: number;
  dueAt: string | null;
  atRiskAt: string | null;
  breachedAt: string | null;
  stoppedAt: string | null;
  serviceHours: { from: string; to: string }[];
  steps: { kind: string; at?: string; from?: string; to?: string | null; totalMs?: number; lengthMs?: number }[];
};
type Timeline = { ticketId: string; asOf: string; facts: { type: string; occurredAt: string }[]; clocks: Clock[] };

const key = (item: Pick<QueueItem, 'ticketId' | 'agreementId' | 'metric'>) =>
  `${item.ticketId}/${item.agreementId}/${item.metric}`;
const LABELS = {
  en: {
    title: 'Live SLA queue',
    metric: { response: 'Response', resolution: 'Resolution' },
    state: { running: 'Running', 'at-risk': 'At risk', breached: 'Breached', paused: 'Paused' },
    next: { 'at-risk': 'At risk', breach: 'Breach' },
  },
  'zh-CN': {
    title: '实时 SLA 队列',
    metric: { response: '响应', resolution: '解决' },
    state: { running: '计时中', 'at-risk': '有风险', breached: '已违约', paused: '已暂停' },
    next: { 'at-risk': '进入风险', breach: '违约' },
  },
} as const;

/** The instant and the durations the page must show, with the browser's Intl but none of the console's code. */
function intlTexts(page: Page, locale: string, instants: (string | null)[], zone: string | null, durations: number[]) {
  return page.evaluate(
    ({ locale, instants, zone, durations }) => {
      const instant = (value: string) =>
        new Intl.DateTimeFormat(locale, {
          dateStyle: 'medium',
          timeStyle: 'short',
          ...(zone ? { timeZone: zone } : {}),
        }).format(new Date(value));
      const duration = (ms: number) => {
        const total = Math.floor(ms / 60_000);
        const unit = (value: number, name: string) =>
          new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
        return total >= 60
          ? `${unit(Math.floor(total / 60), 'hour')} ${unit(total % 60, 'minute')}`
          : unit(total, 'minute');
      };
      return {
        instants: instants.map((value) => (value === null ? null : instant(value))),
        durations: durations.map(duration),
      };
    },
    { locale, instants, zone, durations },
  );
}

/** The Live queue and Ticket SLA timeline pages in real Chromium against the real API with the small demo loaded. */
describe('the console: Live queue and Ticket SLA timeline (Chromium, real API, small demo)', () => {
  let demo: LoadedDemo;
  let api: TestApi;
  let browser: ConsoleBrowser;
  let page: Page;
  let problems: string[];
  let serviceId: string;

  beforeAll(async () => {
    demo = await loadSmallDemo('console_desk');
    api = demo.api;
    browser = await openConsoleBrowser();
    ({ page, problems } = browser);
    // A Berlin service: its agreement is in force all through 2026.
    serviceId = demo.scenario.services.find((service) => service.serviceId.startsWith('be-'))!.serviceId;
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const apiQueue = async (query = ''): Promise<Queue> => {
    const items: QueueItem[] = [];
    let cursor: string | null = null;
    let first: Queue | undefined;
    do {
      const response: { status: number; body: Queue & { nextCursor: string | null } } = await demo.http.get(
        `/compliance/queue?limit=500${query}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.status).toBe(200);
      first ??= response.body;
      items.push(...response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor);
    return { ...first!, items };
  };
  const serviceName = async (id: string): Promise<string> => (await demo.http.get(`/services/${id}`)).body.name;
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  let deliveries = 0;
  const post = async (ticketId: string, type: string, occurredAt: string, data: Record<string, unknown> = {}) => {
    deliveries += 1;
    const fact = { source: 'desk-test', externalId: `desk-${deliveries}`, type, data: { ...data, occurredAt } };
    const response = await demo.http.post(`/tickets/${encodeURIComponent(ticketId)}/facts`, fact, {
      'x-actor': 'desk.test',
    });
    if (response.status !== 201) throw new Error(`${type}: ${response.status} ${JSON.stringify(response.body)}`);
  };
  const open = (ticketId: string, priority: string, occurredAt: string, service = serviceId) =>
    post(ticketId, 'TicketOpened', occurredAt, {
      ticketType: 'incident',
      serviceId: service,
      priority,
      impact: 'high',
      major: false,
      title: `${ticketId}: e-mail down for the warehouse`,
    });

  /** The rows shown, in order, as the API's answer at the same moment lists them (both move with the clock). */
  async function expectQueue(query: string, locale: 'en' | 'zh-CN') {
    const labels = LABELS[locale];
    await eventually(async () => {
      const queue = await apiQueue(query);
      const shown = await page
        .locator('tr[data-row-key]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row-key')));
      return JSON.stringify(shown) === JSON.stringify(queue.items.map(key)) ? true : undefined;
    }, 20_000);
    // Figures: business time left moves each minute in service hours, so compare against an answer of the same minute.
    await eventually(async () => {
      const queue = await apiQueue(query);
      for (const item of queue.items) {
        const row = page.locator(`tr[data-row-key="${key(item)}"]`);
        const text = (await row.innerText()).replace(/\s+/g, ' ');
        const instant = item.next?.at ?? (item.state === 'breached' ? item.breachAt : null);
        const left = item.next ? item.next.businessMsLeft : Math.abs(item.remainingMs ?? 0);
        const expected = await intlTexts(page, locale, [instant], item.timeZone, [left]);
        expect(await row.getByTestId('ticket').innerText()).toBe(item.ticketId);
        expect(await row.getByTestId('customer').innerText()).toBe(item.customer);
        expect(text).toContain(item.agreementTitle!);
        expect(await row.getByTestId('priority').innerText()).toBe(item.priority ?? '—');
        expect(await row.getByTestId('service').getAttribute('data-service')).toBe(item.serviceId);
        expect(await row.getByTestId('service').innerText()).toBe(await serviceName(item.serviceId));
        expect(await row.getByTestId('metric').innerText()).toBe(labels.metric[item.metric]);
        expect(await row.getByTestId('state').getAttribute('data-state')).toBe(item.state);
        expect(await row.getByTestId('state').innerText()).toBe(labels.state[item.state]);
        if (instant) {
          expect(await row.getByTestId('next-at').innerText()).toBe(expected.instants[0]);
          expect(text).toContain(item.timeZone!);
          expect(text).toContain(item.next ? labels.next[item.next.kind] : labels.state.breached);
        }
        if (item.remainingMs !== null || item.next)
          expect(await row.getByTestId('left').innerText()).toContain(expected.durations[0]);
        if (item.state === 'breached' || item.state === 'at-risk')
          expect(await row.getAttribute('class')).toContain(`desk-queue-row-${item.state}`);
      }
      const counts = { total: queue.total, ...queue.counts };
      for (const [name, value] of Object.entries({
        total: counts.total,
        breached: counts.breached,
        'at-risk': counts.atRisk,
        running: counts.running,
        paused: counts.paused,
      }))
        expect(await page.getByTestId(`count-${name}`).innerText()).toBe(new Intl.NumberFormat(locale).format(value));
      return true;
    }, 20_000);
  }

  it('lists the open clocks in the API order with its figures, and a fact posted shows within 5 s without reload', async () => {
    // Every demo ticket is closed by now: an incident opened three days ago is past its targets (a working day at
    // least lies between), so the queue has breached rows to tint as well.
    await open('DESK-0', 'P2', minutesAgo(3 * 24 * 60));
    await eventually(async () =>
      (await apiQueue()).items.some((item) => item.ticketId === 'DESK-0') ? true : undefined,
    );
    await openInLanguage(page, `${api.baseUrl}/queue`, 'en');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain(LABELS.en.title);
    await expectQueue('', 'en');
    await page.evaluate(() => {
      window.deskMarker = 'no reload';
    });

    // A new P1 incident: both its clocks appear, without a reload, within 5 s of the post.
    await open('DESK-1', 'P1', minutesAgo(1));
    const posted = Date.now();
    await page.locator('tr[data-row-key^="DESK-1/"]').first().waitFor({ timeout: 5_000 });
    expect(Date.now() - posted).toBeLessThanOrEqual(5_000);
    expect(await page.evaluate(() => window.deskMarker)).toBe('no reload');
    await expectQueue('', 'en');
    const fresh = (await apiQueue()).items.filter((item) => item.ticketId === 'DESK-1');
    // A response and a resolution clock under each agreement covering the service.
    expect([...new Set(fresh.map((item) => item.metric))].sort()).toEqual(['resolution', 'response']);
    // Its countdown ticks in the page, between two answers of the API.
    const countdown = page.locator(`tr[data-row-key="${key(fresh[0]!)}"]`).getByTestId('countdown');
    const before = await countdown.innerText();
    await page.waitForTimeout(1_500);
    expect(await countdown.innerText()).not.toBe(before);

    // The first response stops the response clock: its row leaves within 5 s.
    await post('DESK-1', 'TicketAcknowledged', minutesAgo(0.5));
    const acknowledged = Date.now();
    await page.waitForFunction(
      () => document.querySelectorAll('tr[data-row-key^="DESK-1/"][data-row-key$="/response"]').length === 0,
      undefined,
      { timeout: 5_000 },
    );
    expect(Date.now() - acknowledged).toBeLessThanOrEqual(5_000);
    expect(await page.evaluate(() => window.deskMarker)).toBe('no reload');
    await expectQueue('', 'en');
    await expectAccessible(page, 'queue (en)');
    await screenshot(page, 'queue-en');
    expect(problems).toEqual([]);
  }, 180_000);

  it('renders in Chinese with the same figures', async () => {
    await openInLanguage(page, `${api.baseUrl}/queue`, 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain(LABELS['zh-CN'].title);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expectQueue('', 'zh-CN');
    await expectAccessible(page, 'queue (zh-CN)');
    await screenshot(page, 'queue-zh-CN');
    expect(problems).toEqual([]);
  }, 120_000);

  it('filters by customer, agreement and priority in the URL, by keyboard, and opens a timeline by keyboard', async () => {
    // Another customer's ticket, so the customer filter has something to leave out.
    const newYork = demo.scenario.services.find((service) => service.serviceId.startsWith('ny-'))!.serviceId;
    await open('DESK-3', 'P2', minutesAgo(5), newYork);
    await eventually(async () =>
      (await apiQueue()).items.some((item) => item.ticketId === 'DESK-3') ? true : undefined,
    );
    await openInLanguage(page, `${api.baseUrl}/queue`, 'en');
    await expectQueue('', 'en');
    const reached: string[] = [];
    for (let press = 0; press < 40 && reached.length < 3; press += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (id.endsWith('-filter') && !reached.includes(id)) reached.push(id);
    }
    expect(reached).toEqual(['customer-filter', 'agreement-filter', 'priority-filter']);

    // Priority P1 by keyboard alone: the list is the API's answer for P1.
    await page.focus('#priority-filter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/priority=P1/);
    await expectQueue('&priority=P1', 'en');
    const p1 = (await apiQueue('&priority=P1')).items.filter((item) => item.ticketId === 'DESK-1');
    expect(p1.length).toBeGreaterThan(0);
    expect(await page.locator('tr[data-row-key^="DESK-1/"]').count()).toBe(p1.length);
    expect(await page.locator('tr[data-row-key^="DESK-3/"]').count()).toBe(0);

    // A customer, then its agreement, from a shared link: the API's answer for both filters.
    const desk = (await apiQueue()).items.find((item) => item.ticketId === 'DESK-1')!;
    const query = `customer=${encodeURIComponent(desk.customer!)}&agreement=${encodeURIComponent(desk.agreementId)}`;
    await page.goto(`${api.baseUrl}/queue?${query}`);
    await expectQueue(`&customer=${encodeURIComponent(desk.customer!)}&agreementId=${desk.agreementId}`, 'en');
    const others = (await apiQueue()).items.filter((item) => item.customer !== desk.customer);
    expect(others.length).toBeGreaterThan(0);
    await page.goBack();
    await page.waitForURL(/priority=P1/);
    await expectQueue('&priority=P1', 'en');

    // Tab to the ticket's link and open its timeline with Enter.
    let onLink = false;
    for (let press = 0; press < 60 && !onLink; press += 1) {
      await page.keyboard.press('Tab');
      onLink =
        (await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '')) === '/ticket-timeline/DESK-1';
    }
    expect(onLink).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ticket-timeline\/DESK-1$/);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('DESK-1');
    expect(problems).toEqual([]);
  }, 180_000);

  /** A ticket opened three hours ago as P3, paused awaiting the customer, resumed, then re-targeted to P1. */
  async function givenRetargetedTicket() {
    await open('DESK-2', 'P3', minutesAgo(180));
    await post('DESK-2', 'TicketAcknowledged', minutesAgo(170));
    await post('DESK-2', 'TicketPausedAwaitingCustomer', minutesAgo(150), { reason: 'log files asked for' });
    await post('DESK-2', 'TicketResumed', minutesAgo(90));
    await post('DESK-2', 'TicketPriorityChanged', minutesAgo(30), { priority: 'P1' });
    return eventually(async () => {
      const response = await demo.http.get('/compliance/tickets/DESK-2/timeline');
      const timeline = response.body as Timeline;
      // The page also reads the ticket itself, from another view that catches up on its own.
      const ticket = await demo.http.get('/tickets/DESK-2');
      return response.status === 200 &&
        timeline.facts.length === 5 &&
        timeline.clocks.length > 0 &&
        ticket.status === 200
        ? timeline
        : undefined;
    }, 30_000);
  }

  async function expectTimeline(timeline: Timeline, locale: 'en' | 'zh-CN') {
    const cards = page.getByTestId('clock');
    await cards.first().waitFor({ timeout: 30_000 });
    expect(await cards.count()).toBe(timeline.clocks.length);
    for (const clock of timeline.clocks) {
      const card = page.locator(
        `[data-testid="clock"][data-agreement="${clock.agreementId}"][data-metric="${clock.metric}"]`,
      );
      const pause = clock.steps.find((step) => step.kind === 'paused');
      const retarget = clock.steps.find((step) => step.kind === 'retargeted');
      const expected = await intlTexts(
        page,
        locale,
        [clock.atRiskAt, clock.dueAt, clock.breachedAt, clock.stoppedAt, retarget?.at ?? null],
        clock.timeZone,
        [clock.elapsedMs, clock.targetMs ?? 0, clock.pausedMs, pause?.lengthMs ?? 0, retarget?.totalMs ?? 0],
      );
      const [atRiskAt, dueAt, breachedAt, stoppedAt, retargetedAt] = expected.instants;
      const [elapsed, target, paused, pauseLength, kept] = expected.durations;
      const figure = (name: string) => card.getByTestId(`figure-${name}`).innerText();
      expect(await figure('elapsed')).toBe(elapsed);
      expect(await figure('target')).toBe(clock.targetMs === null ? '—' : target);
      expect(await figure('paused')).toBe(paused);
      expect(await figure('atRiskAt')).toBe(atRiskAt ?? '—');
      expect(await figure('dueAt')).toBe(dueAt ?? '—');
      expect(await figure('breachedAt')).toBe(breachedAt ?? '—');
      expect(await figure('stoppedAt')).toBe(stoppedAt ?? '—');
      expect(await card.getByTestId('clock-meta').innerText()).toContain(clock.timeZone);
      const agreement = (await demo.http.get(`/agreements/${clock.agreementId}`)).body as { title: string };
      expect(await card.getByRole('heading', { level: 2 }).innerText()).toContain(agreement.title);
      const explanation = (await card.getByTestId('explanation').innerText()).replace(/\s+/g, ' ');
      expect(explanation).toContain(elapsed);
      if (clock.targetMs !== null) expect(explanation).toContain(target);
      if (pause) expect(explanation).toContain(pauseLength);
      if (retarget) {
        expect(explanation).toContain(retargetedAt);
        expect(explanation).toContain(kept);
        expect(explanation).toContain('P3');
        expect(explanation).toContain('P1');
      }
      if (breachedAt) expect(explanation).toContain(breachedAt);
      expect(await card.getByTestId('steps').locator('tbody tr').count()).toBe(clock.steps.length);
      expect(await card.getByTestId('timeline-chart').locator('svg').count()).toBe(1);
    }
    expect(await page.getByTestId('facts').locator('tbody tr').count()).toBe(timeline.facts.length);
  }

  it('shows the API instants, the steps and the explanation of a paused and re-targeted ticket, in both languages', async () => {
    const timeline = await givenRetargetedTicket();
    expect(timeline.clocks.some((clock) => clock.steps.some((step) => step.kind === 'retargeted'))).toBe(true);
    await openInLanguage(page, `${api.baseUrl}/ticket-timeline/DESK-2`, 'en');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('SLA timeline of DESK-2');
    await expectTimeline(timeline, 'en');
    await expectAccessible(page, 'ticket timeline (en)');
    await screenshot(page, 'ticket-timeline-en');

    await page.getByText('中文', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('DESK-2 的 SLA 时间线');
    await expectTimeline(timeline, 'zh-CN');
    await expectAccessible(page, 'ticket timeline (zh-CN)');
    await screenshot(page, 'ticket-timeline-zh-CN');
    await page.getByText('English', { exact: true }).click();

    // The way back to the queue is a link, reached by keyboard.
    await page.focus('a[href="/queue"] >> nth=-1');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/queue$/);
    expect(problems).toEqual([]);
  }, 180_000);

  it('says so for a ticket that does not exist', async () => {
    await openInLanguage(page, `${api.baseUrl}/ticket-timeline/NO-SUCH-TICKET`, 'en');
    await page.getByText('There is no ticket NO-SUCH-TICKET.').waitFor({ timeout: 30_000 });
    // The 404s are the API's honest answer about the missing ticket, not a fault of the page.
    const missing = problems.filter((problem) => problem.startsWith('404 ') && problem.includes('NO-SUCH-TICKET'));
    expect(problems.filter((problem) => !missing.includes(problem))).toEqual([]);
    problems.length = 0;
  }, 60_000);
});
