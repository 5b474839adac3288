import PDFDocument from 'pdfkit';
import { buffer } from 'node:stream/consumers';
import { KPI_LABELS, KPI_SECTIONS, LABELS, breachesPerPriority, pageLabel, versionsInForce, type RenderableRevision, type ReportContent, type ReportLanguage, type ReportSection } from '@sla/reports-domain';
import { BOLD_FONT, REGULAR_FONT, drawBarChart, drawTable, ensureSpace, type Bar } from './pdf-layout';

export type ReportPdfOptions = { language: ReportLanguage; generatedAt: string };

/** Labels the PDF needs that the shared report labels do not (yet) carry. */

// Header and footer live inside these margins; the body flows between them.
const PAGE_MARGINS = { top: 64, bottom: 56, left: 40, right: 40 };
const HEADER_TOP = 24;
const FOOTER_FROM_BOTTOM = 36;
const HASH_PREFIX_LENGTH = 16;

// Availability bars show the top of the range, where targets sit; a full scale would make 99.5 % and 99.9 % look alike.
const AVAILABILITY_SCALE_FLOOR = 95;

const percent = (value: string | number | null) => (value === null ? '—' : `${value} %`);
const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '—' : String(value));

/**
 * One revision of a service report as an A4 PDF: the same figures, charts
 * and tables as the HTML rendering, with the agreement, period, version in
 * force and revision on every page and the content hash, generation time and
 * page number in every footer.
 */
