import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import {
  builtEntryPoint,
  productFolder,
  removeProductFolder,
  startNodeProcess,
  type ProductFolder,
} from '@sla/test-support';

/** Issue 14, item 1(c): the key that signs tree heads is not kept beside the data in production, nor open to others. */
describe('where the audit signing key may live', () => {
  let product: ProductFolder;

  beforeAll(async () => {
    product = await productFolder('signing-key-file');
  });
  afterAll(() => removeProductFolder(product));

  const refusal = async (entry: 'api' | 'cli', environment: Record<string, string>) => {
    const args = entry === 'cli' ? ['projections', 'status'] : [];
    const refused = startNodeProcess(builtEntryPoint(entry), args, {
      ...product.environment,
      AUTH: 'off',
      ...environment,
    });
    expect(await refused.exited).toEqual({ code: 1, signal: null });
    // Refused before anything else: no embedded PostgreSQL, no data folder.
    expect(refused.output()).not.toMatch(/starting embedded PostgreSQL/);
    expect(existsSync(product.environment.DATA_DIR)).toBe(false);
    return refused.output();
  };

  it('refuses to start in production without AUDIT_SIGNING_KEY_FILE, naming the setting', async () => {
    const output = await refusal('api', { NODE_ENV: 'production' });
    expect(output).toMatch(/AUDIT_SIGNING_KEY_FILE: required when NODE_ENV=production/);
    expect(output).toMatch(/outside DATA_DIR/);
  }, 30_000);

  it('refuses, in production, a key file inside DATA_DIR', async () => {
    const inside = path.join(product.environment.DATA_DIR, 'keys', 'signing-key.pem');
    const output = await refusal('api', { NODE_ENV: 'production', AUDIT_SIGNING_KEY_FILE: inside });
    expect(output).toContain(`AUDIT_SIGNING_KEY_FILE=${JSON.stringify(inside)}: lies inside DATA_DIR`);
  }, 30_000);

  it.each(['api', 'cli'] as const)(
    'refuses (%s, any environment) a key file readable by group or others, naming the file and chmod 600',
    async (entry) => {
      const keyFile = path.join(product.folder, 'secrets', `open-${entry}.pem`);
      mkdirSync(path.dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
      chmodSync(keyFile, 0o644);
      const output = await refusal(entry, { AUDIT_SIGNING_KEY_FILE: keyFile });
      expect(output).toContain(`AUDIT_SIGNING_KEY_FILE=${JSON.stringify(keyFile)}`);
      expect(output).toMatch(/open to group or others \(mode 644\)/);
      expect(output).toContain(`chmod 600 ${keyFile}`);
    },
    30_000,
  );
});
