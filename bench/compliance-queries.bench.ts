/**
 * Query speed of the compliance views with 1,000,000 tickets in the read
 * models: a month's response/resolution compliance for one agreement, its
 * breach log and one ticket's clocks, through the real HTTP API. Not part of
 * `npm test`; see docs/benchmarks.md.
 *
 *   bash bench/run.sh compliance-queries                    # 1,000,000 tickets, 20 agreements, 2026
 *   BENCH_TICKETS=200000 bash bench/run.sh compliance-queries
 *   BENCH_REQUESTS=2000 bash bench/run.sh compliance-queries
 *
 * The read-model rows are generated in SQL in the shape the ticket-sla
 * projection writes them (two clocks per ticket, breaches on record for the
 * breached ones): feeding a million tickets through the event log would take
 * most of an hour here and measure the projection, not the queries (the
 * projection's own rate is measured by bench/event-store's rebuild figures).
 * Requests are sent one at a time, so each figure is one query's latency.
 */
import os from 'node:os';
import { Client } from 'pg';
import { loadConfiguration } from '@sla/configuration';
import { openInfrastructure } from '@sla/composition';
import { createApiApplication } from '../apps/api/src/api.application';
import { withThrowawayPostgres } from './support/throwaway-postgres';

const TICKETS = Number((process.env.BENCH_TICKETS ?? '1000000').replace(/_/g, ''));
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? '1000');
const AGREEMENTS = 20;
const AIM_P99_MS = 20;

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

