import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { Client } from 'pg';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { migrateReadStore, openReadStore } from '@sla/read-store';
import { createTestDatabase, untilReadable, withTriggersOff } from '@sla/test-support';
import { auditReadModelMigrations } from '../index';
import { LogSealer, type AuditLogTables } from './log-sealer';
import { LogSigner } from './log-signer';
import { verifyLog } from './log-verifier';
import { exportTreeHeads, parseKnownHeads } from './known-heads';

/**
 * The verifier's finer points on a synthetic log: what it reports on an
 * untouched log, the seal grace, heads held from earlier, trusted keys and the
 * head log. The catalogue of tamperings (edits, deletions, reorderings,
 * insertions, forged leaves and heads) on a realistic log, each naming the
 * first bad event or head, is test/audit/tampering.e2e.spec.ts.
 */
describe('tamper evidence over the global log (real PostgreSQL)', () => {
  let url: string;
  let store: PostgresEventStore;
  let db: Kysely<AuditLogTables>;
  let sql: Client;
  const signer = LogSigner.generated();
  let sealer: LogSealer;

  beforeAll(async () => {
    url = await createTestDatabase('audit_tamper');
    await migrateEventStore(url);
    store = new PostgresEventStore({ connectionString: url });
    db = openReadStore<AuditLogTables>(url);
    await migrateReadStore(db, auditReadModelMigrations);
    // The tamperer is a superuser with triggers off: the log's append-only triggers do not stop them.
    sql = new Client({ connectionString: withTriggersOff(url) });
    await sql.connect();
    const append = async (count: number) => {
      for (let index = 0; index < count; index += 1) {
        const result = await store.appendToStream(
          `ticket-T${index % 7}`,
          [
            {
              id: randomUUID(),
              type: 'Noted',
              schemaVersion: 1,
              data: { n: index, title: `fact ${index}` },
              metadata: { actor: 'a', correlationId: 'c', source: 's' },
            },
          ],
          'any',
        );
        await untilReadable(store, result.position);
      }
    };
    sealer = new LogSealer(store, db, signer, { now: () => new Date() }, { headIntervalMilliseconds: 0 });
    await append(30);
    expect((await sealer.seal(true)).head?.treeSize).toBe(30);
    await append(10);
    expect((await sealer.seal(true)).head?.treeSize).toBe(40);
  }, 60_000);
  afterAll(async () => {
    await sql?.end();
    await db?.destroy();
    await store?.close();
  });

  const rowAt = async (leafIndex: number) =>
    (
      await sql.query(
        `select e.* from event_store.events e join audit_log_leaf l on l.event_id = e.event_id where l.leaf_index = $1`,
        [leafIndex],
      )
    ).rows[0] as { global_position: string; event_id: string; data: unknown; transaction_id: string };

  it('finds nothing wrong in an untouched log, and says what it checked', async () => {
    const report = await verifyLog(store, db);
    expect(report).toMatchObject({ ok: true, eventsInLog: 40, sealedLeaves: 40, headsChecked: 2, findings: [] });
    expect(report.checks).toHaveLength(5);
  });

  it('finds an edit hidden by emptying the audit tables, or only the heads: events due to be sealed are covered by no head', async () => {
    const row = await rowAt(10);
    const savedLeaves = await db.selectFrom('audit_log_leaf').selectAll().execute();
    const savedHeads = await db.selectFrom('audit_tree_head').selectAll().execute();
    await sql.query(
      `update event_store.events set data = jsonb_set(data, '{title}', '"nothing happened"') where global_position = $1`,
      [row.global_position],
    );
    const first = await rowAt(0);
    await sql.query(`delete from audit_log_leaf; delete from audit_tree_head`);
    const sealedBy = new Date(Date.now() + 1_000);
    try {
      const emptied = await verifyLog(store, db, { sealedBy });
      expect(emptied.ok).toBe(false);
      expect(emptied.findings).toHaveLength(1);
      expect(emptied.findings[0]).toMatchObject({ kind: 'unsealed', leafIndex: 0, eventId: first.event_id });
      expect(emptied.findings[0].detail).toMatch(/^40 event\(s\) recorded before .* no head at all/);
      // Events too recent to be due for a head are no finding.
      expect((await verifyLog(store, db, { sealedBy: new Date(0) })).ok).toBe(true);

      await db.insertInto('audit_log_leaf').values(savedLeaves).execute();
      const headsOnly = await verifyLog(store, db, { sealedBy });
      expect(headsOnly.findings[0]).toMatchObject({ kind: 'altered', leafIndex: 10 });
      expect(headsOnly.findings.at(-1)).toMatchObject({ kind: 'unsealed', leafIndex: 0 });

      // Only the latest head removed: the events after the earlier one are uncovered.
      await db.insertInto('audit_tree_head').values(savedHeads[0]).execute();
      await sql.query(`update event_store.events set data = $2 where global_position = $1`, [
        row.global_position,
        row.data,
      ]);
      const latestRemoved = await verifyLog(store, db, { sealedBy });
      expect(latestRemoved.findings).toEqual([
        expect.objectContaining({ kind: 'unsealed', leafIndex: 30, detail: expect.stringMatching(/^10 event/) }),
      ]);
    } finally {
      await sql.query(`update event_store.events set data = $2 where global_position = $1`, [
        row.global_position,
        row.data,
      ]);
      await sql.query(`delete from audit_log_leaf; delete from audit_tree_head`);
      await db.insertInto('audit_log_leaf').values(savedLeaves).execute();
      await db.insertInto('audit_tree_head').values(savedHeads).execute();
    }
    expect((await verifyLog(store, db, { sealedBy })).ok).toBe(true);
  });

  it('finds a history rewritten and resealed, heads and all, by the heads an auditor kept from before', async () => {
    const kept = await exportTreeHeads(db);
    expect(kept.heads.map((head) => head.treeSize)).toEqual([30, 40]);
    const knownHeads = parseKnownHeads(JSON.stringify(kept), 'heads.json');
    const sealedBy = new Date(Date.now() + 1_000);
    expect((await verifyLog(store, db, { knownHeads, sealedBy })).ok).toBe(true);

    const row = await rowAt(10);
    const savedLeaves = await db.selectFrom('audit_log_leaf').selectAll().execute();
    const savedHeads = await db.selectFrom('audit_tree_head').selectAll().execute();
    await sql.query(
      `update event_store.events set data = jsonb_set(data, '{title}', '"nothing happened"') where global_position = $1`,
      [row.global_position],
    );
    await sql.query(`delete from audit_log_leaf; delete from audit_tree_head`);
    try {
      // Heads removed but nothing resealed: the log is checked against the held heads as it stands.
      const unsealed = await verifyLog(store, db, { knownHeads });
      expect(unsealed.findings.map((finding) => [finding.kind, finding.treeSize])).toEqual([
        ['inconsistent-head', 30],
        ['inconsistent-head', 40],
      ]);
      expect(unsealed.findings[1].detail).toMatch(
        /the log as stored \(size 40; no current head reaches the held one\)/,
      );

      expect((await sealer.seal(true)).head?.treeSize).toBe(40);
      // Without a head kept outside, the rewritten and resealed log verifies.
      expect((await verifyLog(store, db, { sealedBy })).ok).toBe(true);
      const resealed = await verifyLog(store, db, { knownHeads, sealedBy });
      expect(resealed.ok).toBe(false);
      expect(resealed.findings[0]).toMatchObject({ kind: 'inconsistent-head', treeSize: 30 });
      expect(resealed.findings[0].detail).toContain(
        `the held head (size 30, root ${kept.heads[0].rootHash}, signed ${kept.heads[0].signedAt}`,
      );
      expect(resealed.findings[0].detail).toMatch(/is not consistent with the current head \(size 40, root /);
      expect(resealed.checks).toContainEqual(expect.stringMatching(/each of the 2 head\(s\) held from earlier/));
    } finally {
      await sql.query(`update event_store.events set data = $2 where global_position = $1`, [
        row.global_position,
        row.data,
      ]);
      await sql.query(`delete from audit_log_leaf; delete from audit_tree_head`);
      await db.insertInto('audit_log_leaf').values(savedLeaves).execute();
      await db.insertInto('audit_tree_head').values(savedHeads).execute();
    }
    expect((await verifyLog(store, db, { knownHeads, sealedBy })).ok).toBe(true);
  });

  it('refuses a held head whose kept copy was altered, or that covers events no longer in the log', async () => {
    const [first] = (await exportTreeHeads(db)).heads;
    const altered = { ...first, rootHash: '00'.repeat(32) };
    expect((await verifyLog(store, db, { knownHeads: [altered] })).findings).toEqual([
      expect.objectContaining({ kind: 'bad-signature', treeSize: 30 }),
    ]);
    const { treeHeadMessage } = await import('@sla/audit-domain');
    const signedAt = new Date().toISOString();
    const beyond = {
      ...first,
      treeSize: 50,
      signedAt,
      signature: signer.sign(treeHeadMessage(50, Buffer.from(first.rootHash, 'hex'), signedAt)).toString('base64'),
    };
    expect((await verifyLog(store, db, { knownHeads: [beyond] })).findings).toEqual([
      expect.objectContaining({ kind: 'missing', treeSize: 50, detail: expect.stringMatching(/holds only 40/) }),
    ]);
    const head = { ...first, rootHash: 'abc' };
    expect(() => parseKnownHeads(JSON.stringify([head]), 'heads.json')).toThrow(
      /^heads.json holds no tree heads: 0\.rootHash: a SHA-256 hash, 64 lowercase hex digits$/,
    );
    expect(() => parseKnownHeads(JSON.stringify({ heads: [first] }), 'heads.json')).toThrow(
      /^heads.json holds no tree heads: format: /,
    );
    expect(parseKnownHeads(JSON.stringify([first]), 'heads.json')).toEqual([first]);
  });

  it('finds a forged tree head, and one re-signed with a key that is not trusted', async () => {
    const head = await db
      .selectFrom('audit_tree_head')
      .selectAll()
      .where('tree_size', '=', '30')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('audit_tree_head')
      .set({ root_hash: Buffer.alloc(32, 7) })
      .where('tree_size', '=', '30')
      .execute();
    try {
      expect((await verifyLog(store, db)).findings[0]).toMatchObject({ kind: 'bad-signature', treeSize: 30 });
    } finally {
      await db
        .updateTable('audit_tree_head')
        .set({ root_hash: head.root_hash })
        .where('tree_size', '=', '30')
        .execute();
    }
    // Someone with database access signs a head of their own and records their key.
    const intruder = LogSigner.generated();
    const { treeHeadMessage } = await import('@sla/audit-domain');
    const signedAt = new Date().toISOString();
    await db
      .insertInto('audit_signing_key')
      .values({ key_id: intruder.keyId, public_key_pem: intruder.publicKeyPem, first_used_at: new Date() })
      .execute();
    await db
      .updateTable('audit_tree_head')
      .set({
        key_id: intruder.keyId,
        signed_at: signedAt,
        signature: intruder.sign(treeHeadMessage(30, head.root_hash, signedAt)),
      })
      .where('tree_size', '=', '30')
      .execute();
    try {
      expect((await verifyLog(store, db)).ok).toBe(true);
      expect((await verifyLog(store, db, { trustedKeys: [signer.publicKeyPem] })).findings[0]).toMatchObject({
        kind: 'untrusted-key',
        treeSize: 30,
      });
    } finally {
      await db
        .updateTable('audit_tree_head')
        .set({ key_id: head.key_id, signed_at: head.signed_at, signature: head.signature })
        .where('tree_size', '=', '30')
        .execute();
    }
    expect((await verifyLog(store, db, { trustedKeys: [signer.publicKeyPem] })).ok).toBe(true);
  });

  it('publishes every head it signs to an append-only head log, and records no head it could not publish', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sla-head-log-'));
    const headLogFile = path.join(folder, 'published', 'heads.jsonl');
    const publishing = new LogSealer(store, db, signer, { now: () => new Date() }, { headLogFile });
    const appendOne = async (n: number) => {
      const result = await store.appendToStream(
        'ticket-T0',
        [
          {
            id: randomUUID(),
            type: 'Noted',
            schemaVersion: 1,
            data: { n, title: `fact ${n}` },
            metadata: { actor: 'a', correlationId: 'c', source: 's' },
          },
        ],
        'any',
      );
      await untilReadable(store, result.position);
    };
    await appendOne(40);
    expect((await publishing.seal(true)).head?.treeSize).toBe(41);
    await appendOne(41);
    expect((await publishing.seal(true)).head?.treeSize).toBe(42);
    const published = readFileSync(headLogFile, 'utf8');
    expect(published.trim().split('\n')).toHaveLength(2);
    const knownHeads = parseKnownHeads(published, headLogFile);
    expect(knownHeads).toEqual(
      (await exportTreeHeads(db)).heads
        .filter((head) => head.treeSize > 40)
        .map((head) => expect.objectContaining(head)),
    );
    expect((await verifyLog(store, db, { knownHeads, trustedKeys: [signer.publicKeyPem] })).ok).toBe(true);

    // The head log cannot be written (a folder stands in its place): sealing fails, nothing is recorded.
    const blocked = new LogSealer(store, db, signer, { now: () => new Date() }, { headLogFile: folder });
    await appendOne(42);
    await expect(blocked.seal(true)).rejects.toThrow(/EISDIR/);
    const sizes = await db.selectFrom('audit_tree_head').select('tree_size').orderBy('tree_size').execute();
    expect(sizes.map((row) => Number(row.tree_size))).toEqual([30, 40, 41, 42]);
    expect((await db.selectFrom('audit_log_leaf').select('leaf_index').execute()).length).toBe(42);
    expect((await publishing.seal(true)).head?.treeSize).toBe(43);
    expect(readFileSync(headLogFile, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});
