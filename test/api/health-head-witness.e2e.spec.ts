import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApi, type TestApi } from '../support/test-api';
import { exportTreeHeads } from '@sla/audit-read-models';
import { eventually, httpClient, untilLogShows } from '@sla/test-support';

/**
 * AUDIT_HEAD_WEBHOOK_URL: a witness started here refuses, then accepts; the
 * API keeps sealing meanwhile, /health shows how far behind the witness is
 * and turns degraded past the bound, and the witness gets every head it missed.
 */
describe('/health and the head witness (real app, real PostgreSQL, real HTTP witness)', () => {
  let api: TestApi;
  let server: Server;
  let accepting = false;
  const received: { treeSize: number }[] = [];
  let now = new Date('2026-03-10T09:00:00Z');

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        if (!accepting) return void response.writeHead(503).end();
        received.push(JSON.parse(body) as { treeSize: number });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    api = await startTestApi(
      'health_head_witness',
      { AUDIT_HEAD_WEBHOOK_URL: `http://127.0.0.1:${port}/witness`, AUDIT_HEAD_WEBHOOK_LAG_WARNING_SECONDS: '300' },
      { now: () => now },
    );
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reports the heads the witness has not acknowledged, degrades after the bound, and catches up when it returns', async () => {
    const http = httpClient(api.baseUrl, { 'x-actor': 'li.wei' }, api.conformance);
    const service = { serviceId: 'email', name: 'Corporate e-mail', owner: { name: 'Li Wei' }, changeRequest: 'CR-1' };
    expect((await http.post('/services', service)).status).toBe(201);
    await untilLogShows(api.infrastructure.eventStore, (event) => event.type === 'ServiceRegistered');
    // The background sealer may have signed it already: either way, the latest head covers the service.
    await api.infrastructure.logSealer.seal(true);
    const first = (await exportTreeHeads(api.infrastructure.readStore)).heads.at(-1)!;
    expect(first.treeSize).toBeGreaterThan(0);

    const behind = await eventually(async () => {
      const body = (await http.get('/health')).body;
      return body.headWitness?.lastError ? body : undefined;
    });
    expect(behind).toMatchObject({
      status: 'ok',
      headWitness: {
        deliveredTreeSize: 0,
        latestTreeSize: first.treeSize,
        headsBehind: 1,
        behindSeconds: 0,
        lastError: expect.stringMatching(/answered 503/),
      },
    });

    now = new Date(now.getTime() + 301_000);
    const degraded = (await http.get('/health')).body;
    expect(degraded).toMatchObject({ status: 'degraded', headWitness: { headsBehind: 1, behindSeconds: 301 } });
    expect(degraded.warnings).toContainEqual(
      expect.stringMatching(
        /^the head witness http:\/\/127\.0\.0\.1:\d+\/witness is 1 signed head\(s\) behind; the oldest has waited 301 s \(bound 300 s\); last error: .*answered 503/,
      ),
    );

    accepting = true;
    const caughtUp = await eventually(async () => {
      const body = (await http.get('/health')).body;
      return body.headWitness?.headsBehind === 0 ? body : undefined;
    }, 20_000);
    expect(caughtUp).toMatchObject({
      status: 'ok',
      headWitness: { deliveredTreeSize: first.treeSize, lastError: null },
    });
    const signed = (await exportTreeHeads(api.infrastructure.readStore)).heads.map((head) => head.treeSize);
    expect(received.map((head) => head.treeSize)).toEqual(signed);
  }, 60_000);
});
