import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import type { Kysely } from 'kysely';
import { DomainError, handleCommand, inStreamOrder, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import {
  CLOCK,
  EVENT_STORE,
  READ_STORE,
  keysetAfter,
  pageOf,
  type Clock,
  type KeysetColumn,
  type Page,
  type PageRequest,
} from '@sla/nest-platform';
import {
  diffReportContent,
  reportContentHash,
  reportDue,
  requireVersionInForce,
  ServiceReportError,
  serviceReportDecider,
  serviceReportStreamName,
  timeliness,
  type NoVersionInForceAcknowledgement,
  type ReportContent,
  type ReportFigures,
  type ReportSection,
  type ServiceReportCommand,
  type ServiceReportState,
} from '@sla/reports-domain';
import type { ServiceReportTables } from './service-reports.projection';

/** Where a report's figures come from: the compliance views and the agreement (report-figures.ts). */
export const REPORT_FIGURES = Symbol('REPORT_FIGURES');
/** The other contexts' readers the figures read through, provided by the composition root. */
export const REPORT_READERS = Symbol('REPORT_READERS');
export type ReportSubjectRequest = { agreementId: string; period: string; timeZone: string };
export type FiguresRequest = ReportSubjectRequest & {
  audience: 'customer' | 'internal';
  sections: ReportSection[] | undefined;
  trendPeriods: number;
  /** A report definition's first period: the trend never reaches back before it. */
  firstPeriod?: string;
};
export type ReportFiguresSource = {
  figuresFor(request: FiguresRequest): Promise<ReportFigures>;
  /** The agreement versions in force at some time in the period, ascending; [] when none was. */
  versionsInForce(request: ReportSubjectRequest): Promise<number[]>;
};

export class UnknownCalendarError extends DomainError {
  readonly code = 'UNKNOWN_CALENDAR';
  readonly kind = 'rule_violated' as const;
}

export type GenerateReport = {
  agreementId: string;
  period: string;
  timeZone: string;
  audience: 'customer' | 'internal';
  calendarId: string;
  sections?: ReportSection[];
  language?: 'en' | 'zh';
  trendPeriods?: number;
  /** Set when a report definition drafted the report. */
  definitionId?: string;
  /** Report a period in which no agreement version was in force anyway; recorded in the report with who and why. */
  acknowledgeNoVersionInForce?: { reason: string };
  /**
   * The definition's first period (or, for a revision, the first period of the one before): the trend starts there at
   * the earliest.
   */
  firstPeriod?: string;
};
export type ReportOutcome = { reportId: string; streamRevision: string; events: string[] };

export const DEFAULT_TREND_PERIODS = 6;
export const reportIdFor = (request: Pick<GenerateReport, 'agreementId' | 'period' | 'audience'>) =>
  `${request.agreementId}-${request.period.toLowerCase()}-${request.audience}`;

export type ReportFilter = {
  readonly status: 'all' | 'unpublished' | 'overdue' | 'published';
  readonly agreementId?: string | undefined;
  readonly audience?: string | undefined;
  readonly period?: string | undefined;
};

export type ReportListItem = {
  readonly reportId: string;
  readonly agreementId: string;
  readonly period: string;
  readonly audience: string;
  readonly dueDate: string;
  readonly deadline: string;
  readonly publishedAt: string | null;
  /** When the first publication was recorded: what "as reported" was known at (publishedAt is the time it states). */
  readonly publishedRecordedAt: string | null;
  readonly latestPublishedRevision: number | null;
  /** The newest revision and where it stands (a restated report's revision 2 may be a draft while 1 is published). */
  readonly latestRevision: number;
  readonly status: 'draft' | 'reviewed' | 'approved' | 'published';
  readonly onTime: boolean | null;
  readonly lateByMs: number | null;
  readonly overdue: boolean;
};

const REPORT_ORDER: KeysetColumn[] = [
  { column: 'deadline', direction: 'asc' },
  { column: 'report_id', direction: 'asc' },
];

/**
 * The service report process: generate a revision from the compliance views,
 * review, approve (four eyes), publish and restate. Used by the HTTP API, the
 * CLI and the automatic drafting of defined reports alike.
 *
 * Commands are decided on the report's own stream, never on the read model,
 * which may lag behind the last write.
 */
@Injectable()
export class ServiceReports {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly db: Kysely<ServiceReportTables>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REPORT_FIGURES) private readonly figures: ReportFiguresSource,
    private readonly calendars: CalendarCatalogue,
  ) {}

  private async run(
    id: string,
    command: ServiceReportCommand | ((state: ServiceReportState) => Promise<ServiceReportCommand>),
    metadata: EventMetadata,
    eventIds?: string[],
  ): Promise<ReportOutcome> {
    const outcome = await handleCommand(this.store, serviceReportStreamName(id), serviceReportDecider, command, {
      metadata,
      ...(eventIds ? { eventIds } : {}),
      occurredAt: inStreamOrder(this.clock),
    });
    return {
      reportId: id,
      streamRevision: outcome.streamRevision.toString(),
      events: outcome.newEvents.map((event) => event.type),
    };
  }

  /**
   * The report's content, refused early (before the figures are gathered) for a period in which no
   * agreement version was in force unless acknowledged; the decider holds the same rule on the stream.
   */
  private async content(
    request: Omit<GenerateReport, 'calendarId' | 'acknowledgeNoVersionInForce'>,
    acknowledgement: NoVersionInForceAcknowledgement | undefined,
  ): Promise<ReportContent> {
    const sections = request.sections;
    const versionsInForce = await this.figures.versionsInForce(request);
    requireVersionInForce(request, versionsInForce, acknowledgement !== undefined);
    const figures = await this.figures.figuresFor({
      agreementId: request.agreementId,
      period: request.period,
      timeZone: request.timeZone,
      audience: request.audience,
      sections,
      trendPeriods: request.trendPeriods ?? DEFAULT_TREND_PERIODS,
      ...(request.firstPeriod ? { firstPeriod: request.firstPeriod } : {}),
    });
    return {
      agreementId: request.agreementId,
      period: request.period,
      timeZone: request.timeZone,
      audience: request.audience,
      versionsInForce,
      // Kept only where it applies: with a version in force there is nothing to acknowledge.
      ...(versionsInForce.length === 0 && acknowledgement ? { noVersionInForce: acknowledgement } : {}),
      ...(sections ? { sections } : {}),
      ...(request.language ? { language: request.language } : {}),
      ...(request.trendPeriods ? { trendPeriods: request.trendPeriods } : {}),
      ...(request.definitionId ? { definitionId: request.definitionId } : {}),
      ...figures,
    };
  }

  /**
   * Revision 1 of a report from the figures as known now; its due date by the reporting rules on the provider calendar.
   */
  async generate(
    request: GenerateReport,
    metadata: EventMetadata,
    eventIds?: string[],
    occurredAt?: string,
  ): Promise<ReportOutcome> {
    const calendar = (await this.calendars.load([request.calendarId])).get(request.calendarId);
    if (!calendar) throw new UnknownCalendarError(`no calendar '${request.calendarId}'`);
    const due = reportDue(request.period, calendar);
    const id = reportIdFor(request);
    const { acknowledgeNoVersionInForce, ...subject } = request;
    const acknowledgement = acknowledgeNoVersionInForce
      ? { acknowledgedBy: metadata.actor, reason: acknowledgeNoVersionInForce.reason }
      : undefined;
    const content = await this.content(subject, acknowledgement);
    return this.run(
      id,
      {
        type: 'DraftReport',
        event: {
          reportId: id,
          agreementId: request.agreementId,
          period: request.period,
          audience: request.audience,
          dueDate: due.dueDate,
          deadline: new Date(due.deadline).toISOString(),
          revision: 1,
          content,
          contentHash: reportContentHash(content),
          reason: null,
          draftedBy: metadata.actor,
          occurredAt: occurredAt ?? this.clock.now().toISOString(),
        },
      },
      metadata,
      eventIds,
    );
  }

  /** Whether a report's stream holds anything yet (read from the store, not the read model). */
  async exists(reportId: string): Promise<boolean> {
    return (await this.store.readStream(serviceReportStreamName(reportId))).length > 0;
  }

  /** After publication: a new revision from the figures as known now, with its reason; refused when nothing changed. */
  revise(id: string, reason: string, metadata: EventMetadata, occurredAt?: string): Promise<ReportOutcome> {
    return this.run(
      id,
      async (state) => {
        const subject = state.subject;
        if (!subject) throw new ServiceReportError('REPORT_NOT_FOUND', `no report '${id}'`);
        const first = await this.db
          .selectFrom('service_report_revision')
          .select('content')
          .where('report_id', '=', id)
          .where('revision', '=', 1)
          .executeTakeFirst();
        // A revision is drafted with the same sections, language and trend length as the first one.
        const drafted: Partial<ReportContent> = first?.content ?? {};
        const { sections, language, trendPeriods, definitionId } = drafted;
        // An acknowledgement that no version was in force is about the period: it holds for every revision.
        const request = {
          ...subject,
          sections,
          language,
          trendPeriods,
          definitionId,
          ...(drafted.trendFrom ? { firstPeriod: drafted.trendFrom } : {}),
        };
        const content = await this.content(request, drafted.noVersionInForce);
        return {
          type: 'DraftReport',
          event: {
            reportId: id,
            agreementId: subject.agreementId,
            period: subject.period,
            audience: subject.audience,
            dueDate: subject.dueDate,
            deadline: subject.deadline,
            revision: 1,
            content,
            contentHash: reportContentHash(content),
            reason,
            draftedBy: metadata.actor,
            occurredAt: occurredAt ?? this.clock.now().toISOString(),
          },
        };
      },
      metadata,
    );
  }

  review(id: string, notes: string, metadata: EventMetadata, occurredAt?: string): Promise<ReportOutcome> {
    return this.run(id, { type: 'ReviewReport', notes, at: occurredAt ?? this.clock.now().toISOString() }, metadata);
  }

  approve(id: string, metadata: EventMetadata, occurredAt?: string): Promise<ReportOutcome> {
    const at = occurredAt ?? this.clock.now().toISOString();
    return this.run(id, { type: 'ApproveReport', approver: metadata.actor, at }, metadata);
  }

  /** Judged on time or late at `occurredAt` (by default now), which must not lie in the future (stream bounds). */
  publish(id: string, metadata: EventMetadata, occurredAt?: string): Promise<ReportOutcome> {
    return this.run(
      id,
      async (state) => {
        const subject = state.subject;
        if (!subject) throw new ServiceReportError('REPORT_NOT_FOUND', `no report '${id}'`);
        const now = occurredAt ? new Date(occurredAt) : this.clock.now();
        const judged = timeliness(
          {
            period: subject.period,
            nominalDate: subject.dueDate,
            dueDate: subject.dueDate,
            deadline: Date.parse(subject.deadline),
          },
          now.getTime(),
        );
        // A revision drafted before the versions in force were recorded is judged by what is known now.
        const unrecorded = state.revisions.at(-1)?.versionsInForce === null;
        const versionsInForce = unrecorded ? await this.figures.versionsInForce(subject) : undefined;
        const known = versionsInForce ? { versionsInForce } : {};
        return { type: 'PublishReport', at: now.toISOString(), ...judged, ...known };
      },
      metadata,
    );
  }

  /**
   * Reports by deadline, a page at a time. `customerAgreements` (a customer's own agreements) narrows the list
   * to what a customer may read: customer-audience reports of those agreements with a published revision.
   */
  async list(
    filter: ReportFilter,
    page?: PageRequest,
    customerAgreements?: readonly string[],
  ): Promise<Page<ReportListItem>> {
    let select = this.db
      .selectFrom('service_report')
      .selectAll()
      .select((eb) =>
        eb
          .selectFrom('service_report_revision as published')
          .select((inner) => inner.fn.max('published.revision').as('revision'))
          .whereRef('published.report_id', '=', 'service_report.report_id')
          .where('published.status', '=', 'published')
          .as('latest_published_revision'),
      )
      .select((eb) =>
        eb
          .selectFrom('service_report_revision as latest')
          .select(['latest.revision'])
          .whereRef('latest.report_id', '=', 'service_report.report_id')
          .orderBy('latest.revision', 'desc')
          .limit(1)
          .as('latest_revision'),
      )
      .select((eb) =>
        eb
          .selectFrom('service_report_revision as latest')
          .select(['latest.status'])
          .whereRef('latest.report_id', '=', 'service_report.report_id')
          .orderBy('latest.revision', 'desc')
          .limit(1)
          .as('latest_status'),
      )
      .orderBy('deadline')
      .orderBy('report_id');
    if (filter.status === 'unpublished' || filter.status === 'overdue')
      select = select.where('first_published_at', 'is', null);
    if (filter.status === 'overdue') select = select.where('deadline', '<=', this.clock.now());
    if (filter.status === 'published') select = select.where('first_published_at', 'is not', null);
    if (filter.agreementId) select = select.where('agreement_id', '=', filter.agreementId);
    if (filter.audience) select = select.where('audience', '=', filter.audience);
    if (filter.period) select = select.where('period', '=', filter.period);
    if (customerAgreements) {
      if (customerAgreements.length === 0) return { items: [], nextCursor: null };
      select = select
        .where('agreement_id', 'in', customerAgreements)
        .where('audience', '=', 'customer')
        .where('first_published_at', 'is not', null);
    }
    const after = keysetAfter(REPORT_ORDER, page?.cursor);
    if (after) select = select.where(after);
    if (page) select = select.limit(page.limit + 1);
    const rows = await select.execute();
    const now = this.clock.now().getTime();
    return pageOf(
      rows,
      page?.limit ?? rows.length,
      (row) => [row.deadline.toISOString(), row.report_id],
      (row) => ({
        reportId: row.report_id,
        agreementId: row.agreement_id,
        period: row.period,
        audience: row.audience,
        dueDate: row.due_date,
        deadline: row.deadline.toISOString(),
        publishedAt: row.first_published_at?.toISOString() ?? null,
        publishedRecordedAt: row.first_published_recorded_at?.toISOString() ?? null,
        latestPublishedRevision: row.latest_published_revision ?? null,
        // A customer reads published revisions only: a restatement in progress is not theirs to see yet.
        ...(customerAgreements
          ? { latestRevision: row.latest_published_revision ?? 1, status: 'published' as const }
          : {
              latestRevision: row.latest_revision ?? 1,
              status: (row.latest_status ?? 'draft') as ReportListItem['status'],
            }),
        onTime: row.on_time,
        lateByMs: row.late_by_ms === null ? null : Number(row.late_by_ms),
        overdue: row.first_published_at === null && now >= row.deadline.getTime(),
      }),
    );
  }

  /** One revision with what changed from the previous one. */
  async revision(id: string, number: number) {
    const rows = await this.db
      .selectFrom('service_report_revision')
      .selectAll()
      .where('report_id', '=', id)
      .where('revision', 'in', [number - 1, number])
      .orderBy('revision')
      .execute();
    const row = rows.find((candidate) => candidate.revision === number);
    if (!row) throw new NotFoundException(`report '${id}' has no revision ${number}`);
    const previous = rows.find((candidate) => candidate.revision === number - 1);
    return {
      reportId: id,
      revision: number,
      status: row.status,
      contentHash: row.content_hash,
      content: row.content,
      reason: row.reason,
      draftedBy: row.drafted_by,
      draftedAt: row.drafted_at.toISOString(),
      reviewedAt: row.reviewed_at?.toISOString() ?? null,
      approvedBy: row.approved_by,
      approvedAt: row.approved_at?.toISOString() ?? null,
      publishedAt: row.published_at?.toISOString() ?? null,
      changesFromPrevious: previous ? diffReportContent(previous.content, row.content) : [],
    };
  }

  /** Any two revisions of a report, side by side: what changed from `from` to `to`. */
  async compare(id: string, from: number, to: number) {
    const [before, after] = [await this.revision(id, from), await this.revision(id, to)];
    return {
      reportId: id,
      from: { revision: from, contentHash: before.contentHash },
      to: { revision: to, contentHash: after.contentHash, reason: after.reason },
      changes: diffReportContent(before.content, after.content),
    };
  }
}
