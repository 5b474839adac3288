/**
 * Throughput of the PostgreSQL event store. Every figure is printed beside
 * the rate of an equivalent plain PostgreSQL operation measured in the same
 * run, on the same server, so that it reads as a ratio. Not part of
 * `npm test`; see docs/benchmarks.md.
 *
 *   bench/run.sh                         # build, then run: ~2 minutes on 2 cores
 *   BENCH_EVENTS=400000 bench/run.sh     # a larger log for the read and rebuild figures
 *   BENCH_ROUNDS=5 bench/run.sh          # more rounds per figure (the median is kept)
 *   BENCH_PROBES=0 bench/run.sh          # skip the "where the time goes" probes
 *   BENCH_DIR=/mnt/disk bench/run.sh     # put the throw-away cluster on another disk
 *
 * It starts its own PostgreSQL (the embedded binaries) in a temporary folder
 * with the production settings (the ones `startEmbeddedPostgres` gets from
 * the application: durable commits) and removes the folder at the end, also
 * on error and on Ctrl-C.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Client, Pool, type QueryConfig } from 'pg';
import { auditReadModelMigrations, streamActivityProjection } from '@sla/audit-read-models';
import type { GlobalPosition, NewEvent } from '@sla/event-sourcing';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@sla/postgres-server';
import { ProjectionRunner } from '@sla/projection-runtime';
import { migrateReadStore, openReadStore } from '@sla/read-store';

// ---------------------------------------------------------------- settings

function numberFromEnvironment(name: string, fallback: number, minimum: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isFinite(value) || value < minimum) throw new Error(`${name} must be a number ≥ ${minimum} (got '${text}')`);
  return Math.floor(value);
}

/** Events in the global log that the read and rebuild figures run over. */
const LOG_EVENTS = numberFromEnvironment('BENCH_EVENTS', 200_000, 1_000);
/** Single-event appends per round and per concurrency level. */
const SINGLE_APPENDS = numberFromEnvironment('BENCH_SINGLE_APPENDS', 3_000, 8);
/** Rounds per figure; product and raw alternate and the median of each is kept. */
const ROUNDS = numberFromEnvironment('BENCH_ROUNDS', 3, 1);
/** Events per probe in the "where the time goes" section (0: skip the probes). */
const PROBE_EVENTS = process.env.BENCH_PROBES === '0' ? 0 : numberFromEnvironment('BENCH_PROBE_EVENTS', 40_000, 1_000);
const SINGLE_CLIENTS = [1, 8];
const BATCH = 100;
const BATCH_CLIENTS = 4;
const STREAMS_PER_CLIENT = 25;
const PAGE = 1_000;
const REBUILD_BATCHES = [1_000, 5_000];

// ---------------------------------------------------------------- measurement

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** CPU seconds of the PostgreSQL server: the postmaster, its live children and the ones it has reaped. */
function serverCpuSeconds(postmasterPid: number): number {
  const read = (pid: string) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  };
  const own = read(String(postmasterPid));
  // utime, stime, cutime, cstime are fields 14-17 of stat, 11-14 after the name.
  let total = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = read(entry);
      if (Number(fields[1]) === postmasterPid) total += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while we looked.
    }
  }
  return total / CLOCK_TICKS;
}

type Sample = { events: number; seconds: number; clientCpu: number; serverCpu: number };
type Measured = { label: string; rate: number; samples: Sample[] };

let postmasterPid = 0;
const measurements: Measured[] = [];

async function sample(work: () => Promise<number>): Promise<Sample> {
  const serverBefore = serverCpuSeconds(postmasterPid);
  const clientBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const events = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const client = process.cpuUsage(clientBefore);
  const serverCpu = serverCpuSeconds(postmasterPid) - serverBefore;
  return { events, seconds, clientCpu: (client.user + client.system) / 1e6, serverCpu };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
}

