/**
 * Throughput of the PostgreSQL event store, each figure printed beside the
 * raw PostgreSQL rate for an equivalent plain operation measured in the
 * same run, on the same server. Not part of `npm test`.
 *
 *   npm run bench                     # defaults: ~1-2 minutes on 2 cores
 *   BENCH_EVENTS=400000 npm run bench # larger log for the read and rebuild figures
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Client, Pool } from 'pg';
import { auditReadModelMigrations, streamActivityProjection } from '@sla/audit-read-models';
import type { NewEvent } from '@sla/event-sourcing';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { ProjectionRunner } from '@sla/projection-runtime';
import { migrateReadStore, openReadStore } from '@sla/read-store';
import { startPrivatePostgres } from '@sla/test-support';

const LOG_EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const SINGLE_APPENDS = Number(process.env.BENCH_SINGLE_APPENDS ?? 4_000);

type Row = { figure: string; product: number; raw: number; aim?: number };
const rows: Row[] = [];

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

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function timed(work: () => Promise<number>): Promise<number> {
  const started = process.hrtime.bigint();
  const count = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return count / seconds;
}

/**
 * Runs product and raw alternately, ROUNDS times each, and keeps the median
 * of each: shared machines are noisy, and alternating spreads the noise.
 */
async function compared(product: () => Promise<number>, raw: () => Promise<number>): Promise<[number, number]> {
  const productRates: number[] = [];
  const rawRates: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    productRates.push(await timed(product));
    rawRates.push(await timed(raw));
  }
  return [median(productRates), median(rawRates)];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs `clients` workers that each perform `perClient` operations. */
async function concurrently(clients: number, perClient: number, operation: (client: number, index: number) => Promise<void>) {
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let index = 0; index < perClient; index += 1) await operation(client, index);
    }),
  );
}

const RAW_TABLE = `create table raw_events (
  global_position bigint generated always as identity primary key,
  event_id uuid not null unique,
  stream_name text not null,
  stream_revision bigint not null,
  event_type text not null,
  schema_version integer not null,
  data jsonb not null,
  metadata jsonb not null,
  recorded_at timestamptz not null default now())`;

