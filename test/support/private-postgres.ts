import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@sla/postgres-server';

export type PrivatePostgres = {
  readonly url: string;
  readonly stop: () => Promise<void>;
};

/**
 * A PostgreSQL cluster of a test's own. Needed where a test holds a long
 * transaction on purpose: the transaction-id watermark is cluster-wide, so
 * on the shared cluster it would hold back every other test's readers.
 */
export async function startPrivatePostgres(options: { durable?: boolean } = {}): Promise<PrivatePostgres> {
  const directory = mkdtempSync(path.join(tmpdir(), 'sla-private-postgres-'));
  // PostgreSQL runs as an unprivileged account when we are root: it must reach the folder.
  chmodSync(directory, 0o755);
  const server = await startEmbeddedPostgres({
    dataDirectory: path.join(directory, 'data'),
    port: await freePort(),
    // Throw-away clusters skip durability; benchmarks ask for production settings.
    settings: options.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  });
  return {
    url: server.connectionString('postgres'),
    stop: async () => {
      await server.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
