import {
  ConflictException,
  Controller,
  ForbiddenException,
  Inject,
  Optional,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { parse as parseCookie } from 'cookie';
import type { z } from 'zod';
import { Endpoint, ValidBody, ValidQuery } from '@sla/nest-platform';
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
import {
  completeOpenIdSignInRoute,
  endConsoleSessionRoute,
  getConsoleSessionRoute,
  startConsoleSessionRoute,
  startOpenIdSignInRoute,
} from './console-session.routes';
import {
  OPENID_SIGN_IN,
  returnPathOfAttempt,
  safeReturnPath,
  SIGN_IN_ATTEMPT_COOKIE,
  SIGN_IN_ATTEMPT_SECONDS,
  SignInFailed,
  type OpenIdSignIn,
} from './openid-sign-in';

type Request = { headers: Record<string, string | string[] | undefined>; originalUrl: string };
type CookieOptions = {
  httpOnly: true;
  sameSite: 'strict' | 'lax';
  secure: boolean;
  path: string;
  expires?: Date;
  maxAge?: number;
};
type Response = {
  cookie(name: string, value: string, options: CookieOptions): void;
  clearCookie(name: string, options: CookieOptions): void;
  redirect(status: number, url: string): void;
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
    @Optional() @Inject(OPENID_SIGN_IN) private readonly openIdSignIn: OpenIdSignIn | null = null,
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
    if (!this.verifiers) return { accessControl: 'off' as const, session: null, openIdSignIn: null };
    const openIdSignIn = this.openIdSignIn ? { provider: this.openIdSignIn.providerName } : null;
    const signedOut = { accessControl: 'on' as const, session: null, openIdSignIn };
    const token = sessionTokenOf(request.headers);
    const found = token ? await this.sessions.resolve(token) : null;
    if (!token || !found) return signedOut;
    let principal: Principal;
    try {
      principal = await verifyCredential(this.verifiers, found.credential);
    } catch (refusal) {
      // The key was revoked or the token expired since sign-in: the session is over.
      if (!(refusal instanceof UnauthorizedException)) throw refusal;
      await this.sessions.end(token);
      return signedOut;
    }
    return {
      ...signedOut,
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

  @Endpoint(startOpenIdSignInRoute)
  async startOpenIdSignIn(
    @ValidQuery(startOpenIdSignInRoute) query: z.infer<typeof startOpenIdSignInRoute.query>,
    @Res() response: Response,
  ): Promise<void> {
    const signIn = this.requireOpenIdSignIn();
    let begun: Awaited<ReturnType<OpenIdSignIn['begin']>>;
    try {
      begun = await signIn.begin(query.returnTo);
    } catch (failure) {
      if (!(failure instanceof SignInFailed)) throw failure;
      signIn.logFailure(failure);
      return response.redirect(302, failedSignIn(safeReturnPath(query.returnTo), failure));
    }
    response.cookie(SIGN_IN_ATTEMPT_COOKIE, begun.attempt, this.attemptCookieOptions(SIGN_IN_ATTEMPT_SECONDS * 1_000));
    response.redirect(302, begun.authorizationUrl);
  }

  @Endpoint(completeOpenIdSignInRoute)
  async completeOpenIdSignIn(
    @ValidQuery(completeOpenIdSignInRoute) _answer: z.infer<typeof completeOpenIdSignInRoute.query>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const signIn = this.requireOpenIdSignIn();
    const attempt = parseCookie(typeof request.headers.cookie === 'string' ? request.headers.cookie : '')[
      SIGN_IN_ATTEMPT_COOKIE
    ];
    // One attempt, one answer: the cookie goes whatever the outcome, so a replayed callback finds nothing.
    response.clearCookie(SIGN_IN_ATTEMPT_COOKIE, this.attemptCookieOptions());
    const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
    const returnTo = returnPathOfAttempt(attempt);
    try {
      const completed = await signIn.complete(query, attempt);
      let principal: Principal;
      try {
        principal = await verifyCredential(this.verifiers!, completed.accessToken);
      } catch (refusal) {
        const reason = refusal instanceof Error ? refusal.message : String(refusal);
        throw new SignInFailed('token_refused', `the provider's access token is refused: ${reason}`);
      }
      const { token, session } = await this.sessions.start(completed.accessToken, principal);
      response.cookie(SESSION_COOKIE, token, { ...this.cookieOptions(), expires: new Date(session.expiresAt) });
      response.redirect(302, completed.returnTo);
    } catch (failure) {
      if (!(failure instanceof SignInFailed)) throw failure;
      signIn.logFailure(failure);
      response.redirect(302, failedSignIn(returnTo, failure));
    }
  }

  private requireOpenIdSignIn(): OpenIdSignIn {
    if (!this.verifiers || !this.openIdSignIn) {
      throw new ConflictException('no OpenID sign-in is configured for the console (OIDC_CONSOLE_CLIENT_ID)');
    }
    return this.openIdSignIn;
  }

  /** Lax, not Strict: the provider sends the browser back with a cross-site navigation, which Strict would strip. */
  private attemptCookieOptions(maxAge?: number): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.settings.secureCookie,
      path: '/session/oidc',
      ...(maxAge ? { maxAge } : {}),
    };
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', secure: this.settings.secureCookie, path: '/' };
  }
}

/** The console path with the failure's code, which the sign-in page shows in words of its own. */
function failedSignIn(returnTo: string, failure: SignInFailed): string {
  const url = new URL(returnTo, 'http://console.invalid');
  url.searchParams.set('signInError', failure.code);
  return `${url.pathname}${url.search}`;
}
