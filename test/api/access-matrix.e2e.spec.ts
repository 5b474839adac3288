import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROLES, type Role } from '@sla/nest-platform';
import { apiRoutes } from '../../apps/api/src/openapi/openapi.controller';
import { documentedPolicy, type Permission } from '../../apps/api/src/openapi/access-policy-table';
import { repositoryRoot } from '../support/built-app';
import { signingKey, startOidcProvider, type OidcTestProvider } from '../support/oidc-provider';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient } from '@sla/test-support';

const OWN_AGREEMENT = 'matrix-sla';
const CUSTOMER = 'Finance';

type Caller = { readonly name: string; readonly role: Role | null; readonly authorization?: string };

/**
 * The acceptance matrix: every operation of the API (the route definitions) × every role, with an API key from
 * the key file and with an OpenID Connect token, and without any credential, against the policy table documented
 * in docs/access-control.md (which apps/api/src/openapi/access-policy-table.spec.ts keeps equal to the route
 * definitions). "Allowed" means the guard let the request through: whatever the handler then answers (200, 400
 * for the empty body, 404 for the made-up id), it is neither 401 nor 403.
 */
describe('access matrix: every operation × every role × API key and OIDC token (real app, real provider)', () => {
  let api: TestApi;
  let provider: OidcTestProvider;
  const callers: Caller[] = [];
  const policy = documentedPolicy(readFileSync(path.join(repositoryRoot, 'docs/access-control.md'), 'utf8'));

  beforeAll(async () => {
    provider = await startOidcProvider({
      keys: [await signingKey('matrix-key')],
      clients: ROLES.map((role) => ({
        clientId: `matrix-${role}`,
        claims: { roles: [role], ...(role === 'customer' ? { customer: CUSTOMER } : {}) },
      })),
    });
    const keys = Object.fromEntries(ROLES.map((role) => [role, `matrix-key-${role}-${Math.random()}`]));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sla-matrix-')), 'keys.json');
    writeFileSync(
      file,
      JSON.stringify(
        ROLES.map((role) => ({
          keySha256: createHash('sha256').update(keys[role]).digest('hex'),
          actor: `key-${role}`,
          role,
          ...(role === 'customer' ? { customer: CUSTOMER } : {}),
        })),
      ),
    );
    api = await startTestApi('access_matrix', {
      AUTH_API_KEYS_FILE: file,
      OIDC_ISSUER: provider.issuer,
      OIDC_AUDIENCE: 'urn:sla:api',
      // The matrix asks every operation without a credential too, and as fast as it can: the policy is under test
      // here, the rate limits in access-limits.e2e.spec.ts.
      RATE_LIMIT_FAILED_AUTH_PER_MINUTE: '100000',
      RATE_LIMIT_PRINCIPAL_PER_SECOND: '100000',
    });
    callers.push({ name: 'no credential', role: null });
    for (const role of ROLES) {
      callers.push({ name: `${role} API key`, role, authorization: `Bearer ${keys[role]}` });
      callers.push({
        name: `${role} OIDC token`,
        role,
        authorization: `Bearer ${await provider.tokenFor(`matrix-${role}`)}`,
      });
    }
    // The customer's own agreement, so that what a customer may read of its own is let through.
    const slm = httpClient(api.baseUrl, { authorization: `Bearer ${keys.slm}` });
    const calendar = await slm.post('/calendars', {
      definition: { id: 'matrix-24x7', name: '24x7', timeZone: 'UTC', versions: [{ weeklyWindows: '24x7' }] },
    });
    expect(calendar.status).toBe(201);
    const service = await slm.post('/services', {
      serviceId: 'matrix-mail',
      name: 'Mail',
      owner: { name: 'Li' },
      changeRequest: 'CR-1',
    });
    expect(service.status).toBe(201);
    await eventually(async () => ((await slm.get('/services/matrix-mail')).status === 200 ? true : undefined));
    const agreement = await slm.post('/agreements', {
      agreementId: OWN_AGREEMENT,
      kind: 'SLA',
      provider: { name: 'IT' },
      counterparty: { name: CUSTOMER },
      content: { title: 'Mail', services: ['matrix-mail'], effectiveFrom: '2026-03-01T00:00:00Z' },
    });
    expect(agreement.status).toBe(201);
    await eventually(async () => ((await slm.get(`/agreements/${OWN_AGREEMENT}`)).status === 200 ? true : undefined));
  });
  afterAll(async () => {
    await api?.close();
    await provider?.stop();
  });

  it('documents every operation of the API, and only those', () => {
    expect([...policy.keys()].sort()).toEqual(
      apiRoutes.map((route) => `${route.method.toUpperCase()} ${route.path}`).sort(),
    );
  });

  it('answers every operation for every caller as the documented policy says', async () => {
    const mismatches: string[] = [];
    for (const route of apiRoutes) {
      const operation = `${route.method.toUpperCase()} ${route.path}`;
      const url = requestUrl(route.path);
      for (const caller of callers) {
        const response = await fetch(`${api.baseUrl}${url}`, {
          method: route.method.toUpperCase(),
          headers: {
            'content-type': 'application/json',
            ...(caller.authorization ? { authorization: caller.authorization } : {}),
          },
          body: route.method === 'get' ? undefined : '{}',
        });
        const text = await response.text();
        const message = text.startsWith('{') ? (JSON.parse(text).error?.message ?? '') : '';
        const permissions = policy.get(operation)!;
        const open = [...permissions.values()].every((permission) => permission === 'open');
        const expected = expectation(caller.role ? permissions.get(caller.role)! : open ? 'open' : null);
        const outcome = { status: response.status, message };
        if (!expected.matches(outcome)) {
          mismatches.push(`${operation} as ${caller.name}: ${response.status} ${message} (expected ${expected.what})`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000); // every route for every role over HTTP: ~25 s alone, much more on a busy machine
});

/** The path with its parameters filled: the customer's own agreement, a revision number, otherwise a made-up id. */
function requestUrl(routePath: string): string {
  const filled = routePath.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'agreementId'
      ? OWN_AGREEMENT
      : ['version', 'revision'].includes(name)
        ? '1'
        : name === 'asset'
          ? 'swagger-ui.css'
          : `matrix-${name}`,
  );
  // A customer names one of its own agreements in the query where the rule reads it from there.
  const scopedByQuery = apiRoutes.some(
    (route) => route.path === routePath && !route.access.public && route.access.customerScope === 'agreement-query',
  );
  return scopedByQuery ? `${filled}?agreementId=${OWN_AGREEMENT}` : filled;
}

type Outcome = { status: number; message: string };

/** What the documented permission means for a response; null = a caller without any credential. */
function expectation(permission: Permission | null): { what: string; matches: (outcome: Outcome) => boolean } {
  const letThrough = (outcome: Outcome) => outcome.status !== 401 && outcome.status !== 403;
  if (permission === 'open') return { what: 'no 401/403: open to anyone', matches: letThrough };
  if (permission === null) return { what: '401', matches: (outcome) => outcome.status === 401 };
  if (permission === 'refused') {
    return {
      what: '403 naming the role',
      matches: (outcome) => outcome.status === 403 && /^the \w+ role may not /.test(outcome.message),
    };
  }
  if (permission === 'report-path') {
    // The role passes; the report (a made-up id) is then not one of the customer's published customer reports.
    return {
      what: "403 from the report's customer scope, not the role",
      matches: (outcome) => outcome.status === 403 && /is not a customer report/.test(outcome.message),
    };
  }
  return { what: 'no 401/403: allowed', matches: letThrough };
}
