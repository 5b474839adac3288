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
import { signingKey, startOidcProvider, type OidcTestProvider } from '../support/oidc-provider';

/** OpenID Connect alone is an identity configuration: the built API starts in production with it, asks for tokens. */
describe('the built API in production with OpenID Connect as its only identity configuration', () => {
  let product: ProductFolder;
  let provider: OidcTestProvider;
  let running: RunningProcess | undefined;

  beforeAll(async () => {
    product = await productFolder('oidc-production');
    provider = await startOidcProvider({
      keys: [await signingKey('production-key')],
      clients: [{ clientId: 'auditor', claims: { roles: ['auditor'], email: 'carol@example.org' } }],
    });
  });
  afterAll(async () => {
    running?.child.kill('SIGKILL');
    await provider?.stop();
    removeProductFolder(product);
  });

  it('starts without a warning, answers 401 without a token and serves a valid one', async () => {
    running = startNodeProcess(builtEntryPoint('api'), [], {
      ...product.environment,
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      OIDC_ISSUER: provider.issuer,
      OIDC_AUDIENCE: 'urn:sla:api',
      OIDC_ACTOR_CLAIM: 'email',
      // Production keeps the signing key outside DATA_DIR (issue 14, item 1(c)).
      AUDIT_SIGNING_KEY_FILE: path.join(product.folder, 'secrets', 'audit-signing-key.pem'),
    });
    const base = `http://127.0.0.1:${product.environment.PORT}`;
    const health = await eventually(async () => {
      const response = await httpClient(base)
        .get('/health')
        .catch(() => undefined);
      return response?.status === 200 ? response.body : undefined;
    }, 60_000).catch((error) => {
      throw new Error(`${error}\n--- output ---\n${running!.output()}`);
    });
    expect(health.warnings ?? []).toEqual([]);
    expect(running.output()).not.toMatch(/access control is OFF/);
    expect((await httpClient(base).get('/audit/tree-heads')).status).toBe(401);
    const token = await provider.tokenFor('auditor');
    expect((await httpClient(base, { authorization: `Bearer ${token}` }).get('/audit/tree-heads')).status).toBe(200);
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    running = undefined;
  }, 120_000);
});
