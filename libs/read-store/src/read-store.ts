import { Kysely, Migrator, PostgresDialect, type Generated, type Migration } from 'kysely';
import { Pool } from 'pg';
import * as createProjectionCheckpoint from './migrations/2026-11-22-001-create-projection-checkpoint';

/** Migrations owned by the read store itself; features add theirs. */
export const readStoreMigrations: Record<string, Migration> = {
  '2026-11-22-001-create-projection-checkpoint': createProjectionCheckpoint,
};

export type ProjectionCheckpointTable = {
  projection_name: string;
  projection_version: number;
  commit_position: string;
  prepare_position: string;
  events_applied: Generated<string>;
  updated_at: Generated<Date>;
};

export type CheckpointTables = { projection_checkpoint: ProjectionCheckpointTable };

/** `schema`: read models in a schema of their own (e.g. a throw-away rebuild as known at a past instant). */
export function openReadStore<Database>(connectionString: string, poolSize = 10, schema?: string): Kysely<Database> {
  const pool = new Pool({
    connectionString,
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  ignoreConnectionErrors(pool);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Applies every read-model migration not yet applied, in name order. The
 * names are dated so that migrations from different features interleave
 * in the order they were written.
 */
export async function migrateReadStore(
  db: Kysely<any>,
  featureMigrations: Record<string, Migration>,
  /** The schema the read models live in when not the default one (see openReadStore). */
  schema?: string,
): Promise<string[]> {
  const migrations = { ...readStoreMigrations };
  for (const [name, migration] of Object.entries(featureMigrations)) {
    if (migrations[name]) throw new Error(`two read-model migrations are named ${name}`);
    migrations[name] = migration;
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'read_model_migration',
    migrationLockTableName: 'read_model_migration_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
    // Each context numbers its own migrations (4xx operations, 6xx reports): a new one of an
    // earlier context may sort before others already applied, and they are independent.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/**
 * A connection the server drops (restart, admin shutdown) makes its client
 * emit 'error': the pool listens only while the client is idle, and an
 * unheard 'error' event would end the process. The failed query rejects on
 * its own and the pool replaces the client.
 */
export function ignoreConnectionErrors(pool: Pool): void {
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
}
