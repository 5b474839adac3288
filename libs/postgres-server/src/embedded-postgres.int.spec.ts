import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '@sla/test-support';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

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
    await expect(start(path.join(folder, 'two'), port)).rejects.toThrow(
      `port ${port} is already served by the PostgreSQL cluster in ${path.join(folder, 'one')}`,
    );
    expect(existsSync(path.join(folder, 'two', 'postmaster.pid'))).toBe(false);
  }, 60_000);
});

async function dataDirectoryServedAt(connectionString: string): Promise<string> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<{ data_directory: string }>('show data_directory')).rows[0].data_directory;
  } finally {
    await client.end();
  }
}
