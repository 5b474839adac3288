import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { slaDetectionStreamName, type SlaDetectionEvent } from '@sla/compliance-domain';
import { deterministicUuid, type EventStore } from '@sla/event-sourcing';
import { Scheduler } from '@sla/projection-runtime';
import type { TicketSlaTables } from '../ticket-sla/ticket-sla.projection';

export type WatchClock = { now(): Date };

export type WatchFindings = { breaches: number; atRisk: number; retractions: number };

const BATCH = 500;

/**
 * Turns the instants planned in the ticket SLA view into facts: when a
 * running clock passes its at-risk or breach instant, or a clock turns out
 * breached, an event is recorded; when later facts show a recorded breach
 * did not happen, a correction is recorded beside it.
 *
 * Exactly once without coordination: each finding's event id is derived
 * from the clock it is about, so any number of watchers (two projector
 * processes, a restart in the middle of a tick) append the same id and the
 * store keeps one.
 */
export class SlaWatch {
  private readonly scheduler: Scheduler;

  constructor(
    private readonly store: EventStore,
    private readonly db: Kysely<TicketSlaTables>,
    private readonly clock: WatchClock,
    private readonly options: { intervalMilliseconds?: number; log?: (message: string) => void } = {},
  ) {
    this.scheduler = new Scheduler(
      [
        {
          name: 'SLA watch',
          intervalMilliseconds: options.intervalMilliseconds ?? 1_000,
          delayFirstPass: true,
          run: async () => {
            await this.tick();
          },
        },
      ],
      { log: options.log },
    );
  }

  /** Ticks every interval (one pass at a time) until `stop()`. */
  start(): void {
    this.scheduler.start();
  }

  stop(): Promise<void> {
    return this.scheduler.stop();
  }

  /** One pass: records what is due now. */
  async tick(): Promise<WatchFindings> {
    const now = this.clock.now();
    const detectedAt = now.toISOString();
    const metadata = { actor: 'sla-watch', correlationId: randomUUID(), source: 'sla-watch' };
    const findings: WatchFindings = { breaches: 0, atRisk: 0, retractions: 0 };
    const record = async (ticketId: string, id: string, event: SlaDetectionEvent) => {
      const result = await this.store.appendToStream(
        slaDetectionStreamName(ticketId),
        [{ id, type: event.type, schemaVersion: 1, data: event.data, metadata }],
        'any',
      );
      return !result.duplicate;
    };

    const breached = await this.db
      .selectFrom('ticket_sla_status as s')
      .selectAll('s')
      .select(
        sql<string>`(select count(*) from sla_detection d where d.ticket_id = s.ticket_id and d.agreement_id = s.agreement_id and d.metric = s.metric and d.kind = 'breached' and d.retracted_at is not null)`.as(
          'retracted',
        ),
      )
      // Only instants the watch's clock has passed: a breach is not known before it happens.
      .where((eb) =>
        eb.or([
          eb.and([eb('s.state', '=', 'breached'), eb('s.breached_at', '<=', now)]),
          eb.and([eb('s.state', '=', 'running'), eb('s.breach_at', '<=', now)]),
        ]),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('sla_detection as d')
              .select('d.event_id')
              .whereRef('d.ticket_id', '=', 's.ticket_id')
              .whereRef('d.agreement_id', '=', 's.agreement_id')
              .whereRef('d.metric', '=', 's.metric')
              .where('d.kind', '=', 'breached')
              .where('d.retracted_at', 'is', null),
          ),
        ),
      )
      .limit(BATCH)
      .execute();
    for (const row of breached) {
      const breachedAt = row.breached_at ?? row.breach_at;
      if (!breachedAt || !row.priority || row.target_ms === null || !row.calendar_id) continue;
      const id = deterministicUuid(
        `sla-watch/breached/${row.ticket_id}/${row.agreement_id}/${row.metric}/${row.retracted}`,
      );
      const event: SlaDetectionEvent = {
        type: 'TicketSlaBreached',
        data: {
          ticketId: row.ticket_id,
          agreementId: row.agreement_id,
          metric: row.metric as 'response' | 'resolution',
          version: row.version,
          serviceId: row.service_id,
          priority: row.priority as 'P1' | 'P2' | 'P3' | 'P4',
          targetMs: Number(row.target_ms),
          calendarId: row.calendar_id,
          breachedAt: breachedAt.toISOString(),
          detectedAt,
        },
      };
      if (await record(row.ticket_id, id, event)) findings.breaches += 1;
    }

    const atRisk = await this.db
      .selectFrom('ticket_sla_status as s')
      .selectAll('s')
      .where('s.state', '=', 'running')
      .where('s.at_risk_at', '<=', now)
      .where('s.breach_at', '>', now)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('sla_detection as d')
              .select('d.event_id')
              .whereRef('d.ticket_id', '=', 's.ticket_id')
              .whereRef('d.agreement_id', '=', 's.agreement_id')
              .whereRef('d.metric', '=', 's.metric')
              .where('d.kind', '=', 'at-risk'),
          ),
        ),
      )
      .limit(BATCH)
      .execute();
    for (const row of atRisk) {
      const id = deterministicUuid(`sla-watch/at-risk/${row.ticket_id}/${row.agreement_id}/${row.metric}`);
      const event: SlaDetectionEvent = {
        type: 'TicketSlaAtRisk',
        data: {
          ticketId: row.ticket_id,
          agreementId: row.agreement_id,
          metric: row.metric as 'response' | 'resolution',
          version: row.version,
          atRiskAt: row.at_risk_at!.toISOString(),
          dueAt: row.due_at!.toISOString(),
          detectedAt,
        },
      };
      if (await record(row.ticket_id, id, event)) findings.atRisk += 1;
    }

    // Recorded breaches that the clocks no longer show: a late fact with an earlier event time stopped the clock in
    // time.
    const withdrawn = await this.db
      .selectFrom('sla_detection as d')
      .leftJoin('ticket_sla_status as s', (join) =>
        join
          .onRef('s.ticket_id', '=', 'd.ticket_id')
          .onRef('s.agreement_id', '=', 'd.agreement_id')
          .onRef('s.metric', '=', 'd.metric'),
      )
      .select(['d.event_id', 'd.ticket_id', 'd.agreement_id', 'd.metric', 's.state', 's.elapsed_ms'])
      .where('d.kind', '=', 'breached')
      .where('d.retracted_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('s.state', 'is', null),
          eb('s.state', 'in', ['met', 'not-started', 'not-covered']),
          eb.and([
            eb('s.state', 'in', ['running', 'paused']),
            eb.or([eb('s.breach_at', 'is', null), eb('s.breach_at', '>', now)]),
          ]),
        ]),
      )
      .limit(BATCH)
      .execute();
    for (const row of withdrawn) {
      const reason =
        row.state === null
          ? 'the ticket is no longer evaluated under this agreement'
          : `the ${row.metric} clock is ${row.state} after later facts`;
      const event: SlaDetectionEvent = {
        type: 'TicketSlaBreachRetracted',
        data: {
          ticketId: row.ticket_id,
          agreementId: row.agreement_id,
          metric: row.metric as 'response' | 'resolution',
          breachEventId: row.event_id,
          reason,
          detectedAt,
        },
      };
      if (await record(row.ticket_id, deterministicUuid(`sla-watch/retracted/${row.event_id}`), event))
        findings.retractions += 1;
    }
    if (findings.breaches + findings.atRisk + findings.retractions > 0) {
      this.options.log?.(
        `SLA watch: ${findings.breaches} breaches, ${findings.atRisk} at risk, ${findings.retractions} corrections recorded`,
      );
    }
    return findings;
  }
}
