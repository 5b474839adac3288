import type { EvidenceBundle } from '@sla/audit-domain';

const escape = (value: unknown) =>
  String(value ?? '—').replace(
    /[&<>"]/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character]!,
  );

function table(rows: Record<string, unknown>[], columns: string[]): string {
  if (rows.length === 0) return '<p>none</p>';
  return `<table><tr>${columns.map((column) => `<th>${escape(column)}</th>`).join('')}</tr>${rows.map((row) => `<tr>${columns.map((column) => `<td>${escape(typeof row[column] === 'object' ? JSON.stringify(row[column]) : row[column])}</td>`).join('')}</tr>`).join('')}</table>`;
}

/** A readable summary beside the JSON: the figures as reported and what the proofs cover. */
export function evidenceSummaryHtml(bundle: EvidenceBundle): string {
  const figures = bundle.figures as {
    kpis: Record<string, unknown>[];
    availability: { terms: Record<string, unknown>[] };
    responseResolution: Record<string, unknown>[];
    breaches: Record<string, unknown>[];
    agreementHistory: Record<string, unknown>[];
    reviews: Record<string, unknown>[];
    improvementPlans: Record<string, unknown>[];
    serviceReports: Record<string, unknown>[];
    asReportedAndAsCorrected: { changes: Record<string, unknown>[] } | null;
  };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Evidence: ${escape(bundle.agreementId)} ${escape(bundle.period.label)}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #999;padding:.2em .5em;font-size:.9em;text-align:left}</style></head><body>
<h1>Evidence bundle: agreement ${escape(bundle.agreementId)}, ${escape(bundle.period.label)} (${escape(bundle.period.timeZone)})</h1>
<p>Generated ${escape(bundle.generatedAt)}. ${bundle.events.length} stored events, each with an inclusion proof to the tree head of size ${bundle.treeHead.treeSize}
(root <code>${escape(bundle.treeHead.rootHash)}</code>, signed ${escape(bundle.treeHead.signedAt)} by key ${escape(bundle.treeHead.keyId)}).
Its manifest (agreement, period, every event, a hash of each figure section) is logged as event <code>${escape(bundle.manifestRecord.id)}</code> at leaf ${bundle.manifestRecord.leafIndex} under that head.
Check it offline: <code>npm run cli -- audit verify-bundle &lt;file&gt;.json --public-key &lt;key&gt;.pem</code>.</p>
<h2>Process KPIs</h2>${table(figures.kpis, ['kpi', 'value', 'numerator', 'denominator', 'goal', 'met'])}
<h2>Availability</h2>${table(figures.availability.terms, ['serviceId', 'version', 'from', 'to', 'availabilityPercent', 'targetPercentage', 'targetMet', 'downtime', 'failures'])}
<h2>Response and resolution</h2>${table(figures.responseResolution, ['serviceId', 'priority', 'metric', 'tickets', 'met', 'breached', 'open', 'percentWithinTarget'])}
<h2>Breaches</h2>${table(figures.breaches, ['ticketId', 'metric', 'priority', 'version', 'breachedAt', 'detectedAt', 'retractedAt', 'waiver'])}
<h2>Agreement history</h2>${table(figures.agreementHistory, ['revision', 'type', 'occurredAt', 'recordedAt', 'actor', 'changeRequest'])}
<h2>Reviews and decisions</h2>${table(figures.reviews, ['reviewId', 'kind', 'status', 'heldAt', 'decisions'])}
<h2>Improvement plans</h2>${table(figures.improvementPlans, ['planId', 'item', 'phase', 'owner', 'dueAt', 'percentComplete', 'effective', 'closedAt'])}
<h2>Service reports (as reported)</h2>${table(figures.serviceReports, ['reportId', 'revision', 'status', 'contentHash', 'reason', 'approvedBy', 'publishedAt'])}
<h2>As reported and as corrected</h2>${figures.asReportedAndAsCorrected ? table(figures.asReportedAndAsCorrected.changes, ['ticketId', 'metric', 'reported', 'corrected', 'causedBy']) : '<p>no report published for this period</p>'}
</body></html>`;
}
