import {
  DomainError,
  defineEvent,
  type Decider,
  type DomainEvent,
  type EventDataOf,
  streamName,
} from '@sla/event-sourcing';
import {
  breachCustomerNotifiedSchema,
  breachRemediationReportedSchema,
  breachRootCauseRecordedSchema,
  breachServiceCreditAssessedSchema,
  breachWaiverRecordedSchema,
} from './breach-follow-up-steps.schemas';

export const BreachCustomerNotified = defineEvent({
  type: 'BreachCustomerNotified',
  schemaVersion: 1,
  schema: breachCustomerNotifiedSchema,
});

export const BreachRootCauseRecorded = defineEvent({
  type: 'BreachRootCauseRecorded',
  schemaVersion: 1,
  schema: breachRootCauseRecordedSchema,
});

export const BreachServiceCreditAssessed = defineEvent({
  type: 'BreachServiceCreditAssessed',
  schemaVersion: 1,
  schema: breachServiceCreditAssessedSchema,
});

export const BreachRemediationReported = defineEvent({
  type: 'BreachRemediationReported',
  schemaVersion: 1,
  schema: breachRemediationReportedSchema,
});

export const BreachWaiverRecorded = defineEvent({
  type: 'BreachWaiverRecorded',
  schemaVersion: 1,
  schema: breachWaiverRecordedSchema,
});

export const breachFollowUpEventDefinitions = [
  BreachCustomerNotified,
  BreachRootCauseRecorded,
  BreachServiceCreditAssessed,
  BreachRemediationReported,
  BreachWaiverRecorded,
];

export type BreachFollowUpEvent =
  | DomainEvent<'BreachCustomerNotified', EventDataOf<typeof BreachCustomerNotified>>
  | DomainEvent<'BreachRootCauseRecorded', EventDataOf<typeof BreachRootCauseRecorded>>
  | DomainEvent<'BreachServiceCreditAssessed', EventDataOf<typeof BreachServiceCreditAssessed>>
  | DomainEvent<'BreachRemediationReported', EventDataOf<typeof BreachRemediationReported>>
  | DomainEvent<'BreachWaiverRecorded', EventDataOf<typeof BreachWaiverRecorded>>;

export type BreachFollowUpState = {
  readonly notified: boolean;
  readonly rootCause: boolean;
  readonly creditAssessed: boolean;
  readonly remediated: boolean;
  readonly waived: boolean;
};

export class BreachFollowUpError extends DomainError {
  readonly kind: DomainError['kind'];
  constructor(
    readonly code:
      | 'ALREADY_NOTIFIED'
      | 'ALREADY_ASSESSED'
      | 'ALREADY_REMEDIATED'
      | 'ALREADY_WAIVED'
      | 'ROOT_CAUSE_FIRST'
      | 'UNKNOWN_CREDIT_TERM'
      | 'FOLLOW_UP_CLOSED',
    message: string,
  ) {
    super(message);
    this.name = 'BreachFollowUpError';
    this.kind = code === 'ROOT_CAUSE_FIRST' || code === 'UNKNOWN_CREDIT_TERM' ? 'rule_violated' : 'conflict';
  }
}

/** `creditTerms`: the credit terms of the version the breach was judged by, checked before deciding. */
export type RecordBreachFollowUp = {
  readonly type: 'RecordBreachFollowUp';
  readonly fact: BreachFollowUpEvent;
  readonly creditTerms: readonly { condition: string; credit: string }[];
};

/**
 * The follow-up every breach opens: notify the customer, find the root
 * cause, assess service credits, report the remediation (which closes it).
 * A root cause may be revised until the remediation is reported.
 */
export const breachFollowUpDecider: Decider<RecordBreachFollowUp, BreachFollowUpEvent, BreachFollowUpState> = {
  initialState: () => ({ notified: false, rootCause: false, creditAssessed: false, remediated: false, waived: false }),
  evolve(state, event) {
    switch (event.type) {
      case 'BreachCustomerNotified':
        return { ...state, notified: true };
      case 'BreachRootCauseRecorded':
        return { ...state, rootCause: true };
      case 'BreachServiceCreditAssessed':
        return { ...state, creditAssessed: true };
      case 'BreachRemediationReported':
        return { ...state, remediated: true };
      case 'BreachWaiverRecorded':
        return { ...state, waived: true };
    }
  },
  decide({ fact, creditTerms }, state) {
    if (state.remediated && fact.type !== 'BreachCustomerNotified')
      throw new BreachFollowUpError('FOLLOW_UP_CLOSED', 'the remediation is reported: the follow-up is closed');
    switch (fact.type) {
      case 'BreachCustomerNotified':
        if (state.notified)
          throw new BreachFollowUpError('ALREADY_NOTIFIED', 'the customer has already been notified of this breach');
        break;
      case 'BreachServiceCreditAssessed': {
        if (state.creditAssessed)
          throw new BreachFollowUpError(
            'ALREADY_ASSESSED',
            'service credits have already been assessed for this breach',
          );
        const term = fact.data.termIndex === null ? null : creditTerms[fact.data.termIndex];
        if (fact.data.termIndex !== null && !term)
          throw new BreachFollowUpError(
            'UNKNOWN_CREDIT_TERM',
            `the agreement version has ${creditTerms.length} credit term(s); there is no term ${fact.data.termIndex}`,
          );
        // The term's wording is copied from the agreement, so the record reads on its own.
        return [{ ...fact, data: { ...fact.data, condition: term?.condition ?? null, credit: term?.credit ?? null } }];
      }
      case 'BreachRemediationReported':
        if (!state.rootCause)
          throw new BreachFollowUpError('ROOT_CAUSE_FIRST', 'record the root cause before reporting the remediation');
        break;
      case 'BreachWaiverRecorded':
        if (state.waived)
          throw new BreachFollowUpError('ALREADY_WAIVED', 'a waiver is already recorded for this breach');
        break;
      default:
        break;
    }
    return [fact];
  },
};

export const breachFollowUpStreamName = (breachEventId: string) => streamName('breach_follow_up', breachEventId);