async function main(): Promise<void> {
  const server = await startPrivatePostgres({ durable: true });
  try {
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    const { rows: version } = await admin.query<{ server_version: string }>('show server_version');
    const { rows: settings } = await admin.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'wal_level') order by name`,
    );
    await admin.query('create database bench');
    await admin.end();
    const url = server.url.replace(/\/postgres$/, '/bench');
    console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
    console.log(`PostgreSQL ${version[0].server_version} (embedded), ${settings.map((setting) => `${setting.name}=${setting.setting}`).join(', ')}`);
    console.log(`log size for read/rebuild: ${LOG_EVENTS} events; single-event appends: ${SINGLE_APPENDS}; median of ${ROUNDS} rounds\n`);

    await migrateEventStore(url);
    const raw = new Pool({ connectionString: url, max: 16 });
    await raw.query(RAW_TABLE);
    const store = new PostgresEventStore({ connectionString: url, poolSize: 16 });

    // 1. One event per append, 1 and 8 clients.
    for (const clients of [1, 8]) {
      const perClient = Math.floor(SINGLE_APPENDS / clients);
      const [product, rawRate] = await compared(async () => {
        await concurrently(clients, perClient, async (client, index) => {
          await store.appendToStream(`single${clients}-${client}`, newEvents(1, index), 'any');
        });
        return clients * perClient;
      }, async () => {
        await concurrently(clients, perClient, async (client, index) => {
          const [event] = newEvents(1, index);
          await raw.query(
            `insert into raw_events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata)
             values ($1, $2, $3, $4, $5, $6, $7)`,
            [event.id, `raw${clients}-${client}`, index, event.type, 1, JSON.stringify(event.data), JSON.stringify(event.metadata)],
          );
        });
        return clients * perClient;
      });
      rows.push({ figure: `append, 1 event per append, ${clients} client${clients > 1 ? 's' : ''} (events/s)`, product, raw: rawRate });
    }

    // 2. One hundred events per append, 4 clients, until the log holds LOG_EVENTS.
    const batches = Math.ceil(LOG_EVENTS / 100 / 4 / ROUNDS);
    const [batched, batchedRaw] = await compared(async () => {
      await concurrently(4, batches, async (client, index) => {
        await store.appendToStream(`batched-${client}-${index % 50}`, newEvents(100, index * 100), 'any');
      });
      return 4 * batches * 100;
    }, async () => {
      await concurrently(4, batches, async (client, index) => {
        const events = newEvents(100, index * 100);
        await raw.query(
          `insert into raw_events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata)
           select * from unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::integer[], $6::jsonb[], $7::jsonb[])`,
          [
            events.map((event) => event.id),
            events.map(() => `rawbatched-${client}-${index}-${randomUUID()}`),
            events.map((_, position) => position),
            events.map((event) => event.type),
            events.map(() => 1),
            events.map((event) => JSON.stringify(event.data)),
            events.map((event) => JSON.stringify(event.metadata)),
          ],
        );
      });
      return 4 * batches * 100;
    });
    rows.push({ figure: 'append, 100 events per append, 4 clients (events/s)', product: batched, raw: batchedRaw, aim: 50_000 });

    // 3. The whole global log in pages of 1,000.
    let total = 0;
    const [read, readRaw] = await compared(async () => {
      let after;
      total = 0;
      for (;;) {
        const page = await store.readAll({ after, maxCount: 1_000 });
        total += page.events.length;
        after = page.checkpoint;
        if (page.isEnd) return total;
      }
    }, async () => {
      let last = 0;
      let count = 0;
      for (;;) {
        const { rows: page } = await raw.query<{ global_position: string }>(
          `select global_position, event_id, stream_name, stream_revision, event_type, schema_version, data, metadata, recorded_at
             from raw_events where global_position > $1 order by global_position limit 1000`,
          [last],
        );
        count += page.length;
        if (page.length < 1_000) return count;
        last = Number(page[page.length - 1].global_position);
      }
    });
    rows.push({ figure: `global-log read, pages of 1,000 (${total} events) (events/s)`, product: read, raw: readRaw, aim: 150_000 });

    // 4. Rebuild of a real projection over the whole log, against the read rate as the floor.
    const readStore = openReadStore<any>(url);
    await migrateReadStore(readStore, auditReadModelMigrations);
    for (const batchSize of [1_000, 5_000]) {
      const runner = new ProjectionRunner(store, readStore, [streamActivityProjection], { batchSize });
      await runner.prepare();
      const rebuilds: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) rebuilds.push(await timed(() => runner.rebuild('stream-activity')));
      const rebuilt = median(rebuilds);
      rows.push({ figure: `projection rebuild (stream-activity), batches of ${batchSize} (events/s)`, product: rebuilt, raw: read, aim: 50_000 });
    }
    await readStore.destroy();
    await store.close();
    await raw.end();

    const width = Math.max(...rows.map((row) => row.figure.length));
    console.log(`${'figure'.padEnd(width)}  ${'product'.padStart(10)}  ${'raw PG'.padStart(10)}  ratio  aim`);
    for (const row of rows) {
      const aim = row.aim ? `${row.product >= row.aim ? 'met' : 'MISSED'} (≥ ${row.aim.toLocaleString('en')})` : '';
      console.log(
        `${row.figure.padEnd(width)}  ${Math.round(row.product).toLocaleString('en').padStart(10)}  ${Math.round(row.raw).toLocaleString('en').padStart(10)}  ${(row.product / row.raw).toFixed(2).padStart(5)}  ${aim}`,
      );
    }
    console.log('\nraw PG: plain INSERT/SELECT of the same rows into an equivalent table; for the rebuild, the product\'s own read rate.');
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
