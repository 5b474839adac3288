import { createPublicKey } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AuditLogTables } from './log-sealer';
import { LogSigner, publicKeyId } from './log-signer';

/** A key that signed (or will sign) tree heads, with the tree sizes of the heads it signed. */
export type SigningKeyRecord = {
  readonly keyId: string;
  readonly publicKeyPem: string;
  readonly firstUsedAt: string;
  /** When `audit key rotate` replaced it; null for the key in use. */
  readonly retiredAt: string | null;
  /** The smallest and largest tree size of the heads it signed; null when it signed none yet. */
  readonly treeSizes: { readonly first: number; readonly last: number; readonly heads: number } | null;
};

/** Every signing key the database records, oldest first. */
export async function signingKeys(db: Kysely<AuditLogTables>): Promise<SigningKeyRecord[]> {
  const keys = await db.selectFrom('audit_signing_key').selectAll().orderBy('first_used_at').execute();
  const signed = await db
    .selectFrom('audit_tree_head')
    .select((eb) => [
      'key_id',
      eb.fn.min('tree_size').as('first'),
      eb.fn.max('tree_size').as('last'),
      eb.fn.countAll<string>().as('heads'),
    ])
    .groupBy('key_id')
    .execute();
  return keys.map((key) => {
    const sizes = signed.find((row) => row.key_id === key.key_id);
    return {
      keyId: key.key_id,
      publicKeyPem: key.public_key_pem,
      firstUsedAt: new Date(key.first_used_at).toISOString(),
      retiredAt: key.retired_at ? new Date(key.retired_at).toISOString() : null,
      treeSizes: sizes ? { first: Number(sizes.first), last: Number(sizes.last), heads: Number(sizes.heads) } : null,
    };
  });
}

/**
 * Replaces the signing key in `file` with a new one. The old public key stays
 * recorded (retired, with the heads it signed), so every head it signed still
 * verifies; its private key is gone with the file's old content. Runs under
 * the sealer's lock: no head is signed half-way through. A running sealer
 * finds its key retired and loads the new one from the file.
 */
export async function rotateSigningKey(
  db: Kysely<AuditLogTables>,
  file: string,
  clock: { now(): Date },
): Promise<{ retired: SigningKeyRecord; current: SigningKeyRecord }> {
  const previous = LogSigner.fromFile(file);
  await db.transaction().execute(async (transaction) => {
    await sql`select pg_advisory_xact_lock(hashtext('sla-audit-log-sealer'))`.execute(transaction);
    const now = clock.now();
    await transaction
      .insertInto('audit_signing_key')
      .values({ key_id: previous.keyId, public_key_pem: previous.publicKeyPem, first_used_at: now, retired_at: null })
      .onConflict((conflict) => conflict.column('key_id').doNothing())
      .execute();
    await transaction
      .updateTable('audit_signing_key')
      .set({ retired_at: now })
      .where('key_id', '=', previous.keyId)
      .where('retired_at', 'is', null)
      .execute();
    // Last, inside the transaction: if the file cannot be replaced, the old key is not marked retired either.
    const next = LogSigner.replaceFile(file);
    await transaction
      .insertInto('audit_signing_key')
      .values({ key_id: next.keyId, public_key_pem: next.publicKeyPem, first_used_at: now, retired_at: null })
      .execute();
  });
  const keys = await signingKeys(db);
  const current = LogSigner.fromFile(file);
  return {
    retired: keys.find((key) => key.keyId === previous.keyId)!,
    current: keys.find((key) => key.keyId === current.keyId)!,
  };
}

/**
 * Public keys an auditor trusts, from a file they keep: PEM public keys (one or more, concatenated), or JSON
 * with `keys: [{ publicKeyPem }]` (`audit key list --json`, `audit heads export`). The error names the file.
 */
export function parseTrustedKeys(text: string, source: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  let candidates: string[];
  if (json === undefined) {
    candidates = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
    if (candidates.length === 0)
      throw new Error(`${source} holds no public key: neither PEM (-----BEGIN PUBLIC KEY-----) nor JSON`);
  } else {
    const keys = (json as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(keys) || keys.length === 0)
      throw new Error(`${source} holds no public key: keys: expected a list of { publicKeyPem }`);
    candidates = keys.map((key, index) => {
      const pem = (key as { publicKeyPem?: unknown } | null)?.publicKeyPem;
      if (typeof pem !== 'string') throw new Error(`${source}: keys.${index}.publicKeyPem: expected a PEM string`);
      return pem;
    });
  }
  return candidates.map((pem, index) => {
    let type: string | undefined;
    try {
      type = createPublicKey(pem).asymmetricKeyType;
    } catch {
      throw new Error(`${source}: key ${index + 1} is not a valid public key`);
    }
    if (type !== 'ed25519') throw new Error(`${source}: key ${index + 1} is not an Ed25519 key (it is ${type})`);
    return `${pem.trim()}\n`;
  });
}

/** Trusted keys by key id: what a head names is matched by id, and verified with the auditor's copy. */
export function trustedKeysById(pems: readonly string[]): Map<string, string> {
  return new Map(pems.map((pem) => [publicKeyId(pem), pem]));
}
