import { Body, Controller, Get, Header, HttpCode, Inject, Module, NotFoundException, Param, Post, Query as QueryParameters } from '@nestjs/common';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError, handleCommand, type EventMetadata, type EventStore } from '@sla/event-sourcing';
import { CLOCK, EVENT_STORE, READ_STORE, RequestMetadata, ZodValidationPipe, writeErrors, type Clock, type RouteDocumentation } from '@sla/nest-platform';
import { diffReportContent, renderReportHtml, reportContentHash, reportDue, serviceReportDecider, ServiceReportError, serviceReportStreamName, timeliness, type ServiceReportCommand, type ServiceReportState } from '@sla/reports-domain';
import { isTimeZone } from '@sla/sla-clock';
import type { ServiceReportTables } from './service-reports.projection';

/** Where a report's figures come from: the compliance views, provided by the composition root. */
export const REPORT_FIGURES = Symbol('REPORT_FIGURES');
export type ReportFiguresSource = { figuresFor(agreementId: string, period: string, timeZone: string): Promise<Record<string, unknown>> };

class UnknownCalendarError extends DomainError {
  readonly code = 'UNKNOWN_CALENDAR';
  readonly kind = 'rule_violated' as const;
}

const reportId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,120}$/, 'lower-case letters, digits and -');
const generateBody = z.strictObject({
  agreementId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/, 'a month (2026-03), quarter (2026-Q1), half (2026-H2) or year (2026)'),
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone').default('UTC'),
  audience: z.enum(['customer', 'internal']).default('customer'),
  /** The provider's working calendar: a due date on a non-working day moves to its next working day. */
  calendarId: z.string().min(1),
});
const reviewBody = z.strictObject({ notes: z.string().max(5_000).default('') });
const reviseBody = z.strictObject({ reason: z.string().trim().min(1).max(2_000) });
const revisionNumber = z.coerce.number().int().positive();
const htmlQuery = z.strictObject({ language: z.enum(['en', 'zh']).default('en') });
const listQuery = z.strictObject({ status: z.enum(['all', 'unpublished', 'overdue']).default('all') });

