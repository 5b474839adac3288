import { z } from 'zod';
import { defineEvent, instantSchema, streamName } from '@sla/event-sourcing';
import { ROLES } from '@sla/nest-platform';

/**
 * The access trail: who was refused, who signed in, which credentials were used. Past-tense facts in the one
 * global log, so auditors replay them and the log sealer signs them like every other event.
 */
export const ACCESS_STREAM_CATEGORY = 'access';

/** One stream per UTC day of the access trail (`access-2026-12-02`): the auditor's query reads a period by day. */
export const accessStreamName = (day: string) => streamName(ACCESS_STREAM_CATEGORY, day);

const credential = z.strictObject({ kind: z.enum(['api-key', 'oidc']), id: z.string().min(1).max(200) });
const request = {
  occurredAt: instantSchema,
  method: z.string().min(1).max(16),
  /** The path without its query string (a query may carry what does not belong in a log). */
  path: z.string().min(1).max(2_000),
  sourceAddress: z.string().min(1).max(100),
};

export const AccessDenied = defineEvent({
  type: 'AccessDenied',
  schemaVersion: 1,
  schema: z.strictObject({
    ...request,
    status: z.union([z.literal(401), z.literal(403), z.literal(429)]),
    reason: z.string().min(1).max(500),
    /** The credential the verifiers recognised (a 403, a 429 of a principal), null when none was. */
    credential: credential.nullable(),
    actor: z.string().min(1).max(200).nullable(),
    /**
     * The first hex digits of the SHA-256 of a credential no verifier recognised, so an auditor can tell one
     * guessed key from many without the log holding the key itself; null when none was presented or it was known.
     */
    presentedFingerprint: z
      .string()
      .regex(/^[0-9a-f]{12}$/)
      .nullable(),
    /** Denials from the same address not recorded since the previous one (the trail is bounded per address). */
    suppressedBefore: z.number().int().min(0),
  }),
});

const principal = {
  credential: credential.nullable(),
  actor: z.string().min(1).max(200),
  role: z.enum(ROLES),
  customer: z.string().min(1).nullable(),
};

/** The first use of a credential ever seen by the log (an API key's first call, an OIDC token's first call). */
export const PrincipalSignedIn = defineEvent({
  type: 'PrincipalSignedIn',
  schemaVersion: 1,
  schema: z.strictObject({ ...request, ...principal }),
});

/** The first use of a credential in an hour (UTC): key use without one event per request. */
export const CredentialUsed = defineEvent({
  type: 'CredentialUsed',
  schemaVersion: 1,
  schema: z.strictObject({ ...request, ...principal, hour: instantSchema }),
});

export const accessEventDefinitions = [AccessDenied, PrincipalSignedIn, CredentialUsed] as const;
export const ACCESS_EVENT_TYPES = accessEventDefinitions.map((definition) => definition.type);
