import { checkAccessControlRequirement, ConfigurationError, isLoopbackHost, loadConfiguration } from './configuration';

describe('loadConfiguration', () => {
  it('needs nothing: every setting has a default for the embedded start', () => {
    const configuration = loadConfiguration({});
    expect(configuration).toMatchObject({ PORT: 3000, DATA_DIR: '.data', PROJECTOR: 'inline' });
    expect(configuration.DATABASE_URL).toBeUndefined();
    expect(configuration.ESDB_CONNECTION_STRING).toBeUndefined();
  });

  it('reads and converts the values it is given', () => {
    expect(
      loadConfiguration({
        PORT: '8080',
        DATABASE_URL: 'postgres://user@db.example:5432/sla',
        ESDB_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
        PROJECTOR: 'off',
      }),
    ).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://user@db.example:5432/sla', PROJECTOR: 'off' });
  });

  it('names every invalid key with its value and reason, not just the first', () => {
    let error: unknown;
    try {
      loadConfiguration({ PORT: 'eighty', DATABASE_URL: 'mysql://x', PROJECTOR: 'sometimes', UNRELATED: 'ignored' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/^PORT="eighty": /m);
    expect(problems.join('\n')).toMatch(
      /^DATABASE_URL="mysql:\/\/x": must start with postgres:\/\/ or postgresql:\/\//m,
    );
    expect(problems.join('\n')).toMatch(/^PROJECTOR="sometimes": /m);
  });

  it('defaults the rate limits above the intake benchmark for operations, and refuses a limit of 0', () => {
    expect(loadConfiguration({})).toMatchObject({
      RATE_LIMIT_ADDRESS_PER_SECOND: 10_000,
      RATE_LIMIT_PRINCIPAL_PER_SECOND: 200,
      RATE_LIMIT_OPERATIONS_PER_SECOND: 10_000,
      RATE_LIMIT_FAILED_AUTH_PER_MINUTE: 5,
      ACCESS_AUDIT_DENIALS_PER_ADDRESS_PER_MINUTE: 10,
      ACCESS_AUDIT_DENIALS_PER_MINUTE: 600,
    });
    expect(loadConfiguration({ RATE_LIMIT_FAILED_AUTH_PER_MINUTE: '3' }).RATE_LIMIT_FAILED_AUTH_PER_MINUTE).toBe(3);
    expect(() => loadConfiguration({ RATE_LIMIT_PRINCIPAL_PER_SECOND: '0' })).toThrow(
      /RATE_LIMIT_PRINCIPAL_PER_SECOND="0": /,
    );
  });

  it('reads CORS_ORIGINS as a list of origins, refusing a path, a trailing slash or another scheme', () => {
    expect(loadConfiguration({ CORS_ORIGINS: 'https://console.example, http://localhost:4200' }).CORS_ORIGINS).toEqual([
      'https://console.example',
      'http://localhost:4200',
    ]);
    for (const origin of ['https://console.example/', 'https://console.example/app', 'ftp://files.example', '*']) {
      expect(() => loadConfiguration({ CORS_ORIGINS: origin })).toThrow(/^.*\n.*CORS_ORIGINS=/);
    }
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfiguration({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1'])('%s is', (host) =>
    expect(isLoopbackHost(host)).toBe(true),
  );
  it.each(['0.0.0.0', '::', '10.0.0.5', 'api.example', '128.0.0.1', '127.0.0.1.example'])('%s is not', (host) =>
    expect(isLoopbackHost(host)).toBe(false),
  );
});

describe('checkAccessControlRequirement', () => {
  const problemOf = (environment: Record<string, string>) => {
    try {
      checkAccessControlRequirement(loadConfiguration(environment));
      return undefined;
    } catch (error) {
      return (error as ConfigurationError).problems.join('\n');
    }
  };

  it('lets development on loopback start without access control', () => {
    expect(problemOf({})).toBeUndefined();
    expect(problemOf({ NODE_ENV: 'development', HOST: 'localhost' })).toBeUndefined();
  });

  it('refuses production or a reachable HOST without API keys, naming AUTH_API_KEYS_FILE and AUTH=off', () => {
    expect(problemOf({ NODE_ENV: 'production' })).toMatch(
      /^access control is required \(NODE_ENV=production\): set AUTH_API_KEYS_FILE .* or set AUTH=off/,
    );
    expect(problemOf({ HOST: '0.0.0.0', NODE_ENV: 'production' })).toMatch(
      /\(NODE_ENV=production, HOST=0\.0\.0\.0 is not a loopback address\)/,
    );
  });

  it('accepts API keys or an explicit AUTH=off, and no other value of AUTH', () => {
    expect(problemOf({ HOST: '0.0.0.0', AUTH_API_KEYS_FILE: '/etc/sla/keys.json' })).toBeUndefined();
    expect(problemOf({ HOST: '0.0.0.0', AUTH: 'off' })).toBeUndefined();
    expect(() => loadConfiguration({ AUTH: 'no' })).toThrow(/AUTH="no": /);
  });

  it('counts keys managed from the CLI (AUTH_MANAGED_KEYS=on) as an identity configuration, naming it when missing', () => {
    expect(problemOf({ NODE_ENV: 'production', AUTH_MANAGED_KEYS: 'on' })).toBeUndefined();
    expect(problemOf({ NODE_ENV: 'production', AUTH_MANAGED_KEYS: 'off' })).toMatch(/or AUTH_MANAGED_KEYS=on /);
    expect(() => loadConfiguration({ AUTH_MANAGED_KEYS: 'yes' })).toThrow(/AUTH_MANAGED_KEYS="yes": /);
  });
});

describe('OpenID Connect settings', () => {
  const oidc = { OIDC_ISSUER: 'https://login.example/realms/sla', OIDC_AUDIENCE: 'urn:sla:api' };

  it('count as an identity configuration where access control is required', () => {
    expect(() =>
      checkAccessControlRequirement(loadConfiguration({ NODE_ENV: 'production', HOST: '0.0.0.0', ...oidc })),
    ).not.toThrow();
    expect(() => checkAccessControlRequirement(loadConfiguration({ NODE_ENV: 'production' }))).toThrow(
      /or OIDC_ISSUER and OIDC_AUDIENCE to accept OpenID Connect tokens/,
    );
  });

  it('default to the roles claim, the sub actor, 30 s of clock skew and asymmetric algorithms', () => {
    expect(loadConfiguration(oidc)).toMatchObject({
      OIDC_ROLE_CLAIM: 'roles',
      OIDC_ACTOR_CLAIM: 'sub',
      OIDC_CUSTOMER_CLAIM: 'customer',
      OIDC_CLOCK_SKEW_SECONDS: 30,
      OIDC_ALGORITHMS: ['RS256', 'PS256', 'ES256', 'EdDSA'],
    });
  });

  it('read a role map of provider roles to product roles', () => {
    const { OIDC_ROLE_MAP } = loadConfiguration({ ...oidc, OIDC_ROLE_MAP: 'sla-managers=slm, sla-auditors = auditor' });
    expect([...OIDC_ROLE_MAP!]).toEqual([
      ['sla-managers', 'slm'],
      ['sla-auditors', 'auditor'],
    ]);
  });

  it('name the setting and the reason for a bad value, all at once', () => {
    expect(() =>
      loadConfiguration({ ...oidc, OIDC_ROLE_MAP: 'sla-managers=boss', OIDC_ALGORITHMS: 'RS256,HS256,none' }),
    ).toThrow(
      new ConfigurationError([
        'OIDC_ALGORITHMS="RS256,HS256,none": "HS256" is not one of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ' +
          'ES384, ES512, EdDSA',
        'OIDC_ALGORITHMS="RS256,HS256,none": "none" is not one of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ' +
          'ES384, ES512, EdDSA',
        'OIDC_ROLE_MAP="sla-managers=boss": "sla-managers=boss" is not <provider role>=<slm|operations|auditor|customer|admin>',
      ]),
    );
    expect(() => loadConfiguration({ OIDC_ISSUER: 'login.example' })).toThrow(
      /OIDC_ISSUER="login.example": must start/,
    );
    expect(() => loadConfiguration({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(
      /OIDC_AUDIENCE="": required with OIDC_ISSUER/,
    );
    expect(() => loadConfiguration({ ...oidc, OIDC_ISSUER: 'http://login.example' })).toThrow(
      /OIDC_ISSUER="http:\/\/login.example": must be https:\/\/ unless on this machine/,
    );
    expect(loadConfiguration({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:4444' }).OIDC_ISSUER).toBe(
      'http://127.0.0.1:4444',
    );
    expect(() => loadConfiguration({ OIDC_JWKS_URL: 'https://login.example/jwks' })).toThrow(
      /OIDC_ISSUER="": required with OIDC_JWKS_URL/,
    );
  });
});

describe("the console's OpenID sign-in settings", () => {
  const oidc = { OIDC_ISSUER: 'https://login.example/realms/sla', OIDC_AUDIENCE: 'urn:sla:api' };

  it('derive the callback from a loopback HOST and PORT, and read the extra request parameters', () => {
    expect(
      loadConfiguration({
        ...oidc,
        PORT: '3100',
        OIDC_CONSOLE_CLIENT_ID: 'sla-console',
        OIDC_CONSOLE_REQUEST_PARAMETERS: 'resource=urn:sla:api&prompt=login',
      }),
    ).toMatchObject({
      OIDC_CONSOLE_REDIRECT_URL: 'http://127.0.0.1:3100/session/oidc/callback',
      OIDC_CONSOLE_SCOPES: 'openid',
      OIDC_CONSOLE_REQUEST_PARAMETERS: { resource: 'urn:sla:api', prompt: 'login' },
      OIDC_CONSOLE_PROVIDER_NAME: 'single sign-on',
    });
    expect(
      loadConfiguration({ ...oidc, HOST: '::1', OIDC_CONSOLE_CLIENT_ID: 'sla-console' }).OIDC_CONSOLE_REDIRECT_URL,
    ).toBe('http://[::1]:3000/session/oidc/callback');
  });

  it('need the issuer, and a stated https callback where others reach the API', () => {
    expect(() => loadConfiguration({ OIDC_CONSOLE_CLIENT_ID: 'sla-console' })).toThrow(
      /OIDC_ISSUER="": required with OIDC_CONSOLE_CLIENT_ID/,
    );
    expect(() => loadConfiguration({ ...oidc, HOST: '0.0.0.0', OIDC_CONSOLE_CLIENT_ID: 'sla-console' })).toThrow(
      /OIDC_CONSOLE_REDIRECT_URL="": required with OIDC_CONSOLE_CLIENT_ID when HOST is not a loopback address/,
    );
    expect(() =>
      loadConfiguration({
        ...oidc,
        HOST: '0.0.0.0',
        OIDC_CONSOLE_CLIENT_ID: 'sla-console',
        OIDC_CONSOLE_REDIRECT_URL: 'http://sla.example.com/session/oidc/callback',
      }),
    ).toThrow(/OIDC_CONSOLE_REDIRECT_URL="http:\/\/sla.example.com\/session\/oidc\/callback": must be https:\/\//);
    expect(
      loadConfiguration({
        ...oidc,
        HOST: '0.0.0.0',
        OIDC_CONSOLE_CLIENT_ID: 'sla-console',
        OIDC_CONSOLE_REDIRECT_URL: 'https://sla.example.com/session/oidc/callback',
      }).OIDC_CONSOLE_REDIRECT_URL,
    ).toBe('https://sla.example.com/session/oidc/callback');
  });
});
