import { createPublicKey, verify } from 'node:crypto';
import { treeHeadMessage } from './log-leaf';
import { verifyInclusion } from './merkle-tree';
import { matchSealedLeaf } from './sealed-leaf';
import { downtimeSetProblems, streamCompletenessProblems, ticketSetProblems } from '../evidence/bundle-completeness';
import {
  availabilityFigureProblems,
  breachFigureProblems,
  responseResolutionFigureProblems,
} from '../evidence/bundle-figures';
import {
  EvidenceManifestRecorded,
  evidenceManifestHash,
  figureSectionHash,
  type EvidenceManifest,
} from '../evidence/evidence-manifest';

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
  format: 'sla-engine-evidence-bundle/2';
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
  /** What the bundle claims (agreement, period, every event and stream, a hash of each figure section). */
  manifest: EvidenceManifest;
  /** The log's record of the manifest's hash (EvidenceManifestRecorded), proven under the same head. */
  manifestRecord: BundledEvent;
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
  const proven = (event: BundledEvent): string | null => {
    const { hash: recomputed, matches } = matchSealedLeaf(
      { ...event, streamRevision: BigInt(event.streamRevision), recordedAt: new Date(event.recordedAt) },
      Buffer.from(event.leafHash, 'hex'),
    );
    if (!matches)
      return `event ${event.id} (${event.type}) does not hash to its stated leaf: its content was changed in the bundle`;
    const proof = event.inclusionProof.map((hash) => Buffer.from(hash, 'hex'));
    if (!verifyInclusion(event.leafIndex, head.treeSize, recomputed, proof, root))
      return `event ${event.id} (${event.type}) is not proven to be leaf ${event.leafIndex} of the signed tree`;
    return null;
  };
  problems.push(...manifestProblems(bundle, proven));
  let eventsVerified = 0;
  for (const event of bundle.events) {
    const problem = proven(event);
    if (problem) problems.push(problem);
    else eventsVerified += 1;
  }
  if (bundle.manifest?.streams) {
    problems.push(...streamCompletenessProblems(bundle.manifest.streams, bundle.events));
    const figures = bundle.figures as {
      breaches?: { ticketId?: unknown }[];
      responseResolution?: [];
      availability?: { terms?: unknown; allTargetsMet?: unknown };
    };
    problems.push(
      ...ticketSetProblems(bundle.agreementId, bundle.period, bundle.events, figures.breaches ?? []),
      ...downtimeSetProblems(bundle.agreementId, bundle.events, figures.availability),
      ...breachFigureProblems(bundle.agreementId, bundle.period, bundle.events, figures.breaches),
      ...responseResolutionFigureProblems(bundle.agreementId, bundle.period, bundle.events, figures.responseResolution),
      ...availabilityFigureProblems(
        bundle.agreementId,
        bundle.period,
        bundle.events,
        figures.availability,
        bundle.manifestRecord?.recordedAt,
      ),
    );
  }
  return {
    ok: problems.length === 0,
    eventsVerified,
    problems,
    checks: [
      `the tree head's Ed25519 signature over size ${head.treeSize}, root and signing time, with ${options.trustedKeys ? 'a trusted key given on the command line' : 'the public key in the bundle (pass --public-key to pin it)'}`,
      `each of the ${bundle.events.length} events: its leaf recomputed from its content (canonical JSON of every stored field, SHA-256 with the RFC 9162 leaf prefix) and its inclusion proof checked against the signed root`,
      "the manifest: its hash is the one the log records (an EvidenceManifestRecorded event proven under the same head), it names the bundle's agreement and period, every event it lists is in the bundle at its leaf and nothing else is, and each figure section hashes to the one it lists",
      "completeness: each stream holds every revision from 0 to its last at the head, as the manifest gives it; the ticket streams are the agreement's services' tickets opened in the period (or breached in it), and every ticket a finding or stated breach names has its stream; the outage and maintenance streams are of the agreement's services, and every outage the stated availability counts has its stream",
      "figures recomputed from the bundle's events: the breach log of the period (the SLA watch's findings, parsed by the product's schemas) against the stated breaches, and response and resolution compliance (tickets, met, breached, open, % within target per service, priority and metric; evaluateTicketSla over the tickets' facts, the agreement's history and its calendars) against the stated one, and availability per term (availabilityTerms over the agreement's history, measureAvailability over the service's bundled outages and maintenance occurrences in its calendar, up to the stated measuredUntil) against the stated terms",
      'not recomputed: process KPIs, follow-ups, reviews, plans and reports (their sections are bound to the logged manifest by hash), the response and resolution median and 90th percentile, and the per-outage contributions',
    ],
  };
}

