import { LABELS, type ReportLanguage } from './report-labels';

export type RenderableRevision = {
  reportId: string;
  revision: number;
  status: string;
  contentHash: string;
  content: Record<string, unknown>;
  reason: string | null;
  draftedBy: string;
  approvedBy: string | null;
  publishedAt: string | null;
};

const escape = (value: unknown) => String(value ?? '—').replace(/[&<>"]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character]!);

/** A horizontal bar chart as inline SVG: no script, prints as it shows. */
function barChart(bars: { label: string; value: number; max: number; text: string }[]): string {
  const height = 22 * bars.length + 4;
  return `<svg role="img" width="520" height="${height}" viewBox="0 0 520 ${height}" xmlns="http://www.w3.org/2000/svg">${bars
    .map((bar, index) => {
      const width = bar.max > 0 ? Math.max(0, Math.min(1, bar.value / bar.max)) * 300 : 0;
      const y = 2 + index * 22;
      return `<text x="0" y="${y + 14}" font-size="12">${escape(bar.label)}</text><rect x="150" y="${y}" width="${width.toFixed(1)}" height="16" fill="#3a6ea5"/><text x="${(156 + width).toFixed(1)}" y="${y + 13}" font-size="11">${escape(bar.text)}</text>`;
    })
    .join('')}</svg>`;
}

function table(headers: string[], rows: unknown[][]): string {
  return `<table><tr>${headers.map((header) => `<th>${escape(header)}</th>`).join('')}</tr>${rows.map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`).join('')}</table>`;
}

/**
 * One revision of a service report as a printable HTML page: the agreement,
 * period, version in force and generation metadata on top, then
 * availability, response/resolution compliance and breaches with charts, and
 * the process KPIs. Labels in English or Chinese.
 */
export function renderReportHtml(revision: RenderableRevision, language: ReportLanguage = 'en'): string {
  const label = LABELS[language];
  const content = revision.content as {
    agreementId?: string;
    period?: string;
    timeZone?: string;
    availability?: { serviceId: string; version: number; availabilityPercent: string | null; targetPercentage: number | null; targetMet: boolean | null }[];
    responseResolution?: { serviceId: string; priority: string; metric: string; met: number; breached: number; open: number; percentWithinTarget: string | null }[];
    breaches?: { ticketId: string; metric: string; priority: string | null; version: number; breachedAt: string; retractedAt: string | null }[];
    kpis?: { kpi: string; value: string | null; goal: string; met: boolean | null }[];
  };
  const availability = content.availability ?? [];
  const compliance = content.responseResolution ?? [];
  const breaches = content.breaches ?? [];
  const versions = [...new Set(availability.map((term) => term.version).concat(breaches.map((breach) => breach.version)))].join(', ') || label.none;
  const metric = (name: string) => (name === 'response' ? label.response : name === 'resolution' ? label.resolution : name);
  const yesNo = (value: boolean | null) => (value === null ? '—' : value ? label.yes : label.no);
  const byPriority = ['P1', 'P2', 'P3', 'P4'].map((priority) => ({ priority, count: breaches.filter((breach) => breach.priority === priority && !breach.retractedAt).length }));
  const header = `${escape(label.agreement)}: ${escape(content.agreementId)} · ${escape(label.period)}: ${escape(content.period)} (${escape(content.timeZone)}) · ${escape(label.version)}: ${escape(versions)} · ${escape(label.revision)} ${revision.revision} · ${escape(label.hash)}: ${escape(revision.contentHash)}`;
  return `<!doctype html><html lang="${language === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escape(label.title)} ${escape(content.agreementId)} ${escape(content.period)}</title>
<style>body{font-family:"Noto Sans CJK SC","Noto Sans",sans-serif;margin:2em;max-width:60em}header{font-size:.8em;color:#444;border-bottom:1px solid #999;padding-bottom:.5em}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #999;padding:.2em .5em;font-size:.9em;text-align:left}@media print{header{position:running(header)}}</style></head><body>
<header>${header}</header>
<h1>${escape(label.title)}: ${escape(content.agreementId)} — ${escape(content.period)}</h1>
<p>${escape(label.status)}: ${escape(revision.status)} · ${escape(label.draftedBy)}: ${escape(revision.draftedBy)} · ${escape(label.approvedBy)}: ${escape(revision.approvedBy)} · ${escape(label.publishedAt)}: ${escape(revision.publishedAt)}</p>
${revision.reason ? `<p><strong>${escape(label.reason)}:</strong> ${escape(revision.reason)}</p>` : ''}
<h2>${escape(label.availability)}</h2>
${barChart(availability.map((term) => ({ label: `${term.serviceId} v${term.version}`, value: Number(term.availabilityPercent ?? 0) - 95, max: 5, text: `${term.availabilityPercent ?? '—'} % (${label.target} ${term.targetPercentage ?? '—'} %)` })))}
${table([label.service, label.version, label.actual, label.target, label.met], availability.map((term) => [term.serviceId, term.version, `${term.availabilityPercent ?? '—'} %`, `${term.targetPercentage ?? '—'} %`, yesNo(term.targetMet)]))}
<h2>${escape(label.compliance)}</h2>
${barChart(compliance.map((row) => ({ label: `${row.serviceId} ${row.priority} ${metric(row.metric)}`, value: Number(row.percentWithinTarget ?? 0), max: 100, text: `${row.percentWithinTarget ?? '—'} %` })))}
${table([label.service, label.priority, label.metric, label.met, label.breached, label.open, label.within], compliance.map((row) => [row.serviceId, row.priority, metric(row.metric), row.met, row.breached, row.open, row.percentWithinTarget === null ? '—' : `${row.percentWithinTarget} %`]))}
<h2>${escape(label.breaches)}</h2>
${barChart(byPriority.map((entry) => ({ label: entry.priority, value: entry.count, max: Math.max(1, ...byPriority.map((other) => other.count)), text: String(entry.count) })))}
${breaches.length === 0 ? `<p>${escape(label.none)}</p>` : table(['Ticket', label.metric, label.priority, label.version, 'breachedAt', 'retractedAt'], breaches.map((breach) => [breach.ticketId, metric(breach.metric), breach.priority, breach.version, breach.breachedAt, breach.retractedAt]))}
<h2>${escape(label.kpis)}</h2>
${table(['KPI', label.actual, label.goal, label.met], (content.kpis ?? []).map((kpi) => [kpi.kpi, kpi.value, kpi.goal, yesNo(kpi.met)]))}
</body></html>`;
}
