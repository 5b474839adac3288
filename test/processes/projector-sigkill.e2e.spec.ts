import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadConfiguration } from '@sla/configuration';
import { openInfrastructure } from '@sla/composition';
import type { NewEvent } from '@sla/event-sourcing';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { builtEntryPoint, createTestDatabase, eventually, startNodeProcess } from '@sla/test-support';

/**
 * Exactly-once effect: the projector runs as a separate process and is
 * killed with SIGKILL at several random points during catch-up. After a
 * final run, every read model must equal a clean rebuild from position 0.
 */
describe('projector killed with SIGKILL during catch-up', () => {
  const SERVICES = 2_500;
  const FILLER_STREAMS = 500;
  const FILLER_EVENTS_PER_STREAM = 40;
  const TOTAL = SERVICES * 2 + FILLER_STREAMS * FILLER_EVENTS_PER_STREAM;
  const KILLS = 5;
  let databaseUrl: string;

  const metadata = () => ({ actor: 'seed', correlationId: randomUUID(), source: 'test' });

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('projector_sigkill');
    await migrateEventStore(databaseUrl);
    const store = new PostgresEventStore({ connectionString: databaseUrl });
    const at = '2026-02-01T08:00:00Z';
    for (let service = 0; service < SERVICES; service += 1) {
      const serviceId = `svc-${service}`;
      const events: NewEvent[] = [
        {
          id: randomUUID(),
          type: 'ServiceRegistered',
          schemaVersion: 2,
          data: {
            serviceId,
            name: `Service ${service}`,
            description: '',
            owner: { name: 'Owner', email: null },
            contactPoint: null,
            changeRequest: null,
            occurredAt: at,
          },
          metadata: metadata(),
        },
        {
          id: randomUUID(),
          type: 'ServiceRetired',
          schemaVersion: 1,
          data: { serviceId, reason: 'seeded', changeRequest: `CR-${service}`, occurredAt: at },
          metadata: metadata(),
        },
      ];
      await store.appendToStream(`service-${serviceId}`, events, 'no_stream');
    }
    for (let stream = 0; stream < FILLER_STREAMS; stream += 1) {
      const events = Array.from({ length: FILLER_EVENTS_PER_STREAM }, (_, index) => ({
        id: randomUUID(),
        type: 'LoadProbeRecorded',
        schemaVersion: 1,
        data: { index },
        metadata: metadata(),
      }));
      await store.appendToStream(`loadprobe-${stream}`, events, 'no_stream');
    }
    await store.close();
  }, 120_000);

  async function appliedSoFar(client: Client, projection = 'stream-activity'): Promise<number> {
    const { rows } = await client.query<{ events_applied: string }>(
      `select events_applied from projection_checkpoint where projection_name = $1`,
      [projection],
    );
    return Number(rows[0]?.events_applied ?? 0);
  }

  async function snapshot(client: Client) {
    const activity = await client.query('select * from stream_activity order by stream_name');
    const catalogue = await client.query('select * from service_catalogue order by service_id');
    return { activity: activity.rows, catalogue: catalogue.rows };
  }

  it('ends with read models identical to a clean rebuild, each event applied once', async () => {
    const environment = { DATABASE_URL: databaseUrl, PROJECTION_BATCH_SIZE: '50', PROJECTION_IDLE_MS: '20' };
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    // Kill points spread over the catch-up, chosen at random each run (seed printed for replay).
    const seed = Date.now() % 100_000;
    let state = seed;
    const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
    const targets = Array.from({ length: KILLS }, (_, index) =>
      Math.floor(TOTAL * (0.1 + 0.15 * index + 0.1 * random())),
    );
    const appliedAtKill: number[] = [];

    for (const target of targets) {
      const projector = startNodeProcess(builtEntryPoint('projector'), [], environment);
      await eventually(async () => ((await appliedSoFar(client)) >= target ? true : undefined), 60_000).catch(
        (error) => {
          throw new Error(`${error} (seed ${seed})\n${projector.output()}`);
        },
      );
      projector.child.kill('SIGKILL');
      await projector.exited;
      appliedAtKill.push(await appliedSoFar(client));
    }
    // Every kill landed mid catch-up, never after it had finished.
    for (const applied of appliedAtKill) {
      expect(applied).toBeGreaterThan(0);
      expect(applied).toBeLessThan(TOTAL);
    }

    const last = startNodeProcess(builtEntryPoint('projector'), [], environment);
    await eventually(async () => {
      const done =
        (await appliedSoFar(client)) >= TOTAL && (await appliedSoFar(client, 'service-catalogue')) >= SERVICES * 2;
      return done ? true : undefined;
    }, 60_000);
    last.child.kill('SIGTERM');
    expect((await last.exited).code).toBe(0);

    const afterKills = await snapshot(client);
    const counted = afterKills.activity.reduce((sum, row) => sum + Number(row.event_count), 0);
    expect(counted).toBe(TOTAL);
    expect(afterKills.catalogue).toHaveLength(SERVICES);
    expect(await appliedSoFar(client)).toBe(TOTAL);
    expect(await appliedSoFar(client, 'service-catalogue')).toBe(SERVICES * 2);

    // A clean rebuild of every projection, in this process, from position 0.
    const infrastructure = await openInfrastructure(
      loadConfiguration({ DATABASE_URL: databaseUrl, PROJECTION_BATCH_SIZE: '1000' }),
    );
    await infrastructure.projections.rebuild();
    await infrastructure.close();
    expect(await snapshot(client)).toEqual(afterKills);
    await client.end();
  }, 240_000);
});
