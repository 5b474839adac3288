import { dirname, join } from 'node:path';

/**
 * Noto Sans SC covers Latin and Chinese, so one font serves every language
 * and pdftotext recovers all text from its ToUnicode map. Resolved through
 * the package so it is found from `dist/` as well as from the sources.
 */
const notoSansSc = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
export const REGULAR_FONT = join(notoSansSc, '400Regular', 'NotoSansSC_400Regular.ttf');
export const BOLD_FONT = join(notoSansSc, '700Bold', 'NotoSansSC_700Bold.ttf');

const TABLE_FONT_SIZE = 8;
const CELL_PADDING = 3;
const BAR_COLOUR = '#3a6ea5';
const TRACK_COLOUR = '#e6e9ee';
const RULE_COLOUR = '#999999';
const HEADER_FILL = '#eef1f5';

export type Column = { header: string; weight: number; align?: 'left' | 'right' };
export type Bar = { label: string; value: number; max: number; text: string };

// pdfkit measures a '\n' as a full-width .notdef glyph of this font, so a line that nearly fills its cell
// would wrap once more before the break; the lines of a cell are therefore laid out one by one.
const linesOf = (cell: string) => cell.split('\n');

const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

const fitsOnPage = (doc: PDFKit.PDFDocument, height: number) =>
  doc.y + height <= doc.page.height - doc.page.margins.bottom;

/** Starts a new page when `height` does not fit above the bottom margin. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (!fitsOnPage(doc, height)) doc.addPage();
}

/**
 * A table that breaks across pages between rows and repeats its header row
 * on every page it continues on. Cells wrap; a row never splits.
 */
export function drawTable(doc: PDFKit.PDFDocument, columns: Column[], rows: string[][]): void {
  const left = doc.page.margins.left;
  const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => (column.weight / totalWeight) * contentWidth(doc));
  const header = columns.map((column) => column.header);

  const fontOf = (row: 'header' | 'body') => (row === 'header' ? BOLD_FONT : REGULAR_FONT);
  const heightOf = (cells: string[], row: 'header' | 'body') => {
    doc.font(fontOf(row)).fontSize(TABLE_FONT_SIZE);
    return (
      Math.max(
        ...cells.map((cell, index) =>
          linesOf(cell).reduce(
            (sum, line) => sum + doc.heightOfString(line, { width: widths[index] - 2 * CELL_PADDING }),
            0,
          ),
        ),
      ) +
      2 * CELL_PADDING
    );
  };
  const drawRow = (cells: string[], row: 'header' | 'body', height: number) => {
    const top = doc.y;
    if (row === 'header') doc.rect(left, top, contentWidth(doc), height).fill(HEADER_FILL);
    doc.font(fontOf(row)).fontSize(TABLE_FONT_SIZE).fillColor('black');
    let x = left;
    cells.forEach((cell, index) => {
      doc.y = top + CELL_PADDING;
      for (const line of linesOf(cell))
        doc.text(line, x + CELL_PADDING, doc.y, {
          width: widths[index] - 2 * CELL_PADDING,
          align: columns[index].align ?? 'left',
        });
      x += widths[index];
    });
    doc
      .moveTo(left, top + height)
      .lineTo(x, top + height)
      .lineWidth(0.5)
      .strokeColor(RULE_COLOUR)
      .stroke();
    doc.x = left;
    doc.y = top + height;
  };

  const headerHeight = heightOf(header, 'header');
  ensureSpace(doc, headerHeight + (rows.length > 0 ? heightOf(rows[0], 'body') : 0));
  drawRow(header, 'header', headerHeight);
  for (const row of rows) {
    const height = heightOf(row, 'body');
    if (!fitsOnPage(doc, height)) {
      doc.addPage();
      drawRow(header, 'header', headerHeight);
    }
    drawRow(row, 'body', height);
  }
  doc.moveDown(1);
}

/**
 * Horizontal bars drawn as vector rectangles over a light track that marks
 * the full scale; `scale` names the ends of that track when it does not
 * start at zero. The printed text is the caller's exact figure, never the
 * bar's length.
 */
export function drawBarChart(doc: PDFKit.PDFDocument, bars: Bar[], scale?: { from: string; to: string }): void {
  const left = doc.page.margins.left;
  const labelWidth = 150;
  const trackWidth = 250;
  const barHeight = 11;
  const pitch = 15;
  doc.font(REGULAR_FONT).fontSize(TABLE_FONT_SIZE).fillColor('black');
  for (const bar of bars) {
    ensureSpace(doc, pitch);
    const top = doc.y;
    const length = bar.max > 0 ? Math.max(0, Math.min(1, bar.value / bar.max)) * trackWidth : 0;
    doc.rect(left + labelWidth, top, trackWidth, barHeight).fill(TRACK_COLOUR);
    if (length > 0) doc.rect(left + labelWidth, top, length, barHeight).fill(BAR_COLOUR);
    doc.fillColor('black');
    doc.text(bar.label, left, top + 1, { width: labelWidth - 6, height: barHeight, ellipsis: true });
    doc.text(bar.text, left + labelWidth + trackWidth + 6, top + 1, { lineBreak: false });
    doc.x = left;
    doc.y = top + pitch;
  }
  if (scale) {
    ensureSpace(doc, pitch);
    const top = doc.y;
    doc.fillColor('#555555');
    doc.text(scale.from, left + labelWidth, top, { lineBreak: false });
    doc.text(scale.to, left + labelWidth + trackWidth - doc.widthOfString(scale.to), top, { lineBreak: false });
    doc.fillColor('black');
    doc.x = left;
    doc.y = top + pitch;
  }
  doc.moveDown(0.5);
}
