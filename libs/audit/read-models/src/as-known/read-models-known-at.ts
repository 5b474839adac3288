import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';
import { recordedBefore, type EventStore } from '@sla/event-sourcing';
import { ProjectionRunner, type Projection } from '@sla/projection-runtime';
import { migrateReadStore, openReadStore } from '@sla/read-store';

/** The live stores to rebuild from. */
export type LiveStores = {
  readonly eventStore: EventStore;
  readonly readStore: Kysely<any>;
  readonly databaseUrl: string;
};

/** Every read model of the product: what the rebuild creates and replays (the product's composition names them). */
export type ProductReadModels = {
  readonly projections: readonly Projection[];
  readonly migrations: Record<string, Migration>;
};

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
  live: LiveStores,
  readModels: ProductReadModels,
  knownAt: Date,
  log: (message: string) => void = () => undefined,
): Promise<ReadModelsKnownAt> {
  const schema = `known_at_${knownAt.getTime()}_${randomBytes(4).toString('hex')}`;
  await sql`create schema ${sql.id(schema)}`.execute(live.readStore);
  const readStore = openReadStore<any>(live.databaseUrl, 4, schema);
  const close = async () => {
    await readStore.destroy();
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(live.readStore);
  };
  try {
    await migrateReadStore(readStore, readModels.migrations, schema);
    const eventStore = recordedBefore(live.eventStore, knownAt);
    const projections = new ProjectionRunner(eventStore, readStore, readModels.projections, {
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
