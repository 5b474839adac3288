import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient, untilLogShows, withTriggersOff } from '@sla/test-support';

/**
 * A row written straight into event_store.events, past the store's append:
 * the log sealer refuses it, and /health turns degraded naming it.
 */
describe('/health when the log sealer refuses an event (real app, real PostgreSQL)', () => {
  const opened: TestApi[] = [];
  afterAll(async () => {
    for (const api of opened) await api.close();
  });

  /** The real API with one ticket, INC-1, at revision 0, everything sealed. */
  const apiWithOneTicket = async () => {
    const api = await startTestApi('health_audit_seal');
    opened.push(api);
    const http = httpClient(api.baseUrl, { 'x-actor': 'servicenow-connector' }, api.conformance);
    const service = { serviceId: 'email', name: 'Corporate e-mail', owner: { name: 'Li Wei' }, changeRequest: 'CR-1' };
    expect((await http.post('/services', service)).status).toBe(201);
    await eventually(async () => ((await http.get('/services/email')).status === 200 ? true : undefined));
    const opening = {
      source: 'servicenow',
      externalId: 'evt-1',
      type: 'TicketOpened',
      data: {
        ticketType: 'incident',
        serviceId: 'email',
        priority: 'P2',
        impact: 'high',
        major: false,
        title: 'Mail down',
        occurredAt: '2026-03-09T09:00:00+01:00',
      },
    };
    expect((await http.post('/tickets/INC-1/facts', opening)).body).toMatchObject({ streamRevision: '0' });
    const store = api.infrastructure.eventStore;
    await untilLogShows(store, (event) => event.type === 'TicketOpened');
    await api.infrastructure.logSealer.seal(true);
    expect((await http.get('/health')).body).toMatchObject({ status: 'ok', auditSeal: { status: 'sealing' } });
    const forge = async (revision: number, data: unknown) => {
      const eventId = randomUUID();
      // A superuser with triggers off: the log's append-only triggers do not stop them, sealing must.
      const sql = new Client({ connectionString: withTriggersOff(api.databaseUrl) });
      await sql.connect();
      await sql.query(
        `insert into event_store.events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata)
         values ($1, 'ticket-INC-1', $2, 'TicketResolved', 1, $3, $4)`,
        [
          eventId,
          revision,
          JSON.stringify(data),
          JSON.stringify({ actor: 'servicenow-connector', correlationId: randomUUID(), source: 'servicenow' }),
        ],
      );
      await sql.end();
      await untilLogShows(store, (event) => event.id === eventId);
      return eventId;
    };
    return { api, http, forge };
  };

  it('turns degraded naming a TicketResolved forged at revision 99 of a stream at revision 0', async () => {
    const { api, http, forge } = await apiWithOneTicket();
    const forged = await forge(99, { ticketId: 'INC-1', resolution: 'fixed', occurredAt: '2026-03-09T10:00:00Z' });
    const sealed = await api.infrastructure.logSealer.seal(true);
    expect(sealed).toMatchObject({ head: null, refused: { kind: 'revision-gap', eventId: forged } });

    const health = await http.get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'degraded',
      auditSeal: { status: 'stopped', findings: [{ kind: 'revision-gap', eventId: forged, streamRevision: '99' }] },
    });
    expect(health.body.warnings[0]).toContain(`audit log sealing stopped at event ${forged} (ticket-INC-1@99`);
  });

  it('turns degraded naming an event at the right revision that the product catalog cannot parse', async () => {
    const { api, http, forge } = await apiWithOneTicket();
    const forged = await forge(1, { ticketId: 'INC-1', occurredAt: '2026-03-09T10:00:00Z' });
    expect((await api.infrastructure.logSealer.seal(true)).refused).toMatchObject({
      kind: 'schema-invalid',
      eventId: forged,
    });
    const health = await http.get('/health');
    expect(health.body).toMatchObject({ status: 'degraded', auditSeal: { findings: [{ eventId: forged }] } });
    expect(health.body.warnings[0]).toMatch(/data\.resolution/);
  });
});