async function load(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  // Tickets spread evenly over 2026; agreement and service by ticket number; priority P1–P4.
  await client.query(
    `insert into ticket_sla_status (ticket_id, agreement_id, metric, agreement_kind, version, service_id, ticket_type, major, opened_at, priority, state, reason,
       target_ms, calendar_id, elapsed_ms, remaining_ms, due_at, breach_at, breached_at, at_risk_at, stopped_at, evaluated_at)
     select 'T' || n, 'sla-' || lpad((n % ${AGREEMENTS})::text, 2, '0'), metric, 'SLA', 1, 'svc-' || (n % ${AGREEMENTS}), case when n % 10 = 0 then 'service-request' else 'incident' end, n % 997 = 0,
       opened, 'P' || (1 + n % 4), state, null, target, 'office', elapsed, target - elapsed, opened + make_interval(secs => target / 1000),
       case when state = 'running' then opened + make_interval(secs => target / 1000) end,
       case when state = 'breached' then opened + make_interval(secs => target / 1000) end, null,
       case when state <> 'running' then opened + make_interval(secs => elapsed / 1000) end, opened + make_interval(secs => elapsed / 1000)
     from generate_series(1, $1::int) as n,
       lateral (select timestamptz '2026-01-01 00:00:00+00' + make_interval(secs => (n::float8 / $1) * 365 * 86400) as opened) o,
       lateral (values ('response', 14400000::bigint), ('resolution', 43200000::bigint)) as m(metric, target),
       lateral (select (hashint4(n * 2 + length(metric)) & 2147483647) % 100 as roll) r,
       lateral (select case when roll < 88 then 'met' when roll < 97 then 'breached' else 'running' end as state,
                       (target * (0.2 + (roll % 50) / 40.0))::bigint as elapsed) s`,
    [TICKETS],
  );
  await client.query(
    `insert into sla_detection (event_id, kind, ticket_id, agreement_id, metric, version, service_id, priority, target_ms, calendar_id, instant, detected_at, recorded_at)
     select gen_random_uuid(), 'breached', ticket_id, agreement_id, metric, version, service_id, priority, target_ms, calendar_id, coalesce(breached_at, breach_at), coalesce(breached_at, breach_at), now()
     from ticket_sla_status where state = 'breached' or (state = 'running' and breach_at < timestamptz '2026-12-01')`,
  );
  await client.query(
    `update ticket_sla_status set breach_on_record = true where state = 'breached' or (state = 'running' and breach_at < timestamptz '2026-12-01')`,
  );
  // As autovacuum leaves a table after a bulk load: statistics and a visibility map (index-only scans need it).
  await client.query('vacuum analyze ticket_sla_status');
  await client.query('vacuum analyze sla_detection');
  const { rows } = await client.query<{ rows: string; detections: string; size: string }>(
    `select (select count(*) from ticket_sla_status) as rows, (select count(*) from sla_detection) as detections, pg_size_pretty(pg_total_relation_size('ticket_sla_status')) as size`,
  );
  console.log(
    `loaded ${TICKETS.toLocaleString('en')} tickets: ${Number(rows[0].rows).toLocaleString('en')} clock rows (${rows[0].size} with indexes), ${Number(rows[0].detections).toLocaleString('en')} breaches on record, in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  await client.end();
}

async function measure(
  base: string,
  label: string,
  paths: (index: number) => string,
): Promise<{ label: string; p50: number; p90: number; p99: number; max: number }> {
  for (let index = 0; index < 50; index += 1) await (await fetch(`${base}${paths(index)}`)).arrayBuffer();
  const latencies: number[] = [];
  for (let index = 0; index < REQUESTS; index += 1) {
    const started = process.hrtime.bigint();
    const response = await fetch(`${base}${paths(index)}`);
    await response.arrayBuffer();
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (response.status !== 200) throw new Error(`${label}: ${response.status}`);
  }
  latencies.sort((a, b) => a - b);
  return {
    label,
    p50: percentile(latencies, 0.5),
    p90: percentile(latencies, 0.9),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1)!,
  };
}

void withThrowawayPostgres(async ({ url }) => {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query('create database sla_bench');
  await admin.end();
  const databaseUrl = url.replace(/\/postgres$/, '/sla_bench');
  const infrastructure = await openInfrastructure(loadConfiguration({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' }));
  await load(databaseUrl);
  if (process.env.BENCH_EXPLAIN === '1') {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const plan = await client.query(
      `explain (analyze, buffers) select s.service_id, s.priority, s.metric, count(*),
         count(*) filter (where s.state = 'met'),
         count(*) filter (where s.state = 'breached' or (s.state in ('running', 'paused') and s.breach_on_record)),
         percentile_cont(0.5) within group (order by s.elapsed_ms) filter (where s.state in ('met', 'breached')),
         percentile_cont(0.9) within group (order by s.elapsed_ms) filter (where s.state in ('met', 'breached'))
       from ticket_sla_status s where s.agreement_id = 'sla-07' and s.opened_at >= '2026-03-01' and s.opened_at < '2026-04-01' and s.state <> 'not-covered'
       group by s.service_id, s.priority, s.metric`,
    );
    console.log(plan.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n'));
    await client.end();
  }
  const app = await createApiApplication(infrastructure, { logger: false });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const months = [
    '2026-01',
    '2026-02',
    '2026-03',
    '2026-04',
    '2026-05',
    '2026-06',
    '2026-07',
    '2026-08',
    '2026-09',
    '2026-10',
    '2026-11',
    '2026-12',
  ];
  const agreement = (index: number) => `sla-${String(index % AGREEMENTS).padStart(2, '0')}`;
  const figures = [
    await measure(
      base,
      "a month's response/resolution compliance of one agreement",
      (index) => `/compliance/agreements/${agreement(index)}/response-resolution?period=${months[index % 12]}`,
    ),
    await measure(
      base,
      "a month's breach log of one agreement",
      (index) => `/compliance/breaches?agreementId=${agreement(index)}&period=${months[index % 12]}`,
    ),
    await measure(base, "one ticket's clocks", (index) => `/compliance/tickets/T${1 + ((index * 7919) % TICKETS)}`),
  ];
  console.log(
    `\n${REQUESTS} sequential requests each after 50 warm-up, ${os.cpus().length} cores, Node ${process.version}; latency in ms through HTTP\n`,
  );
  console.log(
    `${'query'.padEnd(58)} ${'p50'.padStart(7)} ${'p90'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}`,
  );
  for (const figure of figures) {
    console.log(
      `${figure.label.padEnd(58)} ${figure.p50.toFixed(2).padStart(7)} ${figure.p90.toFixed(2).padStart(7)} ${figure.p99.toFixed(2).padStart(7)} ${figure.max.toFixed(2).padStart(7)}`,
    );
  }
  console.log(
    `\naim (month compliance view p99 ≤ ${AIM_P99_MS} ms): ${figures[0].p99 <= AIM_P99_MS ? 'MET' : 'NOT MET'}`,
  );
  await app.close();
  await infrastructure.close();
}).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
