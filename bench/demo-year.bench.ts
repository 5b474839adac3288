/**
 * The demo year as a new user meets it: `npm run demo`'s program as built, on a throw-away PostgreSQL, timed; then
 * what it left is checked (every SLA and month has response, resolution and availability figures, `sla audit
 * verify` passes, a published report's PDF downloads), a second run must store no event, and raw PostgreSQL writes
 * as many rows, one per transaction from 8 clients, for the comparison. Not part of `npm test`; see
 * docs/benchmarks.md.
 *
 *   bash bench/run.sh demo-year                       # the default year (about 5 minutes on 2 cores)
 *   BENCH_DEMO_SIZE=small bash bench/run.sh demo-year # January to April, a few hundred tickets
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { generateDemoScenario, type DemoSize } from '@sla/demo';
import { readShippedChinaCalendar } from '../apps/demo/src/shipped-calendar';
import { freePort, withThrowawayPostgres } from './support/throwaway-postgres';

const size = (process.env.BENCH_DEMO_SIZE ?? 'year') as DemoSize;
if (size !== 'year' && size !== 'small') throw new Error(`BENCH_DEMO_SIZE: small or year, not '${size}'`);
const RAW_CLIENTS = 8;
const root = path.resolve(__dirname, '../..');
const built = (app: string) => path.join(root, 'dist', 'apps', app, 'src', 'main.js');

type Run = { code: number | null; output: string; seconds: number };

function run(entry: string, args: string[], environment: Record<string, string>): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [entry, ...args], {
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) =>
    child.once('exit', (code) => resolve({ code, output, seconds: (performance.now() - started) / 1_000 })),
  );
}

async function storedEvents(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query('select count(*) as count from event_store.events')).rows[0].count);
  } finally {
    await client.end();
  }
}

/** The types of the events after the first `skip` of the log, counted. */
async function newTypes(url: string, skip: number): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'select event_type as type, count(*) as count from (select event_type from event_store.events ' +
        'order by global_position offset $1) later group by event_type order by count desc',
      [skip],
    );
    return rows.map((row) => `${row.type} ${row.count}`).join(', ') || 'none';
  } finally {
    await client.end();
  }
}

/** The events after the first `skip` of the log, one line each (stream, type, actor, data), at most `limit`. */
async function eventsAfter(url: string, skip: number, limit = 10): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'select stream_name, event_type, metadata, data from event_store.events order by global_position offset $1 limit $2',
      [skip, limit],
    );
    return rows.map(
      (row) =>
        `${row.stream_name} ${row.event_type} by ${row.metadata?.actor ?? '?'}: ${JSON.stringify(row.data).slice(0, 300)}`,
    );
  } finally {
    await client.end();
  }
}

