import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { READ_STORE } from '@sla/nest-platform';
import type { ServiceReportTables } from './service-reports.projection';

/** Who may see a report and which revisions exist, as other contexts (access control, the CLI) read it. */
@Injectable()
export class ServiceReportScope {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<ServiceReportTables>) {}

  /** The report's agreement and audience, or undefined for an unknown report. */
  async reportOf(reportId: string): Promise<{ agreementId: string; audience: string } | undefined> {
    const row = await this.db
      .selectFrom('service_report')
      .select(['agreement_id', 'audience'])
      .where('report_id', '=', reportId)
      .executeTakeFirst();
    return row && { agreementId: row.agreement_id, audience: row.audience };
  }

  /** Which of the given revisions of a report are published. */
  async publishedRevisions(reportId: string, revisions: readonly number[]): Promise<number[]> {
    if (revisions.length === 0) return [];
    const rows = await this.db
      .selectFrom('service_report_revision')
      .select('revision')
      .where('report_id', '=', reportId)
      .where('revision', 'in', [...revisions])
      .where('status', '=', 'published')
      .execute();
    return rows.map((row) => Number(row.revision));
  }

  /** The latest revision of a report, or undefined for an unknown report. */
  async latestRevision(reportId: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('service_report_revision')
      .select((select) => select.fn.max('revision').as('latest'))
      .where('report_id', '=', reportId)
      .executeTakeFirst();
    return row?.latest === null || row?.latest === undefined ? undefined : Number(row.latest);
  }
}
