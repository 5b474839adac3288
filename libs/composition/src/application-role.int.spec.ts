import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfiguration } from '@sla/configuration';
import { createLoginRole, createTestDatabase, freePort, untilReadable } from '@sla/test-support';
import { openReadModelsKnownAt } from '@sla/audit-read-models';
import { openInfrastructure, type Infrastructure } from './infrastructure';
import { productReadModels } from './product';

const serviceRegistered = (serviceId: string) => ({
  id: randomUUID(),
  type: 'ServiceRegistered',
  schemaVersion: 0,
  data: {
    serviceId,
    name: serviceId,
    description: '',
    owner: { name: 'Owner', email: null },
    contactPoint: null,
    changeRequest: null,
    occurredAt: '2026-01-05T09:00:00Z',
  },
  metadata: { actor: 'seed', correlationId: 'seed', source: 'test' },
});

/**
 * The product's processes run as the application role: they append, project and
 * seal, while the event log refuses that role any rewrite. Migrations ran as the owner.
 */
describe('start-up connects as the application role, migrations as the owner (real PostgreSQL)', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'sla-application-role-'));
  // PostgreSQL runs as an unprivileged account when we are root: it must reach the folder.
  chmodSync(folder, 0o755);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const exercise = async (infrastructure: Infrastructure) => {
    const appended = await infrastructure.eventStore.appendToStream(
      'service-erp',
      [serviceRegistered('erp')],
      'no_stream',
    );
    await untilReadable(infrastructure.eventStore, appended.position);
    await infrastructure.projections.catchUp();
    expect(await infrastructure.logSealer.seal(true)).toMatchObject({
      leaves: 1,
      head: { treeSize: 1 },
      refused: null,
    });
    // An auditor's rebuild as known at an instant creates, fills and drops a schema of its own.
    const knownAt = await openReadModelsKnownAt(infrastructure, productReadModels, new Date());
    expect(knownAt.eventsApplied).toBeGreaterThan(0);
    await knownAt.close();

    const application = new Client({ connectionString: infrastructure.databaseUrl });
    await application.connect();
    try {
      const { rows } = await application.query<{ rolsuper: boolean; events: string }>(
        `select rolsuper, (select count(*) from event_store.events)::text as events
           from pg_roles where rolname = current_user`,
      );
      expect(rows).toEqual([{ rolsuper: false, events: '1' }]);
      for (const statement of [
        `update event_store.events set data = '{}'`,
        'delete from event_store.events',
        'truncate event_store.events',
        `insert into event_store.streams values ('service-forged', 0)`,
        'delete from event_store_migration',
      ]) {
        await expect(application.query(statement)).rejects.toMatchObject({ code: '42501' });
      }
    } finally {
      await application.end();
    }
  };

  it('on the embedded server: the generated application role', async () => {
    const infrastructure = await openInfrastructure(
      loadConfiguration({
        DATA_DIR: path.join(folder, 'embedded'),
        EMBEDDED_POSTGRES_PORT: String(await freePort()),
        LOG_LEVEL: 'error',
      }),
    );
    try {
      expect(new URL(infrastructure.databaseUrl).username).toBe('sla_application');
      await exercise(infrastructure);
    } finally {
      await infrastructure.close();
    }
  }, 60_000);

  it('on an external server: DATABASE_URL as the application role, DATABASE_MIGRATION_URL as the owner', async () => {
    const ownerUrl = await createTestDatabase('application_role');
    const application = await createLoginRole(ownerUrl, 'application');
    const infrastructure = await openInfrastructure(
      loadConfiguration({
        DATABASE_URL: application.url,
        DATABASE_MIGRATION_URL: ownerUrl,
        DATA_DIR: path.join(folder, 'external'),
        LOG_LEVEL: 'error',
      }),
    );
    try {
      expect(infrastructure.databaseUrl).toBe(application.url);
      await exercise(infrastructure);
    } finally {
      await infrastructure.close();
    }
  }, 60_000);

  it('refuses DATABASE_MIGRATION_URL without DATABASE_URL, before starting any PostgreSQL', async () => {
    const dataDirectory = path.join(folder, 'refused');
    await expect(
      openInfrastructure(
        loadConfiguration({
          DATABASE_MIGRATION_URL: 'postgres://owner:secret@127.0.0.1:1/sla',
          DATA_DIR: dataDirectory,
          LOG_LEVEL: 'error',
        }),
      ),
    ).rejects.toThrow('DATABASE_MIGRATION_URL: is set without DATABASE_URL');
    expect(existsSync(path.join(dataDirectory, 'postgres'))).toBe(false);
  });
});
