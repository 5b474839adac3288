import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@sla/postgres-server';

declare global {
  var __testPostgres: { server: EmbeddedPostgres; directory: string } | undefined;
}

/**
 * One PostgreSQL for the whole test run: started here, once, from the npm
 * package's binaries (or taken from TEST_DATABASE_URL). Each test file then
 * creates its own database in it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const directory = mkdtempSync(path.join(tmpdir(), 'sla-test-postgres-'));
  // PostgreSQL runs as an unprivileged account when we are root: it must reach the folder.
  chmodSync(directory, 0o755);
  const port = await freePort();
  const server = await startEmbeddedPostgres({
    dataDirectory: path.join(directory, 'data'),
    port,
    // A throw-away cluster: durability settings only slow the tests down.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  });
  globalThis.__testPostgres = { server, directory };
  process.env.TEST_DATABASE_URL = server.connectionString('postgres');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
