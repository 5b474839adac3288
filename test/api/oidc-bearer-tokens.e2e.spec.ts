import { Client } from 'pg';
import type { JWK } from 'jose';
import { startTestApi, type TestApi } from '../support/test-api';
import {
  signingKey,
  startOidcProvider,
  type OidcProviderSettings,
  type OidcTestClient,
  type OidcTestProvider,
} from '../support/oidc-provider';
import { eventually, httpClient } from '@sla/test-support';

/**
 * Bearer JWTs from a real OpenID provider (oidc-provider in a child process, client credentials) through the real
 * app: each role's token works, and a token from another issuer, for another audience, expired, not valid yet, with
 * a broken signature or without a role is refused naming why; a key rotated at the provider is fetched again.
 */
describe('OpenID Connect bearer tokens (real provider, real app, real PostgreSQL)', () => {
  let api: TestApi;
  let provider: OidcTestProvider;
  let impostor: OidcTestProvider;
  let firstKey: JWK;

  const clients: OidcTestClient[] = [
    { clientId: 'slm', claims: { groups: ['sla-managers', 'staff'], preferred_username: 'alice.slm' } },
    { clientId: 'operations', claims: { groups: ['sla-operations'], preferred_username: 'servicenow' } },
    { clientId: 'auditor', claims: { groups: ['sla-auditors'], preferred_username: 'carol.auditor' } },
    { clientId: 'admin', claims: { groups: ['sla-admins'], preferred_username: 'root' } },
    {
      clientId: 'finance',
      claims: { groups: ['sla-customers'], preferred_username: 'finance-portal', org: 'Finance' },
    },
    { clientId: 'no-role', claims: { preferred_username: 'nobody' } },
    { clientId: 'unmapped-role', claims: { groups: ['staff'], preferred_username: 'visitor' } },
    { clientId: 'two-roles', claims: { groups: ['sla-managers', 'sla-auditors'], preferred_username: 'both' } },
    { clientId: 'customer-without-org', claims: { groups: ['sla-customers'], preferred_username: 'who' } },
    { clientId: 'no-actor', claims: { groups: ['sla-auditors'] } },
    { clientId: 'expired', claims: { groups: ['sla-auditors'], preferred_username: 'late' }, expiresIn: -120 },
    { clientId: 'within-skew', claims: { groups: ['sla-auditors'], preferred_username: 'skewed' }, expiresIn: -10 },
    { clientId: 'not-yet-valid', claims: { groups: ['sla-auditors'], preferred_username: 'early' }, notBefore: 300 },
  ];
  const providerSettings = (keys: JWK[]): OidcProviderSettings => ({ keys, clients });

  const withToken = (token: string) =>
    httpClient(api.baseUrl, { authorization: `Bearer ${token}`, 'x-actor': 'mallory' });
  const asClient = async (clientId: string) => withToken(await provider.tokenFor(clientId));
  const refusal = (status: number, message: RegExp) => ({
    status,
    body: { error: { code: status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN', message: expect.stringMatching(message) } },
  });

  beforeAll(async () => {
    firstKey = await signingKey('key-2026-01');
    provider = await startOidcProvider(providerSettings([firstKey]));
    // Another provider holding the same key: its tokens verify, but name another issuer.
    impostor = await startOidcProvider(providerSettings([firstKey]));
    api = await startTestApi('oidc_tokens', {
      OIDC_ISSUER: provider.issuer,
      OIDC_AUDIENCE: 'urn:sla:api',
      OIDC_ALGORITHMS: 'RS256',
      // Every refusal here is a failed authentication from one address: the tokens are under test, not the limit.
      RATE_LIMIT_FAILED_AUTH_PER_MINUTE: '100000',
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP:
        'sla-managers=slm,sla-operations=operations,sla-auditors=auditor,sla-admins=admin,sla-customers=customer',
      OIDC_CUSTOMER_CLAIM: 'org',
      OIDC_ACTOR_CLAIM: 'preferred_username',
      OIDC_CLOCK_SKEW_SECONDS: '30',
      OIDC_JWKS_REFRESH_COOLDOWN_SECONDS: '0',
    });
    const slm = await asClient('slm');
    expect(
      (
        await slm.post('/calendars', {
          definition: { id: 'round-the-clock', name: '24x7', timeZone: 'UTC', versions: [{ weeklyWindows: '24x7' }] },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await slm.post('/services', {
          serviceId: 'email',
          name: 'E-mail',
          owner: { name: 'Li' },
          changeRequest: 'CR-1',
        })
      ).status,
    ).toBe(201);
    await eventually(async () => ((await slm.get('/services/email')).status === 200 ? true : undefined));
    for (const [agreementId, counterparty] of [
      ['email-sla', 'Finance'],
      ['sales-sla', 'Sales'],
    ]) {
      const created = await slm.post('/agreements', {
        agreementId,
        kind: 'SLA',
        provider: { name: 'IT' },
        counterparty: { name: counterparty },
        content: { title: agreementId, services: ['email'], effectiveFrom: '2026-03-01T00:00:00Z' },
      });
      expect(created.status).toBe(201);
    }
    await eventually(async () => ((await slm.get('/agreements/sales-sla')).status === 200 ? true : undefined));
  });
  afterAll(async () => {
    await api?.close();
    await provider?.stop();
    await impostor?.stop();
  });

  it("accepts each role's token for that role's work, and records the configured claim as the actor", async () => {
    expect(await httpClient(api.baseUrl).get('/audit/tree-heads')).toMatchObject(
      refusal(401, /^send an API key or an access token: Authorization: Bearer <key or token>/),
    );
    expect((await (await asClient('auditor')).get('/audit/tree-heads')).status).toBe(200);
    expect((await (await asClient('admin')).get('/audit/tree-heads')).status).toBe(200);
    expect((await (await asClient('slm')).get('/audit/tree-heads')).status).toBe(403);
    const operations = await asClient('operations');
    const opened = await operations.post('/tickets/INC-1/facts', {
      source: 'servicenow',
      externalId: 'e-1',
      type: 'TicketOpened',
      data: {
        ticketType: 'incident',
        serviceId: 'email',
        priority: 'P2',
        impact: 'low',
        major: false,
        title: 't',
        occurredAt: '2026-03-02T09:00:00Z',
      },
    });
    expect(opened.status).toBe(201);
    expect(await (await asClient('slm')).post('/tickets/INC-2/facts', {})).toMatchObject(
      refusal(403, /^the slm role may not POST/),
    );
    const finance = await asClient('finance');
    expect((await finance.get('/agreements/email-sla')).status).toBe(200);
    expect(await finance.get('/agreements/sales-sla')).toMatchObject(
      refusal(403, /agreement 'sales-sla' is not one of Finance's agreements/),
    );

    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ stream_name: string; actor: string }>(
        `select stream_name, metadata->>'actor' as actor from event_store.events
          where stream_name in ('ticket-INC-1', 'agreement-email-sla') order by global_position`,
      );
      expect(rows).toEqual([
        { stream_name: 'agreement-email-sla', actor: 'alice.slm' },
        { stream_name: 'ticket-INC-1', actor: 'servicenow' },
      ]);
    } finally {
      await client.end();
    }
  });

  it('refuses a token of another issuer, for another audience, or with a broken signature (401 naming why)', async () => {
    expect(await withToken(await impostor.tokenFor('auditor')).get('/audit/tree-heads')).toMatchObject(
      refusal(401, new RegExp(`its issuer "${impostor.issuer}" is not ${provider.issuer}$`)),
    );
    expect(await withToken(await provider.tokenFor('auditor', 'urn:other:api')).get('/audit/tree-heads')).toMatchObject(
      refusal(401, /its audience "urn:other:api" does not include urn:sla:api/),
    );
    const [header, payload, signature] = (await provider.tokenFor('auditor')).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, groups: ['sla-admins'] })).toString('base64url');
    expect(await withToken(`${header}.${promoted}.${signature}`).get('/audit/tree-heads')).toMatchObject(
      refusal(401, /its signature does not verify/),
    );
    const unsigned = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(await withToken(`${unsigned}.${payload}.`).get('/audit/tree-heads')).toMatchObject(
      refusal(401, /algorithm not in OIDC_ALGORITHMS \(RS256\)/),
    );
  });

  it('refuses an expired or not yet valid token, within the configured clock skew only', async () => {
    expect(await (await asClient('expired')).get('/audit/tree-heads')).toMatchObject(
      refusal(401, /it expired at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(clock skew allowed: 30 s\)/),
    );
    expect((await (await asClient('within-skew')).get('/audit/tree-heads')).status).toBe(200);
    expect(await (await asClient('not-yet-valid')).get('/audit/tree-heads')).toMatchObject(
      refusal(401, /it is not valid before \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(clock skew allowed: 30 s\)/),
    );
  });

  it('answers 403 naming the claim when the token carries no usable role, customer or actor', async () => {
    expect(await (await asClient('no-role')).get('/services')).toMatchObject(
      refusal(403, /the token has no "groups" claim \(OIDC_ROLE_CLAIM\)/),
    );
    expect(await (await asClient('unmapped-role')).get('/services')).toMatchObject(
      refusal(403, /claim \(staff\) maps to none of the roles .* through OIDC_ROLE_MAP/),
    );
    expect(await (await asClient('two-roles')).get('/services')).toMatchObject(
      refusal(403, /maps to several roles \(slm, auditor\)/),
    );
    expect(await (await asClient('customer-without-org')).get('/agreements/email-sla')).toMatchObject(
      refusal(403, /a customer token names its customer in the "org" claim \(OIDC_CUSTOMER_CLAIM\)/),
    );
    expect(await (await asClient('no-actor')).get('/services')).toMatchObject(
      refusal(403, /the token has no "preferred_username" claim \(OIDC_ACTOR_CLAIM\)/),
    );
  });

  it("fetches the provider's keys again when a token names a key id it has not seen (key rotation)", async () => {
    const before = await provider.tokenFor('auditor');
    expect((await withToken(before).get('/audit/tree-heads')).status).toBe(200);
    const rotated = await signingKey('key-2026-02');
    // The provider signs with the new key and still publishes the old one, as a rotation does.
    await provider.restart({ ...providerSettings([rotated, firstKey]), signingKeyId: 'key-2026-02' });
    const after = await provider.tokenFor('auditor');
    expect(JSON.parse(Buffer.from(after.split('.')[0], 'base64url').toString())).toMatchObject({ kid: 'key-2026-02' });
    expect((await withToken(after).get('/audit/tree-heads')).status).toBe(200);
    expect(await (await asClient('slm')).get('/audit/tree-heads')).toMatchObject(refusal(403, /the slm role may not/));
    expect((await withToken(before).get('/audit/tree-heads')).status).toBe(200);
  });

  it('refuses a token naming the issuer but signed by a key the issuer does not publish', async () => {
    const forger = await startOidcProvider({
      ...providerSettings([await signingKey('forged')]),
      issuer: provider.issuer,
    });
    try {
      expect(await withToken(await forger.tokenFor('admin')).get('/audit/tree-heads')).toMatchObject(
        refusal(401, /no key of the provider's key set matches its key id, even after fetching the set again/),
      );
    } finally {
      await forger.stop();
    }
  });
});
