import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { appendFile, readFile, rename, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DomainError, EventSchemaViolationError, WrongExpectedRevisionError } from '@sla/event-sourcing';
import { RequestValidationError } from '@sla/nest-platform';
import type { FactIntake, SettledFact } from '../intake/fact-intake';
import { formatOf, readImportRows, type ImportFormat, type ImportRow } from './import-rows';

export type ImportCounts = { rows: number; stored: number; duplicates: number; rejected: number };

export type ImportProgress = ImportCounts & {
  readonly bytes: number;
  readonly totalBytes: number;
  readonly line: number;
};

export type ImportOptions = {
  readonly file: string;
  readonly format?: ImportFormat;
  /** Used for rows without a source of their own. */
  readonly defaultSource?: string;
  readonly actor?: string;
  /** Where progress is kept between runs; default `<file>.import-state.json`. */
  readonly statePath?: string;
  /** One JSON line per rejected row; default `<file>.rejects.ndjson`. */
  readonly rejectsPath?: string;
  /** Forget an earlier run's progress and start from the first row. */
  readonly restart?: boolean;
  readonly chunkSize?: number;
  readonly concurrency?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Checked between chunks: the run stops with its progress saved. */
  readonly shouldStop?: () => boolean;
};

export type ImportSummary = ImportCounts & {
  readonly outcome: 'completed' | 'interrupted';
  readonly resumedAfterLine: number;
  readonly lastLine: number;
  readonly statePath: string;
  readonly rejectsPath: string;
  readonly elapsedMs: number;
};

const stateSchema = z.object({
  version: z.literal(1),
  fingerprint: z.string(),
  format: z.enum(['csv', 'ndjson']),
  line: z.number().int().min(0),
  bytes: z.number().int().min(0),
  rejectsBytes: z.number().int().min(0),
  completed: z.boolean(),
  counts: z.object({ rows: z.number(), stored: z.number(), duplicates: z.number(), rejected: z.number() }),
});
type ImportState = z.infer<typeof stateSchema>;

/** The first 64 KiB identify the file: an import resumes only into the file it started on. */
function fingerprintOf(file: string): string {
  const buffer = Buffer.alloc(64 * 1024);
  const descriptor = openSync(file, 'r');
  try {
    const read = readSync(descriptor, buffer, 0, buffer.length, 0);
    return createHash('sha256').update(buffer.subarray(0, read)).digest('hex');
  } finally {
    closeSync(descriptor);
  }
}

