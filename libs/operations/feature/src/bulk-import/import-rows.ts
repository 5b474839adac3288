import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { z } from 'zod';
import type { FactDelivery, FactKind } from '../intake/fact-intake';

/**
 * Rows of an import file, read as a stream: one row in memory at a time
 * (plus the parser's buffer), whatever the file size.
 *
 * Every row is one fact delivery. NDJSON rows are the REST body plus where
 * it goes: {"record":"ticket","id":"INC-1","source":"servicenow",
 * "externalId":"evt-1","type":"TicketOpened","data":{...}}. CSV rows have
 * the columns record, id, source, externalId, type, and one column per data
 * field (dotted names nest: schedule.kind); empty cells are left out.
 */
export type ImportFormat = 'csv' | 'ndjson';

export type ImportRow =
  | {
      readonly line: number;
      readonly bytes: number;
      readonly kind: FactKind;
      readonly id: string;
      readonly delivery: FactDelivery;
    }
  | { readonly line: number; readonly bytes: number; readonly rejected: string };

const rowSchema = z.strictObject({
  record: z.enum(['ticket', 'outage', 'maintenance']),
  id: z.string().min(1),
  source: z.string().trim().min(1).max(100).optional(),
  externalId: z.string().trim().min(1).max(200),
  type: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
});

// CSV cells are text; these data fields are not.
const booleanFields = new Set(['major']);
const numberFields = new Set(['score', 'weight', 'durationMinutes']);
const rowColumns = new Set(['record', 'id', 'source', 'externalId', 'type']);

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`).join('; ');
}

function toRow(line: number, bytes: number, value: unknown, defaultSource: string): ImportRow {
  const parsed = rowSchema.safeParse(value);
  if (!parsed.success) return { line, bytes, rejected: describeIssues(parsed.error) };
  const { record, id, source, externalId, type, data } = parsed.data;
  return { line, bytes, kind: record, id, delivery: { source: source ?? defaultSource, externalId, type, data } };
}

function cellValue(field: string, text: string): unknown {
  if (booleanFields.has(field)) return text === 'true' ? true : text === 'false' ? false : text;
  if (numberFields.has(field) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

function defineField(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

function csvRecordToObject(header: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const data: Record<string, unknown> = {};
  header.forEach((column, index) => {
    const text = cells[index];
    if (text === undefined || text === '') return;
    if (rowColumns.has(column)) {
      defineField(row, column, text);
      return;
    }
    const path = column.split('.');
    let target = data;
    // Column names come from the file: own properties only, defined rather than assigned, so a
    // column `__proto__.x` or `constructor.x` becomes a field the schema refuses, never a prototype.
    for (const part of path.slice(0, -1)) {
      const existing = Object.hasOwn(target, part) ? target[part] : undefined;
      if (typeof existing !== 'object' || existing === null) defineField(target, part, {});
      target = target[part] as Record<string, unknown>;
    }
    defineField(target, path.at(-1)!, cellValue(path.at(-1)!, text));
  });
  return { ...row, data };
}

async function* csvRows(file: string, defaultSource: string): AsyncGenerator<ImportRow> {
  const skipped: ImportRow[] = [];
  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
    }),
  );
  // A row the parser cannot read (an unclosed quote, say) is reported, not fatal.
  parser.on('skip', (error: Error & { lines?: number }) =>
    skipped.push({ line: error.lines ?? 0, bytes: parser.info.bytes, rejected: `not CSV: ${error.message}` }),
  );
  let header: string[] | undefined;
  for await (const { record, info, raw } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number; bytes: number };
    raw: string;
  }>) {
    while (skipped.length > 0) yield skipped.shift()!;
    // The record's first line: a quoted cell may span several.
    const line = info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
    if (!header) {
      header = record.map((column) => column.trim());
      const missing = ['record', 'id', 'externalId', 'type'].filter((column) => !header!.includes(column));
      if (missing.length > 0)
        throw new Error(`the CSV header (line ${line}) lacks the column(s) ${missing.join(', ')}`);
      continue;
    }
    if (record.length !== header.length) {
      yield { line, bytes: info.bytes, rejected: `has ${record.length} fields, the header has ${header.length}` };
      continue;
    }
    yield toRow(line, info.bytes, csvRecordToObject(header, record), defaultSource);
  }
  while (skipped.length > 0) yield skipped.shift()!;
}

async function* ndjsonRows(file: string, defaultSource: string): AsyncGenerator<ImportRow> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  let bytes = 0;
  for await (const text of lines) {
    line += 1;
    bytes += Buffer.byteLength(text) + 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, bytes, rejected: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
      continue;
    }
    yield toRow(line, bytes, value, defaultSource);
  }
}

export function formatOf(file: string, format?: ImportFormat): ImportFormat {
  if (format) return format;
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(ndjson|jsonl)$/i.test(file)) return 'ndjson';
  throw new Error(`cannot tell the format of ${file} from its name: pass --format csv or --format ndjson`);
}

export function readImportRows(file: string, format: ImportFormat, defaultSource: string): AsyncGenerator<ImportRow> {
  return format === 'csv' ? csvRows(file, defaultSource) : ndjsonRows(file, defaultSource);
}
