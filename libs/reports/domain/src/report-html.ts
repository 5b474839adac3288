import { breachesPerPriority, KPI_SECTIONS, versionsInForce, type ReportContent, type ReportSection } from './report-content';
import { KPI_LABELS, LABELS, type ReportLanguage } from './report-labels';

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
 * period, version in force and generation metadata on top, then the
 * sections its definition asks for (all when it names none), with charts.
 * Labels in English or Chinese.
 */
export function renderReportHtml(revision: RenderableRevision, language: ReportLanguage = 'en'): string {
  const label = LABELS[language];
  const content = revision.content as ReportContent;
  const wanted = (section: ReportSection) => !content.sections || content.sections.includes(section);
  const availability = content.availability ?? [];
  const compliance = content.responseResolution ?? [];
  const breaches = content.breaches ?? [];
  const versions = versionsInForce(content).join(', ') || label.none;
  const noVersion = content.noVersionInForce;
  const acknowledgedBy = noVersion ? escape(`${noVersion.acknowledgedBy}: ${noVersion.reason}`) : null;
  const acknowledgement = noVersion && `<p><strong>${escape(label.noVersionInForce)}</strong> ${acknowledgedBy}</p>`;
  const metric = (name: string) => (name === 'response' ? label.response : name === 'resolution' ? label.resolution : name);
  const yesNo = (value: boolean | null) => (value === null ? '—' : value ? label.yes : label.no);
  const byPriority = breachesPerPriority(content);
  const kpiName = (kpi: string) => (KPI_LABELS[kpi] ? label[KPI_LABELS[kpi]] : kpi);
  const kpis = (content.kpis ?? []).filter((kpi) => wanted(KPI_SECTIONS[kpi.kpi] ?? 'kpis'));
  const header = `${escape(label.agreement)}: ${escape(content.agreementId)} · ${escape(label.period)}: ${escape(content.period)} (${escape(content.timeZone)}) · ${escape(label.version)}: ${escape(versions)} · ${escape(label.revision)} ${revision.revision} · ${escape(label.hash)}: ${escape(revision.contentHash)}`;
  const sections: string[] = [];
  if (wanted('availability') && content.availability) {
    sections.push(`<h2>${escape(label.availability)}</h2>
${barChart(availability.map((term) => ({ label: `${term.serviceId} v${term.version}`, value: Number(term.availabilityPercent ?? 0) - 95, max: 5, text: `${term.availabilityPercent ?? '—'} % (${label.target} ${term.targetPercentage ?? '—'} %)` })))}
${table([label.service, label.version, label.actual, label.target, label.met], availability.map((term) => [term.serviceId, term.version, `${term.availabilityPercent ?? '—'} %`, `${term.targetPercentage ?? '—'} %`, yesNo(term.targetMet)]))}`);
  }
  if (wanted('targets') && content.responseResolution) {
    sections.push(`<h2>${escape(label.compliance)}</h2>
${barChart(compliance.map((row) => ({ label: `${row.serviceId} ${row.priority} ${metric(row.metric)}`, value: Number(row.percentWithinTarget ?? 0), max: 100, text: `${row.percentWithinTarget ?? '—'} %` })))}
${table([label.service, label.priority, label.metric, label.met, label.breached, label.open, label.within], compliance.map((row) => [row.serviceId, row.priority, metric(row.metric), row.met, row.breached, row.open, row.percentWithinTarget === null ? '—' : `${row.percentWithinTarget} %`]))}`);
  }
  if (wanted('breaches') && content.breaches) {
    sections.push(`<h2>${escape(label.breaches)}</h2>
${barChart(byPriority.map((entry) => ({ label: entry.priority, value: entry.count, max: Math.max(1, ...byPriority.map((other) => other.count)), text: String(entry.count) })))}
${
  breaches.length === 0
    ? `<p>${escape(label.none)}</p>`
    : table(
        [label.ticket, label.metric, label.priority, label.version, label.breachedAt, label.retracted, label.followUp, label.notified, label.rootCause, label.remediated],
        breaches.map((breach) => [breach.ticketId, metric(breach.metric), breach.priority, breach.version, breach.breachedAt, breach.retractedAt, breach.followUp?.status, breach.followUp?.notifiedAt, breach.followUp?.rootCause, breach.followUp?.remediatedAt]),
      )
}`);
  }
  if (wanted('trend') && content.trend) {
    const trend = content.trend;
    sections.push(`<h2>${escape(label.trend)}</h2>
${barChart(trend.flatMap((point) => point.availability.map((entry) => ({ label: `${point.period} ${entry.serviceId}`, value: Number(entry.availabilityPercent ?? 0) - 95, max: 5, text: `${entry.availabilityPercent ?? '—'} %` }))))}
${table([label.period, label.availability, label.responseWithinTarget, label.resolutionWithinTarget, label.breachCount], trend.map((point) => [point.period, point.availability.map((entry) => `${entry.serviceId}: ${entry.availabilityPercent ?? '—'} %`).join(', ') || '—', point.responseWithinTarget === null ? '—' : `${point.responseWithinTarget} %`, point.resolutionWithinTarget === null ? '—' : `${point.resolutionWithinTarget} %`, point.breaches]))}`);
  }
  if (kpis.length > 0) sections.push(`<h2>${escape(label.kpis)}</h2>\n${table([label.kpi, label.actual, label.goal, label.met], kpis.map((kpi) => [kpiName(kpi.kpi), kpi.value, kpi.goal, yesNo(kpi.met)]))}`);
  if (wanted('improvement-plans') && content.improvementPlans) {
    sections.push(`<h2>${escape(label.improvementPlans)}</h2>\n${content.improvementPlans.length === 0 ? `<p>${escape(label.none)}</p>` : table([label.item, label.phase, label.progress, label.due, label.owner], content.improvementPlans.map((plan) => [plan.item, plan.phase, `${plan.percentComplete} %`, plan.dueAt, plan.owner]))}`);
  }
  return `<!doctype html><html lang="${language === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escape(label.title)} ${escape(content.agreementId)} ${escape(content.period)}</title>
<style>body{font-family:"Noto Sans CJK SC","Noto Sans",sans-serif;margin:2em;max-width:60em}header{font-size:.8em;color:#444;border-bottom:1px solid #999;padding-bottom:.5em}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #999;padding:.2em .5em;font-size:.9em;text-align:left}</style></head><body>
<header>${header}</header>
<h1>${escape(label.title)}: ${escape(content.agreementId)} — ${escape(content.period)}</h1>
<p>${escape(label.status)}: ${escape(revision.status)} · ${escape(label.draftedBy)}: ${escape(revision.draftedBy)} · ${escape(label.approvedBy)}: ${escape(revision.approvedBy)} · ${escape(label.publishedAt)}: ${escape(revision.publishedAt)}</p>
${revision.reason ? `<p><strong>${escape(label.reason)}:</strong> ${escape(revision.reason)}</p>` : ''}
${acknowledgement ?? ''}
${sections.join('\n')}
</body></html>`;
}
