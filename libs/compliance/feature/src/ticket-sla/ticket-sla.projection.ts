import { sql, type Transaction } from 'kysely';
import type { AgreementEvent, AgreementKind } from '@sla/agreements-domain';
import { evaluateTicketSla, type AgreementHistory, type SlaDetectionEvent } from '@sla/compliance-domain';
import type { RecordedEvent } from '@sla/event-sourcing';
import { toClockFacts, type TicketEvent } from '@sla/operations-domain';
import type { Projection } from '@sla/projection-runtime';
import { BusinessCalendar, type CalendarDefinition, type TicketFact } from '@sla/sla-clock';

export type TicketSlaTables = {
  compliance_calendar: { calendar_id: string; definition: CalendarDefinition };
  sla_detection: {
    event_id: string;
    kind: 'breached' | 'at-risk';
    ticket_id: string;
    agreement_id: string;
    metric: string;
    version: number;
    service_id: string | null;
    priority: string | null;
    target_ms: string | null;
    calendar_id: string | null;
    instant: Date;
    detected_at: Date;
    recorded_at: Date;
    retracted_at: Date | null;
    retraction_recorded_at: Date | null;
    retraction_reason: string | null;
  };
  compliance_agreement: { agreement_id: string; kind: string; events: (AgreementEvent & { recordedAt?: string })[] };
  compliance_agreement_service: { service_id: string; agreement_id: string };
  compliance_ticket: {
    ticket_id: string;
    service_id: string;
    ticket_type: string;
    major: boolean;
    opened_at: Date;
    facts: (TicketFact & { id?: string; recordedAt?: string })[];
  };
  ticket_sla_status: {
    ticket_id: string;
    agreement_id: string;
    metric: string;
    agreement_kind: string;
    version: number;
    service_id: string;
    ticket_type: string;
    major: boolean;
    opened_at: Date;
    priority: string | null;
    state: string;
    reason: string | null;
    target_ms: string | null;
    calendar_id: string | null;
    elapsed_ms: string;
    remaining_ms: string | null;
    due_at: Date | null;
    breach_at: Date | null;
    breached_at: Date | null;
    at_risk_at: Date | null;
    stopped_at: Date | null;
    evaluated_at: Date;
    /** A breach of this clock is recorded (by the SLA watch) and not retracted. */
    breach_on_record: boolean;
  };
};

const DETECTION_EVENTS = ['TicketSlaBreached', 'TicketSlaAtRisk', 'TicketSlaBreachRetracted'];
const TICKET_EVENTS = [
  'TicketOpened',
  'TicketAcknowledged',
  'TicketPriorityChanged',
  'TicketPausedAwaitingCustomer',
  'TicketResumed',
  'TicketResolved',
  'TicketReopened',
  'TicketClosed',
];
const AGREEMENT_EVENTS = [
  'AgreementDrafted',
  'AgreementDraftRevised',
  'AgreementAmendmentDrafted',
  'AgreementVersionApproved',
  'AgreementSuspended',
  'AgreementResumed',
  'AgreementTerminationNoticeGiven',
  'AgreementRenewed',
  'AgreementExpired',
];
// These change which version is in force when: the tickets of the agreement's services are evaluated again.
const IN_FORCE_EVENTS = new Set([
  'AgreementVersionApproved',
  'AgreementSuspended',
  'AgreementResumed',
  'AgreementTerminationNoticeGiven',
  'AgreementRenewed',
  'AgreementExpired',
]);

const json = (value: unknown) => JSON.stringify(value) as never;

/** Appends to a jsonb array unless an element with the event's id is there: applying an event twice changes nothing. */
const appendOnce = (column: 'events' | 'facts', eventId: string, element: unknown) =>
  sql<never>`case when ${sql.ref(column)} @> ${json([{ id: eventId }])}::jsonb then ${sql.ref(column)} else ${sql.ref(column)} || ${json([element])}::jsonb end`;
const date = (instant: number | null) => (instant === null ? null : new Date(instant));

// Compiled calendars are kept across batches: compiling builds year indexes.
const compiledCalendars = new Map<string, { text: string; calendar: BusinessCalendar }>();
function compiled(calendarId: string, definition: CalendarDefinition): BusinessCalendar {
  const text = JSON.stringify(definition);
  const cached = compiledCalendars.get(calendarId);
  if (cached?.text === text) return cached.calendar;
  const calendar = new BusinessCalendar(definition);
  compiledCalendars.set(calendarId, { text, calendar });
  return calendar;
}

