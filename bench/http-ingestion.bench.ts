/**
 * Sustained HTTP ingestion of ticket facts, driven by a real load tool
 * (autocannon) against the real API over loopback, on a real PostgreSQL.
 * Not part of `npm test`; see docs/benchmarks.md.
 *
 *   bash bench/run.sh http-ingestion                         # build, then run: about 40 s
 *   BENCH_DURATION_S=60 bash bench/run.sh http-ingestion     # a longer measured run
 *   BENCH_CONNECTIONS=16 bash bench/run.sh http-ingestion    # fewer concurrent connections
 *   BENCH_MIX=1 bash bench/run.sh http-ingestion             # open, acknowledge, resolve each ticket
 *   BENCH_DIR=/mnt/disk bash bench/run.sh http-ingestion     # put the throw-away cluster on another disk
 *   BENCH_PROJECTOR=separate bash bench/run.sh http-ingestion # projections in a projector process, not in the API
 *   BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" bash bench/run.sh http-ingestion   # profile the API
 *
 * Aim: ≥ 2,000 events/s with a p99 latency ≤ 20 ms on 2 cores.
 *
 * Processes. The API runs as the product runs it: `node dist/apps/api/src/main.js`
 * in a child process (own event loop, LOG_LEVEL=error, the inline projector
 * on, as by default). autocannon runs in this process, which does nothing
 * else while it measures. So the load tool and the server never share an
 * event loop: a busy generator cannot delay the server's callbacks, nor the
 * server the generator's timestamps. They still share the machine's cores
 * (with PostgreSQL), as a client and a server on one host do; the report
 * shows how much CPU each took.
 *
 * What is sent. One service is registered first. Then every request is a
 * POST /tickets/{ticketId}/facts of a DIFFERENT fact: a TicketOpened of a
 * new ticket with its own externalId (with BENCH_MIX=1, each connection
 * opens a ticket, then acknowledges and resolves it: three new facts). No
 * request is a redelivery, so every 2xx is a 201 that appended one event.
 *
 * Counting. A warm-up (BENCH_WARMUP_S) runs for a fixed time and gives the
 * rate (its best whole second); the measured run then sends a fixed number
 * of requests (rate × BENCH_DURATION_S: about that long unless the machine
 * gets busier), so that it ends when the last response has arrived. A
 * run stopped by a timer would drop the requests in flight, which the
 * server may still store: the stored events would no longer equal the 2xx
 * responses. The rate is 2xx responses / (last response − start), timed here.
 * At the end, the events stored for the measured run's tickets are counted
 * by SQL and must equal its 2xx responses.
 *
 * It starts its own PostgreSQL (the embedded binaries) in a temporary folder
 * with the settings the application starts it with (durable commits) and
 * removes the folder at the end, also on error and on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { freePort, withThrowawayPostgres } from './support/throwaway-postgres';
import { machineCpuSeconds, processCpuSeconds, serverCpuSeconds } from './support/process-cpu';
import { numberFromEnvironment } from './support/settings';

// ---------------------------------------------------------------- autocannon (it ships no types)

/** One request template; setupRequest makes each request from it. */
type CannonRequest = {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: CannonRequest, context: Record<string, unknown>) => CannonRequest;
};
type CannonHistogram = {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p99: number;
  p99_9: number;
};
type CannonResult = {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  latency: CannonHistogram & { totalCount: number };
  requests: CannonHistogram & { sent: number; total: number };
};
type CannonOptions = {
  url: string;
  connections: number;
  pipelining?: number;
  duration?: number;
  amount?: number;
  timeout?: number;
  headers?: Record<string, string>;
  requests: CannonRequest[];
};
type CannonInstance = NodeJS.EventEmitter & { stop: () => void };
type Autocannon = (options: CannonOptions, done: (error: Error | null, result: CannonResult) => void) => CannonInstance;

const requireHere = createRequire(__filename);
const autocannon = requireHere('autocannon') as Autocannon;

// ---------------------------------------------------------------- settings

