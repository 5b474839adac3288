import { createPublicKey, verify } from 'node:crypto';
import { treeHeadMessage } from './log-leaf';
import { verifyInclusion } from './merkle-tree';
import { matchSealedLeaf } from './sealed-leaf';

/**
 * An evidence bundle: what the product reported for an agreement and period,
 * and the stored events behind it, each with an RFC 9162 inclusion proof to
 * one signed tree head. Plain JSON; checked offline by `verifyEvidenceBundle`.
 */
export type BundledEvent = {
  id: string;
  streamName: string;
  streamRevision: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  recordedAt: string;
  leafIndex: number;
  leafHash: string;
  inclusionProof: string[];
};

export type EvidenceBundle = {
  format: 'sla-engine-evidence-bundle/1';
  generatedAt: string;
  agreementId: string;
  period: { label: string; from: string; to: string; timeZone: string };
  treeHead: {
    treeSize: number;
    rootHash: string;
    signedAt: string;
    keyId: string;
    signature: string;
    publicKeyPem: string;
  };
  /** As reported by the product at generation time. */
  figures: Record<string, unknown>;
  events: BundledEvent[];
};

export type BundleVerification = { ok: boolean; checks: string[]; problems: string[]; eventsVerified: number };

export function verifyEvidenceBundle(
  bundle: EvidenceBundle,
  options: { trustedKeys?: readonly string[] } = {},
): BundleVerification {
  const problems: string[] = [];
  const head = bundle.treeHead;
  const root = Buffer.from(head.rootHash, 'hex');
  const trusted =
    !options.trustedKeys ||
    options.trustedKeys.some(
      (pem) =>
        createPublicKey(pem).export({ type: 'spki', format: 'pem' }) ===
        createPublicKey(head.publicKeyPem).export({ type: 'spki', format: 'pem' }),
    );
  if (!trusted) problems.push(`the tree head is signed with key ${head.keyId}, which is not one of the trusted keys`);
  let signatureOk = false;
  try {
    signatureOk = verify(
      null,
      Buffer.from(treeHeadMessage(head.treeSize, root, head.signedAt)),
      createPublicKey(head.publicKeyPem),
      Buffer.from(head.signature, 'base64'),
    );
  } catch {
    signatureOk = false;
  }
  if (!signatureOk)
    problems.push(`the signature of the tree head (size ${head.treeSize}, signed ${head.signedAt}) does not verify`);
  let eventsVerified = 0;
  for (const event of bundle.events) {
    const { hash: recomputed, matches } = matchSealedLeaf(
      { ...event, streamRevision: BigInt(event.streamRevision), recordedAt: new Date(event.recordedAt) },
      Buffer.from(event.leafHash, 'hex'),
    );
    if (!matches) {
      problems.push(
        `event ${event.id} (${event.type}) does not hash to its stated leaf: its content was changed in the bundle`,
      );
    } else if (
      !verifyInclusion(
        event.leafIndex,
        head.treeSize,
        recomputed,
        event.inclusionProof.map((hash) => Buffer.from(hash, 'hex')),
        root,
      )
    ) {
      problems.push(`event ${event.id} (${event.type}) is not proven to be leaf ${event.leafIndex} of the signed tree`);
    } else {
      eventsVerified += 1;
    }
  }
  return {
    ok: problems.length === 0,
    eventsVerified,
    problems,
    checks: [
      `the tree head's Ed25519 signature over size ${head.treeSize}, root and signing time, with ${options.trustedKeys ? 'a trusted key given on the command line' : 'the public key in the bundle (pass --public-key to pin it)'}`,
      `each of the ${bundle.events.length} events: its leaf recomputed from its content (canonical JSON of every stored field, SHA-256 with the RFC 9162 leaf prefix) and its inclusion proof checked against the signed root`,
      'not checked: the figures are as the product reported them; what this proves is that the events behind them are, unchanged, in the signed log',
    ],
  };
}
