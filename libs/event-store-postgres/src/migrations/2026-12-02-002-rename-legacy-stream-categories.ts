import { sql, type Kysely } from 'kysely';
import { LEGACY_STREAM_CATEGORIES } from '@sla/event-sourcing';

/**
 * Issue 13: streams stored under a category that contained '-' (or under
 * `improvement`) move to their category without '-': `service-report-x`
 * becomes `service_report-x`. Only the name changes: event ids, revisions,
 * global positions and recording times stay, so projections, checkpoints and
 * the audit log's leaves still line up (the log verifier knows this rename,
 * see libs/audit/domain/src/merkle/sealed-leaf.ts). A `service-report-…`
 * stream is renamed only when it holds report events: it could also be the
 * catalogue stream of a service whose id begins with `report-`.
 *
 * LEGACY_STREAM_CATEGORIES is history, never edited, so this migration stays
 * frozen although it reads it. Stop processes of the previous version first:
 * one still running would write the legacy names again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const { legacyPrefix, category, eventTypePrefix } of LEGACY_STREAM_CATEGORIES) {
    // Both tables in one statement: data-modifying CTEs see the same snapshot, so the
    // event-type test reads the events before they move.
    await sql`
      with renamed as (
        select s.stream_name as legacy_name,
               ${category} || '-' || substr(s.stream_name, length(${legacyPrefix}) + 1) as new_name
          from event_store.streams s
         where left(s.stream_name, length(${legacyPrefix})) = ${legacyPrefix}
           and (${eventTypePrefix ?? null}::text is null or not exists (
                 select 1 from event_store.events e
                  where e.stream_name = s.stream_name
                    and left(e.event_type, length(${eventTypePrefix ?? ''})) <> ${eventTypePrefix ?? ''}))
      ),
      moved_events as (
        update event_store.events e set stream_name = r.new_name
          from renamed r where e.stream_name = r.legacy_name
        returning 1
      )
      update event_store.streams s set stream_name = r.new_name
        from renamed r where s.stream_name = r.legacy_name`.execute(db);
  }
}

export async function down(): Promise<void> {
  // Never renamed back: events appended since under the new names would be split from their streams' start.
  throw new Error('the stream-category rename (issue 13) is not reversible');
}
