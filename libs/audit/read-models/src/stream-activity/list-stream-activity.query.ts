import type { Kysely } from 'kysely';
import type { StreamActivityTables } from './stream-activity.projection';

export type StreamActivity = {
  readonly streamName: string;
  readonly category: string;
  readonly eventCount: number;
  readonly lastRevision: number;
  readonly lastEventType: string;
  readonly firstRecordedAt: string;
  readonly lastRecordedAt: string;
};

export async function listStreamActivity(
  db: Kysely<StreamActivityTables>,
  options: { category?: string; limit: number; offset: number },
): Promise<StreamActivity[]> {
  let query = db
    .selectFrom('stream_activity')
    .selectAll()
    .orderBy('stream_name')
    .limit(options.limit)
    .offset(options.offset);
  if (options.category) query = query.where('category', '=', options.category);
  const rows = await query.execute();
  return rows.map((row) => ({
    streamName: row.stream_name,
    category: row.category,
    eventCount: Number(row.event_count),
    lastRevision: Number(row.last_revision),
    lastEventType: row.last_event_type,
    firstRecordedAt: row.first_recorded_at.toISOString(),
    lastRecordedAt: row.last_recorded_at.toISOString(),
  }));
}
