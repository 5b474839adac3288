import { DomainError, type DomainEvent, type EventStore } from '@sla/event-sourcing';

/** One field in which a redelivery differs from what its delivery stored. */
export type DeliveryDifference = { readonly path: string; readonly stored: unknown; readonly sent: unknown };

/**
 * A delivery id (source + externalId) reused for other content. Like a
 * payment API's reused idempotency key: answering "duplicate" would drop the
 * new content silently, storing it would break idempotency, so it is refused
 * and the caller learns what differs.
 */
export class DeliveryConflictError extends DomainError {
  readonly code = 'DELIVERY_CONFLICT';
  readonly kind = 'conflict' as const;
  constructor(
    readonly delivery: string,
    readonly differences: readonly DeliveryDifference[],
    explanation = differences.map(describe).join('; '),
  ) {
    super(
      `delivery ${delivery} is already stored with other content (${explanation}): ` +
        'a redelivery must repeat it, a new fact needs a new externalId',
    );
    this.name = 'DeliveryConflictError';
  }

  get details() {
    return { delivery: this.delivery, differences: this.differences };
  }
}

function shown(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
const describe = (difference: DeliveryDifference) =>
  `${difference.path}: stored ${shown(difference.stored)}, sent ${shown(difference.sent)}`;

// The event schemas' instants: ISO 8601 with an offset, compared as instants (09:00+01:00 is 08:00Z).
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function sameValue(stored: unknown, sent: unknown): boolean {
  if (typeof stored === 'string' && typeof sent === 'string' && INSTANT.test(stored) && INSTANT.test(sent)) {
    return Date.parse(stored) === Date.parse(sent);
  }
  return JSON.stringify(stored) === JSON.stringify(sent);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const ownField = (record: Record<string, unknown>, key: string) =>
  Object.hasOwn(record, key) ? record[key] : undefined;

function collect(stored: unknown, sent: unknown, path: string, differences: DeliveryDifference[]): void {
  if (isRecord(stored) && isRecord(sent)) {
    for (const key of [...new Set([...Object.keys(stored), ...Object.keys(sent)])].sort()) {
      collect(ownField(stored, key), ownField(sent, key), `${path}.${key}`, differences);
    }
    return;
  }
  if (Array.isArray(stored) && Array.isArray(sent) && stored.length === sent.length) {
    stored.forEach((item, index) => collect(item, sent[index], `${path}[${index}]`, differences));
    return;
  }
  if (!sameValue(stored, sent)) differences.push({ path, stored, sent });
}

/**
 * Where a redelivered fact differs from the stored one: its type and every
 * data field (the record's id and occurredAt among them), instants compared
 * as instants. Metadata (actor, correlation id) is not content.
 */
export function deliveryDifferences(stored: DomainEvent, sent: DomainEvent): DeliveryDifference[] {
  const differences: DeliveryDifference[] = [];
  if (stored.type !== sent.type) differences.push({ path: 'type', stored: stored.type, sent: sent.type });
  else collect(stored.data, sent.data, 'data', differences);
  return differences;
}

/**
 * Called once the store has answered "already stored" for `eventId`: the
 * event stored under that id must carry the fact sent now, or the delivery
 * is refused with what differs.
 */
export async function requireSameDelivery(
  store: EventStore,
  streamName: string,
  eventId: string,
  sent: DomainEvent,
  delivery: string,
): Promise<void> {
  const stored = (await store.readStream(streamName)).find((event) => event.id === eventId);
  // The caller saw the id in this stream a moment ago; events are never removed.
  if (!stored) throw new Error(`event ${eventId} of delivery ${delivery} vanished from ${streamName}`);
  const differences = deliveryDifferences({ type: stored.type, data: stored.data }, sent);
  if (differences.length > 0) throw new DeliveryConflictError(delivery, differences);
}
