import type { Kysely } from 'kysely';
import {
  consistencyProof,
  matchSealedLeaf,
  rootOf,
  StreamingRoot,
  treeHeadMessage,
  verifyConsistency,
  type Hash,
} from '@sla/audit-domain';
import type { EventStore, GlobalPosition, RecordedEvent } from '@sla/event-sourcing';
import type { AppendRecord, AuditLogTables } from './log-sealer';
import type { KnownHead } from './known-heads';
import { signatureValid } from './log-signer';
import { trustedKeysById } from './signing-key-rotation';

export type FindingKind =
  | 'altered'
  | 'missing'
  | 'reordered'
  | 'head-mismatch'
  | 'bad-signature'
  | 'untrusted-key'
  | 'unsealed'
  | 'inconsistent-head'
  | 'moved'
  | 'revision-gap'
  | 'not-appended';

export type Finding = {
  readonly kind: FindingKind;
  readonly leafIndex: number | null;
  readonly eventId: string | null;
  readonly treeSize: number | null;
  readonly detail: string;
};

export type VerificationReport = {
  readonly ok: boolean;
  readonly eventsInLog: number;
  readonly sealedLeaves: number;
  readonly unsealedEvents: number;
  readonly headsChecked: number;
  readonly latestHead: { treeSize: number; rootHash: string; signedAt: string; keyId: string } | null;
  /** In log order; the first is the earliest place the log differs from what was sealed. */
  readonly findings: readonly Finding[];
  /** What was checked, in words, for the report. */
  readonly checks: readonly string[];
};

const PAGE = 1_000;

async function* logPages(store: EventStore): AsyncGenerator<readonly RecordedEvent[]> {
  let after: GlobalPosition | undefined;
  for (;;) {
    const page = await store.readAll({ ...(after ? { after } : {}), maxCount: PAGE });
    yield page.events;
    if (page.events.length < PAGE) return;
    after = page.events[page.events.length - 1].position;
  }
}

async function* logEvents(store: EventStore): AsyncGenerator<RecordedEvent> {
  for await (const page of logPages(store)) yield* page;
}

const samePosition = (a: GlobalPosition, b: { position_commit: string; position_prepare: string }) =>
  a.commit === BigInt(b.position_commit) && a.prepare === BigInt(b.position_prepare);

/**
 * Recomputes every leaf from the events as stored now and every signed tree
 * head from those leaves, and reports where the log differs from what was
 * sealed: an event changed, missing or moved, or a head that the log no
 * longer hashes to or whose signature fails. `trustedKeys` pins the public
 * keys (PEM) a head must be signed with; without it the keys recorded beside
 * the heads are used, which proves integrity against edits to events but not
 * against someone who can also re-sign.
 */