/** Seconds the measured run lasts (approximately: it sends rate × this many requests). */
const DURATION_S = numberFromEnvironment('BENCH_DURATION_S', 20, 1);
/** Seconds of warm-up (JIT, pools, caches, PostgreSQL buffers); its rate sizes the measured run. */
const WARMUP_S = numberFromEnvironment('BENCH_WARMUP_S', 10, 1);
/** Concurrent keep-alive connections, one request in flight on each. */
const CONNECTIONS = numberFromEnvironment('BENCH_CONNECTIONS', 32, 1);
/** 1: each ticket is opened, acknowledged and resolved (three facts); 0: openings only. */
const MIX = process.env.BENCH_MIX === '1';
/** inline (default): the API runs the projections; separate: a projector process does (`PROJECTOR=off` in the API). */
const PROJECTOR_MODE = process.env.BENCH_PROJECTOR === 'separate' ? 'separate' : 'inline';
const AIM_EVENTS_PER_S = 2_000;
const AIM_P99_MS = 20;
const SERVICE_ID = 'bench-mail';
const ACTOR = 'bench-connector';
const SOURCE = 'bench';

// ---------------------------------------------------------------- CPU accounting

type CpuSnapshot = { api: number; postgres: number; cannon: number; machine: number };

/** `apiPids`: the API, and the projector when it runs as a process of its own. */
function cpuSnapshot(apiPids: number[], postmasterPid: number): CpuSnapshot {
  const own = process.cpuUsage();
  return {
    api: apiPids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0),
    postgres: serverCpuSeconds(postmasterPid),
    cannon: (own.user + own.system) / 1e6,
    machine: machineCpuSeconds(),
  };
}

// ---------------------------------------------------------------- output

const startedAt = Date.now();

