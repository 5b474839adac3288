import type { EventStore } from '@sla/event-sourcing';
import type { Clock } from '@sla/nest-platform';
import { keyFileVerifier, loadPrincipals } from './access-policy';
import type { CredentialVerifier, CredentialVerifiers } from './credentials';
import { ManagedApiKeys } from './managed-keys/managed-api-keys';

/** The identity settings access control reads (a part of the product's configuration). */
export type IdentityConfiguration = { readonly AUTH_API_KEYS_FILE?: string; readonly AUTH_MANAGED_KEYS?: 'on' | 'off' };

/** Where the verifiers read what they check against: managed keys are events in the product's event store. */
export type IdentitySources = { readonly eventStore: EventStore; readonly clock: Clock };

/** The credential verifiers the settings configure; null (access control off) when none is. */
export function credentialVerifiers(
  configuration: IdentityConfiguration,
  sources: IdentitySources,
): CredentialVerifiers {
  const verifiers: CredentialVerifier[] = [];
  if (configuration.AUTH_MANAGED_KEYS === 'on')
    verifiers.push(new ManagedApiKeys(sources.eventStore, sources.clock).verifier());
  const keys = loadPrincipals(configuration.AUTH_API_KEYS_FILE);
  if (keys) verifiers.push(keyFileVerifier(keys));
  return verifiers.length > 0 ? verifiers : null;
}