/**
 * The manifest against the log and against the bundle: logged (its hash in an EvidenceManifestRecorded event proven
 * under the head), for this agreement and period, listing exactly the bundle's events at their leaves, and hashing
 * each figure section as stated. Each problem names the event, stream or section.
 */
function manifestProblems(bundle: EvidenceBundle, proven: (event: BundledEvent) => string | null): string[] {
  const { manifest, manifestRecord } = bundle;
  if (!manifest || !manifestRecord)
    return [
      'the bundle has no logged manifest: nothing binds its event list, figures, agreement and period to the log',
    ];
  const problems: string[] = [];
  const record = EvidenceManifestRecorded.schema.safeParse(manifestRecord.data);
  const recordProblem = proven(manifestRecord);
  if (manifestRecord.type !== EvidenceManifestRecorded.type || !record.success) {
    problems.push(`event ${manifestRecord.id} (${manifestRecord.type}) is not an EvidenceManifestRecorded event`);
    return problems;
  }
  if (recordProblem) problems.push(`the manifest record: ${recordProblem}`);
  const hash = evidenceManifestHash(manifest);
  if (hash !== record.data.manifestHash)
    problems.push(
      `the bundle's manifest hashes to ${hash}, not to the hash logged in event ${manifestRecord.id} (${record.data.manifestHash}): the manifest was changed after it was logged`,
    );
  if (record.data.agreementId !== manifest.agreementId || record.data.period !== manifest.period.label)
    problems.push(
      `the manifest is for agreement '${manifest.agreementId}', period '${manifest.period.label}', but the log recorded it for agreement '${record.data.agreementId}', period '${record.data.period}'`,
    );
  if (bundle.agreementId !== manifest.agreementId)
    problems.push(
      `the bundle is labelled agreement '${bundle.agreementId}', but its logged manifest is for agreement '${manifest.agreementId}'`,
    );
  for (const field of ['label', 'from', 'to', 'timeZone'] as const)
    if (bundle.period?.[field] !== manifest.period[field])
      problems.push(
        `the bundle is labelled period ${field === 'label' ? '' : `${field} `}'${bundle.period?.[field]}', but its logged manifest is for period ${field === 'label' ? '' : `${field} `}'${manifest.period[field]}'`,
      );
  const bundled = new Map(bundle.events.map((event) => [event.id, event]));
  const listed = new Set(manifest.events.map((entry) => entry.id));
  for (const entry of manifest.events) {
    const event = bundled.get(entry.id);
    const place = `${entry.type}, ${entry.streamName}@${entry.streamRevision}`;
    if (!event) problems.push(`event ${entry.id} (${place}) is in the logged manifest but missing from the bundle`);
    else if (
      event.leafHash !== entry.leafHash ||
      event.leafIndex !== entry.leafIndex ||
      event.streamName !== entry.streamName ||
      event.streamRevision !== entry.streamRevision
    )
      problems.push(`event ${entry.id} (${place}) is not where the logged manifest puts it (leaf ${entry.leafIndex})`);
  }
  for (const event of bundle.events)
    if (!listed.has(event.id))
      problems.push(
        `event ${event.id} (${event.type}, ${event.streamName}@${event.streamRevision}) is in the bundle but not in the logged manifest`,
      );
  const sections = new Set([...Object.keys(manifest.figures), ...Object.keys(bundle.figures ?? {})]);
  for (const section of sections) {
    if (!(section in (bundle.figures ?? {}))) problems.push(`figure section '${section}' is missing from the bundle`);
    else if (!(section in manifest.figures)) problems.push(`figure section '${section}' is not in the logged manifest`);
    else if (figureSectionHash(bundle.figures[section]) !== manifest.figures[section])
      problems.push(`figure section '${section}' is not the one the logged manifest committed to`);
  }
  return problems;
}
