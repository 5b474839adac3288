import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { parse as parseCookie } from 'cookie';
import type { Kysely } from 'kysely';
import type { Clock } from '@sla/nest-platform';
import { rulesMetBy, type AccessRule, type Principal } from '../access-policy';

export type ConsoleSessionTables = {
  console_session: {
    session_sha256: string;
    sealed_credential: Buffer;
    actor: string;
    role: string;
    customer: string | null;
    started_at: Date;
    expires_at: Date;
  };
};

/** The name of the session cookie: HttpOnly, SameSite=Strict, never readable by the page's scripts. */
export const SESSION_COOKIE = 'sla_session';
/** The header a console write carries its CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

/** What the console learns about its session: who it is, until when, and the token its writes must carry. */
export type ConsoleSession = {
  readonly actor: string;
  readonly role: Principal['role'];
  readonly customer: string | null;
  readonly startedAt: string;
  readonly expiresAt: string;
  readonly csrfToken: string;
  readonly may: readonly AccessRule[];
};

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Console sessions: a person signs in with an API key or an access token once, and the browser then holds only a
 * random session token in an HttpOnly cookie. The database keeps the token's SHA-256 and the credential sealed
 * (AES-256-GCM) under a key derived from the token itself: a copy of the database alone opens no session and reveals
 * no credential, and no server secret has to be shared between API processes. Every request through a session
 * unseals the credential and has the verifiers check it again, so a revoked key or an expired token ends its
 * sessions at once, in every process. The CSRF token is derived from the session token, so it is never stored.
 */
export class ConsoleSessions {
  constructor(
    private readonly db: Kysely<ConsoleSessionTables>,
    private readonly clock: Clock,
    private readonly lifetimeMilliseconds: number,
  ) {}

  /** Starts a session for a credential the verifiers accepted; returns the cookie's token and the session. */
  async start(credential: string, principal: Principal): Promise<{ token: string; session: ConsoleSession }> {
    const now = this.clock.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.lifetimeMilliseconds);
    // Sessions that ran out are dropped as new ones start: the table holds live sessions only.
    await this.db.deleteFrom('console_session').where('expires_at', '<=', now).execute();
    await this.db
      .insertInto('console_session')
      .values({
        session_sha256: digest(token),
        sealed_credential: seal(token, credential),
        actor: principal.actor,
        role: principal.role,
        customer: principal.customer,
        started_at: now,
        expires_at: expiresAt,
      })
      .execute();
    return { token, session: this.describe(token, principal, now, expiresAt) };
  }

  /** The credential and session of a cookie's token; null for an unknown, ended or expired session. */
  async resolve(token: string): Promise<{ credential: string; startedAt: Date; expiresAt: Date } | null> {
    if (!TOKEN.test(token)) return null;
    const row = await this.db
      .selectFrom('console_session')
      .select(['sealed_credential', 'started_at', 'expires_at'])
      .where('session_sha256', '=', digest(token))
      .executeTakeFirst();
    if (!row || row.expires_at <= this.clock.now()) return null;
    return { credential: unseal(token, row.sealed_credential), startedAt: row.started_at, expiresAt: row.expires_at };
  }

  /** Ends a session (signing out); ending an unknown one is no error. */
  async end(token: string): Promise<void> {
    if (!TOKEN.test(token)) return;
    await this.db.deleteFrom('console_session').where('session_sha256', '=', digest(token)).execute();
  }

  describe(token: string, principal: Principal, startedAt: Date, expiresAt: Date): ConsoleSession {
    return {
      actor: principal.actor,
      role: principal.role,
      customer: principal.customer,
      startedAt: startedAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      csrfToken: csrfTokenOf(token),
      may: rulesMetBy(principal.role),
    };
  }
}

/** Whether a write's CSRF header matches its session (compared in constant time). */
export function csrfTokenMatches(token: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenOf(token));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const csrfTokenOf = (token: string) => createHmac('sha256', token).update('sla console csrf').digest('base64url');
const sealingKey = (token: string) =>
  Buffer.from(hkdfSync('sha256', Buffer.from(token, 'utf8'), Buffer.alloc(0), 'sla console session credential', 32));

function seal(token: string, credential: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(token), iv);
  const sealed = Buffer.concat([cipher.update(credential, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

function unseal(token: string, sealed: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(token), sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
}

/** The session token a request's cookie carries, if any. */
export function sessionTokenOf(headers: Readonly<Record<string, string | string[] | undefined>>): string | undefined {
  const cookies = headers.cookie;
  if (typeof cookies !== 'string') return undefined;
  return parseCookie(cookies)[SESSION_COOKIE];
}

/** How the session cookie is set: whether it is sent over HTTPS only. */
export type ConsoleSessionSettings = { readonly secureCookie: boolean };
export const CONSOLE_SESSION_SETTINGS = Symbol('CONSOLE_SESSION_SETTINGS');
export const CONSOLE_SESSIONS = Symbol('CONSOLE_SESSIONS');
