import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { createApiApplication } from '../../apps/api/src/api.application';
import { loadConfiguration } from '@sla/configuration';
import { openInfrastructure, type Infrastructure } from '@sla/composition';
import { eventually, httpClient, startPrivatePostgres, type PrivatePostgres } from '@sla/test-support';

/**
 * A long open transaction holds every global-log reader back (the watermark
 * is cluster-wide): /health must say so. Its own cluster, so that the held
 * transaction does not stall other test files.
 */
describe('/health when a long transaction holds readers back', () => {
  let server: PrivatePostgres;
  let infrastructure: Infrastructure;
  let app: INestApplication;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    infrastructure = await openInfrastructure(
      loadConfiguration({
        DATABASE_URL: server.url.replace(/\/postgres$/, '/sla'),
        WATERMARK_WARNING_SECONDS: '1',
        LOG_LEVEL: 'error',
      }),
    );
    app = await createApiApplication(infrastructure, { logger: false });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await app.close();
    await infrastructure.close();
    await server.stop();
  });

  it('turns degraded and names the blocking backend, then recovers', async () => {
    const http = httpClient(`http://127.0.0.1:${app.getHttpServer().address().port}`);
    expect((await http.get('/health')).body).toMatchObject({ status: 'ok', watermark: { readersHeldBack: false } });

    const blocker = new Client({ connectionString: infrastructure.databaseUrl });
    blocker.on('error', () => undefined);
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('select pg_current_xact_id()');
    const { rows } = await blocker.query<{ pid: number }>('select pg_backend_pid() as pid');
    const degraded = await eventually(async () => {
      const response = await http.get('/health');
      return response.body.status === 'degraded' ? response : undefined;
    });
    expect(degraded.status).toBe(200);
    expect(degraded.body.watermark).toMatchObject({ readersHeldBack: true, oldestTransactionPid: rows[0].pid });
    expect(degraded.body.watermark.heldBackSeconds).toBeGreaterThanOrEqual(1);

    await blocker.query('commit');
    await blocker.end();
    expect((await http.get('/health')).body).toMatchObject({ status: 'ok', watermark: { readersHeldBack: false } });
  });
});
