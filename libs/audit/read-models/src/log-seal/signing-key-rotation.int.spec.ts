import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { migrateReadStore, openReadStore } from '@sla/read-store';
import { createTestDatabase, untilReadable } from '@sla/test-support';
import { auditReadModelMigrations } from '../index';
import { LogSealer, type AuditLogTables } from './log-sealer';
import { LogSigner } from './log-signer';
import { verifyLog } from './log-verifier';
import { parseTrustedKeys, rotateSigningKey, signingKeys } from './signing-key-rotation';

describe('signing key rotation with a running sealer (real PostgreSQL)', () => {
  let store: PostgresEventStore;
  let db: Kysely<AuditLogTables>;
  const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'sla-key-rotation-')), 'signing-key.pem');
  const clock = { now: () => new Date() };

  const append = async () => {
    const result = await store.appendToStream(
      `ticket-R${randomUUID()}`,
      [
        {
          id: randomUUID(),
          type: 'Noted',
          schemaVersion: 1,
          data: {},
          metadata: { actor: 'a', correlationId: 'c', source: 's' },
        },
      ],
      'any',
    );
    await untilReadable(store, result.position);
  };

  beforeAll(async () => {
    const url = await createTestDatabase('audit_key_rotation_sealer');
    await migrateEventStore(url);
    store = new PostgresEventStore({ connectionString: url });
    db = openReadStore<AuditLogTables>(url);
    await migrateReadStore(db, auditReadModelMigrations);
  }, 60_000);

  afterAll(async () => {
    await db.destroy();
    await store.close();
  });

  it('switches a running sealer to the new key at its next head, and never signs with the retired one', async () => {
    const reloading = new LogSealer(store, db, LogSigner.fromFile(keyFile), clock, {
      headIntervalMilliseconds: 0,
      reloadSigner: () => LogSigner.fromFile(keyFile),
    });
    const stale = new LogSealer(store, db, LogSigner.fromFile(keyFile), clock, { headIntervalMilliseconds: 0 });
    await append();
    const before = (await reloading.seal(true)).head!;

    const { retired, current } = await rotateSigningKey(db, keyFile, clock);
    expect(retired).toMatchObject({
      keyId: before.keyId,
      retiredAt: expect.any(String),
      treeSizes: { first: 1, last: 1 },
    });
    expect(current.keyId).not.toBe(before.keyId);

    await append();
    // A sealer that cannot load the new key signs nothing rather than sign with the retired key.
    expect((await stale.seal(true)).head).toBeNull();
    const after = (await reloading.seal(true)).head!;
    expect(after).toMatchObject({ treeSize: 2, keyId: current.keyId });

    expect((await signingKeys(db)).map((key) => [key.keyId, key.treeSizes])).toEqual([
      [before.keyId, { first: 1, last: 1, heads: 1 }],
      [current.keyId, { first: 2, last: 2, heads: 1 }],
    ]);
    expect(await verifyLog(store, db)).toMatchObject({ ok: true, headsChecked: 2 });
    const trusted = (await signingKeys(db)).map((key) => key.publicKeyPem);
    expect(await verifyLog(store, db, { trustedKeys: trusted })).toMatchObject({ ok: true });
    const onlyNew = await verifyLog(store, db, { trustedKeys: [current.publicKeyPem] });
    expect(onlyNew.findings).toEqual([expect.objectContaining({ kind: 'untrusted-key', treeSize: 1 })]);
  }, 30_000);

  it('refuses a trusted-keys file that holds no Ed25519 public key, naming the file', () => {
    expect(() => parseTrustedKeys('hello', 'keys.txt')).toThrow(/^keys\.txt holds no public key/);
    expect(() => parseTrustedKeys('{"keys":[{}]}', 'keys.json')).toThrow(/^keys\.json: keys\.0\.publicKeyPem/);
    const rsa = `-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAL\n-----END PUBLIC KEY-----`;
    expect(() => parseTrustedKeys(rsa, 'bad.pem')).toThrow(/^bad\.pem: key 1 is not a valid public key/);
  });

  it('refuses a key file that group or others can read, naming chmod 600', () => {
    const open = path.join(path.dirname(keyFile), 'open.pem');
    LogSigner.fromFile(open);
    chmodSync(open, 0o640);
    expect(() => LogSigner.fromFile(open)).toThrow(`restrict it with \`chmod 600 ${open}\``);
  });
});