/** The API on the demo's database, as `npm start` after `npm run demo`; the checks run against it over HTTP. */
async function checkWhatTheDemoLeft(environment: Record<string, string>, baseUrl: string): Promise<string[]> {
  const api = spawn(process.execPath, [built('api')], { env: { ...process.env, ...environment }, stdio: 'ignore' });
  const findings: string[] = [];
  try {
    for (let attempt = 0; ; attempt += 1) {
      const answer = await fetch(`${baseUrl}/health`).catch(() => undefined);
      if (answer?.status === 200) break;
      if (attempt > 600) throw new Error('the API did not start within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const scenario = generateDemoScenario({ seed: 20260101, size, chinaBusinessHours: readShippedChinaCalendar() });
    const now = new Date().toISOString().slice(0, 7);
    let views = 0;
    for (const agreement of scenario.agreements) {
      const timeZone = scenario.calendars.find(
        ({ definition }) => definition.id === agreement.template.calendars.roundTheClock,
      )!.definition.timeZone;
      const months = Object.keys(scenario.expectations.ticketsPerMonth).filter((month) => month < now);
      for (const period of months) {
        const query = `period=${period}&timeZone=${encodeURIComponent(timeZone)}`;
        const base = `${baseUrl}/compliance/agreements/${agreement.agreementId}`;
        const rows = (await (await fetch(`${base}/response-resolution?${query}`)).json()) as { tickets: number }[];
        const availability = (await (await fetch(`${base}/availability?${query}`)).json()) as { terms?: unknown[] };
        if (!Array.isArray(rows) || rows.reduce((sum, row) => sum + row.tickets, 0) === 0)
          findings.push(`${agreement.agreementId} ${period}: no response/resolution figures`);
        if (!availability.terms?.length) findings.push(`${agreement.agreementId} ${period}: no availability figures`);
        views += 2;
      }
    }
    const published = (await (await fetch(`${baseUrl}/reports?status=published&limit=1`)).json()) as {
      items: { reportId: string; latestPublishedRevision: number }[];
    };
    const report = published.items[0];
    if (!report) findings.push('no published report');
    else {
      const pdf = await fetch(`${baseUrl}/reports/${report.reportId}/revisions/${report.latestPublishedRevision}/pdf`);
      const bytes = Buffer.from(await pdf.arrayBuffer());
      if (pdf.status !== 200 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
        findings.push(`the PDF of ${report.reportId} did not download (${pdf.status})`);
      else console.log(`  PDF of ${report.reportId}: ${bytes.length} bytes`);
    }
    console.log(`  ${views} compliance views read (every SLA and month before ${now})`);
  } finally {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
  }
  return findings;
}

/** Raw PostgreSQL: `rows` single-row INSERT transactions of a JSON document, from 8 clients, in the same cluster. */
async function rawInserts(url: string, rows: number): Promise<number> {
  const setup = new Client({ connectionString: url });
  await setup.connect();
  await setup.query('create table if not exists raw_bench (id bigserial primary key, stream text, data jsonb)');
  await setup.end();
  const clients = await Promise.all(
    Array.from({ length: RAW_CLIENTS }, async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  const document = JSON.stringify({ occurredAt: new Date(0).toISOString(), serviceId: 'sh-email', priority: 'P3' });
  const started = performance.now();
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < rows) {
        next += 1;
        await client.query('insert into raw_bench (stream, data) values ($1, $2)', [`ticket:${next}`, document]);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1_000;
  await Promise.all(clients.map((client) => client.end()));
  return rows / seconds;
}

void withThrowawayPostgres(async ({ url, directory }) => {
  const port = String(await freePort());
  const environment = {
    DATABASE_URL: url,
    PORT: port,
    LOG_LEVEL: 'warn',
    DEMO_SIZE: size,
    DATA_DIR: path.join(directory, 'product'),
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  console.log(`Demo ${size} into a throw-away PostgreSQL (durable commits), the demo starting its own API`);
  const first = await run(built('demo'), [], environment);
  if (first.code !== 0) throw new Error(`npm run demo failed:\n${first.output.slice(-3_000)}`);
  const events = await storedEvents(url);
  console.log(
    first.output
      .split('\n')
      .filter((line) => /^(Demo|Loaded|  \w)/.test(line))
      .join('\n'),
  );
  console.log(
    `product: ${events} events in ${first.seconds.toFixed(1)} s = ${Math.round(events / first.seconds)} events/s`,
  );

  const findings = await checkWhatTheDemoLeft(environment, baseUrl);
  const verify = await run(built('cli'), ['audit', 'verify'], environment);
  if (verify.code !== 0) findings.push(`audit verify exited ${verify.code}: ${verify.output.slice(-500)}`);
  else console.log(`  audit verify: ${verify.output.trim().split('\n').at(-1)}`);

  // The API's own background work (the SLA watch recording live breaches of tickets still open) adds events.
  const beforeSecond = await storedEvents(url);
  console.log(`  the API's own work while checked: ${beforeSecond - events} events (${await newTypes(url, events)})`);
  const second = await run(built('demo'), [], environment);
  const after = await storedEvents(url);
  if (second.code !== 0 || after !== beforeSecond)
    findings.push(`the second run (exit ${second.code}) left ${after} events, not ${beforeSecond}`);
  console.log(`second run: ${second.seconds.toFixed(1)} s, ${after - beforeSecond} events added`);
  console.log(
    second.output
      .split('\n')
      .filter((line) => /^(Demo|Loaded|Nothing|  \w)/.test(line) && !/^  (curl|open|npm)/.test(line))
      .map((line) => `  | ${line}`)
      .join('\n'),
  );
  for (const line of await eventsAfter(url, beforeSecond)) console.log(`  added: ${line}`);

  const raw = await rawInserts(url, events);
  console.log(
    `raw PostgreSQL: ${events} single-row INSERT transactions, ${RAW_CLIENTS} clients = ${Math.round(raw)} rows/s`,
  );
  console.log(`ratio product/raw: ${(events / first.seconds / raw).toFixed(2)}`);
  if (findings.length > 0) {
    console.log(`FINDINGS:\n  ${findings.join('\n  ')}`);
    process.exitCode = 1;
  }
});
