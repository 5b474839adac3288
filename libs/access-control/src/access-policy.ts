import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const ROLES = ['admin', 'slm', 'operations', 'auditor', 'customer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the actor recorded on every event they cause. */
export type Principal = { readonly actor: string; readonly role: Role; readonly customer: string | null };

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

export type Requirement =
  | { readonly public: true }
  | {
      readonly public: false;
      readonly roles: readonly Role[];
      readonly customerScope: 'agreement-path' | 'agreement-query' | 'report-path' | 'own-agreements' | 'none';
    };

const WRITE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const SIGNATURES = '/agreements/:agreementId/versions/:version/signatures';
const INTAKE = /^\/(tickets|outages|maintenance-windows|webhooks)(\/|$)/;

/**
 * Which roles may call a route (its Express pattern, e.g. `/agreements/:agreementId`).
 * Operations feed facts; service level managers change catalogue, agreements,
 * reviews and breach follow-ups; auditors read everything and the audit
 * evidence; customers read their own agreements' figures and published
 * customer reports only; admins do all.
 */
export function requirementFor(method: string, route: string): Requirement {
  const verb = method.toUpperCase();
  if (
    verb === 'GET' &&
    (route === '/health' || route === '/openapi.json' || route === '/docs' || route.startsWith('/docs/'))
  )
    return { public: true };
  if (route.startsWith('/audit')) return { public: false, roles: ['auditor', 'admin'], customerScope: 'none' };
  if (WRITE.has(verb)) {
    if (INTAKE.test(route)) return { public: false, roles: ['operations', 'admin'], customerScope: 'none' };
    if (/\/what-if$/.test(route)) return { public: false, roles: ['slm', 'auditor', 'admin'], customerScope: 'none' };
    // A customer signs its own agreements (which party each role signs for: mayRecordSignatureFor).
    if (route === SIGNATURES) {
      return { public: false, roles: ['slm', 'customer', 'admin'], customerScope: 'agreement-path' };
    }
    return { public: false, roles: ['slm', 'admin'], customerScope: 'none' };
  }
  // A customer reads the published revisions of its own agreements' customer reports, and lists them.
  if (verb === 'GET' && route === '/reports')
    return {
      public: false,
      roles: ['slm', 'operations', 'auditor', 'admin', 'customer'],
      customerScope: 'own-agreements',
    };
  if (route.startsWith('/reports/:reportId'))
    return {
      public: false,
      roles: ['slm', 'operations', 'auditor', 'admin', 'customer'],
      customerScope: 'report-path',
    };
  const byAgreement = route.includes(':agreementId');
  const byQuery = route === '/compliance/breaches' || route === '/compliance/follow-ups';
  return {
    public: false,
    roles:
      byAgreement || byQuery
        ? ['slm', 'operations', 'auditor', 'admin', 'customer']
        : ['slm', 'operations', 'auditor', 'admin'],
    customerScope: byAgreement ? 'agreement-path' : byQuery ? 'agreement-query' : 'none',
  };
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
