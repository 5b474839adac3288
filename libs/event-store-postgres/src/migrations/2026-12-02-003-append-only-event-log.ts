import { sql, type Kysely } from 'kysely';

/**
 * Issue 14: the log is append-only in the database itself, not only by convention.
 *
 * - Every append is recorded in `event_store.appends` (its transaction and the
 *   positions it wrote), which only the append function writes: the log sealer
 *   refuses an event no append recorded, so a row inserted by hand, even by a
 *   superuser with triggers off, stops sealing with a finding.
 * - An INSERT into the events that does not come through the append function
 *   (it sets a transaction-local marker) is refused, whoever the writer.
 * - UPDATE, DELETE and TRUNCATE of the events and of the appends are refused,
 *   for the owner too, unless a maintenance session sets
 *   `event_store.maintenance = 'on'` (README, database).
 * - The append function runs with its owner's rights (SECURITY DEFINER), so
 *   the application role needs no INSERT privilege: it is granted EXECUTE and
 *   SELECT only (grantEventStoreAccess).
 *
 * Events stored before this migration are recorded as appended here: they
 * were written before the store could tell.
 */
// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table event_store.appends (
      transaction_id xid8 not null,
      global_positions bigint[] not null,
      appended_at timestamptz not null default clock_timestamp()
    )`.execute(db);
  await sql`create index appends_transaction on event_store.appends (transaction_id)`.execute(db);
  await sql`
    insert into event_store.appends (transaction_id, global_positions)
      select transaction_id, array_agg(global_position order by global_position)
        from event_store.events group by transaction_id`.execute(db);

  await sql`
    create function event_store.refuse_insert_outside_append() returns trigger
    language plpgsql as $fn$
    begin
      if coalesce(current_setting('event_store.appending', true), '') <> 'on' then
        raise exception using
          errcode = 'ES403',
          message = 'events are written only by event_store.append_events',
          hint = 'append through the event store; a row inserted by hand would never be sealed';
      end if;
      return null;
    end
    $fn$`.execute(db);
  await sql`
    create function event_store.refuse_rewrite() returns trigger
    language plpgsql as $fn$
    begin
      if coalesce(current_setting('event_store.maintenance', true), '') <> 'on' then
        raise exception using
          errcode = 'ES403',
          message = format('%s on event_store.%s is refused: the event log is append-only', tg_op, tg_table_name),
          hint = 'a deliberate maintenance session may set event_store.maintenance = ''on'' first (README, database)';
      end if;
      return null;
    end
    $fn$`.execute(db);
  // Statement-level: one check per append, whatever its number of events.
  await sql`
    create trigger events_insert_through_append before insert on event_store.events
      for each statement execute function event_store.refuse_insert_outside_append()`.execute(db);
  for (const table of ['events', 'appends']) {
    await sql`
      create trigger ${sql.raw(`${table}_append_only`)} before update or delete or truncate on ${sql.table(`event_store.${table}`)}
        for each statement execute function event_store.refuse_rewrite()`.execute(db);
  }

  await sql`
    create or replace function event_store.append_events(
      p_stream text,
      p_expected text,
      p_ids uuid[],
      p_types text[],
      p_versions integer[],
      p_data jsonb[],
      p_metadata jsonb[]
    ) returns table (stream_revision bigint, commit_position text, prepare_position bigint, duplicate boolean)
    language plpgsql
    security definer
    set search_path = pg_catalog, pg_temp
    as $fn$
    declare
      v_count integer := coalesce(array_length(p_ids, 1), 0);
      v_revision bigint;
      v_found integer;
      v_last_position bigint;
      v_positions bigint[];
    begin
      -- Durable idempotency: a stored event id fails the unique index and the
      -- adapter answers with the stored original (cheaper than probing first).
      -- The stream row is the optimistic-concurrency lock: concurrent writers queue here.
      select s.revision into v_revision from event_store.streams s where s.stream_name = p_stream for update;
      if not found then
        if p_expected = 'stream_exists' or p_expected ~ '^[0-9]+$' then
          raise exception using errcode = 'ES409', message = 'wrong expected revision', detail = 'no_stream';
        end if;
        if v_count = 0 then
          return query select -1::bigint, null::text, null::bigint, false;
          return;
        end if;
        insert into event_store.streams (stream_name, revision) values (p_stream, -1) on conflict do nothing;
        get diagnostics v_found = row_count;
        select s.revision into v_revision from event_store.streams s where s.stream_name = p_stream for update;
        if v_found = 0 and p_expected = 'no_stream' then
          raise exception using errcode = 'ES409', message = 'wrong expected revision', detail = v_revision::text;
        end if;
      elsif p_expected = 'no_stream' and v_revision >= 0
         or p_expected ~ '^[0-9]+$' and v_revision <> p_expected::bigint then
        raise exception using errcode = 'ES409', message = 'wrong expected revision', detail = v_revision::text;
      end if;

      if v_count = 0 then
        return query
          select v_revision, e.transaction_id::text, e.global_position, false
            from event_store.events e where e.stream_name = p_stream and e.stream_revision = v_revision
          union all select v_revision, null, null, false where v_revision < 0;
        return;
      end if;

      -- The marker the insert trigger asks for; transaction-local, and cleared right after.
      perform set_config('event_store.appending', 'on', true);
      with inserted as (
        insert into event_store.events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata)
          select i.id, p_stream, v_revision + i.n, i.t, i.v, i.d, i.m
            from unnest(p_ids, p_types, p_versions, p_data, p_metadata) with ordinality as i(id, t, v, d, m, n)
            order by i.n
          returning global_position
      )
      select max(global_position), array_agg(global_position order by global_position)
        into v_last_position, v_positions from inserted;
      perform set_config('event_store.appending', '', true);
      insert into event_store.appends (transaction_id, global_positions) values (pg_current_xact_id(), v_positions);
      -- Guarded: a stream revision only ever moves forward.
      update event_store.streams s set revision = v_revision + v_count
        where s.stream_name = p_stream and s.revision = v_revision;
      return query select v_revision + v_count, pg_current_xact_id()::text, v_last_position, false;
    end
    $fn$`.execute(db);
  // Functions are executable by PUBLIC by default: only the roles granted it may append.
  await sql`revoke all on function event_store.append_events(text, text, uuid[], text[], integer[], jsonb[], jsonb[])
    from public`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('the append-only event log (issue 14) is not reversible: that would remove its protection');
}
