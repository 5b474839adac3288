import type { Kysely } from 'kysely';
import type { AgreementContent } from '@sla/agreements-domain';
import type { AgreementTables } from './agreements.projection';

export type ApprovedAgreementVersion = { version: number; approvedAt: Date; content: AgreementContent };

/** An agreement as other contexts may read it: who it is between, and its approved versions in order. */
export type ApprovedAgreement = {
  agreementId: string;
  kind: string;
  title: string;
  customer: string;
  provider: string;
  approvedVersions: ApprovedAgreementVersion[];
};

/** The agreements read model as other contexts see it (reports, …), so no other library selects from its tables. */
export function approvedAgreementReader(db: Kysely<AgreementTables>) {
  return {
    async approvedAgreement(agreementId: string): Promise<ApprovedAgreement | undefined> {
      const agreement = await db
        .selectFrom('agreement')
        .select(['agreement_id', 'kind', 'title', 'counterparty', 'provider'])
        .where('agreement_id', '=', agreementId)
        .executeTakeFirst();
      if (!agreement) return undefined;
      const versions = await db
        .selectFrom('agreement_version')
        .select(['version', 'approved_at', 'content'])
        .where('agreement_id', '=', agreementId)
        .where('approved_at', 'is not', null)
        .orderBy('version')
        .execute();
      return {
        agreementId: agreement.agreement_id,
        kind: agreement.kind,
        title: agreement.title,
        customer: agreement.counterparty.name,
        provider: agreement.provider.name,
        approvedVersions: versions.flatMap(({ version, approved_at, content }) =>
          approved_at ? [{ version, approvedAt: approved_at, content }] : [],
        ),
      };
    },
  };
}
export type ApprovedAgreementReader = ReturnType<typeof approvedAgreementReader>;
