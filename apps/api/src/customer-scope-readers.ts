import { Injectable } from '@nestjs/common';
import type { CustomerScope } from '@sla/access-control';
import { AgreementDirectory } from '@sla/agreements-read-models';
import { ServiceReportScope } from '@sla/reports-feature';

/** The access guard's customer scope, answered by the readers of the contexts that own it. */
@Injectable()
export class CustomerScopeReaders implements CustomerScope {
  constructor(
    private readonly agreements: AgreementDirectory,
    private readonly reports: ServiceReportScope,
  ) {}

  counterpartyOf(agreementId: string) {
    return this.agreements.counterpartyOf(agreementId);
  }

  agreementsWithCounterparty(customer: string) {
    return this.agreements.agreementsWithCounterparty(customer);
  }

  reportOf(reportId: string) {
    return this.reports.reportOf(reportId);
  }

  publishedRevisions(reportId: string, revisions: readonly number[]) {
    return this.reports.publishedRevisions(reportId, revisions);
  }
}
