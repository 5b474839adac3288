import { ConfigurationError, loadConfiguration } from './configuration';

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

  it('treats an empty variable as unset', () => {
    expect(loadConfiguration({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
