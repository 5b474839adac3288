import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@sla/postgres-server';

export type ThrowawayPostgres = { readonly url: string; readonly directory: string; readonly postmasterPid: number };

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

/**
 * Runs `main` against a PostgreSQL of the embedded binaries, started with the
 * settings the application uses (durable commits) in a temporary folder
 * (BENCH_DIR, else the system's) that is removed afterwards, also on error
 * and on Ctrl-C.
 */
export async function withThrowawayPostgres(main: (postgres: ThrowawayPostgres) => Promise<void>): Promise<void> {
  const directory = mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'sla-bench-postgres-'));
  // PostgreSQL runs as an unprivileged account when we are root: it must reach the folder.
  chmodSync(directory, 0o755);
  let server: EmbeddedPostgres | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await server?.stop().catch(() => undefined);
      rmSync(directory, { recursive: true, force: true });
    })());
  const interrupted = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: stopping PostgreSQL and removing ${directory}\n`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    server = await startEmbeddedPostgres({ dataDirectory: path.join(directory, 'data'), port: await freePort() });
    const postmasterPid = Number(readFileSync(path.join(directory, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    await main({ url: server.connectionString('postgres'), directory, postmasterPid });
  } finally {
    await cleanUp();
  }
}
