import PDFDocument from 'pdfkit';
import { buffer } from 'node:stream/consumers';
import {
  breachesCsv,
  buildReportView,
  formatInstant,
  labelPair,
  LABELS,
  pageLabel,
  type RenderableRevision,
  type ReportLanguage,
  type ViewSection,
} from '@sla/reports-domain';
import { BOLD_FONT, REGULAR_FONT, drawBarChart, drawTable, ensureSpace } from './pdf-layout';

export type ReportPdfOptions = { language: ReportLanguage; generatedAt: string };

// Header and footer live inside these margins; the body flows between them.
const PAGE_MARGINS = { top: 64, bottom: 56, left: 40, right: 40 };
const HEADER_TOP = 22;
const FOOTER_FROM_BOTTOM = 36;
const HASH_PREFIX_LENGTH = 16;
const WATERMARK_COLOUR = '#c81e1e';
const WATERMARK_OPACITY = 0.12;

/**
 * One revision of a service report as an A4 PDF: the same view as the HTML
 * page (executive summary, charts and tables, labels and times in the
 * report's language and zone), with the agreement, period, version in force
 * and revision on every page and the content hash, generation time and page
 * number in every footer. A revision that is not published carries a DRAFT
 * mark across every page; the full breach list is attached as a CSV file.
 */
export async function renderReportPdf(revision: RenderableRevision, options: ReportPdfOptions): Promise<Buffer> {
  const label = LABELS[options.language];
  const view = buildReportView(revision, options.language);
  const content = revision.content;
  const generatedAt = new Date(options.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: PAGE_MARGINS,
    bufferPages: true,
    font: REGULAR_FONT,
    lang: options.language === 'zh' ? 'zh-CN' : 'en',
    displayTitle: true,
    // A fixed creation date also fixes the file ID pdfkit derives from it, so equal input gives equal bytes.
    info: { Title: view.title, Author: 'sla-compliance-engine', CreationDate: generatedAt },
  });
  const bytes = buffer(doc);

  const heading = (name: string, keepWith = 80) => {
    // Keep a heading with the first lines of its section.
    ensureSpace(doc, keepWith);
    doc.moveDown(0.5).font(BOLD_FONT).fontSize(13).fillColor('black').text(name);
    doc.moveDown(0.3).font(REGULAR_FONT).fontSize(9);
  };
  const note = (text: string) =>
    doc.font(REGULAR_FONT).fontSize(8.5).fillColor('#333333').text(text).fillColor('black').moveDown(0.4);

  doc.font(BOLD_FONT).fontSize(17).text(view.title);
  doc.moveDown(0.4).font(REGULAR_FONT).fontSize(10).text(view.meta);
  if (view.reason) doc.moveDown(0.3).text(labelPair(options.language, label.reason, view.reason));
  if (view.acknowledgement) {
    doc.moveDown(0.3).text(`${view.acknowledgement.statement} ${view.acknowledgement.by}`);
  }

  heading(view.summary.heading);
  for (const line of view.summary.lines)
    doc.font(REGULAR_FONT).fontSize(9.5).text(`•  ${line}`, { indent: 0 }).moveDown(0.15);
  doc.moveDown(0.4);
  if (view.summary.table.rows.length > 0) drawTable(doc, view.summary.table.columns, view.summary.table.rows);

  const drawSection = (section: ViewSection) => {
    // An empty section is its heading and one line: it need not open a page of its own.
    heading(section.heading, section.table || section.chart ? 80 : 40);
    for (const text of section.notes) note(text);
    if (section.chart) drawBarChart(doc, section.chart.bars, section.chart.scale);
    if (section.table) drawTable(doc, section.table.columns, section.table.rows);
    if (section.empty) doc.font(REGULAR_FONT).fontSize(9).text(section.empty).moveDown(0.5);
  };
  view.sections.forEach(drawSection);

  if (view.breachesCsv && content.breaches) {
    // The whole list, however long the table was cut; a reader's PDF viewer lists it under attachments.
    doc.file(Buffer.from(breachesCsv(content.breaches), 'utf8'), {
      name: view.breachesCsv.name,
      type: 'text/csv',
      description: `${label.breaches}: ${content.agreementId} ${content.period}`,
      creationDate: generatedAt,
      modifiedDate: generatedAt,
    });
  }

  writeRunningHeadAndFoot(doc, {
    header: view.runningHeader,
    footer: [
      labelPair(options.language, label.hash, `${revision.contentHash.slice(0, HASH_PREFIX_LENGTH)}…`),
      labelPair(
        options.language,
        label.generated,
        formatInstant(options.generatedAt, content.timeZone, options.language),
      ),
    ].join(' · '),
    watermark: view.watermark,
    pageLabel: (page, total) => pageLabel(options.language, page, total),
  });
  doc.end();
  return bytes;
}

type Running = {
  header: readonly string[];
  footer: string;
  watermark: string | null;
  pageLabel: (page: number, total: number) => string;
};

/** Written after the body, when the page count is known. */
function writeRunningHeadAndFoot(doc: PDFKit.PDFDocument, running: Running): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = 0; index < count; index += 1) {
    const page = doc.switchToPage(start + index);
    const left = page.margins.left;
    const width = page.width - page.margins.left - page.margins.right;
    // Text below the bottom margin would make pdfkit open a new page.
    const bottomMargin = page.margins.bottom;
    page.margins.bottom = 0;
    if (running.watermark) drawWatermark(doc, running.watermark);
    doc.font(REGULAR_FONT).fontSize(7.5).fillColor('#444444');
    doc.text(running.header[0], left, HEADER_TOP, { width, lineBreak: false, ellipsis: true });
    doc.text(running.header[1], left, HEADER_TOP + 11, { width, lineBreak: false, ellipsis: true });
    doc
      .moveTo(left, PAGE_MARGINS.top - 8)
      .lineTo(left + width, PAGE_MARGINS.top - 8)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();

    const footerTop = page.height - FOOTER_FROM_BOTTOM;
    const pageText = running.pageLabel(index + 1, count);
    const pageTextWidth = doc.widthOfString(pageText);
    doc.text(running.footer, left, footerTop, { width: width - pageTextWidth - 12, lineBreak: false });
    doc.text(pageText, left + width - pageTextWidth, footerTop, { lineBreak: false });
    page.margins.bottom = bottomMargin;
  }
}

/** Large, pale and diagonal across the page, so no printout of a draft passes for the published report. */
function drawWatermark(doc: PDFKit.PDFDocument, text: string): void {
  const { width, height } = doc.page;
  doc.save();
  doc.rotate(-35, { origin: [width / 2, height / 2] });
  doc.font(BOLD_FONT).fontSize(110).fillColor(WATERMARK_COLOUR).fillOpacity(WATERMARK_OPACITY);
  const textWidth = doc.widthOfString(text);
  doc.text(text, width / 2 - textWidth / 2, height / 2 - 70, { lineBreak: false });
  doc.restore();
  doc.fillOpacity(1);
}
