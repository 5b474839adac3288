import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { eventStoreMigrations } from '@sla/event-store-postgres';

/**
 * Migrates a PostgreSQL event store only up to and including `lastMigration`,
 * as an earlier release left it, so a test can store data in that shape and
 * then upgrade it with `migrateEventStore`.
 */
export async function migrateEventStoreThrough(connectionString: string, lastMigration: string): Promise<void> {
  const names = Object.keys(eventStoreMigrations);
  if (!names.includes(lastMigration)) throw new Error(`no event store migration named ${lastMigration}`);
  const earlier = Object.fromEntries(
    names.filter((name) => name <= lastMigration).map((name) => [name, eventStoreMigrations[name]]),
  );
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString, max: 1 }) }) });
  try {
    const { error } = await new Migrator({
      db,
      provider: { getMigrations: async () => earlier },
      migrationTableSchema: 'public',
      migrationTableName: 'event_store_migration',
      migrationLockTableName: 'event_store_migration_lock',
    }).migrateToLatest();
    if (error) throw error;
  } finally {
    await db.destroy();
  }
}
