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
  folder = mkdtempSync(join(tmpdir(), 'report-pdf-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const breach = (ticketId: string, priority: string, overrides: Partial<BreachLine> = {}): BreachLine => ({
  eventId: `event-${ticketId}`,
  ticketId,
  metric: 'resolution',
  priority,
  version: 3,
  breachedAt: '2025-05-14T09:12:00.000Z',
  retractedAt: null,
  waiver: null,
  followUp: { status: 'notified', notificationDueAt: '2025-05-15T09:12:00.000Z', notifiedAt: '2025-05-14T15:00:00.000Z', rootCause: 'disk firmware', remediatedAt: null },
  ...overrides,
});

const monthlyContent: ReportContent = {
  agreementId: 'sla-acme-hosting',
  period: '2025-05',
  timeZone: 'Europe/Berlin',
  availability: [
    { serviceId: 'web-hosting', version: 3, availabilityPercent: '99.56', targetPercentage: 99.5, targetMet: true },
    { serviceId: 'mail', version: 3, availabilityPercent: '98.12', targetPercentage: 99.5, targetMet: false },
    { serviceId: 'backup', version: 3, availabilityPercent: '100.00', targetPercentage: 99, targetMet: true },
  ],
  responseResolution: ['P1', 'P2', 'P3', 'P4'].flatMap((priority, index) => [
    { serviceId: 'web-hosting', priority, metric: 'response', met: 10 + index, breached: index, open: 1, percentWithinTarget: ['100.00', '93.33', '85.71', '76.92'][index] },
    { serviceId: 'web-hosting', priority, metric: 'resolution', met: 9 + index, breached: index + 1, open: 0, percentWithinTarget: ['90.00', '84.61', '78.57', '70.58'][index] },
  ]),
  breaches: [breach('INC-4711', 'P1'), breach('INC-4712', 'P3', { metric: 'response', followUp: null, retractedAt: '2025-05-20T11:00:00.000Z' })],
  trend: [
    { period: '2025-03', availability: [{ serviceId: 'web-hosting', availabilityPercent: '99.91' }], responseWithinTarget: '95.12', resolutionWithinTarget: '91.00', breaches: 1 },
    { period: '2025-04', availability: [{ serviceId: 'web-hosting', availabilityPercent: '99.73' }], responseWithinTarget: '94.44', resolutionWithinTarget: '88.88', breaches: 3 },
    { period: '2025-05', availability: [{ serviceId: 'web-hosting', availabilityPercent: '99.56' }], responseWithinTarget: '90.47', resolutionWithinTarget: '81.25', breaches: 2 },
  ],
  kpis: [
    { kpi: 'customer-satisfaction', value: '66.66', goal: '80 %', met: false },
    { kpi: 'complaints-handled', value: '50.00', goal: '100 %', met: false },
    { kpi: 'major-incidents-per-year', value: '2', goal: '≤ 3', met: true },
    { kpi: 'all-targets-met', value: '87.50', goal: '100 %', met: false },
  ],
  improvementPlans: [{ planId: 'sip-1', item: 'Replace mail relay cluster', phase: 'implementation', percentComplete: 40, dueAt: '2025-09-30', owner: 'ops.bob' }],
};

const revisionOf = (content: ReportContent): RenderableRevision => ({
  reportId: 'report-1',
  revision: 2,
  status: 'published',
  contentHash: 'a3f1c2d4e5b6978812345678abcdef0123456789abcdef0123456789abcdef01',
  content,
  reason: 'a late resolution changed May',
  draftedBy: 'slm.alice',
  approvedBy: 'cust.bob',
  publishedAt: '2025-06-02T08:00:00.000Z',
});

async function renderToFile(name: string, content: ReportContent, language: ReportLanguage = 'en') {
  const pdf = await renderReportPdf(revisionOf(content), { language, generatedAt });
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

    for (const figure of ['99.56 %', '98.12 %', '100.00 %', '99.5 %', '76.92 %', '70.58 %', '66.66', '50.00', '87.50', '≤ 3', '95.12 %', '81.25 %', '40 %']) expect(text).toContain(figure);
    for (const ticket of ['INC-4711', 'INC-4712']) expect(occurrences(text, ticket)).toBe(1);
    for (const words of ['Service report: sla-acme-hosting — 2025-05', 'Drafted by: slm.alice', 'Approved by: cust.bob', 'a late resolution changed May', 'disk firmware', 'Replace mail relay cluster', 'Customer satisfaction', 'Major incidents']) expect(text).toContain(words);

    const pages = pageCount(file);
    expect(occurrences(text, ` of ${pages}`)).toBe(pages);
    expect(text.match(/Page \d+ of \d+/g)).toHaveLength(pages);
    for (let page = 1; page <= pages; page += 1) {
      const pageText = textOf(file, page);
      expect(pageText).toContain('Agreement: sla-acme-hosting · Period: 2025-05 (Europe/Berlin) · Version in force: 3 · Revision 2 · Status: published');
      expect(pageText).toContain('a3f1c2d4e5b69788');
      expect(pageText).toContain(generatedAt);
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

  it('renders a Chinese report with Chinese labels', async () => {
    const { file } = await renderToFile('monthly-zh', monthlyContent, 'zh');
    const text = textOf(file);
    expect(text).toContain('服务报告');
    expect(text).toContain('可用性');
    expect(text).toContain('第 1 页，共');
    expect(text).toContain('99.56 %');
  });

  it('breaks a long breach table across pages and repeats the header on each', async () => {
    const tickets = Array.from({ length: 120 }, (_, index) => `INC-${String(10_000 + index)}`);
    const { file } = await renderToFile('many-breaches', { ...monthlyContent, breaches: tickets.map((ticket, index) => breach(ticket, `P${(index % 4) + 1}`)) });
    const pages = pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = textOf(file);
    for (const ticket of tickets) expect(occurrences(text, ticket)).toBe(1);
    let pagesWithBreachRows = 0;
    for (let page = 1; page <= pages; page += 1) {
      const pageText = textOf(file, page);
      expect(pageText).toContain('Agreement: sla-acme-hosting');
      if (!/INC-1\d{4}/.test(pageText)) continue;
      pagesWithBreachRows += 1;
      // The table's header row opens every page the table continues on.
      expect(pageText).toMatch(/Ticket\s+Metric\s+Priority/);
    }
    expect(pagesWithBreachRows).toBeGreaterThanOrEqual(3);
  });

  it('shows only the sections the report definition selects', async () => {
    const { file } = await renderToFile('availability-only', { ...monthlyContent, sections: ['availability', 'satisfaction'] });
    const text = textOf(file);
    expect(text).toContain('99.56 %');
    expect(text).toContain('Customer satisfaction');
    for (const absent of ['INC-4711', 'Response and resolution', 'Trend over the last periods', 'Complaints', 'Replace mail relay cluster']) expect(text).not.toContain(absent);
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
    const [first, second] = [await renderReportPdf(revision, { language: 'en', generatedAt }), await renderReportPdf(revision, { language: 'en', generatedAt })];
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
