/**
 * Throughput of the PostgreSQL event store. Every figure is printed beside
 * the rate of an equivalent plain PostgreSQL operation measured in the same
 * run, on the same server, so that it reads as a ratio. Not part of
 * `npm test`; see docs/benchmarks.md.
 *
 *   bench/run.sh                          # build, then run: ~2 minutes on 2 cores
 *   BENCH_EVENTS=400000 bench/run.sh      # a larger log for the read and rebuild figures
 *   BENCH_ROUNDS=5 bench/run.sh           # more rounds per figure (the median is kept)
 *   BENCH_PROBES=0 bench/run.sh           # skip the "where the time goes" probes
 *   BENCH_DIR=/mnt/disk bench/run.sh      # put the throw-away cluster on another disk
 *
 * It starts its own PostgreSQL (the embedded binaries) in a temporary folder
 * with the settings the application starts it with (durable commits:
 * fsync=on, synchronous_commit=on) and removes the folder at the end, also
 * on error and on Ctrl-C.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import { Client, Pool, types as pgTypes, type QueryConfig } from 'pg';
import { auditReadModelMigrations, streamActivityProjection } from '@sla/audit-read-models';
import type { GlobalPosition, NewEvent } from '@sla/event-sourcing';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { ProjectionRunner } from '@sla/projection-runtime';
import { migrateReadStore, openReadStore } from '@sla/read-store';
import { withThrowawayPostgres } from './support/throwaway-postgres';
import { machineCpuSeconds, serverCpuSeconds } from './support/process-cpu';
import { numberFromEnvironment } from './support/settings';

// ---------------------------------------------------------------- settings

/** Events the batched appends write: the log that the read and rebuild figures run over. */
const LOG_EVENTS = numberFromEnvironment('BENCH_EVENTS', 200_000, 1_000);
/** Single-event appends per round and per concurrency level. */
const SINGLE_APPENDS = numberFromEnvironment('BENCH_SINGLE_APPENDS', 3_000, 8);
/** Rounds per figure; the operations of a figure alternate and the median of each is kept. */
const ROUNDS = numberFromEnvironment('BENCH_ROUNDS', 3, 1);
/** Events per append probe and round (read probes read five times as many); 0 skips the probes. */
const PROBE_EVENTS = process.env.BENCH_PROBES === '0' ? 0 : numberFromEnvironment('BENCH_PROBE_EVENTS', 20_000, 400);
const SINGLE_CLIENTS = [1, 8];
const BATCH = 100;
const BATCH_CLIENTS = 4;
const STREAMS_PER_CLIENT = 25;
const PAGE = 1_000;
const REBUILD_BATCHES = [1_000, 5_000];
const NOISY = 0.25;

// ---------------------------------------------------------------- measurement

/** One timed run. otherCpu: what other processes on the machine used meanwhile (work competing for the cores). */
type Sample = { events: number; seconds: number; clientCpu: number; serverCpu: number; otherCpu: number };
/** An operation's runs; its rate is the median of theirs. */
type Measured = { label: string; rate: number; samples: Sample[] };

let postmasterPid = 0;
const startedAt = Date.now();

/** Progress on stderr, so that stdout holds only the report. */
function progress(message: string): void {
  process.stderr.write(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
}

async function sample(work: () => Promise<number>): Promise<Sample> {
  const machineBefore = machineCpuSeconds();
  const serverBefore = serverCpuSeconds(postmasterPid);
  const clientBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const events = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const client = process.cpuUsage(clientBefore);
  const serverCpu = serverCpuSeconds(postmasterPid) - serverBefore;
  const clientCpu = (client.user + client.system) / 1e6;
  const otherCpu = Math.max(0, machineCpuSeconds() - machineBefore - clientCpu - serverCpu);
  return { events, seconds, clientCpu, serverCpu, otherCpu };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

type Operation = { label: string; run: () => Promise<number> };

/**
 * Runs the operations one after another, ROUNDS times, and keeps the median
 * rate of each: shared machines are noisy, and alternating spreads the noise
 * evenly over the operations that are compared.
 */
async function alternated(operations: Operation[]): Promise<Measured[]> {
  const samples = operations.map(() => [] as Sample[]);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [index, operation] of operations.entries()) samples[index].push(await sample(operation.run));
  }
  return operations.map((operation, index) => ({
    label: operation.label,
    rate: median(samples[index].map((entry) => entry.events / entry.seconds)),
    samples: samples[index],
  }));
}

