import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ROLES, type Requirement, type Role } from '@sla/nest-platform';
import type { CredentialVerifier } from './credentials';

export { ROLES, type Requirement, type Role };

/** How a principal proved who it is: which kind of credential, and that credential's id (a key id, a token id). */
export type Credential = { readonly kind: 'api-key' | 'oidc'; readonly id: string };

/** Who is calling: the actor recorded on every event they cause. */
export type Principal = {
  readonly actor: string;
  readonly role: Role;
  readonly customer: string | null;
  readonly credential?: Credential;
};

/**
 * API keys, stored as SHA-256 hashes only (AUTH_API_KEYS_FILE):
 *   [{ "keySha256": "<hex of sha256(key)>", "actor": "alice", "role": "slm" },
 *    { "keySha256": "…", "actor": "finance-portal", "role": "customer", "customer": "Finance" }]
 */
const principalsSchema = z.array(
  z
    .strictObject({
      keySha256: z.string().regex(/^[0-9a-f]{64}$/, 'the SHA-256 of the key, 64 lower-case hex digits'),
      actor: z.string().trim().min(1).max(200),
      role: z.enum(ROLES),
      customer: z.string().trim().min(1).optional(),
    })
    .refine((entry) => (entry.role === 'customer') === (entry.customer !== undefined), {
      message: "a customer key names its customer (the agreements' counterparty); other roles name none",
      path: ['customer'],
    }),
);

export type Principals = ReadonlyMap<string, Principal>;

export const keyDigest = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** null when no file is configured: access control is off (development). */
export function loadPrincipals(file: string | undefined): Principals | null {
  if (!file) return null;
  const entries = principalsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return new Map(
    entries.map((entry) => [
      entry.keySha256,
      { actor: entry.actor, role: entry.role, customer: entry.customer ?? null },
    ]),
  );
}

/** The keys of an AUTH_API_KEYS_FILE as a credential verifier. */
export function keyFileVerifier(principals: Principals): CredentialVerifier {
  return {
    principalFor: async (credential) => {
      const digest = keyDigest(credential);
      const principal = principals.get(digest);
      // The key's id in the access trail: the start of its hash, as the key file lists it (never the key).
      return principal ? { ...principal, credential: { kind: 'api-key', id: `sha256:${digest.slice(0, 16)}` } } : null;
    },
  };
}

const STAFF: readonly Role[] = ['slm', 'operations', 'auditor', 'admin'];

/**
 * The access rules a route definition names (`access: access.change`). Operations feed facts; service
 * level managers change catalogue, agreements, reviews and breach follow-ups; auditors read everything
 * and the audit evidence; customers read their own agreements' figures and published customer reports
 * only; admins do all.
 */
export const access = {
  /** Health, the OpenAPI document and the API reference: answered without an API key. */
  public: { public: true },
  /** The audit evidence. */
  audit: { public: false, roles: ['auditor', 'admin'], customerScope: 'none' },
  /**
   * An evidence bundle: auditors, and service level managers who hand one to an auditor. Downloading one logs its
   * manifest (who asked), so it is not a plain read.
   */
  evidence: { public: false, roles: ['slm', 'auditor', 'admin'], customerScope: 'none' },
  /** Facts from operations: tickets, outages, maintenance windows, webhooks. */
  intake: { public: false, roles: ['operations', 'admin'], customerScope: 'none' },
  /** A what-if evaluation changes nothing: auditors may ask too. */
  whatIf: { public: false, roles: ['slm', 'auditor', 'admin'], customerScope: 'none' },
  /** A customer signs its own agreements (which party each role signs for: signatureRefusal). */
  signature: { public: false, roles: ['slm', 'customer', 'admin'], customerScope: 'agreement-path' },
  /** Every other write: service level management. */
  change: { public: false, roles: ['slm', 'admin'], customerScope: 'none' },
  /** Reads of what is not one agreement's (the catalogue, lists across agreements). */
  staffRead: { public: false, roles: STAFF, customerScope: 'none' },
  /** Reads of the agreement in the path: a customer reads its own. */
  agreementRead: { public: false, roles: [...STAFF, 'customer'], customerScope: 'agreement-path' },
  /** Reads of the agreement the query names: a customer names one of its own. */
  agreementQueryRead: { public: false, roles: [...STAFF, 'customer'], customerScope: 'agreement-query' },
  /** A report's revisions: a customer reads the published revisions of its own agreements' customer reports. */
  reportRead: { public: false, roles: [...STAFF, 'customer'], customerScope: 'report-path' },
  /** The list of reports: a customer sees its own agreements' reports only. */
  reportList: { public: false, roles: [...STAFF, 'customer'], customerScope: 'own-agreements' },
  /** A list across agreements a customer may read too, narrowed to its own agreements (the portfolio). */
  ownAgreementsList: { public: false, roles: [...STAFF, 'customer'], customerScope: 'own-agreements' },
} as const satisfies Record<string, Requirement>;

export type AccessRule = keyof typeof access;
export const ACCESS_RULES = Object.keys(access) as [AccessRule, ...AccessRule[]];

/** The rules a role meets (public ones included): what a console signed in with it may offer. */
export function rulesMetBy(role: Role): AccessRule[] {
  return ACCESS_RULES.filter((rule) => {
    const requirement: Requirement = access[rule];
    return requirement.public || requirement.roles.includes(role);
  });
}

export type AgreementParty = 'provider' | 'counterparty';

/**
 * Who may record a party's signature of an agreement version: the
 * provider's signature comes from service level management (role slm), the
 * counterparty's from the counterparty itself (a customer key whose
 * `customer` is the agreement's counterparty); an admin may record either.
 * null when allowed, else the reason.
 */
export function signatureRefusal(principal: Principal, party: AgreementParty, counterparty: string): string | null {
  if (principal.role === 'admin') return null;
  if (party === 'provider') {
    return principal.role === 'slm'
      ? null
      : `the provider's signature is recorded by the slm or admin role, not ${principal.role}`;
  }
  if (principal.role === 'customer' && principal.customer === counterparty) return null;
  const caller = principal.role === 'customer' ? `${principal.customer}'s key` : `the ${principal.role} role`;
  return `the counterparty's signature is recorded by ${counterparty}'s own customer key (or admin), not by ${caller}`;
}
