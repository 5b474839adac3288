import { generateKeyPairSync, sign } from 'node:crypto';
import { verifyEvidenceBundle, type BundledEvent, type EvidenceBundle } from './evidence-bundle';
import { eventLeaf, treeHeadMessage } from './log-leaf';
import { inclusionProof, leafHash, rootOf } from './merkle-tree';

const storedEvent = (id: string, streamName: string, type: string) => ({
  id,
  streamName,
  streamRevision: '0',
  type,
  schemaVersion: 1,
  data: { note: type },
  metadata: { actor: 'slm.alice' },
  recordedAt: '2026-04-01T08:00:00.000Z',
});

/** A signed bundle of two events: a report sealed under its legacy stream name, since renamed, and a ticket. */
function bundleOf(change: (events: BundledEvent[]) => void = () => undefined): EvidenceBundle {
  const sealed = [
    storedEvent('9d7b3c1e-0000-4000-8000-000000000001', 'service-report-email-sla-2026-03', 'ServiceReportDrafted'),
    storedEvent('9d7b3c1e-0000-4000-8000-000000000002', 'ticket-T-1', 'TicketOpened'),
  ];
  const hashes = sealed.map((event) =>
    leafHash(
      eventLeaf({ ...event, streamRevision: BigInt(event.streamRevision), recordedAt: new Date(event.recordedAt) }),
    ),
  );
  const root = rootOf(hashes);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signedAt = '2026-04-01T08:01:00.000Z';
  const events: BundledEvent[] = sealed.map((event, index) => ({
    ...event,
    leafIndex: index,
    leafHash: hashes[index].toString('hex'),
    inclusionProof: inclusionProof(index, hashes).map((hash) => hash.toString('hex')),
  }));
  // As stored now: the report stream was renamed by the event store migration.
  events[0].streamName = 'service_report-email-sla-2026-03';
  change(events);
  return {
    format: 'sla-engine-evidence-bundle/1',
    generatedAt: '2026-04-02T00:00:00.000Z',
    agreementId: 'email-sla',
    period: { label: '2026-03', from: '2026-03-01', to: '2026-04-01', timeZone: 'Europe/Berlin' },
    treeHead: {
      treeSize: 2,
      rootHash: root.toString('hex'),
      signedAt,
      keyId: 'k1',
      signature: sign(null, Buffer.from(treeHeadMessage(2, root, signedAt)), privateKey).toString('base64'),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
    figures: {},
    events,
  };
}

describe('verifyEvidenceBundle across the stream-category rename', () => {
  it('given an event sealed under its legacy stream name and renamed since, then it verifies', () => {
    expect(verifyEvidenceBundle(bundleOf())).toMatchObject({ ok: true, eventsVerified: 2, problems: [] });
  });

  it('given an event moved to another stream in the bundle, then it is reported as changed', () => {
    const moved = bundleOf((events) => (events[0].streamName = 'sla_watch-email-sla-2026-03'));
    expect(verifyEvidenceBundle(moved)).toMatchObject({ ok: false, eventsVerified: 1 });
    expect(verifyEvidenceBundle(moved).problems[0]).toMatch(/does not hash to its stated leaf/);
  });
});
