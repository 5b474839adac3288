import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  builtEntryPoint,
  eventually,
  httpClient,
  productFolder,
  removeProductFolder,
  startNodeProcess,
  type ProductFolder,
  type RunningProcess,
} from '@sla/test-support';

/**
 * `npm start` as a user runs it: the built API on the embedded PostgreSQL,
 * no configuration but folders and ports (so the test does not collide with
 * a developer's running instance).
 */
describe('starting the product on the embedded database', () => {
  let dataDirectory: string;
  let environment: Record<string, string>;
  let running: RunningProcess | undefined;
  let product: ProductFolder;

  beforeAll(async () => {
    product = await productFolder('start');
    environment = product.environment;
    dataDirectory = environment.DATA_DIR;
  });
  afterAll(async () => {
    running?.child.kill('SIGKILL');
    removeProductFolder(product);
  });

  const http = () => httpClient(`http://127.0.0.1:${environment.PORT}`, { 'x-actor': 'ana.owner' });
  const healthy = () =>
    eventually(async () => {
      const response = await http().get('/health');
      return response.status === 200 && response.body.status === 'ok' ? response.body : undefined;
    }, 30_000);

  it('serves a green /health, keeps its data across restarts, and survives a SIGKILL', async () => {
    running = startNodeProcess(builtEntryPoint('api'), [], environment);
    const health = await healthy().catch((error) => {
      throw new Error(`${error}\n--- output ---\n${running!.output()}`);
    });
    expect(health).toMatchObject({
      eventStore: { adapter: 'postgres', status: 'up' },
      readStore: { status: 'up', database: 'embedded' },
      projector: 'inline',
    });
    expect(existsSync(path.join(dataDirectory, 'postgres', 'PG_VERSION'))).toBe(true);
    // The first lines a person reads: where it listens, the open door, the way to a first month.
    expect(running.output()).toContain(`API listening on http://127.0.0.1:${environment.PORT} — reference`);
    expect(running.output()).toMatch(/WARN.*access control is OFF/);
    expect(running.output()).toMatch(/event log is empty: the README's walkthrough/);
    expect(running.output()).not.toMatch(/RouterExplorer|InstanceLoader/);
    const created = await http().post('/services', {
      serviceId: 'payroll',
      name: 'Payroll',
      owner: { name: 'Ana' },
      changeRequest: 'CR-7',
    });
    expect(created.status).toBe(201);
    await eventually(async () => ((await http().get('/services/payroll')).status === 200 ? true : undefined));

    // SIGKILL leaves the PostgreSQL child running with its pid file: the next start must cope.
    running.child.kill('SIGKILL');
    await running.exited;
    running = startNodeProcess(builtEntryPoint('api'), [], environment);
    await healthy().catch((error) => {
      throw new Error(`${error}\n--- output ---\n${running!.output()}`);
    });
    const kept = await http().get('/services/payroll');
    expect(kept).toMatchObject({ status: 200, body: { serviceId: 'payroll', name: 'Payroll' } });

    // A clean stop also stops the database.
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    running = undefined;
    expect(existsSync(path.join(dataDirectory, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 120_000);

  it('refuses to start on bad configuration, naming every invalid key', async () => {
    const refused = startNodeProcess(builtEntryPoint('api'), [], {
      ...environment,
      PORT: 'eighty',
      PROJECTOR: 'sometimes',
      DATABASE_URL: 'mysql://localhost/sla',
    });
    const exit = await refused.exited;
    expect(exit.code).toBe(1);
    expect(refused.output()).toMatch(/PORT="eighty"/);
    expect(refused.output()).toMatch(/PROJECTOR="sometimes"/);
    expect(refused.output()).toMatch(/DATABASE_URL="mysql:\/\/localhost\/sla": must start with postgres/);
  }, 30_000);
});
