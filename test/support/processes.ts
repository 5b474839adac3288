import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repositoryRoot } from './built-app';
import { freePort } from './private-postgres';

export type RunningProcess = {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts a Node entry point with a clean environment plus `environment`. */
export function startNodeProcess(entry: string, args: string[], environment: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, [entry, ...args], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** A scratch folder and the environment of a product run in it, as `npm start` would run on its own ports. */
export type ProductFolder = { readonly folder: string; readonly environment: Record<string, string> };

export async function productFolder(prefix: string): Promise<ProductFolder> {
  const folder = mkdtempSync(path.join(tmpdir(), `sla-${prefix}-`));
  // PostgreSQL runs as an unprivileged account when we are root: it must reach the folder.
  chmodSync(folder, 0o755);
  const environment = {
    DATA_DIR: path.join(folder, 'data'),
    PORT: String(await freePort()),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    PROJECTION_IDLE_MS: '20',
  };
  return { folder, environment };
}

/** Kills the embedded PostgreSQL a test left behind (its pid file says which) and removes the folder. */
export function removeProductFolder({ folder, environment }: ProductFolder): void {
  const pidFile = path.join(environment.DATA_DIR, 'postgres', 'postmaster.pid');
  if (existsSync(pidFile)) {
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(folder, { recursive: true, force: true });
}