function measured(label: string, samples: Sample[]): Measured {
  const result = { label, rate: median(samples.map((entry) => entry.events / entry.seconds)), samples };
  measurements.push(result);
  return result;
}

async function once(label: string, work: () => Promise<number>): Promise<Measured> {
  return measured(label, [await sample(work)]);
}

/**
 * Runs product and raw alternately, ROUNDS times each, and keeps the median
 * rate of each: shared machines are noisy, and alternating spreads the noise.
 */
async function compared(
  labels: [string, string],
  product: () => Promise<number>,
  raw: () => Promise<number>,
): Promise<[Measured, Measured]> {
  const productSamples: Sample[] = [];
  const rawSamples: Sample[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    productSamples.push(await sample(product));
    rawSamples.push(await sample(raw));
  }
  return [measured(labels[0], productSamples), measured(labels[1], rawSamples)];
}

/** Runs `clients` workers that each perform `perClient` operations, one after another. */
async function concurrently(clients: number, perClient: number, operation: (client: number, index: number) => Promise<void>) {
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let index = 0; index < perClient; index += 1) await operation(client, index);
    }),
  );
}

// ---------------------------------------------------------------- workload

function payload(index: number) {
  return {
    ticketId: `INC-${index}`,
    serviceId: 'email',
    priority: 'P2',
    occurredAt: new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString(),
    summary: 'Mailbox unavailable for users in building B',
  };
}

function newEvents(count: number, offset = 0): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type: 'IncidentOpened',
    schemaVersion: 1,
    data: payload(offset + index),
    metadata: { actor: 'bench', correlationId: randomUUID(), source: 'bench' },
  }));
}

const COLUMNS = 'event_id, stream_name, stream_revision, event_type, schema_version, data, metadata';

/** The product's columns, constraints and defaults; of its indexes only the primary key and the unique event id. */
const RAW_TABLE = `create table raw_events (
  global_position bigint generated always as identity primary key,
  transaction_id xid8 not null default pg_current_xact_id(),
  event_id uuid not null unique,
  stream_name text not null,
  stream_revision bigint not null,
  event_type text not null,
  schema_version integer not null,
  data jsonb not null,
  metadata jsonb not null,
  recorded_at timestamptz not null default clock_timestamp())`;

function valuesInsert(table: string, events: readonly NewEvent[], stream: string) {
  const placeholders: string[] = [];
  const values: unknown[] = [];
  events.forEach((event, index) => {
    const at = index * 7;
    placeholders.push(`($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7})`);
    values.push(event.id, stream, index, event.type, event.schemaVersion, JSON.stringify(event.data), JSON.stringify(event.metadata));
  });
  return { text: `insert into ${table} (${COLUMNS}) values ${placeholders.join(', ')}`, values };
}

function unnestInsert(table: string, events: readonly NewEvent[], stream: string) {
  return {
    text: `insert into ${table} (${COLUMNS})
           select * from unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::integer[], $6::jsonb[], $7::jsonb[])`,
    values: [
      events.map((event) => event.id),
      events.map(() => stream),
      events.map((_, index) => index),
      events.map((event) => event.type),
      events.map((event) => event.schemaVersion),
      events.map((event) => JSON.stringify(event.data)),
      events.map((event) => JSON.stringify(event.metadata)),
    ],
  };
}

/** The statement `PostgresEventStore.readAll` sends (unfiltered), copied for the probes. */
const READ_ALL_SQL = `with horizon as (select pg_snapshot_xmin(pg_current_snapshot()) as xmin)
  select h.xmin::text as watermark, e.*
    from horizon h
    left join lateral (
      select global_position, transaction_id::text as commit_position, event_id, stream_name,
             stream_revision, event_type, schema_version, data, metadata,
             (extract(epoch from recorded_at) * 1000)::float8 as recorded_at
        from event_store.events
       where (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
         and transaction_id < h.xmin
       order by transaction_id, global_position
       limit $3
    ) e on true`;