export async function renderReportPdf(revision: RenderableRevision, options: ReportPdfOptions): Promise<Buffer> {
  const label = LABELS[options.language];
  const content = revision.content as ReportContent;
  const title = `${label.title}: ${content.agreementId} — ${content.period}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: PAGE_MARGINS,
    bufferPages: true,
    font: REGULAR_FONT,
    lang: options.language === 'zh' ? 'zh-CN' : 'en',
    displayTitle: true,
    // A fixed creation date also fixes the file ID pdfkit derives from it, so equal input gives equal bytes.
    info: { Title: title, Author: 'sla-compliance-engine', CreationDate: new Date(options.generatedAt) },
  });
  const bytes = buffer(doc);

  const wanted = (section: ReportSection) => !content.sections || content.sections.includes(section);
  const metricName = (metric: string) => (metric === 'response' ? label.response : metric === 'resolution' ? label.resolution : metric);
  const yesNo = (value: boolean | null) => (value === null ? '—' : value ? label.yes : label.no);
  const availabilityBar = (name: string, availabilityPercent: string | null, caption: string): Bar => ({
    label: name,
    value: Number(availabilityPercent ?? 0) - AVAILABILITY_SCALE_FLOOR,
    max: 100 - AVAILABILITY_SCALE_FLOOR,
    text: caption,
  });
  const availabilityScale = { from: percent(AVAILABILITY_SCALE_FLOOR), to: percent(100) };

  const heading = (name: string) => {
    // Keep a heading with the first lines of its section.
    ensureSpace(doc, 80);
    doc.moveDown(0.5).font(BOLD_FONT).fontSize(13).fillColor('black').text(name);
    doc.moveDown(0.3).font(REGULAR_FONT).fontSize(9);
  };
  const none = () => doc.font(REGULAR_FONT).fontSize(9).text(label.none).moveDown(0.5);

  doc.font(BOLD_FONT).fontSize(18).text(title);
  doc.moveDown(0.4).font(REGULAR_FONT).fontSize(10);
  doc.text(`${label.status}: ${revision.status} · ${label.draftedBy}: ${revision.draftedBy} · ${label.approvedBy}: ${text(revision.approvedBy)} · ${label.publishedAt}: ${text(revision.publishedAt)}`);
  if (revision.reason) doc.moveDown(0.3).text(`${label.reason}: ${revision.reason}`);
  const noVersion = content.noVersionInForce;
  if (noVersion) doc.moveDown(0.3).text(`${label.noVersionInForce} ${noVersion.acknowledgedBy}: ${noVersion.reason}`);

  if (content.availability && wanted('availability')) {
    heading(label.availability);
    drawBarChart(
      doc,
      content.availability.map((line) => availabilityBar(`${line.serviceId} v${line.version}`, line.availabilityPercent, `${percent(line.availabilityPercent)} (${label.target} ${percent(line.targetPercentage)})`)),
      availabilityScale,
    );
    drawTable(
      doc,
      [{ header: label.service, weight: 3 }, { header: label.version, weight: 1.2, align: 'right' }, { header: label.actual, weight: 1.5, align: 'right' }, { header: label.target, weight: 1.5, align: 'right' }, { header: label.met, weight: 1 }],
      content.availability.map((line) => [line.serviceId, String(line.version), percent(line.availabilityPercent), percent(line.targetPercentage), yesNo(line.targetMet)]),
    );
  }

  // 'targets' is the report definition's name for performance against the response and resolution targets.
  if (content.responseResolution && wanted('targets')) {
    heading(label.compliance);
    drawBarChart(
      doc,
      content.responseResolution.map((line) => ({ label: `${line.serviceId} ${line.priority} ${metricName(line.metric)}`, value: Number(line.percentWithinTarget ?? 0), max: 100, text: percent(line.percentWithinTarget) })),
    );
    drawTable(
      doc,
      [
        { header: label.service, weight: 3 },
        { header: label.priority, weight: 1 },
        { header: label.metric, weight: 1.3 },
        { header: label.met, weight: 1, align: 'right' },
        { header: label.breached, weight: 1, align: 'right' },
        { header: label.open, weight: 1, align: 'right' },
        { header: label.within, weight: 1.4, align: 'right' },
      ],
      content.responseResolution.map((line) => [line.serviceId, line.priority, metricName(line.metric), String(line.met), String(line.breached), String(line.open), percent(line.percentWithinTarget)]),
    );
  }

  if (content.breaches && wanted('breaches')) {
    heading(label.breaches);
    const perPriority = breachesPerPriority(content);
    const highest = Math.max(1, ...perPriority.map((entry) => entry.count));
    drawBarChart(
      doc,
      perPriority.map((entry) => ({ label: entry.priority, value: entry.count, max: highest, text: String(entry.count) })),
    );
    if (content.breaches.length === 0) none();
    else
      drawTable(
        doc,
        // Weights in points: the two timestamp columns fit an ISO instant on one line.
        [
          { header: label.ticket, weight: 48 },
          { header: label.metric, weight: 46 },
          { header: label.priority, weight: 38 },
          { header: label.version, weight: 40, align: 'right' },
          { header: label.breachedAt, weight: 106 },
          { header: label.followUp, weight: 46 },
          { header: label.notified, weight: 106 },
          { header: label.rootCause, weight: 85 },
        ],
        content.breaches.map((breach) => [
          breach.ticketId,
          metricName(breach.metric),
          text(breach.priority),
          String(breach.version),
          breach.retractedAt ? `${breach.breachedAt}\n${label.retracted}:\n${breach.retractedAt}` : breach.breachedAt,
          text(breach.followUp?.status),
          text(breach.followUp?.notifiedAt),
          text(breach.followUp?.rootCause),
        ]),
      );
  }

  if (content.trend && wanted('trend')) {
    heading(label.trend);
    drawBarChart(
      doc,
      content.trend.flatMap((point) => point.availability.map((line) => availabilityBar(`${point.period} ${line.serviceId}`, line.availabilityPercent, percent(line.availabilityPercent)))),
      availabilityScale,
    );
    drawTable(
      doc,
      [
        { header: label.period, weight: 1.2 },
        { header: label.availability, weight: 3 },
        { header: label.responseWithinTarget, weight: 1.5, align: 'right' },
        { header: label.resolutionWithinTarget, weight: 1.5, align: 'right' },
        { header: label.breachCount, weight: 1, align: 'right' },
      ],
      content.trend.map((point) => [
        point.period,
        point.availability.map((line) => `${line.serviceId}: ${percent(line.availabilityPercent)}`).join('\n') || '—',
        percent(point.responseWithinTarget),
        percent(point.resolutionWithinTarget),
        String(point.breaches),
      ]),
    );
  }

  const kpiSectionOf = (kpi: string) => KPI_SECTIONS[kpi] ?? 'kpis';
  if (content.kpis && (['kpis', ...Object.values(KPI_SECTIONS)] as ReportSection[]).some(wanted)) {
    const kpis = content.kpis.filter((kpi) => wanted(kpiSectionOf(kpi.kpi)));
    heading(label.kpis);
    if (kpis.length === 0) none();
    else
      drawTable(
        doc,
        [{ header: label.kpi, weight: 3 }, { header: label.actual, weight: 1.3, align: 'right' }, { header: label.goal, weight: 1.3, align: 'right' }, { header: label.met, weight: 1 }],
        kpis.map((kpi) => [KPI_LABELS[kpi.kpi] ? label[KPI_LABELS[kpi.kpi]] : kpi.kpi, text(kpi.value), kpi.goal, yesNo(kpi.met)]),
      );
  }

  if (content.improvementPlans && wanted('improvement-plans')) {
    heading(label.improvementPlans);
    if (content.improvementPlans.length === 0) none();
    else
      drawTable(
        doc,
        [{ header: label.item, weight: 4 }, { header: label.phase, weight: 1.3 }, { header: label.progress, weight: 1, align: 'right' }, { header: label.due, weight: 1.5 }, { header: label.owner, weight: 1.3 }],
        content.improvementPlans.map((plan) => [plan.item, plan.phase, percent(plan.percentComplete), text(plan.dueAt), text(plan.owner)]),
      );
  }

  const versions = versionsInForce(content).join(', ') || label.none;
  writeRunningHeadAndFoot(doc, {
    header: `${label.agreement}: ${content.agreementId} · ${label.period}: ${content.period} (${content.timeZone}) · ${label.version}: ${versions} · ${label.revision} ${revision.revision} · ${label.status}: ${revision.status}`,
    footer: `${label.hash}: ${revision.contentHash.slice(0, HASH_PREFIX_LENGTH)}… · ${label.generated}: ${options.generatedAt}`,
    pageLabel: (page, total) => pageLabel(options.language, page, total),
  });
  doc.end();
  return bytes;
}

/** Written after the body, when the page count is known. */
function writeRunningHeadAndFoot(doc: PDFKit.PDFDocument, running: { header: string; footer: string; pageLabel: (page: number, total: number) => string }): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = 0; index < count; index += 1) {
    const page = doc.switchToPage(start + index);
    const left = page.margins.left;
    const width = page.width - page.margins.left - page.margins.right;
    doc.font(REGULAR_FONT).fontSize(7.5).fillColor('#444444');
    doc.text(running.header, left, HEADER_TOP, { width });
    doc
      .moveTo(left, PAGE_MARGINS.top - 8)
      .lineTo(left + width, PAGE_MARGINS.top - 8)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();

    // Text below the bottom margin would make pdfkit open a new page.
    const bottomMargin = page.margins.bottom;
    page.margins.bottom = 0;
    const footerTop = page.height - FOOTER_FROM_BOTTOM;
    const pageText = running.pageLabel(index + 1, count);
    const pageTextWidth = doc.widthOfString(pageText);
    doc.text(running.footer, left, footerTop, { width: width - pageTextWidth - 12, lineBreak: false });
    doc.text(pageText, left + width - pageTextWidth, footerTop, { lineBreak: false });
    page.margins.bottom = bottomMargin;
  }
}
