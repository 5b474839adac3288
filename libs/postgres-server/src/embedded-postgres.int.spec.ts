import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '@sla/test-support';
import { EMBEDDED_APPLICATION_ROLE, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

/** Each test starts clusters of its own: these are about starting and stopping the server itself. */
describe('the embedded PostgreSQL server', () => {
  let folder: string;
  const servers: EmbeddedPostgres[] = [];
  const start = async (dataDirectory: string, port: number) => {
    const server = await startEmbeddedPostgres({ dataDirectory, port, settings: { fsync: 'off' } });
    servers.push(server);
    return server;
  };

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'sla-embedded-'));
    // PostgreSQL runs as an unprivileged account when we are root: it must reach the folder.
    chmodSync(folder, 0o755);
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('starts in a data folder whose path is far longer than a Unix socket path may be', async () => {
    let deep = folder;
    while (deep.length < 150) deep = path.join(deep, 'a-rather-deeply-nested-checkout');
    mkdirSync(deep, { recursive: true, mode: 0o755 });
    chmodSync(path.dirname(deep), 0o755);
    for (let parent = deep; parent !== folder; parent = path.dirname(parent)) chmodSync(parent, 0o755);
    const dataDirectory = path.join(deep, 'postgres');
    expect(dataDirectory.length).toBeGreaterThan(150);

    const server = await start(dataDirectory, await freePort());
    expect(await dataDirectoryServedAt(server.connectionString())).toBe(dataDirectory);
  }, 60_000);

  it('lets a second user join the running server, and stops it when the last user leaves', async () => {
    const dataDirectory = path.join(folder, 'postgres');
    const port = await freePort();
    const first = await start(dataDirectory, port);
    const client = new Client({ connectionString: first.connectionString() });
    client.on('error', () => undefined);
    await client.connect();
    const backend = async () => (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
    const backendBefore = await backend();

    // A second process (a CLI command beside the API) must not stop the server in use.
    const second = await start(dataDirectory, port);
    expect(second.connectionString()).toBe(first.connectionString());
    expect(await backend()).toBe(backendBefore);
    // The one that started the server leaves first: the server must stay up for the other.
    await first.stop();
    expect(await backend()).toBe(backendBefore);
    await client.end();

    await second.stop();
    expect(existsSync(path.join(dataDirectory, 'postmaster.pid'))).toBe(false);
  }, 60_000);

  it('refuses a port already served by the cluster of another data folder', async () => {
    const port = await freePort();
    await start(path.join(folder, 'one'), port);
    // Each cluster has passwords of its own: the other one refuses ours, which tells us it is not ours.
    await expect(start(path.join(folder, 'two'), port)).rejects.toThrow(
      `port ${port} is already served by the PostgreSQL cluster in ${path.join(folder, 'one')}`,
    );
    expect(existsSync(path.join(folder, 'two', 'postmaster.pid'))).toBe(false);
  }, 60_000);

  it('refuses a local connection without the password, and keeps the generated passwords mode 600', async () => {
    const dataDirectory = path.join(folder, 'postgres');
    const port = await freePort();
    const server = await start(dataDirectory, port);
    const credentialsFile = `${dataDirectory}.credentials.json`;
    expect(statSync(credentialsFile).mode & 0o777).toBe(0o600);

    for (const role of ['postgres', EMBEDDED_APPLICATION_ROLE]) {
      await expect(connectWithoutPassword(role, port)).rejects.toThrow('SCRAM');
      await expect(
        dataDirectoryServedAt(`postgres://${role}:not-the-password@127.0.0.1:${port}/postgres`),
      ).rejects.toMatchObject({ code: '28P01' });
    }
    expect(await dataDirectoryServedAt(server.connectionString())).toBe(dataDirectory);
    expect(await isSuperuser(server.connectionString())).toBe(true);
    expect(await isSuperuser(server.applicationConnectionString())).toBe(false);
  }, 60_000);

  it('requires passwords on a cluster an earlier release created without them', async () => {
    const dataDirectory = path.join(folder, 'postgres');
    const port = await freePort();
    const first = await start(dataDirectory, port);
    await first.stop();
    // As an earlier release left it: every local account trusted, no passwords kept.
    writeFileSync(path.join(dataDirectory, 'pg_hba.conf'), 'host all all 127.0.0.1/32 trust\n');
    rmSync(`${dataDirectory}.credentials.json`);

    const upgraded = await start(dataDirectory, port);
    expect(await dataDirectoryServedAt(upgraded.connectionString())).toBe(dataDirectory);
    await expect(connectWithoutPassword('postgres', port)).rejects.toThrow('SCRAM');
  }, 60_000);

  it('refuses to start when the passwords file is readable by others', async () => {
    const dataDirectory = path.join(folder, 'postgres');
    const port = await freePort();
    await (await start(dataDirectory, port)).stop();
    chmodSync(`${dataDirectory}.credentials.json`, 0o644);
    await expect(start(dataDirectory, port)).rejects.toThrow('is readable by others (mode 644): chmod 600 it');
  }, 60_000);
});

/** Without a password: the server must ask for a SCRAM one (a trusting server would let us in). */
async function connectWithoutPassword(user: string, port: number): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user, database: 'postgres' });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function isSuperuser(connectionString: string): Promise<boolean> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user'))
      .rows[0].rolsuper;
  } finally {
    await client.end();
  }
}

async function dataDirectoryServedAt(connectionString: string): Promise<string> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<{ data_directory: string }>('show data_directory')).rows[0].data_directory;
  } finally {
    await client.end();
  }
}
