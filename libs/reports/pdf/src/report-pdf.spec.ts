import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BreachLine, RenderableRevision, ReportContent, ReportLanguage } from '@sla/reports-domain';
import { pdfFonts, pdfPageCount, pdfText } from '@sla/test-support';
import { renderReportPdf } from './report-pdf';

// The PDF is checked with poppler-utils (scripts/install-test-tools.sh), the way a reader's tools see it.
const generatedAt = '2025-06-02T07:30:00.000Z';
let folder: string;
beforeAll(() => {
  folder = process.env.REPORT_PDF_OUTPUT_DIR ?? mkdtempSync(join(tmpdir(), 'report-pdf-'));
});
// REPORT_PDF_OUTPUT_DIR keeps the rendered files to look at.
afterAll(() => process.env.REPORT_PDF_OUTPUT_DIR || rmSync(folder, { recursive: true, force: true }));

const breach = (ticketId: string, priority: string, overrides: Partial<BreachLine> = {}): BreachLine => ({
  eventId: `event-${ticketId}`,
  ticketId,
  metric: 'resolution',
  priority,
  version: 3,
  breachedAt: '2025-05-14T09:12:00.000Z',
  retractedAt: null,
  waiver: null,
  followUp: {
    status: 'open',
    notificationDueAt: '2025-05-15T09:12:00.000Z',
    notifiedAt: '2025-05-14T15:00:00.000Z',
    rootCause: 'disk firmware',
    remediatedAt: null,
  },
  ...overrides,
});

const monthlyContent: ReportContent = {
  agreementId: 'sla-acme-hosting',
  agreement: {
    title: 'Hosting SLA',
    customer: 'ACME GmbH',
    provider: 'IT Services',
    kind: 'SLA',
    effectiveFrom: '2025-01-01T00:00:00+01:00',
  },
  period: '2025-05',
  timeZone: 'Europe/Berlin',
  availability: [
    { serviceId: 'web-hosting', version: 3, availabilityPercent: '99.56', targetPercentage: 99.5, targetMet: true },
    { serviceId: 'mail', version: 3, availabilityPercent: '98.12', targetPercentage: 99.5, targetMet: false },
    { serviceId: 'backup', version: 3, availabilityPercent: '100.00', targetPercentage: 99, targetMet: true },
  ],
  responseResolution: ['P1', 'P2', 'P3', 'P4'].flatMap((priority, index) => [
    {
      serviceId: 'web-hosting',
      priority,
      metric: 'response',
      met: 10 + index,
      breached: index,
      open: 1,
      percentWithinTarget: ['100.00', '93.33', '85.71', '76.92'][index],
    },
    {
      serviceId: 'web-hosting',
      priority,
      metric: 'resolution',
      met: 9 + index,
      breached: index + 1,
      open: 0,
      percentWithinTarget: ['90.00', '84.61', '78.57', '70.58'][index],
    },
  ]),
  breaches: [
    breach('INC-4711', 'P1'),
    breach('INC-4712', 'P3', { metric: 'response', followUp: null, retractedAt: '2025-05-20T11:00:00.000Z' }),
  ],
  trend: [
    {
      period: '2025-03',
      availability: [{ serviceId: 'web-hosting', availabilityPercent: '99.91' }],
      responseWithinTarget: '95.12',
      resolutionWithinTarget: '91.00',
      breaches: 1,
    },
    {
      period: '2025-04',
      availability: [{ serviceId: 'web-hosting', availabilityPercent: '99.73' }],
      responseWithinTarget: '94.44',
      resolutionWithinTarget: '88.88',
      breaches: 3,
    },
    {
      period: '2025-05',
      availability: [{ serviceId: 'web-hosting', availabilityPercent: '99.56' }],
      responseWithinTarget: '90.47',
      resolutionWithinTarget: '81.25',
      breaches: 2,
    },
  ],
  kpis: [
    { kpi: 'customer-satisfaction', value: '66.66', goal: '80 %', met: false },
    { kpi: 'complaints-handled', value: '50.00', goal: '100 %', met: false },
    { kpi: 'major-incidents-per-year', value: '2', goal: '≤ 3', met: true, numerator: 2, denominator: null },
    { kpi: 'all-targets-met', value: '87.50', goal: '100 %', met: false },
  ],
  improvementPlans: [
    {
      planId: 'sip-1',
      item: 'Replace mail relay cluster',
      phase: 'in-progress',
      percentComplete: 40,
      dueAt: '2025-09-30',
      owner: 'ops.bob',
    },
  ],
  serviceCredits: [{ version: 3, condition: 'a P1 resolution target missed', credit: '5 % of the monthly fee' }],
};

