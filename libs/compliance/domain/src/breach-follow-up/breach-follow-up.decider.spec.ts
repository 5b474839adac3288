import { breachFollowUpDecider, type BreachFollowUpEvent } from './breach-follow-up.decider';

const breachEventId = '0b6f8a36-44a4-5c3c-9a44-2f1f1c2d3e4f';
const terms = [{ condition: 'availability below target', credit: '5 % of the monthly fee' }];
const decide = (given: BreachFollowUpEvent[], fact: BreachFollowUpEvent) => () =>
  breachFollowUpDecider.decide(
    { type: 'RecordBreachFollowUp', fact, creditTerms: terms },
    given.reduce(breachFollowUpDecider.evolve, breachFollowUpDecider.initialState()),
  );
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
const credit = (termIndex: number | null): BreachFollowUpEvent => ({
  type: 'BreachServiceCreditAssessed',
  data: {
    breachEventId,
    termIndex,
    condition: null,
    credit: null,
    rationale: 'contract clause 7',
    occurredAt: '2026-03-19T12:00:00Z',
  },
});

describe('breach follow-ups', () => {
  it('notifies once, needs a root cause before the remediation, and closes with it', () => {
    expect(decide([], notified)()).toEqual([notified]);
    expect(decide([notified], notified)).toThrow(
      expect.objectContaining({ code: 'ALREADY_NOTIFIED', kind: 'conflict' }),
    );
    expect(decide([notified], remediation)).toThrow(
      expect.objectContaining({ code: 'ROOT_CAUSE_FIRST', kind: 'rule_violated' }),
    );
    expect(decide([notified, rootCause], remediation)()).toEqual([remediation]);
    expect(decide([notified, rootCause, remediation], rootCause)).toThrow(
      expect.objectContaining({ code: 'FOLLOW_UP_CLOSED' }),
    );
  });

  it("assesses credits by the agreement's own terms, copying their wording", () => {
    expect(decide([], credit(0))()).toEqual([
      {
        ...credit(0),
        data: { ...credit(0).data, condition: 'availability below target', credit: '5 % of the monthly fee' },
      },
    ]);
    expect(decide([], credit(null))()).toEqual([credit(null)]);
    expect(decide([], credit(3))).toThrow(expect.objectContaining({ code: 'UNKNOWN_CREDIT_TERM' }));
    expect(decide([credit(0)], credit(0))).toThrow(expect.objectContaining({ code: 'ALREADY_ASSESSED' }));
  });
});
