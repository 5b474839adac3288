import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, Migrator, PostgresDialect, type Migration } from 'kysely';
import { Pool, type PoolConfig } from 'pg';
import {
  EventStoreUnavailableError,
  PartialDuplicateError,
  WrongExpectedRevisionError,
  comparePositions,
  pollingSubscription,
  type AllPage,
  type AppendResult,
  type EventFilter,
  type EventStore,
  type EventSubscription,
  type ExpectedRevision,
  type GlobalPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '@sla/event-sourcing';
import * as createEventLog from './migrations/2026-11-22-001-create-event-log';
import * as renameLegacyStreamCategories from './migrations/2026-12-02-002-rename-legacy-stream-categories';
import * as appendOnlyEventLog from './migrations/2026-12-02-003-append-only-event-log';

export type PostgresEventStoreOptions = {
  readonly connectionString: string;
  readonly poolSize?: number;
  /**
   * How long a caught-up subscriber waits before polling again. Polling, not
   * NOTIFY: a NOTIFY serialises every committing transaction on a global
   * lock and cut concurrent append throughput to a quarter in our benchmark.
   */
  readonly idlePollMilliseconds?: number;
};

/** In order; exported so that tests can build a store as an earlier release left it. */
export const eventStoreMigrations: Readonly<Record<string, Migration>> = {
  '2026-11-22-001-create-event-log': createEventLog,
  '2026-12-02-002-rename-legacy-stream-categories': renameLegacyStreamCategories,
  '2026-12-02-003-append-only-event-log': appendOnlyEventLog,
};

const MAX_BIGINT = 9223372036854775807n;

type EventRow = {
  global_position: string;
  commit_position: string;
  event_id: string;
  stream_name: string;
  stream_revision: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  recorded_at: number;
};

// The text alias must not be called transaction_id: ORDER BY would then sort the text.
// Timestamps as epoch milliseconds: cheaper to decode than timestamptz text.
const EVENT_COLUMNS = `global_position, transaction_id::text as commit_position, event_id, stream_name,
  stream_revision, event_type, schema_version, data, metadata,
  (extract(epoch from recorded_at) * 1000)::float8 as recorded_at`;

/**
 * A connection the server drops (restart, admin shutdown) makes its client
 * emit 'error': the pool listens only while the client is idle, and an
 * unheard 'error' event would end the process. The failed query rejects on
 * its own (reported as EventStoreUnavailableError) and the pool replaces the client.
 */
function ignoreConnectionErrors(pool: Pool): void {
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
}

/** Creates or upgrades the event log schema (idempotent, safe to run concurrently). */
export async function migrateEventStore(connectionString: string): Promise<void> {
  const pool = new Pool({ connectionString, max: 1 });
  ignoreConnectionErrors(pool);
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  try {
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => ({ ...eventStoreMigrations }) },
      migrationTableSchema: 'public',
      migrationTableName: 'event_store_migration',
      migrationLockTableName: 'event_store_migration_lock',
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
  } finally {
    await db.destroy();
  }
}

/**
 * What the application role may do with the event log, granted by its owner
 * after migrating: read it, and append through the store's function. No
 * INSERT, UPDATE or DELETE on the tables themselves (README, database).
 */
