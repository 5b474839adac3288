import { ForbiddenException, HttpException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { ROLES, type Role } from '@sla/nest-platform';
import type { Principal } from './access-policy';
import type { CredentialVerifier } from './credentials';

/** How the API accepts OpenID Connect bearer tokens (the OIDC_* settings). */
export type OidcSettings = {
  readonly issuer: string;
  readonly audience: string;
  /** The provider's JWKS; undefined = the `jwks_uri` of the issuer's discovery document. */
  readonly jwksUrl?: string;
  readonly algorithms: readonly string[];
  readonly clockSkewSeconds: number;
  readonly roleClaim: string;
  /** Provider role or group to product role; undefined = claim values are product role names. */
  readonly roleMap?: ReadonlyMap<string, string>;
  readonly customerClaim: string;
  readonly actorClaim: string;
  readonly jwksRefreshCooldownSeconds: number;
};

/** A compact JWS: three base64url parts. Anything else is not a token and is left to the other verifiers. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Bearer JWTs from one OpenID Connect provider, checked with `jose` against the provider's published keys:
 * signature (allowed algorithms only), issuer, audience, expiry, not-before and issued-at within the clock
 * skew. The key set is fetched once and kept; a token naming a key id the set lacks (the provider rotated
 * its keys) fetches it again, at most once per cooldown. Role, customer and actor come from configured claims.
 */
export function oidcTokenVerifier(settings: OidcSettings, now: () => Date): CredentialVerifier {
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const keySet = () => {
    keys ??= jwksUrlOf(settings).then((url) =>
      createRemoteJWKSet(url, {
        cooldownDuration: settings.jwksRefreshCooldownSeconds * 1_000,
        timeoutDuration: 5_000,
      }),
    );
    // A provider that was down at the first request is asked again at the next one.
    keys.catch(() => (keys = undefined));
    return keys;
  };

  return {
    async principalFor(credential) {
      if (!COMPACT_JWS.test(credential)) return null;
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(credential, await keySet(), {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: [...settings.algorithms],
          clockTolerance: settings.clockSkewSeconds,
          requiredClaims: ['exp', 'iat'],
          currentDate: now(),
        }));
      } catch (error) {
        throw refusal(error, settings);
      }
      const issuedAt = payload.iat!;
      if (issuedAt > now().getTime() / 1_000 + settings.clockSkewSeconds) {
        throw new UnauthorizedException(
          `the token is not valid yet: issued at ${isoSeconds(issuedAt)}, ` +
            `later than now plus the clock skew (${settings.clockSkewSeconds} s)`,
        );
      }
      return principalOf(payload, settings);
    },
  };
}

async function jwksUrlOf(settings: OidcSettings): Promise<URL> {
  if (settings.jwksUrl) return new URL(settings.jwksUrl);
  const discovery = `${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(discovery, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new ServiceUnavailableException(
      `the OpenID provider's discovery document ${discovery} could not be read (${(error as Error).message})`,
    );
  }
  // OpenID Connect Discovery 1.0 §4.3: the document's issuer is exactly the issuer it was asked of.
  if (document.issuer !== settings.issuer || typeof document.jwks_uri !== 'string') {
    throw new ServiceUnavailableException(
      `the discovery document ${discovery} names issuer ${JSON.stringify(document.issuer)} and jwks_uri ` +
        `${JSON.stringify(document.jwks_uri)}: expected issuer ${settings.issuer} (OIDC_ISSUER) and a jwks_uri`,
    );
  }
  return new URL(document.jwks_uri);
}