type Db = Transaction<TicketSlaTables>;
type StoredFact = TicketSlaTables['compliance_ticket']['facts'][number];

/**
 * Appends each ticket's facts to its row, in order, each unless its id is there already: one statement per
 * thousand tickets instead of one per fact. A ticket without a row is left alone.
 */
async function writeTicketFacts(transaction: Db, factsByTicket: ReadonlyMap<string, readonly StoredFact[]>) {
  const entries = [...factsByTicket.entries()];
  for (let index = 0; index < entries.length; index += 1_000) {
    const values = entries
      .slice(index, index + 1_000)
      .map(([ticketId, facts]) => sql`(${ticketId}::text, ${json(facts)}::jsonb)`);
    await sql`update compliance_ticket set facts = compliance_ticket.facts || coalesce(
          (select jsonb_agg(fact.value order by fact.ordinality) from jsonb_array_elements(v.facts) with ordinality fact
            where not compliance_ticket.facts @> jsonb_build_array(jsonb_build_object('id', fact.value -> 'id'))),
          '[]'::jsonb)
        from (values ${sql.join(values)}) as v (ticket_id, facts)
        where compliance_ticket.ticket_id = v.ticket_id`.execute(transaction);
  }
}

async function ticketsOfServices(transaction: Db, serviceIds: readonly string[]): Promise<string[]> {
  if (serviceIds.length === 0) return [];
  const rows = await transaction
    .selectFrom('compliance_ticket')
    .select('ticket_id')
    .where('service_id', 'in', serviceIds)
    .execute();
  return rows.map((row) => row.ticket_id);
}

async function evaluate(transaction: Db, ticketIds: readonly string[]): Promise<void> {
  if (ticketIds.length === 0) return;
  const tickets = await transaction
    .selectFrom('compliance_ticket')
    .selectAll()
    .where('ticket_id', 'in', ticketIds)
    .execute();
  const services = [...new Set(tickets.map((ticket) => ticket.service_id))];
  const coverage =
    services.length === 0
      ? []
      : await transaction
          .selectFrom('compliance_agreement_service')
          .selectAll()
          .where('service_id', 'in', services)
          .execute();
  const agreementIds = [...new Set(coverage.map((row) => row.agreement_id))];
  const agreements = new Map<string, AgreementHistory>();
  if (agreementIds.length > 0) {
    for (const row of await transaction
      .selectFrom('compliance_agreement')
      .selectAll()
      .where('agreement_id', 'in', agreementIds)
      .execute()) {
      agreements.set(row.agreement_id, {
        agreementId: row.agreement_id,
        kind: row.kind as AgreementKind,
        events: row.events,
      });
    }
  }
  const calendars = new Map(
    (await transaction.selectFrom('compliance_calendar').selectAll().execute()).map((row) => [
      row.calendar_id,
      compiled(row.calendar_id, row.definition),
    ]),
  );
  const recorded = await transaction
    .selectFrom('sla_detection')
    .select(['ticket_id', 'agreement_id', 'metric'])
    .where('ticket_id', 'in', ticketIds)
    .where('kind', '=', 'breached')
    .where('retracted_at', 'is', null)
    .execute();
  const onRecord = new Set(recorded.map((row) => `${row.ticket_id}/${row.agreement_id}/${row.metric}`));
  const rows: TicketSlaTables['ticket_sla_status'][] = [];
  for (const ticket of tickets) {
    const covering = coverage
      .filter((row) => row.service_id === ticket.service_id)
      .map((row) => agreements.get(row.agreement_id)!);
    for (const evaluation of evaluateTicketSla({
      serviceId: ticket.service_id,
      facts: ticket.facts,
      agreements: covering,
      calendars,
    })) {
      rows.push({
        ticket_id: ticket.ticket_id,
        agreement_id: evaluation.agreementId,
        metric: evaluation.metric,
        agreement_kind: evaluation.agreementKind,
        version: evaluation.version,
        service_id: ticket.service_id,
        ticket_type: ticket.ticket_type,
        major: ticket.major,
        opened_at: ticket.opened_at,
        priority: evaluation.priority,
        state: evaluation.state,
        reason: evaluation.reason,
        target_ms: evaluation.targetMs === null ? null : String(evaluation.targetMs),
        calendar_id: evaluation.calendarId,
        elapsed_ms: String(Math.round(evaluation.elapsedMs)),
        remaining_ms: evaluation.remainingMs === null ? null : String(Math.round(evaluation.remainingMs)),
        due_at: date(evaluation.dueAt),
        breach_at: date(evaluation.breachAt),
        breached_at: date(evaluation.breachedAt),
        at_risk_at: date(evaluation.atRiskAt),
        stopped_at: date(evaluation.stoppedAt),
        evaluated_at: new Date(evaluation.evaluatedAt),
        breach_on_record: onRecord.has(`${ticket.ticket_id}/${evaluation.agreementId}/${evaluation.metric}`),
      });
    }
  }
  await transaction.deleteFrom('ticket_sla_status').where('ticket_id', 'in', ticketIds).execute();
  for (let index = 0; index < rows.length; index += 500)
    await transaction
      .insertInto('ticket_sla_status')
      .values(rows.slice(index, index + 500))
      .execute();
}

