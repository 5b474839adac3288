import { createPrivateKey, createPublicKey, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfiguration } from '@sla/configuration';
import { openInfrastructure } from '@sla/composition';
import { builtEntryPoint, createTestDatabase, startNodeProcess, untilReadable } from '@sla/test-support';

/** `sla audit seal` and `sla audit verify` as an auditor runs them: the built CLI against the product's PostgreSQL. */
describe('sla CLI: audit seal and verify', () => {
  let databaseUrl: string;
  const directory = mkdtempSync(path.join(tmpdir(), 'sla-audit-cli-'));
  const keyFile = path.join(directory, 'signing-key.pem');

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('audit_cli');
    const infrastructure = await openInfrastructure(
      loadConfiguration({ DATABASE_URL: databaseUrl, AUDIT_SIGNING_KEY_FILE: keyFile, LOG_LEVEL: 'error' }),
    );
    for (const serviceId of ['crm', 'erp', 'hr']) {
      const appended = await infrastructure.eventStore.appendToStream(
        `service-${serviceId}`,
        [
          {
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
          },
        ],
        'no_stream',
      );
      await untilReadable(infrastructure.eventStore, appended.position);
    }
    await infrastructure.close();
  });

  async function run(...args: string[]) {
    const cli = startNodeProcess(builtEntryPoint('cli'), args, {
      DATABASE_URL: databaseUrl,
      AUDIT_SIGNING_KEY_FILE: keyFile,
    });
    const exit = await cli.exited;
    return { code: exit.code, output: cli.output() };
  }

  it('seals the log, verifies it, and exits 3 naming the altered event after an edit in PostgreSQL', async () => {
    expect(await run('audit', 'seal')).toMatchObject({
      code: 0,
      output: expect.stringMatching(/sealed 3 new event\(s\); signed head: size 3, root [0-9a-f]{64}/),
    });
    const publicKey = path.join(directory, 'public.pem');
    writeFileSync(
      publicKey,
      createPublicKey(createPrivateKey(readFileSync(keyFile))).export({ type: 'spki', format: 'pem' }),
    );
    const clean = await run('audit', 'verify', '--public-key', publicKey);
    expect(clean).toMatchObject({
      code: 0,
      output: expect.stringMatching(/^OK: the log matches every signed tree head/m),
    });
    expect(clean.output).toMatch(/verified each head's Ed25519 signature .* with the trusted keys given/);

    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(
      `update event_store.events set data = jsonb_set(data, '{name}', '"payroll"') where stream_name = 'service-erp'`,
    );
    await client.end();
    const tampered = await run('audit', 'verify', '--json');
    expect(tampered.code).toBe(3);
    const report = JSON.parse(tampered.output.slice(tampered.output.indexOf('{')));
    expect(report.findings[0]).toMatchObject({ kind: 'altered', leafIndex: 1 });
    expect(report.findings[0].detail).toMatch(/ServiceRegistered in service-erp/);
  }, 60_000);
});