const revisionOf = (content: ReportContent, status = 'published'): RenderableRevision => ({
  reportId: 'report-1',
  revision: 2,
  status,
  contentHash: 'a3f1c2d4e5b6978812345678abcdef0123456789abcdef0123456789abcdef01',
  content,
  reason: 'a late resolution changed May',
  draftedBy: 'slm.alice',
  approvedBy: 'cust.bob',
  publishedAt: '2025-06-02T08:00:00.000Z',
});

async function renderToFile(
  name: string,
  content: ReportContent,
  language: ReportLanguage = 'en',
  status = 'published',
) {
  const pdf = await renderReportPdf(revisionOf(content, status), { language, generatedAt });
  const file = join(folder, `${name}.pdf`);
  writeFileSync(file, pdf);
  return { pdf, file };
}

const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
const textOf = pdfText;
const pageCount = pdfPageCount;
const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

describe('service report PDF', () => {
  it('prints the exact figures, a running header and footer on every page, in an embedded Noto font', async () => {
    const { pdf, file } = await renderToFile('monthly', monthlyContent);
    const text = textOf(file);

    for (const figure of [
      '99.56 %',
      '98.12 %',
      '100.00 %',
      '99.50 %',
      '76.92 %',
      '70.58 %',
      '66.66 %',
      '50.00 %',
      '87.50 %',
      '95.12 %',
      '81.25 %',
      '40 %',
    ])
      expect(text).toContain(figure);
    for (const ticket of ['INC-4711', 'INC-4712']) expect(occurrences(text, ticket)).toBe(1);
    for (const words of [
      'Service report: Hosting SLA — ACME GmbH — May 2025',
      'Drafted by: slm.alice',
      'Approved by: cust.bob',
      'a late resolution changed May',
      'disk firmware',
      'Replace mail relay cluster',
      'Customer satisfaction',
      'Major incidents this year',
      'in progress',
    ])
      expect(text).toContain(words);
    // Times on the Berlin wall clock (summer time: UTC+2), not UTC ISO.
    expect(text).toContain('14 May 2025 11:12');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);

    const pages = pageCount(file);
    expect(occurrences(text, ` of ${pages}`)).toBe(pages);
    expect(text.match(/Page \d+ of \d+/g)).toHaveLength(pages);
    for (let page = 1; page <= pages; page += 1) {
      const pageText = textOf(file, page);
      expect(pageText).toContain(
        'Agreement: Hosting SLA (sla-acme-hosting) · Customer: ACME GmbH · Period: May 2025 (Europe/Berlin)',
      );
      expect(pageText).toContain('Version in force: 3 · Revision 2 · Status: published');
      expect(pageText).toContain('a3f1c2d4e5b69788');
      expect(pageText).toContain('Generated: 2 Jun 2025 09:30');
      expect(pageText).toContain(`Page ${page} of ${pages}`);
    }

    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font).toContain('NotoSansSC');
      // Columns from the right: object ID (two numbers), uni, sub, emb.
      expect(font.trim().split(/\s+/).at(-5)).toBe('yes');
    }
    expect(pdf.length).toBeLessThan(500_000);
  });

  it('renders a Chinese report with every label in Chinese: statuses, KPI names, periods and times included', async () => {
    const { file } = await renderToFile('monthly-zh', monthlyContent, 'zh');
    const text = textOf(file);
    for (const words of [
      '服务报告：Hosting SLA — ACME GmbH — 2025年5月',
      '执行摘要',
      '可用性',
      '第 1 页，共',
      '99.56 %',
      '状态：已发布',
      '全部目标达成',
      '客户满意度',
      '进行中',
      '处理中',
      '服务抵扣',
    ])
      expect(text).toContain(words);
    expect(text).toMatch(/2025年5月14日\s+11:12/);
    // No English status, KPI id or metric left over.
    for (const english of [
      'published',
      'all-targets-met',
      'customer-satisfaction',
      'in-progress',
      'P1 resolution',
      'Status',
      'Page ',
    ])
      expect(text).not.toContain(english);
    expect(text).toContain('web-hosting P1 解决');
  });

  it('opens with an executive summary: targets met and missed, availability against target, breaches, credits', async () => {
    const { file } = await renderToFile('summary', monthlyContent);
    const firstPage = textOf(file, 1);
    expect(firstPage).toContain('Executive summary');
    // 3 availability terms (2 met) and 8 response/resolution targets, each missed by a breach.
    expect(firstPage).toMatch(
      /3 of 11 targets met; missed: Availability mail, web-hosting P1 resolution, web-hosting P2 response/,
    );
    expect(firstPage).toContain('Availability of mail: 98.12 % against a target of 99.50 % (missed)');
    expect(firstPage).toContain('Breaches: 1 (P1: 1)');
    expect(firstPage).toContain('Service credits: none triggered');
    const credited = await renderToFile('credited', {
      ...monthlyContent,
      breaches: [
        breach('INC-4711', 'P1', {
          followUp: {
            ...breach('x', 'P1').followUp!,
            credit: { termIndex: 0, condition: 'a P1 resolution target missed', credit: '5 % of the monthly fee' },
          },
        }),
      ],
    });
    expect(textOf(credited.file, 1)).toContain(
      'Service credits triggered: 1 (INC-4711 resolution: 5 % of the monthly fee)',
    );
    const noTerms = await renderToFile('no-terms', { ...monthlyContent, serviceCredits: [] });
    expect(textOf(noTerms.file, 1)).toContain('Service credits: none defined in the agreement');
    // Content drafted before credits were carried into reports says so rather than claiming none.
    const older = await renderToFile('older', { ...monthlyContent, serviceCredits: undefined });
    expect(textOf(older.file, 1)).toContain('Service credits: not recorded in this revision');
  });

  it('marks every page of a draft with DRAFT, and no page of a published revision', async () => {
    const many = {
      ...monthlyContent,
      breaches: Array.from({ length: 80 }, (_, index) => breach(`INC-${20_000 + index}`, 'P2')),
    };
    const draft = await renderToFile('draft', many, 'en', 'draft');
    const pages = pageCount(draft.file);
    expect(pages).toBeGreaterThan(1);
    // The mark is drawn on a slant: read in content order (-raw), its letters stay one word.
    const rawText = (file: string, page: number) =>
      run('pdftotext', '-raw', '-f', String(page), '-l', String(page), file, '-');
    for (let page = 1; page <= pages; page += 1) expect(rawText(draft.file, page)).toMatch(/^DRAFT$/m);
    const chineseDraft = await renderToFile('draft-zh', many, 'zh', 'approved');
    expect(rawText(chineseDraft.file, 1)).toMatch(/^草\s*稿$/m);
    const published = await renderToFile('published', many);
    for (let page = 1; page <= pageCount(published.file); page += 1)
      expect(rawText(published.file, page)).not.toMatch(/DRAFT/);
  });

  it('breaks a long breach table across pages and repeats the header on each', async () => {
    const tickets = Array.from({ length: 50 }, (_, index) => `INC-${String(10_000 + index)}`);
    const { file } = await renderToFile('many-breaches', {
      ...monthlyContent,
      breaches: tickets.map((ticket, index) => breach(ticket, `P${(index % 4) + 1}`)),
    });
    const pages = pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = textOf(file);
    for (const ticket of tickets) expect(occurrences(text, ticket)).toBe(1);
    let pagesWithBreachRows = 0;
    for (let page = 1; page <= pages; page += 1) {
      const pageText = textOf(file, page);
      expect(pageText).toContain('Agreement: Hosting SLA');
      if (!/INC-1\d{4}/.test(pageText)) continue;
      pagesWithBreachRows += 1;
      // The table's header row opens every page the table continues on.
      expect(pageText).toMatch(/Ticket\s+Metric\s+Priority/);
    }
    expect(pagesWithBreachRows).toBeGreaterThanOrEqual(2);
  });

  it('summarises a 17,500-breach month: the 50 most severe in the table, all of them in an attached CSV', async () => {
    const priorities = ['P4', 'P3', 'P2', 'P1'];
    const breaches = Array.from({ length: 17_500 }, (_, index) =>
      breach(`INC-${String(100_000 + index)}`, priorities[index % 4], {
        eventId: `event-${index}`,
        breachedAt: new Date(Date.parse('2025-05-01T00:00:00Z') + index * 60_000).toISOString(),
        followUp: null,
      }),
    );
    const { pdf, file } = await renderToFile('month-of-breaches', { ...monthlyContent, breaches });
    // The whole list as table rows took 454 pages.
    expect(pageCount(file)).toBeLessThanOrEqual(5);
    const text = textOf(file);
    expect(text).toContain('The 50 most severe of 17,500 breaches');
    expect(text.replace(/\s+/g, '')).toContain('breaches.csvandatGET/reports/report-1/revisions/2/breaches.csv');
    expect(text).toContain('Breaches: 17,500 (P1: 4,375, P2: 4,375, P3: 4,375, P4: 4,375)');
    // Most severe first: P1 before anything else, the earliest P1 (index 3) first.
    const shown = [...text.matchAll(/INC-1\d{5}/g)].map((match) => Number(match[0].slice(4)) - 100_000);
    expect(shown).toHaveLength(50);
    expect(shown[0]).toBe(3);
    expect(shown.every((index) => index % 4 === 3)).toBe(true);

    expect(run('pdfdetach', '-list', file)).toMatch(/1 embedded files\s+1: breaches\.csv/);
    const csvFile = join(folder, 'breaches.csv');
    run('pdfdetach', '-save', '1', '-o', csvFile, file);
    const lines = readFileSync(csvFile, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'ticket_id,metric,priority,agreement_version,breached_at,retracted_at,follow_up_status,notification_due_at,customer_notified_at,root_cause,remediated_at,service_credit,breach_event_id',
    );
    expect(lines).toHaveLength(17_501);
    expect(lines[1]).toBe('INC-100003,resolution,P1,3,2025-05-01T00:03:00.000Z,,,,,,,,event-3');
    expect(pdf.length).toBeLessThan(1_500_000);
  });

  it('shows only the sections the report definition selects', async () => {
    const { file } = await renderToFile('availability-only', {
      ...monthlyContent,
      sections: ['availability', 'satisfaction'],
    });
    const text = textOf(file);
    expect(text).toContain('99.56 %');
    expect(text).toContain('Customer satisfaction');
    for (const absent of [
      'INC-4711',
      'Response and resolution',
      'Trend over the last periods',
      'Complaints handled',
      'Replace mail relay cluster',
    ])
      expect(text).not.toContain(absent);
  });

  it('draws a page that is not blank', async () => {
    const { file } = await renderToFile('picture', monthlyContent);
    run('pdftoppm', '-r', '50', '-png', '-f', '1', '-l', '1', '-singlefile', file, join(folder, 'page-1'));
    expect(statSync(join(folder, 'page-1.png')).size).toBeGreaterThan(5_000);

    run('pdftoppm', '-r', '50', '-gray', '-f', '1', '-l', '1', '-singlefile', file, join(folder, 'page-1'));
    const { width, height, pixels } = readPgm(readFileSync(join(folder, 'page-1.pgm')));
    expect(width * height).toBe(pixels.length);
    const dark = pixels.filter((value) => value < 128).length;
    expect(dark).toBeGreaterThan(500);
  });

  it('gives byte-identical output for the same input', async () => {
    const revision = revisionOf(monthlyContent);
    const [first, second] = [
      await renderReportPdf(revision, { language: 'en', generatedAt }),
      await renderReportPdf(revision, { language: 'en', generatedAt }),
    ];
    expect(first.equals(second)).toBe(true);
  });
});

/** Binary PGM (P5, 8-bit): magic, width, height and maximum as whitespace-separated tokens, then one byte per pixel. */
function readPgm(file: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const tokens: string[] = [];
  let offset = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(file[offset]))) offset += 1;
    if (file[offset] === 0x23) {
      while (file[offset] !== 0x0a) offset += 1;
      continue;
    }
    const start = offset;
    while (!/\s/.test(String.fromCharCode(file[offset]))) offset += 1;
    tokens.push(file.subarray(start, offset).toString('ascii'));
  }
  const [magic, width, height, maximum] = tokens;
  if (magic !== 'P5' || maximum !== '255') throw new Error(`not an 8-bit binary PGM: ${magic} ${maximum}`);
  return { width: Number(width), height: Number(height), pixels: file.subarray(offset + 1) };
}
