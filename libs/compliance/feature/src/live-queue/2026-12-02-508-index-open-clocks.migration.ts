import { sql, type Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // The live queue reads only the clocks no fact has stopped: a few among the year's hundreds of thousands.
  await sql`create index ticket_sla_status_open on ticket_sla_status (agreement_id, service_id)
    where stopped_at is null and state in ('running', 'paused', 'breached')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index ticket_sla_status_open`.execute(db);
}
