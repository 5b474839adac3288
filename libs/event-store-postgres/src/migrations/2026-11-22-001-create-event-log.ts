import { sql, type Kysely } from 'kysely';

// Frozen once shipped: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create schema if not exists event_store`.execute(db);
  await sql`
    create table event_store.streams (
      stream_name text primary key,
      revision bigint not null check (revision >= -1)
    )`.execute(db);
  // transaction_id is the writer's top-level transaction: readers order by
  // (transaction_id, global_position) and only read below the oldest open
  // transaction, so an event that commits late can never be skipped.
  await sql`
    create table event_store.events (
      global_position bigint generated always as identity primary key,
      transaction_id xid8 not null default pg_current_xact_id(),
      event_id uuid not null,
      stream_name text not null,
      stream_revision bigint not null,
      event_type text not null,
      schema_version integer not null,
      data jsonb not null,
      metadata jsonb not null,
      recorded_at timestamptz not null default clock_timestamp(),
      constraint events_event_id_key unique (event_id),
      constraint events_stream_revision_key unique (stream_name, stream_revision)
    )`.execute(db);
  await sql`create index events_log_order on event_store.events (transaction_id, global_position)`.execute(db);

  await sql`
    create function event_store.append_events(
      p_stream text,
      p_expected text,
      p_ids uuid[],
      p_types text[],
      p_versions integer[],
      p_data jsonb[],
      p_metadata jsonb[]
    ) returns table (stream_revision bigint, commit_position text, prepare_position bigint, duplicate boolean)
    language plpgsql as $fn$
    declare
      v_count integer := coalesce(array_length(p_ids, 1), 0);
      v_revision bigint;
      v_found integer;
      v_last_position bigint;
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

      with inserted as (
        insert into event_store.events (event_id, stream_name, stream_revision, event_type, schema_version, data, metadata)
          select i.id, p_stream, v_revision + i.n, i.t, i.v, i.d, i.m
            from unnest(p_ids, p_types, p_versions, p_data, p_metadata) with ordinality as i(id, t, v, d, m, n)
            order by i.n
          returning global_position
      )
      select max(global_position) into v_last_position from inserted;
      -- Guarded: a stream revision only ever moves forward.
      update event_store.streams s set revision = v_revision + v_count
        where s.stream_name = p_stream and s.revision = v_revision;
      return query select v_revision + v_count, pg_current_xact_id()::text, v_last_position, false;
    end
    $fn$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop schema event_store cascade`.execute(db);
}