async function saveState(statePath: string, state: ImportState): Promise<void> {
  // Write then rename: a crash leaves the old state or the new one, never half of one.
  const temporary = `${statePath}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state));
  await rename(temporary, statePath);
}

export class ImportStateMismatchError extends Error {}

type Accepted = Extract<ImportRow, { kind: unknown }>;

function rejectionOf(error: unknown): { code: string; reason: string } | undefined {
  if (error instanceof RequestValidationError)
    return {
      code: error.code,
      reason: error.issues.map((issue) => `${issue.path || '(row)'}: ${issue.message}`).join('; '),
    };
  if (error instanceof EventSchemaViolationError) return { code: error.code, reason: error.message };
  if (error instanceof DomainError) return { code: error.code, reason: error.message };
  return undefined;
}

/**
 * Imports a CSV or NDJSON file of fact deliveries through the same intake as
 * the API. Rows go in chunks; inside a chunk the rows of different records
 * run concurrently and those of one record in file order. After each chunk
 * the rejected rows and then the position are saved, so a run stopped at any
 * point resumes after its last saved chunk; rows of an unsaved chunk are
 * delivered again and answered as duplicates, never stored twice.
 */
export async function importFactsFile(intake: FactIntake, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const file = path.resolve(options.file);
  const format = formatOf(file, options.format);
  const statePath = options.statePath ?? `${file}.import-state.json`;
  const rejectsPath = options.rejectsPath ?? `${file}.rejects.ndjson`;
  const chunkSize = options.chunkSize ?? 500;
  const concurrency = options.concurrency ?? 8;
  const totalBytes = statSync(file).size;
  const fingerprint = fingerprintOf(file);
  const actor = options.actor ?? 'bulk-import';

  if (options.restart) await Promise.all([rm(statePath, { force: true }), rm(rejectsPath, { force: true })]);
  let state: ImportState = {
    version: 1,
    fingerprint,
    format,
    line: 0,
    bytes: 0,
    rejectsBytes: 0,
    completed: false,
    counts: { rows: 0, stored: 0, duplicates: 0, rejected: 0 },
  };
  if (existsSync(statePath)) {
    const saved = stateSchema.parse(JSON.parse(await readFile(statePath, 'utf8')));
    if (saved.fingerprint !== fingerprint)
      throw new ImportStateMismatchError(
        `${statePath} belongs to another file (its first 64 KiB differ): pass --restart to import this one from the start`,
      );
    state = saved;
    // Rejections written after the last saved position belong to rows that will be read again.
    if (existsSync(rejectsPath)) await truncate(rejectsPath, state.rejectsBytes);
  } else {
    await writeFile(rejectsPath, '');
  }
  const resumedAfterLine = state.line;
  const counts = { ...state.counts };
  if (state.completed) {
    return {
      ...counts,
      outcome: 'completed',
      resumedAfterLine,
      lastLine: state.line,
      statePath,
      rejectsPath,
      elapsedMs: Date.now() - started,
    };
  }
  const correlationId = randomUUID();

  /** Counts one row's outcome; a rejection gives its line for the rejects file, an unexpected error stops the run. */
  function count(row: Accepted, settled: SettledFact): string | null {
    if ('recorded' in settled) {
      if (settled.recorded.duplicate) counts.duplicates += 1;
      else counts.stored += 1;
      return null;
    }
    const rejection = rejectionOf(settled.error);
    if (!rejection) throw settled.error;
    counts.rejected += 1;
    return `${JSON.stringify({ line: row.line, record: row.kind, id: row.id, externalId: row.delivery.externalId, code: rejection.code, reason: rejection.reason })}\n`;
  }

  async function recordRow(row: Accepted): Promise<SettledFact> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const metadata = { actor, correlationId, source: row.delivery.source };
        return { recorded: await intake.record(row.kind, row.id, row.delivery, metadata) };
      } catch (error) {
        // Another writer appended to the same record meanwhile: decide again on the new state.
        if (error instanceof WrongExpectedRevisionError && attempt < 3) continue;
        return { error };
      }
    }
  }

  /** A record's rows of one chunk: read and appended once (see FactIntake.recordAll), in file order. */
  async function recordRows(rows: Accepted[]): Promise<SettledFact[]> {
    const first = rows[0]!;
    const metadata = { actor, correlationId, source: first.delivery.source };
    const settled = await intake.recordAll(
      first.kind,
      first.id,
      rows.map((row) => row.delivery),
      metadata,
    );
    // recordAll fell back to one `record` each, and another writer moved the stream: retry as a single row would.
    const retried: SettledFact[] = [];
    for (const [index, outcome] of settled.entries()) {
      retried.push(
        'error' in outcome && outcome.error instanceof WrongExpectedRevisionError
          ? await recordRow(rows[index]!)
          : outcome,
      );
    }
    return retried;
  }

  async function processChunk(chunk: ImportRow[]): Promise<void> {
    const rejections = new Map<number, string>();
    const byRecord = new Map<string, Accepted[]>();
    for (const row of chunk) {
      counts.rows += 1;
      if ('rejected' in row) {
        counts.rejected += 1;
        rejections.set(
          row.line,
          `${JSON.stringify({ line: row.line, code: 'UNREADABLE_ROW', reason: row.rejected })}\n`,
        );
        continue;
      }
      const key = `${row.kind}/${row.id}`;
      byRecord.set(key, [...(byRecord.get(key) ?? []), row]);
    }
    const queues = [...byRecord.values()];
    const workers = Array.from({ length: Math.min(concurrency, queues.length) }, async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        const settled = await recordRows(queue);
        for (const [index, row] of queue.entries()) {
          const rejection = count(row, settled[index]!);
          if (rejection) rejections.set(row.line, rejection);
        }
      }
    });
    await Promise.all(workers);
    const report = [...rejections.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, text]) => text)
      .join('');
    if (report) await appendFile(rejectsPath, report);
    const last = chunk.at(-1)!;
    state = {
      ...state,
      line: last.line,
      bytes: last.bytes,
      rejectsBytes: state.rejectsBytes + Buffer.byteLength(report),
      counts: { ...counts },
    };
    await saveState(statePath, state);
    options.onProgress?.({ ...counts, bytes: last.bytes, totalBytes, line: last.line });
  }

  let chunk: ImportRow[] = [];
  for await (const row of readImportRows(file, format, options.defaultSource ?? 'import')) {
    if (row.line <= resumedAfterLine) continue;
    chunk.push(row);
    if (chunk.length < chunkSize) continue;
    await processChunk(chunk);
    chunk = [];
    if (options.shouldStop?.()) {
      return {
        ...counts,
        outcome: 'interrupted',
        resumedAfterLine,
        lastLine: state.line,
        statePath,
        rejectsPath,
        elapsedMs: Date.now() - started,
      };
    }
  }
  if (chunk.length > 0) await processChunk(chunk);
  state = { ...state, completed: true, bytes: totalBytes };
  await saveState(statePath, state);
  options.onProgress?.({ ...counts, bytes: totalBytes, totalBytes, line: state.line });
  return {
    ...counts,
    outcome: 'completed',
    resumedAfterLine,
    lastLine: state.line,
    statePath,
    rejectsPath,
    elapsedMs: Date.now() - started,
  };
}
