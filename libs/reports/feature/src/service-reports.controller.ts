import { createHash } from 'node:crypto';
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Module,
  NotFoundException,
  Param,
  Post,
  Query as QueryParameters,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { AgreementDirectory } from '@sla/agreements-read-models';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { z } from 'zod';
import type { EventMetadata } from '@sla/event-sourcing';
import {
  READ_STORE,
  RequestMetadata,
  ZodValidationPipe,
  pageQueryShape,
  pageSchema,
  versionParameter,
  writeErrors,
  type RouteDocumentation,
} from '@sla/nest-platform';
import { CustomerAgreements } from '@sla/access-control';
import {
  breachesCsv,
  BREACHES_CSV_NAME,
  REPORT_SECTIONS,
  ReportContent,
  renderReportHtml,
  reportAgreementIdSchema,
  reportIdSchema,
  reportingPeriodSchema,
  type ReportSection,
} from '@sla/reports-domain';
import { renderReportPdf } from '@sla/reports-pdf';
import { isTimeZone } from '@sla/sla-clock';
import { DefinedReportDrafting, REPORT_DRAFT_INTERVAL } from './report-definitions/defined-report-drafting';
import { ReportDefinitionsController } from './report-definitions/report-definitions.controller';
import { REPORT_FIGURES, REPORT_READERS, ServiceReports } from './service-reports.service';
import { reportFigures, type ReportReaders } from './report-figures/report-figures';

const reportId = reportIdSchema;
const generateBody = z.strictObject({
  agreementId: reportAgreementIdSchema,
  period: reportingPeriodSchema,
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone').default('UTC'),
  audience: z.enum(['customer', 'internal']).default('customer'),
  /** The provider's working calendar: a due date on a non-working day moves to its next working day. */
  calendarId: z.string().min(1),
  sections: z
    .array(z.enum(REPORT_SECTIONS as [ReportSection, ...ReportSection[]]))
    .min(1)
    .optional(),
  language: z.enum(['en', 'zh']).optional(),
  trendPeriods: z.number().int().min(2).max(24).optional(),
  /** Without it a period in which no agreement version was in force is refused (422 NO_VERSION_IN_FORCE). */
  acknowledgeNoVersionInForce: z.strictObject({ reason: z.string().trim().min(1).max(2_000) }).optional(),
});
const reviewBody = z.strictObject({ notes: z.string().max(5_000).default('') });
const reviseBody = z.strictObject({ reason: z.string().trim().min(1).max(2_000) });
const revisionNumber = versionParameter;
const htmlQuery = z.strictObject({ language: z.enum(['en', 'zh']).default('en') });
const pdfQuery = z.strictObject({ language: z.enum(['en', 'zh']).optional() });
const listQuery = z.strictObject({
  status: z.enum(['all', 'unpublished', 'overdue', 'published']).default('all'),
  agreementId: z.string().optional(),
  audience: z.enum(['customer', 'internal']).optional(),
  period: reportingPeriodSchema.optional(),
  ...pageQueryShape,
});
const compareQuery = z.strictObject({ from: versionParameter, to: versionParameter });

/**
 * Service reports: generated from the compliance views, reviewed, approved, published and frozen; corrections are new
 * revisions.
 */
@Controller('reports')
export class ServiceReportsController {
  constructor(private readonly reports: ServiceReports) {}

  @Post()
  generate(
    @Body(new ZodValidationPipe(generateBody)) body: z.infer<typeof generateBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.reports.generate(body, metadata);
  }

  @Post(':reportId/revisions')
  revise(
    @Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string,
    @Body(new ZodValidationPipe(reviseBody)) body: z.infer<typeof reviseBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.reports.revise(id, body.reason, metadata);
  }

  @Post(':reportId/review')
  @HttpCode(200)
  review(
    @Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string,
    @Body(new ZodValidationPipe(reviewBody)) body: z.infer<typeof reviewBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.reports.review(id, body.notes, metadata);
  }

  @Post(':reportId/approval')
  @HttpCode(200)
  approve(
    @Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.reports.approve(id, metadata);
  }

  @Post(':reportId/publication')
  @HttpCode(200)
  publish(
    @Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.reports.publish(id, metadata);
  }

  @Get()
  list(
    @QueryParameters(new ZodValidationPipe(listQuery, 'query')) query: z.infer<typeof listQuery>,
    @CustomerAgreements() customerAgreements: readonly string[] | undefined,
  ) {
    const { limit, cursor, ...filter } = query;
    return this.reports.list(filter, { limit, cursor }, customerAgreements);
  }