const TEXT_ONLY: QueryConfig['types'] = { getTypeParser: () => (value: string) => value };

// ---------------------------------------------------------------- output

const format = (value: number) => Math.round(value).toLocaleString('en');

function table(header: string[], body: string[][], alignLeft = 1): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column < alignLeft ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

function costRow(entry: Measured): string[] {
  const events = entry.samples.reduce((sum, current) => sum + current.events, 0);
  const seconds = entry.samples.reduce((sum, current) => sum + current.seconds, 0);
  const client = entry.samples.reduce((sum, current) => sum + current.clientCpu, 0);
  const server = entry.samples.reduce((sum, current) => sum + current.serverCpu, 0);
  const micro = (value: number) => ((value / events) * 1e6).toFixed(value / events < 1e-5 ? 2 : 1);
  return [entry.label, format(entry.rate), micro(seconds), micro(client), micro(server), ((client + server) / seconds).toFixed(2)];
}

// ---------------------------------------------------------------- the run

async function main(cluster: { url: string; directory: string }): Promise<void> {
  const admin = new Client({ connectionString: cluster.url });
  await admin.connect();
  const { rows: version } = await admin.query<{ server_version: string }>('show server_version');
  const { rows: settings } = await admin.query<{ name: string; setting: string }>(
    `select name, case when unit = '8kB' then pg_size_pretty(setting::bigint * 8192)
                       when unit = 'MB' then pg_size_pretty(setting::bigint * 1024 * 1024)
                       when unit is null then setting else setting || unit end as setting
       from pg_settings
      where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'commit_delay',
                     'wal_level', 'shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'jit')
      order by name`,
  );
  await admin.query('create database bench');
  await admin.end();
  const url = cluster.url.replace(/\/postgres$/, '/bench');
  const filesystem = spawnSync('stat', ['-f', '-c', '%T', cluster.directory], { encoding: 'utf8' }).stdout.trim() || 'unknown';

  const cpus = os.cpus();
  console.log('event store benchmark (bench/event-store.bench.ts)');
  console.log(`machine:    ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`);
  console.log(`node:       ${process.version}, pg ${pgVersion()}`);
  console.log(`PostgreSQL: ${version[0].server_version} (embedded, own cluster in ${cluster.directory} on ${filesystem})`);
  console.log(`settings:   production defaults (as the application starts it), ${settings.map((entry) => `${entry.name}=${entry.setting}`).join(', ')}`);
  console.log(
    `workload:   log of ≥ ${format(LOG_EVENTS)} events (BENCH_EVENTS), ${format(SINGLE_APPENDS)} single appends per round (BENCH_SINGLE_APPENDS),` +
      ` median of ${ROUNDS} rounds (BENCH_ROUNDS), probes of ${PROBE_EVENTS ? format(PROBE_EVENTS) : 'none'} events (BENCH_PROBE_EVENTS)`,
  );
  const sampleEvent = newEvents(1)[0];
  console.log(
    `event:      data ${JSON.stringify(sampleEvent.data).length} B + metadata ${JSON.stringify(sampleEvent.metadata).length} B of JSON\n`,
  );

  await migrateEventStore(url);
  const raw = new Pool({ connectionString: url, max: 16 });
  raw.on('error', () => undefined);
  await raw.query(RAW_TABLE);
  const store = new PostgresEventStore({ connectionString: url, poolSize: 16 });
  const readStore = openReadStore<any>(url);
  const figures: { figure: string; product: Measured; raw: Measured; aim?: number }[] = [];

  try {
    // 1. One event per append.
    for (const clients of SINGLE_CLIENTS) {
      const perClient = Math.max(1, Math.floor(SINGLE_APPENDS / clients));
      const plural = clients > 1 ? 's' : '';
      const [product, plain] = await compared(
        [`appendToStream, 1 event, ${clients} client${plural}`, `INSERT 1 row per transaction, ${clients} client${plural}`],
        async () => {
          await concurrently(clients, perClient, async (client, index) => {
            await store.appendToStream(`single${clients}-${client}`, newEvents(1, index), 'any');
          });
          return clients * perClient;
        },
        async () => {
          await concurrently(clients, perClient, async (client, index) => {
            const query = valuesInsert('raw_events', newEvents(1, index), `rawsingle${clients}-${client}`);
            await raw.query(query.text, query.values);
          });
          return clients * perClient;
        },
      );
      figures.push({ figure: `1. append, 1 event per append, ${clients} client${plural}`, product, raw: plain });
    }

    // 2. A hundred events per append; the product's rounds also write the log for 3 and 4.
    const appendsPerClient = Math.ceil(LOG_EVENTS / BATCH / BATCH_CLIENTS / ROUNDS);
    const [batched, batchedRaw] = await compared(
      [`appendToStream, ${BATCH} events, ${BATCH_CLIENTS} clients`, `INSERT … VALUES of ${BATCH} rows, ${BATCH_CLIENTS} clients`],
      async () => {
        await concurrently(BATCH_CLIENTS, appendsPerClient, async (client, index) => {
          await store.appendToStream(`incident-${client}x${index % STREAMS_PER_CLIENT}`, newEvents(BATCH, index * BATCH), 'any');
        });
        return BATCH_CLIENTS * appendsPerClient * BATCH;
      },
      async () => {
        await concurrently(BATCH_CLIENTS, appendsPerClient, async (client, index) => {
          const query = valuesInsert('raw_events', newEvents(BATCH, index * BATCH), `raw-${client}x${index % STREAMS_PER_CLIENT}`);
          await raw.query(query.text, query.values);
        });
        return BATCH_CLIENTS * appendsPerClient * BATCH;
      },
    );
    figures.push({
      figure: `2. append, ${BATCH} events per append, ${BATCH_CLIENTS} clients × ${STREAMS_PER_CLIENT} streams`,
      product: batched,
      raw: batchedRaw,
      aim: 50_000,
    });

    // A settled log, as a rebuild meets it in production: visibility hints set, statistics current.
    await raw.query('vacuum (analyze) event_store.events');
    const { rows: counted } = await raw.query<{ events: string; streams: string }>(
      'select count(*) as events, count(distinct stream_name) as streams from event_store.events',
    );
    const logEvents = Number(counted[0].events);
    const logStreams = Number(counted[0].streams);

    // 3. The whole global log, in pages.
    const readAllPages = (pageSize: number) => async () => {
      let after: GlobalPosition | undefined;
      let total = 0;
      for (;;) {
        const page = await store.readAll({ after, maxCount: pageSize });
        total += page.events.length;
        after = page.checkpoint;
        if (page.isEnd) return total;
      }
    };
    const selectPages = (pageSize: number, types?: QueryConfig['types']) => async () => {
      let last = '0';
      let total = 0;
      for (;;) {
        const { rows } = await raw.query<{ global_position: string }>({
          text: `select global_position, transaction_id, ${COLUMNS}, recorded_at
                   from event_store.events where global_position > $1 order by global_position limit $2`,
          values: [last, pageSize],
          types,
        });
        total += rows.length;
        if (rows.length < pageSize) return total;
        last = rows[rows.length - 1].global_position;
      }
    };
    const readRates = new Map<number, Measured>();
    for (const pageSize of [PAGE, ...REBUILD_BATCHES.filter((size) => size !== PAGE)]) {
      const [read, select] = await compared(
        [`readAll, pages of ${format(pageSize)}`, `SELECT … ORDER BY keyset pages of ${format(pageSize)}`],
        readAllPages(pageSize),
        selectPages(pageSize),
      );
      readRates.set(pageSize, read);
      figures.push({
        figure: `3. global-log read, pages of ${format(pageSize)} (${format(logEvents)} events)`,
        product: read,
        raw: select,
        aim: pageSize === PAGE ? 150_000 : undefined,
      });
    }

    // 4. Rebuild of a real projection over the whole log; the read rate at the same page size is its ceiling.
    await migrateReadStore(readStore, auditReadModelMigrations);
    for (const batchSize of REBUILD_BATCHES) {
      const runner = new ProjectionRunner(store, readStore, [streamActivityProjection], { batchSize });
      await runner.prepare();
      const samples: Sample[] = [];
      for (let round = 0; round < ROUNDS; round += 1) samples.push(await sample(() => runner.rebuild('stream-activity')));
      figures.push({
        figure: `4. projection rebuild (stream-activity), batches of ${format(batchSize)}`,
        product: measured(`rebuild stream-activity, batches of ${format(batchSize)}`, samples),
        raw: readRates.get(batchSize)!,
        aim: 50_000,
      });
    }

    // Where the time goes: single runs of variants that isolate one cost each.
    const probes: Measured[] = [];
    if (PROBE_EVENTS > 0) {
      await raw.query('create table raw_events_indexed (like event_store.events including all)');
      const probeAppends = Math.max(1, Math.round(PROBE_EVENTS / BATCH / BATCH_CLIENTS));
      const probeBatches = (label: string, statement: (events: NewEvent[], stream: string) => { text: string; values: unknown[] }) =>
        once(label, async () => {
          await concurrently(BATCH_CLIENTS, probeAppends, async (client, index) => {
            const query = statement(newEvents(BATCH, index * BATCH), `probe-${client}x${index % STREAMS_PER_CLIENT}`);
            await raw.query(query.text, query.values);
          });
          return BATCH_CLIENTS * probeAppends * BATCH;
        });
      const encode = createRequire(__filename)('pg/lib/utils').prepareValue as (value: unknown) => unknown;
      probes.push(
        await once(`  client only: ${BATCH}-event parameters built + encoded, no I/O`, async () => {
          const appends = BATCH_CLIENTS * probeAppends;
          for (let index = 0; index < appends; index += 1) {
            const events = newEvents(BATCH, index * BATCH);
            const parameters = [
              'stream',
              'any',
              events.map((event) => event.id),
              events.map((event) => event.type),
              events.map((event) => event.schemaVersion),
              events.map((event) => JSON.stringify(event.data)),
              events.map((event) => JSON.stringify(event.metadata)),
            ];
            parameters.forEach(encode);
          }
          return appends * BATCH;
        }),
        await probeBatches('  INSERT … VALUES, plain table (= raw figure 2)', (events, stream) => valuesInsert('raw_events', events, stream)),
        await probeBatches('  INSERT … SELECT unnest(arrays), plain table', (events, stream) => unnestInsert('raw_events', events, stream)),
        await probeBatches('  INSERT … SELECT unnest(arrays), copy of event_store.events', (events, stream) =>
          unnestInsert('raw_events_indexed', events, stream),
        ),
        await once(`  appendToStream, ${BATCH} events (= product figure 2)`, async () => {
          await concurrently(BATCH_CLIENTS, probeAppends, async (client, index) => {
            await store.appendToStream(`incident-${client}x${index % STREAMS_PER_CLIENT}`, newEvents(BATCH, index * BATCH), 'any');
          });
          return BATCH_CLIENTS * probeAppends * BATCH;
        }),
      );
      probes.push(
        await once(`  SELECT keyset pages of ${format(PAGE)}, rows left as text`, selectPages(PAGE, TEXT_ONLY)),
        await once(`  readAll's statement, rows left as text`, readAllStatement(raw, TEXT_ONLY)),
        await once(`  readAll's statement, pg parses jsonb`, readAllStatement(raw, undefined)),
        await once(`  readAll (= product figure 3)`, readAllPages(PAGE)),
      );
      for (const clients of SINGLE_CLIENTS) {
        const perClient = Math.max(1, Math.floor(SINGLE_APPENDS / clients));
        probes.push(
          await once(`  empty durable commit, ${clients} client${clients > 1 ? 's' : ''} (commits/s)`, async () => {
            await concurrently(clients, perClient, async () => {
              await raw.query('select pg_current_xact_id()');
            });
            return clients * perClient;
          }),
        );
      }
    }

    // ------------------------------------------------------------ report
    console.log(`log: ${format(logEvents)} events in ${format(logStreams)} streams\n`);
    console.log(
      table(
        ['figure (events/s)', 'product', 'raw PG', 'ratio', 'aim'],
        figures.map((row) => [
          row.figure,
          format(row.product.rate),
          format(row.raw.rate),
          (row.product.rate / row.raw.rate).toFixed(2),
          row.aim ? `≥ ${format(row.aim)} ${row.product.rate >= row.aim ? 'met' : 'MISSED'}` : '',
        ]),
      ),
    );
    console.log(
      [
        '',
        'raw PG, measured in the same run on the same server:',
        '  1. INSERT of one row per transaction into raw_events: the same columns, defaults, jsonb and unique uuid, no stream table',
        `  2. one INSERT … VALUES of ${BATCH} rows (700 parameters) per transaction into raw_events`,
        '  3. SELECT of the same columns from event_store.events, keyset-paged by global_position (pg parses jsonb and timestamptz)',
        '  4. the product\'s own readAll at the same page size: a rebuild reads every event, so it cannot beat it',
      ].join('\n'),
    );

    console.log('\nwhere the time goes (µs per event; CPU = process CPU time; cores busy = (node + PG) CPU / wall, out of ' + cpus.length + ')\n');
    const costHeader = ['operation', 'events/s', 'wall', 'node CPU', 'PG CPU', 'cores busy'];
    console.log(table(costHeader, [...figures.flatMap((row) => [row.product, row.raw]).filter(unique).map(costRow)]));
    if (probes.length > 0) {
      console.log('\nprobes (one run each, variants that isolate one cost):\n');
      console.log(table(costHeader, probes.map(costRow)));
    }
  } finally {
    await readStore.destroy().catch(() => undefined);
    await store.close().catch(() => undefined);
    await raw.end().catch(() => undefined);
  }
}