export async function verifyLog(
  store: EventStore,
  db: Kysely<AuditLogTables>,
  options: {
    trustedKeys?: readonly string[];
    /**
     * Every event recorded before this instant must be covered by a signed head
     * (the sealer signs one every head interval, so the caller passes now minus a
     * grace of a few intervals). Without it, emptying the audit tables, or only
     * the heads, would leave an edited log with nothing to contradict it.
     */
    sealedBy?: Date;
    /**
     * Heads an auditor kept from earlier (`audit heads export`): each must be
     * signed, and the log as stored now must extend it (an RFC 9162
     * consistency proof from it to the current head), so a history rewritten
     * and resealed, heads and all, is still found by whoever holds an older head.
     */
    knownHeads?: readonly KnownHead[];
    /**
     * The store's record of its own appends (PostgreSQL): an event no append wrote was written past the store
     * (a superuser with triggers off), sealed or not.
     */
    appendRecord?: AppendRecord;
    onProgress?: (checked: number, total: number) => void;
  } = {},
): Promise<VerificationReport> {
  const findings: Finding[] = [];
  const note = (finding: Finding) => {
    if (findings.length < 100) findings.push(finding);
  };
  const leafCount = Number(
    (
      await db
        .selectFrom('audit_log_leaf')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow()
    ).count,
  );
  const heads = await db.selectFrom('audit_tree_head').selectAll().orderBy('tree_size').execute();
  const keys = new Map(
    (await db.selectFrom('audit_signing_key').selectAll().execute()).map((key) => [key.key_id, key.public_key_pem]),
  );
  // With trusted keys, the database's copy of a public key is never used: a key added there proves nothing.
  const trusted = options.trustedKeys ? trustedKeysById(options.trustedKeys) : undefined;
  const publicKeyFor = (keyId: string, carried?: string) =>
    trusted ? trusted.get(keyId) : (carried ?? keys.get(keyId));

  // First pass: which event ids the log holds now, to tell a moved event from a missing one.
  const inLog = new Set<string>();
  for await (const event of logEvents(store)) inLog.add(event.id);

  const streaming = new StreamingRoot();
  let headIndex = 0;
  let lastGoodHead = 0;
  const checkHead = () => {
    while (headIndex < heads.length && Number(heads[headIndex].tree_size) === streaming.size) {
      const head = heads[headIndex];
      const treeSize = Number(head.tree_size);
      const publicKey = publicKeyFor(head.key_id);
      if (!publicKey) {
        note({
          kind: 'untrusted-key',
          leafIndex: null,
          eventId: null,
          treeSize,
          detail: `the head at size ${treeSize} is signed with key ${head.key_id}, which is not a trusted key`,
        });
      } else if (
        !signatureValid(publicKey, treeHeadMessage(treeSize, head.root_hash, head.signed_at), head.signature)
      ) {
        note({
          kind: 'bad-signature',
          leafIndex: null,
          eventId: null,
          treeSize,
          detail: `the signature of the head at size ${treeSize} (signed ${head.signed_at}) does not match its size, root and time: the head was altered or forged`,
        });
      } else if (!streaming.root().equals(head.root_hash)) {
        note({
          kind: 'head-mismatch',
          leafIndex: null,
          eventId: null,
          treeSize,
          detail: `the first ${treeSize} events no longer hash to the head signed ${head.signed_at}: an event at index ${lastGoodHead}–${treeSize - 1} was changed (with its leaf record, if no finding names it)`,
        });
      } else {
        lastGoodHead = treeSize;
      }
      headIndex += 1;
    }
  };

  const coveredByHeads = heads.length > 0 ? Number(heads[heads.length - 1].tree_size) : 0;
  let overdue: { count: number; first: RecordedEvent; firstIndex: number } | undefined;
  // The leaf hashes as recomputed from the log, kept only to prove consistency with the known heads.
  const logLeafHashes: Hash[] | undefined = options.knownHeads?.length ? [] : undefined;
  let index = 0;
  let eventsInLog = 0;
  let sealedUnderLegacyStreamNames = 0;
  const leafPage = async (from: number) =>
    db
      .selectFrom('audit_log_leaf')
      .select(['leaf_index', 'event_id', 'leaf_hash', 'position_commit', 'position_prepare'])
      .where('leaf_index', '>=', String(from))
      .where('leaf_index', '<', String(from + PAGE))
      .orderBy('leaf_index')
      .execute();
  let base = 0;
  let leaves = await leafPage(base);
  checkHead();
  // Each stream's revisions, as the log holds them: 0, 1, 2, … in log order, whether sealed or not.
  const lastRevisions = new Map<string, bigint>();
  for await (const page of logPages(store)) {
    const notAppended = (await options.appendRecord?.eventsNotAppended(page)) ?? new Set<string>();
    for (const event of page) await checkEvent(event, notAppended);
  }
  // Checks one event in log order against its leaf, its stream and the store's appends.
  async function checkEvent(event: RecordedEvent, notAppended: ReadonlySet<string>) {
    eventsInLog += 1;
    if (index >= base + PAGE) {
      base = index;
      leaves = await leafPage(base);
    }
    const candidate = leaves[index - base];
    const leaf = candidate && Number(candidate.leaf_index) === index ? candidate : undefined;
    const sameEvent = leaf !== undefined && leaf.event_id === event.id;
    const match = matchSealedLeaf(event, sameEvent ? leaf.leaf_hash : undefined);
    if (leaf) {
      if (!sameEvent) {
        note(
          inLog.has(leaf.event_id)
            ? {
                kind: 'reordered',
                leafIndex: index,
                eventId: leaf.event_id,
                treeSize: null,
                detail: `leaf ${index} sealed event ${leaf.event_id}, which now stands elsewhere in the log; event ${event.id} stands in its place`,
              }
            : {
                kind: 'missing',
                leafIndex: index,
                eventId: leaf.event_id,
                treeSize: null,
                detail: `leaf ${index} sealed event ${leaf.event_id}, which is no longer in the log`,
              },
        );
      } else if (!samePosition(event.position, leaf)) {
        note({
          kind: 'moved',
          leafIndex: index,
          eventId: event.id,
          treeSize: null,
          detail: `event ${event.id} (${event.type}) was sealed at log position ${leaf.position_commit}/${leaf.position_prepare} and now stands at ${event.position.commit}/${event.position.prepare}: its row was rewritten`,
        });
      } else if (!match.matches) {
        note({
          kind: 'altered',
          leafIndex: index,
          eventId: event.id,
          treeSize: null,
          detail: `event ${event.id} (${event.type} in ${event.streamName} at revision ${event.streamRevision}) differs from what was sealed`,
        });
      } else if (match.underLegacyStreamName) {
        sealedUnderLegacyStreamNames += 1;
      }
    }
    if (options.sealedBy && index >= coveredByHeads && event.recordedAt < options.sealedBy) {
      if (overdue) overdue.count += 1;
      else overdue = { count: 1, first: event, firstIndex: index };
    }
    streaming.push(match.hash);
    logLeafHashes?.push(match.hash);
    const expectedRevision = (lastRevisions.get(event.streamName) ?? -1n) + 1n;
    if (event.streamRevision !== expectedRevision) {
      note({
        kind: 'revision-gap',
        leafIndex: index,
        eventId: event.id,
        treeSize: null,
        detail: `event ${event.id} (${event.type}) stands at revision ${event.streamRevision} of ${event.streamName}, whose previous event in the log is at ${expectedRevision - 1n}: a stream's revisions follow one another from 0, so an event was inserted, removed or renumbered`,
      });
    }
    lastRevisions.set(event.streamName, event.streamRevision);
    if (notAppended.has(event.id)) {
      note({
        kind: 'not-appended',
        leafIndex: index,
        eventId: event.id,
        treeSize: null,
        detail: `event ${event.id} (${event.type} in ${event.streamName} at revision ${event.streamRevision}) was written by no append of the store (event_store.appends has no record of it): a row inserted past the store's append function`,
      });
    }
    index += 1;
    checkHead();
    if (index % PAGE === 0) options.onProgress?.(index, inLog.size);
  }
  options.onProgress?.(eventsInLog, inLog.size);
  if (eventsInLog < leafCount) {
    note({
      kind: 'missing',
      leafIndex: eventsInLog,
      eventId: null,
      treeSize: null,
      detail: `${leafCount - eventsInLog} sealed event(s) at the end of the log are gone (log has ${eventsInLog}, ${leafCount} were sealed)`,
    });
  }
  while (headIndex < heads.length) {
    const head = heads[headIndex];
    note({
      kind: 'head-mismatch',
      leafIndex: null,
      eventId: null,
      treeSize: Number(head.tree_size),
      detail: `a head was signed at size ${head.tree_size} but the log holds only ${eventsInLog} events`,
    });
    headIndex += 1;
  }
  if (overdue) {
    const { count, first, firstIndex } = overdue;
    note({
      kind: 'unsealed',
      leafIndex: firstIndex,
      eventId: first.id,
      treeSize: null,
      detail: `${count} event(s) recorded before ${options.sealedBy!.toISOString()} are covered by no signed head (${heads.length === 0 ? 'there is no head at all' : `the latest head has size ${coveredByHeads}`}), though the sealer signs one every head interval: the audit tables were emptied or heads removed. The first is event ${first.id} (${first.type} in ${first.streamName} at revision ${first.streamRevision}, recorded ${first.recordedAt.toISOString()}) at index ${firstIndex}`,
    });
  }
  const latest = heads.at(-1);
  for (const known of options.knownHeads ?? []) {
    const finding = checkKnownHead(known, {
      logLeafHashes: logLeafHashes!,
      latest,
      publicKey: publicKeyFor(known.keyId, known.publicKeyPem),
    });
    if (finding) note(finding);
  }
  return {
    ok: findings.length === 0,
    eventsInLog,
    sealedLeaves: leafCount,
    unsealedEvents: Math.max(0, eventsInLog - leafCount),
    headsChecked: heads.length,
    latestHead: latest
      ? {
          treeSize: Number(latest.tree_size),
          rootHash: latest.root_hash.toString('hex'),
          signedAt: latest.signed_at,
          keyId: latest.key_id,
        }
      : null,
    findings,
    checks: [
      `read all ${eventsInLog} events of the global log in order, as stored`,
      `recomputed each event's leaf hash (RFC 9162, SHA-256 over canonical JSON of every stored field) and compared it with the ${leafCount} sealed leaves, event id by event id`,
      "checked that each stream's revisions follow one another from 0 in log order, and that each sealed event stands at the log position it was sealed at",
      ...(options.appendRecord
        ? ["checked that the store's append recorded writing every event (event_store.appends)"]
        : []),
      `recomputed the Merkle tree head at each of the ${heads.length} signed sizes and compared it with the signed root`,
      `verified each head's Ed25519 signature over size, root and signing time with ${options.trustedKeys ? 'the trusted keys given' : 'the public keys recorded beside the heads'}`,
      ...(options.knownHeads?.length
        ? [
            `checked the signature of each of the ${options.knownHeads.length} head(s) held from earlier, and an RFC 9162 consistency proof from each to the current head over the log as stored`,
          ]
        : []),
      ...(options.sealedBy
        ? [`checked that every event recorded before ${options.sealedBy.toISOString()} is covered by a signed head`]
        : []),
      ...(sealedUnderLegacyStreamNames > 0
        ? [
            `${sealedUnderLegacyStreamNames} event(s) were sealed before their streams were renamed to categories without '-' (issue 13, e.g. service-report-… to service_report-…): their leaves matched under the legacy stream name, and only under it`,
          ]
        : []),
    ],
  };
}

