import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { recordedBefore, type EventStore } from '@sla/event-sourcing';
import { ProjectionRunner } from '@sla/projection-runtime';
import { migrateReadStore, openReadStore } from '@sla/read-store';
import type { Infrastructure } from './infrastructure';
import { productProjections, productReadModelMigrations } from './product';

export type ReadModelsKnownAt = {
  readonly knownAt: Date;
  /** The store as it stood then (read-only). */
  readonly eventStore: EventStore;
  readonly readStore: Kysely<any>;
  readonly eventsApplied: number;
  /** Drops the throw-away schema. */
  readonly close: () => Promise<void>;
};

/**
 * Every read model rebuilt from only the events recorded before an instant,
 * in a throw-away schema beside the live ones: any compliance view asked of
 * it answers as it would have then. Exact and general, at the cost of one
 * replay of the log up to that instant — an auditor's question, never on
 * the request path.
 */
export async function openReadModelsKnownAt(
  infrastructure: Pick<Infrastructure, 'eventStore' | 'readStore' | 'databaseUrl'>,
  knownAt: Date,
  log: (message: string) => void = () => undefined,
): Promise<ReadModelsKnownAt> {
  const schema = `known_at_${knownAt.getTime()}_${randomBytes(4).toString('hex')}`;
  await sql`create schema ${sql.id(schema)}`.execute(infrastructure.readStore);
  const readStore = openReadStore<any>(infrastructure.databaseUrl, 4, schema);
  const close = async () => {
    await readStore.destroy();
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(infrastructure.readStore);
  };
  try {
    await migrateReadStore(readStore, productReadModelMigrations, schema);
    const eventStore = recordedBefore(infrastructure.eventStore, knownAt);
    const projections = new ProjectionRunner(eventStore, readStore, productProjections, {
      batchSize: 2_000,
      idleMilliseconds: 100,
      log,
    });
    await projections.prepare();
    const eventsApplied = await projections.catchUp();
    return { knownAt, eventStore, readStore, eventsApplied, close };
  } catch (error) {
    await close();
    throw error;
  }
}
