import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { AgreementContent, AgreementEvent, AgreementKind } from '@sla/agreements-domain';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { evaluateTicketSla, truncatedDecimal, type AgreementHistory } from '@sla/compliance-domain';
import { DomainError } from '@sla/event-sourcing';
import { READ_STORE } from '@sla/nest-platform';
import type { TicketSlaTables } from '../ticket-sla/ticket-sla.projection';

class WhatIfError extends DomainError {
  readonly kind: DomainError['kind'];
  constructor(
    readonly code: 'AGREEMENT_NOT_FOUND' | 'VERSION_NOT_FOUND',
    message: string,
  ) {
    super(message);
    this.kind = 'not_found';
  }
}

/** `version`: the agreement version the clock was judged by; null for candidate content not drafted as a version. */
type Outcome = { version: number | null; state: string; elapsedMs: number; targetMs: number | null };

export type WhatIfView = {
  agreementId: string;
  from: string;
  to: string;
  candidate: string;
  tickets: {
    ticketId: string;
    serviceId: string;
    metric: string;
    priority: string | null;
    inForce: Outcome | null;
    candidate: Outcome | null;
    changed: boolean;
  }[];
  totals: {
    metric: string;
    inForce: { met: number; breached: number; percentWithinTarget: string | null };
    candidate: { met: number; breached: number; percentWithinTarget: string | null };
  }[];
};

export class EvaluateWhatIfQuery extends Query<WhatIfView> {
  constructor(
    readonly agreementId: string,
    readonly from: Date,
    readonly to: Date,
    readonly candidate: { version: number } | { content: AgreementContent },
  ) {
    super();
  }
}

const pick = ({ state, elapsedMs, targetMs }: Omit<Outcome, 'version'>) => ({ state, elapsedMs, targetMs });
const decided = (state: string | undefined) => state === 'met' || state === 'breached';
const percent = (met: number, breached: number) =>
  met + breached === 0
    ? null
    : truncatedDecimal({ numerator: BigInt(met) * 100n, denominator: BigInt(met + breached) }, 4);

/**
 * Negotiating on history: the tickets of a past period evaluated under a
 * draft version (or any content) of the agreement, beside what the version
 * in force at each ticket's opening gave. Nothing is stored; the agreement's
 * recorded figures stay as they are.
 */
@QueryHandler(EvaluateWhatIfQuery)
export class EvaluateWhatIfHandler implements IQueryHandler<EvaluateWhatIfQuery> {
  constructor(
    @Inject(READ_STORE) private readonly db: Kysely<TicketSlaTables>,
    private readonly catalogue: CalendarCatalogue,
  ) {}

