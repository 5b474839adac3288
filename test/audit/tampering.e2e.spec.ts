import { createPrivateKey, createPublicKey, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Kysely } from 'kysely';
import { eventLeaf, leafHash, treeHeadMessage } from '@sla/audit-domain';
import {
  exportTreeHeads,
  LogSealer,
  LogSigner,
  verifyLog,
  type AuditLogTables,
  type Finding,
  type KnownHead,
} from '@sla/audit-read-models';
import { productEventCatalog } from '@sla/composition';
import { PostgresEventStore } from '@sla/event-store-postgres';
import { openReadStore } from '@sla/read-store';
import {
  builtEntryPoint,
  cloneDatabase,
  givenShanghaiEmailAgreement,
  httpClient,
  startNodeProcess,
  tamperAsSuperuser,
  untilLogShows,
  type Tamperer,
} from '@sla/test-support';
import { startTestApi, testSigningKeyFile, type TestApi } from '../support/test-api';

/** A stored event with the leaf that sealed it. */
type SealedRow = {
  leaf_index: string;
  event_id: string;
  global_position: string;
  transaction_id: string;
  stream_name: string;
  stream_revision: string;
  event_type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
};

type Tampered = {
  readonly url: string;
  readonly store: PostgresEventStore;
  readonly db: Kysely<AuditLogTables>;
  /** Superuser, session_replication_role = replica: no trigger stands in the way. */
  readonly attacker: Tamperer;
  readonly leafAt: (index: number) => Promise<SealedRow>;
  /** The sealed leaf of the first event of this type. */
  readonly firstSealed: (type: string) => Promise<SealedRow>;
};

/** The first finding a tampering must produce: the place named (leaf and event, or head). */
type Expected = Partial<Pick<Finding, 'kind' | 'leafIndex' | 'eventId' | 'treeSize'>> & {
  detail?: RegExp;
  /** Heads an auditor kept from before the tampering (`audit heads export`), checked too. */
  knownHeads?: readonly KnownHead[];
};

type Tampering = {
  readonly name: string;
  /** Verified through the built CLI (`sla audit verify --json`) rather than the verifier function. */
  readonly throughCli?: boolean;
  /** The CLI's options instead of `--seal-grace 0` (e.g. the default grace). */
  readonly cliOptions?: readonly string[];
  readonly tamper: (log: Tampered) => Promise<Expected>;
};

/**
 * Issue 14 item 5: tampering with a realistic sealed log (an agreement approved, tickets, outages, two signed
 * heads) as an attacker with superuser rights in PostgreSQL. Every tampering must fail verification and the
 * first finding must name the first bad event (leaf index and event id) or head (tree size). Each case runs
 * on its own copy of the same sealed database. Verified with the trusted public key and no seal grace (the
 * log was fully sealed), as `sla audit verify --public-key pub.pem --seal-grace 0` does.
 */
