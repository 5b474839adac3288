import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { loadConfiguration } from '@sla/configuration';
import { openInfrastructure, type Infrastructure } from '@sla/composition';
import { createApiApplication } from '../../apps/api/src/api.application';
import {
  builtEntryPoint,
  createTestDatabase,
  eventually,
  httpClient,
  startNodeProcess,
  type RunningProcess,
} from '@sla/test-support';

/**
 * The SLA watch in real time, as deployed: two projector processes (each
 * with its own watch) follow one database; a P1 ticket with a 6-second
 * response target breaches. The breach is recorded within 5 seconds of its
 * instant, exactly once, and stays once after a projector is killed and
 * another started.
 */
describe('live breach detection with two projector processes', () => {
  let databaseUrl: string;
  let infrastructure: Infrastructure;
  let app: INestApplication;
  let http: ReturnType<typeof httpClient>;
  const projectors: RunningProcess[] = [];
  const startProjector = () => {
    const projector = startNodeProcess(builtEntryPoint('projector'), [], {
      DATABASE_URL: databaseUrl,
      PROJECTION_IDLE_MS: '50',
      LOG_LEVEL: 'error',
    });
    projectors.push(projector);
    return projector;
  };

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('sla_watch_processes');
    // The API here runs no projections and no watch: the two projector processes do.
    infrastructure = await openInfrastructure(
      loadConfiguration({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', PROJECTOR: 'off' }),
    );
    app = await createApiApplication(infrastructure, { logger: false });
    await app.listen(0, '127.0.0.1');
    http = httpClient(`http://127.0.0.1:${app.getHttpServer().address().port}`, { 'x-actor': 'slm' });
    startProjector();
    startProjector();
    await http.post('/calendars', {
      definition: { id: 'round-the-clock', name: '24x7', timeZone: 'UTC', versions: [{ weeklyWindows: '24x7' }] },
    });
    await eventually(
      async () => ((await http.get('/calendars/round-the-clock')).status === 200 ? true : undefined),
      20_000,
    );
    await http.post('/services', {
      serviceId: 'trading',
      name: 'Trading',
      owner: { name: 'Li Wei' },
      calendarId: 'round-the-clock',
      changeRequest: 'CR-1',
    });
    await eventually(async () => ((await http.get('/services/trading')).status === 200 ? true : undefined), 20_000);
    const targets = ['P1', 'P2', 'P3', 'P4'].map((priority) => ({
      serviceId: 'trading',
      priority,
      // 0.1 business minutes: six seconds, so the test waits for a real breach.
      response: {
        duration: { unit: 'business-minutes', amount: priority === 'P1' ? 0.1 : 60 },
        calendarId: 'round-the-clock',
      },
      resolution: { duration: { unit: 'business-hours', amount: 8 }, calendarId: 'round-the-clock' },
    }));
    const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await http.post('/agreements', {
      agreementId: 'trading-sla',
      kind: 'SLA',
      provider: { name: 'IT' },
      counterparty: { name: 'Desk' },
      content: { title: 'Trading', services: ['trading'], serviceTargets: targets, effectiveFrom: past(20) },
      occurredAt: past(30),
    });
    await http.post('/agreements/trading-sla/versions/1/submission', { occurredAt: past(29) });
    const riskAcceptance = { reason: 'test' };
    await http.post('/agreements/trading-sla/versions/1/signatures', {
      party: 'provider',
      signatory: { name: 'A', title: 'SLM' },
      riskAcceptance,
      occurredAt: past(28),
    });
    const desk = httpClient(`http://127.0.0.1:${app.getHttpServer().address().port}`, { 'x-actor': 'desk.bea' });
    expect(
      (
        await desk.post('/agreements/trading-sla/versions/1/signatures', {
          party: 'counterparty',
          signatory: { name: 'B', title: 'Desk' },
          riskAcceptance,
          occurredAt: past(28),
        })
      ).status,
    ).toBe(200);
  }, 90_000);

  afterAll(async () => {
    for (const projector of projectors) projector.child.kill('SIGKILL');
    await app?.close();
    await infrastructure?.close();
  });

  async function breaches(): Promise<{ data: { breachedAt: string; detectedAt: string }; recorded_at: Date }[]> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(
      `select data, recorded_at from event_store.events where event_type = 'TicketSlaBreached'`,
    );
    await client.end();
    return rows;
  }

  it('records the breach within 5 seconds of its instant, once, also after a projector is killed and another started', async () => {
    const openedAt = new Date();
    expect(
      (
        await http.post('/tickets/TR-1/facts', {
          source: 'desk',
          externalId: 'o-1',
          type: 'TicketOpened',
          data: {
            ticketType: 'incident',
            serviceId: 'trading',
            priority: 'P1',
            impact: 'high',
            major: true,
            title: 'Orders stuck',
            occurredAt: openedAt.toISOString(),
          },
        })
      ).status,
    ).toBe(201);
    const breachInstant = openedAt.getTime() + 6_000;
    const [breach] = await eventually(async () => {
      const found = await breaches();
      return found.length > 0 ? found : undefined;
    }, 30_000);
    expect(Date.parse(breach.data.breachedAt)).toBe(breachInstant);
    const lateness = breach.recorded_at.getTime() - breachInstant;
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThanOrEqual(5_000);

    projectors[0].child.kill('SIGKILL');
    await projectors[0].exited;
    startProjector();
    // A few watch ticks of the survivor and the newcomer.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await breaches()).toHaveLength(1);
  }, 60_000);
});
