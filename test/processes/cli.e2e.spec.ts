import { Client } from 'pg';
import { loadConfiguration } from '@sla/configuration';
import { openInfrastructure } from '@sla/composition';
import { builtEntryPoint, createTestDatabase, startNodeProcess, registerSeedService } from '@sla/test-support';

describe('sla CLI: projections', () => {
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('cli');
    const infrastructure = await openInfrastructure(loadConfiguration({ DATABASE_URL: databaseUrl }));
    for (const serviceId of ['crm', 'erp', 'hr']) {
      await registerSeedService(infrastructure.eventStore, serviceId, serviceId.toUpperCase());
    }
    await infrastructure.close();
  });

  async function run(...args: string[]) {
    const cli = startNodeProcess(builtEntryPoint('cli'), args, { DATABASE_URL: databaseUrl });
    const exit = await cli.exited;
    return { code: exit.code, output: cli.output() };
  }

  async function catalogueRows(): Promise<number> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ count: string }>('select count(*) from service_catalogue');
    await client.end();
    return Number(rows[0].count);
  }

  it('catches up, reports status, and rebuilds one projection or all from position 0', async () => {
    expect(await run('projections', 'catch-up')).toMatchObject({
      code: 0,
      output: expect.stringMatching(/applied 6 events/),
    });
    expect(await catalogueRows()).toBe(3);

    const status = await run('projections', 'status');
    expect(status.code).toBe(0);
    expect(status.output).toMatch(/service-catalogue/);
    expect(status.output).toMatch(/stream-activity/);

    expect(await run('projections', 'rebuild', 'service-catalogue')).toMatchObject({
      code: 0,
      output: expect.stringMatching(/rebuilt service-catalogue: 3 events/),
    });
    expect(await catalogueRows()).toBe(3);
    expect(await run('projections', 'rebuild', '--all')).toMatchObject({
      code: 0,
      output: expect.stringMatching(/rebuilt all projections: 6 events/),
    });
  }, 60_000);

  it('explains what is wrong with a rebuild request', async () => {
    expect(await run('projections', 'rebuild')).toMatchObject({
      code: 1,
      output: expect.stringMatching(/name a projection or pass --all/),
    });
    expect(await run('projections', 'rebuild', 'nope')).toMatchObject({
      code: 1,
      output: expect.stringMatching(/no projection named 'nope'/),
    });
  }, 60_000);
});