export async function grantEventStoreAccess(ownerConnectionString: string, role: string): Promise<void> {
  const pool = new Pool({ connectionString: ownerConnectionString, max: 1 });
  ignoreConnectionErrors(pool);
  const grantee = quoteRole(role);
  const client = await pool.connect();
  try {
    await client.query('begin');
    // Processes starting together would otherwise grant at once and fail with "tuple concurrently updated".
    await client.query(`select pg_advisory_xact_lock(hashtext('sla-application-grants'))`);
    await client.query(`grant usage on schema event_store to ${grantee}`);
    await client.query(`grant select on event_store.events, event_store.streams, event_store.appends to ${grantee}`);
    await client.query(
      `grant execute on function event_store.append_events(text, text, uuid[], text[], integer[], jsonb[], jsonb[])
         to ${grantee}`,
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}

function quoteRole(role: string): string {
  return `"${role.replace(/"/g, '""')}"`;
}

/**
 * The embedded default adapter. Gap safety comes from the transaction-id
 * watermark described in docs/event-store-postgres.md.
 */
export class PostgresEventStore implements EventStore {
  readonly adapterName = 'postgres';
  private readonly pool: Pool;
  private readonly idlePollMilliseconds: number;
  private closed = false;

  constructor(options: PostgresEventStoreOptions) {
    const config: PoolConfig = { connectionString: options.connectionString, max: options.poolSize ?? 20 };
    this.pool = new Pool(config);
    ignoreConnectionErrors(this.pool);
    this.idlePollMilliseconds = options.idlePollMilliseconds ?? 100;
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const parameters = [
      streamName,
      typeof expectedRevision === 'bigint' ? expectedRevision.toString() : expectedRevision,
      events.map((event) => event.id),
      events.map((event) => event.type),
      events.map((event) => event.schemaVersion),
      events.map((event) => JSON.stringify(event.data)),
      events.map((event) => JSON.stringify(event.metadata)),
    ];
    try {
      const { rows } = await this.pool.query(
        'select * from event_store.append_events($1, $2, $3::uuid[], $4::text[], $5::integer[], $6::jsonb[], $7::jsonb[])',
        parameters,
      );
      return toAppendResult(rows[0]);
    } catch (error) {
      const code = (error as { code?: string }).code;
      const duplicateId = code === '23505' && (error as { constraint?: string }).constraint === 'events_event_id_key';
      if (code !== 'ES409' && !duplicateId) throw this.translateConnectionError(error);
      // Already stored (a redelivery, or a concurrent delivery that won): answer with the original.
      const stored = await this.findStoredAppend(streamName, events);
      if (stored.original) return stored.original;
      if (duplicateId) throw new PartialDuplicateError(streamName, stored.storedIds);
      const detail = (error as { detail?: string }).detail ?? 'no_stream';
      throw new WrongExpectedRevisionError(
        streamName,
        expectedRevision,
        detail === 'no_stream' ? 'no_stream' : BigInt(detail),
      );
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? MAX_BIGINT : 0n);
    const { rows } = await this.query<EventRow>(
      `select ${EVENT_COLUMNS} from event_store.events
        where stream_name = $1 and stream_revision ${backwards ? '<=' : '>='} $2
        order by stream_revision ${backwards ? 'desc' : 'asc'}
        limit $3`,
      [streamName, from.toString(), options.maxCount ?? null],
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<AllPage> {
    const after = options.after ?? { commit: 0n, prepare: 0n };
    const maxCount = options.maxCount ?? 1000;
    const { clause, parameters } = filterClause(options.filter, 4);
    // One statement, one snapshot: the watermark and the rows agree. Reading
    // the watermark in a later statement could skip events committed between.
    // The lateral reference forces a nested loop over the single horizon row,
    // which keeps the inner ORDER BY; an outer ORDER BY would cost a third of
    // the read rate (docs/benchmarks.md).
    const { rows } = await this.query<Partial<EventRow> & { watermark: string }>(
      `with horizon as (select pg_snapshot_xmin(pg_current_snapshot()) as xmin)
       select h.xmin::text as watermark, e.*
         from horizon h
         left join lateral (
           select ${EVENT_COLUMNS}
             from event_store.events
            where (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
              and transaction_id < h.xmin
              ${clause}
            order by transaction_id, global_position
            limit $3
         ) e on true`,
      [after.commit.toString(), after.prepare.toString(), maxCount, ...parameters],
    );
    const events = rows.filter((row) => row.event_id != null).map((row) => toRecordedEvent(row as EventRow));
    const isEnd = events.length < maxCount;
    let checkpoint: GlobalPosition | undefined = events.at(-1)?.position ?? options.after;
    if (isEnd) {
      // Everything below the watermark is final, so a reader may skip ahead to it.
      const horizon = { commit: BigInt(rows[0].watermark) - 1n, prepare: MAX_BIGINT };
      if (comparePositions(horizon, checkpoint ?? after) > 0) checkpoint = horizon;
    }
    return { events, checkpoint, isEnd };
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    return pollingSubscription({
      ...options,
      readAll: (read) => this.readAll(read),
      waitForAppend: (signal) => this.waitForAppend(signal),
    });
  }

  /** A caught-up subscriber's pause before it polls again. */
  async waitForAppend(signal?: AbortSignal): Promise<void> {
    await sleep(this.idlePollMilliseconds, undefined, { signal }).catch(() => undefined);
  }

  /** Age in seconds of the oldest open transaction that holds readers back (0 if none). */
  async watermarkAgeSeconds(): Promise<{ seconds: number; pid: number | null }> {
    const { rows } = await this.query<{ seconds: string | null; pid: number | null }>(
      `select extract(epoch from clock_timestamp() - xact_start)::text as seconds, pid
         from pg_stat_activity
        where backend_xid is not null and datname = current_database()
        order by xact_start asc limit 1`,
    );
    return { seconds: rows[0]?.seconds ? Number(rows[0].seconds) : 0, pid: rows[0]?.pid ?? null };
  }

  /** The last position visible to readers now. */
  async headPosition(): Promise<GlobalPosition | undefined> {
    const { rows } = await this.query<{ commit_position: string; global_position: string }>(
      `select transaction_id::text as commit_position, global_position from event_store.events
        where transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        order by transaction_id desc, global_position desc limit 1`,
    );
    return rows[0] ? { commit: BigInt(rows[0].commit_position), prepare: BigInt(rows[0].global_position) } : undefined;
  }

  /** Counts events readable after a position, at most `limit` when given: a projection's lag. */
  async countAfter(after: GlobalPosition | undefined, filter?: EventFilter, limit?: number): Promise<number> {
    const position = after ?? { commit: 0n, prepare: 0n };
    const { clause, parameters } = filterClause(filter, 4);
    const { rows } = await this.query<{ count: string }>(
      `select count(*) from (select 1 from event_store.events
        where (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
          and transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ${clause}
        limit $3) counted`,
      [position.commit.toString(), position.prepare.toString(), limit ?? null, ...parameters],
    );
    return Number(rows[0].count);
  }

  /**
   * The ids of those events that no append of the store recorded (event_store.appends):
   * rows written past the append function, e.g. by a superuser with triggers off.
   */
  async eventsNotAppended(events: readonly RecordedEvent[]): Promise<ReadonlySet<string>> {
    if (events.length === 0) return new Set();
    const { rows } = await this.query<{ event_id: string }>(
      `select e.event_id from unnest($1::uuid[], $2::text[], $3::bigint[]) as e(event_id, commit_position, position)
        where not exists (
          select 1 from event_store.appends a
           where a.transaction_id = e.commit_position::xid8 and e.position = any(a.global_positions))`,
      [
        events.map((event) => event.id),
        events.map((event) => event.position.commit.toString()),
        events.map((event) => event.position.prepare.toString()),
      ],
    );
    return new Set(rows.map((row) => row.event_id));
  }

  async checkHealth(): Promise<void> {
    await this.query('select 1 from event_store.streams limit 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async findStoredAppend(
    streamName: string,
    events: readonly NewEvent[],
  ): Promise<{ original?: AppendResult; storedIds: string[] }> {
    if (events.length === 0) return { storedIds: [] };
    const { rows } = await this.query<{
      event_id: string;
      stream_name: string;
      stream_revision: string;
      commit_position: string;
      global_position: string;
    }>(
      `select event_id, stream_name, stream_revision, transaction_id::text as commit_position, global_position
         from event_store.events where event_id = any($1::uuid[]) order by global_position`,
      [events.map((event) => event.id)],
    );
    const storedIds = rows.map((row) => row.event_id);
    const last = rows.at(-1);
    if (!last || rows.length !== events.length || rows.some((row) => row.stream_name !== streamName))
      return { storedIds };
    return {
      storedIds,
      original: {
        streamRevision: BigInt(last.stream_revision),
        position: { commit: BigInt(last.commit_position), prepare: BigInt(last.global_position) },
        duplicate: true,
      },
    };
  }

  private async query<Row extends object>(text: string, parameters: unknown[] = []) {
    try {
      return await this.pool.query<Row>(text, parameters);
    } catch (error) {
      throw this.translateConnectionError(error);
    }
  }

  private translateConnectionError(error: unknown): unknown {
    const code = (error as { code?: string }).code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '57P01' || code === '3D000') {
      return new EventStoreUnavailableError(`PostgreSQL event store unreachable: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return error;
  }
}

function filterClause(filter: EventFilter | undefined, firstParameter: number) {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  if (filter?.eventTypes) {
    parameters.push(filter.eventTypes);
    conditions.push(`event_type = any($${firstParameter + parameters.length - 1}::text[])`);
  }
  if (filter?.streamCategories) {
    parameters.push(filter.streamCategories);
    conditions.push(`split_part(stream_name, '-', 1) = any($${firstParameter + parameters.length - 1}::text[])`);
  }
  return { clause: conditions.map((condition) => `and ${condition}`).join(' '), parameters };
}

function toAppendResult(row: {
  stream_revision: string;
  commit_position: string | null;
  prepare_position: string | null;
  duplicate: boolean;
}): AppendResult {
  return {
    streamRevision: BigInt(row.stream_revision),
    position:
      row.commit_position === null || row.prepare_position === null
        ? null
        : { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
    duplicate: row.duplicate,
  };
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    streamName: row.stream_name,
    streamRevision: BigInt(row.stream_revision),
    position: { commit: BigInt(row.commit_position), prepare: BigInt(row.global_position) },
    recordedAt: new Date(row.recorded_at),
  };
}
