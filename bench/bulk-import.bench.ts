/**
 * Bulk import: facts per second and the importer's peak memory for files of
 * growing size. Constant memory means the peak stays flat as the file grows.
 * Not part of `npm test`; see docs/benchmarks.md.
 *
 *   bench/run.sh bulk-import                              # 25,000 and 100,000 rows
 *   BENCH_IMPORT_ROWS=10000,400000 bench/run.sh bulk-import
 *
 * The built CLI (`sla import`) runs as its own process, as an operator runs
 * it; its resident memory is read from /proc every 50 ms.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { loadConfiguration } from '@sla/configuration';
import { openInfrastructure } from '@sla/composition';
import { createApiApplication } from '../apps/api/src/api.application';
import { withThrowawayPostgres } from './support/throwaway-postgres';

const sizes = (process.env.BENCH_IMPORT_ROWS ?? '25000,100000')
  .split(',')
  .map((text) => Number(text.replace(/_/g, '')));
if (sizes.some((size) => !Number.isInteger(size) || size < 100))
  throw new Error('BENCH_IMPORT_ROWS: comma-separated row counts, each ≥ 100');

async function registerService(databaseUrl: string): Promise<void> {
  const infrastructure = await openInfrastructure(
    loadConfiguration({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', PROJECTION_IDLE_MS: '20' }),
  );
  const app = await createApiApplication(infrastructure, { logger: false });
  await app.listen(0, '127.0.0.1');
  infrastructure.projections.start();
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  await fetch(`${base}/services`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-actor': 'bench' },
    body: JSON.stringify({
      serviceId: 'email',
      name: 'Corporate e-mail',
      owner: { name: 'Bench' },
      changeRequest: 'CR-1',
    }),
  });
  for (let attempt = 0; (await fetch(`${base}/services/email`)).status !== 200; attempt += 1) {
    if (attempt > 500) throw new Error('the service never reached the catalogue');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await app.close();
  await infrastructure.close();
}

/** Half opening facts, half acknowledgements of the same tickets, as a ticketing tool exports them. */
async function writeFile(file: string, rows: number, offset: number): Promise<void> {
  const out = createWriteStream(file);
  for (let index = 0; index < rows / 2; index += 1) {
    const id = `T${offset + index}`;
    const opened = new Date(Date.UTC(2026, 0, 1) + index * 30_000).toISOString();
    const line =
      `${JSON.stringify({ record: 'ticket', id, source: 'bench', externalId: `${id}/open`, type: 'TicketOpened', data: { ticketType: 'incident', serviceId: 'email', priority: 'P3', impact: 'medium', major: false, title: `Ticket ${index} from the export`, occurredAt: opened } })}\n` +
      `${JSON.stringify({ record: 'ticket', id, source: 'bench', externalId: `${id}/ack`, type: 'TicketAcknowledged', data: { occurredAt: new Date(Date.parse(opened) + 600_000).toISOString() } })}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function residentKilobytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

async function importOnce(
  databaseUrl: string,
  file: string,
): Promise<{ seconds: number; peakMegabytes: number; output: string; code: number | null }> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [path.resolve('dist/apps/cli/src/main.js'), 'import', file], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.resume();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, residentKilobytes(child.pid!))), 50);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(sampler);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMegabytes: peak / 1024, output, code };
}

void withThrowawayPostgres(async ({ url, directory }) => {
  const databaseUrl = url.replace(/\/postgres$/, '/sla_bench');
  const { Client } = await import('pg');
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query('create database sla_bench');
  await admin.end();
  await registerService(databaseUrl);

  console.log(`bulk import (sla import, NDJSON ticket facts), ${os.cpus().length} cores, Node ${process.version}\n`);
  console.log('rows      file MB   seconds   facts/s   peak RSS MB');
  let offset = 0;
  for (const rows of sizes) {
    const file = path.join(directory, `import-${rows}.ndjson`);
    await writeFile(file, rows, offset);
    offset += rows;
    const result = await importOnce(databaseUrl, file);
    if (result.code !== 0 || !/rejected: 0/.test(result.output))
      throw new Error(`import failed (${result.code}):\n${result.output}`);
    console.log(
      [
        String(rows).padEnd(9),
        (statSync(file).size / 1e6).toFixed(1).padStart(7),
        result.seconds.toFixed(1).padStart(9),
        Math.round(rows / result.seconds)
          .toString()
          .padStart(9),
        result.peakMegabytes.toFixed(0).padStart(13),
      ].join(' '),
    );
  }
  console.log(
    '\nseconds include the CLI starting (Node, migrations check) and its last checkpoint; peak RSS is the CLI process only.',
  );
}).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
