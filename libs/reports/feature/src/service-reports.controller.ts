import { createHash } from 'node:crypto';
import { Controller, Header, Module, NotFoundException, Res, StreamableFile } from '@nestjs/common';
import { AgreementDirectory } from '@sla/agreements-read-models';
import { CalendarCatalogue } from '@sla/catalogue-read-models';
import { z } from 'zod';
import type { EventMetadata } from '@sla/event-sourcing';
import { Endpoint, ValidBody, ValidParam, ValidQuery, READ_STORE, RequestMetadata } from '@sla/nest-platform';
import { CustomerAgreements } from '@sla/access-control';
import { breachesCsv, BREACHES_CSV_NAME, renderReportHtml } from '@sla/reports-domain';
import { renderReportPdf } from '@sla/reports-pdf';
import { DefinedReportDrafting, REPORT_DRAFT_INTERVAL } from './report-definitions/defined-report-drafting';
import { ReportDefinitionsController } from './report-definitions/report-definitions.controller';
import { REPORT_FIGURES, REPORT_READERS, ServiceReports } from './service-reports.service';
import { reportFigures, type ReportReaders } from './report-figures/report-figures';
import {
  approveRoute,
  breachesCsvRoute,
  compareQuery,
  compareRoute,
  generateBody,
  occurredAtBody,
  generateRoute,
  htmlQuery,
  htmlRoute,
  listQuery,
  listRoute,
  pdfQuery,
  pdfRoute,
  publishRoute,
  reportId,
  reviewBody,
  reviewRoute,
  reviseBody,
  reviseRoute,
  revisionNumber,
  revisionRoute,
} from './service-reports.routes';

/**
 * Service reports: generated from the compliance views, reviewed, approved, published and frozen; corrections are new
 * revisions.
 */
@Controller()
export class ServiceReportsController {
  constructor(private readonly reports: ServiceReports) {}

  @Endpoint(generateRoute)
  generate(@ValidBody(generateRoute) body: z.infer<typeof generateBody>, @RequestMetadata() metadata: EventMetadata) {
    const { occurredAt, ...request } = body;
    return this.reports.generate(request, metadata, undefined, occurredAt);
  }

  @Endpoint(reviseRoute)
  revise(
    @ValidParam(reviseRoute, 'reportId', reportId) id: string,
    @ValidBody(reviseRoute) body: z.infer<typeof reviseBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.reports.revise(id, body.reason, metadata, body.occurredAt);
  }

  @Endpoint(reviewRoute)
  review(
    @ValidParam(reviewRoute, 'reportId', reportId) id: string,
    @ValidBody(reviewRoute) body: z.infer<typeof reviewBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.reports.review(id, body.notes, metadata, body.occurredAt);
  }

  @Endpoint(approveRoute)
  approve(
    @ValidParam(approveRoute, 'reportId', reportId) id: string,
    @ValidBody(approveRoute) body: z.infer<typeof occurredAtBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.reports.approve(id, metadata, body.occurredAt);
  }

  @Endpoint(publishRoute)
  publish(
    @ValidParam(publishRoute, 'reportId', reportId) id: string,
    @ValidBody(publishRoute) body: z.infer<typeof occurredAtBody>,
    @RequestMetadata() metadata: EventMetadata,
  ) {
    return this.reports.publish(id, metadata, body.occurredAt);
  }

  @Endpoint(listRoute)
  list(
    @ValidQuery(listRoute) query: z.infer<typeof listQuery>,
    @CustomerAgreements() customerAgreements: readonly string[] | undefined,
  ) {
    const { limit, cursor, ...filter } = query;
    return this.reports.list(filter, { limit, cursor }, customerAgreements);
  }

  @Endpoint(compareRoute)
  compare(
    @ValidParam(compareRoute, 'reportId', reportId) id: string,
    @ValidQuery(compareRoute) query: z.infer<typeof compareQuery>,
  ) {
    return this.reports.compare(id, query.from, query.to);
  }

  @Endpoint(revisionRoute)
  revision(
    @ValidParam(revisionRoute, 'reportId', reportId) id: string,
    @ValidParam(revisionRoute, 'revision', revisionNumber) number: number,
  ) {
    return this.reports.revision(id, number);
  }

  @Endpoint(htmlRoute)
  @Header('content-type', 'text/html; charset=utf-8')
  async html(
    @ValidParam(htmlRoute, 'reportId', reportId) id: string,
    @ValidParam(htmlRoute, 'revision', revisionNumber) number: number,
    @ValidQuery(htmlRoute) query: z.infer<typeof htmlQuery>,
  ) {
    return renderReportHtml(await this.reports.revision(id, number), query.language);
  }

  /**
   * Every breach of the revision as CSV, most severe first (the PDF's table
   * shows the head of this list when it is long). Exact UTC instants; the
   * same bytes on every download.
   */
  @Endpoint(breachesCsvRoute)
  async breachesCsv(
    @ValidParam(breachesCsvRoute, 'reportId', reportId) id: string,
    @ValidParam(breachesCsvRoute, 'revision', revisionNumber) number: number,
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
  @Endpoint(pdfRoute)
  async pdf(
    @ValidParam(pdfRoute, 'reportId', reportId) id: string,
    @ValidParam(pdfRoute, 'revision', revisionNumber) number: number,
    @ValidQuery(pdfRoute) query: z.infer<typeof pdfQuery>,
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
