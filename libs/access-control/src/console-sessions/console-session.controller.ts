import {
  ConflictException,
  Controller,
  ForbiddenException,
  Inject,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { z } from 'zod';
import { Endpoint, ValidBody } from '@sla/nest-platform';
import type { Principal } from '../access-policy';
import { CREDENTIAL_VERIFIERS, verifyCredential, type CredentialVerifiers } from '../credentials';
import {
  CONSOLE_SESSION_SETTINGS,
  CONSOLE_SESSIONS,
  CSRF_HEADER,
  csrfTokenMatches,
  SESSION_COOKIE,
  sessionTokenOf,
  type ConsoleSession,
  type ConsoleSessions,
  type ConsoleSessionSettings,
} from './console-sessions';
import { endConsoleSessionRoute, getConsoleSessionRoute, startConsoleSessionRoute } from './console-session.routes';

type Request = { headers: Record<string, string | string[] | undefined> };
type CookieOptions = { httpOnly: true; sameSite: 'strict'; secure: boolean; path: '/'; expires?: Date };
type Response = {
  cookie(name: string, value: string, options: CookieOptions): void;
  clearCookie(name: string, options: CookieOptions): void;
};

/**
 * Sign-in, the current session and sign-out of the web console. Needs CREDENTIAL_VERIFIERS, CONSOLE_SESSIONS and
 * CONSOLE_SESSION_SETTINGS beside it in the composition root.
 */
@Controller()
export class ConsoleSessionController {
  constructor(
    @Inject(CREDENTIAL_VERIFIERS) private readonly verifiers: CredentialVerifiers,
    @Inject(CONSOLE_SESSIONS) private readonly sessions: ConsoleSessions,
    @Inject(CONSOLE_SESSION_SETTINGS) private readonly settings: ConsoleSessionSettings,
  ) {}

  @Endpoint(startConsoleSessionRoute)
  async start(
    @ValidBody(startConsoleSessionRoute) body: z.infer<typeof startConsoleSessionRoute.body>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConsoleSession> {
    if (!this.verifiers) throw new ConflictException('access control is off: the console needs no sign-in');
    const principal = await verifyCredential(this.verifiers, body.credential);
    const { token, session } = await this.sessions.start(body.credential, principal);
    response.cookie(SESSION_COOKIE, token, { ...this.cookieOptions(), expires: new Date(session.expiresAt) });
    return session;
  }

  @Endpoint(getConsoleSessionRoute)
  async current(@Req() request: Request) {
    if (!this.verifiers) return { accessControl: 'off' as const, session: null };
    const token = sessionTokenOf(request.headers);
    const found = token ? await this.sessions.resolve(token) : null;
    if (!token || !found) return { accessControl: 'on' as const, session: null };
    let principal: Principal;
    try {
      principal = await verifyCredential(this.verifiers, found.credential);
    } catch (refusal) {
      // The key was revoked or the token expired since sign-in: the session is over.
      if (!(refusal instanceof UnauthorizedException)) throw refusal;
      await this.sessions.end(token);
      return { accessControl: 'on' as const, session: null };
    }
    return {
      accessControl: 'on' as const,
      session: this.sessions.describe(token, principal, found.startedAt, found.expiresAt),
    };
  }

  @Endpoint(endConsoleSessionRoute)
  async end(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = sessionTokenOf(request.headers);
    if (token) {
      const presented = request.headers[CSRF_HEADER];
      if (!csrfTokenMatches(token, typeof presented === 'string' ? presented : undefined))
        throw new ForbiddenException("signing out is a write: send the session's CSRF token in X-CSRF-Token");
      await this.sessions.end(token);
    }
    response.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', secure: this.settings.secureCookie, path: '/' };
  }
}