/** Service reports: generated from the compliance views, reviewed, approved, published and frozen; corrections are new revisions. */
@Controller('reports')
export class ServiceReportsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly db: Kysely<ServiceReportTables>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REPORT_FIGURES) private readonly figures: ReportFiguresSource,
    private readonly calendars: CalendarCatalogue,
  ) {}

  /** Commands are decided on the report's own stream (never on the read model, which may lag behind the last write). */
  private run(id: string, command: ServiceReportCommand | ((state: ServiceReportState) => Promise<ServiceReportCommand>), metadata: EventMetadata) {
    return handleCommand(this.store, serviceReportStreamName(id), serviceReportDecider, command, { metadata }).then((outcome) => ({
      reportId: id,
      streamRevision: outcome.streamRevision.toString(),
      events: outcome.newEvents.map((event) => event.type),
    }));
  }

  @Post()
  async generate(@Body(new ZodValidationPipe(generateBody)) body: z.infer<typeof generateBody>, @RequestMetadata() metadata: EventMetadata) {
    const calendar = (await this.calendars.load([body.calendarId])).get(body.calendarId);
    if (!calendar) throw new UnknownCalendarError(`no calendar '${body.calendarId}'`);
    const due = reportDue(body.period, calendar);
    const id = `${body.agreementId}-${body.period.toLowerCase()}-${body.audience}`;
    const content = { agreementId: body.agreementId, period: body.period, timeZone: body.timeZone, ...(await this.figures.figuresFor(body.agreementId, body.period, body.timeZone)) };
    const now = this.clock.now().toISOString();
    return this.run(
      id,
      {
        type: 'DraftReport',
        event: { reportId: id, agreementId: body.agreementId, period: body.period, audience: body.audience, dueDate: due.dueDate, deadline: new Date(due.deadline).toISOString(), revision: 1, content, contentHash: reportContentHash(content), reason: null, draftedBy: metadata.actor, occurredAt: now },
      },
      metadata,
    );
  }

  @Post(':reportId/revisions')
  revise(@Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string, @Body(new ZodValidationPipe(reviseBody)) body: z.infer<typeof reviseBody>, @RequestMetadata() metadata: EventMetadata) {
    return this.run(
      id,
      async (state) => {
        const subject = state.subject;
        if (!subject) throw new ServiceReportError('REPORT_NOT_FOUND', `no report '${id}'`);
        const content = { agreementId: subject.agreementId, period: subject.period, timeZone: subject.timeZone, ...(await this.figures.figuresFor(subject.agreementId, subject.period, subject.timeZone)) };
        return {
          type: 'DraftReport',
          event: { reportId: id, agreementId: subject.agreementId, period: subject.period, audience: subject.audience, dueDate: subject.dueDate, deadline: subject.deadline, revision: 1, content, contentHash: reportContentHash(content), reason: body.reason, draftedBy: metadata.actor, occurredAt: this.clock.now().toISOString() },
        };
      },
      metadata,
    );
  }

  @Post(':reportId/review')
  @HttpCode(200)
  review(@Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string, @Body(new ZodValidationPipe(reviewBody)) body: z.infer<typeof reviewBody>, @RequestMetadata() metadata: EventMetadata) {
    return this.run(id, { type: 'ReviewReport', notes: body.notes, at: this.clock.now().toISOString() }, metadata);
  }

  @Post(':reportId/approval')
  @HttpCode(200)
  approve(@Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string, @RequestMetadata() metadata: EventMetadata) {
    return this.run(id, { type: 'ApproveReport', approver: metadata.actor, at: this.clock.now().toISOString() }, metadata);
  }

  @Post(':reportId/publication')
  @HttpCode(200)
  publish(@Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string, @RequestMetadata() metadata: EventMetadata) {
    return this.run(
      id,
      async (state) => {
        const subject = state.subject;
        if (!subject) throw new ServiceReportError('REPORT_NOT_FOUND', `no report '${id}'`);
        const now = this.clock.now();
        const judged = timeliness({ period: subject.period, nominalDate: subject.dueDate, dueDate: subject.dueDate, deadline: Date.parse(subject.deadline) }, now.getTime());
        return { type: 'PublishReport', at: now.toISOString(), ...judged };
      },
      metadata,
    );
  }

  @Get()
  async list(@QueryParameters(new ZodValidationPipe(listQuery, 'query')) query: z.infer<typeof listQuery>) {
    let select = this.db.selectFrom('service_report').selectAll().orderBy('deadline');
    if (query.status !== 'all') select = select.where('first_published_at', 'is', null);
    if (query.status === 'overdue') select = select.where('deadline', '<=', this.clock.now());
    const now = this.clock.now().getTime();
    return (await select.execute()).map((row) => ({
      reportId: row.report_id,
      agreementId: row.agreement_id,
      period: row.period,
      audience: row.audience,
      dueDate: row.due_date,
      deadline: row.deadline.toISOString(),
      publishedAt: row.first_published_at?.toISOString() ?? null,
      onTime: row.on_time,
      lateByMs: row.late_by_ms === null ? null : Number(row.late_by_ms),
      overdue: row.first_published_at === null && now >= row.deadline.getTime(),
    }));
  }

  private async loadRevision(id: string, number: number) {
    const rows = await this.db.selectFrom('service_report_revision').selectAll().where('report_id', '=', id).where('revision', 'in', [number - 1, number]).orderBy('revision').execute();
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
      approvedBy: row.approved_by,
      publishedAt: row.published_at?.toISOString() ?? null,
      changesFromPrevious: previous ? diffReportContent(previous.content, row.content) : [],
    };
  }

  @Get(':reportId/revisions/:revision')
  revision(@Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string, @Param('revision', new ZodValidationPipe(revisionNumber, 'path')) number: number) {
    return this.loadRevision(id, number);
  }

  @Get(':reportId/revisions/:revision/html')
  @Header('content-type', 'text/html; charset=utf-8')
  async html(
    @Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string,
    @Param('revision', new ZodValidationPipe(revisionNumber, 'path')) number: number,
    @QueryParameters(new ZodValidationPipe(htmlQuery, 'query')) query: z.infer<typeof htmlQuery>,
  ) {
    return renderReportHtml(await this.loadRevision(id, number), query.language);
  }
}

