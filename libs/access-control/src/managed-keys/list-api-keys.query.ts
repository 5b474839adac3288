import type { Kysely } from 'kysely';
import type { Role } from '@sla/nest-platform';
import type { ApiKeyTables } from './api-keys.projection';

/** A key as `keys list` shows it: never the key, nor its hash. */
export type ApiKeySummary = {
  readonly keyId: string;
  readonly actor: string;
  readonly role: Role;
  readonly customer: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly expiresAt: string | null;
  /** At `now`: revoked wins over expired. */
  readonly state: 'active' | 'expired' | 'revoked';
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  readonly revocationReason: string | null;
};

/** Every key ever created, oldest first, with its state at `now`. */
export async function listApiKeys(readStore: Kysely<ApiKeyTables>, now: Date): Promise<ApiKeySummary[]> {
  const rows = await readStore.selectFrom('api_key').selectAll().orderBy('created_at').orderBy('key_id').execute();
  return rows.map((row) => ({
    keyId: row.key_id,
    actor: row.actor,
    role: row.role as Role,
    customer: row.customer,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    expiresAt: row.expires_at?.toISOString() ?? null,
    state: row.revoked_at ? 'revoked' : row.expires_at && row.expires_at <= now ? 'expired' : 'active',
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedBy: row.revoked_by,
    revocationReason: row.revocation_reason,
  }));
}