/** Runs `clients` workers that each perform `perClient` operations, one after another. */
async function concurrently(
  clients: number,
  perClient: number,
  operation: (client: number, index: number) => Promise<void>,
) {
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

/** A version 7 UUID: milliseconds first, so that ids appended together sort together. */
function uuidV7(): string {
  const random = randomUUID();
  const time = Date.now().toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15)}`;
}

function newEvents(count: number, offset = 0, timeOrderedIds = false): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: timeOrderedIds ? uuidV7() : randomUUID(),
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

type Statement = { text: string; values: unknown[] };

/** Plain multi-row INSERT: one placeholder per value. */
function valuesInsert(table: string, events: readonly NewEvent[], stream: string, firstRevision = 0): Statement {
  const rows: string[] = [];
  const values: unknown[] = [];
  events.forEach((event, index) => {
    const at = index * 7;
    rows.push(`($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7})`);
    values.push(
      event.id,
      stream,
      firstRevision + index,
      event.type,
      event.schemaVersion,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
    );
  });
  return { text: `insert into ${table} (${COLUMNS}) values ${rows.join(', ')}`, values };
}

/** The adapter's way: one array parameter per column. */
function unnestInsert(table: string, events: readonly NewEvent[], stream: string, firstRevision = 0): Statement {
  return {
    text: `insert into ${table} (${COLUMNS})
           select * from unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::integer[], $6::jsonb[], $7::jsonb[])`,
    values: [
      events.map((event) => event.id),
      events.map(() => stream),
      events.map((_, index) => firstRevision + index),
      events.map((event) => event.type),
      events.map((event) => event.schemaVersion),
      events.map((event) => JSON.stringify(event.data)),
      events.map((event) => JSON.stringify(event.metadata)),
    ],
  };
}

/** A what-if for the adapter: the whole append as one JSON document. */
function recordsetInsert(table: string, events: readonly NewEvent[], stream: string, firstRevision = 0): Statement {
  return {
    text: `insert into ${table} (${COLUMNS})
           select x.id, $2, $3::bigint + x.n - 1, x.type, x.version, x.data, x.metadata
             from rows from (jsonb_to_recordset($1::jsonb) as (id uuid, type text, version integer, data jsonb, metadata jsonb))
                  with ordinality as x(id, type, version, data, metadata, n)`,
    values: [
      JSON.stringify(
        events.map((event) => ({
          id: event.id,
          type: event.type,
          version: event.schemaVersion,
          data: event.data,
          metadata: event.metadata,
        })),
      ),
      stream,
      firstRevision,
    ],
  };
}

/** The statement `PostgresEventStore.readAll` sends (unfiltered), copied here for the probes. */
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

/** A what-if for the adapter: the timestamp computed in float8 (date_part) instead of numeric (extract). */
const LEAN_READ_ALL_SQL = READ_ALL_SQL.replace(
  '(extract(epoch from recorded_at) * 1000)::float8',
  "date_part('epoch', recorded_at) * 1000",
);

const JSONB_OID = 3802;
const TEXT_ONLY: QueryConfig['types'] = { getTypeParser: () => (value: string) => value };
const JSON_AS_TEXT: QueryConfig['types'] = {
  getTypeParser: (oid: number, format?: string) =>
    oid === JSONB_OID ? (value: string) => value : pgTypes.getTypeParser(oid, (format ?? 'text') as 'text'),
};

/** A RecordedEvent whose JSON is still text: what a lazily parsing adapter would hold until `data` is first read. */
type LazyEvent = Omit<NewEvent, 'data' | 'metadata'> & {
  dataJson: string;
  metadataJson: string;
  streamName: string;
  streamRevision: bigint;
  position: GlobalPosition;
  recordedAt: Date;
};

// ---------------------------------------------------------------- output

const format = (value: number) => Math.round(value).toLocaleString('en');

function table(header: string[], body: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [
    line(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...body.map((row) => line(row).trimEnd()),
  ].join('\n');
}

function totals(entry: Measured) {
  const sum = (pick: (current: Sample) => number) => entry.samples.reduce((total, current) => total + pick(current), 0);
  return {
    events: sum((current) => current.events),
    seconds: sum((current) => current.seconds),
    client: sum((current) => current.clientCpu),
    server: sum((current) => current.serverCpu),
    other: sum((current) => current.otherCpu),
  };
}

const COST_HEADER = ['operation', 'events/s', 'wall', 'node CPU', 'PG CPU', 'cores busy', 'others'];

function costRow(entry: Measured): string[] {
  if (entry.samples.length === 0) return [entry.label, '', '', '', '', '', ''];
  const { events, seconds, client, server, other } = totals(entry);
  const micro = (value: number) => ((value / events) * 1e6).toFixed(1);
  return [
    entry.label,
    format(entry.rate),
    micro(seconds),
    micro(client),
    micro(server),
    ((client + server) / seconds).toFixed(2),
    (other / seconds).toFixed(2),
  ];
}

/** The most cores other processes used during any run of the entries. */
function noise(...entries: Measured[]): number {
  return Math.max(0, ...entries.flatMap((entry) => entry.samples.map((current) => current.otherCpu / current.seconds)));
}

function heading(text: string): Measured {
  return { label: text, rate: Number.NaN, samples: [] };
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
  const filesystem =
    spawnSync('df', ['--output=fstype', cluster.directory], { encoding: 'utf8' }).stdout?.split('\n')[1]?.trim() ||
    'unknown';
  const cpus = os.cpus();
  const example = newEvents(1)[0];

  console.log('event store benchmark (bench/event-store.bench.ts)');
  console.log(
    `machine:    ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, load ${os.loadavg()[0].toFixed(2)}`,
  );
  console.log(`node:       ${process.version}, pg ${packageVersion('pg')}`);
  console.log(
    `PostgreSQL: ${version[0].server_version} (embedded, own cluster in ${cluster.directory}, ${filesystem})`,
  );
  console.log(
    `settings:   as the application starts it: ${settings.map((entry) => `${entry.name}=${entry.setting}`).join(', ')}`,
  );
  console.log(
    `workload:   BENCH_EVENTS=${LOG_EVENTS} BENCH_SINGLE_APPENDS=${SINGLE_APPENDS} BENCH_ROUNDS=${ROUNDS} BENCH_PROBE_EVENTS=${PROBE_EVENTS};` +
      ` events of ${JSON.stringify(example.data).length} B data + ${JSON.stringify(example.metadata).length} B metadata (JSON)`,
  );

  await migrateEventStore(url);
  const raw = new Pool({ connectionString: url, max: 16 });
  raw.on('error', () => undefined);
  await raw.query(RAW_TABLE);
  const store = new PostgresEventStore({ connectionString: url, poolSize: 16 });
  const readStore = openReadStore<any>(url);

  const run = async (statement: Statement) => {
    await raw.query(statement.text, statement.values);
  };
  /** The whole log through the product, or its first `limit` events. */
  const readAllPages =
    (pageSize: number, limit = Infinity) =>
    async () => {
      let after: GlobalPosition | undefined;
      let total = 0;
      for (;;) {
        const page = await store.readAll({ after, maxCount: pageSize });
        total += page.events.length;
        after = page.checkpoint;
        if (page.isEnd || total >= limit) return total;
      }
    };
  /** The plain equivalent: the same columns, keyset-paged by the primary key. */
  const selectPages =
    (pageSize: number, types?: QueryConfig['types'], limit = Infinity) =>
    async () => {
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
        if (rows.length < pageSize || total >= limit) return total;
        last = rows[rows.length - 1].global_position;
      }
    };
  /** readAll's own statement, without the adapter's mapping of the rows. */
  const readAllStatement = (text: string, types: QueryConfig['types'], limit: number) => async () => {
    let after = { commit: '0', prepare: '0' };
    let total = 0;
    for (;;) {
      const { rows } = await raw.query<{ event_id: string | null; commit_position: string; global_position: string }>({
        text,
        values: [after.commit, after.prepare, PAGE],
        types,
      });
      const events = rows.filter((row) => row.event_id != null);
      total += events.length;
      if (events.length < PAGE || total >= limit) return total;
      const last = events[events.length - 1];
      after = { commit: last.commit_position, prepare: last.global_position };
    }
  };
  /**
   * What readAll could cost: the timestamp in float8, rows as arrays (no
   * object per row keyed by column name), and data and metadata kept as JSON
   * text for a getter to parse on first use (stream-activity never reads them).
   */
  const lazyReadAll = (limit: number) => async () => {
    let after = { commit: '0', prepare: '0' };
    let total = 0;
    for (;;) {
      const { rows } = await raw.query<unknown[]>({
        text: LEAN_READ_ALL_SQL,
        values: [after.commit, after.prepare, PAGE],
        rowMode: 'array',
        types: JSON_AS_TEXT,
      });
      const events: LazyEvent[] = [];
      for (const row of rows) {
        if (row[3] === null) continue;
        events.push({
          id: row[3] as string,
          type: row[6] as string,
          schemaVersion: row[7] as number,
          dataJson: row[8] as string,
          metadataJson: row[9] as string,
          streamName: row[4] as string,
          streamRevision: BigInt(row[5] as string),
          position: { commit: BigInt(row[2] as string), prepare: BigInt(row[1] as string) },
          recordedAt: new Date(row[10] as number),
        });
      }
      total += events.length;
      if (events.length < PAGE || total >= limit) return total;
      const last = events[events.length - 1].position;
      after = { commit: last.commit.toString(), prepare: last.prepare.toString() };
    }
  };

  const figures: { figure: string; product: Measured; raw: Measured; aim?: number }[] = [];
  const probes: Measured[] = [];
  let logEvents = 0;
  let logStreams = 0;
  try {
    // 1. One event per append, against one plain single-row INSERT per transaction.
    for (const clients of SINGLE_CLIENTS) {
      const perClient = Math.max(1, Math.floor(SINGLE_APPENDS / clients));
      const plural = clients > 1 ? 's' : '';
      const [product, plain] = await alternated([
        {
          label: `appendToStream, 1 event, ${clients} client${plural}`,
          run: async () => {
            await concurrently(clients, perClient, async (client, index) => {
              await store.appendToStream(`single${clients}-${client}`, newEvents(1, index), 'any');
            });
            return clients * perClient;
          },
        },
        {
          label: `INSERT 1 row per transaction, ${clients} client${plural}`,
          run: async () => {
            await concurrently(clients, perClient, (client, index) =>
              run(valuesInsert('raw_events', newEvents(1, index), `single${clients}-${client}`)),
            );
            return clients * perClient;
          },
        },
      ]);
      figures.push({ figure: `1. append, 1 event per append, ${clients} client${plural}`, product, raw: plain });
      progress(`1. single-event appends, ${clients} client${plural}: done`);
    }

    // 2. A hundred events per append, several streams per client. The product's rounds write the log for 3 and 4.
    const appendsPerClient = Math.ceil(LOG_EVENTS / BATCH / BATCH_CLIENTS / ROUNDS);
    const batchedEvents = BATCH_CLIENTS * appendsPerClient * BATCH;
    const [batched, batchedRaw] = await alternated([
      {
        label: `appendToStream, ${BATCH} events, ${BATCH_CLIENTS} clients`,
        run: async () => {
          await concurrently(BATCH_CLIENTS, appendsPerClient, async (client, index) => {
            await store.appendToStream(
              `incident-${client}x${index % STREAMS_PER_CLIENT}`,
              newEvents(BATCH, index * BATCH),
              'any',
            );
          });
          return batchedEvents;
        },
      },
      {
        label: `INSERT … VALUES of ${BATCH} rows, ${BATCH_CLIENTS} clients`,
        run: async () => {
          await concurrently(BATCH_CLIENTS, appendsPerClient, (client, index) =>
            run(
              valuesInsert(
                'raw_events',
                newEvents(BATCH, index * BATCH),
                `incident-${client}x${index % STREAMS_PER_CLIENT}`,
              ),
            ),
          );
          return batchedEvents;
        },
      },
    ]);
    figures.push({
      figure: `2. append, ${BATCH} events per append, ${BATCH_CLIENTS} clients × ${STREAMS_PER_CLIENT} streams`,
      product: batched,
      raw: batchedRaw,
      aim: 50_000,
    });
    progress('2. batched appends: done');

    // The log settled, as a rebuild meets it in production: visibility hints set, statistics current.
    await raw.query('vacuum (analyze) event_store.events');
    const { rows: counted } = await raw.query<{ events: string; streams: string }>(
      'select count(*) as events, count(distinct stream_name) as streams from event_store.events',
    );
    logEvents = Number(counted[0].events);
    logStreams = Number(counted[0].streams);

    // 3 and 4. The whole log read in pages, and a real projection rebuilt over it, alternated round by round:
    // a rebuild reads every event, so the read rate at its batch size is the ceiling for it.
    await migrateReadStore(readStore, auditReadModelMigrations);
    for (const pageSize of REBUILD_BATCHES) {
      const runner = new ProjectionRunner(store, readStore, [streamActivityProjection], { batchSize: pageSize });
      await runner.prepare();
      const [read, select, rebuild] = await alternated([
        { label: `readAll, pages of ${format(pageSize)}`, run: readAllPages(pageSize) },
        { label: `SELECT … ORDER BY, keyset pages of ${format(pageSize)}`, run: selectPages(pageSize) },
        {
          label: `rebuild stream-activity, batches of ${format(pageSize)}`,
          run: () => runner.rebuild('stream-activity'),
        },
      ]);
      figures.push({
        figure: `3. global-log read, pages of ${format(pageSize)} (${format(logEvents)} events)`,
        product: read,
        raw: select,
        aim: pageSize === PAGE ? 150_000 : undefined,
      });
      figures.push({
        figure: `4. projection rebuild (stream-activity), batches of ${format(pageSize)}`,
        product: rebuild,
        raw: read,
        aim: 50_000,
      });
      progress(`3 and 4. reads and rebuilds, pages of ${format(pageSize)}: done`);
    }
    figures.sort((a, b) => a.figure.localeCompare(b.figure, 'en', { numeric: true }));

    // Where the time goes: variants that each isolate one cost, alternated round by round like the figures.
    if (PROBE_EVENTS > 0) {
      await raw.query('create table raw_events_indexed (like event_store.events including all)');
      await raw.query('create table commit_probe (id integer)');
      const appends = Math.max(1, Math.round(PROBE_EVENTS / BATCH / BATCH_CLIENTS));
      const appendEvents = appends * BATCH_CLIENTS * BATCH;
      const readLimit = Math.min(logEvents, PROBE_EVENTS * 5);
      const commits = Math.max(8, Math.min(SINGLE_APPENDS, 2_000));
      const encode = createRequire(__filename)('pg/lib/utils').prepareValue as (value: unknown) => unknown;
      let batchNumber = 0;
      const batches =
        (statement: (events: NewEvent[], stream: string, firstRevision: number) => Statement) => async () => {
          batchNumber += 1;
          const prefix = `probe${batchNumber}`;
          await concurrently(BATCH_CLIENTS, appends, (client, index) =>
            run(
              statement(
                newEvents(BATCH, index * BATCH),
                `${prefix}-${client}x${index % STREAMS_PER_CLIENT}`,
                Math.floor(index / STREAMS_PER_CLIENT) * BATCH,
              ),
            ),
          );
          return appendEvents;
        };
      const productAppends = (timeOrderedIds: boolean) => async () => {
        await concurrently(BATCH_CLIENTS, appends, async (client, index) => {
          await store.appendToStream(
            `incident-${client}x${index % STREAMS_PER_CLIENT}`,
            newEvents(BATCH, index * BATCH, timeOrderedIds),
            'any',
          );
        });
        return appendEvents;
      };
      const durableCommits = (clients: number) => async () => {
        const perClient = Math.max(1, Math.floor(commits / clients));
        await concurrently(clients, perClient, () => run({ text: 'insert into commit_probe values (1)', values: [] }));
        return clients * perClient;
      };

      const appendProbes = await alternated([
        {
          label: "  client only: the adapter's parameters built and encoded, no I/O",
          run: async () => {
            for (let index = 0; index < appends * BATCH_CLIENTS; index += 1) {
              const events = newEvents(BATCH, index * BATCH);
              [
                events.map((event) => event.id),
                events.map((event) => event.type),
                events.map((event) => event.schemaVersion),
                events.map((event) => JSON.stringify(event.data)),
                events.map((event) => JSON.stringify(event.metadata)),
              ].forEach(encode);
            }
            return appendEvents;
          },
        },
        {
          label: '  INSERT … VALUES, raw_events (= raw figure 2)',
          run: batches((events, stream, first) => valuesInsert('raw_events', events, stream, first)),
        },
        {
          label: '  INSERT … unnest(7 arrays), raw_events',
          run: batches((events, stream, first) => unnestInsert('raw_events', events, stream, first)),
        },
        {
          label: '  INSERT … unnest(7 arrays), copy of event_store.events',
          run: batches((events, stream, first) => unnestInsert('raw_events_indexed', events, stream, first)),
        },
        { label: '  appendToStream (= product figure 2)', run: productAppends(false) },
        {
          label: '  what-if: INSERT … jsonb_to_recordset(1 JSON), copy of events',
          run: batches((events, stream, first) => recordsetInsert('raw_events_indexed', events, stream, first)),
        },
        { label: '  what-if: appendToStream, time-ordered (v7) event ids', run: productAppends(true) },
      ]);
      progress('probes: appends done');
      const readProbes = await alternated([
        { label: '  SELECT keyset pages, rows left as text', run: selectPages(PAGE, TEXT_ONLY, readLimit) },
        {
          label: "  readAll's statement, rows left as text",
          run: readAllStatement(READ_ALL_SQL, TEXT_ONLY, readLimit),
        },
        {
          label: "  readAll's statement, pg parses the jsonb",
          run: readAllStatement(READ_ALL_SQL, undefined, readLimit),
        },
        { label: '  readAll: + rows mapped to RecordedEvent (= product figure 3)', run: readAllPages(PAGE, readLimit) },
        { label: '  what-if: float8 timestamp, array rows, JSON parsed lazily', run: lazyReadAll(readLimit) },
      ]);
      const commitProbes = await alternated(
        SINGLE_CLIENTS.map((clients) => ({
          label: `  ${clients} client${clients > 1 ? 's' : ''} (commits/s)`,
          run: durableCommits(clients),
        })),
      );
      progress('probes: done');
      probes.push(
        heading(`appends of ${BATCH} events, ${BATCH_CLIENTS} clients, ${format(appendEvents)} events a round`),
        ...appendProbes,
        heading(`reads, pages of ${format(PAGE)}, first ${format(readLimit)} events a round`),
        ...readProbes,
        heading('durable commits of a 1-row insert, no index (floor of figure 1)'),
        ...commitProbes,
      );
    }
  } finally {
    await readStore.destroy().catch(() => undefined);
    await store.close().catch(() => undefined);
    await raw.end().catch(() => undefined);
  }

  // ------------------------------------------------------------------ report
  console.log(`log:        ${format(logEvents)} events in ${format(logStreams)} streams\n`);
  console.log(
    table(
      ['figure (events/s, median)', 'product', 'raw PG', 'ratio', 'aim', 'noise'],
      figures.map((row) => {
        const disturbed = noise(row.product, row.raw);
        return [
          row.figure,
          format(row.product.rate),
          format(row.raw.rate),
          (row.product.rate / row.raw.rate).toFixed(2),
          row.aim ? `≥ ${format(row.aim)} ${row.product.rate >= row.aim ? 'met' : 'MISSED'}` : '',
          `${disturbed.toFixed(2)}${disturbed > NOISY ? ' !' : ''}`,
        ];
      }),
    ),
  );
  console.log(
    [
      '',
      'raw PG: plain operations measured in the same run, on the same server, alternating with the product:',
      '  1. one single-row INSERT per transaction into raw_events (the same columns, defaults, jsonb and unique uuid; no stream row)',
      `  2. one INSERT … VALUES of ${BATCH} rows (${BATCH * 7} parameters) per transaction into raw_events`,
      '  3. SELECT of the same columns from event_store.events, keyset-paged by global_position (pg parses jsonb, timestamptz)',
      "  4. the product's own readAll at the same page size: a rebuild reads every event, so it cannot beat it",
      `noise: the most cores that other processes on the machine used during any round of the figure; above ${NOISY} (!)`,
      '  other work slowed the figure: rerun on a quiet machine.',
      '',
      `where the time goes: µs per event, totals over all rounds; cores busy = (node + PG CPU) / wall, out of ${cpus.length};`,
      'others = cores used meanwhile by other processes on the machine',
      '',
    ].join('\n'),
  );
  console.log(
    table(
      COST_HEADER,
      figures
        .flatMap((row) => [row.product, row.raw])
        .filter((entry, index, all) => all.indexOf(entry) === index)
        .map(costRow),
    ),
  );
  if (probes.length > 0) {
    console.log(`\nprobes: variants that isolate one cost each (median of ${ROUNDS} alternated rounds)\n`);
    console.log(table(COST_HEADER, probes.map(costRow)));
  }
}

function packageVersion(name: string): string {
  try {
    return (createRequire(__filename)(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function start(): Promise<void> {
  await withThrowawayPostgres(async ({ url, directory, postmasterPid: pid }) => {
    postmasterPid = pid;
    await main({ url, directory });
  });
}

start().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
