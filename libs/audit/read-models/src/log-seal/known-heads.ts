import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AuditLogTables } from './log-sealer';
import { signingKeys, type SigningKeyRecord } from './signing-key-rotation';

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

export type TreeHeadsExport = {
  readonly format: typeof TREE_HEADS_FORMAT;
  readonly heads: readonly KnownHead[];
  /** Every signing key, retired ones too, with the tree sizes each signed (readers of older exports ignore it). */
  readonly keys: readonly SigningKeyRecord[];
};

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

/** Every signed head in the database, oldest first, and every signing key, as `audit heads export` writes them. */
export async function exportTreeHeads(db: Kysely<AuditLogTables>): Promise<TreeHeadsExport> {
  const records = await signingKeys(db);
  const keys = new Map(records.map((key) => [key.keyId, key.publicKeyPem]));
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
    keys: records,
  };
}

/** Appends one head as a line of JSON; the file is only ever appended to (O_APPEND). */
export function appendToHeadLog(file: string, head: KnownHead): void {
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(head)}\n`, { flag: 'a', mode: 0o644 });
}

/**
 * Heads from a file an auditor kept: an export, a plain array of heads, or
 * the head log (one head per line); the error names the field.
 */
export function parseKnownHeads(text: string, source: string): KnownHead[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return parseHeadLog(text, source);
  }
  const anExport = typeof json === 'object' && json !== null && ('format' in json || 'heads' in json);
  if (!Array.isArray(json) && !anExport) return parseHeadLog(text, source);
  // Chosen by shape rather than as a union, so the error names the field that is wrong.
  const parsed = Array.isArray(json) ? headListSchema.safeParse(json) : exportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${source} holds no tree heads: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return Array.isArray(parsed.data) ? parsed.data : parsed.data.heads;
}

function parseHeadLog(text: string, source: string): KnownHead[] {
  const heads: KnownHead[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const where = `${source} line ${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new Error(`${where} is not JSON: ${(error as Error).message}`);
    }
    const parsed = knownHeadSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${where} is no tree head: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    }
    heads.push(parsed.data);
  }
  if (heads.length === 0) throw new Error(`${source} holds no tree heads`);
  return heads;
}
