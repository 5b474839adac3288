import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { serviceStreamName } from '@sla/catalogue-domain';
import { openInfrastructure, productReadModels, type Infrastructure } from '@sla/composition';
import { loadConfiguration } from '@sla/configuration';
import { createTestDatabase, registerSeedService } from '@sla/test-support';
import { openReadModelsKnownAt } from '@sla/audit-read-models';

/** The as-known rebuild lives in audit; the product's composition only names the read models it recreates. */
describe('read models as known at an instant (real PostgreSQL)', () => {
  let infrastructure: Infrastructure;
  let between: Date;

  async function registerService(serviceId: string) {
    await registerSeedService(infrastructure.eventStore, serviceId);
  }

  const knownAtSchemas = async (knownAt: Date) =>
    (
      await sql<{ count: string }>`select count(*) from information_schema.schemata
        where schema_name like ${`known_at_${knownAt.getTime()}_%`}`.execute(infrastructure.readStore)
    ).rows[0].count;

  beforeAll(async () => {
    infrastructure = await openInfrastructure(
      loadConfiguration({
        DATABASE_URL: await createTestDatabase('read_models_known_at'),
        AUDIT_SIGNING_KEY_FILE: path.join(tmpdir(), 'sla-test-audit-signing-key.pem'),
        LOG_LEVEL: 'error',
      }),
    );
    await registerService('crm');
    // Recording times come from the database clock: leave a clear gap on both sides of the instant.
    await new Promise((resolve) => setTimeout(resolve, 50));
    between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await registerService('erp');
  });

  afterAll(() => infrastructure?.close());

  it('replays only the events recorded before the instant into a throw-away schema, dropped on close', async () => {
    const knownAt = await openReadModelsKnownAt(infrastructure, productReadModels, between);
    try {
      const streams = await knownAt.readStore.selectFrom('stream_activity').select('stream_name').execute();
      expect(streams.map((row) => row.stream_name)).toEqual([serviceStreamName('crm')]);
      expect(await knownAtSchemas(between)).toBe('1');
    } finally {
      await knownAt.close();
    }
    expect(await knownAtSchemas(between)).toBe('0');
  });

  it('sees every event when the instant is after the last one', async () => {
    const before = await openReadModelsKnownAt(infrastructure, productReadModels, between);
    await before.close();
    const knownAt = await openReadModelsKnownAt(infrastructure, productReadModels, new Date(Date.now() + 60_000));
    try {
      const streams = await knownAt.readStore.selectFrom('stream_activity').select('stream_name').execute();
      expect(streams.map((row) => row.stream_name).sort()).toEqual([
        serviceStreamName('crm'),
        serviceStreamName('erp'),
      ]);
      expect(knownAt.eventsApplied).toBeGreaterThan(before.eventsApplied);
    } finally {
      await knownAt.close();
    }
  });
});
