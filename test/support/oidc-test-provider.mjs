// A real OpenID provider (oidc-provider, ESM-only) for the tests, run as a child process: jest transforms
// to CommonJS and cannot load it in-process. Issues JWT access tokens by client credentials; the settings
// come as JSON in OIDC_TEST_PROVIDER:
//   { port, issuer, keys: [private JWK…], signingKeyId?, clients: [{ clientId, secret, claims, notBefore?, expiresIn? }] }
// `claims` are added to the client's tokens; `expiresIn` and `notBefore` (seconds from now, may be negative) move
// `exp` and add `nbf`, so the tests get expired and not-yet-valid tokens signed by the provider itself.
import Provider from 'oidc-provider';

const settings = JSON.parse(process.env.OIDC_TEST_PROVIDER);
const clients = new Map(settings.clients.map((client) => [client.clientId, client]));

const provider = new Provider(settings.issuer, {
  clients: settings.clients.map((client) => ({
    client_id: client.clientId,
    client_secret: client.secret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_basic',
  })),
  jwks: { keys: settings.keys },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // Any audience the test asks for (resource=…), so a token for another API is a real one too.
      getResourceServerInfo: (_context, resource) => ({
        audience: resource,
        scope: 'api',
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: settings.algorithm ?? 'RS256', kid: settings.signingKeyId } },
      }),
    },
  },
  extraTokenClaims: (_context, token) => clients.get(token.clientId)?.claims,
  formats: {
    customizers: {
      jwt: (_context, token, jwt) => {
        const client = clients.get(token.clientId);
        const now = Math.floor(Date.now() / 1000);
        if (client?.expiresIn !== undefined) jwt.payload.exp = now + client.expiresIn;
        if (client?.notBefore !== undefined) {
          jwt.payload.nbf = now + client.notBefore;
          jwt.payload.iat = now + client.notBefore;
        }
      },
    },
  },
});

const server = provider.listen(settings.port, '127.0.0.1', () => process.stdout.write('oidc-test-provider ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
