import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient, repositoryRoot, untilLogShows, withTriggersOff } from '@sla/test-support';

/** The samples of a Prometheus text exposition, `name{labels}` → value (promtool has checked its syntax). */
const samplesOf = (exposition: string) =>
  new Map(
    exposition
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => {
        const at = line.lastIndexOf(' ');
        return [line.slice(0, at), Number(line.slice(at + 1))] as const;
      }),
  );

/** Debian's promtool (scripts/install-test-tools.sh): the exposition parser Prometheus itself uses, plus its lint. */
const promtoolCheck = (exposition: string) => {
  const checked = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  if (checked.error) throw new Error(`promtool not runnable (scripts/install-test-tools.sh): ${checked.error.message}`);
  return { code: checked.status, output: `${checked.stdout}${checked.stderr}` };
};

/**
 * Issue 14 item 2, the metric: a scrape of /metrics over real HTTP says whether the log sealer stopped, at
 * which event, how large the signed tree is and how many events wait to be sealed.
 */
describe('GET /metrics (real app, real PostgreSQL, checked by promtool)', () => {
  let api: TestApi;
  afterAll(async () => {
    await api?.close();
  });

  const scrape = async () => {
    const response = await fetch(`${api.baseUrl}/metrics`);
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), text };
  };

  it('reports sealing, then the forged event that stopped it, in a format promtool accepts', async () => {
    api = await startTestApi('metrics');
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
    expect((await http.post('/tickets/INC-1/facts', opening)).status).toBe(201);
    const store = api.infrastructure.eventStore;
    await untilLogShows(store, (event) => event.type === 'TicketOpened');
    const sealer = api.infrastructure.logSealer;
    // The background sealer may have signed this size already (its first head is due at once): then ours is null.
    const { head } = await sealer.seal(true);
    const sealedSize = head?.treeSize ?? (await sealer.status()).treeSize;
    expect(sealedSize).toBeGreaterThanOrEqual(2);

    const sealing = await scrape();
    expect(sealing.status).toBe(200);
    expect(sealing.contentType).toMatch(/^text\/plain; (charset=utf-8; )?version=0\.0\.4/);
    expect(promtoolCheck(sealing.text)).toEqual({ code: 0, output: '' });
    expect(sealing.text).toContain('# TYPE sla_audit_seal_stopped gauge');
    const before = samplesOf(sealing.text);
    expect(before.get('sla_audit_seal_stopped')).toBe(0);
    expect(before.get('sla_audit_sealed_tree_size')).toBe(sealedSize);
    // The SLA watch may append findings meanwhile, which the background sealer then takes as leaves.
    expect(before.get('sla_audit_sealed_leaves')).toBeGreaterThanOrEqual(sealedSize);
    expect(Number.isInteger(before.get('sla_audit_unsealed_events'))).toBe(true);
    expect([...before.keys()].some((name) => name.startsWith('sla_audit_seal_refused_event_position'))).toBe(false);

    // A TicketResolved written past the store's append, at revision 99 of a stream at revision 0.
    const forged = randomUUID();
    // As a superuser with triggers off: the store's own triggers refuse rows written past its append.
    const sql = new Client({ connectionString: withTriggersOff(api.databaseUrl) });
    await sql.connect();
    const { rows } = await sql.query(
      `insert into event_store.events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata)
       values ($1, 'ticket-INC-1', 99, 'TicketResolved', 1, $2, $3) returning global_position`,
      [
        forged,
        JSON.stringify({ ticketId: 'INC-1', resolution: 'fixed', occurredAt: '2026-03-09T10:00:00Z' }),
        JSON.stringify({ actor: 'servicenow-connector', correlationId: randomUUID(), source: 'servicenow' }),
      ],
    );
    await sql.end();
    await untilLogShows(store, (event) => event.id === forged);
    expect((await api.infrastructure.logSealer.seal(true)).refused).toMatchObject({ eventId: forged });

    const stopped = await scrape();
    expect(promtoolCheck(stopped.text)).toEqual({ code: 0, output: '' });
    const after = samplesOf(stopped.text);
    expect(after.get('sla_audit_seal_stopped')).toBe(1);
    expect(
      after.get(
        `sla_audit_seal_refused_event_position{kind="revision-gap",event_id="${forged}",stream="ticket-INC-1",revision="99"}`,
      ),
    ).toBe(Number(rows[0].global_position));
    expect(after.get('sla_audit_sealed_tree_size')).toBe(sealedSize);
    expect(after.get('sla_audit_unsealed_events')).toBeGreaterThanOrEqual(1);
  });

  it('is documented in /openapi.json as Prometheus text', async () => {
    const document = (await (await fetch(`${api.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, { get: { responses: Record<string, { content: object }> } }>;
    };
    expect(Object.keys(document.paths['/metrics'].get.responses['200'].content)).toEqual(['text/plain; version=0.0.4']);
    // The check above is only worth something if promtool refuses a malformed exposition.
    expect(promtoolCheck('sla_audit_seal_stopped{ 1\n').code).not.toBe(0);
  });

  it('feeds an alert rule that fires once sealing stops (promtool check rules, test rules)', () => {
    const rules = path.join(repositoryRoot, 'infra/prometheus');
    for (const command of [
      ['check', 'rules', 'audit-alerts.yml'],
      ['test', 'rules', 'audit-alerts.test.yml'],
    ]) {
      const run = spawnSync('promtool', command, { cwd: rules, encoding: 'utf8' });
      expect({ command, code: run.status, output: `${run.stdout}${run.stderr}` }).toMatchObject({
        code: 0,
        output: expect.stringContaining('SUCCESS'),
      });
    }
  });

  it('answers a scraper without an API key when access control is on, like /health (access.public)', async () => {
    const keys = path.join(mkdtempSync(path.join(tmpdir(), 'sla-metrics-keys-')), 'keys.json');
    const keySha256 = createHash('sha256').update('metrics-test-admin-key', 'utf8').digest('hex');
    writeFileSync(keys, JSON.stringify([{ keySha256, actor: 'root', role: 'admin' }]));
    const guarded = await startTestApi('metrics_access', { AUTH_API_KEYS_FILE: keys });
    try {
      expect((await fetch(`${guarded.baseUrl}/agreements`)).status).toBe(401);
      const scraped = await fetch(`${guarded.baseUrl}/metrics`);
      expect(scraped.status).toBe(200);
      expect(samplesOf(await scraped.text()).get('sla_audit_seal_stopped')).toBe(0);
    } finally {
      await guarded.close();
    }
  });
});