/** Progress on stderr, so that stdout holds only the report. */
function progress(message: string): void {
  process.stderr.write(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
}

function format(value: number, digits = 0): string {
  return value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function packageVersion(name: string): string {
  try {
    return (requireHere(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------- workload

/**
 * The requests of one phase. Ticket ids carry the phase's prefix, so the
 * events of a phase can be counted by stream name; a process-wide counter
 * makes every ticket, and so every fact, new.
 */
function phaseRequests(prefix: string): CannonRequest[] {
  let next = 0;
  const headers = { 'content-type': 'application/json', 'x-actor': ACTOR };
  const fact = (ticketId: string, externalId: string, type: string, data: Record<string, unknown>): CannonRequest => ({
    method: 'POST',
    path: `/tickets/${ticketId}/facts`,
    headers,
    body: JSON.stringify({ source: SOURCE, externalId, type, data }),
  });
  const open: CannonRequest = {
    setupRequest: (_, context) => {
      next += 1;
      const ticketId = `${prefix}-${next}`;
      context.ticketId = ticketId;
      return fact(ticketId, `${ticketId}-opened`, 'TicketOpened', {
        ticketType: 'incident',
        serviceId: SERVICE_ID,
        priority: 'P2',
        impact: 'high',
        major: false,
        title: `Mailbox unavailable for users in building B (${ticketId})`,
        occurredAt: '2026-03-09T09:00:00+01:00',
      });
    },
  };
  if (!MIX) return [open];
  // Per connection, one request at a time: the acknowledgement is sent after the opening was answered.
  const acknowledge: CannonRequest = {
    setupRequest: (_, context) => {
      const ticketId = String(context.ticketId);
      return fact(ticketId, `${ticketId}-acknowledged`, 'TicketAcknowledged', {
        occurredAt: '2026-03-09T09:10:00+01:00',
      });
    },
  };
  const resolve: CannonRequest = {
    setupRequest: (_, context) => {
      const ticketId = String(context.ticketId);
      return fact(ticketId, `${ticketId}-resolved`, 'TicketResolved', {
        resolution: 'relay restarted',
        occurredAt: '2026-03-09T11:00:00+01:00',
      });
    },
  };
  return [open, acknowledge, resolve];
}

/**
 * steadyRate: responses per second over the second half of the run;
 * bestSecond: the most responses in one whole second of that half (the rate still climbs at the end of a short
 * warm-up).
 */
type Phase = { result: CannonResult; seconds: number; steadyRate: number; bestSecond: number; cpu: CpuSnapshot };

/** One autocannon run; `seconds` is from the start to the last response, timed here. */
function cannon(
  baseUrl: string,
  requests: CannonRequest[],
  limit: { duration: number } | { amount: number },
  cpuNow: () => CpuSnapshot,
): Promise<Phase> {
  return new Promise((resolve, reject) => {
    const before = cpuNow();
    const started = process.hrtime.bigint();
    let lastResponse = started;
    let cpuAtLastResponse: CpuSnapshot | undefined;
    const half = BigInt(Math.round(('duration' in limit ? limit.duration : DURATION_S) * 5e8));
    let steadyFrom: bigint | undefined;
    let steadyCount = 0;
    const instance = autocannon(
      { url: baseUrl, connections: CONNECTIONS, pipelining: 1, timeout: 10, requests, ...limit },
      (error, result) => {
        clearTimeout(guard);
        if (error) return reject(error);
        progress(`  responses per second: ${perSecond.join(' ')}`);
        const after = cpuAtLastResponse ?? cpuNow();
        resolve({
          result,
          seconds: Number(lastResponse - started) / 1e9,
          bestSecond: Math.max(
            0,
            ...perSecond.slice(Math.floor(perSecond.length / 2), 'amount' in limit ? -1 : undefined),
          ),
          steadyRate:
            steadyFrom !== undefined && lastResponse > steadyFrom
              ? steadyCount / (Number(lastResponse - steadyFrom) / 1e9)
              : 0,
          cpu: {
            api: after.api - before.api,
            postgres: after.postgres - before.postgres,
            cannon: after.cannon - before.cannon,
            machine: after.machine - before.machine,
          },
        });
      },
    );
    let answered = 0;
    const perSecond: number[] = [];
    instance.on('tick', ({ counter }: { counter: number }) => {
      if (counter > 0) perSecond.push(counter);
    });
    const expected = 'amount' in limit ? limit.amount : Infinity;
    instance.on('response', () => {
      lastResponse = process.hrtime.bigint();
      answered += 1;
      if (steadyFrom !== undefined) steadyCount += 1;
      else if (lastResponse - started >= half) steadyFrom = lastResponse;
      // autocannon notices the end only at its next one-second tick: take the CPU figures now.
      if (answered === expected) cpuAtLastResponse = cpuNow();
    });
    // A run sized by count must not hang if the server stalls.
    const guard = setTimeout(
      () => instance.stop(),
      'amount' in limit ? (DURATION_S * 4 + 30) * 1000 : (limit.duration + 30) * 1000,
    );
  });
}

// ---------------------------------------------------------------- the API process

/** The projector as its own process (BENCH_PROJECTOR=separate). */
function startProjector(databaseUrl: string): ChildProcess {
  const main = path.resolve(__dirname, '../apps/projector/src/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run through bench/run.sh, which builds it`);
  return spawn(process.execPath, [main], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
}

async function startApi(databaseUrl: string): Promise<{ child: ChildProcess; baseUrl: string; output: string[] }> {
  // run.sh builds into dist/ and runs dist/bench/http-ingestion.bench.js.
  const main = path.resolve(__dirname, '../apps/api/src/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run through bench/run.sh, which builds it`);
  const port = await freePort();
  const output: string[] = [];
  // BENCH_API_NODE_ARGS: e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where the API's CPU goes.
  const nodeArguments = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArguments, main], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      PROJECTOR: PROJECTOR_MODE === 'inline' ? 'inline' : 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (output.length > 40) output.splice(0, output.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}:\n${output.join('\n')}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return { child, baseUrl, output };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the API did not answer /health within 60 s:\n${output.join('\n')}`);
    await sleep(100);
  }
}

async function stopApi(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function registerService(baseUrl: string): Promise<void> {
  const headers = { 'content-type': 'application/json', 'x-actor': ACTOR };
  const response = await fetch(`${baseUrl}/services`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      serviceId: SERVICE_ID,
      name: 'Corporate e-mail',
      owner: { name: 'Li Wei' },
      changeRequest: 'CR-1',
    }),
  });
  if (!response.ok) throw new Error(`POST /services answered ${response.status}: ${await response.text()}`);
  // Openings are checked against the service catalogue, a read model: wait until the projector has it.
  const deadline = Date.now() + 30_000;
  while ((await fetch(`${baseUrl}/services/${SERVICE_ID}`)).status !== 200) {
    if (Date.now() > deadline) throw new Error(`GET /services/${SERVICE_ID} not 200 within 30 s`);
    await sleep(50);
  }
}

// ---------------------------------------------------------------- main

async function storedEvents(databaseUrl: string, streamPattern: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      'select count(*) from event_store.events where stream_name like $1',
      [streamPattern],
    );
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}

async function main(
  cluster: { url: string; directory: string; postmasterPid: number },
  started: (child: ChildProcess) => void,
): Promise<boolean> {
  const admin = new Client({ connectionString: cluster.url });
  await admin.connect();
  const { rows: version } = await admin.query<{ server_version: string }>('show server_version');
  const { rows: settings } = await admin.query<{ name: string; setting: string }>(
    "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'max_connections') order by name",
  );
  await admin.query('create database bench');
  await admin.end();
  const databaseUrl = cluster.url.replace(/\/postgres$/, '/bench');

  progress('starting the API (node dist/apps/api/src/main.js)');
  const api = await startApi(databaseUrl);
  started(api.child);
  const projector = PROJECTOR_MODE === 'separate' ? startProjector(databaseUrl) : undefined;
  if (projector) started(projector);
  const serverPids = [api.child.pid ?? 0, ...(projector?.pid ? [projector.pid] : [])];
  const cpuNow = () => cpuSnapshot(serverPids, cluster.postmasterPid);
  await registerService(api.baseUrl);

  progress(`warm-up: ${WARMUP_S} s, ${CONNECTIONS} connections`);
  const warmup = await cannon(api.baseUrl, phaseRequests('WARM'), { duration: WARMUP_S }, cpuNow);
  const warmupRate = warmup.result['2xx'] / warmup.seconds;
  // The first seconds run cold (JIT, pools, planner statistics) and the rate still climbs at the end of
  // the warm-up: the best whole second of its second half sizes the measured run.
  const steadyRate = Math.max(warmup.bestSecond, warmup.steadyRate) || warmupRate;
  if (warmup.result['2xx'] === 0)
    throw new Error(
      `warm-up: no 2xx response (status codes ${JSON.stringify(warmup.result.statusCodeStats)}):\n${api.output.join('\n')}`,
    );
  // The warm-up was stopped by a timer: let the requests it dropped in flight finish on the server.
  await sleep(500);

  const amount = Math.max(CONNECTIONS, Math.round(steadyRate * DURATION_S));
  progress(
    `measured run: ${format(amount)} requests (best warm-up second ${format(steadyRate)}/s × ${DURATION_S} s), ${CONNECTIONS} connections`,
  );
  const measured = await cannon(api.baseUrl, phaseRequests('RUN'), { amount }, cpuNow);
  const { result, seconds, cpu } = measured;
  const stored = await storedEvents(databaseUrl, 'ticket-RUN-%');
  const allTicketEvents = await storedEvents(databaseUrl, 'ticket-%');
  await stopApi(api.child);
  if (projector) await stopApi(projector);

  const ok = result['2xx'];
  const created = result.statusCodeStats['201']?.count ?? 0;
  const rate = ok / seconds;
  const latency = result.latency;
  const rateMet = rate >= AIM_EVENTS_PER_S;
  const p99Met = latency.p99 <= AIM_P99_MS;
  const consistent = stored === ok && created === ok;
  const clean = result.non2xx === 0 && result.errors === 0 && result.timeouts === 0;
  const others = Math.max(0, cpu.machine - cpu.api - cpu.postgres - cpu.cannon);
  const cpus = os.cpus();

  console.log('HTTP ingestion benchmark (bench/http-ingestion.bench.ts)');
  console.log(
    `machine:    ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg()[0].toFixed(2)}`,
  );
  console.log(`node:       ${process.version}, autocannon ${packageVersion('autocannon')}, pg ${packageVersion('pg')}`);
  console.log(
    `PostgreSQL: ${version[0].server_version} (embedded, own cluster in ${cluster.directory}); ${settings.map((entry) => `${entry.name}=${entry.setting}`).join(', ')}`,
  );
  console.log(
    `workload:   POST /tickets/{id}/facts, ${MIX ? 'each connection opens, acknowledges and resolves a new ticket' : 'one TicketOpened of a new ticket per request'}, every fact new;` +
      ` ${CONNECTIONS} connections, pipelining 1; warm-up ${WARMUP_S} s, then ${format(amount)} requests (BENCH_DURATION_S=${DURATION_S})`,
  );
  console.log(
    `processes:  ${PROJECTOR_MODE === 'inline' ? 'API in a child process (inline projector on)' : 'API (PROJECTOR=off) and projector in child processes'}, autocannon in the parent, PostgreSQL: three processes, one machine\n`,
  );
  console.log(
    table(
      ['figure', 'measured', 'aim'],
      [
        ['events/s (2xx responses / s)', format(rate), `≥ ${format(AIM_EVENTS_PER_S)} ${rateMet ? 'met' : 'MISSED'}`],
        ['latency p50 (ms)', format(latency.p50, 1), ''],
        ['latency p90 (ms)', format(latency.p90, 1), ''],
        ['latency p99 (ms)', format(latency.p99, 1), `≤ ${AIM_P99_MS} ${p99Met ? 'met' : 'MISSED'}`],
        ['latency max (ms)', format(latency.max, 1), ''],
        ['requests sent', format(result.requests.sent), ''],
        ['2xx responses (201 created)', `${format(ok)} (${format(created)})`, ''],
        ['non-2xx responses', format(result.non2xx), '0'],
        ['errors / timeouts', `${format(result.errors)} / ${format(result.timeouts)}`, '0 / 0'],
        ['events stored for the run (SQL)', format(stored), `= 2xx ${consistent ? 'yes' : 'NO'}`],
        ['seconds (start to last response)', format(seconds, 2), ''],
      ],
    ),
  );
  const busy = (value: number) => `${(value / seconds).toFixed(2)} cores`;
  console.log(
    `\nCPU during the run: API${PROJECTOR_MODE === 'separate' ? ' + projector' : ''} ${busy(cpu.api)}, PostgreSQL ${busy(cpu.postgres)}, autocannon ${busy(cpu.cannon)}, other processes ${busy(others)}` +
      ` (${format(((cpu.api + cpu.postgres) / ok) * 1e6)} µs of API + PostgreSQL CPU per event)`,
  );
  const serverCpuPerEvent = (cpu.api + cpu.postgres) / ok;
  console.log(
    `CPU ceiling: at that cost, ${cpus.length} cores for the API and PostgreSQL alone carry at most ${format(cpus.length / serverCpuPerEvent)} events/s` +
      ' (the cost per event barely moves with load on the machine: compare it between runs)',
  );
  if (others / seconds > 0.25)
    console.log(
      `! other processes used ${busy(others)} during the run: the machine was busy, the figures are pessimistic; rerun on a quiet machine.`,
    );
  console.log(
    `warm-up: ${format(warmupRate)} events/s, p99 ${format(warmup.result.latency.p99, 1)} ms; ticket events in the database: ${format(allTicketEvents)}`,
  );
  const statusCodes = Object.entries(result.statusCodeStats)
    .map(([code, entry]) => `${code}: ${format(entry.count)}`)
    .join(', ');
  console.log(`status codes: ${statusCodes}`);
  console.log(
    `\naim (≥ ${format(AIM_EVENTS_PER_S)} events/s, p99 ≤ ${AIM_P99_MS} ms): ${rateMet && p99Met ? 'MET' : 'NOT MET'}`,
  );
  if (!consistent)
    console.log(`! ${format(stored)} events stored for ${format(ok)} 2xx responses (${format(created)} of them 201)`);
  if (!clean)
    console.log(
      `! ${format(result.non2xx)} non-2xx responses, ${format(result.errors)} errors, ${format(result.timeouts)} timeouts`,
    );
  return consistent && clean;
}

async function start(): Promise<void> {
  let api: ChildProcess | undefined;
  // Ctrl-C ends this process from the shared clean-up: the API must not outlive it.
  process.once('exit', () => api?.kill('SIGKILL'));
  await withThrowawayPostgres(async (cluster) => {
    progress(`PostgreSQL in ${cluster.directory}`);
    try {
      if (!(await main(cluster, (child) => (api = child)))) process.exitCode = 1;
    } finally {
      if (api) await stopApi(api).catch(() => undefined);
    }
  });
}

start().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
