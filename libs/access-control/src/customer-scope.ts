export const CUSTOMER_SCOPE = Symbol('CUSTOMER_SCOPE');

/**
 * What the guard needs to keep a customer to its own agreements. The agreements and reports contexts own the
 * answers (their read models); the composition root wires their readers in.
 */
export type CustomerScope = {
  /** The counterparty's name, or undefined for an unknown agreement. */
  counterpartyOf(agreementId: string): Promise<string | undefined>;
  agreementsWithCounterparty(customer: string): Promise<string[]>;
  reportOf(reportId: string): Promise<{ agreementId: string; audience: string } | undefined>;
  publishedRevisions(reportId: string, revisions: readonly number[]): Promise<number[]>;
};
