import path from 'node:path';
import {
  countStoredEvents,
  createTestDatabase,
  productFolder,
  removeProductFolder,
  repositoryRoot,
  startNodeProcess,
  type ProductFolder,
} from '@sla/test-support';

/**
 * `npm run demo`'s program as built, with no API running: it starts the product itself (here on a test database),
 * loads the small demo (governance over HTTP, facts through `sla import`), stops it; the second run stores nothing and
 * says so.
 */
describe('npm run demo', () => {
  let product: ProductFolder;
  let databaseUrl: string;
  const entry = path.join(repositoryRoot, 'dist', 'apps', 'demo', 'src', 'main.js');
  const cli = path.join(repositoryRoot, 'dist', 'apps', 'cli', 'src', 'main.js');

  beforeAll(async () => {
    product = await productFolder('demo');
    databaseUrl = await createTestDatabase('demo_command');
  });
  afterAll(() => product && removeProductFolder(product));

  async function runDemo(environment: Record<string, string>) {
    const demo = startNodeProcess(entry, [], {
      ...product.environment,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      ...environment,
    });
    const { code } = await demo.exited;
    return { code, output: demo.output() };
  }
  const storedEvents = () => countStoredEvents(databaseUrl);

  it('loads the small demo, then a second run adds nothing', async () => {
    const first = await runDemo({ DEMO_SIZE: 'small' });
    expect(first).toMatchObject({ code: 0 });
    expect(first.output).toContain('No API answers');
    expect(first.output).toMatch(/Demo small, seed 20260101: 12 services, 3 SLAs, \d+ tickets/);
    expect(first.output).toMatch(/tickets \d+\/\d+/);
    expect(first.output).toMatch(/tickets +[1-9]\d* added, 0 already stored/);
    expect(first.output).toMatch(/Loaded \d+ records and facts in/);
    const events = await storedEvents();
    // The events it printed are those in the log (the reactors' included): nothing else writes to this database.
    expect(first.output).toContain(`: ${events} events (`);
    expect(first.output).toMatch(/\d+ events\/s\), the views caught up\./);

    const second = await runDemo({ DEMO_SIZE: 'small' });
    expect(second).toMatchObject({ code: 0 });
    expect(second.output).toMatch(/tickets +0 added, [1-9]\d* already stored/);
    expect(second.output).toMatch(/Nothing new: all \d+ records and facts were already stored; nothing added\./);
    expect(await storedEvents()).toBe(events);

    // The auditor's check on what the demo left: every event sealed so far is intact and covered by signed heads.
    const verify = startNodeProcess(cli, ['audit', 'verify'], { ...product.environment, DATABASE_URL: databaseUrl });
    const verified = await verify.exited;
    expect({ code: verified.code, output: verify.output() }).toMatchObject({
      code: 0,
      output: expect.stringMatching(/OK/),
    });
  }, 600_000);

  it('refuses an unknown size, naming the variable', async () => {
    const refused = await runDemo({ DEMO_SIZE: 'huge' });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('size must be one of small, year (DEMO_SIZE or --size), not "huge"');
  });
});
