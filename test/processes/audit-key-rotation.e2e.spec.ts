import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { treeHeadMessage } from '@sla/audit-domain';
import { loadConfiguration } from '@sla/configuration';
import { openInfrastructure } from '@sla/composition';
import { publicKeyId } from '@sla/audit-read-models';
import { builtEntryPoint, createTestDatabase, startNodeProcess, registerSeedService } from '@sla/test-support';

/**
 * Issue 14, item 1(c): `audit key rotate` with the built CLI against real PostgreSQL. Heads signed by the old
 * key still verify, the export carries every key, and an auditor's trusted keys catch a key forged into the
 * database.
 */
describe('sla CLI: audit key rotate and verify --trusted-keys', () => {
  let databaseUrl: string;
  const directory = mkdtempSync(path.join(tmpdir(), 'sla-audit-key-rotation-'));
  const keyFile = path.join(directory, 'secrets', 'signing-key.pem');

  const appendService = async (serviceId: string) => {
    const infrastructure = await openInfrastructure(
      loadConfiguration({ DATABASE_URL: databaseUrl, AUDIT_SIGNING_KEY_FILE: keyFile, LOG_LEVEL: 'error' }),
    );
    await registerSeedService(infrastructure.eventStore, serviceId);
    await infrastructure.close();
  };

  async function run(...args: string[]) {
    const cli = startNodeProcess(builtEntryPoint('cli'), args, {
      DATABASE_URL: databaseUrl,
      AUDIT_SIGNING_KEY_FILE: keyFile,
    });
    const exit = await cli.exited;
    return { code: exit.code, output: cli.output() };
  }

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('audit_key_rotation');
    await appendService('crm');
    await appendService('erp');
  }, 120_000);

  it('rotates the key; heads of both keys verify, against the database and against the keys an auditor pinned', async () => {
    const sealedByOld = await run('audit', 'seal');
    expect(sealedByOld.output).toMatch(/signed head: size 2, root [0-9a-f]{64}, key [0-9a-f]{32}/);
    const oldKeyId = /key ([0-9a-f]{32})/.exec(sealedByOld.output)![1];
    const oldKeyPem = readFileSync(keyFile, 'utf8');

    const rotated = await run('audit', 'key', 'rotate');
    expect(rotated.code).toBe(0);
    expect(rotated.output).toContain(`retired key ${oldKeyId} (signed 1 head(s), tree sizes 2–2)`);
    const newKeyId = /new key ([0-9a-f]{32})/.exec(rotated.output)![1];
    expect(newKeyId).not.toBe(oldKeyId);
    expect(readFileSync(keyFile, 'utf8')).not.toBe(oldKeyPem);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(rotated.output).toMatch(/-----BEGIN PUBLIC KEY-----/);

    await appendService('hr');
    expect((await run('audit', 'seal')).output).toContain(`signed head: size 3`);
    expect((await run('audit', 'seal')).output).not.toContain(oldKeyId);

    const verified = await run('audit', 'verify');
    expect(verified).toMatchObject({
      code: 0,
      output: expect.stringMatching(/^OK: the log matches every signed tree head/m),
    });
    expect(verified.output).toContain(`latest head: size 3`);
    expect(verified.output).toContain(`by key ${newKeyId}`);

    const exportFile = path.join(directory, 'heads.json');
    expect((await run('audit', 'heads', 'export', '--out', exportFile)).code).toBe(0);
    const exported = JSON.parse(readFileSync(exportFile, 'utf8'));
    expect(exported.heads.map((head: { keyId: string }) => head.keyId)).toEqual([oldKeyId, newKeyId]);
    expect(exported.keys).toEqual([
      expect.objectContaining({
        keyId: oldKeyId,
        retiredAt: expect.any(String),
        treeSizes: { first: 2, last: 2, heads: 1 },
      }),
      expect.objectContaining({ keyId: newKeyId, retiredAt: null, treeSizes: { first: 3, last: 3, heads: 1 } }),
    ]);
    for (const record of exported.keys) expect(publicKeyId(record.publicKeyPem)).toBe(record.keyId);

    // The auditor's copy of the keys, taken when each was introduced: both keys, as `audit key list --json` gives them.
    const listed = await run('audit', 'key', 'list', '--json');
    const trustedFile = path.join(directory, 'trusted-keys.json');
    writeFileSync(trustedFile, listed.output.slice(listed.output.indexOf('{')));
    const pinned = await run('audit', 'verify', '--trusted-keys', trustedFile, '--known-heads', exportFile);
    expect(pinned).toMatchObject({ code: 0, output: expect.stringMatching(/^OK:/m) });

    // Only the old key pinned: the heads the new key signed are named as untrusted.
    const oldOnly = path.join(directory, 'old-key.pem');
    writeFileSync(oldOnly, exported.keys[0].publicKeyPem);
    const stale = await run('audit', 'verify', '--trusted-keys', oldOnly);
    expect(stale.code).toBe(3);
    expect(stale.output).toContain(
      `untrusted-key: the head at size 3 is signed with key ${newKeyId}, which is not a trusted key`,
    );
  }, 240_000);

  it('catches a key forged into the database and a head re-signed with it, when the auditor passes --trusted-keys', async () => {
    const trustedFile = path.join(directory, 'trusted-keys.json');
    const forger = generateKeyPairSync('ed25519');
    const forgedPem = forger.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const forgedKeyId = publicKeyId(forgedPem);
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        'select tree_size, root_hash, signed_at from audit_tree_head order by tree_size desc limit 1',
      );
      const head = rows[0] as { tree_size: string; root_hash: Buffer; signed_at: string };
      const signature = sign(
        null,
        Buffer.from(treeHeadMessage(Number(head.tree_size), head.root_hash, head.signed_at), 'utf8'),
        createPrivateKey(forger.privateKey.export({ type: 'pkcs8', format: 'pem' })),
      );
      await client.query(
        `insert into audit_signing_key (key_id, public_key_pem, first_used_at) values ($1, $2, now())`,
        [forgedKeyId, forgedPem],
      );
      await client.query('update audit_tree_head set key_id = $1, signature = $2 where tree_size = $3', [
        forgedKeyId,
        signature,
        head.tree_size,
      ]);
    } finally {
      await client.end();
    }
    // Against the keys the database records, the forgery holds together...
    expect((await run('audit', 'verify')).code).toBe(0);
    // ...against the keys the auditor trusts, it does not.
    const pinned = await run('audit', 'verify', '--trusted-keys', trustedFile);
    expect(pinned.code).toBe(3);
    expect(pinned.output).toContain(
      `untrusted-key: the head at size 3 is signed with key ${forgedKeyId}, which is not a trusted key`,
    );
  }, 120_000);
});
