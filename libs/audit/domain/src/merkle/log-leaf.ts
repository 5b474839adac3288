/**
 * What a leaf of the log's Merkle tree commits to: one stored event, every
 * field of it, serialised canonically (object keys sorted, no whitespace), so
 * the same stored event always gives the same bytes whoever computes them.
 */
export type LoggedEvent = {
  readonly id: string;
  readonly streamName: string;
  readonly streamRevision: bigint;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly recordedAt: Date;
};

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, child]) => child !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(',')}}`;
}

export function eventLeaf(event: LoggedEvent): Buffer {
  return Buffer.from(
    canonicalJson({
      id: event.id,
      streamName: event.streamName,
      streamRevision: event.streamRevision.toString(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: event.metadata,
      recordedAt: event.recordedAt.toISOString(),
    }),
    'utf8',
  );
}

/** The text a tree head's signature covers. */
export const treeHeadMessage = (treeSize: number, rootHash: Buffer, signedAt: string) =>
  `sla-engine tree head v1\n${treeSize}\n${rootHash.toString('hex')}\n${signedAt}\n`;
