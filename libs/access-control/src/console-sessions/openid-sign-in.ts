import { Logger } from '@nestjs/common';
import * as openid from 'openid-client';
import { z } from 'zod';

/** How the console signs people in at the OpenID provider (the OIDC_CONSOLE_* settings). */
export type OpenIdSignInSettings = {
  readonly issuer: string;
  readonly clientId: string;
  /** Unset: a public client, kept honest by PKCE alone. */
  readonly clientSecret?: string;
  readonly redirectUrl: string;
  readonly scopes: string;
  /** Sent with the authorization and the token request (`resource=…`, `audience=…`). */
  readonly requestParameters: Readonly<Record<string, string>>;
  /** Shown on the console's button. */
  readonly providerName: string;
};

/** The name of the cookie that carries a sign-in attempt from the start to the provider's answer. */
export const SIGN_IN_ATTEMPT_COOKIE = 'sla_sign_in';
/** An attempt left longer than this at the provider is over. */
export const SIGN_IN_ATTEMPT_SECONDS = 600;

/** What the browser carries to the provider and back: the checks the provider's answer must meet. */
const attemptSchema = z.strictObject({
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  verifier: z.string().min(43).max(128),
  returnTo: z.string(),
});
type SignInAttempt = z.infer<typeof attemptSchema>;

/**
 * Why a sign-in did not complete, as the console is told it: a code, never the provider's text, so a crafted link
 * cannot put words of its own on the sign-in page. The reason in full goes to the API's log.
 */
export type SignInFailure =
  'sign_in_not_started' | 'provider_unavailable' | 'provider_refused' | 'access_denied' | 'token_refused';

export class SignInFailed extends Error {
  constructor(
    readonly code: SignInFailure,
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * The return path after sign-in: a path of this site only (`/agreement/x?period=…`), never `//host` or a URL, so the
 * sign-in cannot be used to send someone elsewhere.
 */
export function safeReturnPath(requested: string | undefined): string {
  if (!requested || !requested.startsWith('/') || requested.startsWith('//') || requested.includes('\\')) return '/';
  const url = new URL(requested, 'http://console.invalid');
  return url.origin === 'http://console.invalid' ? `${url.pathname}${url.search}` : '/';
}

/**
 * Sign-in with the authorization code flow and PKCE (RFC 7636), run by the API as the console's back end: the
 * browser meets the provider's login page and comes back with a code that only the API, holding the code verifier,
 * can exchange. The access token it gets is checked by the same verifier as every bearer token, then kept only
 * sealed in the console session: the page never sees it. State, nonce and verifier travel in an HttpOnly cookie
 * (SameSite=Lax: the provider's redirect back is a cross-site navigation), so any API process can finish an attempt
 * another one started. `openid-client` does the protocol: discovery, the authorization URL, and the token request
 * with the state, issuer (RFC 9207), nonce and ID token checks.
 */
export class OpenIdSignIn {
  private readonly logger = new Logger('OpenIdSignIn');
  private configuration?: Promise<openid.Configuration>;

  constructor(private readonly settings: OpenIdSignInSettings) {}

  get providerName(): string {
    return this.settings.providerName;
  }

  /** Where to send the browser, and the attempt its cookie carries until the provider answers. */
  async begin(returnTo: string | undefined): Promise<{ authorizationUrl: string; attempt: string }> {
    const configuration = await this.discovered();
    const attempt: SignInAttempt = {
      state: openid.randomState(),
      nonce: openid.randomNonce(),
      verifier: openid.randomPKCECodeVerifier(),
      returnTo: safeReturnPath(returnTo),
    };
    const url = openid.buildAuthorizationUrl(configuration, {
      ...this.settings.requestParameters,
      redirect_uri: this.settings.redirectUrl,
      scope: scopesOf(this.settings.scopes),
      response_type: 'code',
      code_challenge: await openid.calculatePKCECodeChallenge(attempt.verifier),
      code_challenge_method: 'S256',
      state: attempt.state,
      nonce: attempt.nonce,
    });
    return { authorizationUrl: url.href, attempt: Buffer.from(JSON.stringify(attempt)).toString('base64url') };
  }

  /**
   * The provider's answer at the callback (its full query string) with the attempt's cookie: the access token, and
   * where the person was going. Throws `SignInFailed`.
   */
  async complete(
    callbackQuery: string,
    attemptCookie: string | undefined,
  ): Promise<{ accessToken: string; returnTo: string }> {
    const attempt = attemptOf(attemptCookie);
    const answer = new URLSearchParams(callbackQuery);
    const providerError = answer.get('error');
    if (providerError) {
      const described = answer.get('error_description');
      throw new SignInFailed(
        providerError === 'access_denied' ? 'access_denied' : 'provider_refused',
        `the provider answered ${providerError}${described ? `: ${described}` : ''}`,
      );
    }
    const configuration = await this.discovered();
    const callbackUrl = new URL(this.settings.redirectUrl);
    callbackUrl.search = answer.toString();
    let tokens: Awaited<ReturnType<typeof openid.authorizationCodeGrant>>;
    try {
      tokens = await openid.authorizationCodeGrant(
        configuration,
        callbackUrl,
        {
          pkceCodeVerifier: attempt.verifier,
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        },
        this.settings.requestParameters,
      );
    } catch (error) {
      throw new SignInFailed('provider_refused', `the code exchange failed: ${describe(error)}`);
    }
    return { accessToken: tokens.access_token, returnTo: attempt.returnTo };
  }

  /** The provider's metadata, read once; a provider that was down is asked again at the next sign-in. */
  private discovered(): Promise<openid.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.settings.issuer);
      this.configuration = openid
        .discovery(
          issuer,
          this.settings.clientId,
          undefined,
          this.settings.clientSecret ? openid.ClientSecretBasic(this.settings.clientSecret) : openid.None(),
          // Plain http is accepted by the configuration for a provider on this machine only.
          { execute: issuer.protocol === 'http:' ? [openid.allowInsecureRequests] : [], timeout: 5 },
        )
        .catch((error: unknown) => {
          this.configuration = undefined;
          throw new SignInFailed('provider_unavailable', `discovery at ${issuer.href} failed: ${describe(error)}`);
        });
    }
    return this.configuration;
  }

  /** Logs why an attempt failed (the console shows only the code). */
  logFailure(failure: SignInFailed): void {
    this.logger.warn(`console sign-in failed (${failure.code}): ${failure.message}`);
  }
}

/** Where an attempt was to return to, even when it failed ('/' for a cookie this API did not write). */
export function returnPathOfAttempt(cookie: string | undefined): string {
  try {
    return safeReturnPath(attemptOf(cookie).returnTo);
  } catch {
    return '/';
  }
}

function attemptOf(cookie: string | undefined): SignInAttempt {
  if (!cookie) {
    throw new SignInFailed(
      'sign_in_not_started',
      `no sign-in attempt cookie: not started from this console, or older than ${SIGN_IN_ATTEMPT_SECONDS} s`,
    );
  }
  try {
    return attemptSchema.parse(JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')));
  } catch {
    throw new SignInFailed('sign_in_not_started', 'the sign-in attempt cookie is not one this API wrote');
  }
}

const scopesOf = (scopes: string) => [...new Set(['openid', ...scopes.split(/\s+/).filter(Boolean)])].join(' ');

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${'code' in error && error.code ? ` [${String(error.code)}]` : ''}${cause}`;
}

export const OPENID_SIGN_IN = Symbol('OPENID_SIGN_IN');
