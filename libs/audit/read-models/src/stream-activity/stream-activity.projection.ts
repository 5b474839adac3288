import { sql, type Transaction } from 'kysely';
import { streamCategory, type RecordedEvent } from '@sla/event-sourcing';
import type { Projection } from '@sla/projection-runtime';

export type StreamActivityTable = {
  stream_name: string;
  category: string;
  event_count: string;
  last_revision: string;
  last_event_type: string;
  first_recorded_at: Date;
  last_recorded_at: Date;
};

export type StreamActivityTables = { stream_activity: StreamActivityTable };

type Summary = {
  category: string;
  count: number;
  lastRevision: bigint;
  lastType: string;
  first: Date;
  last: Date;
};

/**
 * Every stream with how many events it holds: the auditor's index of the
 * log. Counts are added, not recomputed, so an event applied twice would
 * show; the exactly-once tests rely on that.
 */
export const streamActivityProjection: Projection<StreamActivityTables> = {
  name: 'stream-activity',
  // v2: rebuilt after the stream-category rename (issue 13), so rows name the streams and categories as stored now.
  version: 2,
  handles: 'all',
  tables: ['stream_activity'],
  async apply(transaction: Transaction<StreamActivityTables>, events: readonly RecordedEvent[]) {
    const byStream = new Map<string, Summary>();
    for (const event of events) {
      const summary = byStream.get(event.streamName);
      if (summary) {
        summary.count += 1;
        summary.lastRevision = event.streamRevision;
        summary.lastType = event.type;
        summary.last = event.recordedAt;
      } else {
        byStream.set(event.streamName, {
          category: streamCategory(event.streamName),
          count: 1,
          lastRevision: event.streamRevision,
          lastType: event.type,
          first: event.recordedAt,
          last: event.recordedAt,
        });
      }
    }
    if (byStream.size === 0) return;
    await transaction
      .insertInto('stream_activity')
      .values(
        [...byStream].map(([streamName, summary]) => ({
          stream_name: streamName,
          category: summary.category,
          event_count: String(summary.count),
          last_revision: summary.lastRevision.toString(),
          last_event_type: summary.lastType,
          first_recorded_at: summary.first,
          last_recorded_at: summary.last,
        })),
      )
      .onConflict((conflict) =>
        conflict.column('stream_name').doUpdateSet({
          event_count: sql`stream_activity.event_count + excluded.event_count`,
          last_revision: sql`excluded.last_revision`,
          last_event_type: sql`excluded.last_event_type`,
          last_recorded_at: sql`excluded.last_recorded_at`,
        }),
      )
      .execute();
  },
};
