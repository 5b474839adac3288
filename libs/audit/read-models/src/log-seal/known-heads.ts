import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AuditLogTables } from './log-sealer';

/**
 * A signed tree head as an auditor keeps it, outside the operator's
 * database: with its public key, so it stays checkable after the key
 * table is changed or the key rotated.
 */
export type KnownHead = {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly signedAt: string;
  readonly keyId: string;
  readonly signature: string;
  readonly publicKeyPem?: string;
};

export const TREE_HEADS_FORMAT = 'sla-audit-tree-heads/1';

export type TreeHeadsExport = { readonly format: typeof TREE_HEADS_FORMAT; readonly heads: readonly KnownHead[] };

const knownHeadSchema = z.object({
  treeSize: z.number().int().positive(),
  rootHash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash, 64 lowercase hex digits'),
  signedAt: z.string().min(1),
  keyId: z.string().min(1),
  signature: z.string().base64(),
  publicKeyPem: z.string().optional(),
});

const exportSchema = z.object({ format: z.literal(TREE_HEADS_FORMAT), heads: z.array(knownHeadSchema) });
const headListSchema = z.array(knownHeadSchema);

/** Every signed head in the database, oldest first, as `audit heads export` writes them. */
export async function exportTreeHeads(db: Kysely<AuditLogTables>): Promise<TreeHeadsExport> {
  const keys = new Map(
    (await db.selectFrom('audit_signing_key').selectAll().execute()).map((key) => [key.key_id, key.public_key_pem]),
  );
  const heads = await db.selectFrom('audit_tree_head').selectAll().orderBy('tree_size').execute();
  return {
    format: TREE_HEADS_FORMAT,
    heads: heads.map((head) => ({
      treeSize: Number(head.tree_size),
      rootHash: head.root_hash.toString('hex'),
      signedAt: head.signed_at,
      keyId: head.key_id,
      signature: head.signature.toString('base64'),
      ...(keys.has(head.key_id) ? { publicKeyPem: keys.get(head.key_id) } : {}),
    })),
  };
}

/** Heads from a file an auditor kept (an export, or a plain array of heads); the error names the field. */
export function parseKnownHeads(text: string, source: string): KnownHead[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not JSON: ${(error as Error).message}`);
  }
  // Chosen by shape rather than as a union, so the error names the field that is wrong.
  const parsed = Array.isArray(json) ? headListSchema.safeParse(json) : exportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${source} holds no tree heads: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return Array.isArray(parsed.data) ? parsed.data : parsed.data.heads;
}
