import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfiguration } from '@sla/configuration';
import { openInfrastructure } from '@sla/composition';
import {
  builtEntryPoint,
  createTestDatabase,
  startNodeProcess,
  untilLogShows,
  withTriggersOff,
  registerSeedService,
} from '@sla/test-support';

/** `sla audit seal` after a row was written past the store's append: it names the event and exits 3. */
describe('sla CLI: audit seal refuses a forged event', () => {
  it('seals up to the forged event, names it, and exits 3', async () => {
    const databaseUrl = await createTestDatabase('audit_seal_refused_cli');
    const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'sla-audit-seal-refused-')), 'signing-key.pem');
    const infrastructure = await openInfrastructure(
      loadConfiguration({ DATABASE_URL: databaseUrl, AUDIT_SIGNING_KEY_FILE: keyFile, LOG_LEVEL: 'error' }),
    );
    await registerSeedService(infrastructure.eventStore, 'crm');
    const forged = randomUUID();
    // A superuser with triggers off: the log's append-only triggers do not stop them, sealing must.
    const sql = new Client({ connectionString: withTriggersOff(databaseUrl) });
    await sql.connect();
    await sql.query(
      `insert into event_store.events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata)
       values ($1, 'service-crm', 99, 'ServiceRetired', 1, '{}', '{"actor":"x","correlationId":"x","source":"x"}')`,
      [forged],
    );
    await sql.end();
    await untilLogShows(infrastructure.eventStore, (event) => event.id === forged);
    await infrastructure.close();

    const cli = startNodeProcess(builtEntryPoint('cli'), ['audit', 'seal'], {
      DATABASE_URL: databaseUrl,
      AUDIT_SIGNING_KEY_FILE: keyFile,
    });
    const exit = await cli.exited;
    expect(exit.code).toBe(3);
    expect(cli.output()).toMatch(/sealed 1 new event\(s\); signed head: size 1,/);
    expect(cli.output()).toContain(`sealing stopped at event ${forged} (revision-gap)`);
  });
});
