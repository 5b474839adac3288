import type { Transaction } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { Projection } from '@sla/projection-runtime';
import type { ReportContent, ServiceReportEvent } from '@sla/reports-domain';

export type ServiceReportTables = {
  service_report: {
    report_id: string;
    agreement_id: string;
    period: string;
    audience: string;
    due_date: string;
    deadline: Date;
    first_published_at: Date | null;
    first_published_recorded_at: Date | null;
    on_time: boolean | null;
    late_by_ms: string | null;
  };
  service_report_revision: {
    report_id: string;
    revision: number;
    status: string;
    content: ReportContent;
    content_hash: string;
    reason: string | null;
    drafted_by: string;
    drafted_at: Date;
    reviewed_at: Date | null;
    approved_by: string | null;
    approved_at: Date | null;
    published_at: Date | null;
  };
};

/**
 * Reports and their revisions; a published revision's content is never written again. Applying an event twice changes
 * nothing.
 */
export const serviceReportsProjection: Projection<ServiceReportTables> = {
  name: 'service-reports',
  // 2: the first publication's recorded time (first_published_recorded_at).
  version: 2,
  handles: ['ServiceReportDrafted', 'ServiceReportReviewed', 'ServiceReportApproved', 'ServiceReportPublished'],
  tables: ['service_report_revision', 'service_report'],
  async apply(transaction: Transaction<ServiceReportTables>, events: readonly RecordedEvent[]) {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as ServiceReportEvent;
      const revision = () =>
        transaction
          .updateTable('service_report_revision')
          .where('report_id', '=', event.data.reportId)
          .where('revision', '=', event.data.revision);
      switch (event.type) {
        case 'ServiceReportDrafted':
          await transaction
            .insertInto('service_report')
            .values({
              report_id: event.data.reportId,
              agreement_id: event.data.agreementId,
              period: event.data.period,
              audience: event.data.audience,
              due_date: event.data.dueDate,
              deadline: new Date(event.data.deadline),
              first_published_at: null,
              first_published_recorded_at: null,
              on_time: null,
              late_by_ms: null,
            })
            .onConflict((conflict) => conflict.doNothing())
            .execute();
          await transaction
            .insertInto('service_report_revision')
            .values({
              report_id: event.data.reportId,
              revision: event.data.revision,
              status: 'draft',
              content: JSON.stringify(event.data.content) as never,
              content_hash: event.data.contentHash,
              reason: event.data.reason,
              drafted_by: event.data.draftedBy,
              drafted_at: new Date(event.data.occurredAt),
              reviewed_at: null,
              approved_by: null,
              approved_at: null,
              published_at: null,
            })
            .onConflict((conflict) => conflict.doNothing())
            .execute();
          break;
        case 'ServiceReportReviewed':
          await revision()
            .set({ status: 'reviewed', reviewed_at: new Date(event.data.occurredAt) })
            .execute();
          break;
        case 'ServiceReportApproved':
          await revision()
            .set({ status: 'approved', approved_by: event.data.approver, approved_at: new Date(event.data.occurredAt) })
            .execute();
          break;
        case 'ServiceReportPublished':
          await revision()
            .set({ status: 'published', published_at: new Date(event.data.occurredAt) })
            .execute();
          // Timeliness is judged on the first publication: a later correction does not make a late report on time.
          if (event.data.revision === 1) {
            await transaction
              .updateTable('service_report')
              .set({
                first_published_at: new Date(event.data.occurredAt),
                first_published_recorded_at: recorded.recordedAt,
                on_time: event.data.onTime,
                late_by_ms: String(event.data.lateByMs),
              })
              .where('report_id', '=', event.data.reportId)
              .execute();
          }
          break;
      }
    }
  },
};
