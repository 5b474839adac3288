import type { INestApplication } from '@nestjs/common';
import { createApiApplication } from '../../apps/api/src/api.application';
import { loadConfiguration } from '@sla/configuration';
import { openInfrastructure, type Infrastructure } from '@sla/composition';
import { createTestDatabase, eventually, httpClient } from '@sla/test-support';

/**
 * The API with PROJECTOR=off and no projector process: events pile up behind
 * the read models, and /health must say so rather than stay ok.
 */
describe('/health when no process advances the projections', () => {
  const opened: { app: INestApplication; infrastructure: Infrastructure }[] = [];
  const startApi = async (settings: Record<string, string>) => {
    const infrastructure = await openInfrastructure(
      loadConfiguration({
        DATABASE_URL: await createTestDatabase('health_projections'),
        PROJECTOR: 'off',
        LOG_LEVEL: 'error',
        ...settings,
      }),
    );
    const app = await createApiApplication(infrastructure, { logger: false });
    await app.listen(0, '127.0.0.1');
    opened.push({ app, infrastructure });
    const http = httpClient(`http://127.0.0.1:${app.getHttpServer().address().port}`, { 'x-actor': 'ana' });
    return { http, infrastructure };
  };
  let servicesAdded = 0;
  const addServices = async (http: ReturnType<typeof httpClient>, count: number) => {
    for (let added = 0; added < count; added += 1) {
      servicesAdded += 1;
      const service = {
        serviceId: `service-${servicesAdded}`,
        name: `Service ${servicesAdded}`,
        owner: { name: 'Ana' },
        changeRequest: 'CR-1',
      };
      expect((await http.post('/services', service)).status).toBe(201);
    }
  };
  afterAll(async () => {
    for (const { app, infrastructure } of opened) {
      await app.close();
      await infrastructure.close();
    }
  });

  it('turns degraded, naming the projection, once it lags by more events than the threshold', async () => {
    const { http, infrastructure } = await startApi({
      PROJECTION_LAG_WARNING_EVENTS: '3',
      PROJECTION_STALL_WARNING_SECONDS: '3600',
    });
    await addServices(http, 3);
    expect((await http.get('/health')).body).toMatchObject({ status: 'ok', warnings: [] });

    await addServices(http, 1);
    // Polled: the log shows events only below the cluster-wide transaction horizon, and other test files hold
    // transactions on the same PostgreSQL server (CI once saw the 4th service still hidden, status ok).
    const health = await eventually(async () => {
      const response = await http.get('/health');
      return response.body.status === 'degraded' ? response : undefined;
    });
    expect(health.status).toBe(200);
    expect(health.body.warnings).toContain('projection service-catalogue lags by 4 event(s) pending (more than 3)');
    expect(health.body.projections).toContainEqual(
      expect.objectContaining({ name: 'service-catalogue', state: 'lagging', lag: 4 }),
    );

    // A projector catching up clears it.
    await infrastructure.projections.catchUp();
    const cleared = await eventually(async () => {
      const response = await http.get('/health');
      return response.body.status === 'ok' ? response.body : undefined;
    });
    expect(cleared).toMatchObject({ status: 'ok', warnings: [] });
  });

  it('turns degraded, naming the projection, when events wait longer than the stall threshold', async () => {
    const { http } = await startApi({ PROJECTION_LAG_WARNING_EVENTS: '1000', PROJECTION_STALL_WARNING_SECONDS: '1' });
    await addServices(http, 1);
    const stalled = await eventually(async () => {
      const response = await http.get('/health');
      return response.body.status === 'degraded' ? response.body : undefined;
    });
    expect(stalled.warnings).toContainEqual(
      expect.stringMatching(/^projection service-catalogue has not advanced for \d+ s with 1 event\(s\) pending/),
    );
    expect(stalled.projections).toContainEqual(
      expect.objectContaining({ name: 'service-catalogue', state: 'stalled' }),
    );
  });
});
