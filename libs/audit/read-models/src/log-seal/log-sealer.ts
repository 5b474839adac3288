import { sql, type Kysely } from 'kysely';
import { eventLeaf, leafHash, StreamingRoot, treeHeadMessage } from '@sla/audit-domain';
import {
  comparePositions,
  type EventCatalog,
  type EventStore,
  type GlobalPosition,
  type RecordedEvent,
} from '@sla/event-sourcing';
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
  audit_signing_key: { key_id: string; public_key_pem: string; first_used_at: Date; retired_at: Date | null };
  audit_head_delivery: {
    witness: string;
    delivered_tree_size: string;
    delivered_at: Date | null;
    failures: number;
    last_attempt_at: Date | null;
    last_error: string | null;
  };
  audit_seal_finding: {
    event_id: string;
    kind: SealFindingKind;
    stream_name: string;
    stream_revision: string;
    position_commit: string;
    position_prepare: string;
    detail: string;
    found_at: Date;
  };
};

/**
 * Why the sealer refused an event: its stream revision does not follow the
 * stream's previous one, its place in the log is not after the last sealed
 * event (or it was sealed already), the product's catalog cannot parse it,
 * or no append of the store recorded writing it.
 */
export type SealFindingKind = 'revision-gap' | 'out-of-order' | 'schema-invalid' | 'not-appended';

/** The store's own record of its appends (the PostgreSQL store keeps one); see event_store.appends. */
export type AppendRecord = {
  /** The ids of those events that no append of the store wrote. */
  eventsNotAppended(events: readonly RecordedEvent[]): Promise<ReadonlySet<string>>;
};

export type SealFinding = {
  readonly kind: SealFindingKind;
  readonly eventId: string;
  readonly streamName: string;
  readonly streamRevision: string;
  readonly position: { commit: string; prepare: string };
  readonly detail: string;
  readonly foundAt: string;
};

/** Where sealing stands, for /health and /metrics. */
export type SealStatus = {
  /** Leaves recorded so far. */
  readonly sealedLeaves: number;
  /** Size of the latest signed tree head; 0 before the first. */
  readonly treeSize: number;
  /** Events in the log after the last leaf, counted up to UNSEALED_COUNT_LIMIT. */
  readonly unsealedEvents: number;
  /** True when there are at least `unsealedEvents` (the count stopped at its limit). */
  readonly unsealedIsAtLeast: boolean;
  /** What stopped sealing, earliest first (see findings()). */
  readonly findings: readonly SealFinding[];
};

