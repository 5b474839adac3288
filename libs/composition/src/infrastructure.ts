import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { ConfigurationError, type Configuration } from '@sla/configuration';
import { withEventSchemas, type EventStore } from '@sla/event-sourcing';
import { connectEsdbEventStore } from '@sla/event-store-esdb';
import { grantEventStoreAccess, migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from '@sla/postgres-server';
import { ProjectionRunner, ReactorRunner, type ProjectionRunnerOptions } from '@sla/projection-runtime';
import { migrateReadStore, openReadStore } from '@sla/read-store';
import { productEventCatalog, productProjections, productReactors, productReadModelMigrations } from './product';
import { SlaWatch, type WatchClock } from '@sla/compliance-feature';
import { HeadWitness, LogSealer, LogSigner, type AppendRecord } from '@sla/audit-read-models';

export type WatermarkStatus = { readonly seconds: number; readonly pid: number | null };

/** Everything a process of the product needs, opened in the right order. */
export type Infrastructure = {
  readonly configuration: Configuration;
  /** Schema-checked: appends are validated, reads upcast. */
  readonly eventStore: EventStore;
  readonly readStore: Kysely<any>;
  readonly projections: ProjectionRunner;
  /** Follow-up work triggered by events (review follow-ups); runs where the projections run. */
  readonly reactors: ReactorRunner;
  /** Records SLA breaches, at-risk warnings and corrections as their instants pass; runs where the projections run. */
  readonly slaWatch: SlaWatch;
  /** Seals the log into the audit Merkle tree and signs tree heads; runs where the projections run. */
  readonly logSealer: LogSealer;
  /** Delivers every signed head to AUDIT_HEAD_WEBHOOK_URL; runs where the projections run. Unset = none. */
  readonly headWitness: HeadWitness | undefined;
  /** The file that holds the signing key (AUDIT_SIGNING_KEY_FILE or its default). */
  readonly signingKeyFile: string;
  /** The store as written, without upcasting: what the audit tree commits to. */
  readonly rawEventStore: EventStore;
  /** The store's record of its own appends (PostgreSQL only): what sealing and verification check events against. */
  readonly appendRecord: AppendRecord | undefined;
  /** Starts what follows the log in this process: projections, reactors, SLA watch, log sealer. */
  readonly startBackgroundWork: () => void;
  readonly databaseUrl: string;
  readonly embeddedDatabase: boolean;
  /** How long the oldest open transaction has held global-log readers back (PostgreSQL adapter only). */
  readonly watermark: (() => Promise<WatermarkStatus>) | undefined;
  readonly close: () => Promise<void>;
};

const EMBEDDED_DATABASE_NAME = 'sla';

export async function openInfrastructure(
  configuration: Configuration,
  log: (message: string) => void = () => undefined,
  options: { clock?: WatchClock } = {},
): Promise<Infrastructure> {
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
  };
  try {
    // Before the database: a broken key file stops start-up with nothing started.
    const signer = openSigner(configuration);
    const headLogFile = headLogOutsideDataFolder(configuration);
    let embedded: EmbeddedPostgres | undefined;
    let databaseUrl = configuration.DATABASE_URL;
    let migrationUrl = configuration.DATABASE_MIGRATION_URL ?? configuration.DATABASE_URL;
    if (configuration.DATABASE_MIGRATION_URL && !configuration.DATABASE_URL) {
      throw new ConfigurationError([
        'DATABASE_MIGRATION_URL: is set without DATABASE_URL; set DATABASE_URL to the application role of the same database',
      ]);
    }
    if (!databaseUrl || !migrationUrl) {
      const dataDirectory = path.resolve(configuration.DATA_DIR, 'postgres');
      log(
        `starting embedded PostgreSQL on 127.0.0.1:${configuration.EMBEDDED_POSTGRES_PORT}, data in ${dataDirectory}`,
      );
      embedded = await startEmbeddedPostgres({ dataDirectory, port: configuration.EMBEDDED_POSTGRES_PORT, log });
      closers.push(() => embedded!.stop());
      migrationUrl = embedded.connectionString(EMBEDDED_DATABASE_NAME);
      databaseUrl = embedded.applicationConnectionString(EMBEDDED_DATABASE_NAME);
    }
    await ensureDatabase(migrationUrl);

    let rawStore: EventStore;
    let watermark: Infrastructure['watermark'];
    let appendRecord: AppendRecord | undefined;
    let countAfter: ProjectionRunnerOptions['countAfter'];
    const applicationRole = separateApplicationRole(migrationUrl, databaseUrl);
    if (configuration.ESDB_CONNECTION_STRING) {
      log('event store: EventStoreDB');
      rawStore = await connectEsdbEventStore({
        connectionString: configuration.ESDB_CONNECTION_STRING,
        startupTimeoutMilliseconds: configuration.ESDB_STARTUP_TIMEOUT_MS,
      });
    } else {
      log('event store: PostgreSQL');
      await migrateEventStore(migrationUrl);
      if (applicationRole) await grantEventStoreAccess(migrationUrl, applicationRole);
      const postgresStore = new PostgresEventStore({ connectionString: databaseUrl });
      watermark = () => postgresStore.watermarkAgeSeconds();
      countAfter = (after, filter, limit) => postgresStore.countAfter(after, filter, limit);
      appendRecord = postgresStore;
      rawStore = postgresStore;
    }
    closers.push(() => rawStore.close());
    const eventCatalog = productEventCatalog();
    const eventStore = withEventSchemas(rawStore, eventCatalog);

    // Read models and their checkpoints stay in PostgreSQL whatever the event store.
    const applied = await migrateReadModelsAsOwner(migrationUrl, applicationRole);
    if (applied.length > 0) log(`read-model migrations applied: ${applied.join(', ')}`);
    const readStore = openReadStore<any>(databaseUrl);
    closers.push(() => readStore.destroy());

    const projections = new ProjectionRunner(eventStore, readStore, productProjections, {
      batchSize: configuration.PROJECTION_BATCH_SIZE,
      idleMilliseconds: configuration.PROJECTION_IDLE_MS,
      log,
      countAfter,
    });
    await projections.prepare();
    closers.push(() => projections.stop());
    const clock = options.clock ?? { now: () => new Date() };
    const reactors = new ReactorRunner(eventStore, readStore, productReactors, {
      idleMilliseconds: configuration.PROJECTION_IDLE_MS,
      clock,
      log,
    });
    await reactors.prepare();
    closers.push(() => reactors.stop());
    const slaWatch = new SlaWatch(eventStore, readStore, clock, { log });
    closers.push(() => slaWatch.stop());
    const logSealer = new LogSealer(rawStore, readStore, signer, clock, {
      headIntervalMilliseconds: configuration.AUDIT_TREE_HEAD_INTERVAL_SECONDS * 1_000,
      ...(headLogFile ? { headLogFile } : {}),
      reloadSigner: () => openSigner(configuration),
      log,
      eventCatalog,
      ...(appendRecord ? { appendRecord } : {}),
    });
    closers.push(() => logSealer.stop());
    let headWitness: HeadWitness | undefined;
    if (configuration.AUDIT_HEAD_WEBHOOK_URL) {
      headWitness = new HeadWitness(readStore, {
        url: configuration.AUDIT_HEAD_WEBHOOK_URL,
        ...(configuration.AUDIT_HEAD_WEBHOOK_SECRET ? { secret: configuration.AUDIT_HEAD_WEBHOOK_SECRET } : {}),
        clock,
        log,
      });
      await headWitness.prepare();
      closers.push(() => headWitness!.stop());
    }

    return {
      configuration,
      eventStore,
      readStore,
      projections,
      reactors,
      slaWatch,
      logSealer,
      headWitness,
      signingKeyFile: signingKeyFile(configuration),
      rawEventStore: rawStore,
      appendRecord,
      startBackgroundWork: () => {
        projections.start();
        reactors.start();
        slaWatch.start();
        logSealer.start();
        headWitness?.start();
      },
      databaseUrl,
      embeddedDatabase: embedded !== undefined,
      watermark,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function outsideDataFolder(configuration: Configuration, file: string): boolean {
  const relative = path.relative(path.resolve(configuration.DATA_DIR), path.resolve(file));
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

/**
 * The role DATABASE_URL logs in as, when it is not the owner's (the migration URL's):
 * it then receives exactly the privileges the product's processes need.
 */
function separateApplicationRole(migrationUrl: string, databaseUrl: string): string | undefined {
  const role = (url: string) => decodeURIComponent(new URL(url).username);
  return role(migrationUrl) === role(databaseUrl) ? undefined : role(databaseUrl);
}

/**
 * Migrations run as the owner; the application role may then read and write the read models
 * (projections rebuild with TRUNCATE) and create the throw-away schemas of an as-known-at rebuild,
 * but not touch the migration records. The event log's own grants are grantEventStoreAccess's.
 */
async function migrateReadModelsAsOwner(migrationUrl: string, applicationRole: string | undefined): Promise<string[]> {
  const owner = openReadStore<any>(migrationUrl, 1);
  try {
    const applied = await migrateReadStore(owner, productReadModelMigrations);
    if (applicationRole) {
      const grantee = sql.id(applicationRole);
      await owner.transaction().execute(async (transaction) => {
        // Processes starting together would otherwise grant at once and fail with "tuple concurrently updated".
        await sql`select pg_advisory_xact_lock(hashtext('sla-application-grants'))`.execute(transaction);
        const database = sql.id(await currentDatabase(transaction));
        await sql`grant create on database ${database} to ${grantee}`.execute(transaction);
        await sql`grant usage on schema public to ${grantee}`.execute(transaction);
        await sql`grant select, insert, update, delete, truncate on all tables in schema public to ${grantee}`.execute(
          transaction,
        );
        await sql`grant usage, select, update on all sequences in schema public to ${grantee}`.execute(transaction);
        for (const table of MIGRATION_TABLES) {
          await sql`revoke all on table ${sql.table(table)} from ${grantee}`.execute(transaction);
        }
      });
    }
    return applied;
  } finally {
    await owner.destroy();
  }
}

const MIGRATION_TABLES = [
  'event_store_migration',
  'event_store_migration_lock',
  'read_model_migration',
  'read_model_migration_lock',
];

async function currentDatabase(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  return rows[0].name;
}

/** A copy of the heads beside the data would go wherever the data goes: whoever can rewrite one can rewrite both. */
function headLogOutsideDataFolder(configuration: Configuration): string | undefined {
  if (!configuration.AUDIT_HEAD_LOG_FILE) return undefined;
  const file = path.resolve(configuration.AUDIT_HEAD_LOG_FILE);
  if (!outsideDataFolder(configuration, file)) {
    throw new ConfigurationError([
      `AUDIT_HEAD_LOG_FILE=${JSON.stringify(configuration.AUDIT_HEAD_LOG_FILE)}: lies inside DATA_DIR (${configuration.DATA_DIR}); the published heads must be kept apart from the data they vouch for`,
    ]);
  }
  return file;
}

/** Where the signing key lives: AUDIT_SIGNING_KEY_FILE, or (outside production) beside the data. */
export function signingKeyFile(configuration: Configuration): string {
  return path.resolve(
    configuration.AUDIT_SIGNING_KEY_FILE ?? path.join(configuration.DATA_DIR, 'audit-signing-key.pem'),
  );
}

function openSigner(configuration: Configuration): LogSigner {
  // In production a key beside the data goes wherever the data goes (backups, copies, a stolen disk): whoever
  // holds both can rewrite the log and re-sign it. Development keeps the convenient default.
  if (configuration.NODE_ENV === 'production') {
    if (!configuration.AUDIT_SIGNING_KEY_FILE) {
      throw new ConfigurationError([
        `AUDIT_SIGNING_KEY_FILE: required when NODE_ENV=production; the default ($DATA_DIR/audit-signing-key.pem) keeps the key that vouches for the data beside the data. Point it at a file outside DATA_DIR (${configuration.DATA_DIR}), e.g. a mounted secret`,
      ]);
    }
    if (!outsideDataFolder(configuration, configuration.AUDIT_SIGNING_KEY_FILE)) {
      throw new ConfigurationError([
        `AUDIT_SIGNING_KEY_FILE=${JSON.stringify(configuration.AUDIT_SIGNING_KEY_FILE)}: lies inside DATA_DIR (${configuration.DATA_DIR}); with NODE_ENV=production the signing key must be kept apart from the data it vouches for`,
      ]);
    }
  }
  const file = signingKeyFile(configuration);
  try {
    return LogSigner.fromFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigurationError([
      `AUDIT_SIGNING_KEY_FILE=${JSON.stringify(file)}: cannot use it as the signing key (${reason})`,
    ]);
  }
}
