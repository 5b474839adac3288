import { UnauthorizedException } from '@nestjs/common';
import type { Principal } from './access-policy';

/**
 * One way of recognising a presented credential (the value of `Authorization: Bearer …` or
 * `X-Api-Key`): an API key file, keys managed from the CLI, OpenID Connect tokens. The guard asks each
 * in turn; the first that recognises the credential decides.
 */
export interface CredentialVerifier {
  /**
   * The principal the credential authenticates; null when this verifier does not know it (the next one
   * is asked). Throws UnauthorizedException when the credential is of this verifier's kind but not
   * valid (an expired token, a revoked key), so the caller hears why.
   */
  principalFor(credential: string): Promise<Principal | null>;
}

/** The verifiers access control uses, in order; null while access control is off (development). */
export const CREDENTIAL_VERIFIERS = Symbol('CREDENTIAL_VERIFIERS');
export type CredentialVerifiers = readonly CredentialVerifier[] | null;

/**
 * The principal a credential authenticates, asking each verifier in turn; 401 when none knows it (a verifier that
 * knows it but refuses it, an expired token, throws its own 401 naming why).
 */
export async function verifyCredential(
  verifiers: readonly CredentialVerifier[],
  credential: string,
): Promise<Principal> {
  for (const verifier of verifiers) {
    const principal = await verifier.principalFor(credential);
    if (principal) return principal;
  }
  throw new UnauthorizedException('the API key is not known');
}