/** The SLA watch's findings: breaches and at-risk warnings, corrections beside them. */
async function applyDetection(transaction: Db, recorded: RecordedEvent): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as SlaDetectionEvent;
  const breachOnRecord = (value: boolean) =>
    transaction
      .updateTable('ticket_sla_status')
      .set({ breach_on_record: value })
      .where('ticket_id', '=', event.data.ticketId)
      .where('agreement_id', '=', event.data.agreementId)
      .where('metric', '=', event.data.metric)
      .execute();
  if (event.type === 'TicketSlaBreachRetracted') {
    await transaction
      .updateTable('sla_detection')
      .set({
        retracted_at: new Date(event.data.detectedAt),
        retraction_recorded_at: recorded.recordedAt,
        retraction_reason: event.data.reason,
      })
      .where('event_id', '=', event.data.breachEventId)
      .execute();
    await breachOnRecord(false);
    return;
  }
  const common = {
    event_id: recorded.id,
    ticket_id: event.data.ticketId,
    agreement_id: event.data.agreementId,
    metric: event.data.metric,
    version: event.data.version,
    detected_at: new Date(event.data.detectedAt),
    recorded_at: recorded.recordedAt,
    retracted_at: null,
    retraction_recorded_at: null,
    retraction_reason: null,
  };
  const row =
    event.type === 'TicketSlaBreached'
      ? {
          ...common,
          kind: 'breached' as const,
          service_id: event.data.serviceId,
          priority: event.data.priority,
          target_ms: String(event.data.targetMs),
          calendar_id: event.data.calendarId,
          instant: new Date(event.data.breachedAt),
        }
      : {
          ...common,
          kind: 'at-risk' as const,
          service_id: null,
          priority: null,
          target_ms: null,
          calendar_id: null,
          instant: new Date(event.data.atRiskAt),
        };
  await transaction
    .insertInto('sla_detection')
    .values(row)
    .onConflict((conflict) => conflict.doNothing())
    .execute();
  if (row.kind === 'breached') await breachOnRecord(true);
}

/**
 * Each ticket's response and resolution clocks under each agreement covering
 * its service, pinned to the version in force when it opened. Tickets touched
 * by a batch are evaluated once at its end; an agreement or calendar change
 * evaluates the tickets it can affect again.
 */
