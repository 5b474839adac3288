import { z } from 'zod';
import { defineEvent, instantSchema, streamName, type DomainEvent } from '@sla/event-sourcing';
import { ROLES } from '@sla/nest-platform';

/** A key id: 16 lower-case hex digits, random, printed in the key itself so the verifier finds the key's stream. */
export const apiKeyIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'an API key id: 16 lower-case hex digits');

/** Every key lives in its own stream, `api_key-<key id>`: its creation and, later, its revocation. */
export const apiKeyStreamName = (keyId: string) => streamName('api_key', keyId);

export const ApiKeyCreated = defineEvent({
  type: 'ApiKeyCreated',
  schemaVersion: 1,
  schema: z.object({
    keyId: apiKeyIdSchema,
    /** The actor recorded on every event the key's caller causes. */
    actor: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    /** The counterparty a customer key speaks for; null for every other role. */
    customer: z.string().trim().min(1).max(200).nullable(),
    /** Only the SHA-256 of the key is kept: the key itself is printed once, when created. */
    keySha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** null: the key does not expire (until revoked). */
    expiresAt: instantSchema.nullable(),
    occurredAt: instantSchema,
  }),
});

export const ApiKeyRevoked = defineEvent({
  type: 'ApiKeyRevoked',
  schemaVersion: 1,
  schema: z.object({
    keyId: apiKeyIdSchema,
    reason: z.string().trim().min(1).max(500).nullable(),
    occurredAt: instantSchema,
  }),
});

export type ApiKeyCreatedData = z.infer<typeof ApiKeyCreated.schema>;
export type ApiKeyRevokedData = z.infer<typeof ApiKeyRevoked.schema>;

export type ApiKeyEvent =
  DomainEvent<'ApiKeyCreated', ApiKeyCreatedData> | DomainEvent<'ApiKeyRevoked', ApiKeyRevokedData>;

export const apiKeyEventDefinitions = [ApiKeyCreated, ApiKeyRevoked];
