import { sql, type Kysely } from 'kysely';
import { eventLeaf, leafHash, StreamingRoot, treeHeadMessage } from '@sla/audit-domain';
import type { EventStore, GlobalPosition } from '@sla/event-sourcing';
import { Scheduler } from '@sla/projection-runtime';
import { appendToHeadLog } from './known-heads';
import type { LogSigner } from './log-signer';

export type AuditLogTables = {
  audit_log_leaf: {
    leaf_index: string;
    event_id: string;
    position_commit: string;
    position_prepare: string;
    leaf_hash: Buffer;
  };
  audit_tree_head: { tree_size: string; root_hash: Buffer; signed_at: string; key_id: string; signature: Buffer };
  audit_signing_key: { key_id: string; public_key_pem: string; first_used_at: Date };
};

export type TreeHead = { treeSize: number; rootHash: string; signedAt: string; keyId: string; signature: string };

const PAGE = 1_000;

/**
 * Seals the global log: every event becomes a leaf of an RFC 9162 Merkle
 * tree, in log order, hashed from the event as stored (the raw store, not
 * upcast); tree heads over all leaves so far are signed periodically. One
 * sealer works at a time (a transaction-scoped advisory lock), wherever the
 * projections run.
 */
export class LogSealer {
  private scheduler: Scheduler | undefined;

  constructor(
    private readonly rawStore: EventStore,
    private readonly db: Kysely<AuditLogTables>,
    private readonly signer: LogSigner,
    private readonly clock: { now(): Date },
    private readonly options: {
      headIntervalMilliseconds?: number;
      /** Append-only file (JSON Lines) that receives every head as it is signed. */
      headLogFile?: string;
      log?: (message: string) => void;
    } = {},
  ) {}

  /** Seals every interval (one pass at a time) until `stop()`. */
  start(intervalMilliseconds = 1_000): void {
    if (this.scheduler) return;
    this.scheduler = new Scheduler(
      [
        {
          name: 'log sealer',
          intervalMilliseconds,
          delayFirstPass: true,
          run: async () => {
            await this.seal();
          },
        },
      ],
      { log: this.options.log },
    );
    this.scheduler.start();
  }

  async stop(): Promise<void> {
    await this.scheduler?.stop();
    this.scheduler = undefined;
  }

  /** Adds the new events as leaves; signs a head when the log grew and the interval passed (or `force`). */
  async seal(force = false): Promise<{ leaves: number; head: TreeHead | null }> {
    return this.db.transaction().execute(async (transaction) => {
      await sql`select pg_advisory_xact_lock(hashtext('sla-audit-log-sealer'))`.execute(transaction);
      const last = await transaction
        .selectFrom('audit_log_leaf')
        .selectAll()
        .orderBy('leaf_index', 'desc')
        .limit(1)
        .executeTakeFirst();
      let after: GlobalPosition | undefined = last
        ? { commit: BigInt(last.position_commit), prepare: BigInt(last.position_prepare) }
        : undefined;
      let nextIndex = last ? Number(last.leaf_index) + 1 : 0;
      let added = 0;
      for (;;) {
        const page = await this.rawStore.readAll({ ...(after ? { after } : {}), maxCount: PAGE });
        if (page.events.length > 0) {
          await transaction
            .insertInto('audit_log_leaf')
            .values(
              page.events.map((event, offset) => ({
                leaf_index: String(nextIndex + offset),
                event_id: event.id,
                position_commit: event.position.commit.toString(),
                position_prepare: event.position.prepare.toString(),
                leaf_hash: leafHash(eventLeaf(event)),
              })),
            )
            .execute();
          nextIndex += page.events.length;
          added += page.events.length;
          after = page.events[page.events.length - 1].position;
        }
        if (page.events.length < PAGE || added >= 50_000) break;
      }

      const lastHead = await transaction
        .selectFrom('audit_tree_head')
        .select(['tree_size', 'signed_at'])
        .orderBy('tree_size', 'desc')
        .limit(1)
        .executeTakeFirst();
      const now = this.clock.now();
      const headSize = lastHead ? Number(lastHead.tree_size) : 0;
      const due =
        !lastHead ||
        now.getTime() - Date.parse(lastHead.signed_at) >= (this.options.headIntervalMilliseconds ?? 60_000);
      if (nextIndex === 0 || nextIndex === headSize || (!force && !due)) return { leaves: added, head: null };

      const streaming = new StreamingRoot();
      for (let from = 0; from < nextIndex; from += 10_000) {
        const rows = await transaction
          .selectFrom('audit_log_leaf')
          .select('leaf_hash')
          .where('leaf_index', '>=', String(from))
          .where('leaf_index', '<', String(from + 10_000))
          .orderBy('leaf_index')
          .execute();
        for (const row of rows) streaming.push(row.leaf_hash);
      }
      const rootHash = streaming.root();
      const signedAt = now.toISOString();
      const signature = this.signer.sign(treeHeadMessage(nextIndex, rootHash, signedAt));
      await transaction
        .insertInto('audit_signing_key')
        .values({ key_id: this.signer.keyId, public_key_pem: this.signer.publicKeyPem, first_used_at: now })
        .onConflict((conflict) => conflict.doNothing())
        .execute();
      await transaction
        .insertInto('audit_tree_head')
        .values({
          tree_size: String(nextIndex),
          root_hash: rootHash,
          signed_at: signedAt,
          key_id: this.signer.keyId,
          signature,
        })
        .execute();
      const head: TreeHead = {
        treeSize: nextIndex,
        rootHash: rootHash.toString('hex'),
        signedAt,
        keyId: this.signer.keyId,
        signature: signature.toString('base64'),
      };
      // Inside the transaction: a head that could not be published is not recorded either,
      // so the file never misses a head the database has (the next pass signs again).
      if (this.options.headLogFile)
        appendToHeadLog(this.options.headLogFile, { ...head, publicKeyPem: this.signer.publicKeyPem });
      this.options.log?.(`log sealer: signed tree head at size ${nextIndex}`);
      return { leaves: added, head };
    });
  }
}