export const ticketSlaProjection: Projection<TicketSlaTables> = {
  name: 'ticket-sla',
  // 5: when each correction was recorded.
  version: 5,
  handles: ['ServiceCalendarDefined', ...AGREEMENT_EVENTS, ...TICKET_EVENTS, ...DETECTION_EVENTS],
  tables: [
    'sla_detection',
    'ticket_sla_status',
    'compliance_ticket',
    'compliance_agreement_service',
    'compliance_agreement',
    'compliance_calendar',
  ],
  async apply(transaction, events: readonly RecordedEvent[]) {
    const dirty = new Set<string>();
    const dirtyServices = new Set<string>();
    const openedInBatch = new Set<string>();
    const factsBeforeOpening = new Map<string, StoredFact[]>();
    const factsAfterOpening = new Map<string, StoredFact[]>();
    const openingRow = (recorded: RecordedEvent) => {
      if (recorded.type !== 'TicketOpened') return undefined;
      const event = { type: recorded.type, data: recorded.data } as Extract<TicketEvent, { type: 'TicketOpened' }>;
      dirty.add(event.data.ticketId);
      const facts = toClockFacts([event]).map((clockFact) => ({
        id: recorded.id,
        recordedAt: recorded.recordedAt.toISOString(),
        ...clockFact,
      }));
      return {
        ticket_id: event.data.ticketId,
        service_id: event.data.serviceId,
        ticket_type: event.data.ticketType,
        major: event.data.major,
        opened_at: new Date(event.data.occurredAt),
        facts: json(facts),
      };
    };
    const applyOne = async (recorded: RecordedEvent) => {
      if (recorded.type === 'ServiceCalendarDefined') {
        const data = recorded.data as { calendarId: string; definition: CalendarDefinition };
        await transaction
          .insertInto('compliance_calendar')
          .values({ calendar_id: data.calendarId, definition: json(data.definition) })
          .onConflict((conflict) => conflict.column('calendar_id').doUpdateSet({ definition: json(data.definition) }))
          .execute();
        const users = await transaction
          .selectFrom('compliance_agreement_service')
          .innerJoin(
            'compliance_agreement',
            'compliance_agreement.agreement_id',
            'compliance_agreement_service.agreement_id',
          )
          .select('compliance_agreement_service.service_id')
          .where(
            sql<boolean>`jsonb_path_exists(compliance_agreement.events, '$.**.calendarId ? (@ == $id)', jsonb_build_object('id', ${data.calendarId}::text))`,
          )
          .execute();
        for (const row of users) dirtyServices.add(row.service_id);
      } else if (DETECTION_EVENTS.includes(recorded.type)) {
        await applyDetection(transaction, recorded);
      } else if (AGREEMENT_EVENTS.includes(recorded.type)) {
        const event = { type: recorded.type, data: recorded.data } as AgreementEvent;
        const agreementId = event.data.agreementId;
        // When it was recorded, too: as-of views use only what was known at a time.
        const stored = { id: recorded.id, recordedAt: recorded.recordedAt.toISOString(), ...event };
        if (event.type === 'AgreementDrafted') {
          await transaction
            .insertInto('compliance_agreement')
            .values({ agreement_id: agreementId, kind: event.data.kind, events: json([stored]) })
            .onConflict((conflict) => conflict.doNothing())
            .execute();
        } else {
          await transaction
            .updateTable('compliance_agreement')
            .set({ events: appendOnce('events', recorded.id, stored) })
            .where('agreement_id', '=', agreementId)
            .execute();
        }
        if ('content' in event.data) {
          const services = [
            ...new Set([
              ...event.data.content.services,
              ...event.data.content.serviceTargets.map((target) => target.serviceId),
            ]),
          ];
          await transaction
            .insertInto('compliance_agreement_service')
            .values(services.map((serviceId) => ({ service_id: serviceId, agreement_id: agreementId })))
            .onConflict((conflict) => conflict.doNothing())
            .execute();
        }
        if (IN_FORCE_EVENTS.has(event.type)) {
          const covered = await transaction
            .selectFrom('compliance_agreement_service')
            .select('service_id')
            .where('agreement_id', '=', agreementId)
            .execute();
          for (const row of covered) dirtyServices.add(row.service_id);
        }
      } else {
        const event = { type: recorded.type, data: recorded.data } as TicketEvent;
        const facts = toClockFacts([event]).map((clockFact) => ({
          id: recorded.id,
          recordedAt: recorded.recordedAt.toISOString(),
          ...clockFact,
        }));
        if (facts.length > 0) {
          // Before the ticket's opening in this batch a fact finds only a row stored earlier; after it, that row
          // or the new one (see writeTicketFacts).
          const ticketId = event.data.ticketId;
          const folded = openedInBatch.has(ticketId) ? factsAfterOpening : factsBeforeOpening;
          folded.set(ticketId, [...(folded.get(ticketId) ?? []), facts[0]]);
        }
        dirty.add(event.data.ticketId);
      }
    };
    // compliance_ticket is read only after the batch, and written only by tickets' openings and facts: those are
    // folded per ticket and written once each (facts then opening rows then facts, as they fell around the
    // openings); every other event is applied in its place in the log.
    const openings: NonNullable<ReturnType<typeof openingRow>>[] = [];
    for (const recorded of events) {
      const opening = openingRow(recorded);
      if (opening === undefined) await applyOne(recorded);
      else {
        openings.push(opening);
        openedInBatch.add(opening.ticket_id);
      }
    }
    await writeTicketFacts(transaction, factsBeforeOpening);
    for (let index = 0; index < openings.length; index += 1_000)
      await transaction
        .insertInto('compliance_ticket')
        .values(openings.slice(index, index + 1_000))
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    await writeTicketFacts(transaction, factsAfterOpening);
    for (const ticketId of await ticketsOfServices(transaction, [...dirtyServices])) dirty.add(ticketId);
    const ids = [...dirty];
    for (let index = 0; index < ids.length; index += 1_000)
      await evaluate(transaction, ids.slice(index, index + 1_000));
  },
};
