import { keyFileVerifier, loadPrincipals } from './access-policy';
import type { CredentialVerifiers } from './credentials';

/** The identity settings access control reads (a part of the product's configuration). */
export type IdentityConfiguration = { readonly AUTH_API_KEYS_FILE?: string };

/** The credential verifiers the settings configure; null (access control off) when none is. */
export function credentialVerifiers(configuration: IdentityConfiguration): CredentialVerifiers {
  const keys = loadPrincipals(configuration.AUTH_API_KEYS_FILE);
  return keys ? [keyFileVerifier(keys)] : null;
}
