import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__testPostgres;
  if (!started) return;
  await started.server.stop();
  rmSync(started.directory, { recursive: true, force: true });
}
