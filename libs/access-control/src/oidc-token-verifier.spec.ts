import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { oidcTokenVerifier, type OidcSettings } from './oidc-token-verifier';

/**
 * The verifier against a minimal key server (discovery document and JWKS over real HTTP); the provider-facing
 * behaviour end to end is test/api/oidc-bearer-tokens.e2e.spec.ts, with a real OpenID provider.
 */
describe('oidcTokenVerifier', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  const epoch = now.getTime() / 1_000;
  let server: Server;
  let base: string;
  let privateKey: CryptoKey;
  let publicJwk: JWK;
  let discovery: Record<string, unknown> | null;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    server = createServer((request, response) => {
      const body =
        request.url === '/jwks'
          ? { keys: [publicJwk] }
          : request.url === '/.well-known/openid-configuration' && discovery
            ? discovery
            : null;
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const settings = (overrides: Partial<OidcSettings> = {}): OidcSettings => ({
    issuer: base,
    audience: 'urn:sla:api',
    jwksUrl: `${base}/jwks`,
    algorithms: ['ES256'],
    clockSkewSeconds: 30,
    roleClaim: 'roles',
    customerClaim: 'customer',
    actorClaim: 'sub',
    jwksRefreshCooldownSeconds: 30,
    ...overrides,
  });
  const token = (claims: Record<string, unknown>) =>
    new SignJWT({ sub: 'carol', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(base)
      .setAudience('urn:sla:api')
      .setIssuedAt(epoch - 60)
      .setExpirationTime(epoch + 300)
      .sign(privateKey);

  it('leaves a credential that is no JWT to the other verifiers', async () => {
    expect(await oidcTokenVerifier(settings(), () => now).principalFor('k-admin-0001')).toBeNull();
  });

  it('reads the role through a nested claim path, or a claim whose name has dots, without a role map', async () => {
    const nested = oidcTokenVerifier(settings({ roleClaim: 'realm_access.roles' }), () => now);
    expect(await nested.principalFor(await token({ jti: 't-1', realm_access: { roles: ['auditor', 'x'] } }))).toEqual({
      actor: 'carol',
      role: 'auditor',
      customer: null,
      credential: { kind: 'oidc', id: 't-1' },
    });
    const namespaced = oidcTokenVerifier(settings({ roleClaim: 'https://sla.example/roles' }), () => now);
    expect(
      await namespaced.principalFor(await token({ 'https://sla.example/roles': 'customer', customer: 'Finance' })),
    ).toMatchObject({ role: 'customer', customer: 'Finance' });
  });

  it("checks expiry against the clock it is given, not the machine's", async () => {
    const later = oidcTokenVerifier(settings(), () => new Date(now.getTime() + 331_000));
    await expect(later.principalFor(await token({ roles: 'slm' }))).rejects.toThrow(
      /the token is refused: it expired at 2026-03-02T09:05:00Z \(clock skew allowed: 30 s\)/,
    );
    const withinSkew = oidcTokenVerifier(settings(), () => new Date(now.getTime() + 329_000));
    expect(await withinSkew.principalFor(await token({ roles: 'slm' }))).toMatchObject({ role: 'slm' });
  });

  it('answers 503 while the discovery document cannot be read or names another issuer, and tries again', async () => {
    const verifier = oidcTokenVerifier(settings({ jwksUrl: undefined }), () => now);
    discovery = null;
    await expect(verifier.principalFor(await token({ roles: 'slm' }))).rejects.toMatchObject({
      status: 503,
      message: expect.stringMatching(/discovery document .*\/\.well-known\/openid-configuration could not be read/),
    });
    discovery = { issuer: 'https://elsewhere.example', jwks_uri: `${base}/jwks` };
    await expect(verifier.principalFor(await token({ roles: 'slm' }))).rejects.toMatchObject({
      status: 503,
      message: expect.stringMatching(
        /names issuer "https:\/\/elsewhere.example" .* expected issuer .* \(OIDC_ISSUER\)/,
      ),
    });
    discovery = { issuer: base, jwks_uri: `${base}/jwks` };
    expect(await verifier.principalFor(await token({ roles: 'slm' }))).toMatchObject({ role: 'slm' });
  });

  it('refuses a token signed with a shared secret, whatever its claims', async () => {
    const hmac = await new SignJWT({ sub: 'mallory', roles: 'admin' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setIssuer(base)
      .setAudience('urn:sla:api')
      .setIssuedAt(epoch)
      .setExpirationTime(epoch + 300)
      .sign(new TextEncoder().encode('a secret the provider never had'));
    await expect(oidcTokenVerifier(settings(), () => now).principalFor(hmac)).rejects.toMatchObject({
      status: 401,
      message: 'the token is refused: it is signed with an algorithm not in OIDC_ALGORITHMS (ES256)',
    });
  });
});
