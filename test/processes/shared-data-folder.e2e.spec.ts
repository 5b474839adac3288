import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  builtEntryPoint,
  eventually,
  httpClient,
  productFolder,
  startNodeProcess,
  type RunningProcess,
} from '@sla/test-support';

/**
 * Several processes on one embedded database, as a user runs them: the API
 * started with `npm start`, then CLI commands in another terminal with the
 * same (default) DATA_DIR.
 */
describe('processes sharing the embedded database of one data folder', () => {
  let folder: string;
  let environment: Record<string, string>;
  let api: RunningProcess | undefined;
  const postgresPid = () =>
    Number(readFileSync(path.join(environment.DATA_DIR, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

  beforeAll(async () => {
    ({ folder, environment } = await productFolder('shared'));
  });
  afterAll(async () => {
    api?.child.kill('SIGKILL');
    try {
      process.kill(postgresPid(), 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(folder, { recursive: true, force: true });
  });

  const http = () => httpClient(`http://127.0.0.1:${environment.PORT}`, { 'x-actor': 'slm.alice' });
  const healthStatus = async () =>
    (
      await http()
        .get('/health')
        .catch(() => ({ status: 0 }))
    ).status;
  const withOutput = (process: RunningProcess) => (error: unknown) => {
    throw new Error(`${error}\n--- output ---\n${process.output()}`);
  };

  it('keeps the API up while CLI commands use its database, and through a database crash', async () => {
    api = startNodeProcess(builtEntryPoint('api'), [], environment);
    await eventually(async () => ((await healthStatus()) === 200 ? true : undefined), 60_000).catch(withOutput(api));
    const apiExit = jest.fn();
    void api.exited.then(apiExit);

    const cli = startNodeProcess(builtEntryPoint('cli'), ['projections', 'status'], environment);
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.output()).toMatch(/joining the PostgreSQL server/);
    expect(cli.output()).toMatch(/service-catalogue/);
    expect(await healthStatus()).toBe(200);
    const created = await http().post('/services', {
      serviceId: 'payroll',
      name: 'Payroll',
      owner: { name: 'Ana' },
      changeRequest: 'CR-7',
    });
    expect(created.status).toBe(201);

    // The database dies under the running API: unhealthy meanwhile, never a crash, and back once restarted.
    process.kill(postgresPid(), 'SIGKILL');
    await eventually(async () => ((await healthStatus()) === 503 ? true : undefined), 10_000).catch(withOutput(api));
    await eventually(async () => ((await healthStatus()) === 200 ? true : undefined), 60_000).catch(withOutput(api));
    await eventually(async () => ((await http().get('/services/payroll')).status === 200 ? true : undefined));
    expect(apiExit).not.toHaveBeenCalled();

    // A second data folder on the port this cluster serves is refused, not silently served from this one.
    const intruder = startNodeProcess(builtEntryPoint('projector'), [], {
      ...environment,
      DATA_DIR: path.join(folder, 'other'),
    });
    expect((await intruder.exited).code).toBe(1);
    const refusal = `port ${environment.EMBEDDED_POSTGRES_PORT} is already served by the PostgreSQL cluster in`;
    expect(intruder.output()).toContain(`${refusal} ${environment.DATA_DIR}`);
    expect(await healthStatus()).toBe(200);

    api.child.kill('SIGTERM');
    expect(await api.exited).toEqual({ code: 0, signal: null });
    api = undefined;
    expect(existsSync(path.join(environment.DATA_DIR, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 180_000);
});
