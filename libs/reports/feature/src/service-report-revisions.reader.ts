import type { Kysely } from 'kysely';
import type { ServiceReportTables } from './service-reports.projection';

/**
 * What was reported for an agreement's period, as other contexts may read it (audit's evidence bundle): every
 * revision of its service reports with their content hashes, so no other library reads the report tables.
 */
export async function readServiceReportRevisions(db: Kysely<any>, agreementId: string, period: string) {
  const records = db as Kysely<ServiceReportTables>;
  const reports = await records
    .selectFrom('service_report')
    .select('report_id')
    .where('agreement_id', '=', agreementId)
    .where('period', '=', period)
    .orderBy('report_id')
    .execute();
  const reportIds = reports.map((report) => report.report_id);
  const revisions =
    reportIds.length === 0
      ? []
      : await records
          .selectFrom('service_report_revision')
          .selectAll()
          .where('report_id', 'in', reportIds)
          .orderBy('report_id')
          .orderBy('revision')
          .execute();
  return {
    reportIds,
    revisions: revisions.map((revision) => ({
      reportId: revision.report_id,
      revision: revision.revision,
      status: revision.status,
      contentHash: revision.content_hash,
      reason: revision.reason,
      draftedBy: revision.drafted_by,
      approvedBy: revision.approved_by,
      publishedAt: revision.published_at,
      content: revision.content,
    })),
  };
}

export type ServiceReportRevisionRecords = Awaited<ReturnType<typeof readServiceReportRevisions>>;
