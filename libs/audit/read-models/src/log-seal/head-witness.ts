import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Scheduler } from '@sla/projection-runtime';
import type { KnownHead } from './known-heads';
import type { AuditLogTables } from './log-sealer';

/** What a witness receives: one signed tree head, enough to verify it without the operator's database. */
export const WITNESS_HEAD_FORMAT = 'sla-audit-tree-head/1';

export type WitnessHead = KnownHead & { readonly format: typeof WITNESS_HEAD_FORMAT; readonly publicKeyPem: string };

/** The header carrying `sha256=<hex HMAC-SHA256 of the raw body>` when a shared secret is configured. */
export const WITNESS_SIGNATURE_HEADER = 'x-sla-signature';

export type HeadWitnessOptions = {
  /** Where every head is POSTed as JSON, in order of tree size. */
  readonly url: string;
  /** Shared secret for the HMAC signature header; unset = no header. */
  readonly secret?: string;
  readonly clock: { now(): Date };
  readonly log?: (message: string) => void;
  /** Pause between passes once the witness has every head (failures back off from here, up to 30 s). */
  readonly intervalMilliseconds?: number;
  readonly requestTimeoutMilliseconds?: number;
};

export type HeadWitnessStatus = {
  /** The witness URL without credentials or query. */
  readonly witness: string;
  readonly deliveredTreeSize: number;
  readonly latestTreeSize: number;
  readonly headsBehind: number;
  /** When the oldest head the witness has not acknowledged was signed; null when it has every head. */
  readonly oldestUndeliveredSignedAt: string | null;
  /** How long that head has waited; 0 when the witness has every head. */
  readonly behindSeconds: number;
  readonly failures: number;
  readonly lastAttemptAt: string | null;
  readonly lastError: string | null;
};

const BATCH = 100;

/**
 * Delivers every signed tree head to an outside witness (a webhook), from the
 * database rather than from the sealer: sealing never waits for the witness
 * and never fails because of it, and a head is never lost, because the
 * witness's checkpoint (the largest tree size it acknowledged with a 2xx)
 * moves only after it answered. A witness that was down gets every head it
 * missed, oldest first, when it returns; failures back off. Delivery is at
 * least once (a crash after the answer and before the checkpoint resends the
 * head): a witness keys what it keeps by tree size.
 */
export class HeadWitness {
  readonly witness: string;
  private scheduler: Scheduler | undefined;

  constructor(
    private readonly db: Kysely<AuditLogTables>,
    private readonly options: HeadWitnessOptions,
  ) {
    this.witness = witnessName(options.url);
  }

  /** Registers the witness at tree size 0: a new witness receives every head from the first. */
  async prepare(): Promise<void> {
    await this.db
      .insertInto('audit_head_delivery')
      .values({ witness: this.witness, delivered_tree_size: '0', failures: 0 })
      .onConflict((conflict) => conflict.column('witness').doNothing())
      .execute();
  }

