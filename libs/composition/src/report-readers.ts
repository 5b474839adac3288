import { QueryBus } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import {
  approvedAgreementReader,
  improvementPlansReader,
  type AgreementTables,
  type ReviewTables,
} from '@sla/agreements-feature';
import { agreementComplianceReader } from '@sla/compliance-feature';
import { READ_STORE } from '@sla/nest-platform';
import type { ReportReaders } from '@sla/reports-feature';

/**
 * The readers the report figures (owned by reports) read other contexts through, each exported by the context that
 * owns the data; the return type makes the compiler check the owners' rows against what reports declares it reads.
 */
export const reportReaders = {
  inject: [QueryBus, READ_STORE],
  useFactory: (queries: QueryBus, db: Kysely<AgreementTables & ReviewTables>): ReportReaders => ({
    compliance: agreementComplianceReader(queries),
    agreements: approvedAgreementReader(db),
    improvementPlans: improvementPlansReader(db),
  }),
};
