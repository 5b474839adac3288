import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { z } from 'zod';
import { defineEvent, EventCatalog } from '@sla/event-sourcing';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { migrateReadStore, openReadStore } from '@sla/read-store';
import { createTestDatabase, untilLogShows, untilReadable, withTriggersOff } from '@sla/test-support';
import { auditReadModelMigrations } from '../index';
import { LogSealer, type AuditLogTables } from './log-sealer';
import { LogSigner } from './log-signer';

const catalog = new EventCatalog([
  defineEvent({ type: 'TicketOpened', schemaVersion: 1, schema: z.object({ title: z.string().min(1) }) }),
  defineEvent({ type: 'TicketResolved', schemaVersion: 1, schema: z.object({ resolution: z.string().min(1) }) }),
]);
const metadata = { actor: 'ana', correlationId: 'c', source: 'api' };

/**
 * Rows written straight into event_store.events, past the store's append, as
 * a superuser with triggers off could: the sealer checks every new event
 * before it signs, records the first it refuses and signs nothing past it.
 */
describe('log sealer refuses events the store did not append (real PostgreSQL)', () => {
  const opened: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of opened.reverse()) await close();
  });

  /** A log of two ticket streams, each at revision 0, sealed and signed. */
  const sealedLog = async () => {
    const url = await createTestDatabase('audit_seal_checks');
    await migrateEventStore(url);
    const store = new PostgresEventStore({ connectionString: url });
    const db = openReadStore<AuditLogTables>(url);
    await migrateReadStore(db, auditReadModelMigrations);
    const sql = new Client({ connectionString: withTriggersOff(url) });
    await sql.connect();
    opened.push(
      () => store.close(),
      () => db.destroy(),
      () => sql.end(),
    );
    const logged: string[] = [];
    const sealer = new LogSealer(
      store,
      db,
      LogSigner.generated(),
      { now: () => new Date() },
      {
        headIntervalMilliseconds: 0,
        eventCatalog: catalog,
        appendRecord: store,
        log: (message) => logged.push(message),
      },
    );
    const append = async (stream: string, type: string, data: unknown) => {
      const result = await store.appendToStream(
        stream,
        [{ id: randomUUID(), type, schemaVersion: 1, data, metadata }],
        'any',
      );
      await untilReadable(store, result.position);
    };
    await append('ticket-T1', 'TicketOpened', { title: 'printer on fire' });
    await append('ticket-T2', 'TicketOpened', { title: 'mail down' });
    expect(await sealer.seal(true)).toMatchObject({ leaves: 2, head: { treeSize: 2 } });
    const forge = async (stream: string, revision: number, type: string, data: unknown) => {
      const id = randomUUID();
      await sql.query(
        `insert into event_store.events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata)
         values ($1, $2, $3, $4, 1, $5, $6)`,
        [id, stream, revision, type, JSON.stringify(data), JSON.stringify(metadata)],
      );
      await untilLogShows(store, (event) => event.id === id);
      return id;
    };
    const heads = async () =>
      (await db.selectFrom('audit_tree_head').select('tree_size').orderBy('tree_size').execute()).map((head) =>
        Number(head.tree_size),
      );
    return { store, db, sql, sealer, logged, append, forge, heads };
  };

  it('refuses a TicketResolved forged at revision 99 of a stream at revision 0, and signs nothing past it', async () => {
    const { sealer, logged, append, forge, heads } = await sealedLog();
    await append('ticket-T2', 'TicketResolved', { resolution: 'restarted' });
    const forged = await forge('ticket-T1', 99, 'TicketResolved', { resolution: 'nothing happened' });
    await append('ticket-T2', 'TicketResolved', { resolution: 'again' });

    const result = await sealer.seal(true);
    // The honest event before the forgery is sealed; the forgery and everything after it are not.
    expect(result).toMatchObject({ leaves: 1, head: { treeSize: 3 } });
    expect(result.refused).toMatchObject({ kind: 'revision-gap', eventId: forged, streamRevision: '99' });
    expect(result.refused?.detail).toMatch(/ticket-T1@99: the stream's next revision is 1/);
    expect(await sealer.seal(true)).toMatchObject({ leaves: 0, head: null, refused: { eventId: forged } });
    expect(await heads()).toEqual([2, 3]);
    expect(await sealer.findings()).toEqual([expect.objectContaining({ kind: 'revision-gap', eventId: forged })]);
    expect(logged.some((line) => line.includes('ALERT') && line.includes(forged))).toBe(true);
  });

  it('refuses a forged first event of a new stream that does not start at revision 0', async () => {
    const { sealer, forge } = await sealedLog();
    const forged = await forge('ticket-T9', 3, 'TicketResolved', { resolution: 'made up' });
    expect((await sealer.seal(true)).refused).toMatchObject({ kind: 'revision-gap', eventId: forged });
  });

  it('refuses an event the catalog cannot parse, at the right revision', async () => {
    const { sealer, forge, heads } = await sealedLog();
    const forged = await forge('ticket-T1', 1, 'TicketResolved', { resolution: '' });
    const unknown = await sealer.seal(true);
    expect(unknown).toMatchObject({ leaves: 0, head: null, refused: { kind: 'schema-invalid', eventId: forged } });
    expect(unknown.refused?.detail).toMatch(/data.resolution/);
    expect(await heads()).toEqual([2]);
  });

  it('refuses an event of a type the catalog does not know', async () => {
    const { sealer, forge } = await sealedLog();
    const forged = await forge('ticket-T1', 1, 'TicketVanished', {});
    expect((await sealer.seal(true)).refused).toMatchObject({ kind: 'schema-invalid', eventId: forged });
  });

  it('refuses an event at the right revision that parses, when no append of the store wrote it', async () => {
    const { sealer, logged, append, forge, heads } = await sealedLog();
    await append('ticket-T2', 'TicketResolved', { resolution: 'restarted' });
    const forged = await forge('ticket-T1', 1, 'TicketResolved', { resolution: 'nothing happened' });

    const result = await sealer.seal(true);
    expect(result).toMatchObject({ leaves: 1, head: { treeSize: 3 } });
    expect(result.refused).toMatchObject({ kind: 'not-appended', eventId: forged, streamRevision: '1' });
    expect(result.refused?.detail).toMatch(/ticket-T1@1: no append of the store recorded writing it/);
    expect(await sealer.seal(true)).toMatchObject({ leaves: 0, head: null, refused: { eventId: forged } });
    expect(await heads()).toEqual([2, 3]);
    expect(await sealer.findings()).toEqual([expect.objectContaining({ kind: 'not-appended', eventId: forged })]);
    expect(logged.some((line) => line.includes('ALERT') && line.includes(forged))).toBe(true);
  });

  it('refuses a sealed event moved to the end of the log order', async () => {
    const { store, sealer, sql, heads } = await sealedLog();
    const { rows } = await sql.query(
      `select event_id from event_store.events where stream_name = 'ticket-T1' and stream_revision = 0`,
    );
    // The log is read in (transaction id, position) order: a larger transaction id moves the event last.
    await sql.query(
      `update event_store.events set transaction_id = (pg_current_xact_id()::text::bigint - 1)::text::xid8
        where event_id = $1`,
      [rows[0].event_id],
    );
    // A sealed event is already in the log at its old place: wait until it shows at the new one, the last.
    await untilLogShows(store, (event, index, events) => event.id === rows[0].event_id && index === events.length - 1);
    const { refused } = await sealer.seal(true);
    expect(refused).toMatchObject({ kind: 'out-of-order', eventId: rows[0].event_id });
    expect(await heads()).toEqual([2]);
  });

  it('seals honest appends to streams sealed in an earlier pass', async () => {
    const { sealer, append } = await sealedLog();
    await append('ticket-T1', 'TicketResolved', { resolution: 'cooled down' });
    await append('ticket-T3', 'TicketOpened', { title: 'new' });
    expect(await sealer.seal(true)).toMatchObject({ leaves: 2, head: { treeSize: 4 }, refused: null });
    expect(await sealer.findings()).toEqual([]);
  });
});
