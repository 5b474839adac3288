import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtEntryPoint, freePort, startNodeProcess } from '@sla/test-support';

/** Files named by settings are read before anything starts, and every broken one is named. */
describe('starting with broken configuration files', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'sla-config-files-'));
    chmodSync(folder, 0o755);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses to start, naming each variable and its problem, before PostgreSQL is started', async () => {
    const file = (name: string, content: string) => {
      writeFileSync(path.join(folder, name), content);
      return path.join(folder, name);
    };
    const dataDirectory = path.join(folder, 'data');
    const refused = startNodeProcess(builtEntryPoint('api'), [], {
      DATA_DIR: dataDirectory,
      PORT: String(await freePort()),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      ALERTMANAGER_MAPPING_FILE: path.join(folder, 'no-such-mapping.json'),
      JSON_WEBHOOK_SOURCES_FILE: file('sources.json', '{ "jira": '),
      AUTH_API_KEYS_FILE: file('keys.json', JSON.stringify([{ actor: 'ana', role: 'emperor' }])),
      AUDIT_SIGNING_KEY_FILE: file('signing-key.pem', 'not a key'),
    });
    const exit = await refused.exited;
    const output = refused.output();
    expect(exit.code).toBe(1);
    expect(output).toMatch(/ALERTMANAGER_MAPPING_FILE=".*no-such-mapping\.json": no such file/);
    expect(output).toMatch(/JSON_WEBHOOK_SOURCES_FILE=".*sources\.json": not valid JSON/);
    expect(output).toMatch(/AUTH_API_KEYS_FILE=".*keys\.json": 0\.keySha256: .*; 0\.role: /);
    expect(output).toMatch(/AUDIT_SIGNING_KEY_FILE=".*signing-key\.pem": not a PEM private key/);
    expect(output).toMatch(/Nothing was started/);
    expect(output).not.toMatch(/starting embedded PostgreSQL/);
    expect(existsSync(dataDirectory)).toBe(false);
  }, 30_000);

  it('refuses a broken signing key in a CLI command too, before PostgreSQL is started', async () => {
    const keyFile = path.join(folder, 'cli-signing-key.pem');
    writeFileSync(keyFile, '-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n');
    const dataDirectory = path.join(folder, 'cli-data');
    const refused = startNodeProcess(builtEntryPoint('cli'), ['projections', 'status'], {
      DATA_DIR: dataDirectory,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      AUDIT_SIGNING_KEY_FILE: keyFile,
    });
    expect((await refused.exited).code).toBe(1);
    expect(refused.output()).toMatch(
      /AUDIT_SIGNING_KEY_FILE=".*cli-signing-key\.pem": cannot use it as the signing key/,
    );
    expect(refused.output()).not.toMatch(/starting embedded PostgreSQL/);
    expect(existsSync(path.join(dataDirectory, 'postgres'))).toBe(false);
  }, 30_000);
});
