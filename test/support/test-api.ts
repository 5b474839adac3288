import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createApiApplication } from '../../apps/api/src/api.application';
import { loadConfiguration } from '@sla/configuration';
import { openInfrastructure, type Infrastructure } from '@sla/composition';
import type { Clock } from '@sla/nest-platform';
import { createTestDatabase } from './test-database';
import { openApiConformance } from './openapi-conformance';

/** One throw-away signing key for the test run, outside the checkout. */
export const testSigningKeyFile = path.join(tmpdir(), 'sla-test-audit-signing-key.pem');

export type TestApi = {
  readonly infrastructure: Infrastructure;
  readonly app: INestApplication;
  readonly baseUrl: string;
  readonly databaseUrl: string;
  /** Every exchange made through a client given this is checked against /openapi.json. */
  readonly conformance: ReturnType<typeof openApiConformance>;
  readonly close: () => Promise<void>;
};

/**
 * The real API on a fresh database of the test run's PostgreSQL, listening
 * on a free loopback port, projections running inline.
 */
export async function startTestApi(
  purpose: string,
  settings: Record<string, string> = {},
  clock?: Clock,
  { port = 0, ...options }: { consoleFolder?: string | null; port?: number } = {},
): Promise<TestApi> {
  const databaseUrl = await createTestDatabase(purpose);
  const infrastructure = await openInfrastructure(
    loadConfiguration({
      DATABASE_URL: databaseUrl,
      PROJECTION_IDLE_MS: '20',
      LOG_LEVEL: 'error',
      AUDIT_SIGNING_KEY_FILE: testSigningKeyFile,
      ...settings,
    }),
    undefined,
    clock ? { clock } : {},
  );
  const app = await createApiApplication(infrastructure, { logger: false, ...options, ...(clock ? { clock } : {}) });
  await app.listen(port, '127.0.0.1');
  infrastructure.startBackgroundWork();
  const baseUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const conformance = openApiConformance(await (await fetch(`${baseUrl}/openapi.json`)).json());
  return {
    infrastructure,
    app,
    baseUrl,
    databaseUrl,
    conformance,
    close: async () => {
      await app.close();
      await infrastructure.close();
    },
  };
}