/** Needs EVENT_STORE, READ_STORE, CLOCK and a REPORT_FIGURES provider from the composition root. */
@Module({})
export class ServiceReportsModule {
  static register(figures: { useFactory: (...args: never[]) => ReportFiguresSource; inject: (symbol | (new (...args: never[]) => unknown))[] }) {
    return { module: ServiceReportsModule, controllers: [ServiceReportsController], providers: [CalendarCatalogue, { provide: REPORT_FIGURES, ...figures }] };
  }
}

const recorded = z.object({ reportId: z.string(), streamRevision: z.string(), events: z.array(z.string()) });
export const serviceReportRoutes: RouteDocumentation[] = [
  {
    method: 'get',
    path: '/reports/{reportId}/revisions/{revision}/html',
    tag: 'reports',
    summary: 'One revision as a printable HTML page with charts; labels in English or Chinese (text/html)',
    query: htmlQuery,
    responses: { 200: { description: 'the page (text/html)' }, 400: writeErrors[400], 404: writeErrors[404] },
  },
  { method: 'post', path: '/reports', tag: 'reports', summary: 'Generate revision 1 of a service report from the compliance views; due date by the reporting rules on the provider calendar', body: generateBody, responses: { 201: { description: 'drafted', schema: recorded }, ...writeErrors } },
  { method: 'post', path: '/reports/{reportId}/review', tag: 'reports', summary: 'Review the open revision', body: reviewBody, responses: { 200: { description: 'reviewed', schema: recorded }, ...writeErrors } },
  { method: 'post', path: '/reports/{reportId}/approval', tag: 'reports', summary: 'Approve the reviewed revision (not by its author)', responses: { 200: { description: 'approved', schema: recorded }, ...writeErrors } },
  { method: 'post', path: '/reports/{reportId}/publication', tag: 'reports', summary: 'Publish the approved revision: frozen with its content hash; on time or late recorded', responses: { 200: { description: 'published', schema: recorded }, ...writeErrors } },
  { method: 'post', path: '/reports/{reportId}/revisions', tag: 'reports', summary: 'After publication: a new revision from the figures as known now, with its reason (refused if nothing changed)', body: reviseBody, responses: { 201: { description: 'drafted', schema: recorded }, ...writeErrors } },
  {
    method: 'get',
    path: '/reports',
    tag: 'reports',
    summary: 'Reports with due dates and timeliness; unpublished or overdue ones only',
    query: listQuery,
    responses: {
      200: {
        description: 'reports by deadline',
        schema: z.array(z.object({ reportId: z.string(), agreementId: z.string(), period: z.string(), audience: z.string(), dueDate: z.string(), deadline: z.string(), publishedAt: z.string().nullable(), onTime: z.boolean().nullable(), lateByMs: z.number().nullable(), overdue: z.boolean() })),
      },
      400: writeErrors[400],
    },
  },
  {
    method: 'get',
    path: '/reports/{reportId}/revisions/{revision}',
    tag: 'reports',
    summary: 'One revision: content, hash, who drafted and approved it, and what changed from the previous revision',
    responses: {
      200: {
        description: 'the revision',
        schema: z.object({
          reportId: z.string(),
          revision: z.number(),
          status: z.string(),
          contentHash: z.string(),
          content: z.record(z.string(), z.unknown()),
          reason: z.string().nullable(),
          draftedBy: z.string(),
          approvedBy: z.string().nullable(),
          publishedAt: z.string().nullable(),
          changesFromPrevious: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
        }),
      },
      400: writeErrors[400],
      404: writeErrors[404],
    },
  },
];
