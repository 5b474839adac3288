import { canonicalJson } from '@sla/audit-domain';
import type { ReportContent } from './report-content';

/** One figure of a row that differs between two revisions. */
export type FieldChange = { readonly field: string; readonly before: unknown; readonly after: unknown };

/**
 * What changed between two revisions, row by row: a row of a list section is
 * found by what it is about (a breach by ticket and metric, a compliance row
 * by service, priority and metric…), never by its position, so one breach
 * less does not make every later row look changed. A value outside the
 * lists (the period's bounds, the sections) is a row of its own, keyed by
 * nothing.
 */
export type ContentChange =
  | {
      readonly section: string;
      readonly key: Readonly<Record<string, unknown>>;
      readonly change: 'added';
      readonly after: unknown;
    }
  | {
      readonly section: string;
      readonly key: Readonly<Record<string, unknown>>;
      readonly change: 'removed';
      readonly before: unknown;
    }
  | {
      readonly section: string;
      readonly key: Readonly<Record<string, unknown>>;
      readonly change: 'changed';
      readonly fields: readonly FieldChange[];
    };

type Row = Record<string, unknown>;

/** The fields that name a row of each list section of the report content. */
const ROW_KEYS: Readonly<Record<string, readonly string[]>> = {
  breaches: ['ticketId', 'metric'],
  responseResolution: ['serviceId', 'priority', 'metric'],
  availability: ['serviceId', 'version'],
  kpis: ['kpi'],
  trend: ['period'],
  improvementPlans: ['planId'],
  serviceCredits: ['version', 'condition'],
};

const isRow = (value: unknown): value is Row => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Leaves of a row as dotted paths (`followUp.status`); lists inside a row are compared whole. */
function leaves(value: unknown, path: string, into: Map<string, unknown>): Map<string, unknown> {
  if (isRow(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) leaves(child, path ? `${path}.${key}` : key, into);
  } else into.set(path, value);
  return into;
}

function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const [left, right] = [leaves(before, '', new Map()), leaves(after, '', new Map())];
  const fields = [...new Set([...left.keys(), ...right.keys()])].sort();
  return fields
    .filter((field) => canonicalJson(left.get(field) ?? null) !== canonicalJson(right.get(field) ?? null))
    .map((field) => ({ field, before: left.get(field) ?? null, after: right.get(field) ?? null }));
}

/**
 * Rows by their key. Two rows with the same key (a ticket breaching the same
 * metric twice, under two versions) are told apart by their order of
 * occurrence, which the key then carries.
 */
function keyed(rows: unknown, keyFields: readonly string[]): Map<string, { key: Row; row: unknown }> {
  const byKey = new Map<string, { key: Row; row: unknown }>();
  for (const row of Array.isArray(rows) ? rows : []) {
    const key: Row = Object.fromEntries(keyFields.map((field) => [field, isRow(row) ? (row[field] ?? null) : null]));
    let occurrence = 1;
    while (byKey.has(canonicalJson({ ...key, ...(occurrence > 1 ? { occurrence } : {}) }))) occurrence += 1;
    const fullKey = occurrence > 1 ? { ...key, occurrence } : key;
    byKey.set(canonicalJson(fullKey), { key: fullKey, row });
  }
  return byKey;
}

/** Rows added, removed and changed between two revisions' content, section by section in a stable order. */
export function diffReportContent(before: ReportContent, after: ReportContent): ContentChange[] {
  // Compared section by section as plain rows: the diff is about the stored values, whatever their section.
  const [left, right]: Row[] = [before, after];
  const changes: ContentChange[] = [];
  for (const section of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
    const keyFields = ROW_KEYS[section];
    if (!keyFields || !(Array.isArray(left[section]) || Array.isArray(right[section]))) {
      const [old, now] = [left[section] ?? null, right[section] ?? null];
      const same = canonicalJson(old) === canonicalJson(now);
      const fields = same
        ? []
        : isRow(old) && isRow(now)
          ? fieldChanges(old, now)
          : [{ field: section, before: old, after: now }];
      if (fields.length > 0) changes.push({ section, key: {}, change: 'changed', fields });
      continue;
    }
    const [was, is] = [keyed(left[section], keyFields), keyed(right[section], keyFields)];
    const keys = [...new Set([...was.keys(), ...is.keys()])].sort();
    for (const key of keys) {
      const [old, now] = [was.get(key), is.get(key)];
      if (old && !now) changes.push({ section, key: old.key, change: 'removed', before: old.row });
      else if (!old && now) changes.push({ section, key: now.key, change: 'added', after: now.row });
      else if (old && now) {
        const fields = fieldChanges(old.row, now.row);
        if (fields.length > 0) changes.push({ section, key: now.key, change: 'changed', fields });
      }
    }
  }
  return changes;
}
