import { legacyStreamName } from '@sla/event-sourcing';
import { eventLeaf, type LoggedEvent } from './log-leaf';
import { leafHash, type Hash } from './merkle-tree';

export type SealedLeafMatch = {
  /** The leaf hash to put in the tree: the sealed one when the event matches it, else the event's own. */
  readonly hash: Hash;
  readonly matches: boolean;
  /** True when the event matches only under the stream name it had before the stream-category rename. */
  readonly underLegacyStreamName: boolean;
};

/**
 * Whether a stored event is the one a leaf sealed. Issue 13 renamed stored
 * streams (`service-report-x` to `service_report-x`, see
 * LEGACY_STREAM_CATEGORIES), and a leaf hashes the stream name, so an event
 * sealed before the rename matches its leaf only under its legacy name.
 * That is the only alteration accepted: a fixed, one-way mapping of whole
 * category prefixes that keeps the event in the same stream at the same
 * revision. Anything else, including moving an event back to a legacy name,
 * still fails to match.
 */
export function matchSealedLeaf(event: LoggedEvent, sealedHash: Buffer | undefined): SealedLeafMatch {
  const asStored = leafHash(eventLeaf(event));
  if (!sealedHash || asStored.equals(sealedHash)) {
    return { hash: asStored, matches: sealedHash !== undefined, underLegacyStreamName: false };
  }
  const legacyName = legacyStreamName(event.streamName);
  if (legacyName !== undefined) {
    const asSealed = leafHash(eventLeaf({ ...event, streamName: legacyName }));
    if (asSealed.equals(sealedHash)) return { hash: asSealed, matches: true, underLegacyStreamName: true };
  }
  return { hash: asStored, matches: false, underLegacyStreamName: false };
}
