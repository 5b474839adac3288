import { deciderSpec } from '@sla/event-sourcing/testing';
import { breachFollowUpDecider, type BreachFollowUpEvent } from './breach-follow-up.decider';

const breachEventId = '0b6f8a36-44a4-5c3c-9a44-2f1f1c2d3e4f';
const terms = [{ condition: 'availability below target', credit: '5 % of the monthly fee' }];
const { given } = deciderSpec(breachFollowUpDecider);
const record = (fact: BreachFollowUpEvent) => ({ type: 'RecordBreachFollowUp' as const, fact, creditTerms: terms });
const notified: BreachFollowUpEvent = {
  type: 'BreachCustomerNotified',
  data: { breachEventId, channel: 'e-mail', recipient: 'finance@customer', occurredAt: '2026-03-17T12:00:00Z' },
};
const rootCause: BreachFollowUpEvent = {
  type: 'BreachRootCauseRecorded',
  data: { breachEventId, rootCause: 'expired certificate', occurredAt: '2026-03-18T12:00:00Z' },
};
const remediation: BreachFollowUpEvent = {
  type: 'BreachRemediationReported',
  data: { breachEventId, report: 'certificate renewal automated', occurredAt: '2026-03-20T12:00:00Z' },
};
// The command names a term by index; the decider copies that term's wording into the event.
const credit = (
  termIndex: number | null,
  wording: { condition: string | null; credit: string | null } = { condition: null, credit: null },
): BreachFollowUpEvent => ({
  type: 'BreachServiceCreditAssessed',
  data: {
    breachEventId,
    termIndex,
    ...wording,
    rationale: 'contract clause 7',
    occurredAt: '2026-03-19T12:00:00Z',
  },
});

describe('breach follow-ups', () => {
  it('notifies once, needs a root cause before the remediation, and closes with it', () => {
    given([]).when(record(notified)).then([notified]);
    given([notified]).when(record(notified)).thenFails('ALREADY_NOTIFIED', { kind: 'conflict' });
    given([notified]).when(record(remediation)).thenFails('ROOT_CAUSE_FIRST', { kind: 'rule_violated' });
    given([notified, rootCause]).when(record(remediation)).then([remediation]);
    given([notified, rootCause, remediation]).when(record(rootCause)).thenFails('FOLLOW_UP_CLOSED');
  });

  it("assesses credits by the agreement's own terms, copying their wording", () => {
    given([])
      .when(record(credit(0)))
      .then([credit(0, { condition: 'availability below target', credit: '5 % of the monthly fee' })]);
    given([])
      .when(record(credit(null)))
      .then([credit(null)]);
    given([])
      .when(record(credit(3)))
      .thenFails('UNKNOWN_CREDIT_TERM');
    given([credit(0)])
      .when(record(credit(0)))
      .thenFails('ALREADY_ASSESSED');
  });
});
