// A real OpenID provider (oidc-provider, ESM-only) for the tests, run as a child process: jest transforms
// to CommonJS and cannot load it in-process. Issues JWT access tokens by client credentials; the settings
// come as JSON in OIDC_TEST_PROVIDER:
//   { port, issuer, keys: [private JWK…], signingKeyId?, clients: [{ clientId, secret, claims, notBefore?, expiresIn? }] }
// `claims` are added to the client's tokens; `expiresIn` and `notBefore` (seconds from now, may be negative) move
// `exp` and add `nbf`, so the tests get expired and not-yet-valid tokens signed by the provider itself.
// People sign in too, when the settings name them: `consoleClients: [{ clientId, redirectUri }]` are public clients of
// the authorization code flow with PKCE, and `users: [{ login, password, claims }]` sign in on a plain login page of
// this file (Username, Password, Sign in, Cancel); consent is given without asking, and `claims` go into the user's
// access tokens.
import http from 'node:http';
import Provider from 'oidc-provider';

const settings = JSON.parse(process.env.OIDC_TEST_PROVIDER);
const clients = new Map(settings.clients.map((client) => [client.clientId, client]));
const users = new Map((settings.users ?? []).map((user) => [user.login, user]));

const provider = new Provider(settings.issuer, {
  clients: settings.clients
    .map((client) => ({
      client_id: client.clientId,
      client_secret: client.secret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    }))
    .concat(
      (settings.consoleClients ?? []).map((client) => ({
        client_id: client.clientId,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [client.redirectUri],
        token_endpoint_auth_method: 'none',
      })),
    ),
  pkce: { required: () => true },
  findAccount: (_context, accountId) =>
    users.has(accountId) ? { accountId, claims: async () => ({ sub: accountId }) } : undefined,
  interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
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
  extraTokenClaims: (_context, token) =>
    token.accountId ? users.get(token.accountId)?.claims : clients.get(token.clientId)?.claims,
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

const escape = (text) => String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
const loginPage = (uid, clientId, problem) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test provider: sign in</title></head>
<body><main><h1>Test provider</h1><p>Sign in to ${escape(clientId)}</p>
${problem ? `<p role="alert">${escape(problem)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label>Username <input name="login" autocomplete="username" required autofocus></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button></form>
<form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit">Cancel</button></form>
</main></body></html>`;

async function formOf(request) {
  let body = '';
  for await (const chunk of request) body += chunk;
  return new URLSearchParams(body);
}

/** The login and consent steps of oidc-provider's interaction API (its own dev pages load web fonts). */
async function interact(request, response) {
  const [, , uid, step] = new URL(request.url, 'http://provider').pathname.split('/');
  const details = await provider.interactionDetails(request, response);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  const { prompt, params } = details;
  if (request.method === 'GET' && prompt.name === 'login') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return response.end(loginPage(uid, params.client_id));
  }
  if (request.method === 'GET' && prompt.name === 'consent') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    return provider.interactionFinished(request, response, { consent: { grantId: await grant.save() } });
  }
  if (request.method === 'POST' && step === 'abort') {
    return provider.interactionFinished(request, response, {
      error: 'access_denied',
      error_description: 'the user cancelled the sign-in',
    });
  }
  if (request.method === 'POST' && step === 'login') {
    const form = await formOf(request);
    const user = users.get(form.get('login'));
    if (!user || user.password !== form.get('password')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return response.end(loginPage(uid, params.client_id, 'Unknown username or wrong password'));
    }
    return provider.interactionFinished(request, response, { login: { accountId: user.login } });
  }
  response.writeHead(404).end();
}

const handle = provider.callback();
const server = http.createServer((request, response) => {
  if (!request.url.startsWith('/interaction/')) return handle(request, response);
  interact(request, response).catch((error) => {
    response.writeHead(400, { 'content-type': 'text/plain' });
    response.end(String(error?.message ?? error));
  });
});
server.listen(settings.port, '127.0.0.1', () => process.stdout.write('oidc-test-provider ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
