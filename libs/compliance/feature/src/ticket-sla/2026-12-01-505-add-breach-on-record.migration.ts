import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Copied from sla_detection so that period figures read one table (no per-row lookups).
  await db.schema
    .alterTable('ticket_sla_status')
    .addColumn('breach_on_record', 'boolean', (column) => column.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket_sla_status').dropColumn('breach_on_record').execute();
}