  /**
   * Sends the heads the witness has not acknowledged, one at a time in order, stopping at the first failure
   * (recorded, then thrown so the caller backs off). No transaction is held across a request: an open
   * transaction with a row lock would hold every global-log reader back (they read below the oldest running
   * transaction) for as long as the witness takes to answer. The checkpoint moves by compare-and-set
   * instead, so a second process delivering at the same time stops at the first head the other one moved past.
   */
  async deliverPending(): Promise<{ delivered: number; more: boolean }> {
    const row = await this.db
      .selectFrom('audit_head_delivery')
      .select('delivered_tree_size')
      .where('witness', '=', this.witness)
      .executeTakeFirst();
    if (!row) throw new Error(`head witness ${this.witness}: not registered (call prepare() first)`);
    let checkpoint = String(row.delivered_tree_size);
    const heads = await this.db
      .selectFrom('audit_tree_head')
      .leftJoin('audit_signing_key', 'audit_signing_key.key_id', 'audit_tree_head.key_id')
      .select([
        'audit_tree_head.tree_size',
        'audit_tree_head.root_hash',
        'audit_tree_head.signed_at',
        'audit_tree_head.key_id',
        'audit_tree_head.signature',
        'audit_signing_key.public_key_pem',
      ])
      .where('audit_tree_head.tree_size', '>', checkpoint)
      .orderBy('audit_tree_head.tree_size')
      .limit(BATCH)
      .execute();
    let delivered = 0;
    for (const head of heads) {
      const message: WitnessHead = {
        format: WITNESS_HEAD_FORMAT,
        treeSize: Number(head.tree_size),
        rootHash: head.root_hash.toString('hex'),
        signedAt: head.signed_at,
        keyId: head.key_id,
        signature: head.signature.toString('base64'),
        publicKeyPem: head.public_key_pem ?? '',
      };
      try {
        await this.post(message);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        await this.db
          .updateTable('audit_head_delivery')
          .set((eb) => ({
            failures: eb('failures', '+', 1),
            last_attempt_at: this.options.clock.now(),
            last_error: `head at size ${message.treeSize}: ${failure.message}`,
          }))
          .where('witness', '=', this.witness)
          .execute();
        this.logDelivered(delivered);
        throw new Error(`head witness ${this.witness}: ${failure.message}`);
      }
      const now = this.options.clock.now();
      const moved = await this.db
        .updateTable('audit_head_delivery')
        .set({
          delivered_tree_size: String(message.treeSize),
          delivered_at: now,
          failures: 0,
          last_attempt_at: now,
          last_error: null,
        })
        .where('witness', '=', this.witness)
        .where('delivered_tree_size', '=', checkpoint)
        .executeTakeFirst();
      delivered += 1;
      // Another process moved the checkpoint meanwhile: it carries on from there.
      if (Number(moved.numUpdatedRows) === 0) break;
      checkpoint = String(message.treeSize);
    }
    this.logDelivered(delivered);
    return { delivered, more: heads.length === BATCH };
  }

  private logDelivered(count: number): void {
    if (count > 0) this.options.log?.(`head witness ${this.witness}: delivered ${count} head(s)`);
  }

  async status(now: Date = this.options.clock.now()): Promise<HeadWitnessStatus> {
    const row = await this.db
      .selectFrom('audit_head_delivery')
      .selectAll()
      .where('witness', '=', this.witness)
      .executeTakeFirst();
    const deliveredTreeSize = Number(row?.delivered_tree_size ?? 0);
    const pending = await this.db
      .selectFrom('audit_tree_head')
      .select((eb) => [
        eb.fn.countAll<string>().as('count'),
        eb.fn.max('tree_size').as('latest'),
        eb.fn.min('signed_at').as('oldest'),
      ])
      .where('tree_size', '>', String(deliveredTreeSize))
      .executeTakeFirstOrThrow();
    const oldest = pending.oldest ?? null;
    return {
      witness: this.witness,
      deliveredTreeSize,
      latestTreeSize: pending.latest === null ? deliveredTreeSize : Number(pending.latest),
      headsBehind: Number(pending.count),
      oldestUndeliveredSignedAt: oldest,
      behindSeconds: oldest ? Math.max(0, Math.round((now.getTime() - Date.parse(oldest)) / 1_000)) : 0,
      failures: row?.failures ?? 0,
      lastAttemptAt: row?.last_attempt_at ? new Date(row.last_attempt_at).toISOString() : null,
      lastError: row?.last_error ?? null,
    };
  }

  /** Delivers every interval (backing off after failures) until `stop()`. */
  start(): void {
    if (this.scheduler) return;
    this.scheduler = new Scheduler(
      [
        {
          name: `head witness ${this.witness}`,
          intervalMilliseconds: this.options.intervalMilliseconds ?? 1_000,
          run: async () => ({ more: (await this.deliverPending()).more }),
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

  private async post(head: WitnessHead): Promise<void> {
    const body = JSON.stringify(head);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-sla-tree-size': String(head.treeSize),
    };
    if (this.options.secret) {
      headers[WITNESS_SIGNATURE_HEADER] = witnessSignature(this.options.secret, body);
    }
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(this.options.requestTimeoutMilliseconds ?? 10_000),
    }).catch((error: unknown) => {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(`not reachable (${cause?.code ?? cause?.message ?? (error as Error).message})`);
    });
    // The body is not needed, but must be consumed so the connection is released.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`answered ${response.status} ${response.statusText}`.trim());
  }
}

/** `sha256=` and the hex HMAC-SHA256 of the raw request body under the shared secret. */
export function witnessSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** The URL as it may be shown and stored: no user, password, query or fragment (they may carry a token). */
export function witnessName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}
