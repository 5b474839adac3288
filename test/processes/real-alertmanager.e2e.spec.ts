import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient } from '@sla/test-support';

/**
 * Debian's prometheus-alertmanager, started on loopback with its webhook
 * receiver pointed at the real app. Alerts are fired and resolved through
 * Alertmanager's own API v2, so the payloads, fingerprints, grouping and
 * retries are Alertmanager's, not ours. `.ci/run` installs the package
 * (scripts/install-test-tools.sh).
 */
const binary = ['/usr/bin/prometheus-alertmanager', '/usr/bin/alertmanager'].find(
  (candidate) => spawnSync(candidate, ['--version']).status === 0,
);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('a real Prometheus Alertmanager feeding outages', () => {
  let api: TestApi;
  let alertmanager: ChildProcess | undefined;
  let alertmanagerUrl: string;
  let workDirectory: string;
  let output = '';

  beforeAll(async () => {
    if (!binary)
      throw new Error(
        'prometheus-alertmanager is not installed: run `bash scripts/install-test-tools.sh` (as root, Debian)',
      );
    workDirectory = mkdtempSync(path.join(tmpdir(), 'sla-real-alertmanager-'));
    const mapping = path.join(workDirectory, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify([{ match: { job: 'vpn', severity: 'page' }, serviceId: 'vpn', impact: 'full' }]),
    );
    api = await startTestApi('real_alertmanager', { ALERTMANAGER_MAPPING_FILE: mapping });
    const http = httpClient(api.baseUrl, { 'x-actor': 'ops-lead' }, api.conformance);
    await http.post('/services', {
      serviceId: 'vpn',
      name: 'Remote access VPN',
      owner: { name: 'Li Wei' },
      changeRequest: 'CR-7',
    });

    // Short group timings so a resolution reaches the receiver within seconds.
    writeFileSync(
      path.join(workDirectory, 'alertmanager.yml'),
      [
        'route:',
        '  receiver: sla-engine',
        '  group_by: [alertname]',
        '  group_wait: 1s',
        '  group_interval: 1s',
        '  repeat_interval: 1h',
        'receivers:',
        '  - name: sla-engine',
        '    webhook_configs:',
        `      - url: ${api.baseUrl}/webhooks/alertmanager`,
        '        send_resolved: true',
        '',
      ].join('\n'),
    );
    const port = await freePort();
    alertmanagerUrl = `http://127.0.0.1:${port}`;
    alertmanager = spawn(
      binary,
      [
        `--config.file=${path.join(workDirectory, 'alertmanager.yml')}`,
        `--storage.path=${path.join(workDirectory, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    alertmanager.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    alertmanager.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    await eventually(async () => ((await fetch(`${alertmanagerUrl}/-/ready`)).ok ? true : undefined), 20_000).catch(
      (error: unknown) => {
        throw new Error(`Alertmanager did not become ready: ${String(error)}\n${output}`);
      },
    );
  }, 60_000);

  afterAll(async () => {
    alertmanager?.kill('SIGTERM');
    await api?.close();
    if (workDirectory) rmSync(workDirectory, { recursive: true, force: true });
  });

  async function postAlerts(alerts: unknown[]): Promise<void> {
    const response = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    if (!response.ok) throw new Error(`Alertmanager refused the alert: ${response.status} ${await response.text()}`);
  }

  async function vpnOutages() {
    const response = await fetch(`${api.baseUrl}/outages?serviceId=vpn`);
    return (
      (await response.json()) as {
        items: Array<{ outageId: string; impact: string; startedAt: string; endedAt: string | null; source: string }>;
      }
    ).items;
  }

  it('records the outage when the alert fires and ends it at the resolution time', async () => {
    // Whole seconds ago, so the times Alertmanager relays are exactly ours.
    const startsAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 10 * 60_000).toISOString();
    const labels = { alertname: 'VpnGatewayDown', job: 'vpn', severity: 'page', instance: 'gw-1' };
    await postAlerts([{ labels, annotations: { summary: 'VPN gateway gw-1 unreachable' }, startsAt }]);

    const started = await eventually(async () => {
      const outages = await vpnOutages();
      return outages.length === 1 ? outages[0] : undefined;
    }, 30_000);
    expect(started).toMatchObject({ impact: 'full', startedAt: startsAt, endedAt: null, source: 'alertmanager' });
    expect(started.outageId).toMatch(new RegExp(`^alertmanager-[0-9a-f]{16}-${Date.parse(startsAt)}$`));

    const endsAt = new Date(Date.parse(startsAt) + 7 * 60_000).toISOString();
    await postAlerts([{ labels, annotations: { summary: 'VPN gateway gw-1 unreachable' }, startsAt, endsAt }]);

    const ended = await eventually(async () => {
      const outages = await vpnOutages();
      return outages.length === 1 && outages[0].endedAt ? outages[0] : undefined;
    }, 30_000);
    expect(ended).toEqual({ ...started, endedAt: endsAt });
  }, 90_000);

  it('stored exactly one start and one end for that alert', async () => {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ type: string; count: string }>(
        `select event_type as type, count(*) from event_store.events where stream_name like 'outage-%' group by event_type order by event_type`,
      );
      expect(rows.map((row) => [row.type, Number(row.count)])).toEqual([
        ['OutageEnded', 1],
        ['OutageStarted', 1],
      ]);
    } finally {
      await client.end();
    }
  });
});
