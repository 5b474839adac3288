/**
 * The pure part of the Reports pages: where a report stands, which step comes next, and how a revision comparison's
 * rows read. No React and no API calls, so it can be unit-tested on its own.
 */

export type ReportStatus = 'draft' | 'reviewed' | 'approved' | 'published';
export type ReportStep = 'review' | 'approval' | 'publication';
export type Timeliness = 'on-time' | 'late' | 'overdue' | 'due';

/** The step the API accepts next for a revision in this status (its decider's order); none once published. */
export function nextStep(status: string): ReportStep | undefined {
  if (status === 'draft') return 'review';
  if (status === 'reviewed') return 'approval';
  if (status === 'approved') return 'publication';
  return undefined;
}

/** The status a revision reaches by a step. */
export function statusAfter(step: ReportStep): ReportStatus {
  return step === 'review' ? 'reviewed' : step === 'approval' ? 'approved' : 'published';
}

/**
 * On time or late as the API judged the first publication; before it, overdue once the deadline passed (the API says
 * which), otherwise still due.
 */
export function timelinessOf(report: { publishedAt: string | null; onTime: boolean | null; overdue: boolean }) {
  if (report.publishedAt !== null) return report.onTime === false ? 'late' : 'on-time';
  return report.overdue ? 'overdue' : 'due';
}

/** The two revisions a comparison is between, older first; none for a missing, equal or malformed choice. */
export function comparisonRange(
  shown: number,
  compare: string | null,
  latest: number,
): { from: number; to: number } | undefined {
  if (compare === null || !/^[1-9]\d*$/.test(compare)) return undefined;
  const other = Number(compare);
  if (other === shown || other > latest || shown > latest) return undefined;
  return { from: Math.min(shown, other), to: Math.max(shown, other) };
}

/** A positive revision number from the URL, or the fallback (the newest). */
export function revisionFrom(value: string | null, fallback: number): number {
  return value !== null && /^[1-9]\d*$/.test(value) ? Number(value) : fallback;
}

/** What a comparison row is about, as "ticketId T-1 · metric resolution"; empty for a value outside the lists. */
export function describeKey(key: Readonly<Record<string, unknown>>, locale: string): string {
  return Object.entries(key)
    .map(([field, value]) => `${field} ${formatValue(value, locale)}`)
    .join(' · ');
}

/**
 * A stored value as text: numbers in the user's locale with every place they have, ISO instants left exact (they are
 * evidence), lists and objects as compact JSON, nothing as an em dash.
 */
export function formatValue(value: unknown, locale: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The leaves of an added or removed row as dotted paths (followUp.status), as the API names changed fields. */
export function rowFields(row: unknown): { field: string; value: unknown }[] {
  const fields: { field: string; value: unknown }[] = [];
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    } else fields.push({ field: path, value });
  };
  walk(row, '');
  return fields;
}