  async execute({ agreementId, from, to, candidate }: EvaluateWhatIfQuery): Promise<WhatIfView> {
    const agreement = await this.db
      .selectFrom('compliance_agreement')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .executeTakeFirst();
    if (!agreement) throw new WhatIfError('AGREEMENT_NOT_FOUND', `no agreement '${agreementId}'`);
    let content: AgreementContent;
    if ('version' in candidate) {
      const drafted = [...agreement.events]
        .reverse()
        .find(
          (event): event is Extract<AgreementEvent, { data: { content: AgreementContent } }> =>
            'content' in event.data && (event.data as { version: number }).version === candidate.version,
        );
      if (!drafted)
        throw new WhatIfError('VERSION_NOT_FOUND', `agreement '${agreementId}' has no version ${candidate.version}`);
      content = drafted.data.content;
    } else {
      content = candidate.content;
    }
    // The candidate as if it had always been in force.
    const always = '1970-01-01T00:00:00.000Z';
    const hypothetical: AgreementHistory = {
      agreementId,
      kind: agreement.kind as AgreementKind,
      events: [
        {
          type: 'AgreementDrafted',
          data: {
            agreementId,
            kind: agreement.kind as AgreementKind,
            provider: { name: 'what-if', contacts: [] },
            counterparty: { name: 'what-if', contacts: [] },
            version: 1,
            content: { ...content, effectiveFrom: always },
            occurredAt: always,
          },
        },
        {
          type: 'AgreementVersionApproved',
          data: { agreementId, version: 1, effectiveFrom: always, occurredAt: always },
        },
      ],
    };
    const services = [
      ...new Set([
        ...content.services,
        ...(
          await this.db
            .selectFrom('compliance_agreement_service')
            .select('service_id')
            .where('agreement_id', '=', agreementId)
            .execute()
        ).map((row) => row.service_id),
      ]),
    ];
    const tickets = await this.db
      .selectFrom('compliance_ticket')
      .selectAll()
      .where('service_id', 'in', services)
      .where('opened_at', '>=', from)
      .where('opened_at', '<', to)
      .orderBy('opened_at')
      .execute();
    const actual =
      tickets.length === 0
        ? []
        : await this.db
            .selectFrom('ticket_sla_status')
            .selectAll()
            .where('agreement_id', '=', agreementId)
            .where(
              'ticket_id',
              'in',
              tickets.map((ticket) => ticket.ticket_id),
            )
            .execute();
    const calendarIds = [
      ...new Set([
        ...content.serviceTargets.flatMap((target) => [target.response.calendarId, target.resolution.calendarId]),
        ...actual.flatMap((row) => (row.calendar_id ? [row.calendar_id] : [])),
      ]),
    ];
    const calendars = await this.catalogue.load(calendarIds);

    // The hypothetical history numbers the candidate 1; rows name the version it is (none for content given).
    const candidateVersion = 'version' in candidate ? candidate.version : null;
    const rows: WhatIfView['tickets'] = [];
    for (const ticket of tickets) {
      const whatIf = evaluateTicketSla({
        serviceId: ticket.service_id,
        facts: ticket.facts,
        agreements: [hypothetical],
        calendars,
      });
      for (const metric of ['response', 'resolution']) {
        const inForce = actual.find((row) => row.ticket_id === ticket.ticket_id && row.metric === metric);
        const candidateClock = whatIf.find((clock) => clock.metric === metric);
        const inForceOutcome: Outcome | null = inForce
          ? {
              version: inForce.version,
              state: inForce.state === 'running' && inForce.breach_on_record ? 'breached' : inForce.state,
              elapsedMs: Number(inForce.elapsed_ms),
              targetMs: inForce.target_ms === null ? null : Number(inForce.target_ms),
            }
          : null;
        const candidateOutcome: Outcome | null = candidateClock
          ? { version: candidateVersion, ...pick(candidateClock) }
          : null;
        rows.push({
          ticketId: ticket.ticket_id,
          serviceId: ticket.service_id,
          metric,
          priority: inForce?.priority ?? candidateClock?.priority ?? null,
          inForce: inForceOutcome,
          candidate: candidateOutcome,
          changed: inForceOutcome?.state !== candidateOutcome?.state,
        });
      }
    }
    const totals = ['response', 'resolution'].map((metric) => {
      const count = (pick: 'inForce' | 'candidate', state: string) =>
        rows.filter((row) => row.metric === metric && decided(row[pick]?.state) && row[pick]!.state === state).length;
      const inForce = { met: count('inForce', 'met'), breached: count('inForce', 'breached') };
      const candidateTotals = { met: count('candidate', 'met'), breached: count('candidate', 'breached') };
      return {
        metric,
        inForce: { ...inForce, percentWithinTarget: percent(inForce.met, inForce.breached) },
        candidate: { ...candidateTotals, percentWithinTarget: percent(candidateTotals.met, candidateTotals.breached) },
      };
    });
    return {
      agreementId,
      from: from.toISOString(),
      to: to.toISOString(),
      candidate: 'version' in candidate ? `version ${candidate.version}` : 'content given',
      tickets: rows,
      totals,
    };
  }
}
