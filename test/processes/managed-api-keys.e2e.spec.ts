import { writeFileSync } from 'node:fs';
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
import { keyDigest } from '@sla/access-control';

/**
 * API keys managed from the CLI, as an operator uses them: the API runs with AUTH_MANAGED_KEYS=on, keys are
 * created, listed and revoked by CLI commands on the same data folder, and the running API follows without a
 * restart.
 */
describe('API keys managed from the CLI, checked by the running API (one data folder)', () => {
  let product: ProductFolder;
  let environment: Record<string, string>;
  let api: RunningProcess | undefined;
  const fileKey = 'file-key-of-the-auditor';

  beforeAll(async () => {
    product = await productFolder('keys');
    const keyFile = path.join(product.folder, 'keys.json');
    writeFileSync(keyFile, JSON.stringify([{ keySha256: keyDigest(fileKey), actor: 'auditor.ines', role: 'auditor' }]));
    environment = { ...product.environment, AUTH_MANAGED_KEYS: 'on', AUTH_API_KEYS_FILE: keyFile };
  });
  afterAll(() => {
    api?.child.kill('SIGKILL');
    removeProductFolder(product);
  });

  const http = (key?: string) =>
    httpClient(`http://127.0.0.1:${environment.PORT}`, key ? { authorization: `Bearer ${key}` } : {});
  const withOutput = (process: RunningProcess) => (error: unknown) => {
    throw new Error(`${error}\n--- output ---\n${process.output()}`);
  };

  /** Runs a CLI command to its end; the line of its output that starts with `jsonStart`, parsed. */
  async function cli(args: string[], jsonStart?: string): Promise<{ code: number | null; output: string; json: any }> {
    const command = startNodeProcess(builtEntryPoint('cli'), args, environment);
    const { code } = await command.exited;
    const output = command.output();
    const line = jsonStart ? output.split('\n').find((text) => text.startsWith(jsonStart)) : undefined;
    return { code, output, json: line ? JSON.parse(line) : undefined };
  }

  it('creates, lists and revokes keys from the CLI; the running API honours each from the next request', async () => {
    api = startNodeProcess(builtEntryPoint('api'), [], environment);
    await eventually(
      async () =>
        (
          await http()
            .get('/health')
            .catch(() => ({ status: 0 }))
        ).status === 200 || undefined,
      60_000,
    ).catch(withOutput(api));
    expect(api.output()).not.toMatch(/access control is OFF/);
    // On before any key exists: only the CLI can make the first one.
    expect((await http().get('/services')).status).toBe(401);

    const slm = await cli(
      ['keys', 'create', '--actor', 'portfolio-bot', '--role', 'slm', '--by', 'ops.ana', '--json'],
      '{',
    );
    expect(slm.code).toBe(0);
    expect(slm.json).toMatchObject({ actor: 'portfolio-bot', role: 'slm', customer: null, expiresAt: null });
    expect(slm.json.key).toMatch(new RegExp(`^sla_${slm.json.keyId}_[A-Za-z0-9_-]{43}$`));
    expect(slm.output).toMatch(/not shown again/);
    const operations = await cli(['keys', 'create', '--actor', 'monitoring', '--role', 'operations', '--json'], '{');

    // A key created while the API runs is accepted at once, with its own role.
    expect((await http(slm.json.key).get('/services')).status).toBe(200);
    const created = await http(slm.json.key).post('/services', {
      serviceId: 'payroll',
      name: 'Payroll',
      owner: { name: 'Ana' },
      changeRequest: 'CR-7',
    });
    expect(created.status).toBe(201);
    expect((await http(operations.json.key).post('/services', { serviceId: 'x' })).status).toBe(403);
    const tampered = `${slm.json.key.slice(0, -5)}${slm.json.key.at(-5) === 'x' ? 'y' : 'x'}${slm.json.key.slice(-4)}`;
    expect((await http(tampered).get('/services')).status).toBe(401);
    // The key file is one more verifier beside the managed keys.
    expect((await http(fileKey).get('/services')).status).toBe(200);

    const listed = await cli(['keys', 'list', '--json'], '[');
    expect(listed.code).toBe(0);
    expect(listed.json).toEqual([
      expect.objectContaining({ keyId: slm.json.keyId, actor: 'portfolio-bot', createdBy: 'ops.ana', state: 'active' }),
      expect.objectContaining({ keyId: operations.json.keyId, role: 'operations', state: 'active' }),
    ]);
    expect(listed.output).not.toContain(slm.json.key);
    expect(listed.output).not.toContain(keyDigest(slm.json.key));

    const revoked = await cli(['keys', 'revoke', slm.json.keyId, '--by', 'ops.bruno', '--reason', 'bot retired']);
    expect(revoked).toMatchObject({ code: 0, output: expect.stringContaining(`revoked API key ${slm.json.keyId}`) });
    // No waiting: the next request after the CLI returns is refused.
    const refused = await http(slm.json.key).get('/services');
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).toMatch(new RegExp(`API key ${slm.json.keyId} was revoked`));
    expect((await http(operations.json.key).get('/services')).status).toBe(200);
    const again = await cli(['keys', 'revoke', slm.json.keyId]);
    expect(again.code).toBe(2);
    expect(again.output).toMatch(/refused: API_KEY_ALREADY_REVOKED/);

    // Expiry holds on its own, in the running API.
    const shortLived = await cli(
      ['keys', 'create', '--actor', 'one-off', '--role', 'auditor', '--expires', 'PT20S', '--json'],
      '{',
    );
    expect(Date.parse(shortLived.json.expiresAt) - Date.now()).toBeGreaterThan(5_000);
    expect((await http(shortLived.json.key).get('/services')).status).toBe(200);
    const expired = await eventually(async () => {
      const response = await http(shortLived.json.key).get('/services');
      return response.status === 401 ? response : undefined;
    }, 40_000);
    expect(JSON.stringify(expired.body)).toMatch(new RegExp(`API key ${shortLived.json.keyId} expired`));

    const after = await cli(['keys', 'list', '--json'], '[');
    expect(after.json.map((key: { state: string }) => key.state)).toEqual(['revoked', 'active', 'expired']);
    expect(after.json[0]).toMatchObject({ revokedBy: 'ops.bruno', revocationReason: 'bot retired' });

    api.child.kill('SIGTERM');
    expect(await api.exited).toEqual({ code: 0, signal: null });
    api = undefined;
  }, 180_000);

  it.each([
    [['--actor', 'x', '--role', 'emperor'], /option '--role <role>' argument 'emperor' is invalid\. Allowed choices/],
    [['--actor', 'x', '--role', 'customer'], /option '--customer <name>' is required with --role customer/],
    [['--actor', 'x', '--role', 'slm', '--customer', 'Finance'], /option '--customer <name>' is for --role customer/],
    [
      ['--actor', 'x', '--role', 'slm', '--expires', '2020-01-01T00:00:00Z'],
      /option '--expires <when>' .* not in the future/,
    ],
    [['--actor', 'x', '--role', 'slm', '--expires', 'soon'], /option '--expires <when>' .* neither an instant/],
    [['--role', 'slm'], /required option '--actor <name>' not specified/],
  ])(
    'refuses keys create %j naming the option, and stores nothing',
    async (args, message) => {
      const before = await cli(['keys', 'list', '--json'], '[');
      const refused = await cli(['keys', 'create', ...args]);
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(message);
      expect(refused.output).not.toMatch(/sla_[0-9a-f]{16}_/);
      expect((await cli(['keys', 'list', '--json'], '[')).json).toEqual(before.json);
    },
    60_000,
  );
});
