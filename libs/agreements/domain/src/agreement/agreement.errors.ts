import { DomainError } from '@sla/event-sourcing';

export type AgreementErrorCode =
  | 'AGREEMENT_ALREADY_EXISTS'
  | 'AGREEMENT_NOT_FOUND'
  | 'VERSION_NOT_FOUND'
  | 'VERSION_NOT_EDITABLE'
  | 'VERSION_NOT_SUBMITTED'
  | 'VERSION_NOT_DRAFT'
  | 'ALREADY_SIGNED_BY_PARTY'
  | 'SAME_ACTOR_FOR_BOTH_PARTIES'
  | 'UNDERPINNING_GAPS_NOT_ACCEPTED'
  | 'OPEN_DRAFT_EXISTS'
  | 'NOT_IN_EFFECT'
  | 'NOT_SUSPENDED'
  | 'ALREADY_TERMINATED'
  | 'NOTICE_PERIOD_TOO_SHORT'
  | 'EFFECTIVE_DATE_NOT_AFTER_CURRENT'
  | 'NOT_YET_EXPIRED'
  | 'NO_EXPIRY_DATE'
  | 'EXPIRY_NOT_LATER'
  | 'UNKNOWN_SERVICE'
  | 'UNKNOWN_CALENDAR';

const KINDS: Record<AgreementErrorCode, DomainError['kind']> = {
  AGREEMENT_ALREADY_EXISTS: 'conflict',
  AGREEMENT_NOT_FOUND: 'not_found',
  VERSION_NOT_FOUND: 'not_found',
  VERSION_NOT_EDITABLE: 'conflict',
  VERSION_NOT_SUBMITTED: 'conflict',
  VERSION_NOT_DRAFT: 'conflict',
  ALREADY_SIGNED_BY_PARTY: 'conflict',
  SAME_ACTOR_FOR_BOTH_PARTIES: 'rule_violated',
  UNDERPINNING_GAPS_NOT_ACCEPTED: 'rule_violated',
  OPEN_DRAFT_EXISTS: 'conflict',
  NOT_IN_EFFECT: 'conflict',
  NOT_SUSPENDED: 'conflict',
  ALREADY_TERMINATED: 'conflict',
  NOTICE_PERIOD_TOO_SHORT: 'rule_violated',
  EFFECTIVE_DATE_NOT_AFTER_CURRENT: 'rule_violated',
  NOT_YET_EXPIRED: 'rule_violated',
  NO_EXPIRY_DATE: 'rule_violated',
  EXPIRY_NOT_LATER: 'rule_violated',
  UNKNOWN_SERVICE: 'rule_violated',
  UNKNOWN_CALENDAR: 'rule_violated',
};

export class AgreementError extends DomainError {
  readonly kind: DomainError['kind'];
  constructor(
    readonly code: AgreementErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AgreementError';
    this.kind = KINDS[code];
  }
}
