import { labelPair, LABELS, type ReportLanguage } from './report-labels';
import { buildReportView, type RenderableRevision, type ViewChart, type ViewTable } from './report-view';

export type { RenderableRevision } from './report-view';

const escape = (value: unknown) =>
  String(value ?? '—').replace(
    /[&<>"]/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character]!,
  );
const link = (text: string, download: { name: string } | undefined) =>
  download
    ? text.replace(escape(download.name), `<a href="${escape(download.name)}">${escape(download.name)}</a>`)
    : text;
const cell = (value: string) => escape(value).replace(/\n/g, '<br>');

/** A horizontal bar chart as inline SVG: no script, prints as it shows. */
function barChart({ bars }: ViewChart): string {
  const height = 22 * bars.length + 4;
  const drawn = bars.map((bar, index) => {
    const width = bar.max > 0 ? Math.max(0, Math.min(1, bar.value / bar.max)) * 300 : 0;
    const y = 2 + index * 22;
    return (
      `<text x="0" y="${y + 14}" font-size="12">${escape(bar.label)}</text>` +
      `<rect x="170" y="${y}" width="300" height="16" fill="#e6e9ee"/>` +
      `<rect x="170" y="${y}" width="${width.toFixed(1)}" height="16" fill="#3a6ea5"/>` +
      `<text x="${(176 + width).toFixed(1)}" y="${y + 13}" font-size="11">${escape(bar.text)}</text>`
    );
  });
  return `<svg role="img" width="640" height="${height}" viewBox="0 0 640 ${height}" xmlns="http://www.w3.org/2000/svg">${drawn.join('')}</svg>`;
}

function table({ columns, rows }: ViewTable): string {
  const align = (index: number) => (columns[index].align === 'right' ? ' class="number"' : '');
  const head = columns.map((column, index) => `<th${align(index)}>${escape(column.header)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((value, index) => `<td${align(index)}>${cell(value)}</td>`).join('')}</tr>`)
    .join('');
  return `<table><tr>${head}</tr>${body}</table>`;
}

const STYLE = [
  'body{font-family:"Noto Sans CJK SC","Noto Sans SC","Noto Sans",sans-serif;margin:2em;max-width:64em}',
  'header{font-size:.8em;color:#444;border-bottom:1px solid #999;padding-bottom:.5em}',
  'table{border-collapse:collapse;margin:.5em 0 1.5em}',
  'td,th{border:1px solid #999;padding:.2em .5em;font-size:.9em;text-align:left;vertical-align:top}',
  'th{background:#eef1f5}.number{text-align:right}.summary li{margin:.2em 0}.note{font-size:.85em;color:#444}',
  // Fixed to the viewport, so a printed draft carries the mark on every page.
  '.watermark{position:fixed;top:40%;left:0;right:0;text-align:center;font-size:9em;font-weight:bold;color:rgba(200,30,30,.15);',
  'transform:rotate(-30deg);pointer-events:none;z-index:10}',
].join('');

/**
 * One revision of a service report as a printable HTML page: the same view
 * as the PDF (executive summary, then the sections its definition asks for,
 * with charts); a revision not yet published carries a DRAFT mark.
 */
export function renderReportHtml(revision: RenderableRevision, language: ReportLanguage = 'en'): string {
  const label = LABELS[language];
  const view = buildReportView(revision, language, { medium: 'html' });
  const sections = view.sections.map((section) =>
    [
      `<h2>${escape(section.heading)}</h2>`,
      // The file's name in a note becomes its link; relative, as the page is served at …/revisions/{n}/html.
      ...section.notes.map((note) => `<p class="note">${link(escape(note), section.download)}</p>`),
      section.chart ? barChart(section.chart) : '',
      section.table ? table(section.table) : '',
      section.empty ? `<p>${escape(section.empty)}</p>` : '',
    ].join('\n'),
  );
  return `<!doctype html><html lang="${language === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escape(view.title)}</title>
<style>${STYLE}</style></head><body>
${view.watermark ? `<div class="watermark" aria-hidden="true">${escape(view.watermark)}</div>` : ''}
<header>${escape(view.runningHeader.join(' · '))} · ${escape(labelPair(language, label.hash, revision.contentHash))}</header>
<h1>${escape(view.title)}</h1>
<p>${escape(view.meta)}</p>
${view.reason ? `<p><strong>${escape(labelPair(language, label.reason, ''))}</strong>${escape(view.reason)}</p>` : ''}
${view.acknowledgement ? `<p><strong>${escape(view.acknowledgement.statement)}</strong> ${escape(view.acknowledgement.by)}</p>` : ''}
<h2>${escape(view.summary.heading)}</h2>
<ul class="summary">${view.summary.lines.map((line) => `<li>${escape(line)}</li>`).join('')}</ul>
${view.summary.table.rows.length > 0 ? table(view.summary.table) : ''}
${sections.join('\n')}
</body></html>`;
}