describe('tampering with a sealed log as a PostgreSQL superuser', () => {
  let templateUrl: string;
  let publicKeyPem: string;
  let publicKeyFile: string;
  let eventsInLog: number;
  let headSizes: number[];
  const opened: (() => Promise<void>)[] = [];

  /** Until the global log shows every stored row (the adapter reads below the cluster's transaction horizon). */
  const untilEveryRowReadable = async (api: TestApi) => {
    const sql = new Client({ connectionString: api.databaseUrl });
    await sql.connect();
    const { rows } = await sql.query(`select event_id from event_store.events order by global_position desc limit 1`);
    await sql.end();
    await untilLogShows(api.infrastructure.rawEventStore, (event) => event.id === rows[0].event_id);
  };

  beforeAll(async () => {
    const api = await startTestApi('tampering_template');
    try {
      // No breaches recorded in the background: the log is exactly what the requests below wrote.
      await api.infrastructure.slaWatch.stop();
      const slm = httpClient(api.baseUrl, { 'x-actor': 'ana.slm' }, api.conformance);
      await givenShanghaiEmailAgreement(slm);
      const connector = httpClient(api.baseUrl, { 'x-actor': 'servicenow-connector' }, api.conformance);
      let fact = 0;
      const post = async (resource: string, source: string, type: string, data: Record<string, unknown>) => {
        fact += 1;
        const response = await connector.post(`/${resource}/facts`, { source, externalId: `f-${fact}`, type, data });
        if (response.status !== 201) throw new Error(`${type} refused: ${JSON.stringify(response.body)}`);
      };
      const ticket = (id: string, type: string, occurredAt: string, data: Record<string, unknown> = {}) =>
        post(`tickets/${id}`, 'servicenow', type, { ...data, occurredAt });
      const open = (id: string, priority: string, occurredAt: string) =>
        ticket(id, 'TicketOpened', occurredAt, {
          ticketType: 'incident',
          serviceId: 'email',
          priority,
          impact: 'high',
          major: priority === 'P1',
          title: `${id}: mail down`,
        });
      await open('T1', 'P1', '2026-03-03T10:00:00+08:00');
      await ticket('T1', 'TicketAcknowledged', '2026-03-03T10:20:00+08:00');
      await ticket('T1', 'TicketResolved', '2026-03-03T11:30:00+08:00', { resolution: 'restarted' });
      await open('T2', 'P1', '2026-03-04T14:00:00+08:00');
      await ticket('T2', 'TicketAcknowledged', '2026-03-04T16:00:00+08:00');
      await post('outages/O1', 'statuspage', 'OutageStarted', {
        serviceId: 'email',
        impact: 'full',
        occurredAt: '2026-03-04T14:00:00+08:00',
      });
      await post('outages/O1', 'statuspage', 'OutageEnded', { occurredAt: '2026-03-04T17:00:00+08:00' });
      await untilEveryRowReadable(api);
      await api.infrastructure.logSealer.seal(true);

      await ticket('T2', 'TicketResolved', '2026-03-05T09:00:00+08:00', { resolution: 'failover' });
      await open('T3', 'P1', '2026-03-10T09:00:00+08:00');
      await ticket('T3', 'TicketAcknowledged', '2026-03-10T09:10:00+08:00');
      await ticket('T3', 'TicketResolved', '2026-03-10T10:00:00+08:00', { resolution: 'patched' });
      await post('outages/O2', 'statuspage', 'OutageStarted', {
        serviceId: 'email',
        impact: 'partial',
        weight: 0.5,
        occurredAt: '2026-03-10T09:00:00+08:00',
      });
      await post('outages/O2', 'statuspage', 'OutageEnded', { occurredAt: '2026-03-10T09:45:00+08:00' });
      await untilEveryRowReadable(api);
      await api.infrastructure.logSealer.seal(true);
    } finally {
      await api.close();
    }
    templateUrl = api.databaseUrl;
    publicKeyPem = createPublicKey(createPrivateKey(readFileSync(testSigningKeyFile)))
      .export({ type: 'spki', format: 'pem' })
      .toString();
    publicKeyFile = path.join(mkdtempSync(path.join(tmpdir(), 'sla-tampering-')), 'public.pem');
    writeFileSync(publicKeyFile, publicKeyPem);

    const untouched = await copyOfTheLog('tampering_untouched');
    const report = await verifyLog(untouched.store, untouched.db, {
      trustedKeys: [publicKeyPem],
      sealedBy: new Date(),
    });
    expect(report).toMatchObject({ ok: true, findings: [] });
    eventsInLog = report.eventsInLog;
    headSizes = (
      await untouched.db.selectFrom('audit_tree_head').select('tree_size').orderBy('tree_size').execute()
    ).map((head) => Number(head.tree_size));
    // The realistic log: calendar, service, agreement approved, three tickets, two outages, at least two heads.
    expect(eventsInLog).toBeGreaterThanOrEqual(20);
    expect(headSizes.length).toBeGreaterThanOrEqual(2);
    expect(headSizes.at(-1)).toBe(eventsInLog);
  }, 120_000);

  afterAll(async () => {
    for (const close of opened.reverse()) await close().catch(() => undefined);
  });

  async function copyOfTheLog(purpose: string): Promise<Tampered> {
    const url = await cloneDatabase(templateUrl, purpose);
    const store = new PostgresEventStore({ connectionString: url });
    const db = openReadStore<AuditLogTables>(url);
    const attacker = await tamperAsSuperuser(url);
    opened.push(
      () => store.close(),
      () => db.destroy(),
      () => attacker.close(),
    );
    const sealedRows = async (where: string, parameters: unknown[]) =>
      (
        await attacker.query(
          `select l.leaf_index, e.* from audit_log_leaf l join event_store.events e on e.event_id = l.event_id
            where ${where} order by l.leaf_index limit 1`,
          parameters,
        )
      ).rows[0] as SealedRow;
    return {
      url,
      store,
      db,
      attacker,
      leafAt: (index) => sealedRows('l.leaf_index = $1', [index]),
      firstSealed: (type) => sealedRows('e.event_type = $1', [type]),
    };
  }

  async function verifyThroughCli(url: string, options: readonly string[] = ['--seal-grace', '0']) {
    const cli = startNodeProcess(
      builtEntryPoint('cli'),
      ['audit', 'verify', '--json', ...options, '--public-key', publicKeyFile],
      { DATABASE_URL: url, AUDIT_SIGNING_KEY_FILE: testSigningKeyFile, LOG_LEVEL: 'error' },
    );
    const { code } = await cli.exited;
    const output = cli.output();
    expect({ code, output }).toMatchObject({ code: 3 });
    return JSON.parse(output.slice(output.indexOf('{'), output.lastIndexOf('}') + 1)) as {
      ok: boolean;
      findings: Finding[];
    };
  }

  /** A TicketOpened for a ticket that never was, shaped like a real one, as the store's append would write it. */
  const forgedTicketOpened = (like: SealedRow, ticketId: string) => ({
    stream: `ticket-${ticketId}`,
    data: { ...like.data, ticketId, title: 'made up' },
    metadata: { ...like.metadata, correlationId: randomUUID() },
  });

  const tamperings: Tampering[] = [
    {
      name: "an event's data edited (a ticket's resolution)",
      tamper: async ({ attacker, firstSealed }) => {
        const resolved = await firstSealed('TicketResolved');
        await attacker.query(
          `update event_store.events set data = jsonb_set(data, '{resolution}', '"nothing happened"') where event_id = $1`,
          [resolved.event_id],
        );
        return { kind: 'altered', leafIndex: Number(resolved.leaf_index), eventId: resolved.event_id };
      },
    },
    {
      name: "an event's occurredAt moved an hour earlier (a response within its target)",
      tamper: async ({ attacker, firstSealed }) => {
        const acknowledged = await firstSealed('TicketAcknowledged');
        await attacker.query(
          `update event_store.events set data = jsonb_set(data, '{occurredAt}', '"2026-03-03T09:20:00+08:00"')
            where event_id = $1`,
          [acknowledged.event_id],
        );
        return { kind: 'altered', leafIndex: Number(acknowledged.leaf_index), eventId: acknowledged.event_id };
      },
    },
    {
      name: "an event's actor changed",
      throughCli: true,
      tamper: async ({ attacker, firstSealed }) => {
        const signed = await firstSealed('AgreementVersionSigned');
        await attacker.query(
          `update event_store.events set metadata = jsonb_set(metadata, '{actor}', '"someone.else"') where event_id = $1`,
          [signed.event_id],
        );
        return { kind: 'altered', leafIndex: Number(signed.leaf_index), eventId: signed.event_id };
      },
    },
    {
      name: "an event's recorded_at changed",
      tamper: async ({ attacker, firstSealed }) => {
        const started = await firstSealed('OutageStarted');
        await attacker.query(
          `update event_store.events set recorded_at = recorded_at - interval '1 day' where event_id = $1`,
          [started.event_id],
        );
        return { kind: 'altered', leafIndex: Number(started.leaf_index), eventId: started.event_id };
      },
    },
    {
      name: "an event's type changed",
      tamper: async ({ attacker, firstSealed }) => {
        const acknowledged = await firstSealed('TicketAcknowledged');
        await attacker.query(`update event_store.events set event_type = 'TicketResolved' where event_id = $1`, [
          acknowledged.event_id,
        ]);
        return { kind: 'altered', leafIndex: Number(acknowledged.leaf_index), eventId: acknowledged.event_id };
      },
    },
    {
      name: 'one event deleted',
      tamper: async ({ attacker, firstSealed }) => {
        const ended = await firstSealed('OutageEnded');
        await attacker.query(`delete from event_store.events where event_id = $1`, [ended.event_id]);
        return { kind: 'missing', leafIndex: Number(ended.leaf_index), eventId: ended.event_id };
      },
    },
    {
      name: 'a range of events deleted (a whole ticket)',
      throughCli: true,
      tamper: async ({ attacker, firstSealed }) => {
        const opened = await firstSealed('TicketOpened');
        await attacker.query(`delete from event_store.events where stream_name = $1`, [opened.stream_name]);
        return { kind: 'missing', leafIndex: Number(opened.leaf_index), eventId: opened.event_id };
      },
    },
    {
      name: 'every event deleted',
      tamper: async ({ attacker }) => {
        await attacker.query(`delete from event_store.events`);
        return { kind: 'missing', leafIndex: 0, detail: new RegExp(`^${eventsInLog} sealed event\\(s\\) .* are gone`) };
      },
    },
    {
      name: 'two events exchanged in the log order (their positions)',
      tamper: async ({ attacker, firstSealed, leafAt }) => {
        const first = await firstSealed('TicketAcknowledged');
        const second = await leafAt(Number(first.leaf_index) + 1);
        // Positions are an identity column: taken out and put back, exchanged, in one transaction of the two.
        const rows = (
          await attacker.query(`select * from event_store.events where event_id in ($1, $2)`, [
            first.event_id,
            second.event_id,
          ])
        ).rows as Record<string, unknown>[];
        await attacker.query(`delete from event_store.events where event_id in ($1, $2)`, [
          first.event_id,
          second.event_id,
        ]);
        for (const row of rows) {
          const moved = {
            ...row,
            transaction_id: first.transaction_id,
            global_position: row.event_id === first.event_id ? second.global_position : first.global_position,
          };
          const columns = Object.keys(moved);
          await attacker.query(
            `insert into event_store.events (${columns.join(', ')}) overriding system value
             values (${columns.map((_, index) => `$${index + 1}`).join(', ')})`,
            Object.values(moved),
          );
        }
        return { kind: 'reordered', leafIndex: Number(first.leaf_index), eventId: first.event_id };
      },
    },
    {
      name: "an event's transaction moved to the end of the log",
      throughCli: true,
      tamper: async ({ attacker, store, firstSealed }) => {
        const resolved = await firstSealed('TicketResolved');
        // Below the newest transaction id, so the log shows it (last) once the horizon passes it.
        await attacker.query(
          `update event_store.events set transaction_id = (pg_current_xact_id()::text::bigint - 1)::text::xid8
            where transaction_id = $1`,
          [resolved.transaction_id],
        );
        await untilLogShows(
          store,
          (event, index, events) => event.id === resolved.event_id && index === events.length - 1,
        );
        return { kind: 'reordered', leafIndex: Number(resolved.leaf_index), eventId: resolved.event_id };
      },
    },
    {
      name: "an event's transaction moved earlier in the log",
      tamper: async ({ attacker, firstSealed, leafAt }) => {
        const resolved = await firstSealed('TicketResolved');
        const target = await leafAt(3);
        await attacker.query(
          `update event_store.events set transaction_id = ($2::text::bigint - 1)::text::xid8 where event_id = $1`,
          [resolved.event_id, target.transaction_id],
        );
        return { kind: 'reordered', leafIndex: 3, eventId: target.event_id };
      },
    },
    {
      name: 'an event inserted in the middle of the log (a ticket that never was)',
      throughCli: true,
      tamper: async ({ attacker, firstSealed, leafAt }) => {
        const opened = await firstSealed('TicketOpened');
        const next = await leafAt(Number(opened.leaf_index) + 1);
        const forged = forgedTicketOpened(opened, 'T0');
        const forgedId = randomUUID();
        // In the transaction of an event sealed long ago, so it reads just after that event.
        await attacker.query(
          `insert into event_store.events (transaction_id, event_id, stream_name, stream_revision, event_type,
                                           schema_version, data, metadata, recorded_at)
           values ($1, $2, $3, 0, 'TicketOpened', 1, $4, $5, $6)`,
          [
            opened.transaction_id,
            forgedId,
            forged.stream,
            JSON.stringify(forged.data),
            JSON.stringify(forged.metadata),
            (await attacker.query(`select recorded_at from event_store.events where event_id = $1`, [opened.event_id]))
              .rows[0].recorded_at,
          ],
        );
        return {
          kind: 'reordered',
          leafIndex: Number(opened.leaf_index) + 1,
          eventId: next.event_id,
          detail: new RegExp(`event ${forgedId} stands in its place`),
        };
      },
    },
    {
      name: 'an event inserted at the end at a forged stream revision (TicketResolved at 99 of a stream at 2)',
      throughCli: true,
      tamper: async ({ attacker, store, firstSealed }) => {
        const opened = await firstSealed('TicketOpened');
        const forgedId = randomUUID();
        await attacker.query(
          `insert into event_store.events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata)
           values ($1, $2, 99, 'TicketResolved', 1, $3, $4)`,
          [
            forgedId,
            opened.stream_name,
            JSON.stringify({ resolution: 'nothing happened', occurredAt: '2026-03-03T10:05:00+08:00' }),
            JSON.stringify(opened.metadata),
          ],
        );
        await untilLogShows(store, (event) => event.id === forgedId);
        // The stream's revisions jump from 2 to 99 (it is also covered by no head: a later finding).
        return { kind: 'revision-gap', leafIndex: eventsInLog, eventId: forgedId };
      },
    },
    {
      name: "a leaf's hash edited",
      throughCli: true,
      tamper: async ({ attacker, firstSealed }) => {
        const resolved = await firstSealed('TicketResolved');
        await attacker.query(`update audit_log_leaf set leaf_hash = $2 where leaf_index = $1`, [
          resolved.leaf_index,
          Buffer.alloc(32, 1),
        ]);
        return { kind: 'altered', leafIndex: Number(resolved.leaf_index), eventId: resolved.event_id };
      },
    },
    {
      name: 'an event edited together with its leaf: the first head over it no longer matches',
      tamper: async ({ attacker, store, firstSealed }) => {
        const resolved = await firstSealed('TicketResolved');
        await attacker.query(
          `update event_store.events set data = jsonb_set(data, '{resolution}', '"nothing happened"') where event_id = $1`,
          [resolved.event_id],
        );
        const [edited] = (await store.readAll({ maxCount: 100_000 })).events.filter(
          (event) => event.id === resolved.event_id,
        );
        await attacker.query(`update audit_log_leaf set leaf_hash = $2 where leaf_index = $1`, [
          resolved.leaf_index,
          leafHash(eventLeaf(edited)),
        ]);
        const firstHeadOver = headSizes.find((size) => size > Number(resolved.leaf_index));
        return {
          kind: 'head-mismatch',
          treeSize: firstHeadOver,
          detail: /no longer hash to the head signed .*: an event at index \d+–\d+ was changed/,
        };
      },
    },
    {
      name: "a head's root forged",
      throughCli: true,
      tamper: async ({ attacker }) => {
        await attacker.query(`update audit_tree_head set root_hash = $2 where tree_size = $1`, [
          headSizes[0],
          Buffer.alloc(32, 7),
        ]);
        return { kind: 'bad-signature', treeSize: headSizes[0] };
      },
    },
    {
      name: "a head's signature forged",
      tamper: async ({ attacker }) => {
        await attacker.query(`update audit_tree_head set signature = $2 where tree_size = $1`, [
          headSizes.at(-1),
          Buffer.alloc(64, 9),
        ]);
        return { kind: 'bad-signature', treeSize: headSizes.at(-1) };
      },
    },
    {
      name: 'the log edited, its leaf and every head recomputed and signed with a key of its own, recorded beside them',
      tamper: async ({ attacker, store, db, firstSealed }) => {
        const resolved = await firstSealed('TicketResolved');
        await attacker.query(
          `update event_store.events set data = jsonb_set(data, '{resolution}', '"nothing happened"') where event_id = $1`,
          [resolved.event_id],
        );
        const events = (await store.readAll({ maxCount: 100_000 })).events;
        const edited = events.find((event) => event.id === resolved.event_id)!;
        await attacker.query(`update audit_log_leaf set leaf_hash = $2 where leaf_index = $1`, [
          resolved.leaf_index,
          leafHash(eventLeaf(edited)),
        ]);
        const { rootOf } = await import('@sla/audit-domain');
        const leaves = events.map((event) => leafHash(eventLeaf(event)));
        const intruder = LogSigner.generated();
        await attacker.query(
          `insert into audit_signing_key (key_id, public_key_pem, first_used_at) values ($1, $2, now())`,
          [intruder.keyId, intruder.publicKeyPem],
        );
        for (const size of headSizes) {
          const root = rootOf(leaves.slice(0, size));
          const signedAt = new Date().toISOString();
          await attacker.query(
            `update audit_tree_head set root_hash = $2, signed_at = $3, key_id = $4, signature = $5 where tree_size = $1`,
            [size, root, signedAt, intruder.keyId, intruder.sign(treeHeadMessage(size, root, signedAt))],
          );
        }
        // Trusting the keys recorded beside the heads, the rewrite verifies: the auditor's key is what tells.
        expect((await verifyLog(store, db, { sealedBy: new Date() })).ok).toBe(true);
        return { kind: 'untrusted-key', treeSize: headSizes[0] };
      },
    },
    {
      name: 'the latest head deleted',
      throughCli: true,
      tamper: async ({ attacker, leafAt }) => {
        await attacker.query(`delete from audit_tree_head where tree_size = $1`, [headSizes.at(-1)]);
        const firstUncovered = await leafAt(headSizes.at(-2)!);
        return { kind: 'unsealed', leafIndex: headSizes.at(-2), eventId: firstUncovered.event_id };
      },
    },
    {
      name: 'every head deleted',
      tamper: async ({ attacker, leafAt }) => {
        await attacker.query(`delete from audit_tree_head`);
        return { kind: 'unsealed', leafIndex: 0, eventId: (await leafAt(0)).event_id };
      },
    },
    {
      name: 'an event edited and the audit tables emptied',
      throughCli: true,
      tamper: async ({ attacker, firstSealed, leafAt }) => {
        const first = await leafAt(0);
        const resolved = await firstSealed('TicketResolved');
        await attacker.query(
          `update event_store.events set data = jsonb_set(data, '{resolution}', '"nothing happened"') where event_id = $1`,
          [resolved.event_id],
        );
        await attacker.query(`delete from audit_log_leaf; delete from audit_tree_head; delete from audit_signing_key`);
        return { kind: 'unsealed', leafIndex: 0, eventId: first.event_id, detail: /no head at all/ };
      },
    },
    {
      name: 'an event edited, the audit tables emptied and the log resealed by the product sealer, by a head kept before',
      tamper: async ({ attacker, store, db, firstSealed }) => {
        const { heads } = await exportTreeHeads(db);
        const resolved = await firstSealed('TicketResolved');
        await attacker.query(
          `update event_store.events set data = jsonb_set(data, '{resolution}', '"nothing happened"') where event_id = $1`,
          [resolved.event_id],
        );
        await attacker.query(`delete from audit_log_leaf; delete from audit_tree_head`);
        // The running product seals again with its own key: the rewritten log gets a fresh, validly signed head.
        const sealer = new LogSealer(
          store,
          db,
          LogSigner.fromFile(testSigningKeyFile),
          { now: () => new Date() },
          {
            eventCatalog: productEventCatalog(),
          },
        );
        expect(await sealer.seal(true)).toMatchObject({ head: { treeSize: eventsInLog }, refused: null });
        expect((await verifyLog(store, db, { trustedKeys: [publicKeyPem], sealedBy: new Date() })).ok).toBe(true);
        const firstHeldOver = heads.find((head) => head.treeSize > Number(resolved.leaf_index));
        return { kind: 'inconsistent-head', treeSize: firstHeldOver?.treeSize, knownHeads: heads };
      },
    },
    {
      name: 'a well-formed ticket appended at the end past the store, then sealed by the product sealer',
      tamper: async ({ attacker, store, db, firstSealed }) => {
        const forged = forgedTicketOpened(await firstSealed('TicketOpened'), 'T9');
        const forgedId = randomUUID();
        // Revision 0 of a new stream, a schema-valid TicketOpened: every check the sealer makes passes.
        await attacker.query(
          `insert into event_store.events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata)
           values ($1, $2, 0, 'TicketOpened', 1, $3, $4)`,
          [forgedId, forged.stream, JSON.stringify(forged.data), JSON.stringify(forged.metadata)],
        );
        await untilLogShows(store, (event) => event.id === forgedId);
        const sealer = new LogSealer(
          store,
          db,
          LogSigner.fromFile(testSigningKeyFile),
          { now: () => new Date() },
          {
            eventCatalog: productEventCatalog(),
          },
        );
        expect(await sealer.seal(true)).toMatchObject({ head: { treeSize: eventsInLog + 1 }, refused: null });
        // The store's record of its appends has no such event, whoever sealed it.
        return { kind: 'not-appended', leafIndex: eventsInLog, eventId: forgedId };
      },
    },
    {
      name: "a sealed event's global position changed, the log order kept",
      tamper: async ({ attacker, firstSealed }) => {
        const resolved = await firstSealed('TicketResolved');
        const row = (await attacker.query(`select * from event_store.events where event_id = $1`, [resolved.event_id]))
          .rows[0] as Record<string, unknown>;
        await attacker.query(`delete from event_store.events where event_id = $1`, [resolved.event_id]);
        // Ordered by (transaction id, position): a larger position in the same transaction keeps its place.
        const moved = { ...row, global_position: String(BigInt(String(row.global_position)) + 100_000n) };
        const columns = Object.keys(moved);
        await attacker.query(
          `insert into event_store.events (${columns.join(', ')}) overriding system value
           values (${columns.map((_, index) => `$${index + 1}`).join(', ')})`,
          Object.values(moved),
        );
        return { kind: 'moved', leafIndex: Number(resolved.leaf_index), eventId: resolved.event_id };
      },
    },
    {
      name: 'a TicketResolved forged at revision 99 at the end, verified within the default seal grace',
      throughCli: true,
      cliOptions: [],
      tamper: async ({ attacker, store, db, firstSealed }) => {
        const opened = await firstSealed('TicketOpened');
        const forgedId = randomUUID();
        await attacker.query(
          `insert into event_store.events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata)
           values ($1, $2, 99, 'TicketResolved', 1, $3, $4)`,
          [
            forgedId,
            opened.stream_name,
            JSON.stringify({
              ticketId: opened.data.ticketId,
              resolution: 'nothing happened',
              occurredAt: '2026-03-03T10:05:00+08:00',
            }),
            JSON.stringify(opened.metadata),
          ],
        );
        await untilLogShows(store, (event) => event.id === forgedId);
        // The running sealer refuses it (revision-gap, /health degraded, metric): the log itself says so too.
        const sealer = new LogSealer(
          store,
          db,
          LogSigner.fromFile(testSigningKeyFile),
          { now: () => new Date() },
          {
            eventCatalog: productEventCatalog(),
          },
        );
        expect((await sealer.seal(true)).refused).toMatchObject({ kind: 'revision-gap', eventId: forgedId });
        return { kind: 'revision-gap', leafIndex: eventsInLog, eventId: forgedId };
      },
    },
  ];

  for (const tampering of tamperings) {
    it(`finds ${tampering.name}${tampering.throughCli ? ' (sla audit verify)' : ''}`, async () => {
      const log = await copyOfTheLog('tampering');
      const { detail, knownHeads, ...place } = await tampering.tamper(log);
      const report = tampering.throughCli
        ? await verifyThroughCli(log.url, tampering.cliOptions)
        : await verifyLog(log.store, log.db, {
            trustedKeys: [publicKeyPem],
            appendRecord: log.store,
            sealedBy: new Date(),
            ...(knownHeads ? { knownHeads } : {}),
          });
      expect(report.ok).toBe(false);
      expect(report.findings[0]).toMatchObject(place);
      if (detail) expect(report.findings[0].detail).toMatch(detail);
    }, 60_000);
  }
});
