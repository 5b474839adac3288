import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { treeHeadMessage } from '@sla/audit-domain';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { migrateReadStore, openReadStore } from '@sla/read-store';
import { createTestDatabase, untilReadable } from '@sla/test-support';
import { auditReadModelMigrations } from '../index';
import { HeadWitness, WITNESS_HEAD_FORMAT, witnessSignature, type WitnessHead } from './head-witness';
import { LogSealer, type AuditLogTables } from './log-sealer';
import { LogSigner, signatureValid } from './log-signer';

/** A witness over real HTTP: refuses (503) until told to accept, and keeps what it accepted. */
function startWitness(): Promise<{
  url: string;
  accept: (yes: boolean) => void;
  received: { body: string; headers: IncomingHttpHeaders }[];
  close: () => Promise<void>;
}> {
  let accepting = false;
  const received: { body: string; headers: IncomingHttpHeaders }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      if (!accepting) {
        response.writeHead(503).end('down for maintenance');
        return;
      }
      received.push({ body, headers: request.headers });
      response.writeHead(204).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/heads?token=not-stored`,
        accept: (yes) => (accepting = yes),
        received,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    }),
  );
}

describe('head witness: every signed head delivered to a webhook, from the database (real PostgreSQL, real HTTP)', () => {
  let store: PostgresEventStore;
  let db: Kysely<AuditLogTables>;
  const signer = LogSigner.generated();
  let sealer: LogSealer;
  let witness: Awaited<ReturnType<typeof startWitness>>;
  const secret = 'a shared secret of some length';

  const appendAndSeal = async (count: number) => {
    for (let index = 0; index < count; index += 1) {
      const result = await store.appendToStream(
        `ticket-W${index}`,
        [
          {
            id: randomUUID(),
            type: 'Noted',
            schemaVersion: 1,
            data: { n: index },
            metadata: { actor: 'a', correlationId: 'c', source: 's' },
          },
        ],
        'any',
      );
      await untilReadable(store, result.position);
    }
    return (await sealer.seal(true)).head!;
  };

  beforeAll(async () => {
    const url = await createTestDatabase('audit_head_witness');
    await migrateEventStore(url);
    store = new PostgresEventStore({ connectionString: url });
    db = openReadStore<AuditLogTables>(url);
    await migrateReadStore(db, auditReadModelMigrations);
    sealer = new LogSealer(store, db, signer, { now: () => new Date() }, { headIntervalMilliseconds: 0 });
    witness = await startWitness();
  }, 60_000);

  afterAll(async () => {
    await witness.close();
    await db.destroy();
    await store.close();
  });

  it('keeps sealing while the witness refuses, then delivers every missed head in order once it accepts', async () => {
    const heads = new HeadWitness(db, { url: witness.url, secret, clock: { now: () => new Date() } });
    await heads.prepare();
    // Sealing knows nothing of the witness: three heads are signed while it refuses.
    const signed = [await appendAndSeal(2), await appendAndSeal(3), await appendAndSeal(1)];
    expect(signed.map((head) => head.treeSize)).toEqual([2, 5, 6]);

    await expect(heads.deliverPending()).rejects.toThrow(/head witness http:\/\/127\.0\.0\.1:\d+\/heads: answered 503/);
    const behind = await heads.status();
    expect(behind).toMatchObject({
      deliveredTreeSize: 0,
      latestTreeSize: 6,
      headsBehind: 3,
      oldestUndeliveredSignedAt: signed[0].signedAt,
      failures: 1,
      lastError: expect.stringMatching(/^head at size 2: answered 503/),
    });
    // The token in the URL's query is neither stored nor shown.
    expect(behind.witness).not.toContain('token');
    expect(witness.received).toHaveLength(0);

    witness.accept(true);
    expect(await heads.deliverPending()).toEqual({ delivered: 3, more: false });
    const bodies = witness.received.map((request) => JSON.parse(request.body) as WitnessHead);
    expect(bodies.map((head) => head.treeSize)).toEqual([2, 5, 6]);
    for (const [index, request] of witness.received.entries()) {
      const head = bodies[index];
      // What an auditor checks: the HMAC of the body, and the head's Ed25519 signature with the key it names.
      expect(request.headers['x-sla-signature']).toBe(witnessSignature(secret, request.body));
      expect(head).toEqual({ format: WITNESS_HEAD_FORMAT, ...signed[index], publicKeyPem: signer.publicKeyPem });
      const message = treeHeadMessage(head.treeSize, Buffer.from(head.rootHash, 'hex'), head.signedAt);
      expect(signatureValid(head.publicKeyPem, message, Buffer.from(head.signature, 'base64'))).toBe(true);
    }
    expect(await heads.status()).toMatchObject({
      deliveredTreeSize: 6,
      headsBehind: 0,
      behindSeconds: 0,
      failures: 0,
      lastError: null,
    });
    // Nothing new: nothing sent again.
    expect(await heads.deliverPending()).toEqual({ delivered: 0, more: false });
    expect(witness.received).toHaveLength(3);
  }, 30_000);

  it('resumes after the last acknowledged head when a witness stops answering part-way, and reports how far behind it is', async () => {
    const heads = new HeadWitness(db, { url: witness.url, clock: { now: () => new Date() } });
    const before = witness.received.length;
    const next = await appendAndSeal(2);
    witness.accept(false);
    await expect(heads.deliverPending()).rejects.toThrow(/answered 503/);
    const later = new Date(Date.parse(next.signedAt) + 90_000);
    expect(await heads.status(later)).toMatchObject({ deliveredTreeSize: 6, headsBehind: 1, behindSeconds: 90 });

    witness.accept(true);
    await heads.deliverPending();
    expect(witness.received.slice(before).map((request) => JSON.parse(request.body).treeSize)).toEqual([8]);
    // No secret configured: no signature header.
    expect(witness.received.at(-1)!.headers['x-sla-signature']).toBeUndefined();
  }, 30_000);

  it('holds no transaction open while the witness answers: global-log readers are never held back by it', async () => {
    let release: () => void = () => undefined;
    let arrived: () => void = () => undefined;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    let held = false;
    // Holds the first request until told; answers the rest at once.
    const slow = createServer((request, response) => {
      request.resume();
      if (held) return void response.writeHead(204).end();
      held = true;
      arrived();
      release = () => response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = slow.address() as AddressInfo;
      const heads = new HeadWitness(db, { url: `http://127.0.0.1:${port}/slow`, clock: { now: () => new Date() } });
      await heads.prepare();
      const delivering = heads.deliverPending();
      await requestArrived;
      // What global-log readers wait for: the oldest transaction that holds a transaction id.
      expect(await store.watermarkAgeSeconds()).toEqual({ seconds: 0, pid: null });
      release();
      expect(await delivering).toEqual({ delivered: 4, more: false });
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  }, 30_000);

  it('names a witness that cannot be reached, and a new witness receives every head from the first', async () => {
    const gone = await startWitness();
    await gone.close();
    const unreachable = new HeadWitness(db, { url: gone.url, clock: { now: () => new Date() } });
    await unreachable.prepare();
    await expect(unreachable.deliverPending()).rejects.toThrow(/not reachable \(ECONNREFUSED\)/);

    const fresh = await startWitness();
    fresh.accept(true);
    try {
      const newcomer = new HeadWitness(db, { url: fresh.url, clock: { now: () => new Date() } });
      await newcomer.prepare();
      await newcomer.deliverPending();
      expect(fresh.received.map((request) => JSON.parse(request.body).treeSize)).toEqual([2, 5, 6, 8]);
    } finally {
      await fresh.close();
    }
  }, 30_000);
});
