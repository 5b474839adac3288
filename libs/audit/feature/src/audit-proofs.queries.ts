import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { consistencyProof, inclusionProof, type Hash } from '@sla/audit-domain';
import type { AuditLogTables } from '@sla/audit-read-models';
import { DomainError } from '@sla/event-sourcing';
import { READ_STORE, keysetAfter, pageOf, type KeysetColumn, type Page, type PageRequest } from '@sla/nest-platform';

export class AuditLookupError extends DomainError {
  readonly kind: DomainError['kind'];
  constructor(
    readonly code: 'NO_TREE_HEAD' | 'EVENT_NOT_SEALED' | 'BAD_TREE_SIZE',
    message: string,
  ) {
    super(message);
    this.kind = code === 'BAD_TREE_SIZE' ? 'rule_violated' : 'not_found';
  }
}

export type TreeHeadView = { treeSize: number; rootHash: string; signedAt: string; keyId: string; signature: string };

const headView = (row: AuditLogTables['audit_tree_head']): TreeHeadView => ({
  treeSize: Number(row.tree_size),
  rootHash: row.root_hash.toString('hex'),
  signedAt: row.signed_at,
  keyId: row.key_id,
  signature: row.signature.toString('base64'),
});

export type TreeHeadPage = Page<TreeHeadView> & { keys: { keyId: string; publicKeyPem: string }[] };

export class ListTreeHeadsQuery extends Query<TreeHeadPage> {
  constructor(
    readonly page: PageRequest,
    /** Heads of at least / at most this many leaves. */
    readonly sizes: { readonly min?: number | undefined; readonly max?: number | undefined } = {},
  ) {
    super();
  }
}

const HEAD_ORDER: KeysetColumn[] = [{ column: 'tree_size', direction: 'desc' }];

/** Latest first, a page at a time; every signing key beside them (there are few) to check any page with. */
@QueryHandler(ListTreeHeadsQuery)
export class ListTreeHeadsHandler implements IQueryHandler<ListTreeHeadsQuery> {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<AuditLogTables>) {}

  async execute({ page, sizes }: ListTreeHeadsQuery): Promise<TreeHeadPage> {
    let query = this.db
      .selectFrom('audit_tree_head')
      .selectAll()
      .orderBy('tree_size', 'desc')
      .limit(page.limit + 1);
    if (sizes.min !== undefined) query = query.where('tree_size', '>=', String(sizes.min));
    if (sizes.max !== undefined) query = query.where('tree_size', '<=', String(sizes.max));
    const after = keysetAfter(HEAD_ORDER, page.cursor);
    if (after) query = query.where(after);
    const heads = pageOf(await query.execute(), page.limit, (row) => [row.tree_size], headView);
    const keys = await this.db.selectFrom('audit_signing_key').selectAll().orderBy('first_used_at').execute();
    return { ...heads, keys: keys.map((key) => ({ keyId: key.key_id, publicKeyPem: key.public_key_pem })) };
  }
}

/** The signed head of the given size, or the latest. */
async function signedHead(db: Kysely<AuditLogTables>, treeSize: number | undefined) {
  let query = db.selectFrom('audit_tree_head').selectAll();
  query =
    treeSize === undefined
      ? query.orderBy('tree_size', 'desc').limit(1)
      : query.where('tree_size', '=', String(treeSize));
  const head = await query.executeTakeFirst();
  if (!head)
    throw new AuditLookupError(
      'NO_TREE_HEAD',
      treeSize === undefined ? 'no tree head has been signed yet' : `no tree head was signed at size ${treeSize}`,
    );
  return head;
}

async function leafHashes(db: Kysely<AuditLogTables>, count: number): Promise<Hash[]> {
  const hashes: Hash[] = [];
  for (let from = 0; from < count; from += 10_000) {
    const rows = await db
      .selectFrom('audit_log_leaf')
      .select('leaf_hash')
      .where('leaf_index', '>=', String(from))
      .where('leaf_index', '<', String(Math.min(count, from + 10_000)))
      .orderBy('leaf_index')
      .execute();
    for (const row of rows) hashes.push(row.leaf_hash);
  }
  return hashes;
}

export type InclusionProofView = {
  eventId: string;
  leafIndex: number;
  leafHash: string;
  treeHead: TreeHeadView;
  proof: string[];
};

export class GetInclusionProofQuery extends Query<InclusionProofView> {
  constructor(
    readonly eventId: string,
    readonly treeSize: number | undefined,
  ) {
    super();
  }
}

/**
 * RFC 9162 audit path of one event up to a signed head: with the head's signature, it proves the event is in the log as
 * sealed.
 */
@QueryHandler(GetInclusionProofQuery)
export class GetInclusionProofHandler implements IQueryHandler<GetInclusionProofQuery> {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<AuditLogTables>) {}

  async execute({ eventId, treeSize }: GetInclusionProofQuery): Promise<InclusionProofView> {
    const leaf = await this.db
      .selectFrom('audit_log_leaf')
      .selectAll()
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    if (!leaf) throw new AuditLookupError('EVENT_NOT_SEALED', `event ${eventId} is not (yet) sealed in the audit tree`);
    const head = await signedHead(this.db, treeSize);
    const size = Number(head.tree_size);
    const index = Number(leaf.leaf_index);
    if (index >= size)
      throw new AuditLookupError(
        'EVENT_NOT_SEALED',
        `event ${eventId} is leaf ${index}, after the head at size ${size}: ask again once a later head is signed`,
      );
    return {
      eventId,
      leafIndex: index,
      leafHash: leaf.leaf_hash.toString('hex'),
      treeHead: headView(head),
      proof: inclusionProof(index, await leafHashes(this.db, size)).map((hash) => hash.toString('hex')),
    };
  }
}

export type ConsistencyProofView = { first: TreeHeadView; second: TreeHeadView; proof: string[] };

export class GetConsistencyProofQuery extends Query<ConsistencyProofView> {
  constructor(
    readonly firstSize: number,
    readonly secondSize: number,
  ) {
    super();
  }
}

/**
 * RFC 9162 proof that the log at the first signed head is a prefix of the log at the second: nothing sealed was
 * rewritten in between.
 */
@QueryHandler(GetConsistencyProofQuery)
export class GetConsistencyProofHandler implements IQueryHandler<GetConsistencyProofQuery> {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<AuditLogTables>) {}

  async execute({ firstSize, secondSize }: GetConsistencyProofQuery): Promise<ConsistencyProofView> {
    if (firstSize > secondSize)
      throw new AuditLookupError(
        'BAD_TREE_SIZE',
        `the first size (${firstSize}) must not exceed the second (${secondSize})`,
      );
    const [first, second] = [await signedHead(this.db, firstSize), await signedHead(this.db, secondSize)];
    return {
      first: headView(first),
      second: headView(second),
      proof: consistencyProof(firstSize, await leafHashes(this.db, secondSize)).map((hash) => hash.toString('hex')),
    };
  }
}
