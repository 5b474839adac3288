import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfiguration } from '@sla/configuration';
import { openInfrastructure } from '@sla/composition';
import {
  builtEntryPoint,
  createTestDatabase,
  startNodeProcess,
  withTriggersOff,
  registerSeedService,
} from '@sla/test-support';

/** `sla audit seal` and `sla audit verify` as an auditor runs them: the built CLI against the product's PostgreSQL. */
describe('sla CLI: audit seal and verify', () => {
  let databaseUrl: string;
  const directory = mkdtempSync(path.join(tmpdir(), 'sla-audit-cli-'));
  const keyFile = path.join(directory, 'signing-key.pem');
  // Outside the data folder, as an operator would mount it from elsewhere.
  const headLogFile = path.join(directory, 'published', 'heads.jsonl');

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('audit_cli');
    const infrastructure = await openInfrastructure(
      loadConfiguration({ DATABASE_URL: databaseUrl, AUDIT_SIGNING_KEY_FILE: keyFile, LOG_LEVEL: 'error' }),
    );
    for (const serviceId of ['crm', 'erp', 'hr']) {
      await registerSeedService(infrastructure.eventStore, serviceId);
    }
    await infrastructure.close();
  });

  async function run(...args: string[]) {
    const cli = startNodeProcess(builtEntryPoint('cli'), args, {
      DATABASE_URL: databaseUrl,
      AUDIT_SIGNING_KEY_FILE: keyFile,
      AUDIT_HEAD_LOG_FILE: headLogFile,
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

    const client = new Client({ connectionString: withTriggersOff(databaseUrl) });
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

  it('finds an edit hidden by emptying the audit tables, and a resealed rewrite by a head kept with `audit heads export`', async () => {
    const client = new Client({ connectionString: withTriggersOff(databaseUrl) });
    await client.connect();
    try {
      await client.query(
        `update event_store.events set data = jsonb_set(data, '{name}', '"erp"') where stream_name = 'service-erp'`,
      );
      expect((await run('audit', 'verify', '--seal-grace', '0')).code).toBe(0);
      const printed = await run('audit', 'heads', 'export');
      expect(printed.code).toBe(0);
      const kept = JSON.parse(printed.output.slice(printed.output.indexOf('{')));
      expect(kept).toMatchObject({ format: 'sla-audit-tree-heads/1', heads: [{ treeSize: 3 }] });
      const headsFile = path.join(directory, 'kept-heads.json');
      expect(await run('audit', 'heads', 'export', '--out', headsFile)).toMatchObject({
        code: 0,
        output: expect.stringMatching(/wrote 1 signed head\(s\) to .*kept-heads\.json; latest: size 3/),
      });
      expect(JSON.parse(readFileSync(headsFile, 'utf8'))).toEqual(kept);
      expect((await run('audit', 'verify', '--known-heads', headsFile)).code).toBe(0);

      await client.query(
        `update event_store.events set data = jsonb_set(data, '{name}', '"payroll"') where stream_name = 'service-erp'`,
      );
      await client.query(`delete from audit_log_leaf; delete from audit_tree_head`);
      const emptied = await run('audit', 'verify', '--seal-grace', '0');
      expect(emptied.code).toBe(3);
      expect(emptied.output).toMatch(/unsealed: 3 event\(s\) recorded before .* covered by no signed head/);
      expect(emptied.output).toMatch(/latest head: none/);

      expect((await run('audit', 'seal')).output).toMatch(/signed head: size 3/);
      // The rewritten log, resealed, matches its own new head; only the head kept outside tells.
      expect((await run('audit', 'verify', '--seal-grace', '0')).code).toBe(0);
      const resealed = await run('audit', 'verify', '--known-heads', headsFile);
      expect(resealed.code).toBe(3);
      expect(resealed.output).toContain(
        `inconsistent-head: the held head (size 3, root ${kept.heads[0].rootHash}, signed ${kept.heads[0].signedAt}`,
      );

      const malformed = path.join(directory, 'not-heads.json');
      writeFileSync(malformed, JSON.stringify({ ...kept, heads: [{ ...kept.heads[0], rootHash: 'abc' }] }));
      const refused = await run('audit', 'verify', '--known-heads', malformed);
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/not-heads\.json holds no tree heads: heads\.0\.rootHash: a SHA-256 hash/);
    } finally {
      await client.end();
    }
  }, 120_000);

  it('published every head it signed to AUDIT_HEAD_LOG_FILE, which catches the rewrite above without an export', async () => {
    const lines = readFileSync(headLogFile, 'utf8').trim().split('\n');
    const published = lines.map((line) => JSON.parse(line));
    // The first seal, and the reseal after the audit tables were emptied: same size, another root.
    expect(published).toMatchObject([{ treeSize: 3 }, { treeSize: 3 }]);
    expect(published[1].rootHash).not.toBe(published[0].rootHash);
    const verified = await run('audit', 'verify', '--known-heads', headLogFile);
    expect(verified.code).toBe(3);
    expect(verified.output).toContain(`inconsistent-head: the held head (size 3, root ${published[0].rootHash}`);
  }, 60_000);
});