/** Counting further than this on every scrape would read the whole log; the exact figure is then moot. */
export const UNSEALED_COUNT_LIMIT = 10_000;

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
    private signer: LogSigner,
    private readonly clock: { now(): Date },
    private readonly options: {
      headIntervalMilliseconds?: number;
      /** Reads the key file again; used when `audit key rotate` retired the key this sealer holds. */
      reloadSigner?: () => LogSigner;
      /** Append-only file (JSON Lines) that receives every head as it is signed. */
      headLogFile?: string;
      log?: (message: string) => void;
      /** When given, every event must parse by it before it is sealed (the product passes its catalog). */
      eventCatalog?: EventCatalog;
      /** When given, every event must have been written by the store's append before it is sealed. */
      appendRecord?: AppendRecord;
    } = {},
  ) {}

  /** What stopped sealing, earliest in the log first; empty while every event sealed so far passed the checks. */
  async findings(): Promise<SealFinding[]> {
    const rows = await this.db
      .selectFrom('audit_seal_finding')
      .selectAll()
      .orderBy('position_commit')
      .orderBy('position_prepare')
      .execute();
    return rows.map((row) => ({
      kind: row.kind,
      eventId: row.event_id,
      streamName: row.stream_name,
      streamRevision: String(row.stream_revision),
      position: { commit: String(row.position_commit), prepare: String(row.position_prepare) },
      detail: row.detail,
      foundAt: new Date(row.found_at).toISOString(),
    }));
  }

  /** Leaves, latest head size, unsealed events after the last leaf, and the findings: cheap enough for every scrape. */
  async status(): Promise<SealStatus> {
    const last = await this.db
      .selectFrom('audit_log_leaf')
      .selectAll()
      .orderBy('leaf_index', 'desc')
      .limit(1)
      .executeTakeFirst();
    const head = await this.db
      .selectFrom('audit_tree_head')
      .select('tree_size')
      .orderBy('tree_size', 'desc')
      .limit(1)
      .executeTakeFirst();
    const after = last ? { commit: BigInt(last.position_commit), prepare: BigInt(last.position_prepare) } : undefined;
    const pending = await this.rawStore.readAll({ ...(after ? { after } : {}), maxCount: UNSEALED_COUNT_LIMIT });
    return {
      sealedLeaves: last ? Number(last.leaf_index) + 1 : 0,
      treeSize: head ? Number(head.tree_size) : 0,
      unsealedEvents: pending.events.length,
      unsealedIsAtLeast: !pending.isEnd,
      findings: await this.findings(),
    };
  }

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

  /**
   * Adds the new events as leaves; signs a head when the log grew and the
   * interval passed (or `force`). Each new event is checked first: the first
   * that fails is recorded as a finding and logged, and nothing from it on is
   * sealed, so no head is ever signed over it; later passes stop at it again.
   */
  async seal(force = false): Promise<{ leaves: number; head: TreeHead | null; refused: SealFinding | null }> {
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
      let refused: SealFinding | null = null;
      const lastRevisions = new Map<string, bigint>();
      for (;;) {
        const page = await this.rawStore.readAll({ ...(after ? { after } : {}), maxCount: PAGE });
        const alreadySealed = new Set(
          page.events.length === 0
            ? []
            : (
                await transaction
                  .selectFrom('audit_log_leaf')
                  .select('event_id')
                  .where(
                    'event_id',
                    'in',
                    page.events.map((event) => event.id),
                  )
                  .execute()
              ).map((row) => row.event_id),
        );
        const notAppended = (await this.options.appendRecord?.eventsNotAppended(page.events)) ?? new Set<string>();
        let accepted = 0;
        let previous = after;
        for (const event of page.events) {
          const problem = await this.problemWith(event, previous, alreadySealed, lastRevisions, notAppended);
          if (problem) {
            refused = await this.refuse(transaction, event, problem);
            break;
          }
          lastRevisions.set(event.streamName, event.streamRevision);
          previous = event.position;
          accepted += 1;
        }
        const sealable = page.events.slice(0, accepted);
        if (sealable.length > 0) {
          await transaction
            .insertInto('audit_log_leaf')
            .values(
              sealable.map((event, offset) => ({
                leaf_index: String(nextIndex + offset),
                event_id: event.id,
                position_commit: event.position.commit.toString(),
                position_prepare: event.position.prepare.toString(),
                leaf_hash: leafHash(eventLeaf(event)),
              })),
            )
            .execute();
          nextIndex += sealable.length;
          added += sealable.length;
          after = sealable[sealable.length - 1].position;
        }
        if (refused || page.events.length < PAGE || added >= 50_000) break;
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
      if (nextIndex === 0 || nextIndex === headSize || (!force && !due)) return { leaves: added, head: null, refused };

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
      if (!(await this.useCurrentKey(transaction))) return { leaves: added, head: null, refused };
      const rootHash = streaming.root();
      const signedAt = now.toISOString();
      const signature = this.signer.sign(treeHeadMessage(nextIndex, rootHash, signedAt));
      await transaction
        .insertInto('audit_signing_key')
        .values({
          key_id: this.signer.keyId,
          public_key_pem: this.signer.publicKeyPem,
          first_used_at: now,
          retired_at: null,
        })
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
      return { leaves: added, refused, head };
    });
  }

  /**
   * Whether a head may be signed now: not with a key `audit key rotate` retired. The sealer then loads the key
   * file again (the rotation wrote the new key there); if that is still a retired key, it signs nothing.
   */
  private async useCurrentKey(transaction: Kysely<AuditLogTables>): Promise<boolean> {
    const retired = async (keyId: string) =>
      (
        await transaction
          .selectFrom('audit_signing_key')
          .select('retired_at')
          .where('key_id', '=', keyId)
          .executeTakeFirst()
      )?.retired_at != null;
    if (!(await retired(this.signer.keyId))) return true;
    const reloaded = this.options.reloadSigner?.();
    if (reloaded && reloaded.keyId !== this.signer.keyId && !(await retired(reloaded.keyId))) {
      this.options.log?.(
        `log sealer: signing key ${this.signer.keyId} was retired; now signing with ${reloaded.keyId}`,
      );
      this.signer = reloaded;
      return true;
    }
    this.options.log?.(
      `log sealer: ALERT signing key ${this.signer.keyId} was retired (audit key rotate) and the key file holds no newer key: no head signed`,
    );
    return false;
  }

  /** Why `event` must not be sealed after `previous`, or null when it may. */
  private async problemWith(
    event: RecordedEvent,
    previous: GlobalPosition | undefined,
    alreadySealed: ReadonlySet<string>,
    lastRevisions: Map<string, bigint>,
    notAppended: ReadonlySet<string>,
  ): Promise<{ kind: SealFindingKind; detail: string } | null> {
    const place = `${event.type} ${event.id} at ${event.streamName}@${event.streamRevision}`;
    if (alreadySealed.has(event.id) || (previous && comparePositions(event.position, previous) <= 0)) {
      return {
        kind: 'out-of-order',
        detail: `${place} appears again after the last sealed event (position ${event.position.commit}/${event.position.prepare}): an event was moved`,
      };
    }
    let lastRevision = lastRevisions.get(event.streamName);
    if (lastRevision === undefined && event.streamRevision > 0n) {
      // The stream's earlier events were sealed in an earlier pass: its latest before this one must come first.
      const [before] = await this.rawStore.readStream(event.streamName, {
        direction: 'backwards',
        fromRevision: event.streamRevision - 1n,
        maxCount: 1,
      });
      if (before && comparePositions(before.position, event.position) < 0) lastRevision = before.streamRevision;
    }
    const expected = lastRevision === undefined ? 0n : lastRevision + 1n;
    if (event.streamRevision !== expected) {
      return {
        kind: 'revision-gap',
        detail: `${place}: the stream's next revision is ${expected}, so this event was not written by the store's append`,
      };
    }
    const issues = this.options.eventCatalog?.storedEventIssues(event) ?? [];
    if (issues.length > 0) {
      return {
        kind: 'schema-invalid',
        detail: `${place} does not parse by the event catalog: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
      };
    }
    if (notAppended.has(event.id)) {
      return {
        kind: 'not-appended',
        detail: `${place}: no append of the store recorded writing it (transaction ${event.position.commit}), so it was inserted past the store's append`,
      };
    }
    return null;
  }

  private async refuse(
    transaction: Kysely<AuditLogTables>,
    event: RecordedEvent,
    problem: { kind: SealFindingKind; detail: string },
  ): Promise<SealFinding> {
    const foundAt = this.clock.now();
    // Recorded once per event: later passes stop at the same event and find it again.
    await transaction
      .insertInto('audit_seal_finding')
      .values({
        event_id: event.id,
        kind: problem.kind,
        stream_name: event.streamName,
        stream_revision: event.streamRevision.toString(),
        position_commit: event.position.commit.toString(),
        position_prepare: event.position.prepare.toString(),
        detail: problem.detail,
        found_at: foundAt,
      })
      .onConflict((conflict) => conflict.column('event_id').doNothing())
      .execute();
    this.options.log?.(`log sealer: ALERT sealing stopped at ${problem.kind}: ${problem.detail}`);
    return {
      kind: problem.kind,
      eventId: event.id,
      streamName: event.streamName,
      streamRevision: event.streamRevision.toString(),
      position: { commit: event.position.commit.toString(), prepare: event.position.prepare.toString() },
      detail: problem.detail,
      foundAt: foundAt.toISOString(),
    };
  }
}