const headInWords = (head: { treeSize: number; rootHash: string; signedAt: string; keyId: string }) =>
  `size ${head.treeSize}, root ${head.rootHash}, signed ${head.signedAt} by key ${head.keyId}`;

/** One held head against the log as stored now: signed, and a prefix of the current tree. */
function checkKnownHead(
  known: KnownHead,
  context: {
    logLeafHashes: readonly Hash[];
    latest: AuditLogTables['audit_tree_head'] | undefined;
    publicKey: string | undefined;
  },
): Finding | undefined {
  const held = `the held head (${headInWords(known)})`;
  const finding = (kind: FindingKind, detail: string): Finding => ({
    kind,
    leafIndex: null,
    eventId: null,
    treeSize: known.treeSize,
    detail,
  });
  if (!context.publicKey)
    return finding('untrusted-key', `${held} is signed with a key that is neither trusted nor recorded`);
  const knownRoot = Buffer.from(known.rootHash, 'hex');
  if (
    !signatureValid(
      context.publicKey,
      treeHeadMessage(known.treeSize, knownRoot, known.signedAt),
      Buffer.from(known.signature, 'base64'),
    )
  )
    return finding('bad-signature', `the signature of ${held} does not match: the kept copy was altered`);
  const logSize = context.logLeafHashes.length;
  if (known.treeSize > logSize)
    return finding(
      'missing',
      `${held} covers ${known.treeSize} events, but the log holds only ${logSize}: sealed events were removed`,
    );
  // The current head when it reaches the held one; otherwise (heads removed) the log's own tree as stored.
  const latestSize = context.latest ? Number(context.latest.tree_size) : 0;
  const current =
    context.latest && latestSize >= known.treeSize && latestSize <= logSize
      ? {
          treeSize: latestSize,
          root: context.latest.root_hash,
          description: `the current head (${headInWords({ treeSize: latestSize, rootHash: context.latest.root_hash.toString('hex'), signedAt: context.latest.signed_at, keyId: context.latest.key_id })})`,
        }
      : {
          treeSize: logSize,
          root: rootOf(context.logLeafHashes),
          description: `the log as stored (size ${logSize}; no current head reaches the held one)`,
        };
  const proof = consistencyProof(known.treeSize, context.logLeafHashes.slice(0, current.treeSize));
  if (!verifyConsistency(known.treeSize, current.treeSize, knownRoot, current.root, proof))
    return finding(
      'inconsistent-head',
      `${held} is not consistent with ${current.description}: the first ${known.treeSize} events were rewritten since it was signed (and resealed, if no other finding names them)`,
    );
  return undefined;
}
