import type { EventStore } from '@sla/event-sourcing';
import type { Clock } from '@sla/nest-platform';
import { keyFileVerifier, loadPrincipals } from './access-policy';
import type { CredentialVerifier, CredentialVerifiers } from './credentials';
import { ManagedApiKeys } from './managed-keys/managed-api-keys';
import { oidcTokenVerifier } from './oidc-token-verifier';

/** The identity settings access control reads (a part of the product's configuration). */
export type IdentityConfiguration = {
  readonly AUTH_API_KEYS_FILE?: string;
  readonly AUTH_MANAGED_KEYS?: 'on' | 'off';
  readonly OIDC_ISSUER?: string;
  readonly OIDC_AUDIENCE?: string;
  readonly OIDC_JWKS_URL?: string;
  readonly OIDC_ALGORITHMS?: readonly string[];
  readonly OIDC_CLOCK_SKEW_SECONDS?: number;
  readonly OIDC_ROLE_CLAIM?: string;
  readonly OIDC_ROLE_MAP?: ReadonlyMap<string, string>;
  readonly OIDC_CUSTOMER_CLAIM?: string;
  readonly OIDC_ACTOR_CLAIM?: string;
  readonly OIDC_JWKS_REFRESH_COOLDOWN_SECONDS?: number;
};

/**
 * Where the verifiers read what they check against: managed keys are events in the product's event store; the
 * clock is what key expiry and tokens' expiry are checked against.
 */
export type IdentitySources = { readonly eventStore: EventStore; readonly clock: Clock };

/**
 * The credential verifiers the settings configure, API keys first (a lookup, no network); null (access control
 * off) when none is.
 */
export function credentialVerifiers(
  configuration: IdentityConfiguration,
  sources: IdentitySources,
): CredentialVerifiers {
  const verifiers: CredentialVerifier[] = [];
  if (configuration.AUTH_MANAGED_KEYS === 'on')
    verifiers.push(new ManagedApiKeys(sources.eventStore, sources.clock).verifier());
  const keys = loadPrincipals(configuration.AUTH_API_KEYS_FILE);
  if (keys) verifiers.push(keyFileVerifier(keys));
  if (configuration.OIDC_ISSUER && configuration.OIDC_AUDIENCE) {
    verifiers.push(
      oidcTokenVerifier(
        {
          issuer: configuration.OIDC_ISSUER,
          audience: configuration.OIDC_AUDIENCE,
          jwksUrl: configuration.OIDC_JWKS_URL,
          algorithms: configuration.OIDC_ALGORITHMS ?? ['RS256', 'PS256', 'ES256', 'EdDSA'],
          clockSkewSeconds: configuration.OIDC_CLOCK_SKEW_SECONDS ?? 30,
          roleClaim: configuration.OIDC_ROLE_CLAIM ?? 'roles',
          roleMap: configuration.OIDC_ROLE_MAP,
          customerClaim: configuration.OIDC_CUSTOMER_CLAIM ?? 'customer',
          actorClaim: configuration.OIDC_ACTOR_CLAIM ?? 'sub',
          jwksRefreshCooldownSeconds: configuration.OIDC_JWKS_REFRESH_COOLDOWN_SECONDS ?? 30,
        },
        () => sources.clock.now(),
      ),
    );
  }
  return verifiers.length > 0 ? verifiers : null;
}
