import { generateKeyPairSync, sign } from 'node:crypto';
import {
  buildEvidenceManifest,
  evidenceManifestEventId,
  evidenceManifestHash,
  type EvidenceManifest,
} from '../evidence/evidence-manifest';
import { verifyEvidenceBundle, type BundledEvent, type EvidenceBundle } from './evidence-bundle';
import { eventLeaf, treeHeadMessage } from './log-leaf';
import { inclusionProof, leafHash, rootOf } from './merkle-tree';

type Stored = Omit<BundledEvent, 'leafIndex' | 'leafHash' | 'inclusionProof'>;

const storedEvent = (id: string, streamName: string, type: string, data: unknown = { note: type }): Stored => ({
  id,
  streamName,
  streamRevision: '0',
  type,
  schemaVersion: 1,
  data,
  metadata: { actor: 'slm.alice' },
  recordedAt: '2026-04-01T08:00:00.000Z',
});

const period = { label: '2026-03', from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', timeZone: 'UTC' };

/**
 * A signed bundle as the exporter makes it: the agreement, a report sealed under its legacy stream name and renamed
 * since, a ticket of the agreement's service, and the manifest's record sealed after them.
 */
function bundleOf(
  change: (events: BundledEvent[]) => void = () => undefined,
  changeManifest: (manifest: EvidenceManifest) => EvidenceManifest = (manifest) => manifest,
): EvidenceBundle {
  const content = [
    storedEvent('9d7b3c1e-0000-4000-8000-000000000000', 'agreement-email-sla', 'AgreementDrafted', {
      content: { services: ['email'] },
    }),
    storedEvent('9d7b3c1e-0000-4000-8000-000000000001', 'service-report-email-sla-2026-03', 'ServiceReportDrafted'),
    storedEvent('9d7b3c1e-0000-4000-8000-000000000002', 'ticket-T-1', 'TicketOpened', {
      serviceId: 'email',
      occurredAt: '2026-03-05T08:00:00.000Z',
    }),
  ];
  const hashOf = (event: Stored) =>
    leafHash(
      eventLeaf({ ...event, streamRevision: BigInt(event.streamRevision), recordedAt: new Date(event.recordedAt) }),
    );
  const contentHashes = content.map(hashOf);
  const asStored = content.map((event, index) => ({
    ...event,
    // As stored now: the report stream was renamed by the event store migration.
    streamName: index === 1 ? 'service_report-email-sla-2026-03' : event.streamName,
    leafIndex: index,
    leafHash: contentHashes[index].toString('hex'),
  }));
  const manifest = changeManifest(
    buildEvidenceManifest({
      agreementId: 'email-sla',
      period,
      events: asStored,
      figures: { breaches: [], responseResolution: [], availability: { terms: [], allTargetsMet: null } },
    }),
  );
  const manifestHash = evidenceManifestHash(manifest);
  const record = storedEvent(
    evidenceManifestEventId(manifestHash),
    'evidence_manifest-email-sla',
    'EvidenceManifestRecorded',
    {
      agreementId: 'email-sla',
      period: '2026-03',
      manifestHash,
      events: manifest.events.length,
    },
  );
  const hashes = [...contentHashes, hashOf(record)];
  const root = rootOf(hashes);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signedAt = '2026-04-01T08:01:00.000Z';
  const proven = (event: Stored, index: number): BundledEvent => ({
    ...event,
    leafIndex: index,
    leafHash: hashes[index].toString('hex'),
    inclusionProof: inclusionProof(index, hashes).map((hash) => hash.toString('hex')),
  });
  const events = asStored.map((event, index) => proven(event, index));
  change(events);
  return {
    format: 'sla-engine-evidence-bundle/2',
    generatedAt: '2026-04-02T00:00:00.000Z',
    agreementId: 'email-sla',
    period,
    treeHead: {
      treeSize: hashes.length,
      rootHash: root.toString('hex'),
      signedAt,
      keyId: 'k1',
      signature: sign(null, Buffer.from(treeHeadMessage(hashes.length, root, signedAt)), privateKey).toString('base64'),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
    figures: { breaches: [], responseResolution: [], availability: { terms: [], allTargetsMet: null } },
    events,
    manifest,
    manifestRecord: proven(record, hashes.length - 1),
  };
}

describe('verifyEvidenceBundle across the stream-category rename', () => {
  it('given an event sealed under its legacy stream name and renamed since, then it verifies', () => {
    expect(verifyEvidenceBundle(bundleOf())).toMatchObject({ ok: true, eventsVerified: 3, problems: [] });
  });

  it('given an event moved to another stream in the bundle, then it is reported as changed', () => {
    const moved = bundleOf((events) => (events[1].streamName = 'sla_watch-email-sla-2026-03'));
    const result = verifyEvidenceBundle(moved);
    expect(result).toMatchObject({ ok: false, eventsVerified: 2 });
    expect(result.problems).toContainEqual(expect.stringMatching(/does not hash to its stated leaf/));
  });
});
