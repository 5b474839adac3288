import { stringify } from 'csv-stringify/sync';
import type { BreachLine } from './report-content';

export const BREACHES_CSV_NAME = 'breaches.csv';
export const breachesCsvPath = (reportId: string, revision: number) =>
  `/reports/${reportId}/revisions/${revision}/breaches.csv`;

const PRIORITY_RANK: Readonly<Record<string, number>> = { P1: 1, P2: 2, P3: 3, P4: 4 };
const rank = (priority: string | null) =>
  priority !== null && Object.hasOwn(PRIORITY_RANK, priority) ? PRIORITY_RANK[priority] : 9;

/**
 * Breaches most severe first: standing before retracted, then by priority
 * (P1 first), then the earliest breach (the longest outstanding) first, then
 * by ticket and metric so equal breaches keep one order. The PDF's table
 * shows the head of this list; the CSV holds all of it in the same order.
 */
export function breachesByCsvOrder(breaches: readonly BreachLine[]): BreachLine[] {
  return [...breaches].sort(
    (a, b) =>
      Number(Boolean(a.retractedAt)) - Number(Boolean(b.retractedAt)) ||
      rank(a.priority) - rank(b.priority) ||
      Date.parse(a.breachedAt) - Date.parse(b.breachedAt) ||
      a.ticketId.localeCompare(b.ticketId) ||
      a.metric.localeCompare(b.metric) ||
      a.eventId.localeCompare(b.eventId),
  );
}

const CSV_COLUMNS = [
  'ticket_id',
  'metric',
  'priority',
  'agreement_version',
  'breached_at',
  'retracted_at',
  'follow_up_status',
  'notification_due_at',
  'customer_notified_at',
  'root_cause',
  'remediated_at',
  'service_credit',
  'breach_event_id',
] as const;

/**
 * Every breach of a revision as CSV (RFC 4180, UTF-8 with a byte-order mark
 * so spreadsheet programs read Chinese text): instants exact, in UTC ISO
 * form, for machines; cells that a spreadsheet would run as a formula are
 * escaped, as root causes are free text.
 */
export function breachesCsv(breaches: readonly BreachLine[]): string {
  const rows = breachesByCsvOrder(breaches).map((breach) => [
    breach.ticketId,
    breach.metric,
    breach.priority ?? '',
    breach.version,
    breach.breachedAt,
    breach.retractedAt ?? '',
    breach.followUp?.status ?? '',
    breach.followUp?.notificationDueAt ?? '',
    breach.followUp?.notifiedAt ?? '',
    breach.followUp?.rootCause ?? '',
    breach.followUp?.remediatedAt ?? '',
    breach.followUp?.credit?.credit ?? '',
    breach.eventId,
  ]);
  return stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    bom: true,
    escape_formulas: true,
    record_delimiter: 'windows',
  });
}
