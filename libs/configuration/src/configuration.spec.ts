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
});
