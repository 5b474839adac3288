import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import { READ_STORE } from '@sla/nest-platform';

/** The columns of the agreements' `agreement` read model other contexts may rely on. */
type AgreementPartyTables = {
  agreement: { agreement_id: string; kind: string; title: string; status: string; counterparty: { name: string } };
};

/** What a list of agreements shows of each one (the compliance portfolio). */
export type AgreementSummary = {
  agreementId: string;
  kind: string;
  title: string;
  status: string;
  counterparty: string;
};

/** The agreements and their counterparties as other contexts see them (access control, report definitions). */
@Injectable()
export class AgreementDirectory {
  constructor(@Inject(READ_STORE) private readonly db: Kysely<AgreementPartyTables>) {}

  async exists(agreementId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('agreement')
      .select('agreement_id')
      .where('agreement_id', '=', agreementId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The counterparty's name, or undefined for an unknown agreement. */
  async counterpartyOf(agreementId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('agreement')
      .select('counterparty')
      .where('agreement_id', '=', agreementId)
      .executeTakeFirst();
    return row?.counterparty.name;
  }

  /** The ids of the agreements whose counterparty is the named party. */
  async agreementsWithCounterparty(name: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('agreement')
      .select('agreement_id')
      .where(sql<boolean>`counterparty->>'name' = ${name}`)
      .execute();
    return rows.map((row) => row.agreement_id);
  }

  /** Every agreement by id, with its kind, title, lifecycle status and counterparty's name. */
  async summaries(): Promise<AgreementSummary[]> {
    const rows = await this.db
      .selectFrom('agreement')
      .select(['agreement_id', 'kind', 'title', 'status', 'counterparty'])
      .orderBy('agreement_id')
      .execute();
    return rows.map((row) => ({
      agreementId: row.agreement_id,
      kind: row.kind,
      title: row.title,
      status: row.status,
      counterparty: row.counterparty.name,
    }));
  }
}
