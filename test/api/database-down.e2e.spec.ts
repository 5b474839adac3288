import type { INestApplication } from '@nestjs/common';
import { createApiApplication } from '../../apps/api/src/api.application';
import { loadConfiguration } from '@sla/configuration';
import { openInfrastructure, type Infrastructure } from '@sla/composition';
import { eventually, httpClient, startPrivatePostgres, type PrivatePostgres } from '@sla/test-support';

/**
 * The database stops under a running API: whatever the path (a read, a
 * write, /health), the answer is 503 with Retry-After, never a 500. Its own
 * cluster, since the test stops it.
 */
describe('the API while its database is down', () => {
  let server: PrivatePostgres | undefined;
  let infrastructure: Infrastructure;
  let app: INestApplication;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    infrastructure = await openInfrastructure(
      loadConfiguration({ DATABASE_URL: server.url.replace(/\/postgres$/, '/sla'), LOG_LEVEL: 'error' }),
    );
    app = await createApiApplication(infrastructure, { logger: false });
    await app.listen(0, '127.0.0.1');
    infrastructure.startBackgroundWork();
  });
  afterAll(async () => {
    await app.close();
    await infrastructure.close();
    await server?.stop();
  });

  it('answers 503 with Retry-After on reads, writes and /health', async () => {
    const baseUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;
    const http = httpClient(baseUrl, { 'x-actor': 'slm.alice' });
    const service = { serviceId: 'payroll', name: 'Payroll', owner: { name: 'Ana' }, changeRequest: 'CR-7' };
    expect((await http.post('/services', service)).status).toBe(201);
    await eventually(async () => ((await http.get('/services/payroll')).status === 200 ? true : undefined));

    await server!.stop();
    server = undefined;

    // Plain fetch: the answer's headers matter here.
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-actor': 'ana' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { request: `${method} ${path}`, status: response.status, retryAfter: response.headers.get('retry-after') };
    };
    const answers = [
      await call('GET', '/services'),
      await call('GET', '/services/payroll'),
      await call('GET', '/compliance/breaches?period=2026-03'),
      await call('POST', '/services', { ...service, serviceId: 'billing' }),
      await call('GET', '/health'),
    ];
    expect(answers).toEqual(answers.map(({ request }) => ({ request, status: 503, retryAfter: '5' })));
    expect((await http.get('/services/payroll')).body).toMatchObject({ error: { code: 'STORE_UNAVAILABLE' } });
  });
});