function unique(entry: Measured, index: number, all: Measured[]): boolean {
  return all.indexOf(entry) === index;
}

/** The adapter's readAll statement without the adapter's row mapping. */
function readAllStatement(pool: Pool, types: QueryConfig['types']) {
  return async () => {
    let after = { commit: '0', prepare: '0' };
    let total = 0;
    for (;;) {
      const { rows } = await pool.query<{ event_id: string | null; commit_position: string; global_position: string }>({
        text: READ_ALL_SQL,
        values: [after.commit, after.prepare, PAGE],
        types,
      });
      const events = rows.filter((row) => row.event_id != null);
      total += events.length;
      if (events.length < PAGE) return total;
      const last = events[events.length - 1];
      after = { commit: last.commit_position, prepare: last.global_position };
    }
  };
}

function pgVersion(): string {
  try {
    return (createRequire(__filename)('pg/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function run(): Promise<void> {
  const base = process.env.BENCH_DIR ?? os.tmpdir();
  const directory = mkdtempSync(path.join(base, 'sla-bench-postgres-'));
  // PostgreSQL runs as an unprivileged account when we are root: it must reach the folder.
  chmodSync(directory, 0o755);
  let server: EmbeddedPostgres | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await server?.stop().catch(() => undefined);
      rmSync(directory, { recursive: true, force: true });
    })());
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping PostgreSQL and removing ${directory}`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    // No settings: the same ones the application starts the embedded server with.
    server = await startEmbeddedPostgres({ dataDirectory: path.join(directory, 'data'), port: await freePort() });
    postmasterPid = Number(readFileSync(path.join(directory, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    await main({ url: server.connectionString('postgres'), directory });
  } finally {
    await cleanUp();
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