  @Get(':reportId/comparison')
  compare(
    @Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string,
    @QueryParameters(new ZodValidationPipe(compareQuery, 'query')) query: z.infer<typeof compareQuery>,
  ) {
    return this.reports.compare(id, query.from, query.to);
  }

  @Get(':reportId/revisions/:revision')
  revision(
    @Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string,
    @Param('revision', new ZodValidationPipe(revisionNumber, 'path')) number: number,
  ) {
    return this.reports.revision(id, number);
  }

  @Get(':reportId/revisions/:revision/html')
  @Header('content-type', 'text/html; charset=utf-8')
  async html(
    @Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string,
    @Param('revision', new ZodValidationPipe(revisionNumber, 'path')) number: number,
    @QueryParameters(new ZodValidationPipe(htmlQuery, 'query')) query: z.infer<typeof htmlQuery>,
  ) {
    return renderReportHtml(await this.reports.revision(id, number), query.language);
  }

  /**
   * Every breach of the revision as CSV, most severe first (the PDF's table
   * shows the head of this list when it is long). Exact UTC instants; the
   * same bytes on every download.
   */
  @Get(':reportId/revisions/:revision/breaches.csv')
  async breachesCsv(
    @Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string,
    @Param('revision', new ZodValidationPipe(revisionNumber, 'path')) number: number,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const revision = await this.reports.revision(id, number);
    const breaches = revision.content.breaches;
    if (!breaches) throw new NotFoundException(`revision ${number} of report '${id}' has no breach section`);
    const bytes = Buffer.from(breachesCsv(breaches), 'utf8');
    response.setHeader('etag', `"sha256-${createHash('sha256').update(bytes).digest('hex')}"`);
    return new StreamableFile(bytes, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${id}-r${number}-${BREACHES_CSV_NAME}"`,
      length: bytes.length,
    });
  }

  /**
   * The revision as a paginated PDF, in the report's own language unless
   * asked otherwise. Its generation time is when the revision was drafted, so
   * the bytes of a revision never change: the ETag is their SHA-256.
   */
  @Get(':reportId/revisions/:revision/pdf')
  async pdf(
    @Param('reportId', new ZodValidationPipe(reportId, 'path')) id: string,
    @Param('revision', new ZodValidationPipe(revisionNumber, 'path')) number: number,
    @QueryParameters(new ZodValidationPipe(pdfQuery, 'query')) query: z.infer<typeof pdfQuery>,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ) {
    const revision = await this.reports.revision(id, number);
    const language = query.language ?? (revision.content.language === 'zh' ? 'zh' : 'en');
    const bytes = await renderReportPdf(revision, { language, generatedAt: revision.draftedAt });
    response.setHeader('etag', `"sha256-${createHash('sha256').update(bytes).digest('hex')}"`);
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      disposition: `inline; filename="${id}-r${number}-${language}.pdf"`,
      length: bytes.length,
    });
  }
}

/**
 * Needs EVENT_STORE, READ_STORE and CLOCK; the other contexts' readers and the drafting interval come from the
 * composition root.
 */
@Module({})
export class ServiceReportsModule {
  static register(
    /** The other contexts' readers the figures read through (see ReportReaders). */
    readers: {
      useFactory: (...args: never[]) => ReportReaders;
      inject: (symbol | (new (...args: never[]) => unknown))[];
    },
    options: { draftIntervalMilliseconds: number },
  ) {
    return {
      module: ServiceReportsModule,
      controllers: [ServiceReportsController, ReportDefinitionsController],
      providers: [
        CalendarCatalogue,
        AgreementDirectory,
        ServiceReports,
        DefinedReportDrafting,
        { provide: REPORT_READERS, ...readers },
        { provide: REPORT_FIGURES, inject: [REPORT_READERS, READ_STORE], useFactory: reportFigures },
        { provide: REPORT_DRAFT_INTERVAL, useValue: options.draftIntervalMilliseconds },
      ],
      exports: [ServiceReports, DefinedReportDrafting],
    };
  }
}

const recorded = z.object({ reportId: z.string(), streamRevision: z.string(), events: z.array(z.string()) });
const rowKey = z
  .record(z.string(), z.unknown())
  .describe(
    'what the row is about: a breach by ticketId and metric, a compliance row by serviceId, priority and metric, …',
  );
