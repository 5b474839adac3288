import type { Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Set by `audit key rotate`: the key signs no head after this instant; its public key stays to verify its heads.
  await db.schema.alterTable('audit_signing_key').addColumn('retired_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_signing_key').dropColumn('retired_at').execute();
}
