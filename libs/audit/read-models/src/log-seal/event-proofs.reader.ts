import type { Kysely } from 'kysely';
import { inclusionProof, type BundledEvent, type EvidenceBundle, type Hash } from '@sla/audit-domain';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { AuditLogTables } from './log-sealer';

export type ProvenEvents = { readonly treeHead: EvidenceBundle['treeHead']; readonly events: BundledEvent[] };

/**
 * The latest signed tree head and, for each of the given stored events it covers, its leaf and RFC 9162 inclusion
 * proof; events sealed after that head (or not yet) are left out.
 */
export async function proveEventsUnderLatestHead(
  db: Kysely<any>,
  events: readonly RecordedEvent[],
): Promise<ProvenEvents> {
  const audit = db as Kysely<AuditLogTables>;
  const head = await audit
    .selectFrom('audit_tree_head')
    .selectAll()
    .orderBy('tree_size', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const key = await audit
    .selectFrom('audit_signing_key')
    .selectAll()
    .where('key_id', '=', head.key_id)
    .executeTakeFirstOrThrow();
  const treeSize = Number(head.tree_size);
  const hashes: Hash[] = (
    await audit
      .selectFrom('audit_log_leaf')
      .select('leaf_hash')
      .where('leaf_index', '<', String(treeSize))
      .orderBy('leaf_index')
      .execute()
  ).map((row) => row.leaf_hash);
  const leaves = new Map(
    (events.length === 0
      ? []
      : await audit
          .selectFrom('audit_log_leaf')
          .select(['event_id', 'leaf_index'])
          .where(
            'event_id',
            'in',
            events.map((event) => event.id),
          )
          .execute()
    ).map((row) => [row.event_id, Number(row.leaf_index)]),
  );
  const proven = events.flatMap((event): BundledEvent[] => {
    const leafIndex = leaves.get(event.id);
    if (leafIndex === undefined || leafIndex >= treeSize) return [];
    return [
      {
        id: event.id,
        streamName: event.streamName,
        streamRevision: event.streamRevision.toString(),
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        metadata: event.metadata,
        recordedAt: event.recordedAt.toISOString(),
        leafIndex,
        leafHash: hashes[leafIndex].toString('hex'),
        inclusionProof: inclusionProof(leafIndex, hashes).map((hash) => hash.toString('hex')),
      },
    ];
  });
  return {
    treeHead: {
      treeSize,
      rootHash: head.root_hash.toString('hex'),
      signedAt: head.signed_at,
      keyId: head.key_id,
      signature: head.signature.toString('base64'),
      publicKeyPem: key.public_key_pem,
    },
    events: proven,
  };
}