/** A row added, removed or changed between two revisions, found by its key, never by its position. */
const contentChange = z.discriminatedUnion('change', [
  z.object({ section: z.string(), key: rowKey, change: z.literal('added'), after: z.unknown() }),
  z.object({ section: z.string(), key: rowKey, change: z.literal('removed'), before: z.unknown() }),
  z.object({
    section: z.string(),
    key: rowKey,
    change: z.literal('changed'),
    fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  }),
]);
export const serviceReportRoutes: RouteDocumentation[] = [
  {
    method: 'get',
    path: '/reports/{reportId}/revisions/{revision}/html',
    tag: 'reports',
    summary: 'One revision as a printable HTML page with charts; labels in English or Chinese (text/html)',
    query: htmlQuery,
    responses: { 200: { description: 'the page (text/html)' }, 400: writeErrors[400], 404: writeErrors[404] },
  },
  {
    method: 'get',
    path: '/reports/{reportId}/revisions/{revision}/breaches.csv',
    tag: 'reports',
    summary:
      'Every breach of one revision as CSV, most severe first, exact UTC instants (text/csv); the PDF shows the head of this list when it is long',
    responses: {
      200: { description: 'the CSV (text/csv, UTF-8 with BOM); the same bytes on every download' },
      400: writeErrors[400],
      404: writeErrors[404],
    },
  },
  {
    method: 'get',
    path: '/reports/{reportId}/revisions/{revision}/pdf',
    tag: 'reports',
    summary:
      "One revision as a paginated PDF with charts; agreement, period, version in force, revision and generation time on every page; in the report's language unless asked (application/pdf)",
    query: pdfQuery,
    responses: {
      200: { description: 'the PDF (application/pdf); the same bytes on every download' },
      400: writeErrors[400],
      404: writeErrors[404],
    },
  },
  {
    method: 'get',
    path: '/reports/{reportId}/comparison',
    tag: 'reports',
    summary:
      'What changed between two revisions (from, to): rows added, removed and changed, keyed by what they are about (a breach by ticket and metric), each changed field before and after',
    query: compareQuery,
    responses: {
      200: {
        description: 'the changes',
        schema: z.object({
          reportId: z.string(),
          from: z.object({ revision: z.number(), contentHash: z.string() }),
          to: z.object({ revision: z.number(), contentHash: z.string(), reason: z.string().nullable() }),
          changes: z.array(contentChange),
        }),
      },
      400: writeErrors[400],
      404: writeErrors[404],
    },
  },
  {
    method: 'post',
    path: '/reports',
    tag: 'reports',
    summary:
      'Generate revision 1 of a service report from the compliance views; due date by the reporting rules on the provider calendar',
    body: generateBody,
    responses: { 201: { description: 'drafted', schema: recorded }, ...writeErrors },
  },
  {
    method: 'post',
    path: '/reports/{reportId}/review',
    tag: 'reports',
    summary: 'Review the open revision',
    body: reviewBody,
    responses: { 200: { description: 'reviewed', schema: recorded }, ...writeErrors },
  },
  {
    method: 'post',
    path: '/reports/{reportId}/approval',
    tag: 'reports',
    summary: 'Approve the reviewed revision (not by its author)',
    responses: { 200: { description: 'approved', schema: recorded }, ...writeErrors },
  },
  {
    method: 'post',
    path: '/reports/{reportId}/publication',
    tag: 'reports',
    summary: 'Publish the approved revision: frozen with its content hash; on time or late recorded',
    responses: { 200: { description: 'published', schema: recorded }, ...writeErrors },
  },
  {
    method: 'post',
    path: '/reports/{reportId}/revisions',
    tag: 'reports',
    summary:
      'After publication: a new revision from the figures as known now, with its reason (refused if nothing changed)',
    body: reviseBody,
    responses: { 201: { description: 'drafted', schema: recorded }, ...writeErrors },
  },
  {
    method: 'get',
    path: '/reports',
    tag: 'reports',
    summary:
      'Reports with due dates and timeliness; by status, agreement, audience or period. Customers: their published customer reports',
    query: listQuery,
    responses: {
      200: {
        description: "a page of reports by deadline (a customer's key: its own agreements' published customer reports)",
        schema: pageSchema(
          z.object({
            reportId: z.string(),
            agreementId: z.string(),
            period: z.string(),
            audience: z.string(),
            dueDate: z.string(),
            deadline: z.string(),
            publishedAt: z.string().nullable(),
            latestPublishedRevision: z.number().nullable(),
            onTime: z.boolean().nullable(),
            lateByMs: z.number().nullable(),
            overdue: z.boolean(),
          }),
        ),
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
          content: ReportContent,
          reason: z.string().nullable(),
          draftedBy: z.string(),
          draftedAt: z.string(),
          approvedBy: z.string().nullable(),
          publishedAt: z.string().nullable(),
          changesFromPrevious: z.array(contentChange),
        }),
      },
      400: writeErrors[400],
      404: writeErrors[404],
    },
  },
];
