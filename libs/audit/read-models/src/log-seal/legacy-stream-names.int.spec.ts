import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Client } from 'pg';
import type { NewEvent } from '@sla/event-sourcing';
import { migrateEventStore, PostgresEventStore } from '@sla/event-store-postgres';
import { ProjectionRunner } from '@sla/projection-runtime';
import { migrateReadStore, openReadStore } from '@sla/read-store';
import { createTestDatabase, migrateEventStoreThrough, untilReadable, withTriggersOff } from '@sla/test-support';
import { auditReadModelMigrations } from '../index';
import { listStreamActivity } from '../stream-activity/list-stream-activity.query';
import { streamActivityProjection } from '../stream-activity/stream-activity.projection';
import { LogSealer, type AuditLogTables } from './log-sealer';
import { LogSigner } from './log-signer';
import { verifyLog } from './log-verifier';

const event = (type: string): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data: { type },
  metadata: { actor: 'test', correlationId: randomUUID(), source: 'test' },
});

/**
 * Issue 13 renamed stored streams to categories without '-'. Events sealed
 * before the rename must still verify (their leaves hash the legacy name),
 * any other change must still be found, and the stream-activity view must
 * show the whole category once rebuilt.
 */
describe('the audit log across the stream-category rename (real PostgreSQL)', () => {
  let url: string;
  let store: PostgresEventStore;
  let db: Kysely<any>;
  let sql: Client;
  const signer = LogSigner.generated();
  let sealer: LogSealer;
  const report = 'email-sla-2026-03';

  beforeAll(async () => {
    url = await createTestDatabase('audit_legacy_streams');
    await migrateEventStoreThrough(url, '2026-11-22-001-create-event-log');
    store = new PostgresEventStore({ connectionString: url, idlePollMilliseconds: 20 });
    db = openReadStore(url);
    await migrateReadStore(db, auditReadModelMigrations);
    // The tamperer is a superuser with triggers off: the log's append-only triggers do not stop them.
    sql = new Client({ connectionString: withTriggersOff(url) });
    await sql.connect();
    const append = async (name: string, types: string[]) =>
      untilReadable(store, (await store.appendToStream(name, types.map(event), 'any')).position);

    // The previous release: legacy names, its stream-activity projection, sealed.
    await append('service-email', ['ServiceRegistered']);
    await append(`service-report-${report}`, ['ServiceReportDrafted', 'ServiceReportReviewed']);
    await append('sla-watch-T-1', ['TicketSlaBreached']);
    const previous = new ProjectionRunner(store, db, [{ ...streamActivityProjection, version: 1 }]);
    await previous.prepare();
    await previous.catchUp();
    sealer = new LogSealer(
      store,
      db as Kysely<AuditLogTables>,
      signer,
      { now: () => new Date() },
      {
        headIntervalMilliseconds: 0,
      },
    );
    expect((await sealer.seal(true)).head?.treeSize).toBe(4);

    // The upgrade: the event store migration renames, the new release appends and seals on.
    await migrateEventStore(url);
    await append(`service_report-${report}`, ['ServiceReportApproved']);
    expect((await sealer.seal(true)).head?.treeSize).toBe(5);
  }, 60_000);
  afterAll(async () => {
    await sql?.end();
    await db?.destroy();
    await store?.close();
  });

  it('showed the report under the catalogue’s category before (the defect)', async () => {
    const before = await listStreamActivity(db, { category: 'service', limit: 10, offset: 0 });
    expect(before.map((row) => row.streamName)).toEqual(['service-email', `service-report-${report}`]);
  });

  it('verifies the events sealed under their legacy names, and says so', async () => {
    const verification = await verifyLog(store, db as Kysely<AuditLogTables>);
    expect(verification).toMatchObject({ ok: true, eventsInLog: 5, sealedLeaves: 5, headsChecked: 2, findings: [] });
    expect(verification.checks).toContainEqual(
      expect.stringMatching(/^3 event\(s\) were sealed before their streams were renamed/),
    );
  });

  it('shows every stream in its whole category once the stream-activity view is rebuilt', async () => {
    const current = new ProjectionRunner(store, db, [streamActivityProjection]);
    await current.prepare();
    await current.catchUp();
    const of = async (category: string) =>
      (await listStreamActivity(db, { category, limit: 10, offset: 0 })).map((row) => [
        row.streamName,
        row.category,
        row.eventCount,
      ]);
    expect(await of('service')).toEqual([['service-email', 'service', 1]]);
    expect(await of('service_report')).toEqual([[`service_report-${report}`, 'service_report', 3]]);
    expect(await of('sla_watch')).toEqual([['sla_watch-T-1', 'sla_watch', 1]]);
    expect(await of('sla')).toEqual([]);
  });

  it('still finds a sealed event moved to another stream, even one of a renamed category', async () => {
    const moved = await sql.query(
      `update event_store.events set stream_name = 'sla_watch-${report}'
        where stream_name = 'service_report-${report}' and stream_revision = 0 returning event_id`,
    );
    const verification = await verifyLog(store, db as Kysely<AuditLogTables>);
    expect(verification.ok).toBe(false);
    expect(verification.findings[0]).toMatchObject({ kind: 'altered', eventId: moved.rows[0].event_id });
  });
});