/** Why a token is refused, for the 401 the caller reads. */
function refusal(error: unknown, settings: OidcSettings): HttpException {
  if (error instanceof HttpException) return error;
  const because = (reason: string) => new UnauthorizedException(`the token is refused: ${reason}`);
  if (error instanceof errors.JWTExpired) {
    return because(
      `it expired at ${isoSeconds(error.payload.exp!)} (clock skew allowed: ${settings.clockSkewSeconds} s)`,
    );
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const { claim, payload } = error;
    if (claim === 'iss') return because(`its issuer ${JSON.stringify(payload.iss)} is not ${settings.issuer}`);
    if (claim === 'aud')
      return because(`its audience ${JSON.stringify(payload.aud)} does not include ${settings.audience}`);
    if (claim === 'nbf' && typeof payload.nbf === 'number') {
      return because(
        `it is not valid before ${isoSeconds(payload.nbf)} (clock skew allowed: ${settings.clockSkewSeconds} s)`,
      );
    }
    return because(`its "${claim}" claim is missing or invalid (${error.message})`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return because('its signature does not verify');
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return because(`it is signed with an algorithm not in OIDC_ALGORITHMS (${settings.algorithms.join(', ')})`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return because("no key of the provider's key set matches its key id, even after fetching the set again");
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return because(`it is not a valid JWT (${error.message})`);
  }
  if (error instanceof errors.JOSEError || error instanceof TypeError) {
    return new ServiceUnavailableException(`the OpenID provider's keys could not be used (${error.message})`);
  }
  throw error;
}

function principalOf(payload: JWTPayload, settings: OidcSettings): Principal {
  const actor = claimAt(payload, settings.actorClaim);
  if (typeof actor !== 'string' || actor.trim() === '') {
    throw new ForbiddenException(
      `the token has no "${settings.actorClaim}" claim (OIDC_ACTOR_CLAIM) to record as the actor of what it does`,
    );
  }
  const role = roleOf(payload, settings);
  const customerClaim = claimAt(payload, settings.customerClaim);
  let customer: string | null = null;
  if (role === 'customer') {
    if (typeof customerClaim !== 'string' || customerClaim.trim() === '') {
      throw new ForbiddenException(
        `a customer token names its customer in the "${settings.customerClaim}" claim (OIDC_CUSTOMER_CLAIM); ` +
          'this one does not',
      );
    }
    customer = customerClaim.trim();
  }
  const id = typeof payload.jti === 'string' ? payload.jti : `${payload.sub ?? actor}@${payload.iat}`;
  return { actor: actor.trim(), role, customer, credential: { kind: 'oidc', id } };
}

function roleOf(payload: JWTPayload, settings: OidcSettings): Role {
  const claimed = claimAt(payload, settings.roleClaim);
  const values = (Array.isArray(claimed) ? claimed : [claimed]).filter(
    (value): value is string => typeof value === 'string',
  );
  if (values.length === 0) {
    throw new ForbiddenException(
      `the token has no "${settings.roleClaim}" claim (OIDC_ROLE_CLAIM) naming the caller's role`,
    );
  }
  const productRoles = [
    ...new Set(values.flatMap((value) => settings.roleMap?.get(value) ?? (settings.roleMap ? [] : [value]))),
  ].filter((role): role is Role => (ROLES as readonly string[]).includes(role));
  if (productRoles.length === 0) {
    throw new ForbiddenException(
      `the token's "${settings.roleClaim}" claim (${values.join(', ')}) maps to none of the roles ` +
        `${ROLES.join(', ')}${settings.roleMap ? ' through OIDC_ROLE_MAP' : ''}`,
    );
  }
  if (productRoles.length > 1) {
    throw new ForbiddenException(
      `the token's "${settings.roleClaim}" claim maps to several roles (${productRoles.join(', ')}); ` +
        'a caller acts in one role: map only one of its provider roles (OIDC_ROLE_MAP)',
    );
  }
  return productRoles[0];
}

/** A claim by name, or by a dotted path into nested claims (`realm_access.roles`) when no claim has that name. */
function claimAt(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  return name
    .split('.')
    .reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      payload,
    );
}

const isoSeconds = (epochSeconds: number) => new Date(epochSeconds * 1_000).toISOString().replace('.000Z', 'Z');
