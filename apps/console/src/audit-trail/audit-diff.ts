/**
 * What differs between a period's figures as reported and as known now, cell by cell: the page highlights those
 * cells. Rows are matched by key (service, priority, metric; or service, version and term start); a row only one side
 * has is wholly different.
 */
export type FigureDiff<Row> = {
  /** Every row of the side shown, with the other side's row (null when it has none) and the fields that differ. */
  readonly rows: readonly { key: string; shown: Row; other: Row | null; changed: ReadonlySet<keyof Row> }[];
  /** Rows only the other side has (figures that disappeared, or appeared, between the two). */
  readonly onlyOther: readonly Row[];
  readonly changedCells: number;
};

export function diffFigures<Row extends object>(
  shown: readonly Row[],
  other: readonly Row[],
  keyOf: (row: Row) => string,
  fields: readonly (keyof Row)[],
): FigureDiff<Row> {
  const others = new Map(other.map((row) => [keyOf(row), row]));
  const shownKeys = new Set<string>();
  let changedCells = 0;
  const rows = shown.map((row) => {
    const key = keyOf(row);
    shownKeys.add(key);
    const match = others.get(key) ?? null;
    const changed = new Set(fields.filter((field) => !match || !sameValue(row[field], match[field])));
    changedCells += changed.size;
    return { key, shown: row, other: match, changed };
  });
  const onlyOther = other.filter((row) => !shownKeys.has(keyOf(row)));
  return { rows, onlyOther, changedCells: changedCells + onlyOther.length * fields.length };
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export const figureKey = (row: { serviceId: string; priority: string; metric: string }) =>
  `${row.serviceId}/${row.priority}/${row.metric}`;

export const termKey = (term: { serviceId: string; version: number; from: string }) =>
  `${term.serviceId}/v${term.version}/${term.from}`;

/** The two views of a period the page switches between; anything else in the URL reads as "as reported". */
export type PeriodView = 'reported' | 'now';
export const periodViewOf = (value: string | null): PeriodView => (value === 'now' ? 'now' : 'reported');

/** An instant as the URL carries it (ISO 8601 with a zone or Z), or null when it is not one. */
export function instantOf(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
