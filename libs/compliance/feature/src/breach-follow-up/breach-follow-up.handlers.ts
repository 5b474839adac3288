import { Inject } from '@nestjs/common';
import { Command, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import type { AgreementEvent } from '@sla/agreements-domain';
import {
  breachFollowUpDecider,
  breachFollowUpEventDefinitions,
  breachFollowUpStreamName,
  type BreachFollowUpEvent,
} from '@sla/compliance-domain';
import {
  DomainError,
  handleCommand,
  inStreamOrder,
  toSchemaIssues,
  type EventMetadata,
  type EventStore,
} from '@sla/event-sourcing';
import {
  CLOCK,
  EVENT_STORE,
  READ_STORE,
  RequestValidationError,
  keysetAfter,
  pageOf,
  type Clock,
  type KeysetColumn,
  type Page,
  type PageRequest,
} from '@sla/nest-platform';
import type { TicketSlaTables } from '../ticket-sla/ticket-sla.projection';
import type { BreachFollowUpTables } from './breach-follow-up.projection';

class BreachNotFoundError extends DomainError {
  readonly code = 'BREACH_NOT_FOUND';
  readonly kind = 'not_found' as const;
}

export class RecordBreachFollowUpCommand extends Command<{
  breachEventId: string;
  streamRevision: string;
  events: string[];
}> {
  constructor(
    readonly breachEventId: string,
    readonly type: string,
    readonly data: Record<string, unknown>,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}

/** The credit terms of one version, from the agreement's own history. */
function creditTermsOf(events: readonly AgreementEvent[], version: number): { condition: string; credit: string }[] {
  let terms: { condition: string; credit: string }[] = [];
  for (const event of events) {
    if (
      (event.type === 'AgreementDrafted' ||
        event.type === 'AgreementAmendmentDrafted' ||
        event.type === 'AgreementDraftRevised') &&
      event.data.version === version
    ) {
      terms = event.data.content.serviceCredits;
    }
  }
  return terms;
}

@CommandHandler(RecordBreachFollowUpCommand)
export class RecordBreachFollowUpHandler implements ICommandHandler<RecordBreachFollowUpCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly db: Kysely<TicketSlaTables>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ breachEventId, type, data, metadata }: RecordBreachFollowUpCommand) {
    const definition = breachFollowUpEventDefinitions.find((candidate) => candidate.type === type)!;
    const parsed = definition.schema.safeParse({ occurredAt: this.clock.now().toISOString(), ...data, breachEventId });
    if (!parsed.success) throw new RequestValidationError('body', toSchemaIssues(parsed.error, 'data'));
    const breach = await this.db
      .selectFrom('sla_detection')
      .select(['agreement_id', 'version'])
      .where('event_id', '=', breachEventId)
      .where('kind', '=', 'breached')
      .executeTakeFirst();
    if (!breach) throw new BreachNotFoundError(`no recorded breach ${breachEventId}`);
    const agreement = await this.db
      .selectFrom('compliance_agreement')
      .select('events')
      .where('agreement_id', '=', breach.agreement_id)
      .executeTakeFirst();
    const outcome = await handleCommand(
      this.store,
      breachFollowUpStreamName(breachEventId),
      breachFollowUpDecider,
      {
        type: 'RecordBreachFollowUp',
        fact: { type, data: parsed.data } as BreachFollowUpEvent,
        creditTerms: creditTermsOf(agreement?.events ?? [], breach.version),
      },
      { metadata, occurredAt: inStreamOrder(this.clock) },
    );
    return {
      breachEventId,
      streamRevision: outcome.streamRevision.toString(),
      events: outcome.newEvents.map((event) => event.type),
    };
  }
}

export type FollowUpView = {
  breachEventId: string;
  ticketId: string;
  agreementId: string;
  version: number;
  metric: string;
  breachedAt: string;
  detectedAt: string;
  notificationDueAt: string;
  notifiedAt: string | null;
  /** null while not yet notified and not yet due. */
  notificationOnTime: boolean | null;
  notification: unknown;
  rootCause: string | null;
  credit: unknown;
  remediation: string | null;
  remediatedAt: string | null;
  waiver: unknown;
  retractedAt: string | null;
  status: 'open' | 'closed' | 'retracted';
};

export type FollowUpFilter = {
  readonly status: 'open' | 'all';
  readonly agreementId?: string | undefined;
  readonly ticketId?: string | undefined;
  readonly metric?: string | undefined;
};

export class ListFollowUpsQuery extends Query<Page<FollowUpView>> {
  constructor(
    readonly filter: FollowUpFilter,
    /** Without one, every row (reports and evidence bundles need the whole list). */
    readonly page?: PageRequest,
  ) {
    super();
  }
}

const FOLLOW_UP_ORDER: KeysetColumn[] = [
  { column: 'notification_due_at', direction: 'asc' },
  { column: 'breach_event_id', direction: 'asc' },
];

/** Follow-ups with their due times, by notification due time, a page at a time. */
@QueryHandler(ListFollowUpsQuery)
export class ListFollowUpsHandler implements IQueryHandler<ListFollowUpsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly db: Kysely<BreachFollowUpTables>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter, page }: ListFollowUpsQuery): Promise<Page<FollowUpView>> {
    let query = this.db
      .selectFrom('breach_follow_up')
      .selectAll()
      .orderBy('notification_due_at')
      .orderBy('breach_event_id');
    if (page) query = query.limit(page.limit + 1);
    if (filter.status === 'open') query = query.where('remediated_at', 'is', null).where('retracted_at', 'is', null);
    if (filter.agreementId) query = query.where('agreement_id', '=', filter.agreementId);
    if (filter.ticketId) query = query.where('ticket_id', '=', filter.ticketId);
    if (filter.metric) query = query.where('metric', '=', filter.metric);
    const after = keysetAfter(FOLLOW_UP_ORDER, page?.cursor);
    if (after) query = query.where(after);
    const now = this.clock.now().getTime();
    const rows = await query.execute();
    return pageOf(
      rows,
      page?.limit ?? rows.length,
      (row) => [row.notification_due_at.toISOString(), row.breach_event_id],
      (row): FollowUpView => ({
        breachEventId: row.breach_event_id,
        ticketId: row.ticket_id,
        agreementId: row.agreement_id,
        version: row.version,
        metric: row.metric,
        breachedAt: row.breached_at.toISOString(),
        detectedAt: row.detected_at.toISOString(),
        notificationDueAt: row.notification_due_at.toISOString(),
        notifiedAt: row.notified_at?.toISOString() ?? null,
        notificationOnTime: row.notified_at
          ? row.notified_at <= row.notification_due_at
          : now > row.notification_due_at.getTime()
            ? false
            : null,
        notification: row.notification,
        rootCause: row.root_cause,
        credit: row.credit,
        remediation: row.remediation,
        remediatedAt: row.remediated_at?.toISOString() ?? null,
        waiver: row.waiver,
        retractedAt: row.retracted_at?.toISOString() ?? null,
        status: row.retracted_at ? 'retracted' : row.remediated_at ? 'closed' : 'open',
      }),
    );
  }
}
