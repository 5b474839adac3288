import path from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { repositoryRoot } from './built-app';
import { freePort } from './private-postgres';
import { startNodeProcess, type RunningProcess } from './processes';

export type OidcTestClient = {
  readonly clientId: string;
  /** Claims added to the client's access tokens: roles, customer, preferred_username… */
  readonly claims: Record<string, unknown>;
  /** `exp` this many seconds from now (negative: already expired). */
  readonly expiresIn?: number;
  /** `nbf` and `iat` this many seconds from now (positive: not valid yet). */
  readonly notBefore?: number;
};

export type OidcProviderSettings = {
  readonly keys: readonly JWK[];
  /** The key the provider signs with (default: the first it holds for the algorithm). */
  readonly signingKeyId?: string;
  readonly algorithm?: string;
  readonly clients: readonly OidcTestClient[];
  /** Default: http://127.0.0.1:<port>, where it listens; another provider's issuer makes a forger. */
  readonly issuer?: string;
  /** People who sign in on the provider's login page (authorization code flow), with their access tokens' claims. */
  readonly users?: readonly { login: string; password: string; claims: Record<string, unknown> }[];
  /** Public clients of the authorization code flow with PKCE (a console), each with its one redirect URI. */
  readonly consoleClients?: readonly { clientId: string; redirectUri: string }[];
};

export type OidcTestProvider = {
  readonly issuer: string;
  /** An access token for the client, for the audience (OIDC_AUDIENCE) asked for. */
  readonly tokenFor: (clientId: string, audience?: string) => Promise<string>;
  /** Stops the provider and starts it again on the same address with other settings (a key rotation). */
  readonly restart: (settings: OidcProviderSettings) => Promise<void>;
  readonly stop: () => Promise<void>;
};

export const TEST_AUDIENCE = 'urn:sla:api';
const SECRET = 'test-client-secret';

/** A private signing JWK with its key id, as a provider publishes its public half. */
export async function signingKey(kid: string, algorithm: 'RS256' | 'ES256' = 'RS256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(algorithm, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: algorithm, use: 'sig' };
}

/** A real OpenID provider (oidc-provider) in a child process on a free loopback port. */
export async function startOidcProvider(settings: OidcProviderSettings): Promise<OidcTestProvider> {
  const port = await freePort();
  const address = `http://127.0.0.1:${port}`;
  const issuer = settings.issuer ?? address;
  let running = await launch(port, issuer, settings);
  return {
    issuer,
    tokenFor: async (clientId, audience = TEST_AUDIENCE) => {
      const response = await fetch(`${address}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${SECRET}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', resource: audience, scope: 'api' }),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!response.ok || !body.access_token) {
        throw new Error(`the test provider gave no token to ${clientId}: ${JSON.stringify(body)}`);
      }
      return body.access_token;
    },
    restart: async (next) => {
      await stopProcess(running);
      running = await launch(port, issuer, next);
    },
    stop: () => stopProcess(running),
  };
}

async function launch(port: number, issuer: string, settings: OidcProviderSettings): Promise<RunningProcess> {
  const running = startNodeProcess(path.join(repositoryRoot, 'test/support/oidc-test-provider.mjs'), [], {
    OIDC_TEST_PROVIDER: JSON.stringify({
      port,
      issuer,
      keys: settings.keys,
      signingKeyId: settings.signingKeyId,
      algorithm: settings.algorithm,
      clients: settings.clients.map((client) => ({ ...client, secret: SECRET })),
      users: settings.users ?? [],
      consoleClients: settings.consoleClients ?? [],
    }),
  });
  const deadline = Date.now() + 20_000;
  while (!running.output().includes('oidc-test-provider ready')) {
    if (running.child.exitCode !== null || Date.now() > deadline) {
      running.child.kill('SIGKILL');
      throw new Error(`the test OpenID provider did not start:\n${running.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return running;
}

async function stopProcess(running: RunningProcess): Promise<void> {
  if (running.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGTERM');
    await running.exited;
  }
}
