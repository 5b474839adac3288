import { createHash } from 'node:crypto';
import { z } from 'zod';
import { defineEvent, deterministicUuid, streamName, type DomainEvent, type EventDataOf } from '@sla/event-sourcing';
import { canonicalJson } from '../merkle/log-leaf';

/** One event the bundle carries, as the manifest commits to it: where it is in its stream and in the log. */
export type ManifestEntry = {
  readonly id: string;
  readonly type: string;
  readonly streamName: string;
  readonly streamRevision: string;
  readonly leafIndex: number;
  readonly leafHash: string;
};

/**
 * What a bundle claims, in one object whose hash is logged before the bundle is handed out: the agreement and period,
 * every event with its stream revision and leaf, each stream's last revision at the bundle's head (the bundle holds
 * every revision from 0 to it), and a hash of each figure section.
 */
export type EvidenceManifest = {
  readonly format: 'sla-engine-evidence-manifest/1';
  readonly agreementId: string;
  readonly period: { readonly label: string; readonly from: string; readonly to: string; readonly timeZone: string };
  readonly streams: readonly { readonly streamName: string; readonly lastRevision: string }[];
  readonly events: readonly ManifestEntry[];
  /** SHA-256 (hex) of the canonical JSON of each figure section, by section name. */
  readonly figures: Readonly<Record<string, string>>;
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Over the section as the bundle's JSON carries it (dates as ISO strings, undefined left out), so the hash the exporter
 * logs is the one a verifier recomputes from the file.
 */
export const figureSectionHash = (section: unknown) =>
  sha256(canonicalJson(section === undefined ? null : JSON.parse(JSON.stringify(section))));

export const evidenceManifestHash = (manifest: EvidenceManifest) => sha256(canonicalJson(manifest));

/** The manifest of a bundle's content: the streams are the ones its events are in, each up to its last revision. */
export function buildEvidenceManifest(content: {
  readonly agreementId: string;
  readonly period: EvidenceManifest['period'];
  readonly events: readonly ManifestEntry[];
  readonly figures: Readonly<Record<string, unknown>>;
}): EvidenceManifest {
  const lastRevisions = new Map<string, bigint>();
  for (const event of content.events) {
    const revision = BigInt(event.streamRevision);
    const last = lastRevisions.get(event.streamName);
    if (last === undefined || revision > last) lastRevisions.set(event.streamName, revision);
  }
  return {
    format: 'sla-engine-evidence-manifest/1',
    agreementId: content.agreementId,
    period: content.period,
    streams: [...lastRevisions]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, lastRevision]) => ({ streamName: name, lastRevision: lastRevision.toString() })),
    events: content.events.map(({ id, type, streamName: stream, streamRevision, leafIndex, leafHash }) => ({
      id,
      type,
      streamName: stream,
      streamRevision,
      leafIndex,
      leafHash,
    })),
    figures: Object.fromEntries(
      Object.entries(content.figures).map(([section, value]) => [section, figureSectionHash(value)]),
    ),
  };
}

/**
 * The manifest's hash, appended to the log before the bundle leaves the product and sealed under the head the bundle
 * is proven against. Anyone holding that head (or a later one, see `audit verify --known-heads`) holds the operator to
 * this manifest: a different bundle for the same agreement and period needs a second record in the append-only log.
 */
export const EvidenceManifestRecorded = defineEvent({
  type: 'EvidenceManifestRecorded',
  schemaVersion: 1,
  schema: z.strictObject({
    agreementId: z.string().min(1),
    period: z.string().min(1),
    manifestHash: z.string().regex(/^[0-9a-f]{64}$/),
    events: z.number().int().nonnegative(),
  }),
});

export type EvidenceManifestRecordedEvent = DomainEvent<
  'EvidenceManifestRecorded',
  EventDataOf<typeof EvidenceManifestRecorded>
>;

export const evidenceManifestEventDefinitions = [EvidenceManifestRecorded];

/** One stream per agreement: every bundle exported for it, in order. */
export const evidenceManifestStreamName = (agreementId: string) => streamName('evidence_manifest', agreementId);

/** The same manifest gives the same event: exporting an unchanged bundle twice logs it once. */
export const evidenceManifestEventId = (manifestHash: string) => deterministicUuid(`evidence-manifest:${manifestHash}`);
